"""The app's own fictional demo left in a workbook beside real assessments
(components/ingest/demo_left_in.py): left out with a warning naming it, with the enablers and
plan read with it; a file of the demo alone is read as it is."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from openpyxl import load_workbook

from components.framework.model import default_framework
from components.ingest.demo import demo_assessments
from components.ingest.template import write_template
from tests.ingest.reader_support import TITLES, by_assessment, errors, find, read, xlsx

FW = default_framework()
DEMO = {(a.country, a.year): a for a in demo_assessments(FW)}
ARVENIA = DEMO[("Arvenia", 2023)]
NEPAL = {n: (n * 3) % 5 for n in range(1, 22)}


def _demo_with_a_real_sheet(demo: Any = ARVENIA, **label: Any) -> bytes:
    """The demo's workbook (its Assessment, Enablers and Action plan sheets filled) with a
    copy of its Assessment sheet made Nepal's, as a person adds their country's sheet."""
    workbook = load_workbook(BytesIO(write_template(FW, demo)))
    for name, value in label.items():  # the demo's own labels changed: {"Country": "Peru"}
        cell = find(workbook["Assessment"], name)
        workbook["Assessment"].cell(row=cell.row, column=cell.column + 1).value = value
    nepal = workbook.copy_worksheet(workbook["Assessment"])
    nepal.title = "Nepal"
    values = {"Country": "Nepal", "ISO3 code (optional)": None, "Date or year": 2024}
    values |= {"Round label (optional)": None, "Assessed by": "Ministry of Women"}
    for name, value in values.items():
        cell = find(nepal, name)
        nepal.cell(row=cell.row, column=cell.column + 1).value = value
    level = find(nepal, "Level")
    for n, value in NEPAL.items():
        nepal.cell(row=level.row + n, column=level.column).value = value
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_the_demo_left_beside_a_real_sheet_is_left_out_with_its_enablers_and_plan() -> None:
    result = read("nepal.xlsx", _demo_with_a_real_sheet())
    assert by_assessment(result) == {("Nepal", 2024, None): NEPAL}
    assert set(result.enablers["country"]) <= {"Nepal"}
    assert result.enablers["level"].isna().all()  # Arvenia's enablers were not given to Nepal
    assert result.plans.empty  # nor its action plan
    (said,) = [p for p in result.problems if "fictional demo" in p.message]
    assert said.severity == "warning"
    assert said.sheet == "Assessment"
    assert "holds Arvenia 2023 Second review, one of the app's own fictional demo" in said.message
    assert "“Arvenia”, its code XAA" in said.message
    assert not errors(result)


@pytest.mark.parametrize(
    "label",
    [
        {"ISO3 code (optional)": None},  # name and assessor
        {"Assessed by": "Someone", "Date or year": 2030},  # name and code
        {"Country": "Arvenia (demo)"},  # code and assessor
    ],
)
def test_the_demo_is_known_by_two_of_its_marks(label: dict[str, Any]) -> None:
    result = read("nepal.xlsx", _demo_with_a_real_sheet(**label))
    assert set(by_assessment(result)) == {("Nepal", 2024, None)}


@pytest.mark.parametrize(
    "label",
    [
        # a real country's assessment by the demo's team, in a demo year: no demo country
        {"Country": "Peru", "ISO3 code (optional)": None},
        # the demo's name alone, in one of its years or not: a fictional name of examples
        {"ISO3 code (optional)": None, "Assessed by": "Someone", "Date or year": 2030},
        {"ISO3 code (optional)": None, "Assessed by": "Someone"},
    ],
)
def test_one_mark_alone_is_no_demo(label: dict[str, Any]) -> None:
    result = read("nepal.xlsx", _demo_with_a_real_sheet(**label))
    assert len(by_assessment(result)) == 2
    assert not [p for p in result.problems if "fictional demo" in p.message]


def test_a_file_of_the_demo_alone_is_read_as_it_is() -> None:
    result = read("arvenia-2023.xlsx", write_template(FW, ARVENIA))
    assert set(by_assessment(result)) == {("Arvenia", 2023, "Second review")}
    assert not result.plans.empty
    assert not [p for p in result.problems if "fictional demo" in p.message]


def test_demo_rows_in_a_long_table_beside_real_countries_are_left_out() -> None:
    rows: list[list[Any]] = [["Country", "ISO3", "Year", "Capability", "Level"]]
    rows += [["Arvenia", "XAA", 2021, TITLES[n], n % 5] for n in range(1, 22)]
    rows += [["Kenya", "KEN", 2021, TITLES[n], NEPAL[n]] for n in range(1, 22)]
    result = read("export.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {("Kenya", 2021, None): NEPAL}
    assert any("Arvenia 2021, one of the app's own" in p.message for p in result.problems)
