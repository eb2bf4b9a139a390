"""Page numbers left alone on a row of a table converted from a PDF.

A converter often writes a page's number on a row of its own inside the table: ``2`` in the
No. column, or right-aligned in the Level (or last) column. Read as it is, ``2`` in the No.
column is capability 2 with no level, a rival to the real capability 2 (both are then
refused as given twice); a number alone under Level is a level with no capability. A row
that holds only a whole number is a page number when the number repeats one given in another
row of its column (the No. or Capability column), or when it stands alone outside those
columns under a row that already holds its level. Such rows are left out, with a warning
naming them, and do not stop a header repeated below them from being read as a page break
(``page_breaks``).
"""

from __future__ import annotations

from typing import Any

from components.ingest.layout import ItemTable
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.values import is_blank

# A page number: a PDF's pages, not a year or a code.
_MOST_PAGES = 999


def page_number(value: Any) -> int | None:
    """The whole number a cell holds (2, 2.0, "2") when it can be a page's, or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    return value if isinstance(value, int) and 1 <= value <= _MOST_PAGES else None


def _alone(cells: tuple[Any, ...]) -> tuple[int, Any] | None:
    filled = [(column, value) for column, value in enumerate(cells) if not is_blank(value)]
    return filled[0] if len(filled) == 1 else None


def page_number_rows(
    ctx: ReadContext, sheet: Sheet, layout: ItemTable, alone: list[int]
) -> list[int]:
    """The rows among ``alone`` (one value alone in each) that hold a page number: left out
    (blanked by the caller), with one warning naming them."""
    columns = layout.columns
    keys = {columns[name] for name in ("number", layout.catalogue) if name in columns}
    level = columns.get("level")
    if not keys or level is None:
        return []
    first = layout.header + 1
    rows = sheet.rows
    found: list[tuple[int, int, Any]] = []
    for row in alone:
        one = _alone(rows[row])
        if one is None or (number := page_number(one[1])) is None:
            continue
        column = one[0]
        if column in keys:
            # Another row gives the same number in this column: a rival, not a capability.
            rival = any(
                other != row and page_number(value) == number
                for other, value in enumerate(sheet.column(column, first, len(rows)), first)
                if other < len(rows) and len(rows[other]) > 1
            )
            if rival:
                found.append((row, column, one[1]))
            continue
        if column in columns.values() and column != level:
            continue  # a country's or year's column: not for this module to say
        above = row - 1
        while above >= first and all(is_blank(value) for value in rows[above]):
            above -= 1
        cells = rows[above] if above >= first else ()
        if (
            level < len(cells)
            and not is_blank(cells[level])
            and any(c < len(cells) and not is_blank(cells[c]) for c in keys)
        ):
            found.append((row, column, one[1]))
    if not found:
        return []
    names = ", ".join(str(row + 1) for row, _, _ in found)
    values = ", ".join(quoted(value) for _, _, value in found)
    plural = len(found) > 1
    ctx.add(
        "warning",
        sheet,
        cell_address(found[0][0], found[0][1]),
        f"Row{'s' if plural else ''} {names} hold{'' if plural else 's'} only a number "
        f"({values}) and nothing else: taken for the page number"
        f"{'s' if plural else ''} of the PDF the table came from, and left out.",
        "If such a row belongs to the table, write its capability and level in it.",
    )
    return [row for row, _, _ in found]
