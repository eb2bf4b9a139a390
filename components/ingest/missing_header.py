"""A form whose header row was deleted: rows of capability number, title and level, no header.

The template (or a form with Country and Year labels above its rows) loses its header row
("No. | Domain | Capability | Level") when a person deletes a row too many. Its rows still name
the capabilities, but which column holds the level is then said only by the values, and a
column of numbers could be levels or capability numbers. Nothing is guessed: the sheet's
message (``unrecognised``) says that the header row is missing, from which row, and what to
write over each column that its values make plain (the number, the title, the level). When
the row above them holds headers the app does not know ("Lp. | Zdolność | Poziom"), the
message says that the header row was found and its words not understood (``foreign_headers``).
"""

from __future__ import annotations

from components.ingest.column_roles import holds_levels
from components.ingest.foreign_headers import unknown_header_row
from components.ingest.layout import HEADER_SCAN_ROWS, KEY_SAMPLE_ROWS, MIN_KEY_MATCHES
from components.ingest.matching import classify_header, exact_reference, is_plain_number
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted


def _first_named_row(ctx: ReadContext, sheet: Sheet, column: int) -> int | None:
    """The first row of ``column`` from which most of the rows below name a capability
    (at least ``MIN_KEY_MATCHES`` of them), with no header of the column above it."""
    last = min(len(sheet.rows), HEADER_SCAN_ROWS + KEY_SAMPLE_ROWS)
    values = sheet.column(column, 0, last)
    named = [r for r, v in enumerate(values) if exact_reference(v, ctx.capabilities) is not None]
    if len(named) < MIN_KEY_MATCHES:
        return None
    start = named[0]
    window = [v for v in values[start : start + KEY_SAMPLE_ROWS] if v is not None]
    hits = sum(exact_reference(v, ctx.capabilities) is not None for v in window)
    if hits * 2 < len(window):
        return None
    if start > 0 and classify_header(sheet.value(start - 1, column)) is not None:
        return None  # headed: the sheet fails for another reason
    return start


def _small_numbers(sheet: Sheet, start: int, column: int, top: int) -> bool:
    """Whether ``column`` holds only numbers up to the scale's top from ``start``: levels."""
    values = [v for v in sheet.column(column, start, len(sheet.rows)) if v is not None]
    return all(is_plain_number(v) and float(v) <= top for v in values)


def missing_header(ctx: ReadContext, sheet: Sheet) -> str | None:
    """The message's end when the sheet's rows name the capabilities with levels beside
    them but no header row heads them, else ``None``."""
    width = max((len(cells) for cells in sheet.rows[:HEADER_SCAN_ROWS]), default=0)
    top = max(level.value for level in ctx.framework.scale.levels)
    starts = {
        c: s
        for c in range(width)
        if (s := _first_named_row(ctx, sheet, c)) is not None
        and not _small_numbers(sheet, s, c, top)  # levels 0 to 4 name capabilities 1 to 4
    }
    if not starts:
        return None
    start = min(starts.values())
    if start > 0 and any(classify_header(v) is not None for v in sheet.rows[start - 1]):
        return None  # a header row above, not recognised for another reason
    heads = []
    for column, first in sorted(starts.items()):
        if first == start:
            head = "No." if is_plain_number(sheet.value(start, column)) else "Capability"
            if head not in (h for _, h in heads):  # a description column names them too
                heads.append((column, head))
    level = [
        c
        for c in range(width)
        if c not in starts and holds_levels(sheet, start - 1, c, ctx.framework.scale)
    ]
    if len(level) != 1:
        return None  # which column is the level is not plain either: said otherwise
    heads.append((level[0], "Level"))
    heads.sort()
    written = ", ".join(
        f"{quoted(h)} over column {cell_address(start, c).rstrip('0123456789')}" for c, h in heads
    )
    first = cell_address(start, heads[0][0])
    if start > 0 and (unknown := unknown_header_row(ctx, sheet, start - 1, written)):
        return unknown  # "Lp. | Zdolność | Poziom": a header row, in words the app does not know
    return (
        f"the rows from row {start + 1} name the capabilities (from {first} "
        f"{quoted(sheet.value(start, heads[0][0]))}) with levels beside them, but they have "
        "no header row above them, so which column holds the level is not said. Insert a row "
        f"above row {start + 1} and write the column headings in it: {written} (the "
        "template's header row: No., Domain, Capability, Description, Level, Evidence)"
    )
