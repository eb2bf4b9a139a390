"""A csv holding several tables, as Apple Numbers exports a sheet with more than one.

Numbers' "Export to CSV" writes each table of a sheet under a line holding only its name
("Table 1", "Table 2", or the name the person gave it after a blank line), one under another.
Read as one table, the second (the enablers, say) would become more rows of the first. When a
csv has lines holding only "Table N" (in the vocabulary's languages: "Tableau 2", "Tabla 2",
"Tabela 2"), ``split_numbers_tables`` makes each table its own sheet: the csv's rows with the
other tables' rows blank, so that every cell keeps its row number in messages.
"""

from __future__ import annotations

import dataclasses
import itertools
import re

from components.ingest.sheets import Sheet

_TABLE_LINE = re.compile(r"^\s*(?:table|tableau|tabla|tabela)\s+\d{1,3}\s*$", re.IGNORECASE)


def table_lines(sheet: Sheet) -> list[int]:
    """The rows holding only a "Table N" name in their first cell, each at the top of the csv
    or under a blank row (Numbers puts a blank line between its tables)."""
    found = []
    for index, cells in enumerate(sheet.rows):
        # Trailing blanks are trimmed: the name alone is a row of one cell.
        if (
            len(cells) == 1
            and isinstance(cells[0], str)
            and _TABLE_LINE.match(cells[0])
            and (index == 0 or not any(v is not None for v in sheet.rows[index - 1]))
        ):
            found.append(index)
    return found


def split_numbers_tables(sheets: list[Sheet]) -> list[Sheet]:
    """The csv's tables each as a sheet of its own when it has two or more "Table N" lines;
    other files (and a csv with one table) as they are."""
    if len(sheets) != 1 or sheets[0].name is not None:
        return sheets
    sheet = sheets[0]
    starts = table_lines(sheet)
    if len(starts) < 2:
        return sheets
    bounds = [*starts, len(sheet.rows)]
    if any(v is not None for cells in sheet.rows[: starts[0]] for v in cells):
        bounds = [0, *bounds]
    out = []
    for first, end in itertools.pairwise(bounds):
        rows = [cells if first <= index < end else () for index, cells in enumerate(sheet.rows)]
        while rows and not rows[-1]:
            rows.pop()
        out.append(dataclasses.replace(sheet, rows=rows, columns=None, merged_down=[]))
    return out
