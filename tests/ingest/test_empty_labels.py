"""The template's Country and Date or year cells left empty: "not given here", not "none".

The title line and the sheet's name may then give the country and year (each said in a
warning); the file's name does not. When nothing gives the year, the assessment is read
without one and that is said; when nothing gives the country, it is not used and that is said.
"""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import (
    SAMPLE,
    SAMPLE_LEVELS,
    assert_problem,
    by_assessment,
    edit_template,
    find,
    read,
)

GIVEN = {n: level for n, level in SAMPLE_LEVELS.items() if level is not None}


def _template(*, country=True, year=True, title=None, sheet=None) -> bytes:
    def edit(ws):
        for label, keep in (("Country", country), ("Date or year", year)):
            if not keep:
                cell = find(ws, label)
                ws.cell(row=cell.row, column=cell.column + 1).value = None
        if title is not None:
            ws["A1"] = title
        if sheet is not None:
            ws.title = sheet

    return edit_template(edit)[0]


@pytest.mark.parametrize(
    ("edit", "expected", "cell", "where"),
    [
        # the tab named after the year (a copy per year)
        ({"year": False, "sheet": "2022"}, ("Arvenia", 2022), None, "sheet name “2022”"),
        ({"year": False, "sheet": "Año 2023"}, ("Arvenia", 2023), None, "sheet name"),
        # the year in the title line, in the vocabulary's languages
        (
            {"year": False, "title": "Arvenia – MNR self-assessment 2024"},
            ("Arvenia", 2024),
            "A1",
            "title",
        ),
        (
            {"year": False, "title": "Arvenia – autoévaluation 2019"},
            ("Arvenia", 2019),
            "A1",
            "title",
        ),
        # the country too, from the title or the sheet's name
        (
            {"country": False, "year": False, "title": "Ghana – MNR 2024"},
            ("Ghana", 2024),
            "A1",
            "title",
        ),
        ({"country": False, "sheet": "Kenya"}, ("Kenya", 2021), None, "sheet name “Kenya”"),
    ],
)
def test_an_empty_label_lets_the_title_or_sheet_name_give_the_value(edit, expected, cell, where):
    result = read("assessment.xlsx", _template(**edit))
    assert by_assessment(result) == {(*expected, "baseline"): GIVEN}
    assert_problem(result, "warning", cell, f"was taken from the {where}")
    assert not [p for p in result.problems if p.severity == "error"]


def test_a_year_typed_over_its_label_is_read_as_the_titles():
    def edit(ws):
        label = find(ws, "Date or year")
        label.value, ws.cell(row=label.row, column=label.column + 1).value = 2024, None
        return label.coordinate

    data, cell = edit_template(edit)
    result = read("assessment.xlsx", data)
    assert by_assessment(result) == {("Arvenia", 2024, "baseline"): GIVEN}
    assert_problem(result, "warning", cell, "The year 2024 was taken from the title")


def test_the_file_name_does_not_fill_an_empty_label():
    result = read("Kenya MNR 2025.xlsx", _template(country=False, year=False))
    assert by_assessment(result) == {}
    assert_problem(result, "error", "C4", "No country is given", sheet="Assessment")


def test_no_year_anywhere_is_read_without_one_and_said_once():
    result = read("assessment.xlsx", _template(year=False))
    assert by_assessment(result) == {("Arvenia", None, "baseline"): GIVEN}
    cell = find_value_cell("Date or year")
    assert_problem(result, "warning", cell, "No date or year is given on sheet “Assessment”")
    assert len(result.problems) == 1
    assert f"in {cell}" in result.problems[0].fix


def test_a_filled_template_says_nothing_about_its_year():
    assert read("assessment.xlsx", _template()).problems == ()


def find_value_cell(label: str) -> str:
    def edit(ws):
        cell = find(ws, label)
        return ws.cell(row=cell.row, column=cell.column + 1).coordinate

    return edit_template(edit, SAMPLE)[1]


@pytest.mark.parametrize(
    ("title", "sheet"),
    [
        ("Ministry of Interior – MNR 2024", None),  # a title's word that is no country
        (None, "Arvenia"),  # a name pycountry does not know
    ],
)
def test_an_empty_country_cell_takes_only_a_known_country(title, sheet):
    result = read("assessment.xlsx", _template(country=False, title=title, sheet=sheet))
    assert by_assessment(result) == {}
    assert_problem(result, "error", "C4", "No country is given")
