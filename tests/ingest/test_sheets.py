"""Reading cells within the limits: rows, columns and sheets past them are reported."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import Workbook

from components.framework.model import default_framework
from components.ingest.limits import ReadLimits
from components.ingest.reader import read_assessment_file
from components.ingest.report import summarise_assessments
from tests.ingest.reader_support import (
    EXPECTED,
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    errors,
    long_rows,
    read,
    wide_country_rows,
    xlsx,
)


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_row_limit_reports_and_stops(kind):
    rows = [["Country", "Year", "Capability", "Level"]] + [
        [f"Country {i:02d}", 2020, 1, 2] for i in range(30)
    ]
    data = xlsx({"Data": rows}) if kind == "xlsx" else csv_bytes(rows)
    result = read(f"big.{kind}", data, ReadLimits(max_rows_per_sheet=10))
    assert_problem(result, "error", "row 11", "more than 10 rows")
    assert len(summarise_assessments(result.capabilities)) == 9  # rows 2 to 10


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_very_wide_sheet_is_read_up_to_fewer_rows_than_the_row_limit(kind, monkeypatch):
    # 40 columns of data on 1,000 rows: 40,000 cells, more than a sheet may hold here (20,000),
    # so its rows past the 500th are not read, and the message says why and what to do.
    monkeypatch.setattr("components.ingest.limits.MAX_SHEET_CELLS", 20_000)
    rows = [["Country", "Year", *(f"C{n}" for n in range(1, 22)), *(f"x{n}" for n in range(17))]]
    rows += [[f"Land {i:04d}", 2020, *([2] * 21), *([1] * 17)] for i in range(1000)]
    data = csv_bytes(rows) if kind == "csv" else _streamed(rows)
    result = read(f"wide.{kind}", data)
    assert_problem(result, "error", "row 501", "is 40 columns wide; the rows after row 500")
    problem = next(p for p in result.problems if "columns wide" in p.message)
    assert "Delete the columns the table does not use" in problem.fix
    assert len(summarise_assessments(result.capabilities)) == 499  # rows 2 to 500


def _streamed(rows: list[list]) -> bytes:
    """An xlsx that the reader streams (a cell past column KN makes its sheet reach far)."""
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    sheet["LA1"] = "far"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# A row of five digits in a sheet of four columns is read by calamine, which skips the empty
# rows itself; a row of six digits is streamed, and the look past the limit is bounded.
@pytest.mark.parametrize(
    ("formatted_row", "warned"), [(800, False), (5000, False), (60000, False), (200000, True)]
)
def test_empty_formatted_rows_past_the_limit_are_not_data(formatted_row, warned):
    workbook = Workbook()
    sheet = workbook.active
    for row in long_rows():
        sheet.append(row)
    sheet.cell(row=formatted_row, column=1).number_format = "0.0"  # empty, but stored
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = read("formatted.xlsx", buffer.getvalue(), ReadLimits(max_rows_per_sheet=100))
    assert by_assessment(result) == EXPECTED
    assert not errors(result)
    # empty formatted rows are not data; the look past the limit is bounded (9,999 rows, or
    # eleven times the limit), and stopping short of the sheet's end is said
    assert bool(result.problems) is warned
    if warned:
        assert "empty rows" in result.problems[0].message


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_column_limit_reports_and_keeps_the_first_columns(kind):
    rows = wide_country_rows()
    data = xlsx({"W": rows}) if kind == "xlsx" else csv_bytes(rows)
    result = read(f"wide.{kind}", data, ReadLimits(max_columns=5))
    assert any(p.severity == "error" and "columns" in p.message for p in result.problems)
    assert by_assessment(result)[("Arvenia", 2021, None)] == {1: 2, 2: 3}


def test_too_many_sheets_is_an_error_not_an_exception():
    data = xlsx({f"S{i}": long_rows() for i in range(4)})
    result = read("many.xlsx", data, ReadLimits(max_sheets=3))
    assert errors(result)
    assert any("sheets" in p.message for p in result.problems)


def _million_row_workbook(rows: int) -> bytes:
    """A bare xlsx whose one sheet has ``rows`` data rows and no <dimension> tag.

    Written by hand (openpyxl would take minutes): a long table of country, year, capability
    and level, the kind of file a database export produces.
    """

    def text(value: str) -> str:
        return f'<c t="inlineStr"><is><t>{value}</t></is></c>'

    body = [
        "<row>" + text("country") + text("year") + text("capability") + text("level") + "</row>"
    ]
    body.extend(
        f"<row>{text('Land')}<c><v>2020</v></c>"
        f"<c><v>{i % 21 + 1}</v></c><c><v>{(i % 21) % 5}</v></c></row>"
        for i in range(rows)
    )
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<sheetData>" + "".join(body) + "</sheetData></worksheet>"
    )
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}">'
            '<sheets><sheet name="Export" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>"
        ),
        "xl/worksheets/sheet1.xml": sheet,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_a_sheet_with_a_million_rows_is_read_up_to_the_limit_and_reported():
    data = _million_row_workbook(1_000_000)
    # A smaller limit than the default's 100,000 rows: the stream stops at the limit whatever
    # it is, and the test stays quick.
    limit = 10_000
    result = read_assessment_file(
        "export.xlsx", data, default_framework(), ReadLimits(max_rows_per_sheet=limit)
    )
    too_many = [p for p in result.problems if "more than" in p.message and "rows" in p.message]
    assert too_many, [p.message for p in result.problems][:3]
    assert too_many[0].sheet == "Export"
    assert f"{limit:,}" in too_many[0].message
    # What was read is kept: one assessment of Land 2020, with its 21 capabilities.
    assert result.capabilities["country"].unique().tolist() == ["Land"]
    assert result.capabilities["level"].notna().sum() == 21


@pytest.mark.parametrize(
    ("country", "seeded"),
    [
        ("Ghana", True),  # no blank in the column: its set found as the grid is cleaned
        ("  ", False),  # a blank cell (made None): the column's set left to be made
        ("Gha\u200bna", False),  # a character that does not show: the cell is changed
    ],
)
def test_a_grid_column_s_distinct_values_are_found_as_it_is_cleaned(country, seeded):
    from components.ingest.column_values import distinct
    from components.ingest.sheets import COLUMN_VALUES_KEY, ReadContext, read_workbook

    rows = [["Country", "Year", "Capability", "Level"]]
    rows += [["Kenya", 2024, TITLES[n], n % 5] for n in range(1, 11)]
    rows += [[country, 2024, TITLES[n], n % 5] for n in range(1, 22)]
    ctx = ReadContext("t.xlsx", default_framework(), ReadLimits())
    (sheet,) = read_workbook(ctx, xlsx({"Data": rows}), "xlsx")
    column = sheet.columns[0]
    kept = ctx.memo.get((COLUMN_VALUES_KEY, id(column)))
    assert (kept is not None) is seeded
    assert distinct(ctx, column) == set(column)  # the same values either way
    result = read_assessment_file("t.xlsx", xlsx({"Data": rows}), default_framework())
    assert set(result.capabilities["country"].dropna()) == (
        {"Kenya", "Ghana"} if country.strip() else {"Kenya"}
    )
