"""An assessment with no level at all is said to have none; colours are not read."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.styles import PatternFill

from components.ingest.template import write_template
from components.ui.uploads import upload_summary
from tests.ingest.reader_support import (
    FW,
    LABELS,
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    errors,
    read,
    xlsx,
)

ALL = range(1, 22)


def template(edit) -> bytes:
    """The blank template with the country and year filled in, changed by ``edit``."""
    workbook = load_workbook(BytesIO(write_template(FW)))
    workbook["Assessment"]["C4"] = "Senegal"
    workbook["Assessment"]["C6"] = 2023
    edit(workbook)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def coloured(workbook: Any) -> None:
    for row in range(11, 32):
        workbook["Assessment"].cell(row, 5).fill = PatternFill("solid", fgColor="92D050")


def blank(workbook: Any) -> None:
    pass


def evidence_only(workbook: Any) -> None:
    workbook["Assessment"]["F11"] = "Discussed at the workshop"


@pytest.mark.parametrize("edit", [coloured, blank, evidence_only])
def test_an_assessment_without_any_level_is_refused_saying_its_level_cells_are_empty(edit):
    result = read("senegal.xlsx", template(edit))
    assert by_assessment(result) == {}  # nothing assessed: nothing to keep
    assert_problem(result, "error", "E11:E31", "has a level", sheet="Assessment")
    problem = next(p for p in result.problems if "has a level" in p.message)
    assert "colours" in problem.message
    assert "are empty" in problem.message
    assert "nothing of it was kept" in problem.message
    assert "Level cell" in problem.fix


def enablers_only(workbook: Any) -> None:
    for row in range(5, 12):
        workbook["Enablers"].cell(row, 3).value = "2 - Developing"


def plan_rows(count: int, *, levels: bool = False):
    """An edit filling the first ``count`` rows of the Action plan sheet (and, with
    ``levels``, every capability's level)."""

    def edit(workbook: Any) -> None:
        for row in range(5, 5 + count):
            workbook["Action plan"].cell(row, 4).value = "high"
            workbook["Action plan"].cell(row, 5).value = "3 - Established"
        for row in range(11, 32) if levels else ():
            workbook["Assessment"].cell(row, 5).value = "1 - Building"

    return edit


def test_only_enablers_is_an_assessment_without_a_word():
    result = read("senegal.xlsx", template(enablers_only))
    assert by_assessment(result) == {("Senegal", 2023, None): {}}
    assert not any("has a level" in p.message for p in result.problems)


@pytest.mark.parametrize(("count", "rows"), [(21, "21 rows"), (8, "8 rows"), (1, "1 row")])
def test_only_a_plan_is_kept_and_said_to_have_no_level(count, rows):
    result = read("senegal.xlsx", template(plan_rows(count)))
    assert by_assessment(result) == {("Senegal", 2023, None): {}}
    assert len(result.plans) == count
    (said,) = [p for p in result.problems if "has a level" in p.message]
    assert (said.severity, said.sheet, said.cell) == ("warning", "Assessment", "E11:E31")
    assert said.message.startswith("No capability or enabler of Senegal 2023 has a level")
    assert f"only its action plan ({rows}) was read" in said.message
    assert "colours" not in said.message


def test_a_plan_beside_levels_is_said_nothing_of():
    result = read("senegal.xlsx", template(plan_rows(8, levels=True)))
    assert len(result.plans) == 8
    assert not any("has a level" in p.message for p in result.problems)


def test_level_cells_that_were_reported_are_not_said_empty():
    def stars(workbook: Any) -> None:
        for row in range(11, 32):
            workbook["Assessment"].cell(row, 5).value = "★★"

    result = read("senegal.xlsx", template(stars))
    assert errors(result)
    assert not any("has a level" in p.message for p in result.problems)


@pytest.mark.parametrize(
    "headers",
    [
        [f"{v} {LABELS[v]}" for v in range(5)],
        [f"{v} - {LABELS[v]}" for v in range(5)],
        [
            "0 - Inexistant",
            "1 - En construction",
            "2 - En développement",
            "3 - Établi",
            "4 - Mature",
        ],
        [LABELS[v] for v in range(5)],
    ],
)
def test_a_tick_form_with_no_box_ticked_is_said_to_be_one(headers):
    rows: list[list[Any]] = [["Country", "Senegal"], ["Year", 2022], []]
    rows.append(["No.", "Capability", *headers, "Comments"])
    rows += [[n, TITLES[n], None, None, None, None, None, ""] for n in range(1, 22)]
    result = read("senegal.xlsx", xlsx({"Senegal 2022": rows}))
    assert by_assessment(result) == {}
    assert_problem(result, "error", "C4:G4", "no box under them is ticked")
    assert "colours" in result.problems[0].message
    assert len(result.problems) == 1


def _converted(level: Any, *, notes: bool = True) -> list[list[Any]]:
    """A report's table converted from a PDF whose levels were pictures: the level column
    came out as ``level`` in every row."""
    rows: list[list[Any]] = [["Bhutan – MNR self-assessment 2024"]]
    rows.append(["No.", "Capability", "Level", *(["Comments"] if notes else [])])
    rows += [[n, TITLES[n], level, *(["Pilot in two provinces"] if notes else [])] for n in ALL]
    return rows


@pytest.mark.parametrize(
    ("name", "data", "span"),
    [
        ("bhutan.xlsx", xlsx({"Table 1": _converted(None)}), "C3:C23"),
        ("bhutan.xlsx", xlsx({"Table 1": _converted("")}), "C3:C23"),
        ("bhutan.xlsx", xlsx({"Table 1": _converted(None, notes=False)}), "C3:C23"),
        ("bhutan.csv", csv_bytes(_converted(None)), "C3:C23"),
    ],
)
def test_a_table_whose_level_column_is_empty_keeps_nothing_and_says_why(name, data, span):
    result = read(name, data)
    assert by_assessment(result) == {}
    assert result.enablers.empty
    problem = next(p for p in errors(result) if "has a level" in p.message)
    assert problem.cell == span
    assert f"(the level cells {span} are empty)" in problem.message
    assert "Bhutan 2024" in problem.message
    assert "pictures or colours" in problem.message
    assert "from the original document" in problem.fix
    # The upload page sums it up as a file nothing could be used from, the report saying why.
    verdict = upload_summary(result).verdict
    assert verdict.startswith(":red[**Nothing could be used from this file.**]")


def test_only_the_assessment_with_no_level_is_left_out():
    rows: list[list[Any]] = [["Country", "Year", "Capability", "Level"]]
    rows += [["Kenya", 2023, TITLES[n], n % 5] for n in ALL]
    rows += [["Uganda", 2023, TITLES[n], None] for n in ALL]
    result = read("long.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {("Kenya", 2023, None): {n: n % 5 for n in ALL}}
    assert_problem(result, "error", "D23:D43", "No capability or enabler of Uganda 2023")


def test_a_sheet_with_no_level_beside_a_filled_one_is_left_out_alone():
    filled = [["Country", "Kenya"], ["Year", 2023], ["Capability", "Level"]]
    filled += [[TITLES[n], n % 5] for n in ALL]
    empty = [["Country", "Uganda"], ["Year", 2023], ["Capability", "Level"]]
    empty += [[TITLES[n], None] for n in ALL]
    result = read("two.xlsx", xlsx({"Kenya": filled, "Uganda": empty}))
    assert by_assessment(result) == {("Kenya", 2023, None): {n: n % 5 for n in ALL}}
    assert_problem(result, "error", "B4:B24", "nothing of it was kept", sheet="Uganda")
    assert upload_summary(result).verdict.startswith(":orange[**Partly read.**]")
