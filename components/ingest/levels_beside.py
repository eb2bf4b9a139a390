"""Levels typed into the wrong column: the Level column empty, the column beside it full.

Someone filling in the template may type "3 - Established" over the Description column and
leave the Level column empty. Read as it is, the assessment has every capability not
assessed, which looks like a real answer. ``say_levels_beside`` looks, for an assessment with
no level, at the other columns of its rows: when one of them holds levels written with their
label (not bare numbers, which a "No." column holds too) in most of those rows, an error says
where the levels are and that they were not read. Which column holds the levels is for the
person to fix: the reader does not move them.
"""

from __future__ import annotations

from openpyxl.utils.cell import (
    column_index_from_string,
    coordinate_from_string,
    get_column_letter,
)

from components.ingest.drafts import Draft
from components.ingest.matching import is_plain_number
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.values import parse_level

# At least this many of the rows, and at least half of them, must hold a level.
_MIN_LEVELS = 3


def say_levels_beside(ctx: ReadContext, draft: Draft, span: str) -> bool:
    """Whether another column of the rows of ``draft``'s empty level cells ``span`` ("E11:E31")
    holds levels; if so, an error says so."""
    first, _, last = span.partition(":")
    letters, top = coordinate_from_string(first)
    bottom = coordinate_from_string(last or first)[1]
    level_column = column_index_from_string(letters) - 1
    rows = range(top - 1, bottom)
    sheet = draft.sheet
    width = max((len(sheet.rows[r]) for r in rows if r < len(sheet.rows)), default=0)
    for column in range(width):
        if column == level_column:
            continue
        found = _levels_in(ctx, sheet, rows, column)
        if len(found) >= max(_MIN_LEVELS, len(rows) / 2):
            row, value = found[0]
            ctx.add(
                "error",
                sheet,
                f"{cell_address(rows[0], column)}:{cell_address(rows[-1], column)}",
                f"No capability of {draft.name} has a level in its Level cells ({span}), but "
                f"column {get_column_letter(column + 1)} holds levels in "
                f"{len(found)} of these rows (such as {quoted(value)} in "
                f"{cell_address(row, column)}); they were not read, and the assessment was "
                "read with every capability not assessed.",
                f"Move the levels into the Level cells ({span}) and upload the file again.",
            )
            return True
    return False


def _levels_in(ctx: ReadContext, sheet: Sheet, rows: range, column: int) -> list[tuple[int, str]]:
    """The cells of ``column`` in ``rows`` that hold a level written with words."""
    scale = ctx.framework.scale
    found = []
    for row in rows:
        value = sheet.value(row, column)
        if not isinstance(value, str) or is_plain_number(value):
            continue
        reading = parse_level(value, scale)
        if reading.level is not None and not reading.error:
            found.append((row, value))
    return found
