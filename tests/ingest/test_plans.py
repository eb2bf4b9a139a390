"""Action plans: reading what people typed, the template's sheet, other plan tables, and the
collection carrying plans with their assessments."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import Workbook

from components.framework.model import default_framework
from components.ingest.collection import (
    Collection,
    add_assessments,
    remove_assessments,
    set_plan,
)
from components.ingest.plans import (
    PlanCells,
    check_plan_rows,
    parse_priority,
    parse_status,
    parse_target_date,
)
from components.ingest.reader import read_assessment_file
from components.ingest.template import AssessmentInput, write_template
from tests.factories import capability_rows, enabler_rows, plan_rows

FW = default_framework()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("High", ("high", True)),
        (" h ", ("high", True)),
        (1, ("high", True)),
        ("Medium priority", ("medium", True)),
        ("basse", ("low", True)),
        (None, (None, True)),
        ("urgent", (None, False)),
    ],
)
def test_priority_words(typed, expected):
    assert parse_priority(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("In progress", ("under way", True)),
        ("ongoing", ("under way", True)),
        ("Completed", ("done", True)),
        ("en cours", ("under way", True)),
        ("Cancelled", ("dropped", True)),
        ("", (None, True)),
        ("maybe", (None, False)),
    ],
)
def test_status_words(typed, expected):
    assert parse_status(typed) == expected


@pytest.mark.parametrize(
    ("typed", "date", "has_note"),
    [
        ("2026-06-30", "2026-06-30", False),
        (2026, "2026-12-31", False),
        ("end of 2027", "2027-12-31", True),
        ("soon", None, True),
        (None, None, False),
        # A month is its last day, without a note on every row.
        ("Dec 2025", "2025-12-31", False),
        ("Jun 2026", "2026-06-30", False),
        ("juin 2026", "2026-06-30", False),
        ("dezembro de 2025", "2025-12-31", False),
        ("febrero 2028", "2028-02-29", False),
        ("06/2026", "2026-06-30", False),
        ("Sept. 2026", "2026-09-30", False),
        ("Mar-27", "2027-03-31", False),
        ("Q2 2026", "2026-12-31", True),
    ],
)
def test_target_dates(typed, date, has_note):
    found, note = parse_target_date(typed)
    assert found == date
    assert bool(note) == has_note


def _check(*rows, current=None):
    return check_plan_rows(list(rows), FW, file="f.xlsx", sheet="Plan", current_levels=current)


def test_a_good_row_is_read_as_typed():
    rows, problems = _check(
        PlanCells(
            "7",
            {
                "priority": "High",
                "target_level": "3 - Established",
                "target_date": "2026-06-30",
                "lead": "  Ministry   of Justice ",
                "actions": "Draft the law.\nTrain judges.",
                "status": "in progress",
            },
        ),
        current={7: 1},
    )
    assert problems == []
    assert rows == [
        {
            "capability": 7,
            "priority": "high",
            "target_level": 3,
            "target_date": "2026-06-30",
            "lead": "Ministry of Justice",
            "actions": "Draft the law.\nTrain judges.",
            "status": "under way",
        }
    ]


@pytest.mark.parametrize(
    ("row", "cell", "severity", "words"),
    [
        (PlanCells(99, {"priority": "high"}, {"capability": "A5"}), "A5", "error", "no capability"),
        (PlanCells(3, {"priority": "urgent"}, {"priority": "D5"}), "D5", "error", "priority"),
        (PlanCells(3, {"status": "maybe"}, {"status": "I5"}), "I5", "error", "status"),
        (PlanCells(3, {"target_level": 9}, {"target_level": "E5"}), "E5", "error", "target level"),
        (PlanCells(3, {"target_date": "soon"}, {"target_date": "F5"}), "F5", "error", "date"),
        (PlanCells(3, {"target_level": 1}, {"target_level": "E5"}), "E5", "warning", "not above"),
        (PlanCells(3, {"actions": "x" * 5000}, {"actions": "H5"}), "H5", "warning", "longer"),
    ],
)
def test_each_problem_names_its_cell_and_a_fix(row, cell, severity, words):
    _, problems = _check(row, current={3: 2})
    assert [(p.cell, p.severity) for p in problems] == [(cell, severity)]
    assert words in problems[0].message
    assert problems[0].fix


@pytest.mark.parametrize(
    ("status", "warned"), [("done", False), ("under way", True), ("not started", True), ("", True)]
)
def test_a_target_already_reached_is_no_surprise_when_the_item_is_done(status, warned):
    row = PlanCells(3, {"target_level": 2, "status": status}, {"target_level": "E5"})
    _, problems = _check(row, current={3: 2})
    assert any("not above" in p.message for p in problems) == warned


def test_blank_rows_are_skipped_and_a_second_row_for_a_capability_is_refused():
    rows, problems = _check(
        PlanCells(1, {}, {"capability": "A5"}),
        PlanCells(2, {"priority": "low"}, {"capability": "A6"}),
        PlanCells("Capability 2", {"priority": "high"}, {"capability": "A7"}),
    )
    assert [(r["capability"], r["priority"]) for r in rows] == [(2, "low")]
    assert [p.cell for p in problems] == ["A7"]
    assert "A6" in problems[0].message


def test_the_template_round_trip_keeps_the_plan():
    written = AssessmentInput(
        country="Arvenia",
        year=2024,
        levels={2: 1, 5: 2},
        plan={
            2: {
                "priority": "high",
                "target_level": 3,
                "target_date": "2026-06-30",
                "lead": "Ministry of Justice",
                "actions": "Draft a law; train judges",
                "status": "under way",
            },
            5: {"priority": "low", "status": "not started"},
        },
    )
    result = read_assessment_file("a.xlsx", write_template(FW, written), FW)
    assert [p for p in result.problems if p.severity == "error"] == []
    plans = result.plans
    assert set(plans["assessment_id"]) == set(result.capabilities["assessment_id"])
    assert plans[["capability", "priority", "target_level", "target_date", "status"]].astype(
        object
    ).where(plans.notna(), None).values.tolist() == [
        [2, "high", 3, "2026-06-30", "under way"],
        [5, "low", None, None, "not started"],
    ]
    assert plans["lead"].iloc[0] == "Ministry of Justice"


def test_an_empty_template_plan_adds_nothing_and_reports_nothing():
    result = read_assessment_file(
        "a.xlsx", write_template(FW, AssessmentInput(country="Arvenia", year=2024)), FW
    )
    assert result.plans.empty
    assert not [p for p in result.problems if p.sheet == "Action plan"]


def _workbook(sheets):
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


LONG_LEVELS = [
    ["Country", "Year", "Round", "Capability", "Level"],
    ["Belmora", 2023, "baseline", 1, 2],
    ["Belmora", 2023, "baseline", 4, 1],
    ["Calderra", 2023, None, 1, 3],
]


def test_a_long_plan_table_with_reworded_headers_joins_by_country_year_and_round():
    data = _workbook(
        {
            "Levels": LONG_LEVELS,
            "Roadmap": [
                ["Country", "Year", "Round", "Cap no", "Priorité", "Owner", "Deadline", "Progress"],
                ["Belmora", 2023, "Baseline", 4, "High", "Police", 2025, "ongoing"],
                ["Calderra", 2023, None, 1, "low", "NGO", "2026-01-31", "done"],
                ["Dravonia", 2023, None, 1, "low", "NGO", "2026-01-31", "done"],
            ],
        }
    )
    result = read_assessment_file("long.xlsx", data, FW)
    countries = result.capabilities.drop_duplicates("assessment_id").set_index("assessment_id")
    found = {
        (countries.loc[row.assessment_id, "country"], row.capability, row.priority, row.status)
        for row in result.plans.itertuples()
    }
    assert found == {("Belmora", 4, "high", "under way"), ("Calderra", 1, "low", "done")}
    unowned = [p for p in result.problems if p.sheet == "Roadmap"]
    assert len(unowned) == 1
    assert unowned[0].severity == "error"
    assert unowned[0].cell == "D4"
    assert "no assessment" in unowned[0].message


def test_a_sheet_named_like_a_plan_without_a_table_is_reported_not_read_as_levels():
    data = _workbook({"Levels": LONG_LEVELS, "Action plan": [["Some notes"], ["more"]]})
    result = read_assessment_file("notes.xlsx", data, FW)
    assert result.plans.empty
    skipped = [p for p in result.problems if p.sheet == "Action plan"]
    assert [p.severity for p in skipped] == ["warning"]
    assert result.capabilities["assessment_id"].nunique() == 2


def _collection():
    current = Collection()
    for assessment_id, country in (("a1", "Arvenia"), ("b1", "Belmora")):
        current = add_assessments(
            current,
            capability_rows(assessment_id, country, 2024, {1: 1}),
            enabler_rows(assessment_id, country, 2024),
            "upload",
            plan_rows(assessment_id, {1: {"priority": "high"}}),
        )
    return current


def test_plans_travel_with_their_assessments():
    current = _collection()
    assert sorted(current.plans["assessment_id"]) == ["a1", "b1"]
    assert list(remove_assessments(current, ["a1"]).plans["assessment_id"]) == ["b1"]
    again = (capability_rows("a1", "Arvenia", 2024, {1: 2}), enabler_rows("a1", "Arvenia", 2024))
    # New levels without a plan keep the plan the assessment has; a plan given replaces it.
    kept = add_assessments(current, *again, "upload")
    assert sorted(kept.plans["assessment_id"]) == ["a1", "b1"]
    replaced = add_assessments(current, *again, "upload", plan_rows("a1", {2: {}}))
    assert replaced.plans.set_index("assessment_id")["capability"].to_dict() == {"b1": 1, "a1": 2}
    emptied = add_assessments(current, *again, "upload", plan_rows("a1", {}))
    assert list(emptied.plans["assessment_id"]) == ["b1"]


def test_set_plan_replaces_one_assessments_plan_only():
    current = _collection()
    changed = set_plan(current, "a1", plan_rows("a1", {3: {"priority": "low"}, 4: {}}))
    mine = changed.plans[changed.plans["assessment_id"] == "a1"]
    assert list(mine["capability"]) == [3, 4]
    assert list(changed.plans[changed.plans["assessment_id"] == "b1"]["capability"]) == [1]
    assert set_plan(current, "zz", plan_rows("zz", {1: {}})) is current
    cleared = set_plan(current, "a1", pd.DataFrame(columns=list(changed.plans.columns)))
    assert list(cleared.plans["assessment_id"]) == ["b1"]


def test_the_editor_shows_every_capability_and_reads_back_the_same_plan():
    import datetime

    from components.ingest.plans import editor_frame, plan_from_editor

    capabilities = capability_rows("a1", "Arvenia", 2024, {2: 1})
    plan = plan_rows(
        "a1",
        {
            2: {
                "priority": "high",
                "target_level": 3,
                "target_date": "2026-06-30",
                "lead": "Police",
                "actions": "Train\nofficers",
                "status": "under way",
            }
        },
    )
    frame = editor_frame(capabilities, plan, "a1", FW)
    assert len(frame) == len(FW.capabilities)
    row = frame.set_index("No.").loc[2]
    assert (row["Level now"], row["Priority"], row["Target level"], row["Status"]) == (
        f"1 - {FW.scale.level(1).label}",
        "High",
        f"3 - {FW.scale.level(3).label}",
        "Under way",
    )
    assert row["Target date"] == datetime.date(2026, 6, 30)
    assert frame.set_index("No.").loc[1, "Level now"] == "Not assessed"
    again, problems = plan_from_editor(frame, "a1", FW, {2: 1})
    assert problems == []
    pd.testing.assert_frame_equal(again, plan)
    # Clearing a row's fields removes its plan; NaN and NaT from the grid are blanks.
    cleared = frame.copy()
    cleared.loc[cleared["No."] == 2, ["Priority", "Target level", "Lead organisation"]] = None
    cleared.loc[cleared["No."] == 2, ["Actions", "Status"]] = float("nan")
    cleared["Target date"] = pd.NaT
    emptied, _ = plan_from_editor(cleared, "a1", FW, {2: 1})
    assert emptied.empty


def _as_objects(frame: pd.DataFrame) -> pd.DataFrame:
    """The same plan with every column as Python objects (as a concatenation may leave it)."""
    return frame.astype(object).iloc[::-1].reset_index(drop=True)


_PLAN = {2: {"priority": "high", "target_level": 3, "lead": "Police"}, 5: {"status": "done"}}


@pytest.mark.parametrize(
    ("left", "right", "same"),
    [
        (plan_rows("a1", _PLAN), plan_rows("a1", _PLAN), True),
        (plan_rows("a1", _PLAN), _as_objects(plan_rows("a1", _PLAN)), True),
        (plan_rows("a1", {}), plan_rows("a1", {}), True),
        (plan_rows("a1", _PLAN), plan_rows("a1", {2: _PLAN[2]}), False),  # a row fewer
        (plan_rows("a1", _PLAN), plan_rows("b1", _PLAN), False),  # another assessment's
        (
            plan_rows("a1", _PLAN),
            plan_rows("a1", {**_PLAN, 2: {**_PLAN[2], "lead": "Courts"}}),
            False,
        ),
        (plan_rows("a1", _PLAN), plan_rows("a1", {**_PLAN, 2: {**_PLAN[2], "lead": None}}), False),
    ],
)
def test_same_plan_compares_the_plans_not_their_order_or_dtypes(left, right, same):
    from components.ingest.plans import same_plan

    assert same_plan(left, right) is same
    assert same_plan(right, left) is same


def _levels_of(result, sheet):
    rows = result.capabilities[result.capabilities["source"].str.endswith(f"› {sheet}")]
    return {int(r.capability): int(r.level) for r in rows.itertuples() if not pd.isna(r.level)}


def test_an_assessment_with_plan_columns_beside_its_levels_gives_both():
    # A workshop's form: levels, and the actions and lead agreed for each capability. Another
    # assessment in the file: the plan belongs to the assessment of its own sheet.
    form = [["Country", "Belmora"], ["Year", 2024], []]
    form.append(["No.", "Capability", "Level", "Actions", "Lead"])
    form += [[n, FW.capability(n).title, n % 5, f"Step {n}", "Police"] for n in range(1, 22)]
    data = _workbook({"Levels": LONG_LEVELS, "Workshop": form})
    result = read_assessment_file("form.xlsx", data, FW)
    assert [p for p in result.problems if p.severity == "error"] == []
    assert _levels_of(result, "Workshop") == {n: n % 5 for n in range(1, 22)}
    workshop = result.capabilities.loc[
        result.capabilities["source"].str.endswith("› Workshop"), "assessment_id"
    ].iloc[0]
    assert set(result.plans["assessment_id"]) == {workshop}
    assert result.plans["actions"].tolist() == [f"Step {n}" for n in range(1, 22)]


def test_the_template_with_lead_and_target_columns_inserted_keeps_its_levels_and_plan():
    from openpyxl import load_workbook

    written = AssessmentInput(country="Arvenia", year=2024, levels={n: n % 4 for n in range(1, 22)})
    book = load_workbook(io.BytesIO(write_template(FW, written)))
    sheet = book["Assessment"]
    header = next(c for row in sheet.iter_rows() for c in row if c.value == "No.").row
    level = next(c for c in sheet[header] if c.value == "Level").column
    sheet.insert_cols(level + 1, 2)
    sheet.cell(header, level + 1, "Lead agency")
    sheet.cell(header, level + 2, "Target level (2027)")
    for row in range(header + 1, header + 22):
        sheet.cell(row, level + 1, "Ministry of Interior")
        sheet.cell(row, level + 2, 4)
    buffer = io.BytesIO()
    book.save(buffer)
    result = read_assessment_file("t.xlsx", buffer.getvalue(), FW)
    assert [p for p in result.problems if p.severity == "error"] == []
    assert _levels_of(result, "Assessment") == {n: n % 4 for n in range(1, 22)}
    assert len(result.plans) == 21
    assert set(result.plans["lead"]) == {"Ministry of Interior"}
    assert set(result.plans["target_level"]) == {4}


def test_a_plan_sheet_with_each_capabilitys_current_level_stays_a_plan():
    # The current level beside a plan, on a sheet named like one, is the plan's context.
    data = _workbook(
        {
            "Levels": LONG_LEVELS[:3],
            "Action plan": [
                ["No.", "Capability", "Current level", "Target level", "Lead"],
                [4, None, 1, 3, "Police"],
            ],
        }
    )
    result = read_assessment_file("p.xlsx", data, FW)
    assert result.capabilities["assessment_id"].nunique() == 1
    assert result.plans[["capability", "target_level"]].values.tolist() == [[4, 3]]
