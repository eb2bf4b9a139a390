"""Columns headed by the scale's own levels that hold something other than ticks.

A workshop sheet counts the votes (or sticky notes) each level got: ``No. | Capability | 0 Not
in place | 1 Building | … | 4 Mature``, with 6, 3 and 0 under them. Headers that are the
scale's levels mark a tick or count form, never countries: read as a wide table, each level
would become a country and each count its level (invented). When such a table has no column
for the agreed level (a table with one is read from it), ``say_counted_levels`` says what the
columns hold and what to add, and nothing is read from them. A rubric, the same columns
holding a sentence describing each level for each capability, is reference material: a
warning says the sheet was taken so.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from components.ingest.matching import is_plain_number
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted

_FIX_COUNTS = (
    "Add a column headed “Agreed level” with the level each capability was given (one per "
    "row), or write the level in a single Level column; the counts can stay beside it."
)
_FIX_OTHER = (
    "Tick the box of the level each capability reached with an “x” (one per row), or write "
    "the level in a single Level column."
)

_FIX_RUBRIC = (
    "Nothing to do if the sheet describes the levels. If it was meant as an assessment, tick "
    "the box of the level each capability reached with an “x” (one per row), or write the "
    "level in a single Level column."
)
# A description of a level is a sentence: at least this many words (a tick is one).
_DESCRIPTION_WORDS = 3


def say_counted_levels(ctx: ReadContext, sheet: Sheet, header: int, columns: Sequence[int]) -> bool:
    """Whether the columns ``columns``, headed by the scale's levels and not empty, that a
    wide table took for assessments, are headed by levels written out ("1 Building", not "1",
    which heads a round's column too); if so, an error says what they hold: counts per level
    (numbers, several filled in a row), or other values that are no ticks."""
    if any(
        not isinstance(sheet.value(header, c), str) or is_plain_number(sheet.value(header, c))
        for c in columns
    ):
        return False
    first, end = min(columns), max(columns)
    span = f"{cell_address(header, first)}:{cell_address(header, end)}"
    headed = f"{quoted(sheet.value(header, first))} to {quoted(sheet.value(header, end))}"
    if _holds_counts(sheet, header, columns):
        message = (
            f"The columns headed by the scale's levels ({headed}) hold a count for each level "
            "(such as votes), several in a row, not the level each capability reached. The table "
            "has no column for the agreed level, so no level was read: a count is not a level."
        )
        ctx.add("error", sheet, span, message, _FIX_COUNTS)
        return True
    if _holds_descriptions(sheet, header, columns):
        name = f"Sheet {quoted(sheet.name)}" if sheet.name else "The table"
        message = (
            f"{name} was taken as a description of the levels (a rubric), not an assessment: "
            f"the cells under its level columns ({headed}) hold text describing each level, "
            "several per row, so nothing was read from it."
        )
        ctx.add("warning", sheet, span, message, _FIX_RUBRIC)
        return True
    message = (
        f"The table has a column for each level of the scale ({headed}), but the cells under "
        "them are not one tick per row, so no level was read. A column headed by a level is "
        "not an assessment."
    )
    ctx.add("error", sheet, span, message, _FIX_OTHER)
    return True


def _holds_descriptions(sheet: Sheet, header: int, columns: Sequence[int]) -> bool:
    """Whether the filled cells are all sentences (a few words at least, never a tick), most
    rows with several of them: each level described for each capability."""
    rows = several = 0
    for row in range(header + 1, len(sheet.rows)):
        filled = [v for v in (sheet.value(row, c) for c in columns) if v is not None]
        if not filled:
            continue
        if not all(isinstance(v, str) and len(v.split()) >= _DESCRIPTION_WORDS for v in filled):
            return False
        rows += 1
        several += len(filled) > 1
    return rows > 0 and several * 2 > rows


def _holds_counts(sheet: Sheet, header: int, columns: Sequence[int]) -> bool:
    """Whether the filled cells are whole numbers, several of them in some row."""
    several = False
    for row in range(header + 1, len(sheet.rows)):
        filled = [v for v in (sheet.value(row, c) for c in columns) if v is not None]
        if not all(_is_count(v) for v in filled):
            return False
        several = several or len(filled) > 1
    return several


def _is_count(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, str):
        return value.strip().isdigit()
    return isinstance(value, int | float) and float(value).is_integer() and value >= 0
