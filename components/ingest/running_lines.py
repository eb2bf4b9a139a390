"""A report's running footer or header printed into the cells of a table taken from a PDF.

A report prints a line at the foot (or head) of each page: its title or its publisher and
the page's number ("Tunisia MNR 2023 – page 4", "National Council for Childhood and
Motherhood | 15", "Sri Lanka MNR report | 12"). A converter writes that line into the table
where the page breaks, between two capabilities' rows (or at the end of each sheet when it
writes a sheet per page). Read as it is, it is an unknown capability, and the header
repeated under it starts a new table with no country. Such a line is page furniture:

* a row whose one text ends (or starts) with a page's number spelt as one ("… – page 4",
  "Page 7 of 18 – …", "p. 3"), nothing else in the row but that number again;
* a row of one text and one whole number whose text comes again on another such row with
  the next page's number (the same footer on consecutive pages), the text naming no
  capability or enabler.

Left out of the table (the caller blanks the rows), a footer's text is still the report's
own: the country and year it names are read as the table's context, after a title above the
table (``page_lines``, read by ``outside_titles``), and the warning that says so names the
row.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from typing import Any

from components.base.text import normalise
from components.ingest.matching import Catalogue, match_item
from components.ingest.page_numbers import page_number
from components.ingest.sheets import ReadContext, Sheet

# A page's number as a report prints it, at the end or the start of a line: "page 4", "Page 7
# of 18", "p. 3", "pág. 2 de 9", "Seite 2 von 5", "стр. 4".
_PAGE = (
    r"(?:page|pages|pg\.?|p\.|pág(?:ina)?\.?|pagina|seite|стр\.?|страница)\s*\d{1,4}"
    r"(?:\s*(?:of|de|sur|di|/|von|из)\s*\d{1,4})?"
)
_PAGE_AT_END = re.compile(rf"^(?P<text>.*?[^\W\d_].*?)[\s,|–—:-]+{_PAGE}\s*$", re.IGNORECASE)
_PAGE_AT_START = re.compile(rf"^\s*{_PAGE}[\s,|–—:-]+(?P<text>.*?[^\W\d_].*)$", re.IGNORECASE)
_PAGE_ALONE = re.compile(rf"^\s*{_PAGE}\s*$", re.IGNORECASE)
# A running line is short: a paragraph of notes is none.
_MAX_CHARS = 120
# ``ReadContext.memo``'s key for the running lines' texts of a sheet (by its name).
_LINES_KEY = "running lines"


def marked_text(value: Any) -> str | None:
    """The text of a line that carries its page's number ("Tunisia MNR 2023 – page 4":
    "Tunisia MNR 2023"), or ``None`` for any other value."""
    if not isinstance(value, str) or len(value) > _MAX_CHARS or not re.search(r"\d", value):
        return None
    if _PAGE_ALONE.match(value):
        return None  # "Page 2 of 3" alone: ``page_breaks``' own
    found = _PAGE_AT_END.match(value) or _PAGE_AT_START.match(value)
    return found.group("text").strip() if found else None


def _parts(cells: tuple[Any, ...]) -> tuple[str, int | None] | None:
    """A row's one text and its one page number beside it (``None`` for no number), when it
    holds no more than that."""
    text: str | None = None
    number: int | None = None
    for value in cells:
        if value is None:
            continue
        if isinstance(value, str) and not value.strip():
            continue
        page = page_number(value)
        if page is not None and number is None:
            number = page
        elif isinstance(value, str) and text is None and len(value) <= _MAX_CHARS:
            text = value.strip()
        else:
            return None
    return (text, number) if text else None


def running_rows(
    rows: list[tuple[Any, ...]], candidates: Iterable[int], catalogues: tuple[Catalogue, ...]
) -> list[tuple[int, str]]:
    """The rows among ``candidates`` that are a running footer or header (see the module),
    each with its text (the page's number left out)."""
    found: dict[int, str] = {}
    numbered: dict[str, list[tuple[int, int, str]]] = {}
    for row in candidates:
        parts = _parts(rows[row])
        if parts is None:
            continue
        text, number = parts
        marked = marked_text(text)
        if marked is not None and not _names_item(marked, catalogues):
            found[row] = marked
        elif number is not None:
            numbered.setdefault(normalise(text), []).append((row, number, text))
    for same in numbered.values():
        if len(same) < 2 or _names_item(same[0][2], catalogues):
            continue
        pages = [number for _, number, _ in same]
        # The next page's number each time (a page without its footer aside): a footer.
        if all(0 < b - a <= 2 for a, b in itertools.pairwise(pages)):
            found.update({row: text for row, _, text in same})
    return sorted(found.items())


def _names_item(text: str, catalogues: tuple[Catalogue, ...]) -> bool:
    """Whether a text names a capability or an enabler, even roughly (never a footer)."""
    return any(match_item(text, catalogue).number is not None for catalogue in catalogues)


def remember_lines(ctx: ReadContext, sheet: Sheet, lines: Iterable[tuple[int, str]]) -> None:
    """Keep the running lines' texts of ``sheet``, for the table's context (``page_lines``)."""
    kept: dict[str | None, list[tuple[str, str]]] = ctx.memo.setdefault((_LINES_KEY,), {})
    where = kept.setdefault(sheet.name, [])
    for row, text in lines:
        line = (f"the page footer in row {row + 1}", text)
        if line not in where:
            where.append(line)


def page_lines(ctx: ReadContext, sheet: Sheet) -> tuple[tuple[str, str], ...]:
    """The running lines left out of ``sheet``'s table, each with where it was: (where,
    text), "where" completing "… was taken from <where>"."""
    kept: dict[str | None, list[tuple[str, str]]] = ctx.memo.get((_LINES_KEY,), {})
    return tuple(kept.get(sheet.name, ()))
