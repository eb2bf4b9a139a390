"""A sheet's rows as read with its grid's columns: the columns hold only while the rows do.

The reader keeps a sheet's values twice when calamine gives them so: row by row
(``Sheet.rows``) and column by column (``Sheet.columns``), which the passes over whole sheets
read instead of picking each cell out of its row (``column_values``, ``parent_rows``,
``tool_marks``, ``grouped_reports``, ``quick_rows``). Some sixty passes change a sheet's rows
in place (``sheet.rows[row] = ...``, ``rows.pop()``); each was meant to drop the columns
then, but a pass that forgets would leave columns that no longer say what the rows say, and
every later pass would read old values. So the columns do not rest on each pass remembering:
they are given with the rows they were read with (``GridRows``), any change in place marks
those rows changed, and ``Sheet.columns`` then reads ``None`` (as it does once the sheet is
given other rows): the passes look at the rows themselves, as they do on any sheet read
without its columns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import is_
from typing import Any


class GridRows(list[tuple[Any, ...]]):
    """A list of rows that knows whether it was changed since it was made.

    Reading (indexing, slicing, iterating, ``len``) is the list's own, in C; only the
    methods that change the list in place are wrapped, to mark it ``changed`` first. A copy
    (``list(rows)``, ``rows[:]``) is a plain list."""

    __slots__ = ("changed",)

    def __init__(self, rows: Any = ()) -> None:
        super().__init__(rows)
        self.changed = False


def _marking(name: str) -> Callable[..., Any]:
    method = getattr(list, name)

    def changing(self: GridRows, *args: Any, **kwargs: Any) -> Any:
        self.changed = True
        return method(self, *args, **kwargs)

    changing.__name__ = name
    return changing


for _name in (
    "__setitem__",
    "__delitem__",
    "__iadd__",
    "__imul__",
    "append",
    "extend",
    "insert",
    "pop",
    "remove",
    "clear",
    "sort",
    "reverse",
):
    setattr(GridRows, _name, _marking(_name))


def _get_columns(sheet: Any) -> list[tuple[Any, ...]] | None:
    grid = sheet._grid
    if grid is None or sheet.rows is not grid or grid.changed:
        return None
    columns: list[tuple[Any, ...]] = sheet._columns
    return columns


def _set_columns(sheet: Any, columns: list[tuple[Any, ...]] | None) -> None:
    # Kept only with rows that can tell they were changed. Given with any other list (a
    # sheet made by hand, ``dataclasses.replace(sheet, rows=...)`` forgetting ``columns``),
    # they are kept only if they hold the very values of those rows, which are then held as
    # ``GridRows``; otherwise dropped (the passes look at the rows).
    rows = sheet.rows
    if columns is not None and (type(rows) is not GridRows or rows.changed):
        if in_step(rows, columns):
            rows = sheet.rows = GridRows(rows)
        else:
            columns = None
    sheet._columns = columns
    sheet._grid = rows if columns is not None else None


def in_step(rows: Sequence[tuple[Any, ...]], columns: Sequence[Sequence[Any]]) -> bool:
    """Whether each column holds the very values of its cells in ``rows`` (``None`` past a
    row's end), one per row at least (more: blank rows cut from the end)."""
    width = len(columns)
    if any(len(column) < len(rows) for column in columns):
        return False
    for index, row in enumerate(rows):
        if len(row) > width:
            return False
        held = [column[index] for column in columns]
        if not all(map(is_, row, held)) or any(v is not None for v in held[len(row) :]):
            return False
    return True


# ``Sheet.columns``: the columns given with the sheet's rows, or ``None`` once the sheet holds
# other rows or its rows were changed in place.
COLUMNS = property(_get_columns, _set_columns)
