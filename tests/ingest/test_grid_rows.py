"""A sheet's columns hold only while its rows do (components/ingest/grid_rows.py).

The passes over whole sheets read a sheet's values from ``Sheet.columns`` when it has them;
a pass that changes the rows in place and forgets to drop the columns must not leave later
passes reading old values. Each way of changing a list in place is tried on a sheet as the
reader reads it, and what the passes read (``Sheet.column``, ``whole_column``, the sheet's
texts) is then the rows' new values."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from components.framework.model import default_framework
from components.ingest import column_values
from components.ingest.column_values import sheet_texts, whole_column
from components.ingest.grid_rows import GridRows, in_step
from components.ingest.limits import ReadLimits
from components.ingest.sheets import ReadContext, Sheet, read_workbook
from tests.ingest.reader_support import xlsx

_ROWS = [["Country", "Level"], ["Kenya", 2], ["Ghana", 3], ["Peru", 1]]


def _read() -> tuple[ReadContext, Sheet]:
    ctx = ReadContext("t.xlsx", default_framework(), ReadLimits())
    (sheet,) = read_workbook(ctx, xlsx({"Data": _ROWS}), "xlsx")
    return ctx, sheet


def _cells(sheet: Sheet, column: int) -> list[Any]:
    return [row[column] if column < len(row) else None for row in sheet.rows]


def test_a_sheet_as_read_has_its_columns_and_reading_its_rows_keeps_them():
    _, sheet = _read()
    assert type(sheet.rows) is GridRows
    assert sheet.columns is not None
    assert sheet.column(0, 0, len(sheet.rows)) == ["Country", "Kenya", "Ghana", "Peru"]
    _ = sheet.rows[1], sheet.rows[1:3], list(sheet.rows), len(sheet.rows), sheet.width()
    assert sheet.columns is not None
    assert type(sheet.rows[:]) is list  # a copy is a plain list
    assert dataclasses.replace(sheet, name="Other").columns is sheet.columns  # same rows


@pytest.mark.parametrize(
    "change",
    [
        lambda rows: rows.__setitem__(1, ("Chile", 4.0)),
        lambda rows: rows.__setitem__(slice(1, 2), [("Chile", 4.0)]),
        lambda rows: rows.__delitem__(1),
        lambda rows: rows.append(("Chile", 4.0)),
        lambda rows: rows.extend([("Chile", 4.0)]),
        lambda rows: rows.insert(1, ("Chile", 4.0)),
        lambda rows: rows.pop(),
        lambda rows: rows.pop(1),
        lambda rows: rows.remove(rows[2]),
        lambda rows: rows.clear(),
        lambda rows: rows.sort(key=str),
        lambda rows: rows.reverse(),
        lambda rows: rows.__iadd__([("Chile", 4.0)]),
        lambda rows: rows.__imul__(2),
    ],
)
def test_any_change_of_the_rows_in_place_drops_the_columns(change, monkeypatch):
    monkeypatch.setattr(column_values, "GUARDED_ROWS", 0)  # the sheet's texts: asked of any
    ctx, sheet = _read()
    assert sheet_texts(ctx, sheet) == {"Country", "Level", "Kenya", "Ghana", "Peru"}
    change(sheet.rows)  # as a pass that forgot ``sheet.columns = None`` would
    assert sheet.columns is None
    height = len(sheet.rows)
    for column in (0, 1):
        assert sheet.column(column, 0, height) == _cells(sheet, column)
        assert list(whole_column(sheet, column)) == _cells(sheet, column)
    assert sheet_texts(ctx, sheet) is None  # the guards look at the rows themselves


def test_other_rows_given_to_the_sheet_drop_its_columns():
    _, sheet = _read()
    sheet.rows = [("Chile", 4.0)]
    assert sheet.columns is None
    assert sheet.column(0, 0, 1) == ["Chile"]


@pytest.mark.parametrize(
    ("edit", "kept"),
    [
        (lambda rows: rows, True),  # the same values: kept (just passes)
        (lambda rows: [*rows[:-1], ("Peru", 1)], False),  # 1 for 1.0: equal, not the same
        (lambda rows: [*rows[:-1], ("Peru",)], False),  # a cell left out (just fails)
        (lambda rows: rows[:-1], True),  # a blank row cut from the end: columns longer
        (lambda rows: [*rows, ()], False),  # a row more than the columns hold
    ],
)
def test_columns_given_with_other_rows_are_kept_only_in_step(edit, kept):
    _, sheet = _read()
    rows = edit(list(sheet.rows))
    copy = dataclasses.replace(sheet, rows=rows)  # ``columns=None`` forgotten
    assert (copy.columns is not None) is kept
    assert in_step(rows, sheet.columns) is kept
    assert copy.column(0, 0, len(rows)) == _cells(copy, 0)
    assert copy.column(1, 0, len(rows)) == _cells(copy, 1)


def test_a_sheet_made_with_columns_of_its_own_rows_keeps_them_until_changed():
    rows = [("a", None), ("b", 2.0)]
    sheet = Sheet("Data", rows, columns=[("a", "b"), (None, 2.0)])
    assert sheet.columns is not None
    sheet.rows[0] = ("c",)
    assert sheet.columns is None
    assert sheet.column(0, 0, 2) == ["c", "b"]
