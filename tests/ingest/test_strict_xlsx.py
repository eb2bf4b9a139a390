"""A "Strict Open XML Spreadsheet" is read as the .xlsx it is once its names are Transitional's:
every shape and message of an .xlsx holds, fills, fonts, notes, merges, hidden parts and dates
written as ISO text included (``strict_xlsx``).

Each Strict file is an openpyxl workbook written again as Excel saves it as Strict
(``xlsb_support.strict``), read beside the workbook it was made of.
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
from openpyxl.styles import PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from components.ingest.file_guard import check_upload
from components.ingest.limits import ReadLimits
from components.ingest.strict_xlsx import transitional_package, transitional_xml
from tests.ingest.colour_support import TRAFFIC, Fill, struck, write
from tests.ingest.reader_support import TITLES, by_assessment, read, xlsx
from tests.ingest.xlsb_support import strict

ALL = {n: n % 5 for n in range(1, 22)}
COUNTRIES = ["Kenya", "Ghana", "Nepal"]
LONG_HEADER = ["Country", "Year", "Capability", "Level", "Evidence"]
WORDS = ["Not in place", "Building", "Developing", "Established", "Mature"]


def _save(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _form(country: str, year: Any, levels: dict[int, Any]) -> list[list[Any]]:
    rows: list[list[Any]] = [
        ["Country", country],
        ["Year", year],
        [],
        ["No.", "Capability", "Level"],
    ]
    return rows + [[n, TITLES[n], levels.get(n)] for n in range(1, 22)]


def _long(country: str, year: int, shift: int = 0) -> list[list[Any]]:
    return [[country, year, TITLES[n], (n + shift) % 5, "National plan"] for n in range(1, 22)]


def _edited(rows: list[list[Any]], edit) -> bytes:
    workbook = load_workbook(io.BytesIO(xlsx({"Assessment": rows})))
    edit(workbook["Assessment"])
    return _save(workbook)


def _merged_years() -> bytes:
    rows = [["Capability", "Kenya", None], [None, 2021, 2023]]
    rows += [[TITLES[n], n % 5, (n + 1) % 5] for n in range(1, 22)]
    return _edited(rows, lambda sheet: sheet.merge_cells("B1:C1"))


def _hidden_old_row() -> bytes:
    rows = [LONG_HEADER, *_long("Kenya", 2023), ["Kenya", 2023, TITLES[1], 0, "old"]]

    def hide(sheet):
        sheet.row_dimensions[23].hidden = True

    return _edited(rows, hide)


def _hidden_sheet() -> bytes:
    workbook = load_workbook(
        io.BytesIO(
            xlsx(
                {
                    "Data": [LONG_HEADER, *_long("Kenya", 2023)],
                    "Old": [LONG_HEADER, *_long("Ghana", 2019)],
                }
            )
        )
    )
    workbook["Old"].sheet_state = "hidden"
    return _save(workbook)


def _percent_levels() -> bytes:
    rows = _form("Kenya", 2023, {n: (n % 5) / 4 for n in range(1, 22)})

    def percent(sheet):
        for row in sheet.iter_rows(min_row=5, min_col=3, max_col=3):
            row[0].number_format = "0%"

    return _edited(rows, percent)


def _chosen_from_a_list() -> bytes:
    rows = _form("Kenya", 2023, {n: WORDS[n % 5] for n in range(1, 22)})

    def validate(sheet):
        choices = DataValidation(type="list", formula1='"' + ",".join(WORDS) + '"')
        sheet.add_data_validation(choices)
        choices.add("C5:C25")

    return _edited(rows, validate)


def _traffic_lights() -> bytes:
    rows: list[list[Any]] = [["Kenya – MNR traffic lights 2024"], [], [], ["Capability", "Level"]]
    rows += [[TITLES[n], Fill(TRAFFIC[n % 5])] for n in range(1, 22)]
    for i, label in enumerate(WORDS):
        rows[4 + i] += [None, Fill(TRAFFIC[i]), f"{i} – {label}"]
    return write("xlsx", {"Traffic lights": rows})


def _struck_and_revised() -> bytes:
    rows: list[list[Any]] = [["Malaysia – MNR 2023 – draft for review"], []]
    rows.append(["Capability", "Level (draft)", "Revised"])
    for n in range(1, 22):
        rows.append([TITLES[n], struck(n % 4) if n == 3 else n % 4, 4 if n == 3 else None])
    return write("xlsx", {"Draft": rows})


def _levels_in_notes() -> bytes:
    rows = _form("Kenya", 2024, {})

    def note(sheet):
        for n in range(1, 22):
            sheet.cell(4 + n, 3).comment = Comment(f"Level {n % 5} - agreed", "Facilitator")

    return _edited(rows, note)


def _coloured_row() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Heatmap 2024"
    sheet.append(["Country", *(TITLES[n] for n in range(1, 22))])
    sheet.cell(2, 1, "Kenya")
    for n in range(1, 22):
        sheet.cell(2, 1 + n).fill = PatternFill("solid", fgColor=TRAFFIC[n % 5])
    sheet.cell(3, 1, "Uganda")
    for n in range(1, 22):
        sheet.cell(3, 1 + n, n % 5)
    return _save(workbook)


# (case, the workbook as Excel's .xlsx, cells ISO dates in the Strict file, levels expected)
SHAPES = [
    (
        "countries by capabilities",
        lambda: xlsx(
            {
                "Levels": [["Year", 2023], [], ["Capability", *COUNTRIES]]
                + [[TITLES[n], n % 5, (n + 1) % 5, (n + 2) % 5] for n in range(1, 22)]
            }
        ),
        (),
        {(c, 2023, None): {n: (n + s) % 5 for n in range(1, 22)} for s, c in enumerate(COUNTRIES)},
    ),
    (
        "a long table",
        lambda: xlsx({"Data": [LONG_HEADER, *_long("Kenya", 2023), *_long("Ghana", 2022, 1)]}),
        (),
        {("Kenya", 2023, None): ALL, ("Ghana", 2022, None): {n: (n + 1) % 5 for n in range(1, 22)}},
    ),
    (
        "the template with Country and Year above the table",
        lambda: xlsx({"Assessment": _form("Kenya", 2023, ALL)}),
        (),
        {("Kenya", 2023, None): ALL},
    ),
    (
        "the year a date written as ISO text",
        lambda: xlsx({"Assessment": _form("Nepal", datetime.datetime(2024, 3, 15), ALL)}),
        ("B2",),
        {("Nepal", 2024, None): ALL},
    ),
    (
        "levels in words from a drop-down list",
        _chosen_from_a_list,
        (),
        {("Kenya", 2023, None): ALL},
    ),
    (
        "two sheets",
        lambda: xlsx({"Kenya": _form("Kenya", 2023, ALL), "Ghana": _form("Ghana", 2022, ALL)}),
        (),
        {("Kenya", 2023, None): ALL, ("Ghana", 2022, None): ALL},
    ),
    (
        "a hidden sheet",
        _hidden_sheet,
        (),
        {("Kenya", 2023, None): ALL, ("Ghana", 2019, None): ALL},
    ),
    (
        "an old row hidden below the table",
        _hidden_old_row,
        (),
        {("Kenya", 2023, None): ALL},
    ),
    (
        "a country merged over its two years' columns",
        _merged_years,
        (),
        {("Kenya", 2021, None): ALL, ("Kenya", 2023, None): {n: (n + 1) % 5 for n in range(1, 22)}},
    ),
    (
        "level cells showing error values",
        lambda: xlsx({"Assessment": _form("Kenya", 2024, {**ALL, 3: "#N/A"})}),
        (),
        {("Kenya", 2024, None): {n: n % 5 for n in range(1, 22) if n != 3}},
    ),
    (
        "levels as percentages",
        _percent_levels,
        (),
        None,  # whatever an .xlsx gives
    ),
    (
        "levels shown by colour with a colour key",
        _traffic_lights,
        (),
        {("Kenya", 2024, None): ALL},
    ),
    (
        "a level struck through with the new one beside",
        _struck_and_revised,
        (),
        {("Malaysia", 2023, None): {**{n: n % 4 for n in range(1, 22)}, 3: 4}},
    ),
    (
        "levels written only in notes",
        _levels_in_notes,
        (),
        None,
    ),
    (
        "a country's row only coloured in",
        _coloured_row,
        (),
        {("Uganda", 2024, None): ALL},
    ),
]


def _problems(result) -> list[tuple[str, str | None, str | None, str, str]]:
    return [(p.severity, p.sheet, p.cell, p.message, p.fix) for p in result.problems]


@pytest.mark.parametrize(
    ("factory", "dates", "expected"), [c[1:] for c in SHAPES], ids=[c[0] for c in SHAPES]
)
def test_a_strict_workbook_reads_as_the_same_xlsx_does(factory, dates, expected):
    transitional = factory()
    data = strict(transitional, frozenset(dates))
    assert b"purl.oclc.org" in data or b"purl.oclc.org" in _all_parts(data)
    assert check_upload("strict.xlsx", data) == "strict"
    from_strict = read("assessment.xlsx", data)
    from_xlsx = read("assessment.xlsx", transitional)
    assert by_assessment(from_strict) == by_assessment(from_xlsx)
    if expected is not None:
        assert by_assessment(from_strict) == expected
    assert _problems(from_strict) == _problems(from_xlsx)


def _all_parts(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return b"".join(archive.read(name) for name in archive.namelist())


def test_the_date_cells_are_written_as_excel_writes_strict_ones():
    transitional = xlsx({"Assessment": _form("Nepal", datetime.datetime(2024, 3, 15), ALL)})
    sheet = zipfile.ZipFile(io.BytesIO(strict(transitional, frozenset({"B2"})))).read(
        "xl/worksheets/sheet1.xml"
    )
    assert b't="d"><v>2024-03-15T00:00:00</v>' in sheet
    assert b"http://purl.oclc.org/ooxml/spreadsheetml/main" in sheet


def test_the_package_made_keeps_every_part_and_what_openpyxl_reads():
    original = _traffic_lights()
    package = transitional_package(strict(original))
    with (
        zipfile.ZipFile(io.BytesIO(original)) as before,
        zipfile.ZipFile(io.BytesIO(package)) as after,
    ):
        assert sorted(before.namelist()) == sorted(after.namelist())
        for name in before.namelist():
            assert after.read(name) == before.read(name), name
    sheet = load_workbook(io.BytesIO(package))["Traffic lights"]
    assert sheet["B5"].fill.fgColor.rgb == "00" + TRAFFIC[1]


# (case, XML in Strict's names, the same in Transitional's)
NAMES = [
    (
        "the spreadsheet namespace",
        b'<worksheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"/>',
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
    ),
    (
        "a relationship type",
        b'<Relationship Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet"/>',
        b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/worksheet"/>',
    ),
    (
        "a relationship type Transitional spells otherwise",
        b'<Relationship Type="http://purl.oclc.org/ooxml/officeDocument/relationships/'
        b'extendedProperties"/>',
        b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/extended-properties"/>',
    ),
    (
        "the workbook's conformance",
        b'<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" conformance="strict">',
        b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    ),
    (
        "drawing namespaces",
        b'<xdr:wsDr xmlns:xdr="http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing" '
        b'xmlns:a="http://purl.oclc.org/ooxml/drawingml/main"/>',
        b'<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/'
        b'spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"/>',
    ),
    (
        "a name Strict does not define is left",
        b'<x xmlns="http://purl.oclc.org/ooxml/nothing/such"/>',
        b'<x xmlns="http://purl.oclc.org/ooxml/nothing/such"/>',
    ),
    (
        "the package's own names are the same in both",
        b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
]


@pytest.mark.parametrize(("given", "made"), [c[1:] for c in NAMES], ids=[c[0] for c in NAMES])
def test_strict_names_become_transitional_ones(given, made):
    assert transitional_xml(given) == made


def test_a_damaged_strict_workbook_is_said_to_be_unreadable_as_an_xlsx_is():
    parts = zipfile.ZipFile(io.BytesIO(strict(xlsx({"Assessment": _form("Kenya", 2023, ALL)}))))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in parts.namelist():
            raw = parts.read(name)
            target.writestr(name, raw[:300] if name == "xl/worksheets/sheet1.xml" else raw)
    result = read("broken.xlsx", out.getvalue())
    assert result.capabilities.empty
    assert [p.severity for p in result.problems] == ["error"]
    assert "could not be read" in result.problems[0].message


def test_a_hostile_dimension_costs_nothing():
    def far(sheet):
        sheet.cell(1_048_576, 16_384, "far")

    transitional = _edited(_form("Kenya", 2023, ALL), far)
    limits = ReadLimits(max_rows_per_sheet=500, max_columns=50)
    started = time.perf_counter()
    from_strict = read("huge.xlsx", strict(transitional), limits)
    assert time.perf_counter() - started < 5
    from_xlsx = read("huge.xlsx", transitional, limits)
    assert by_assessment(from_strict) == by_assessment(from_xlsx) == {("Kenya", 2023, None): ALL}
    assert _problems(from_strict) == _problems(from_xlsx)
