"""Level cells merged down over several rows: each row the merge covers gets its value.

A person who merges the Level cells of neighbouring capabilities that share a level (C5:C7
holding 2) sees that level beside each of them; a spreadsheet keeps it in the first cell only,
and the rows below would read as not assessed. The reader gives the value to every row the
merge covers, and says so once per merge, naming the range (it is an assumption: the person
may have merged for layout only).
"""

from __future__ import annotations

from components.ingest.sheets import ReadContext, Sheet, cell_address, fill_blank_below, quoted
from components.ingest.values import is_blank


def fill_merged_levels(ctx: ReadContext, sheet: Sheet, column: int, first: int, end: int) -> None:
    """Fill the merges down the level ``column`` that start in rows ``first`` to ``end - 1``,
    with a warning naming each merged range."""
    merges = [
        (top, bottom)
        for top, bottom, merged_column in sheet.merged_down
        if merged_column == column
        and first <= top < end
        and bottom > top
        and not is_blank(sheet.value(top, column))
    ]
    for top, bottom in merges:
        last = min(bottom, end - 1, len(sheet.rows) - 1)
        if last <= top:
            continue
        value = sheet.value(top, column)
        shown = int(value) if isinstance(value, float) and value.is_integer() else value
        fill_blank_below(sheet, column, top, last, value)
        where = f"{cell_address(top, column)}:{cell_address(last, column)}"
        ctx.add(
            "warning",
            sheet,
            where,
            f"The level cells {where} are merged into one holding {quoted(shown)}; that level "
            f"was given to each of rows {top + 1} to {last + 1}, which the merge covers.",
            "If those rows do not share that level, unmerge the cells (Merge & Center, Unmerge "
            "Cells) and type each row's level.",
        )
