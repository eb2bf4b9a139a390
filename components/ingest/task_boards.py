"""A project tool's board exported with a task per capability and the level in a column of the
tool's own: Asana's "Section/Column", Trello's "List Name", Planner's "Bucket Name", or a tag
among others ("Priority, Level 1", "mnr,level-2,zmb").

A team that tracks the assessment on a board names each task (card) after a capability and
moves it to the list (section, bucket) of its level, "Level 2 – Developing"; or tags it with
its level. The export heads the titles with the tool's word ("Name", "Card Name", "Task Name")
and the levels with the tool's ("List Name", "Tags"), and has no column the reader knows for
either: the file was skipped (and the first row of levels taken for a header, "the header row
2 has a Level column"). ``read_task_boards`` finds such a table: a header row with no column
naming the capabilities nor one of levels, a column headed as the tool's titles whose cells
name capabilities, and one other column whose cells are levels written out ("Level 2 –
Developing", "2 - Developing", "Developing"; never bare numbers, which ids and counts are too),
or lists of tags holding one level each. The first is headed Capability and the second Level,
a tag list's cell is given its level alone (a cell with no level tag left blank: not
assessed), and a warning says so. Two columns of levels leave the table as it was: which one is
meant is not certain. A domain column beside the titles (Asana's sections, Trello's labels,
"Policy and Governance (blue)") is never taken for the capabilities, nor a column headed by a
country, a year or a round (a wide table's assessment) for the levels.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from components.ingest.column_roles import holds_levels
from components.ingest.lone_level import _no_country
from components.ingest.matching import classify_header, exact_reference, is_plain_number
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.task_titles import is_title_heading, names_parent
from components.ingest.values import parse_level

# How far down the header row is looked for, and the rows below it looked at.
_HEADER_ROWS = 20
_SAMPLE_ROWS = 60
# Cells naming capabilities (or levels) a column must hold at least.
_MIN_CELLS = 3
# A tag list's separators (Notion's ", ", Airtable's and Asana's ",").
_TAGS = re.compile(r"\s*[,;]\s*")
# A written-out level longer than this is a sentence (a description), not a list's name.
_LONGEST_LEVEL = 40
_ITEM_FIELDS = frozenset({"number", "capability", "enabler"})
_LONGEST_TITLE_HEADING = 20


def read_task_boards(ctx: ReadContext, sheets: list[Sheet]) -> list[Sheet]:
    """``sheets``, each holding such a board's table given its Capability and Level headers
    (said)."""
    return [_read(ctx, sheet) or sheet for sheet in sheets]


def level_of_cell(ctx: ReadContext, value: Any) -> tuple[bool, int | None]:
    """(whether the cell is a list of tags, the one level it gives or ``None``) for a cell
    of a board's level column: a level written out, or a list of tags holding one level."""
    if not isinstance(value, str) or not value.strip():
        return False, None
    parts = [p for p in _TAGS.split(value.strip()) if p]
    levels = {level for part in parts if (level := _written_level(ctx, part)) is not None}
    return len(parts) > 1, (levels.pop() if len(levels) == 1 else None)


def _written_level(ctx: ReadContext, text: str) -> int | None:
    """The level a short text writes out ("Level 2 – Developing", "level-2"), never a bare
    number."""
    if len(text) > _LONGEST_LEVEL or is_plain_number(text):
        return None
    reading = parse_level(text, ctx.framework.scale)
    return reading.level if not reading.error else None


def _header_row(sheet: Sheet) -> tuple[int, int] | None:
    """(row, column) of the first header cell among the top rows headed as a tool's titles
    ("Name", "Card Name") that the reader knows as no other column."""
    for row, cells in enumerate(sheet.rows[:_HEADER_ROWS]):
        for column, value in enumerate(cells):
            if value.__class__ is not str or len(value) > _LONGEST_TITLE_HEADING:
                continue  # quick test first: most cells are numbers or sentences
            if is_title_heading(value) and classify_header(value) is None:
                return row, column
    return None


def _names_capabilities(ctx: ReadContext, sheet: Sheet, header: int, column: int) -> bool:
    values = [
        v for v in sheet.column(column, header + 1, header + 1 + _SAMPLE_ROWS) if v is not None
    ]
    named = sum(
        not is_plain_number(v) and exact_reference(v, ctx.capabilities) is not None for v in values
    )
    return named >= _MIN_CELLS and named * 5 >= len(values) * 3


def _level_column(ctx: ReadContext, sheet: Sheet, header: int, title: int) -> int | None:
    """The one column of levels written out (or of tag lists holding one) beside the titles."""
    found = []
    for column, heading in enumerate(sheet.rows[header]):
        if column == title or heading is None or names_parent(heading):
            continue
        field = classify_header(heading)
        if field not in (None, "level"):
            continue  # a date, the country, notes: another column's
        if field is None and not _no_country(heading):
            continue  # "Kenya": a country's column of a wide table, never the tool's list
        values = [
            v for v in sheet.column(column, header + 1, header + 1 + _SAMPLE_ROWS) if v is not None
        ]
        levels = sum(level_of_cell(ctx, v)[1] is not None for v in values)
        if levels >= _MIN_CELLS and levels * 2 >= len(values):
            found.append(column)
    return found[0] if len(found) == 1 else None


def _read(ctx: ReadContext, sheet: Sheet) -> Sheet | None:
    start = _header_row(sheet)
    if start is None:
        return None  # the usual case: no tool's titles column at all
    header, title = start
    cells = sheet.rows[header]
    fields = {classify_header(v): c for c, v in enumerate(cells) if classify_header(v)}
    if fields.keys() & _ITEM_FIELDS:
        return None  # a column the reader knows names the capabilities
    scale = ctx.framework.scale
    if "level" in fields and any(
        holds_levels(sheet, header, c, scale)
        for c, v in enumerate(cells)
        if classify_header(v) == "level"
    ):
        return None  # a level column the reader knows holds levels (``capability_sheets``)
    if not _names_capabilities(ctx, sheet, header, title):
        return None
    level = _level_column(ctx, sheet, header, title)
    if level is None:
        return None
    rows = list(sheet.rows)
    width = max(len(cells), level + 1, title + 1)
    heads = list(cells) + [None] * (width - len(cells))
    heads[title], heads[level] = "Capability", "Level"
    rows[header] = tuple(heads)
    tagged = []
    for row in range(header + 1, len(rows)):
        value = sheet.value(row, level)
        tags, found = level_of_cell(ctx, value)
        if tags:
            row_cells = list(rows[row])
            row_cells[level] = found
            rows[row] = tuple(row_cells)
            tagged.append(row)
    _say(ctx, sheet, header, title=title, level=level, tagged=tagged)
    return dataclasses.replace(sheet, rows=rows, columns=None)


def _say(
    ctx: ReadContext, sheet: Sheet, header: int, *, title: int, level: int, tagged: list[int]
) -> None:
    titles, levels = sheet.value(header, title), sheet.value(header, level)
    first = next(
        (v for v in sheet.column(level, header + 1, len(sheet.rows)) if level_of_cell(ctx, v)[1]),
        None,
    )
    how = (
        f"the level tag of each cell's tags was read as its level (such as {quoted(first)}), a "
        "cell with none as not assessed"
        if tagged
        else f"its cells, such as {quoted(first)}, are levels"
    )
    ctx.add(
        "warning",
        sheet,
        cell_address(header, level),
        f"The column headed {quoted(titles)} ({cell_address(header, title)}) was read as the "
        f"capabilities and the column headed {quoted(levels)} ({cell_address(header, level)}) "
        f"as their levels: {how}, as a project tool's board exports them.",
        f"Nothing to do if that is right. To be sure, head the columns “Capability” and "
        f"“Level”{', and give each capability its level alone' if tagged else ''}.",
    )
