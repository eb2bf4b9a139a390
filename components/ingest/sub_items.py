"""A project tool's sub-items under an item: monday.com's "Subitems" blocks, "Subtasks".

monday.com exports each item's sub-items right under its row, one column to the right, under a
header of their own: ``| Subitems | Owner | Status | Date |`` then ``| Consult children's
council | Grace | Done | 2024-06-30 |``. Read as rows of the assessment they are rows with no
capability whose "level" is a date or a state ("Row 6 has a level or notes but no
capability"). They are tasks under a capability, never its level: ``without_sub_items`` leaves
each such block out (its header and its rows, up to the next row whose first column is filled
again, or a blank row), with one warning per sheet naming the rows.
"""

from __future__ import annotations

import dataclasses

from components.base.text import normalise
from components.ingest.sheets import ReadContext, Sheet, quoted

# What the tools write over a block of sub-items, normalised.
_SUB_HEADINGS = frozenset(
    {"subitems", "subitem", "sub items", "sub item", "subtasks", "subtask", "sub tasks"}
)
# A block's header names at least this many columns (its heading, then Owner, Status…).
_MIN_HEADINGS = 2


def without_sub_items(ctx: ReadContext, sheets: list[Sheet]) -> list[Sheet]:
    """``sheets``, each block of sub-items left out of its sheet (said)."""
    return [_without(ctx, sheet) or sheet for sheet in sheets]


def _block_start(cells: tuple[object, ...]) -> int | None:
    """The column of a sub-items block's heading when ``cells`` is its header row, else
    ``None``: the row's first filled cell is the heading, with a cell left of it empty."""
    for column, value in enumerate(cells):
        if value is None:
            continue
        if column == 0 or not isinstance(value, str) or normalise(value) not in _SUB_HEADINGS:
            return None
        filled = sum(v is not None for v in cells[column:])
        return column if filled >= _MIN_HEADINGS else None
    return None


def _without(ctx: ReadContext, sheet: Sheet) -> Sheet | None:
    # Quick test first, in C: a block's header leaves its row's first cell empty (most rows
    # fill it).
    if None not in sheet.column(0, 0, len(sheet.rows)) or not any(
        cells and cells[0] is None and _block_start(cells) for cells in sheet.rows
    ):
        return None  # the usual case: no sub-items at all
    rows = list(sheet.rows)
    left: list[int] = []
    row = 0
    while row < len(rows):
        column = _block_start(rows[row])
        if column is None:
            row += 1
            continue
        start = row
        row += 1
        # Its rows: filled, with nothing left of the block's first column.
        while row < len(rows) and any(v is not None for v in rows[row]):
            if any(v is not None for v in rows[row][:column]):
                break
            row += 1
        left.extend(range(start, row))
        for index in range(start, row):
            rows[index] = ()
    if not left:
        return None
    shown = f"rows {left[0] + 1} to {left[-1] + 1}" if len(left) > 1 else f"row {left[0] + 1}"
    heading = next(v for v in sheet.rows[left[0]] if v is not None)
    ctx.add(
        "warning",
        sheet,
        None,
        f"{len(left)} row{'s' if len(left) > 1 else ''} between {shown} "
        f"{'are' if len(left) > 1 else 'is'} sub-items under the capabilities (under headers "
        f"such as {quoted(heading)}), as project tools export them: tasks, not levels; they were "
        "not read.",
        "Nothing to do if the levels are in the capabilities' own rows.",
    )
    return dataclasses.replace(sheet, rows=rows, columns=None)
