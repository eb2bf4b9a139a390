"""A level column whose cells number the framework's labels from 1: "1 - Not in place" … "5 -
Mature", a drop-down list renumbered by whoever made the workbook.

Each such cell gives a number and a label that disagree (the number one higher), and read cell
by cell every one is refused ("gives the number 4 but the label of level 3"), though the
column's meaning is plain: the labels are the framework's own, and the numbers only count the
list's entries. When every cell of the column that holds a number and a label has the number
one higher than the label's level (and at least ``MIN_CELLS`` do), the cells are read by their
labels, with one warning saying so. A column where some agree and some do not is left to be
read cell by cell: then it is not the list that is numbered otherwise.
"""

from __future__ import annotations

import re

from components.base.text import normalise
from components.ingest.level_words import level_names
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted

# "1 - Not in place", "1: Not in place", "(1) Not in place", "1. Not in place", "1 = …".
_NUMBERED_LABEL = re.compile(r"^\(?(?P<number>\d)\s*[-–—:.=)]\s*(?P<label>[^\d].*?)\s*$")
MIN_CELLS = 4


def read_shifted_labels(ctx: ReadContext, sheet: Sheet, column: int, first: int, end: int) -> None:
    """Replace the cells of ``column`` (rows ``first`` to ``end``) that number the framework's
    labels from 1 by their labels alone, when the whole column does so, and say it once."""
    names = level_names(ctx.framework.scale)
    shifted: dict[int, str] = {}
    for row in range(first, min(end, len(sheet.rows))):
        value = sheet.value(row, column)
        found = _NUMBERED_LABEL.match(value) if isinstance(value, str) else None
        if found is None or (level := names.get(normalise(found["label"]))) is None:
            continue
        if int(found["number"]) != level + 1:
            return  # a cell numbered as the framework numbers it, or otherwise: cell by cell
        shifted[row] = found["label"]
    if len(shifted) < MIN_CELLS:
        return
    first_row = min(shifted)
    written = sheet.value(first_row, column)
    for row, label in shifted.items():
        cells = list(sheet.rows[row])
        cells[column] = label
        sheet.rows[row] = tuple(cells)
    sheet.columns = None  # the rows changed: the columns no longer say the same
    scale = ctx.framework.scale
    ours = ", ".join(f"{level.value} - {level.label}" for level in scale.levels)
    ctx.add(
        "warning",
        sheet,
        cell_address(first_row, column),
        f"The level cells number the framework's labels one higher than the framework does "
        f"(such as {quoted(written)}), as a drop-down list numbered from 1 does; each level "
        "was read by its label.",
        f"Nothing to do if the labels are right. The template's list numbers them {ours}.",
    )
