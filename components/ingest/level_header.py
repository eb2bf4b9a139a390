"""A level column whose header was typed over with a level ("4 - Mature" where "Level" was).

Someone filling in the template types the first row's level one cell too high, into the
header: the column is then headed by a level, and read by its header it is no level column
at all, but a column headed like an assessment (a wide table with a country called "4 -
Mature", whose levels become the items' levels: invented). A header cell that is itself a
level is never a country. The column is recognised as the level column by its values (the
levels below the header), and the overwritten header is reported, with the level it holds
left unread: whose level it is, is for the person to say. Under a row that heads the columns
("Maturity level" over "2 – Developing", Asana's "Section/Column" over "Level 1 - Building")
a level is the first row's, never a header (``under_header``, ``level_data_row``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from components.ingest.matching import Field, classify_header, is_plain_number
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.values import parse_level

# Rows below the header looked at, and the levels they must hold at least.
_SAMPLE_ROWS = 40
_MIN_LEVELS = 3
# Headers the reader knows in the row above, for that row to head the table.
_HEADERS_ABOVE = 2


def is_level_value(ctx: ReadContext, value: Any) -> bool:
    """Whether a header cell is a level of the scale written out ("4 - Mature", "Mature"),
    not a number alone (which heads a year's or a count's column as well)."""
    if not isinstance(value, str) or is_plain_number(value) or classify_header(value):
        return False
    reading = parse_level(value, ctx.framework.scale)
    return reading.level is not None and not reading.error and not reading.warning


def level_column_by_values(
    ctx: ReadContext, sheet: Sheet, header: int, fields: Mapping[Field, int]
) -> int | None:
    """The one column of the header row ``header`` headed by a level value and holding
    levels below it, in a table whose header names the items but no level column."""
    used = set(fields.values())
    cells = sheet.rows[header]
    if under_header(sheet, header):
        return None  # "2 – Developing" under "Maturity level": the first row's level, data
    headed = [c for c, v in enumerate(cells) if c not in used and is_level_value(ctx, v)]
    if len(headed) != 1:
        return None  # none, or a column per level (a tick form)
    column = headed[0]
    values = [v for v in sheet.column(column, header + 1, header + 1 + _SAMPLE_ROWS) if v]
    levels = sum(parse_level(v, ctx.framework.scale).level is not None for v in values)
    return column if levels >= _MIN_LEVELS and levels * 2 >= len(values) else None


def under_header(sheet: Sheet, row: int) -> bool:
    """Whether the row above ``row`` heads a table's columns (two headers the reader knows at
    least): then a level in ``row`` is its first row's, never a header typed over."""
    if row == 0:
        return False
    return sum(classify_header(v) is not None for v in sheet.rows[row - 1]) >= _HEADERS_ABOVE


def level_data_row(ctx: ReadContext, sheet: Sheet, row: int, fields: Mapping[Field, int]) -> bool:
    """Whether a row whose only level "header" is a level written out ("Level 1 - Building")
    is the first row of data under a header row, not a header."""
    column = fields.get("level")
    if column is None or fields.keys() & {"number", "capability", "enabler"}:
        return False
    value = sheet.value(row, column)
    reading = parse_level(value, ctx.framework.scale) if isinstance(value, str) else None
    return reading is not None and reading.level is not None and under_header(sheet, row)


def say_level_header(
    ctx: ReadContext, sheet: Sheet, header: int, column: int | None, kind: str
) -> None:
    """A warning when the level column's header is itself a level: it was typed over."""
    if column is None or not is_level_value(ctx, value := sheet.value(header, column)):
        return
    cell, below = cell_address(header, column), cell_address(header + 1, column)
    ctx.add(
        "warning",
        sheet,
        cell,
        f"The header of the level column, {cell}, holds a level, {quoted(value)}, where "
        f"“Level” should be: the column was read as the level column from the levels below "
        f"it, and {quoted(value)} was not read as any {kind}'s level.",
        f"Write “Level” back in {cell}. If {quoted(value)} is the level of the {kind} in the "
        f"row below, type it in {below}.",
    )
