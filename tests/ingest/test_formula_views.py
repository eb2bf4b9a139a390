"""A sheet or column of formulas showing other sheets' levels (a Summary of ='Kenya'!C5, a
"Country profile" looking a chosen country up in the Data sheet) is a view of them: read once,
from the sheets it shows, and a blank there shown as 0 here is never a level 0."""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

import pytest
from openpyxl import Workbook

from tests.ingest.odf_support import package
from tests.ingest.reader_support import TITLES, by_assessment, errors, read, with_cached_results

COUNTRIES = {"Kenya": 2023, "Uganda": 2022, "Malawi": 2023}
LEVELS = {
    c: {n: (None if (n + i) % 9 == 0 else (n * (i + 2)) % 5) for n in range(1, 22)}
    for i, c in enumerate(COUNTRIES)
}
GIVEN = {c: {n: v for n, v in levels.items() if v is not None} for c, levels in LEVELS.items()}
EXPECTED = {(c, year, None): GIVEN[c] for c, year in COUNTRIES.items()}
FIRST_ROW = 5  # the country sheets' row of capability 1


def _country_rows(country: str) -> list[list[Any]]:
    rows: list[list[Any]] = [["Country:", country], ["Year:", COUNTRIES[country]], []]
    rows.append(["No.", "Capability", "Level", "Notes"])
    return rows + [[n, TITLES[n], LEVELS[country][n], None] for n in TITLES]


def _summary_workbook(name: str, stale: dict[tuple[str, int], int] | None = None) -> bytes:
    """A Summary of cross-sheet formulas, capabilities down and countries across, first; then
    a sheet per country. A blank level shows as 0 in the Summary, as Excel shows it."""
    workbook = Workbook()
    summary = workbook.active
    summary.title = name
    summary.append(["Summary of the countries' sheets (formulas: do not type here)"])
    summary.append(["No.", "Capability", *COUNTRIES])
    results: dict[tuple[str, str], Any] = {}
    letters = "CDE"
    for n in TITLES:
        summary.append([n, TITLES[n], *(f"='{c}'!C{FIRST_ROW + n - 1}" for c in COUNTRIES)])
        for letter, country in zip(letters, COUNTRIES, strict=True):
            shown = LEVELS[country][n] or 0
            results[("sheet1.xml", f"{letter}{n + 2}")] = (stale or {}).get((country, n), shown)
    for country in COUNTRIES:
        sheet = workbook.create_sheet(country)
        for row in _country_rows(country):
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return with_cached_results(buffer.getvalue(), results)


@pytest.mark.parametrize("name", ["Summary", "Dashboard", "Tableau de bord", "Sheet1"])
def test_a_summary_of_formulas_is_read_once_and_its_zeros_for_blanks_are_not_levels(name):
    result = read("countries.xlsx", _summary_workbook(name))
    assert by_assessment(result) == EXPECTED
    blanks = sum(v is None for levels in LEVELS.values() for v in levels.values())
    warning = next(p for p in result.problems if p.sheet == name)
    assert "its levels are formulas that take them from there" in warning.message
    assert f"{blanks} cells left blank there show 0 here: not assessed, not level 0" in (
        warning.message
    )
    assert not errors(result)


def test_a_summary_showing_a_stale_level_is_read_from_the_sheets_and_says_so():
    result = read("countries.xlsx", _summary_workbook("Summary", stale={("Kenya", 1): 4}))
    assert by_assessment(result) == EXPECTED
    warning = next(p for p in result.problems if p.sheet == "Summary")
    assert "1 level shown here differs from the sheet it comes from" in warning.message


def test_a_sheet_carrying_another_years_levels_forward_is_its_own_assessment():
    """A 2023 sheet whose cells take the 2021 sheet's levels: dated apart, not a view."""
    workbook = Workbook()
    first = workbook.active
    first.title = "2021"
    for row in [["Country:", "Kenya"], ["Year:", 2021], [], ["No.", "Capability", "Level"]]:
        first.append(row)
    for n in TITLES:
        first.append([n, TITLES[n], GIVEN["Kenya"].get(n, 1)])
    later = workbook.create_sheet("2023")
    for row in [["Country:", "Kenya"], ["Year:", 2023], [], ["No.", "Capability", "Level"]]:
        later.append(row)
    results = {}
    for n in TITLES:
        later.append([n, TITLES[n], f"='2021'!C{FIRST_ROW + n - 1}"])
        results[("sheet2.xml", f"C{FIRST_ROW + n - 1}")] = GIVEN["Kenya"].get(n, 1)
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = read("kenya.xlsx", with_cached_results(buffer.getvalue(), results))
    assert {key[:2] for key in by_assessment(result)} == {("Kenya", 2021), ("Kenya", 2023)}


def _profile_workbook(chosen: str, year: int) -> bytes:
    """A long Data sheet and a "Country profile" looking one country and year up in it
    (INDEX/MATCH on a key column), its results saved as text."""
    workbook = Workbook()
    data = workbook.active
    data.title = "Data"
    data.append(["Country", "Year", "No.", "Capability", "Level", "Key"])
    for country, when in COUNTRIES.items():
        for n in TITLES:
            row = data.max_row + 1
            data.append([country, when, n, TITLES[n], LEVELS[country][n], f"=A{row}&B{row}&C{row}"])
    profile = workbook.create_sheet("Country profile")
    profile.append(["Choose a country and a year"])
    profile.append(["Selected country:", chosen])
    profile.append(["Selected year:", year])
    profile.append([])
    profile.append(["No.", "Capability", "Level"])
    results: dict[tuple[str, str], Any] = {}
    for n in TITLES:
        row = profile.max_row + 1
        profile.append(
            [
                n,
                TITLES[n],
                f'=IFERROR(INDEX(Data!$E:$E,MATCH($B$2&$B$3&A{row},Data!$F:$F,0))&"","")',
            ]
        )
        level = LEVELS[chosen][n]
        results[("sheet2.xml", f"C{row}")] = "" if level is None else str(level)
    buffer = io.BytesIO()
    workbook.save(buffer)
    keys = {
        (
            "sheet1.xml",
            f"F{r}",
        ): f"{data.cell(r, 1).value}{data.cell(r, 2).value}{data.cell(r, 3).value}"
        for r in range(2, data.max_row + 1)
    }
    return with_cached_results(buffer.getvalue(), {**results, **keys})


@pytest.mark.parametrize("chosen", ["Kenya", "Uganda"])
def test_a_profile_looking_up_a_chosen_country_is_left_out(chosen):
    result = read("analysis.xlsx", _profile_workbook(chosen, COUNTRIES[chosen]))
    assert by_assessment(result) == EXPECTED
    warning = next(p for p in result.problems if p.sheet == "Country profile")
    assert f"repeats the assessment {chosen} {COUNTRIES[chosen]} of sheet “Data”" in (
        warning.message
    )
    assert [p for p in result.problems if p.sheet == "Country profile"] == [warning]


def _ods_cell(value: Any, formula: str | None = None) -> str:
    attributes = f' table:formula="{escape(formula)}"' if formula else ""
    if value is None:
        return f"<table:table-cell{attributes}/>"
    if isinstance(value, int | float):
        return (
            f'<table:table-cell{attributes} office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    return (
        f'<table:table-cell{attributes} office:value-type="string">'
        f"<text:p>{escape(str(value))}</text:p></table:table-cell>"
    )


def _ods(sheets: dict[str, list[list[tuple[Any, str | None]]]]) -> bytes:
    """An OpenDocument spreadsheet: each cell a (value, formula or None)."""
    tables = "".join(
        f'<table:table table:name="{escape(name)}">'
        + "".join(
            "<table:table-row>" + "".join(_ods_cell(v, f) for v, f in row) + "</table:table-row>"
            for row in rows
        )
        + "</table:table>"
        for name, rows in sheets.items()
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    return package(content)


@pytest.mark.parametrize("reference", ["[{sheet}.C{row}]", "[$'{sheet}'.$C${row}]"])
def test_an_ods_summary_of_formulas_is_read_once(reference):
    summary: list[list[tuple[Any, str | None]]] = [
        [("No.", None), ("Capability", None), *((c, None) for c in COUNTRIES)]
    ]
    for n in TITLES:
        cells = [
            (
                LEVELS[c][n] or 0,
                "of:=" + reference.format(sheet=c, row=FIRST_ROW + n - 1),
            )
            for c in COUNTRIES
        ]
        summary.append([(n, None), (TITLES[n], None), *cells])
    sheets = {"Summary": summary}
    for country in COUNTRIES:
        sheets[country] = [[(v, None) for v in row] for row in _country_rows(country)]
    result = read("countries.ods", _ods(sheets))
    assert by_assessment(result) == EXPECTED
    assert any(
        p.sheet == "Summary" and "its levels are formulas" in p.message for p in result.problems
    )
