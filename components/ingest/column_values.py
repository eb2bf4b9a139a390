"""A column's distinct values, found once per read for the passes over whole sheets.

Before a sheet is read, several passes (``tool_marks``, ``parent_rows``, ``scale_legend``)
each look at every column's distinct values: on a long table that is a set of thousands of
cells per column per pass. A column the reader holds as calamine's grid (``Sheet.columns``) is
a tuple, which nothing can change: its distinct values are the same for every pass that sees
that tuple, so they are found once (``distinct``) and kept in the read's memo with the tuple
itself (so that its ``id`` stays its own while the read lasts). A pass that changes a sheet's
rows drops its columns (``Sheet.columns = None``), and a column taken from the rows then is a
new list, whose values are counted afresh every time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from components.ingest.sheets import COLUMN_VALUES_KEY, ReadContext, Sheet

_KEY = COLUMN_VALUES_KEY  # found first as the grid is cleaned (``sheets._clean_grid``)
# Below this many rows a pass's own look at the rows costs less than the guards' look at
# every distinct text of the sheet (a template's sheets: a few dozen rows): no guard there.
GUARDED_ROWS = 200
_TEXTS_KEY = "sheet texts"


def distinct(ctx: ReadContext, values: Sequence[Any]) -> set[Any]:
    """``set(values)``, found once per read for a tuple (a column of calamine's grid).

    The set may be shared with other passes: read it, never change it.
    """
    if type(values) is not tuple:
        return set(values)
    key = (_KEY, id(values))
    kept = ctx.memo.get(key)
    if kept is None or kept[0] is not values:
        kept = ctx.memo[key] = (values, set(values))
    found: set[Any] = kept[1]
    return found


def guarded(sheet: Sheet) -> bool:
    """Whether the sheet is long enough for a guard to cost less than the pass it spares."""
    return len(sheet.rows) >= GUARDED_ROWS


def whole_column(sheet: Sheet, column: int) -> Sequence[Any]:
    """``sheet.column(column, 0, len(sheet.rows))``: the grid's own tuple when it is that
    already (so that ``distinct`` finds its values once per read), else a new list."""
    height = len(sheet.rows)
    if sheet.columns is not None and column < len(sheet.columns):
        values = sheet.columns[column]
        if len(values) == height:
            return values
    return sheet.column(column, 0, height)


def sheet_texts(ctx: ReadContext, sheet: Sheet) -> set[str] | None:
    """The distinct texts of the sheet's cells, or ``None`` when that is not known cheaply
    (a sheet without its grid's columns) or not worth knowing (fewer than ``GUARDED_ROWS``
    rows): the caller then looks at its rows itself.

    Exact for a sheet with its columns: they hold the same values as its rows
    (``Sheet.columns``, dropped by whatever changes the rows), each column's distinct values
    found once per read."""
    columns = sheet.columns
    if not guarded(sheet) or columns is None:
        return None
    if any(len(values) != len(sheet.rows) for values in columns):
        return None
    # Kept by the columns' own tuples (held in the memo, so that their ids stay theirs): the
    # same tuples hold the same values, whichever pass asks.
    key = (_TEXTS_KEY, *map(id, columns))
    kept = ctx.memo.get(key)
    if kept is None:
        texts = {v for values in columns for v in distinct(ctx, values) if isinstance(v, str)}
        kept = ctx.memo[key] = (tuple(columns), texts)
    found: set[str] = kept[1]
    return found


def has_text_with(ctx: ReadContext, sheet: Sheet, mark: str) -> bool:
    """Whether a text cell of the sheet holds ``mark`` ("\\t", "|"); True when that is not
    known cheaply (``sheet_texts``), so that the caller looks itself."""
    texts = sheet_texts(ctx, sheet)
    return texts is None or any(mark in text for text in texts)
