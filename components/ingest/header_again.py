"""A table's header row written again among its rows: a header, not data, skipped quietly.

Regional blocks stacked on one sheet each repeat the header ("Country | Leadership | …"), and
a long sheet printed over several pages repeats it at each page's top. Read as data, its
capability titles would be "levels" of a country called "Country", each said as an error,
though nothing is wrong. ``blank_headers_again`` blanks the rows below a wide table's header
that say what its header says (its words in the same columns), before the rows are read.
(A table of one row per capability has its own ways: ``page_breaks`` for a header repeated at
a page's top, ``stacked`` for a table under another.)
"""

from __future__ import annotations

from typing import Any

from components.ingest.sheets import Sheet
from components.ingest.vocabulary import key_of

# A row says what the header says when this share of the header's words are in it, in the
# same columns (a header reworded or cut short by a page is still one), and at least MIN_SAME.
SAME_SHARE = 0.8
MIN_SAME = 2


def blank_headers_again(sheet: Sheet, header: int) -> None:
    """Blank the rows below ``header`` that repeat it (see the module)."""
    words = _words(sheet.rows[header]) if header < len(sheet.rows) else {}
    if len(words) < MIN_SAME:
        return
    changed = False
    for row in range(header + 1, len(sheet.rows)):
        if is_header_again(words, sheet.rows[row]):
            sheet.rows[row] = ()
            changed = True
    if changed:
        sheet.columns = None  # the rows changed: the columns no longer say the same


def is_header_again(words: dict[int, str], cells: tuple[Any, ...]) -> bool:
    """Whether a row's cells say most of what a header's ``words`` (column -> key) say."""
    if not cells:
        return False
    same = sum(
        1
        for column, key in words.items()
        if column < len(cells) and isinstance(cells[column], str) and key_of(cells[column]) == key
    )
    return same >= MIN_SAME and same >= SAME_SHARE * len(words)


def _words(cells: tuple[Any, ...]) -> dict[int, str]:
    """The header's text cells, each compared by its key."""
    return {
        column: key
        for column, value in enumerate(cells)
        if isinstance(value, str) and (key := key_of(value))
    }
