"""The .xlsx made of a file written as markup (``markup_books``), from its sheets as read
(``book_sheets``): values keep their types, names are ones Excel allows, the limits cost nothing.

What a person gets from a whole file is tested with each format: ``test_spreadsheet_xml``,
``test_html_tables``.
"""

from __future__ import annotations

import datetime
import io

import pytest
from openpyxl import load_workbook

from components.ingest.book_sheets import ErrorValue, new_sheet
from components.ingest.limits import DEFAULT_LIMITS, ReadLimits
from components.ingest.markup_books import sheet_name, write_xlsx


def _book(*sheets):
    return load_workbook(io.BytesIO(write_xlsx(list(sheets))))


# (case, value kept, what the workbook holds, its cell type)
VALUES = [
    ("a number", 3, 3, "n"),
    ("a decimal", 2.5, 2.5, "n"),
    ("text", "Kenya", "Kenya", "s"),
    ("text like a formula stays text", "=SUM(A1:A3)", "=SUM(A1:A3)", "s"),
    ("text like an error value stays text", "#N/A", "#N/A", "s"),
    ("an error value", ErrorValue("#N/A"), "#N/A", "e"),
    ("a newer error value", ErrorValue("#SPILL!"), "#SPILL!", "e"),
    ("true", True, True, "b"),
    ("a date", datetime.datetime(2024, 3, 15), datetime.datetime(2024, 3, 15), "d"),
    ("control characters left out", "Ken\x01ya", "Kenya", "s"),
    ("a line break kept", "Plan\nadopted", "Plan\nadopted", "s"),
]


@pytest.mark.parametrize(
    ("value", "held", "kind"), [case[1:] for case in VALUES], ids=[case[0] for case in VALUES]
)
def test_a_value_keeps_its_type(value, held, kind):
    sheet = new_sheet("Data", DEFAULT_LIMITS)
    sheet.put(0, 0, value)
    cell = _book(sheet).active["A1"]
    assert (cell.value, cell.data_type) == (held, kind)


# (case, name given, the sheet's name in the workbook)
NAMES = [
    ("a name Excel allows", "Kenya 2023", "Kenya 2023"),
    ("characters Excel refuses", "Results: 2023/24 [draft]?", "Results 2023 24 draft"),
    (
        "longer than 31 characters",
        "MNR self-assessment of Kenya, baseline round 2023",
        "MNR self-assessment of Kenya, b",
    ),
    ("quoted", "'Data'", "Data"),
    ("nothing left", "///", "Sheet1"),
]


@pytest.mark.parametrize(("given", "name"), [c[1:] for c in NAMES], ids=[c[0] for c in NAMES])
def test_a_sheet_is_named_as_excel_allows(given, name):
    assert sheet_name(given, 1) == name
    assert _book(new_sheet(given, DEFAULT_LIMITS)).sheetnames == [name]


def test_names_alike_are_told_apart():
    sheets = [new_sheet(name, DEFAULT_LIMITS) for name in ("Table", "table", "Table")]
    assert _book(*sheets).sheetnames == ["Table", "table (2)", "Table (3)"]


def test_hidden_sheets_and_rows_stay_hidden_but_one_sheet_shows():
    shown, helper = (
        new_sheet("Data", DEFAULT_LIMITS),
        new_sheet("Helper", DEFAULT_LIMITS, hidden=True),
    )
    shown.hide_row(2)
    book = _book(shown, helper)
    assert [s.sheet_state for s in book.worksheets] == ["visible", "hidden"]
    assert book["Data"].row_dimensions[3].hidden
    only_hidden = _book(new_sheet("Helper", DEFAULT_LIMITS, hidden=True))
    assert only_hidden.active.sheet_state == "visible"  # a workbook shows a sheet at least


SMALL = ReadLimits(max_rows_per_sheet=10, max_columns=5)


def test_cells_past_the_limits_are_dropped_but_the_first_past_each():
    sheet = new_sheet("Data", SMALL)
    sheet.put(0, 0, "kept")
    for row in (10, 10**9, 11):  # rows past the limit: the first is kept, at the limit
        sheet.put(row, 0, f"row {row}")
    for column in (5, 10**9):  # columns past it: the first is kept, at the limit
        sheet.put(0, column, f"column {column}")
    assert sheet.cells == {0: {0: "kept", 5: "column 5"}, 10: {0: "row 10"}}


def test_a_merge_is_clipped_to_the_limits_and_makes_no_cell():
    sheet = new_sheet("Data", SMALL)
    sheet.put(0, 0, "note")
    sheet.merge(0, 0, 10**9, 10**9)
    sheet.merge(20, 0, 30, 3)  # starts past the row limit: never read
    sheet.merge(1, 1, 1, 1)  # one cell: no merge
    assert sheet.merges == [(0, 0, 9, 4)]
    worksheet = _book(sheet).active
    assert [str(r) for r in worksheet.merged_cells.ranges] == ["A1:E10"]
