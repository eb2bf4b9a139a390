"""Hidden helper sheets and formula sheets that repeat another sheet's assessment are read once."""

from __future__ import annotations

import io
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from components.ingest.template import write_template
from tests.ingest.reader_support import (
    FW,
    TITLES,
    assert_problem,
    by_assessment,
    read,
    with_cached_results,
    xlsx,
)

LEVELS = {n: (n * 3) % 5 for n in range(1, 22)}
OLD = {n: (n * 2 + 1) % 5 for n in range(1, 22)}


def form(country: str, year: int, given: dict[int, int], labels=("Country", "Year")):
    return [[labels[0], country], [labels[1], year], [], ["No.", "Capability", "Level"]] + [
        [n, TITLES[n], level] for n, level in given.items()
    ]


def long_copy(country: str, year: int, given: dict[int, int]):
    return [["Country", "Year", "Capability", "Level"]] + [
        [country, year, n, level] for n, level in given.items()
    ]


def wide_copy(country: str, year: int, given: dict[int, int]):
    return [["Capability", f"{country} {year}"]] + [[TITLES[n], lv] for n, lv in given.items()]


def levels_only(country: str, year: int, given: dict[int, int]):
    return [["No.", "Level"]] + [[n, level] for n, level in given.items()]


def subset(country: str, year: int, given: dict[int, int]):
    return long_copy(country, year, {n: lv for n, lv in given.items() if n <= 6})


@pytest.mark.parametrize("helper", [long_copy, wide_copy, levels_only, subset])
@pytest.mark.parametrize("labels", [("Country", "Year"), ("Pays", "Année"), ("País", "Año")])
def test_a_hidden_helper_sheet_repeating_the_form_is_skipped(helper, labels):
    data = xlsx(
        {
            "Form": form("Zambia", 2022, LEVELS, labels),
            "Calc": helper("Zambia", 2022, LEVELS),
        },
        hidden=("Calc",),
    )
    result = read("zambia.xlsx", data)
    assert by_assessment(result) == {("Zambia", 2022, None): LEVELS}
    assert result.problems == ()


@pytest.mark.parametrize(
    ("hidden_rows", "expected"),
    [
        # An old round the person hid: another assessment.
        (
            form("Zambia", 2020, OLD),
            {("Zambia", 2024, None): LEVELS, ("Zambia", 2020, None): OLD},
        ),
        # Another country's form, in French.
        (
            form("Malawi", 2024, OLD, ("Pays", "Année")),
            {("Zambia", 2024, None): LEVELS, ("Malawi", 2024, None): OLD},
        ),
    ],
)
def test_a_hidden_sheet_with_its_own_assessment_is_read_and_said(hidden_rows, expected):
    data = xlsx(
        {"2024": form("Zambia", 2024, LEVELS), "old (hidden)": hidden_rows},
        hidden=("old (hidden)",),
    )
    result = read("zambia.xlsx", data)
    assert by_assessment(result) == expected
    assert_problem(result, "warning", None, "the sheet is hidden", sheet="old (hidden)")
    problem = next(p for p in result.problems if "hidden" in p.message)
    assert "delete the sheet" in problem.fix
    assert "unhide" in problem.fix.lower()
    assert [p.sheet for p in result.problems] == ["old (hidden)"]


def test_a_hidden_sheet_with_other_levels_for_the_same_assessment_is_not_dropped():
    changed = {**LEVELS, 3: (LEVELS[3] + 1) % 5}
    data = xlsx(
        {"Form": form("Zambia", 2022, LEVELS), "Calc": long_copy("Zambia", 2022, changed)},
        hidden=("Calc",),
    )
    result = read("zambia.xlsx", data)
    assert len(result.capabilities["assessment_id"].unique()) == 2
    assert_problem(result, "warning", None, "the sheet is hidden", sheet="Calc")


def input_and_scores(input_name: str, refer_to: str) -> bytes:
    """An input sheet of labels, and a Scores sheet whose levels are formulas."""
    workbook = Workbook()
    entry = workbook.active
    entry.title = input_name
    entry.append(["Country", "Zambia"])
    entry.append(["Year", 2021])
    entry.append([])
    entry.append(["No.", "Capability", "Level"])
    labels = ["Not in place", "Building", "Developing", "Established", "Mature"]
    for n, level in LEVELS.items():
        entry.append([n, TITLES[n], labels[level]])
    scores = workbook.create_sheet("Scores")
    scale = workbook.create_sheet("Scale")
    for level, label in enumerate(labels):
        scale.append([label, level])
    reference = f"'{refer_to}'" if " " in refer_to else refer_to
    results: dict[tuple[str, str], Any] = {}
    scores.append(["Country", "Zambia"])
    scores.append(["Year", 2021])
    scores.append([])
    scores.append(["No.", "Capability", "Score"])
    for n, level in LEVELS.items():
        row = 4 + n
        scores.append([n, TITLES[n], f"=MATCH({reference}!C{row},Scale!$A$1:$A$5,0)-1"])
        results[("sheet2.xml", f"C{row}")] = level
    buffer = io.BytesIO()
    workbook.save(buffer)
    return with_cached_results(buffer.getvalue(), results)


@pytest.mark.parametrize("input_name", ["Input", "Saisie des données", "Entrada"])
def test_a_sheet_of_formulas_into_the_input_sheet_is_read_once(input_name):
    result = read("zambia.xlsx", input_and_scores(input_name, input_name))
    assert by_assessment(result) == {("Zambia", 2021, None): LEVELS}
    # Read from the sheet people type in, not from the formulas' copy of it.
    assert set(result.capabilities["source"]) == {f"zambia.xlsx › {input_name}"}
    assert_problem(result, "warning", None, "its levels are formulas", sheet="Scores")
    assert len(result.problems) == 1


def test_formulas_into_another_sheet_than_the_repeated_assessment_are_no_repeat():
    # The Scores formulas point at the Scale sheet only: two sheets that agree, no copy.
    data = input_and_scores("Input", "Scale")
    result = read("zambia.xlsx", data)
    assert len(result.capabilities["assessment_id"].unique()) == 2
    assert_problem(result, "warning", None, "kept as separate assessments", sheet="Scores")


def test_two_typed_sheets_with_the_same_assessment_are_still_both_kept_and_said():
    data = xlsx({"A": form("Zambia", 2021, LEVELS), "B": form("Zambia", 2021, LEVELS)})
    result = read("zambia.xlsx", data)
    assert len(result.capabilities["assessment_id"].unique()) == 2
    assert_problem(result, "warning", None, "kept as separate assessments", sheet="B")


def test_the_templates_enablers_sheet_hidden_is_read_and_said():
    workbook = load_workbook(io.BytesIO(write_template(FW)))
    workbook["Assessment"]["C4"], workbook["Assessment"]["C6"] = "Kenya", 2024
    for row in range(11, 32):
        workbook["Assessment"].cell(row, 5).value = 2
    for row in range(5, 12):
        workbook["Enablers"].cell(row, 3).value = 3
    workbook["Enablers"].sheet_state = "hidden"
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = read("kenya.xlsx", buffer.getvalue())
    assert result.enablers["level"].dropna().tolist() == [3] * 7
    assert_problem(result, "warning", None, "(7 levels) were read, but the sheet is hidden")


SECOND = {n: (n + 2) % 5 for n in range(1, 22)}


def summary_of_formulas(name: str, calc_on_load: bool) -> bytes:
    """A summary of formulas (='Ghana'!C5) first, then a form per country with a year."""
    workbook = Workbook()
    summary = workbook.active
    summary.title = name
    summary.append(["No.", "Capability", "Ghana", "Togo"])
    results: dict[tuple[str, str], Any] = {}
    for n, level in LEVELS.items():
        summary.append([n, TITLES[n], f"='Ghana'!C{4 + n}", f"='Togo'!C{4 + n}"])
        # A script's placeholder result is 0: in a workbook to calculate on opening, a 0 is
        # not trusted, the other results are.
        results[("sheet1.xml", f"C{1 + n}")] = level
        results[("sheet1.xml", f"D{1 + n}")] = SECOND[n]
    for country, given in (("Ghana", LEVELS), ("Togo", SECOND)):
        sheet = workbook.create_sheet(country)
        for row in form(country, 2024, given):
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return with_cached_results(buffer.getvalue(), results, calc_on_load=calc_on_load)


@pytest.mark.parametrize("calc_on_load", [True, False])
@pytest.mark.parametrize("name", ["Summary", "Synthèse", "Resumen", "Dashboard"])
def test_an_undated_summary_of_formulas_into_the_country_sheets_is_read_once(name, calc_on_load):
    result = read("countries.xlsx", summary_of_formulas(name, calc_on_load))
    assert by_assessment(result) == {("Ghana", 2024, None): LEVELS, ("Togo", 2024, None): SECOND}
    # One warning, and no error about the summary's cells whose results are placeholders.
    assert_problem(
        result,
        "warning",
        None,
        "repeats the assessments Ghana 2024 and Togo 2024 of sheets “Ghana” and “Togo”: its "
        "levels are formulas",
        sheet=name,
    )
    assert len(result.problems) == 1
