"""A level column whose header was typed over with a level is still the level column."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from openpyxl import load_workbook

from components.ingest.template import write_template
from tests.ingest.reader_support import (
    FW,
    LABELS,
    TITLES,
    assert_problem,
    by_assessment,
    read,
    xlsx,
)

LEVELS = {n: (n * 3) % 5 for n in range(1, 22)}
ENABLERS = {e.number: (e.number * 2) % 5 for e in FW.enablers}


def template(sheet_name: str, cell: str, value: Any, *, first_blank: bool) -> bytes:
    workbook = load_workbook(BytesIO(write_template(FW)))
    sheet = workbook["Assessment"]
    sheet["C4"], sheet["C6"] = "Kenya", 2024
    for row in range(11, 32):
        sheet.cell(row, 5).value = LEVELS[sheet.cell(row, 1).value]
    for row in range(5, 12):
        level = ENABLERS[workbook["Enablers"].cell(row, 1).value]
        workbook["Enablers"].cell(row, 3).value = f"{level} - {LABELS[level]}"
    workbook[sheet_name][cell] = value
    if first_blank:  # the level typed into the header instead of the first row
        below = workbook[sheet_name][cell].offset(row=1)
        below.value = None
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("value", ["4 - Mature", "Mature", "3 - Établi", "2 - En desarrollo"])
@pytest.mark.parametrize("first_blank", [False, True])
def test_an_enablers_level_header_typed_over_gives_no_second_assessment(value, first_blank):
    result = read("kenya.xlsx", template("Enablers", "C4", value, first_blank=first_blank))
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS}
    enablers = result.enablers.dropna(subset=["level"])
    expected = {e: lv for e, lv in ENABLERS.items() if not (first_blank and e == 1)}
    assert dict(zip(enablers["enabler"], enablers["level"], strict=True)) == expected
    assert_problem(result, "warning", "C4", "holds a level", sheet="Enablers")
    problem = next(p for p in result.problems if p.cell == "C4")
    assert "“Level” back in C4" in problem.fix
    assert "C5" in problem.fix
    assert not [p for p in result.problems if p.severity == "error"]


@pytest.mark.parametrize("value", ["2 - Developing", "Niveau 2 - En développement", "Established"])
def test_the_assessment_sheets_level_header_typed_over_is_read_and_said(value):
    result = read("kenya.xlsx", template("Assessment", "E10", value, first_blank=False))
    if by_assessment(result) != {("Kenya", 2024, None): LEVELS}:
        raise AssertionError(result.problems)
    assert_problem(result, "warning", "E10", "holds a level", sheet="Assessment")


def test_a_hand_made_table_with_its_level_header_typed_over():
    rows = [["Country", "Kenya"], ["Year", 2024], [], ["No.", "Capability", "3 - Established"]]
    rows += [[n, TITLES[n], LEVELS[n]] for n in range(1, 22)]
    result = read("kenya.xlsx", xlsx({"Kenya": rows}))
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS}
    assert_problem(result, "warning", "C4", "holds a level", sheet="Kenya")
