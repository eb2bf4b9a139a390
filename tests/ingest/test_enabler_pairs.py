"""The template's Assessment and Enablers sheets copied for a second country: each Enablers
sheet joins its own assessment, by the sheets' names or their order (``enabler_pairs``)."""

from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import load_workbook

from components.ingest.template import AssessmentInput, write_template
from tests.ingest.reader_support import (
    FW,
    assert_problem,
    by_assessment,
    enabler_levels,
    find,
    per_sheet,
    read,
    xlsx,
)

GHANA = {n: n % 5 for n in range(1, 22)}
TOGO = {n: (n + 2) % 5 for n in range(1, 22)}
GHANA_ENABLERS = {e: e % 5 for e in range(1, 8)}
TOGO_ENABLERS = {e: (e + 3) % 5 for e in range(1, 8)}


def _set_levels(sheet, levels: dict[int, int]) -> None:
    number_column = find(sheet, "No.").column
    level_column = find(sheet, "Level").column
    for row in range(find(sheet, "No.").row + 1, sheet.max_row + 1):
        number = sheet.cell(row=row, column=number_column).value
        if number in levels:
            sheet.cell(row=row, column=level_column).value = levels[number]


def _two_countries(assessment: str, enablers: str, first: tuple[str, str] | None = None) -> bytes:
    """Ghana's filled template, with both sheets copied ("Move or Copy") and filled for Togo."""
    ghana = AssessmentInput(country="Ghana", year=2024, levels=GHANA, enabler_levels=GHANA_ENABLERS)
    workbook = load_workbook(BytesIO(write_template(FW, ghana)))
    copy_a = workbook.copy_worksheet(workbook["Assessment"])
    copy_e = workbook.copy_worksheet(workbook["Enablers"])
    copy_a.title, copy_e.title = assessment, enablers
    find(copy_a, "Ghana").value = "Togo"
    _set_levels(copy_a, TOGO)
    _set_levels(copy_e, TOGO_ENABLERS)
    if first is not None:
        workbook["Assessment"].title, workbook["Enablers"].title = first
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("assessment", "enablers"),
    [
        ("Assessment (2)", "Enablers (2)"),  # Excel's "Move or Copy"
        ("Togo", "Togo enablers"),  # renamed after the country
        ("Togo", "Enablers Togo"),
        ("Évaluation (2)", "Facteurs habilitants (2)"),
        ("Evaluación Togo", "Facilitadores Togo"),
        ("Avaliação 2", "Facilitadores 2"),
    ],
)
def test_each_copied_enablers_sheet_joins_its_own_assessment(assessment, enablers):
    result = read("two.xlsx", _two_countries(assessment, enablers))
    assert by_assessment(result) == {("Ghana", 2024, None): GHANA, ("Togo", 2024, None): TOGO}
    assert enabler_levels(result) == {
        ("Ghana", 2024, None): GHANA_ENABLERS,
        ("Togo", 2024, None): TOGO_ENABLERS,
    }
    assert not [p for p in result.problems if "enabler" in p.message.casefold()]


def test_enablers_sheets_named_apart_from_their_assessments_join_them_in_order_and_say_so():
    data = _two_countries("Togo", "Enablers (2)", first=("Ghana", "Enablers"))
    result = read("two.xlsx", data)
    assert enabler_levels(result) == {
        ("Ghana", 2024, None): GHANA_ENABLERS,
        ("Togo", 2024, None): TOGO_ENABLERS,
    }
    assert_problem(result, "warning", None, "joined to the assessment of Togo 2024 (sheet “Togo”)")


def test_enablers_that_no_name_or_order_pairs_are_refused_not_dropped():
    # Three assessments and two country-less Enablers sheets: whose is which?
    sheets = {c: per_sheet(c, 2024, GHANA) for c in ("Kenya", "Uganda", "Tanzania")}
    table = [["No.", "Enabler", "Level"], *([e, FW.enablers[e - 1].title, 2] for e in (1, 2))]
    sheets["Enablers"] = sheets["Enablers (2)"] = table
    result = read("three.xlsx", xlsx(sheets))
    assert enabler_levels(result) == {(c, 2024, None): {} for c in ("Kenya", "Uganda", "Tanzania")}
    refused = [p for p in result.problems if "not clear which assessment" in p.message]
    assert {(p.severity, p.sheet) for p in refused} == {
        ("error", "Enablers"),
        ("error", "Enablers (2)"),
    }


def test_the_template_as_it_comes_still_joins_its_enablers():
    ghana = AssessmentInput(country="Ghana", year=2024, levels=GHANA, enabler_levels=GHANA_ENABLERS)
    result = read("ghana.xlsx", write_template(FW, ghana))
    assert enabler_levels(result) == {("Ghana", 2024, None): GHANA_ENABLERS}


def test_an_enablers_sheets_bad_level_is_said_without_a_country_it_does_not_name():
    """The Enablers sheet names no country: its level's error says nothing of a country rather
    than "(no country)", and its enablers still join the assessment."""
    workbook = load_workbook(
        BytesIO(write_template(FW, AssessmentInput(country="Ghana", year=2024, levels=GHANA)))
    )
    enablers = workbook["Enablers"]
    _set_levels(enablers, {**GHANA_ENABLERS, 1: "Yes"})
    buffer = BytesIO()
    workbook.save(buffer)
    result = read("ghana.xlsx", buffer.getvalue())
    assert by_assessment(result) == {("Ghana", 2024, None): GHANA}
    [said] = [p for p in result.problems if "“Yes” is not a level" in p.message]
    assert said.message.startswith("The level of enabler 1 (Cross sector")
    assert "(no country)" not in said.message
    others = {e: level for e, level in GHANA_ENABLERS.items() if e != 1}
    assert enabler_levels(result) == {("Ghana", 2024, None): others}
