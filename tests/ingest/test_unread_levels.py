"""Level cells that look empty but hold what the reader does not read: said for what they hold.

Formulas whose results were never saved (openpyxl, xlwt, scripts writing .ods), error values,
notes and fill colours, in country tables (a row or a column with no level) and in forms (an
assessment with no level at all). And a sheet cut at the limits: an error only where a table
was read from it.
"""

from __future__ import annotations

import io
import zipfile
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

import pytest
import xlwt
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

from components.ingest.limits import ReadLimits
from tests.ingest.odf_support import package
from tests.ingest.reader_support import (
    TITLES,
    assert_problem,
    by_assessment,
    errors,
    read,
    xlsx,
)

LEVELS = {n: n % 5 for n in range(1, 22)}
HEADERS = [f"{n}. {TITLES[n]}" for n in range(1, 22)]
FORMULA_FIX = "Open the file in Excel or LibreOffice and save it again"


def _save(workbook: Workbook) -> bytes:
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("country", "year"), [("Country", "Year"), ("Pays", "Année"), ("País", "Año")]
)
def test_a_country_row_of_formulas_without_saved_results_is_said_so(country, year):
    # openpyxl stores no result for a formula: the file was never opened in Excel.
    rows = [
        [country, year, *HEADERS],
        ["Kenya", 2024, *(f"={LEVELS[n]}+0" for n in range(1, 22))],
        ["Uganda", 2024, *(LEVELS[n] for n in range(1, 22))],
    ]
    result = read("summary.xlsx", xlsx({"Summary": rows}))
    assert by_assessment(result) == {("Uganda", 2024, None): LEVELS}
    assert_problem(result, "error", "C2:W2", "hold formulas with no saved result", "Summary")
    problem = next(p for p in result.problems if p.cell == "C2:W2")
    assert "Kenya" in problem.message
    assert FORMULA_FIX in problem.fix
    assert not [p for p in result.problems if "has no level in any" in p.message]


def test_a_country_column_of_formulas_without_saved_results_is_said_so():
    rows = [["No.", "Capability", "Kenya", "Uganda"]]
    rows += [[n, TITLES[n], f"={LEVELS[n]}+0", LEVELS[n]] for n in range(1, 22)]
    result = read("matrix.xlsx", xlsx({"Matrix": rows}))
    assert list(by_assessment(result).values()) == [LEVELS]
    assert_problem(result, "error", "C2:C22", "The column headed “Kenya” has no level read")
    assert_problem(result, "error", "C2:C22", "formulas with no saved result")


def _with_error_row(data: bytes, row: int, error: str) -> bytes:
    """The sheet's row ``row`` cells with a formula, saved as showing ``error`` (as Google
    Sheets saves an IMPORTRANGE that was not allowed)."""
    import re

    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as copy:
        for info in source.infolist():
            content = source.read(info)
            if info.filename.startswith("xl/worksheets/"):
                content = re.sub(
                    rb'<c r="([C-W]' + str(row).encode() + rb')"><f>([^<]*)</f><v\s*/?>(?:</v>)?',
                    rb'<c r="\1" t="e"><f>\2</f><v>' + error.encode() + b"</v>",
                    content,
                )
                content = content.replace(b' fullCalcOnLoad="1"', b"")
            if info.filename == "xl/workbook.xml":
                content = content.replace(b' fullCalcOnLoad="1"', b"")
            copy.writestr(info.filename, content)
    return buffer.getvalue()


@pytest.mark.parametrize("error", ["#REF!", "#N/A"])
def test_a_country_row_showing_errors_names_them(error):
    rows = [
        ["Country", "Year", *HEADERS],
        ["Kenya", 2024, *(LEVELS[n] for n in range(1, 22))],
        ["Uganda", 2024, *('=IMPORTRANGE("x","A1")' for _ in range(21))],
    ]
    result = read("summary.xlsx", _with_error_row(xlsx({"Summary": rows}), 3, error))
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS}
    assert_problem(result, "error", "C3:W3", f"show {error}, a formula error", "Summary")


COLOURS = ["C00000", "FF9900", "FFFF00", "92D050", "00B050"]


def _coloured_matrix(header: str, key: str, colours: list[str]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Heatmap 2024"
    sheet.append([header, *HEADERS])
    sheet.cell(2, 1, "Kenya")
    for n in range(1, 22):
        colour = colours[LEVELS[n] % len(colours)]
        sheet.cell(2, 1 + n).fill = PatternFill("solid", fgColor=colour)
    sheet.cell(3, 1, "Uganda")
    for n in range(1, 22):
        sheet.cell(3, 1 + n, LEVELS[n])
    sheet.cell(6, 1, key)
    return _save(workbook)


@pytest.mark.parametrize(("header", "key"), [("Country", "Key"), ("Pays", "Légende")])
def test_a_country_row_only_coloured_in_says_colours_are_not_read(header, key):
    result = read("heatmap.xlsx", _coloured_matrix(header, key, COLOURS))
    assert by_assessment(result) == {("Uganda", 2024, None): LEVELS}
    assert_problem(result, "error", "B2:V2", "Cell colours and shading are not read")
    problem = next(p for p in result.problems if p.cell == "B2:V2")
    assert "Type each level" in problem.fix
    # The colour key's title is no country left without levels.
    assert not [p for p in result.problems if quoted_in(key, p.message)]


def quoted_in(text: str, message: str) -> bool:
    return f"“{text}”" in message


def test_one_shading_on_every_cell_of_a_row_is_a_template_not_levels():
    result = read("heatmap.xlsx", _coloured_matrix("Country", "Key", ["FFFF99"]))
    assert_problem(result, "warning", "A2", "has no level in any capability's column")
    assert not [p for p in result.problems if "coloured in" in p.message]


def _noted_form(note) -> bytes:
    """A form whose level cells (C5:C25) are empty, each with a note ``note(n)``."""
    rows: list[list[Any]] = [["Pays", "Kenya"], ["Année", 2024], [], ["No.", "Capacité", "Niveau"]]
    rows += [[n, TITLES[n], None] for n in range(1, 22)]
    workbook = load_workbook(BytesIO(xlsx({"Évaluation": rows})))
    for n in range(1, 22):
        workbook["Évaluation"].cell(4 + n, 3).comment = Comment(note(n), "Facilitator")
    return _save(workbook)


def test_a_form_whose_levels_are_only_in_notes_is_refused_saying_so():
    result = read("form.xlsx", _noted_form(lambda n: f"Level {LEVELS[n]} - agreed"))
    assert result.capabilities.empty
    assert_problem(result, "error", "C5:C25", "the levels seem to be written in the notes")
    problem = next(p for p in errors(result) if "notes" in p.message)
    assert "not in a note" in problem.fix


def test_the_same_note_on_every_level_cell_is_an_instruction_not_levels():
    result = read("form.xlsx", _noted_form(lambda n: "Type 0 to 4"))
    assert not [p for p in result.problems if "seem to be written in the notes" in p.message]
    assert_problem(result, "error", "C5:C25", "are empty")


def _xls_form(level) -> bytes:
    book = xlwt.Workbook()
    sheet = book.add_sheet("Assessment")
    for row, (label, value) in enumerate([("Country", "Kenya"), ("Year", 2024)]):
        sheet.write(row, 0, label)
        sheet.write(row, 1, value)
    for column, header in enumerate(("No.", "Capability", "Level")):
        sheet.write(3, column, header)
    for n in range(1, 22):
        sheet.write(3 + n, 0, n)
        sheet.write(3 + n, 1, TITLES[n])
        sheet.write(3 + n, 2, level(n))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _ods_form(formulas: bool) -> bytes:
    def cell(value: Any) -> str:
        if isinstance(value, int):
            return (
                f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>"
            )
        return (
            f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p>'
            "</table:table-cell>"
        )

    rows = [[cell("Country"), cell("Kenya")], [cell("Year"), cell(2024)], []]
    rows.append([cell("No."), cell("Capability"), cell("Level")])
    for n in range(1, 22):
        level = (
            f'<table:table-cell table:formula="of:={LEVELS[n]}+0"/>'
            if formulas
            else cell(LEVELS[n])
        )
        rows.append([cell(n), cell(TITLES[n]), level])
    body = "".join(f"<table:table-row>{''.join(r)}</table:table-row>" for r in rows)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Assessment">'
        f"{body}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    return package(content)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("script.xls", lambda: _xls_form(lambda n: xlwt.Formula(f"{LEVELS[n]}+0"))),
        ("script.ods", lambda: _ods_form(formulas=True)),
    ],
)
def test_a_form_of_formulas_without_saved_results_is_refused_not_kept_empty(name, data):
    result = read(name, data())
    assert result.capabilities.empty
    assert_problem(result, "error", "C5:C25", "hold formulas with no saved result", "Assessment")
    assert not [p for p in result.problems if "are empty" in p.message]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("typed.xls", lambda: _xls_form(lambda n: LEVELS[n])),
        ("typed.ods", lambda: _ods_form(formulas=False)),
    ],
)
def test_the_same_forms_with_typed_levels_are_read(name, data):
    result = read(name, data())
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS}
    assert errors(result) == []


def _form_rows() -> list[list[Any]]:
    rows: list[list[Any]] = [["Country", "Kenya"], ["Year", 2024], [], ["No.", "Level"]]
    return rows + [[n, LEVELS[n]] for n in range(1, 22)]


def test_a_long_sheet_beside_the_assessment_that_holds_no_table_is_only_a_warning():
    log = [["When", "Who", "What"]] + [[f"2024-01-{i % 28 + 1}", "x", "edit"] for i in range(60)]
    data = xlsx({"Assessment": _form_rows(), "Change log": log})
    result = read("form.xlsx", data, ReadLimits(max_rows_per_sheet=50))
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS}
    assert_problem(result, "warning", "row 51", "more than 50 rows", "Change log")
    assert errors(result) == []


def test_a_table_cut_at_the_row_limit_is_still_an_error():
    rows = [["Country", "Year", "No.", "Level"]]
    rows += [[f"Country {i}", 2024, n, LEVELS[n]] for i in range(3) for n in range(1, 22)]
    result = read("long.xlsx", xlsx({"Data": rows}), ReadLimits(max_rows_per_sheet=50))
    assert_problem(result, "error", "row 51", "more than 50 rows", "Data")


def test_a_wide_helper_sheet_beside_the_assessment_is_only_a_warning():
    helper = [[f"d{c}" for c in range(40)] for _ in range(3)]
    data = xlsx({"Assessment": _form_rows(), "Dates": helper})
    result = read("form.xlsx", data, ReadLimits(max_columns=30))
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS}
    assert_problem(result, "warning", "column AE", "data beyond column AD", "Dates")
    assert errors(result) == []
