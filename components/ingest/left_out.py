"""What a sheet holds that the reader leaves out, said to the person.

An assessment column with no level, a row naming a country with nothing assessed, and a
table with several columns headed like the level: none becomes an assessment, and each is
reported with what to do, so that nothing goes missing without a word.
"""

from __future__ import annotations

from components.ingest.context import MAX_COUNTRY_WORDS
from components.ingest.layout import SeveralLevels
from components.ingest.matching import is_summary
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted


def empty_column(ctx: ReadContext, sheet: Sheet, header: int, column: int) -> bool:
    """A wide table's assessment column with no level at all (a country not assessed yet):
    said, and left out, rather than an assessment with nothing in it."""
    if any(value is not None for value in sheet.column(column, header + 1, len(sheet.rows))):
        return False
    ctx.add(
        "warning",
        sheet,
        cell_address(header, column),
        f"The column headed {quoted(sheet.value(header, column))} has no levels; it was not "
        "read as an assessment.",
        "Write its levels in the column, or leave it: nothing else on the sheet is affected.",
    )
    return True


def say_unanswered(ctx: ReadContext, sheet: Sheet, row: int, country_column: int) -> None:
    """A row naming a country with no level at all: left out, and said, unless it reads as a
    note (a sentence, or "Source: ..."), which needs no word."""
    name = sheet.value(row, country_column)
    if not isinstance(name, str) or ":" in name or len(name.split()) > MAX_COUNTRY_WORDS:
        return
    if is_summary(name):
        return
    cell = cell_address(row, country_column)
    ctx.add(
        "warning",
        sheet,
        cell,
        f"Row {row + 1} names {quoted(name)} but has no level in any capability's column; "
        "it was not read as an assessment.",
        "Write its levels in the row, or leave it: nothing else on the sheet is affected.",
    )


def say_several_levels(ctx: ReadContext, sheet: Sheet, layout: SeveralLevels) -> None:
    """Two or more columns headed like the level: which is the assessment's is not guessed."""
    named = ", ".join(
        f"{cell_address(layout.header, c)} {quoted(sheet.value(layout.header, c))}"
        for c in layout.columns
    )
    ctx.add(
        "error",
        sheet,
        cell_address(layout.header, layout.columns[0]),
        f"Several columns are headed like the level ({named}), so which one holds the "
        "assessment's levels is not clear; none were read.",
        "Choose the level column in “Fix how this file is read” below the file, or rename "
        "the other columns (e.g. “Notes”), or put each assessment on a sheet of its own.",
    )
