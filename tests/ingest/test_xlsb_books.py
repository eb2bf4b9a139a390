"""An Excel Binary Workbook (.xlsb) is read as the .xlsx made of its values: every shape the
reader reads in an .xlsx it reads in one, with the same messages; what an .xlsb loses (fill
colours) is never guessed at; a damaged or hostile one is refused or costs nothing.

Each file is written in BIFF12 records as Excel writes them (``xlsb_support``), read back by
calamine to show the writer right, and compared with the same sheets in an .xlsx written by
openpyxl.
"""

from __future__ import annotations

import datetime
import io
import time
import zipfile
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from python_calamine import CalamineWorkbook

from components.ingest.book_sheets import ErrorValue
from components.ingest.file_guard import check_upload
from components.ingest.limits import DEFAULT_LIMITS, ReadLimits
from components.ingest.mapping import preview_sheets
from components.ingest.markup_books import write_xlsx
from components.ingest.refusals import FileRejected
from components.ingest.report import SOURCE_SEPARATOR
from components.ingest.xlsb_books import xlsb_sheets
from tests.ingest.reader_support import FW, TITLES, by_assessment, read
from tests.ingest.xlsb_support import (
    CUSTOM_DATE_STYLE,
    PERCENT_STYLE,
    BSheet,
    Formula,
    serial,
    xlsb,
)


def xlsx_of(sheets: list[BSheet]) -> bytes:
    """The same sheets as an .xlsx, as Excel would save them (values, merges, hidden sheets,
    rows and columns; percentages shown as such)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets:
        worksheet = workbook.create_sheet(sheet.name)
        cells = {(r, c): v for r, row in enumerate(sheet.rows) for c, v in enumerate(row)}
        for (r, c), text in sheet.notes.items():
            worksheet.cell(r + 1, c + 1).comment = Comment(text, "Reviewer")
        for (r, c), value in {**cells, **sheet.far}.items():
            if value is None:
                continue
            shown = value.value if isinstance(value, Formula) else value
            cell = worksheet.cell(
                r + 1, c + 1, str(shown) if isinstance(shown, ErrorValue) else shown
            )
            if isinstance(shown, ErrorValue):
                cell.data_type = "e"
            if sheet.styles.get((r, c)) == PERCENT_STYLE:
                cell.number_format = "0%"
        for top, left, bottom, right in sheet.merged:
            worksheet.merge_cells(
                start_row=top + 1, start_column=left + 1, end_row=bottom + 1, end_column=right + 1
            )
        for row in sheet.hidden_rows:
            worksheet.row_dimensions[row + 1].hidden = True
        if sheet.hidden or sheet.very_hidden:
            worksheet.sheet_state = "veryHidden" if sheet.very_hidden else "hidden"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------------------------
# The shapes people's workbooks take, each read the same from the .xlsb and from an .xlsx

COUNTRIES = ["Kenya", "Ghana", "Nepal"]
LONG_HEADER = ["Country", "Year", "Capability", "Level", "Evidence"]
ALL = {n: n % 5 for n in range(1, 22)}
WORDS = ["Not in place", "Building", "Developing", "Established", "Mature"]


def _long(country: str, year: int, shift: int = 0) -> list[list[Any]]:
    return [[country, year, TITLES[n], (n + shift) % 5, "National plan"] for n in range(1, 22)]


def _form(country: str, year: Any, levels: dict[int, Any]) -> list[list[Any]]:
    rows: list[list[Any]] = [
        ["Country", country],
        ["Year", year],
        [],
        ["No.", "Capability", "Level"],
    ]
    return rows + [[n, TITLES[n], levels.get(n)] for n in range(1, 22)]


SHAPES: dict[str, tuple[list[BSheet], dict[tuple, dict[int, int]]]] = {
    "countries by capabilities": (
        [
            BSheet(
                "Levels",
                [["Year", 2023], [], ["Capability", *COUNTRIES]]
                + [[TITLES[n], n % 5, (n + 1) % 5, (n + 2) % 5] for n in range(1, 22)],
            )
        ],
        {
            (country, 2023, None): {n: (n + shift) % 5 for n in range(1, 22)}
            for shift, country in enumerate(COUNTRIES)
        },
    ),
    "a long table of two countries": (
        [BSheet("Data", [LONG_HEADER, *_long("Kenya", 2023), *_long("Ghana", 2022, 1)])],
        {
            ("Kenya", 2023, None): ALL,
            ("Ghana", 2022, None): {n: (n + 1) % 5 for n in range(1, 22)},
        },
    ),
    "the template with Country and Year above the table": (
        [BSheet("Assessment", _form("Kenya", 2023, ALL))],
        {("Kenya", 2023, None): ALL},
    ),
    "levels in words": (
        [BSheet("Assessment", _form("Kenya", 2023, {n: WORDS[n % 5] for n in range(1, 22)}))],
        {("Kenya", 2023, None): ALL},
    ),
    "text written in its cells, not shared": (
        [BSheet("Assessment", _form("Ghana", 2022, ALL), inline_text=True)],
        {("Ghana", 2022, None): ALL},
    ),
    "a form dated with a date cell, some capabilities not assessed": (
        [
            BSheet(
                "Assessment",
                _form(
                    "Nepal", datetime.date(2024, 3, 15), {n: n % 5 for n in range(1, 22) if n % 4}
                ),
            )
        ],
        {("Nepal", 2024, None): {n: n % 5 for n in range(1, 22) if n % 4}},
    ),
    "two sheets, one country each": (
        [
            BSheet("Kenya", _form("Kenya", 2023, ALL)),
            BSheet("Ghana", _form("Ghana", 2023, {n: 4 - n % 5 for n in range(1, 22)})),
        ],
        {
            ("Kenya", 2023, None): ALL,
            ("Ghana", 2023, None): {n: 4 - n % 5 for n in range(1, 22)},
        },
    ),
    "a hidden helper sheet repeating the assessment": (
        [
            BSheet("Data", [LONG_HEADER, *_long("Kenya", 2023)]),
            BSheet("Helper", [LONG_HEADER, *_long("Kenya", 2023)], hidden=True),
        ],
        {("Kenya", 2023, None): ALL},
    ),
    "a very hidden sheet of another country": (
        [
            BSheet("Data", [LONG_HEADER, *_long("Kenya", 2023)]),
            BSheet("Old", [LONG_HEADER, *_long("Ghana", 2019)], very_hidden=True),
        ],
        {("Kenya", 2023, None): ALL, ("Ghana", 2019, None): ALL},  # read, as an .xlsx's is
    ),
    "an old row hidden below the table": (
        [
            BSheet(
                "Data",
                [LONG_HEADER, *_long("Kenya", 2023), ["Kenya", 2023, TITLES[1], 0, "old"]],
                hidden_rows={22},
            )
        ],
        {("Kenya", 2023, None): ALL},
    ),
    "a country merged over its two years' columns": (
        [
            BSheet(
                "Levels",
                [["Capability", "Kenya", None], [None, 2021, 2023]]
                + [[TITLES[n], n % 5, (n + 1) % 5] for n in range(1, 22)],
                merged=[(0, 1, 0, 2)],
            )
        ],
        {
            ("Kenya", 2021, None): ALL,
            ("Kenya", 2023, None): {n: (n + 1) % 5 for n in range(1, 22)},
        },
    ),
    "a long table's country merged down its rows": (
        [
            BSheet(
                "Data",
                [LONG_HEADER[:4]]
                + [["Ghana" if n == 1 else None, 2022, TITLES[n], n % 5] for n in range(1, 22)],
                merged=[(1, 0, 21, 0)],
            )
        ],
        {("Ghana", 2022, None): ALL},
    ),
    "level cells showing error values": (
        [
            BSheet(
                "Assessment",
                _form(
                    "Kenya",
                    2024,
                    {n: ErrorValue("#REF!") if n == 3 else n % 5 for n in range(1, 22)},
                ),
            )
        ],
        {("Kenya", 2024, None): {n: n % 5 for n in range(1, 22) if n != 3}},
    ),
    "formulas with their saved results": (
        [BSheet("Assessment", _form("Kenya", 2024, {n: Formula(n % 5) for n in range(1, 22)}))],
        {("Kenya", 2024, None): ALL},
    ),
    "levels written only in notes": (
        [
            BSheet(
                "Assessment",
                _form("Kenya", 2024, {}),
                notes={(3 + n, 2): f"Level {n % 5} - agreed" for n in range(1, 22)},
            )
        ],
        {},
    ),
    "a note beside a level, and a country in rich text": (
        [
            BSheet(
                "Assessment",
                _form("Kenya", 2023, ALL),
                notes={(5, 2): "Agreed at the workshop"},
                rich={(0, 1)},
            )
        ],
        {("Kenya", 2023, None): ALL},
    ),
    "macros beside the sheets": (
        [BSheet("Assessment", _form("Kenya", 2023, ALL))],
        {("Kenya", 2023, None): ALL},
    ),
}


def _problems(result) -> list[tuple[str, str | None, str | None, str, str]]:
    return [(p.severity, p.sheet, p.cell, p.message, p.fix) for p in result.problems]


@pytest.mark.parametrize(("sheets", "expected"), SHAPES.values(), ids=SHAPES.keys())
def test_an_xlsb_reads_as_the_same_xlsx_does(sheets, expected):
    data = xlsb(sheets, vba=sheets is SHAPES["macros beside the sheets"][0])
    from_xlsb = read("assessment.xlsb", data)
    from_xlsx = read("assessment.xlsb", xlsx_of(sheets))  # the same name: the same messages
    assert by_assessment(from_xlsb) == by_assessment(from_xlsx) == expected
    assert _problems(from_xlsb) == _problems(from_xlsx)
    assert from_xlsb.capabilities.drop(columns="assessment_id").equals(
        from_xlsx.capabilities.drop(columns="assessment_id")
    )


def _shown(value: Any) -> Any:
    """What calamine gives for a value written in an .xlsb (an error cell reads as blank)."""
    value = value.value if isinstance(value, Formula) else value
    if isinstance(value, ErrorValue) or value is None:
        return ""
    if isinstance(value, datetime.date):
        return value
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


@pytest.mark.parametrize("sheets", [s for s, _ in SHAPES.values()], ids=SHAPES.keys())
def test_the_writer_writes_what_calamine_reads(sheets):
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(xlsb(sheets)))
    assert workbook.sheet_names == [sheet.name for sheet in sheets]
    for sheet in sheets:
        rows = workbook.get_sheet_by_name(sheet.name).to_python()
        width = max(len(row) for row in sheet.rows)
        expected = [
            # calamine reads no cell's own rich text (BrtCellRString); xlsb_books does
            [_shown(None if (r, c) in sheet.rich else v) for c, v in enumerate(row)]
            + [""] * (width - len(row))
            for r, row in enumerate(sheet.rows)
        ]
        assert [[_shown_read(v) for v in row] for row in rows] == expected


def _shown_read(value: Any) -> Any:
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date()
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


def test_an_error_cell_is_said_to_show_its_error():
    sheets, _ = SHAPES["level cells showing error values"]
    result = read("assessment.xlsb", xlsb(sheets))
    [problem] = [p for p in result.problems if p.cell == "C7"]
    assert problem.severity == "error"
    assert "shows #REF!" in problem.message
    assert "could not be read" in problem.message


def test_the_guard_names_it_and_the_sheets_keep_their_names():
    data = xlsb(SHAPES["two sheets, one country each"][0])
    assert check_upload("export.xlsb", data) == "xlsb"
    result = read("export.xlsb", data)
    assert set(result.capabilities["source"]) == {
        f"export.xlsb{SOURCE_SEPARATOR}Kenya",
        f"export.xlsb{SOURCE_SEPARATOR}Ghana",
    }


def test_the_mapping_step_previews_its_sheets():
    previews = preview_sheets("book.xlsb", xlsb(SHAPES["two sheets, one country each"][0]), FW)
    assert [p.name for p in previews] == ["Kenya", "Ghana"]
    assert previews[0].rows[0] == ("Country", "Kenya")


# --------------------------------------------------------------------------------------------
# Values as Excel stores them: dates, percentages, hidden columns


# (case, sheet, date system 1904, the value read at A1, its number format in the .xlsx)
VALUES = [
    ("a date", BSheet("S", [[datetime.date(2024, 3, 15)]]), False, datetime.datetime(2024, 3, 15)),
    (
        "a date in a format of the workbook's own",
        BSheet("S", [[serial(datetime.date(2023, 1, 31))]], styles={(0, 0): CUSTOM_DATE_STYLE}),
        False,
        datetime.datetime(2023, 1, 31),
    ),
    (
        "a date in the 1904 system (old Mac workbooks)",
        BSheet("S", [[serial(datetime.date(2024, 3, 15)) - 1462]], styles={(0, 0): 1}),
        True,
        datetime.datetime(2024, 3, 15),
    ),
    ("a percentage", BSheet("S", [[0.75]], styles={(0, 0): PERCENT_STYLE}), False, 0.75),
    ("a whole number", BSheet("S", [[2023]]), False, 2023),
    ("a negative number", BSheet("S", [[-3]]), False, -3),
    ("a large number", BSheet("S", [[10**12]]), False, 10**12),
    ("a decimal", BSheet("S", [[2.5]]), False, 2.5),
    ("true", BSheet("S", [[True]]), False, True),
    ("an error value", BSheet("S", [[ErrorValue("#DIV/0!")]]), False, "#DIV/0!"),
    ("a formula's error", BSheet("S", [[Formula(ErrorValue("#REF!"))]]), False, "#REF!"),
    ("a formula's text", BSheet("S", [[Formula("Kenya")]]), False, "Kenya"),
    ("text like a formula stays text", BSheet("S", [["=1+1"]]), False, "=1+1"),
]


@pytest.mark.parametrize(
    ("sheet", "date1904", "value"), [c[1:] for c in VALUES], ids=[c[0] for c in VALUES]
)
def test_a_value_is_kept_as_excel_shows_it(sheet, date1904, value):
    [book] = xlsb_sheets(xlsb([sheet], date1904=date1904), DEFAULT_LIMITS)
    cell = load_workbook(io.BytesIO(write_xlsx([book]))).active["A1"]
    assert cell.value == value
    assert (cell.number_format == "0%") == (sheet.styles.get((0, 0)) == PERCENT_STYLE)


def test_hidden_columns_stay_hidden():
    sheet = BSheet("S", [["a", "b", "c", "d"]], hidden_columns=[(1, 2)])
    [book] = xlsb_sheets(xlsb([sheet]), DEFAULT_LIMITS)
    dimensions = load_workbook(io.BytesIO(write_xlsx([book]))).active.column_dimensions
    assert dimensions["B"].hidden
    assert (dimensions["B"].min, dimensions["B"].max) == (2, 3)
    assert not dimensions["D"].hidden


# --------------------------------------------------------------------------------------------
# What an .xlsb loses is never guessed at


def _traffic_lights() -> BSheet:
    """Levels shown only by colour, with a colour key beside: as an .xlsb, the colours lost."""
    rows: list[list[Any]] = [["Kenya – MNR traffic lights 2024"], [], [], ["Capability", "Level"]]
    rows += [[TITLES[n]] for n in range(1, 22)]
    for i, label in enumerate(WORDS):
        rows[4 + i] += [None, None, label]
    filled = {(4 + n - 1, 1) for n in range(1, 22)} | {(4 + i, 2) for i in range(5)}
    return BSheet("Traffic lights", rows, filled=filled)


def test_levels_shown_only_by_colour_are_not_read_and_the_colours_are_said_unread():
    sheet = _traffic_lights()
    from_xlsb = read("lights.xlsb", xlsb([sheet]))
    from_xlsx = read("lights.xlsb", xlsx_of([sheet]))  # the same cells, no fill
    # nothing to keep (``nothing_read``)
    assert by_assessment(from_xlsb) == by_assessment(from_xlsx) == {}
    [said] = [p for p in _problems(from_xlsb) if p not in _problems(from_xlsx)]
    assert said[:3] == ("warning", "Traffic lights", None)
    assert "26 empty cells of this sheet are filled with a colour" in said[3]
    assert "not its colours" in said[3]
    assert "Excel Workbook (*.xlsx)" in said[4]
    assert any(
        "No capability or enabler of Kenya 2024 has a level" in p[3] for p in _problems(from_xlsb)
    )


def test_a_few_coloured_empty_cells_are_a_decoration_not_said():
    sheet = BSheet("Assessment", _form("Kenya", 2023, ALL), filled={(2, 0), (2, 1)})
    assert _problems(read("a.xlsb", xlsb([sheet]))) == _problems(read("a.xlsb", xlsx_of([sheet])))


# --------------------------------------------------------------------------------------------
# Damaged and hostile files


def _cut(data: bytes, part: str, keep: int) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            raw = source.read(name)
            target.writestr(name, raw[:keep] if name == part else raw)
    return out.getvalue()


GOOD = xlsb([BSheet("Assessment", _form("Kenya", 2023, ALL))])
DAMAGED = [
    ("a sheet cut short", _cut(GOOD, "xl/worksheets/sheet1.bin", 200)),
    ("shared strings cut short", _cut(GOOD, "xl/sharedStrings.bin", 30)),
    ("styles cut short", _cut(GOOD, "xl/styles.bin", 9)),
    ("relationships cut short", _cut(GOOD, "xl/_rels/workbook.bin.rels", 60)),
]


@pytest.mark.parametrize("data", [c[1] for c in DAMAGED], ids=[c[0] for c in DAMAGED])
def test_a_damaged_xlsb_is_refused_saying_so(data):
    with pytest.raises(FileRejected) as caught:
        xlsb_sheets(data, DEFAULT_LIMITS)
    assert caught.value.kind == "damaged"
    result = read("broken.xlsb", data)
    assert result.capabilities.empty
    [problem] = result.problems
    assert problem.severity == "error"
    assert "Excel Binary Workbook (.xlsb)" in problem.message
    assert "damaged" in problem.message
    assert "save it again" in problem.fix


def test_a_hostile_reach_costs_nothing_and_the_sheet_is_said_to_be_cut():
    limits = ReadLimits(max_rows_per_sheet=200, max_columns=40)
    far = {(4_000_000_000, 10): "far", (5, 4_000_000_000): "wide", (3_000_000_000, 1): "farther"}
    sheet = BSheet(
        "Assessment",
        _form("Kenya", 2023, ALL),
        far=far,
        merged=[(30, 0, 4_000_000_000, 4_000_000_000)],
        hidden_columns=[(10, 4_000_000_000)],
        hidden_rows={4_100_000_000},
    )
    started = time.perf_counter()
    result = read("huge.xlsb", xlsb([sheet]), limits)
    assert time.perf_counter() - started < 5
    assert by_assessment(result) == {("Kenya", 2023, None): ALL}
    assert any("more than 200 rows" in p.message for p in result.problems), result.problems
    [book] = xlsb_sheets(xlsb([sheet]), limits)
    assert book.merges == [(30, 0, 199, 39)]
    assert book.hidden_columns == [(10, 39)]
    assert max(book.cells) == 200
    assert max(max(row) for row in book.cells.values()) == 40


def test_a_sheet_past_the_limit_is_said_to_be_cut_as_in_an_xlsx():
    sheets = [BSheet("Data", [LONG_HEADER, *_long("Kenya", 2023), *_long("Ghana", 2022)])]
    limits = ReadLimits(max_rows_per_sheet=30)
    from_xlsb = read("long.xlsb", xlsb(sheets), limits)
    from_xlsx = read("long.xlsb", xlsx_of(sheets), limits)
    assert by_assessment(from_xlsb) == by_assessment(from_xlsx)
    assert _problems(from_xlsb) == _problems(from_xlsx)
    assert any("30" in p.message for p in from_xlsb.problems)
