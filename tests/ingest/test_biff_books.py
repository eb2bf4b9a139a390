"""Excel 2.x, 3.0 and 4.0 sheets and Excel 4.0 workbooks are read as the .xlsx made of their
values: every shape the reader reads in an .xlsx it reads in one, with the same messages, in
each of the three versions; dates, percentages, formulas' saved results, booleans, error
values, notes, hidden rows and columns and code pages are kept; a damaged or far-reaching one
is refused or costs nothing.

Each file is written record by record as those versions of Excel (and SPSS, Stata and DOS
programs after them) write it (``old_support``).
"""

from __future__ import annotations

import datetime
import struct
import time
from typing import Any

import pytest

from components.ingest.biff_books import old_excel_sheets
from components.ingest.book_sheets import ErrorValue
from components.ingest.limits import DEFAULT_LIMITS, ReadLimits
from components.ingest.report import SOURCE_SEPARATOR
from tests.ingest.old_support import (
    DATE_FORMAT,
    PERCENT_FORMAT,
    Formula,
    OldSheet,
    biff,
    biff_workbook,
    record,
)
from tests.ingest.reader_support import TITLES, by_assessment, read, xlsx

VERSIONS = (2, 3, 4)
WORDS = ["Not in place", "Building", "Developing", "Established", "Mature"]


def _form(country: str, year: Any, levels: dict[int, Any]) -> list[list[Any]]:
    rows: list[list[Any]] = [
        ["Country", country],
        ["Year", year],
        [],
        ["No.", "Capability", "Level"],
    ]
    return rows + [[n, TITLES[n], levels.get(n)] for n in range(1, 22)]


def _wide(header: list[str]) -> list[list[Any]]:
    rows = [["COUNTRY", "YEAR", *header]]
    for shift, country in enumerate(("Elbonia", "Freedonia")):
        rows.append([country, 2023, *[(n + shift) % 5 for n in range(1, 22)]])
    return rows


# (what the file is, its sheet, what a careful person reads in it)
SHAPES: list[tuple[str, OldSheet, dict[tuple, dict[int, int]]]] = [
    (
        "a form: Country and Year above the table, one capability not assessed",
        OldSheet("Sheet1", _form("Elbonia", 2022, {n: n % 5 for n in range(1, 21)})),
        {("Elbonia", 2022, None): {n: n % 5 for n in range(1, 21)}},
    ),
    (
        "levels written as '2 - Developing'",
        OldSheet(
            "Sheet1", _form("Elbonia", 2021, {n: f"{n % 5} - {WORDS[n % 5]}" for n in range(1, 22)})
        ),
        {("Elbonia", 2021, None): {n: n % 5 for n in range(1, 22)}},
    ),
    (
        "SPSS's export: variables named CAP01 to CAP21, a row per country",
        OldSheet("Sheet1", _wide([f"CAP{n:02d}" for n in range(1, 22)])),
        {
            ("Elbonia", 2023, None): {n: n % 5 for n in range(1, 22)},
            ("Freedonia", 2023, None): {n: (n + 1) % 5 for n in range(1, 22)},
        },
    ),
    (
        "a long table of two countries",
        OldSheet(
            "Sheet1",
            [["Country", "Year", "Capability", "Level"]]
            + [["Elbonia", 2024, TITLES[n], n % 5] for n in range(1, 22)]
            + [["Freedonia", 2024, n, (n + 2) % 5] for n in range(1, 22)],
        ),
        {
            ("Elbonia", 2024, None): {n: n % 5 for n in range(1, 22)},
            ("Freedonia", 2024, None): {n: (n + 2) % 5 for n in range(1, 22)},
        },
    ),
    (
        "levels that are formulas' saved results, numbers and texts",
        OldSheet(
            "Sheet1",
            _form(
                "Elbonia",
                Formula(2023.0),
                {n: Formula(n % 5 if n % 2 else f"{n % 5}") for n in range(1, 22)},
            ),
        ),
        {("Elbonia", 2023, None): {n: n % 5 for n in range(1, 22)}},
    ),
]


def _xlsx_of(sheet: OldSheet) -> bytes:
    rows = [[v.value if isinstance(v, Formula) else v for v in row] for row in sheet.rows]
    return xlsx({sheet.name: rows})


def _said(result) -> list[tuple[str, str | None, str]]:
    return [(p.severity, p.cell, p.message) for p in result.problems]


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize(("what", "sheet", "expected"), SHAPES, ids=[s[0] for s in SHAPES])
def test_an_old_excel_sheet_reads_as_its_xlsx_does(what, sheet, expected, version):
    result = read("assessment.xls", biff(version, sheet))
    assert result.opened, what
    assert by_assessment(result) == expected
    assert _said(result) == _said(read("assessment.xlsx", _xlsx_of(sheet)))


@pytest.mark.parametrize("version", VERSIONS)
def test_an_error_value_in_a_level_cell_is_said_as_in_an_xlsx(version):
    levels: dict[int, Any] = {n: n % 5 for n in range(1, 22)}
    levels[4] = ErrorValue("#N/A")
    levels[6] = Formula(ErrorValue("#DIV/0!"))
    result = read(
        "assessment.xls", biff(version, OldSheet("Sheet1", _form("Elbonia", 2023, levels)))
    )
    found = by_assessment(result)[("Elbonia", 2023, None)]
    assert 4 not in found
    assert 6 not in found
    assert found[5] == 0
    said = {p.cell: p.message for p in result.problems if p.severity == "error"}
    assert "#N/A" in said["C8"]
    assert "#DIV/0!" in said["C10"]


def test_an_excel_4_workbook_reads_each_sheet_under_its_name():
    sheets = [
        OldSheet("Elbonia", _form("Elbonia", 2021, {n: n % 5 for n in range(1, 22)})),
        OldSheet("Freedonia", _form("Freedonia", 2021, {n: (n + 1) % 5 for n in range(1, 22)})),
    ]
    result = read("countries.xlw", biff_workbook(sheets))
    assert by_assessment(result) == {
        ("Elbonia", 2021, None): {n: n % 5 for n in range(1, 22)},
        ("Freedonia", 2021, None): {n: (n + 1) % 5 for n in range(1, 22)},
    }
    assert set(result.capabilities["source"]) == {
        f"countries.xlw{SOURCE_SEPARATOR}Elbonia",
        f"countries.xlw{SOURCE_SEPARATOR}Freedonia",
    }


# --------------------------------------------------------------------------------------------
# What a sheet's records hold, kept as the .xlsx keeps it


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("date1904", [False, True])
def test_dates_and_percentages_are_shown_by_their_number_formats(version, date1904):
    day = datetime.date(2023, 5, 17)
    serial = (day - (datetime.date(1904, 1, 1) if date1904 else datetime.date(1899, 12, 30))).days
    sheet = OldSheet(
        "Sheet1",
        [["Assessed on", serial], ["Done", 0.5], ["Count", 7]],
        styles={(0, 1): DATE_FORMAT, (1, 1): PERCENT_FORMAT},
    )
    [read_sheet] = old_excel_sheets(biff(version, sheet, date1904=date1904), DEFAULT_LIMITS)
    assert read_sheet.cells[0][1] == datetime.datetime(2023, 5, 17)
    assert read_sheet.cells[1][1] == 0.5
    assert read_sheet.number_formats == {(1, 1): "0%"}
    assert read_sheet.cells[2][1] == 7


@pytest.mark.parametrize("version", VERSIONS)
def test_a_date_in_the_sheets_own_format_gives_the_year(version):
    sheet = OldSheet(
        "Sheet1",
        _form("Elbonia", datetime.date(2022, 11, 30), {n: n % 5 for n in range(1, 22)}),
        styles={(1, 1): 9},  # the first format after the built-ins: the sheet's own
        formats=["dd.mm.yyyy"],
    )
    assert list(by_assessment(read("x.xls", biff(version, sheet)))) == [("Elbonia", 2022, None)]


@pytest.mark.parametrize("version", VERSIONS)
def test_formula_results_booleans_errors_and_empty_texts_are_kept_as_such(version):
    row = [Formula("Elbonia"), Formula(True), Formula(ErrorValue("#REF!")), Formula(None), False]
    [sheet] = old_excel_sheets(biff(version, OldSheet("Sheet1", [row])), DEFAULT_LIMITS)
    assert sheet.cells[0] == {0: "Elbonia", 1: True, 2: ErrorValue("#REF!"), 4: False}


@pytest.mark.parametrize(
    ("encoding", "code_page", "text"),
    [
        ("cp1252", 1252, "Evaluación – Perú"),
        ("cp1251", 1251, "Уровень"),
        ("cp437", 437, "Côte d'Ivoire"),
        ("cp850", 850, "São Tomé"),
        ("mac_roman", 32768, "Moçambique"),
        ("cp1252", None, "Année"),  # no CODEPAGE record: Windows-1252, as Excel assumes
    ],
)
@pytest.mark.parametrize("version", VERSIONS)
def test_text_is_read_in_the_code_page_the_file_names(version, encoding, code_page, text):
    sheet = OldSheet("Sheet1", [[text]], notes={(0, 0): f"{text} (note)"})
    data = biff(version, sheet, encoding=encoding, code_page=code_page)
    [read_sheet] = old_excel_sheets(data, DEFAULT_LIMITS)
    assert read_sheet.cells[0][0] == text
    assert read_sheet.notes == {(0, 0): f"{text} (note)"}


@pytest.mark.parametrize("version", [3, 4])
def test_hidden_rows_and_columns_stay_hidden(version):
    sheet = OldSheet("Sheet1", [["a", "b", "c"]] * 4, hidden_rows={2}, hidden_columns=[(1, 2)])
    [read_sheet] = old_excel_sheets(biff(version, sheet), DEFAULT_LIMITS)
    assert read_sheet.hidden_rows == {2}
    assert read_sheet.hidden_columns == [(1, 2)]


def test_a_long_note_over_several_records_is_whole():
    text = "Evidence: " + "national plan adopted; " * 200
    [sheet] = old_excel_sheets(
        biff(2, OldSheet("Sheet1", [["x"]], notes={(0, 0): text})), DEFAULT_LIMITS
    )
    assert sheet.notes[0, 0] == text.strip()


# --------------------------------------------------------------------------------------------
# Hostile and damaged files


def test_cells_past_the_limits_cost_nothing_and_the_cut_is_said():
    far = {(row, 3): row for row in range(5, 16000)}
    sheet = OldSheet("Sheet1", _form("Elbonia", 2023, {n: n % 5 for n in range(1, 22)}), far=far)
    data = biff(3, sheet)
    limits = ReadLimits(max_rows_per_sheet=30)
    started = time.perf_counter()
    [read_sheet] = old_excel_sheets(data, limits)
    assert time.perf_counter() - started < 2
    assert max(read_sheet.cells) == 30  # the first row past the limit, kept to say the cut
    result = read("x.xls", data, limits)
    assert any("rows after row 30 were not read" in p.message for p in result.problems)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-4],  # no EOF
        lambda data: data[:-9],  # a record cut short
        lambda data: data.replace(b"\x04\x02\x0f\x00", b"\x04\x02\xff\xff", 1),  # claims too much
    ],
    ids=["no end", "cut short", "claims too much"],
)
def test_a_damaged_old_excel_file_is_refused_as_damaged(damage):
    data = damage(biff(3, OldSheet("Sheet1", _form("Elbonia", 2023, {1: 2}))))
    result = read("x.xls", data)
    assert not result.opened
    [problem] = result.problems
    assert "damaged or incomplete" in problem.message
    assert "Excel Workbook (*.xlsx)" in problem.fix


def test_a_workbook_sheet_that_ends_past_its_stated_length_is_damage():
    book = bytearray(biff_workbook([OldSheet("A", _form("Elbonia", 2023, {1: 2}))] * 2))
    header = book.find(b"\x8f\x00")  # the first SHEETHDR: its length of the sheet first
    struct.pack_into("<i", book, header + 4, 40)
    result = read("book.xlw", bytes(book))
    assert not result.opened
    assert "damaged or incomplete" in result.problems[0].message


@pytest.mark.parametrize("version", VERSIONS)
def test_a_sheet_saved_with_a_password_is_refused_never_read(version):
    data = biff(version, OldSheet("Sheet1", _form("Elbonia", 2023, {1: 2})))
    bof_end = 4 + struct.unpack_from("<H", data, 2)[0]
    locked = data[:bof_end] + record(0x002F, bytes(4)) + data[bof_end:]
    result = read("locked.xls", locked)
    assert not result.opened
    [problem] = result.problems
    assert "protected with a password" in problem.message
