"""A header written in two languages, one row under the other: one header, read once.

Bilingual offices head their tables twice: "N° | Capacité | Niveau | Observations" over "No. |
Capability | Level | Remarks" (Benin, Cameroon, Canada), "Capacidad | Nivel" over "Capability
| Level", sometimes three languages deep; a number column merged down over both rows leaves
its lower cell empty. Each row alone heads the same columns the same way, so a reader that
takes the upper row as the header reads the lower one as data ("“Capability” is not a
capability"), and one that finds the lower row as a second table stacked under the first reads
an empty assessment, then the real one, twice over the same capabilities.

``one_header`` leaves out (blanks, in the sheet's rows, as ``page_breaks`` does a header
repeated at a page break) the rows right under an item table's header that head its capability
(or number) and level columns again: the header is its first row, and the labels above it still
give the country and year. ``first_headers`` does the same for the headers of tables stacked
on a sheet, so that each table is read once.
"""

from __future__ import annotations

from collections.abc import Sequence

from components.ingest.layout import ItemTable
from components.ingest.matching import classify_header
from components.ingest.sheets import Sheet

# The columns that say which table a header row heads: the item's key and its level.
_KEYS = ("capability", "enabler", "number")


def one_header(sheet: Sheet, layout: ItemTable) -> None:
    """Blank, in ``sheet``'s rows, the rows right under ``layout``'s header that write the
    header again (in another language)."""
    _blank_below(sheet, layout, layout.header)


def first_headers(sheet: Sheet, layout: ItemTable, headers: Sequence[int]) -> list[int]:
    """The header rows of tables stacked on a sheet (``headers``, in order), less those that
    write the header right above them again (blanked, in ``sheet``'s rows)."""
    kept: list[int] = []
    for row in headers:
        if sheet.rows[row]:  # not blanked as the header of the table above written again
            kept.append(row)
            _blank_below(sheet, layout, row)
    return kept


def _blank_below(sheet: Sheet, layout: ItemTable, header: int) -> None:
    rows = sheet.rows
    row = header + 1
    while row < len(rows) and rows[row] and heads_again(rows[row], layout):
        rows[row] = ()
        row += 1
    if row > header + 1:
        sheet.columns = None  # the rows changed: the columns no longer say the same


def heads_again(cells: Sequence[object], layout: ItemTable) -> bool:
    """Whether a row heads ``layout``'s level column and its capability (or number) column
    as the header does, with nothing in it that is data: every other cell blank or a header
    word, the key columns' cells headers of the same column (or one left blank, merged)."""
    columns = layout.columns
    level = columns.get("level")
    if level is None or level >= len(cells) or classify_header(cells[level]) != "level":
        return False
    keyed = False
    for name in _KEYS:
        column = columns.get(name)
        if column is None or column >= len(cells) or cells[column] is None:
            continue
        if classify_header(cells[column]) != name:
            return False  # a number or a title: a row of data
        keyed = True
    if not keyed:
        return False
    # Any other cell is a header word or blank: a level, a number or a note is data.
    return all(value is None or isinstance(value, str) for value in cells)
