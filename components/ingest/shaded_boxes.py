"""A tick form whose chosen box is shaded instead of marked.

A tick form lists the scale across ("0 | 1 | 2 | 3 | 4", or the levels' labels) and asks for
one box per capability to be marked. Some people shade the box instead of typing an "x": the
boxes hold no value at all, and the form read as values has no box ticked (or its level
columns were taken for countries headed by numbers). A person sees the shaded box as the mark.

``mark_shaded_boxes`` reads the boxes' fills (``cell_formats``) before the sheets are read,
only for a row of at least three levels side by side whose boxes below are all empty, and
writes an "x" in each shaded box when the shading is a mark, with a warning saying so:

* in each row, one box shaded (a row shaded across every box is a band: a domain's heading);
  a row with two boxes or more shaded, but not all, is a doubt: nothing is read as marked;
* at least three rows so marked, in at least two different columns (one column shaded all
  the way down is the form's styling, not anyone's answers).
"""

from __future__ import annotations

from typing import Any

from components.ingest.cell_formats import sheet_fills
from components.ingest.matching import classify_header
from components.ingest.sheets import WORKBOOK_KEY, ReadContext, Sheet, cell_address, quoted
from components.ingest.values import is_blank, parse_level

_SEARCH_ROWS = 30
_MIN_LEVELS = 3
_MIN_ROWS = 3
_MARK = "x"


def mark_shaded_boxes(ctx: ReadContext, sheets: list[Sheet]) -> list[Sheet]:
    """The sheets, with an "x" in each shaded box of a tick form whose boxes are all empty."""
    if WORKBOOK_KEY not in ctx.memo:
        return sheets  # a csv has no shading
    for sheet in sheets:
        if sheet.name is None:
            continue
        for row in range(min(_SEARCH_ROWS, len(sheet.rows) - 1)):
            if not _empty_below(sheet.rows[row], sheet.rows[row + 1]):
                continue  # the usual case, cheaply: no run of headings over empty boxes
            levels = _level_columns(ctx, sheet.rows[row])
            if levels and _boxes_empty(sheet, row, levels) and _mark(ctx, sheet, row, levels):
                break
    return sheets


def _empty_below(cells: tuple[Any, ...], below: tuple[Any, ...]) -> bool:
    """Whether ``cells`` has a run of at least three short headings side by side with the
    cells under them empty."""
    if len(cells) < _MIN_LEVELS:
        return False
    run, under = 0, len(below)
    for column, value in enumerate(cells):
        if value is None or (column < under and below[column] is not None):
            run = 0  # checked first: most rows have data under them
            continue
        kind = type(value)
        short = (kind is str and len(value) <= 40) or (
            (kind is int or kind is float) and 0 <= value <= 10
        )
        run = run + 1 if short else 0
        if run >= _MIN_LEVELS:
            return True
    return False


def _level_columns(ctx: ReadContext, cells: tuple[Any, ...]) -> dict[int, int]:
    """The columns headed by one level each, side by side, each level once."""
    short = [
        (column, value)
        for column, value in enumerate(cells)
        if (isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 10)
        or (isinstance(value, str) and 0 < len(value) <= 40)
    ]
    if len(short) < _MIN_LEVELS:
        return {}  # the usual case: a row of titles, notes or data
    found: dict[int, int] = {}
    for column, value in short:
        if classify_header(value) is not None:
            continue
        reading = parse_level(value, ctx.framework.scale)
        if reading.level is not None and not reading.error and not reading.warning:
            found[column] = reading.level
    if len(found) < _MIN_LEVELS or len(set(found.values())) != len(found):
        return {}
    if max(found) - min(found) + 1 != len(found):
        return {}
    return found


def _boxes_empty(sheet: Sheet, header: int, levels: dict[int, int]) -> bool:
    rows = sheet.rows[header + 1 :]
    return bool(rows) and all(
        is_blank(row[column]) for row in rows for column in levels if column < len(row)
    )


def _mark(ctx: ReadContext, sheet: Sheet, header: int, levels: dict[int, int]) -> bool:
    fills = sheet_fills(ctx, sheet.name)
    if not fills:
        return False
    marked: list[tuple[int, int]] = []
    for row in range(header + 1, len(sheet.rows)):
        shaded = [column for column in levels if (row, column) in fills]
        if len(shaded) == 1:
            marked.append((row, shaded[0]))
        elif 1 < len(shaded) < len(levels):
            return False  # two boxes shaded in a row: which is the mark?
    if len(marked) < _MIN_ROWS or len({column for _, column in marked}) < 2:
        return False
    for row, column in marked:
        cells = list(sheet.rows[row]) + [None] * (column + 1 - len(sheet.rows[row]))
        cells[column] = _MARK
        sheet.rows[row] = tuple(cells)
    sheet.columns = None  # the rows changed: the column cache is stale
    first, last = min(levels), max(levels)
    ctx.add(
        "warning",
        sheet,
        f"{cell_address(header, first)}:{cell_address(header, last)}",
        f"The boxes under {quoted(sheet.value(header, first))} to "
        f"{quoted(sheet.value(header, last))} hold no mark, but in {len(marked)} rows one box "
        "is shaded: each shaded box was read as the level ticked.",
        "If that is wrong, type an “x” in the box of the level each capability reached (one "
        "per row), and upload the file again.",
    )
    return True
