"""Action plans in the data exports: the workbook's Action plan sheet reads back with its
assessments, the CSV has one row per planned capability, text is neutralised."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd

from components.exports.plan_tables import PLAN_SHEET_COLUMNS, plan_csv, plan_table
from components.exports.tables import combined_workbook_xlsx
from components.ingest.reader import read_assessment_file
from tests.exports.samples import FRAMEWORK
from tests.factories import capability_rows, enabler_rows, plan_rows

PLAN_FIELDS = ["capability", "priority", "target_level", "target_date", "lead", "actions", "status"]


def _two_assessments():
    capabilities = pd.concat(
        [
            capability_rows("a1", "Arvenia", 2023, {1: 1, 2: 2}, round_label="baseline"),
            capability_rows("b1", "Belmora", 2024, {5: 0}),
        ],
        ignore_index=True,
    )
    enablers = pd.concat(
        [enabler_rows("a1", "Arvenia", 2023), enabler_rows("b1", "Belmora", 2024)],
        ignore_index=True,
    )
    plans = pd.concat(
        [
            plan_rows(
                "a1",
                {
                    2: {
                        "priority": "high",
                        "target_level": 3,
                        "target_date": "2025-06-30",
                        "lead": "Ministry of the Interior",
                        "actions": '=HYPERLINK("x")\nTrain officers',
                        "status": "under way",
                    },
                    1: {"priority": "low", "status": "done"},
                },
            ),
            plan_rows("b1", {5: {"priority": "medium", "lead": "@NGO", "target_level": 2}}),
        ],
        ignore_index=True,
    )
    return capabilities, enablers, plans


def _plain(frame):
    return frame[PLAN_FIELDS].astype(object).where(frame[PLAN_FIELDS].notna(), None)


def test_the_plan_table_names_each_assessment_and_capability_with_its_current_level():
    capabilities, _, plans = _two_assessments()
    table = plan_table(capabilities, plans, FRAMEWORK)
    assert list(table.columns) == PLAN_SHEET_COLUMNS
    assert table[
        ["Country", "Capability no", "Current level", "Priority", "Status"]
    ].values.tolist() == [
        ["Arvenia", 1, 1, "Low", "Done"],
        ["Arvenia", 2, 2, "High", "Under way"],
        ["Belmora", 5, 0, "Medium", "Not started"],
    ]


def test_the_workbook_reads_back_with_the_same_plans():
    capabilities, enablers, plans = _two_assessments()
    data = combined_workbook_xlsx(capabilities, enablers, FRAMEWORK, plans)
    assert "Action plan" in openpyxl.load_workbook(io.BytesIO(data)).sheetnames
    result = read_assessment_file("export.xlsx", data, FRAMEWORK)
    assert not [p for p in result.problems if p.severity == "error"]
    countries = result.capabilities.drop_duplicates("assessment_id").set_index("assessment_id")
    read = result.plans.assign(country=result.plans["assessment_id"].map(countries["country"]))
    expected = plans.assign(country=plans["assessment_id"].map({"a1": "Arvenia", "b1": "Belmora"}))
    expected["actions"] = expected["actions"].str.replace("=", "'=", n=1, regex=False)
    expected["lead"] = expected["lead"].str.replace("@", "'@", n=1, regex=False)
    order = ["country", "capability"]
    assert (
        _plain(read.sort_values(order)).values.tolist()
        == _plain(expected.sort_values(order)).values.tolist()
    )


def test_no_plan_no_sheet():
    capabilities, enablers, _ = _two_assessments()
    data = combined_workbook_xlsx(capabilities, enablers, FRAMEWORK)
    assert "Action plan" not in openpyxl.load_workbook(io.BytesIO(data)).sheetnames


def test_the_csv_neutralises_text_a_spreadsheet_would_run():
    capabilities, _, plans = _two_assessments()
    text = plan_csv(capabilities, plans, FRAMEWORK).decode("utf-8-sig")
    assert text.splitlines()[0] == ",".join(PLAN_SHEET_COLUMNS)
    assert "'=HYPERLINK" in text
    assert "'@NGO" in text
    assert ",=" not in text
