"""An empty column headed like the level beside the filled one: the filled one is the level.

People insert a column into the template before its Level column and never fill it: "Score
(1-5 by workshop)", "Agreed level (validation workshop)" for a workshop not yet held, "Rating
(0-4)", "Level (draft)". Taken first because it comes first, it would hide the levels beside
it (read as none, or the whole column refused for the scale its heading names). A careful
reader reads the column that holds levels: a column headed like the level with nothing below
its heading is set aside when another such column holds something, and said in a warning
naming both. When every such column is empty (a template not filled in yet), nothing changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from components.ingest.error_cells import formula_error
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted


def _empty(sheet: Sheet, header: int, column: int) -> bool:
    """Whether ``column`` holds nothing below ``header`` (blank text is nothing)."""
    return all(
        value is None or (isinstance(value, str) and not value.strip())
        for value in sheet.column(column, header + 1, len(sheet.rows))
    )


def _only_errors(sheet: Sheet, header: int, column: int) -> bool:
    """Whether every filled cell of ``column`` below ``header`` shows an error value ("#ERROR!"):
    no levels were read from it either (``error_levels`` says so), so nothing to say here."""
    return all(
        formula_error(value) is not None
        for value in sheet.column(column, header + 1, len(sheet.rows))
        if value is not None and not (isinstance(value, str) and not value.strip())
    )


def filled_levels(sheet: Sheet, header: int, levels: list[int]) -> list[int]:
    """The level columns ``levels`` of the ``header`` row less the empty ones, when one at
    least holds something; all of them otherwise."""
    if len(levels) < 2:
        return levels
    filled = [column for column in levels if not _empty(sheet, header, column)]
    return filled or levels


def say_empty_levels(
    ctx: ReadContext, sheet: Sheet, header: int, fields: Mapping[Any, int], headed: list[int]
) -> None:
    """A warning for each empty column of ``headed`` (the columns headed like the level) set
    aside beside the level column of ``fields`` that holds levels."""
    level = fields.get("level")
    if level is None or len(headed) < 2 or _empty(sheet, header, level):
        return
    if _only_errors(sheet, header, level):
        return
    used = set(fields.values())
    for column in headed:
        if column in used or not _empty(sheet, header, column):
            continue
        ctx.add(
            "warning",
            sheet,
            cell_address(header, column),
            f"The column headed {quoted(sheet.value(header, column))} "
            f"({cell_address(header, column)}) is empty: the levels read are those of "
            f"{quoted(sheet.value(header, level))} ({cell_address(header, level)}).",
            "Nothing to do if those are the assessment's levels; otherwise write the levels in "
            "the empty column and delete the other, or choose the level column in “Fix how this "
            "file is read” below the file.",
        )
