"""A PDF page's footer row, left between the pages of a converted table.

Besides "Page 2 of 3" alone (``page_breaks.is_page_line``), a report's footer often spreads
over the row: the document's title, "Confidential", the date it was printed and the page
("MNR Assessment – Ghana – Confidential | 12/03/2024 | 1 of 3"). Such a row is no capability:
it is a footer when one of its cells gives the page ("1 of 3", "Page 2", "Página 2 de 3",
"2/3") and another a date or a word of a document's marking ("Confidential", "Draft",
"Confidencial", "Confidentiel", "Interno"...), and none is a number.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Set
from typing import Any

from components.ingest.values import is_blank

_PAGE = re.compile(
    r"\s*(?:(?:page|pág(?:ina)?|pag(?:ina|e)?|p)\.?\s*\d+"
    r"(?:\s*(?:of|de|sur|di|/|von)\s*\d+)?|\d+\s*(?:of|de|sur|di|/|von)\s*\d+)\s*",
    re.IGNORECASE,
)
_DATE = re.compile(r"\s*(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2})\s*")
_MARKING = re.compile(
    r"\b(?:confidential|confidencial|confidentiel(?:le)?|confidenziale|internal|interne?|"
    r"interno|restricted|restreint|restringido|restrito|draft|borrador|brouillon|rascunho|"
    r"printed|imprimé|impreso|impresso)\b",
    re.IGNORECASE,
)
_MAX_CELLS = 4


def is_footer_row(cells: tuple[Any, ...], titles: frozenset[str] = frozenset()) -> bool:
    """Whether a row is a page's footer spread over its cells (see the module), or a page's
    header: the title above the table (one of ``titles``) again beside the page's number."""
    filled = [value for value in cells if not is_blank(value)]
    if not 2 <= len(filled) <= _MAX_CELLS:
        return False
    if any(isinstance(v, int | float) for v in filled):
        return False  # a number: a row of the table
    texts = [v for v in filled if isinstance(v, str)]
    if not any(_PAGE.fullmatch(v) for v in texts):
        return False
    return any(
        isinstance(v, datetime.date | datetime.datetime)
        or (isinstance(v, str) and (_DATE.fullmatch(v) or _MARKING.search(v) or v in titles))
        for v in filled
    )


def footer_rows(
    rows: list[tuple[Any, ...]], first: int, values: Set[Any] | None = None
) -> list[int]:
    """The footer rows among ``rows`` from ``first`` on (a row with a number is none: the
    table's rows are passed over fast). ``values``, when given, holds every value of those
    rows (``body_values``)."""
    # A footer row holds a page's text (``is_footer_row``): when none of the rows' distinct
    # texts is one, no row is a footer, and the rows need no look one by one (a long table's
    # thousands of rows repeat a few hundred values).
    if values is not None and not any(isinstance(v, str) and _PAGE.fullmatch(v) for v in values):
        return []
    # A print layout repeats its title at each page's top, beside the page's number.
    titles = frozenset(
        v for cells in rows[: max(0, first - 1)] for v in cells if isinstance(v, str)
    )
    found = [
        row
        for row in range(first, len(rows))
        if not any(isinstance(v, int | float) for v in rows[row])
        and is_footer_row(rows[row], titles)
    ]
    return sorted(found + _page_lines(rows, found, titles)) if found and titles else found


def _page_lines(rows: list[tuple[Any, ...]], pages: list[int], titles: frozenset[str]) -> list[int]:
    """Around each page's header row of ``pages``: the title's other lines repeated below it
    ("Ministry of …" under "Kenya – MNR 2024 | Page 2 of 3") and the page's marking alone
    above it ("Confidential – for the meeting only"), blank rows between."""
    lines = []
    for page in pages:
        for step in (1, -1):
            row = page + step
            while 0 <= row < len(rows):
                filled = [v for v in rows[row] if not is_blank(v)]
                if not filled:
                    row += step
                    continue
                alone = filled[0] if len(filled) == 1 and isinstance(filled[0], str) else None
                if alone is None or not (
                    alone in titles if step == 1 else alone in titles or _MARKING.search(alone)
                ):
                    break
                lines.append(row)
                row += step
    return [row for row in dict.fromkeys(lines) if row not in pages]
