"""A table copied out of a PDF one cell a line: its number, title and level each on a line.

Copying a table from a PDF viewer (or saving its text as a csv) often gives each cell a line
of its own, the header's too: "No.", "Capability", "Level", then "1", "Leadership", "3",
"2", "Research, Analysis and Monitoring", "4"… all in one column. Nothing in it looks like a
table's row. ``rebuild_line_records`` puts such lines back into rows: when two to five lines in
a row are the table's headings (the capability's and the level's among them), the lines under
them are taken that many at a time, as long as each record's capability is one the framework
knows (its number and title agreeing, when both are there): each record is written across the
row of its first line, under the headings written across theirs, the other lines left blank,
so that a message names the row the record starts on. A warning says it was read so. The
lines above the headings (the title) stay as they are.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from components.ingest.layout import MIN_KEY_MATCHES
from components.ingest.matching import classify_header, match_item
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted

# A table's row is two to five cells (No., Capability, Level, Evidence, Confidence).
_WIDTHS = range(5, 1, -1)
# The headings a table needs: the item's and its level's.
_NEEDED = frozenset({"capability", "level"})
# A table copied from a PDF is short: a longer column is a list (passed over fast).
_MOST_ROWS = 400


def _line(cells: tuple[Any, ...]) -> Any:
    """The value of a row holding one value, in the first column; ``None`` for others."""
    return cells[0] if len(cells) == 1 else None


def rebuild_line_records(ctx: ReadContext, sheets: list[Sheet]) -> list[Sheet]:
    """``sheets`` with each sheet of one cell a line rebuilt into rows (see the module)."""
    return [_rebuilt(ctx, sheet) for sheet in sheets]


def _rebuilt(ctx: ReadContext, sheet: Sheet) -> Sheet:
    rows = sheet.rows
    if len(rows) > _MOST_ROWS or any(len(cells) > 1 for cells in rows):
        return sheet
    for top in range(len(rows)):
        fields = _headings(rows, top)
        if fields is None:
            continue
        records = _records(ctx, rows, top + len(fields), fields)
        if len(records) < MIN_KEY_MATCHES:
            return sheet
        return _written(ctx, sheet, top, fields, records)
    return sheet


def _headings(rows: list[tuple[Any, ...]], top: int) -> list[str] | None:
    """The fields of the headings written one a line from ``top`` on (the most that are), when
    they hold the capability's and the level's."""
    for width in _WIDTHS:
        values = [_line(cells) for cells in rows[top : top + width]]
        if len(values) < width or not all(isinstance(v, str) for v in values):
            continue
        fields = [classify_header(v) for v in values]
        if None in fields or len(set(fields)) < width or not set(fields) >= _NEEDED:
            continue
        return [str(field) for field in fields]
    return None


def _records(
    ctx: ReadContext, rows: list[tuple[Any, ...]], first: int, fields: list[str]
) -> list[int]:
    """The first rows of the records under the headings: ``len(fields)`` lines each, as long
    as each names a capability (by its number and title agreeing, or its title)."""
    width = len(fields)
    found = []
    for start in range(first, len(rows) - width + 1, width):
        lines = [_line(cells) for cells in rows[start : start + width]]
        values = dict(zip(fields, lines, strict=True))
        title = match_item(values["capability"], ctx.capabilities)
        if title.how not in ("title", "number") or title.number is None:
            break
        if "number" in values and match_item(values["number"], ctx.capabilities).number != (
            title.number
        ):
            break
        found.append(start)
    return found


def _written(
    ctx: ReadContext, sheet: Sheet, top: int, fields: list[str], records: list[int]
) -> Sheet:
    width = len(fields)
    rows = list(sheet.rows)
    end = records[-1] + width
    for start in [top, *records]:
        rows[start] = tuple(_line(cells) for cells in sheet.rows[start : start + width])
        for row in range(start + 1, start + width):
            rows[row] = ()
    headings = ", ".join(quoted(v) for v in rows[top])
    ctx.add(
        "warning",
        sheet,
        cell_address(top, 0),
        f"Rows {top + 1} to {end} hold one cell a line, as a table copied out of a PDF gives: "
        f"under the headings {headings}, written one a line, each {width} lines were read as "
        "one row of the table.",
        "Check the levels read. To be sure, put each capability's cells side by side on one "
        "row, under the headings.",
    )
    return dataclasses.replace(sheet, rows=rows, columns=None, merged_down=[])
