"""Level columns headed by a state ("As-is | To-be", "Now | Before", "Current status (2024)"),
never by a country: the current column is the level, filed under the sheet's country; an
earlier one with a year is that year's assessment; the rest are left out with a word."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from components.ingest.state_words import state_of
from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, read, xlsx

NOW = {n: n % 5 for n in range(1, 22)}
BEFORE = {n: (n + 2) % 5 for n in range(1, 22)}
GOAL = {n: min(4, NOW[n] + 1) for n in range(1, 22)}


def form(heads: list[Any], columns: list[dict[int, int]], meta: list[list[Any]]) -> bytes:
    rows: list[list[Any]] = [*meta, [], ["No.", "Capability", *heads]]
    rows += [[n, TITLES[n], *(c[n] for c in columns)] for n in range(1, 22)]
    return xlsx({"Assessment": rows})


UGANDA = [["Country", "Uganda"], ["Year", 2023]]


@pytest.mark.parametrize(
    ("heads", "left_out"),
    [
        (["As-is", "To-be"], "“To-be” holds targets"),
        (["Now", "Before"], "“Before” holds earlier levels, but its heading gives no year"),
        (["Today", "Goal 2026"], "“Goal 2026” holds targets"),
        (["Status quo", "Objetivo"], "“Objetivo” holds targets"),
        (["État actuel", "Avant"], "“Avant” holds earlier levels"),
        (["Situación actual", "Meta"], "“Meta” holds targets"),
        (["Situação atual", "Anterior"], "“Anterior” holds earlier levels"),
        (["To-be", "Where we are now"], "“To-be” holds targets"),
        # A round with no year beside the current level: earlier, undated, not this year's.
        (["Current", "Baseline"], "“Baseline” holds earlier levels, but its heading gives no"),
        (["Now", "Midline"], "“Midline” holds earlier levels"),
    ],
)
def test_state_headings_are_never_countries(heads, left_out):
    result = read("uganda.xlsx", form(heads, [NOW, GOAL], UGANDA))
    first_is_now = heads[0] != "To-be"
    assert by_assessment(result) == {("Uganda", 2023, None): NOW if first_is_now else GOAL}
    assert any(left_out in p.message and p.severity == "warning" for p in result.problems)


def test_an_earlier_column_with_a_year_is_that_years_assessment():
    heads = ["Desired level by 2026", "Where we are now", "Where we were (2020)", "Evidence"]
    rows = [[n, TITLES[n], GOAL[n], NOW[n], BEFORE[n], "Seen"] for n in range(1, 22)]
    meta = [["Country", "Guatemala"], ["Year", 2023], [], ["No.", "Capability", *heads]]
    result = read("gt.xlsx", xlsx({"Assessment": meta + rows}))
    assert by_assessment(result) == {
        ("Guatemala", 2023, None): NOW,
        ("Guatemala", 2020, None): BEFORE,
    }
    assert_problem(result, "warning", "C4", "“Desired level by 2026” holds targets")


def test_state_columns_without_any_country_are_refused_not_made_countries():
    result = read("form.xlsx", form(["As-is", "To-be"], [NOW, GOAL], [["Year", 2023]]))
    assert by_assessment(result) == {}
    assert any(p.severity == "error" and "No country" in p.message for p in result.problems)


def test_two_unknown_level_headings_under_a_country_label_are_refused():
    result = read("uganda.xlsx", form(["Self view", "Panel view"], [NOW, GOAL], UGANDA))
    assert by_assessment(result) == {}
    assert_problem(result, "error", "C4", "do not say which is the current level")


def test_countries_across_under_a_country_label_stay_countries():
    heads = ["Kenya", "Freedonia"]
    result = read("two.xlsx", form(heads, [NOW, GOAL], [["Country", "Kenya"], ["Year", 2023]]))
    assert set(by_assessment(result)) == {("Kenya", 2023, None), ("Freedonia", 2023, None)}


@pytest.mark.parametrize(
    ("heads", "meta", "expected"),
    [
        (
            ["Baseline (2019)", "Current status (2024)", "Target (2027)"],
            [["Country", "Sri Lanka"]],
            {("Sri Lanka", 2019, "Baseline"): BEFORE, ("Sri Lanka", 2024, None): NOW},
        ),
        (
            ["2019", "Level (2024)"],
            [["Country", "Sri Lanka"], ["Year", 2024]],
            {("Sri Lanka", 2019, None): BEFORE, ("Sri Lanka", 2024, None): NOW},
        ),
        (
            ["Previous level (2021)", "Current status 2024"],
            [["Country", "Sri Lanka"]],
            {("Sri Lanka", 2021, None): BEFORE, ("Sri Lanka", 2024, None): NOW},
        ),
    ],
)
def test_a_baseline_beside_a_dated_level_column_is_read(heads, meta, expected):
    columns = [BEFORE, NOW, GOAL][: len(heads)]
    result = read("lk.xlsx", form([int(h) if h.isdigit() else h for h in heads], columns, meta))
    assert by_assessment(result) == expected
    assert not [p for p in result.problems if p.severity == "error"]


@pytest.mark.parametrize("head", ["Current status (2024)", "Level (2024)", "Nivel (2024)"])
def test_the_year_in_the_level_heading_is_read(head):
    result = read("lk.xlsx", form([head, "Evidence"], [NOW, NOW], [["Country", "Sri Lanka"]]))
    assert by_assessment(result) == {("Sri Lanka", 2024, None): NOW}


def test_a_year_label_other_than_the_level_heading_is_kept_and_said():
    meta = [["Country", "Sri Lanka"], ["Year", 2023]]
    result = read("lk.xlsx", form(["Level (2024)"], [NOW], meta))
    assert by_assessment(result) == {("Sri Lanka", 2023, None): NOW}
    assert_problem(result, "warning", "C4", "the Year label says 2023")


def test_a_plan_beside_a_baseline_and_a_dated_level_belongs_to_the_current_one():
    heads = ["Baseline (2019)", "Current status (2024)", "Target level"]
    result = read("lk.xlsx", form(heads, [BEFORE, NOW, GOAL], [["Country", "Sri Lanka"]]))
    assert set(by_assessment(result)) == {
        ("Sri Lanka", 2019, "Baseline"),
        ("Sri Lanka", 2024, None),
    }
    assert len(result.plans) == 21
    assert not [p for p in result.problems if p.severity == "error"]


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("As-is", "current"),
        ("Where we are now", "current"),
        ("Current status", "current"),
        ("état actuel", "current"),
        ("Where we were", "previous"),
        ("Previous level", "previous"),
        ("Where we want to be", "target"),
        ("To-be", "target"),
        ("Kenya", None),
        ("Kenya current", None),
        ("Evidence", None),
    ],
)
def test_state_of_a_heading(text, state):
    assert state_of(text) == state


@pytest.mark.parametrize(
    ("meta", "warned"),
    [
        ([["Country", "Kenya"]], True),
        ([["Country", "Kenya"], ["Year", 2023]], False),
        ([["Country", "Kenya"], ["Date of assessment", "2023-05-01"]], False),
    ],
)
def test_a_form_with_no_year_anywhere_is_said_to_have_none(meta, warned):
    result = read("form.xlsx", form(["Level"], [NOW], meta))
    assert list(by_assessment(result).values()) == [NOW]
    said = [p for p in result.problems if p.message.startswith("No date or year is given")]
    assert bool(said) == warned
    if warned:
        assert_problem(result, "warning", None, "on sheet “Assessment”, so its assessment was")


def _consolidated(assessors: int) -> bytes:
    """Excel's Data > Consolidate (Sum, with links): each capability's assessors' rows (their
    names in B, their levels in C), then the capability's title over the sum of them."""
    rows: list[list[Any]] = [[None, None, "Level"]]
    for n in range(1, 22):
        scores = [(n + a) % 5 for a in range(assessors)]
        rows += [[None, f"Assessor{a + 1}", s] for a, s in enumerate(scores)]
        rows.append([TITLES[n], None, sum(scores)])
    return xlsx({"Consolidated": rows})


@pytest.mark.parametrize("assessors", [1, 2, 3])
def test_a_consolidation_of_sums_gives_no_country_and_no_levels(assessors):
    result = read("consolidated.xlsx", _consolidated(assessors))
    assert not any(by_assessment(result).values())
    assert not [c for c in result.capabilities["country"] if isinstance(c, str)]
    said = [p for p in result.problems if "is headed by a number" in p.message]
    assert said
    assert said[0].severity == "error"
    assert "not a sum or a total" in said[0].fix


@pytest.mark.parametrize("number", [0, 25.0, "0.0", "3-1", "114377001"])
def test_a_column_headed_by_a_number_is_never_a_countrys_assessment(number):
    rows: list[list[Any]] = [["Year", 2023], [], ["No.", "Capability", "Kenya", number]]
    rows += [[n, TITLES[n], NOW[n], BEFORE[n]] for n in range(1, 22)]
    result = read("wide.xlsx", xlsx({"Assessment": rows}))
    assert by_assessment(result) == {("Kenya", 2023, None): NOW}
    assert_problem(result, "error", "D3", "is headed by a number, not by a country or a year")


@pytest.mark.parametrize(
    ("heads", "expected"),
    [
        (["Kenya", "Arvenia"], {("Kenya", 2023, None): NOW, ("Arvenia", 2023, None): BEFORE}),
        ([2022, 2023], {("Uganda", 2022, None): NOW, ("Uganda", 2023, None): BEFORE}),
        (["KEN", "UGA"], {("Kenya", 2023, None): NOW, ("Uganda", 2023, None): BEFORE}),
    ],
)
def test_countries_years_and_codes_across_are_still_read(heads, expected):
    rows: list[list[Any]] = [["Year", 2023], [], ["No.", "Capability", *heads]]
    if heads[0] == 2022:
        rows[0] = ["Country", "Uganda"]
    rows += [[n, TITLES[n], NOW[n], BEFORE[n]] for n in range(1, 22)]
    result = read("wide.xlsx", xlsx({"Assessment": rows}))
    assert by_assessment(result) == expected
    assert not [p for p in result.problems if "headed by a number" in p.message]


# A year still to come, however long these tests are kept: a target's, no assessment's.
TO_COME = date.today().year + 4


@pytest.mark.parametrize("written", [TO_COME, str(TO_COME), float(TO_COME)])
def test_a_column_headed_by_a_year_still_to_come_holds_targets(written):
    result = read("plan.xlsx", form([2024, written], [NOW, GOAL], [["Country", "Uganda"]]))
    assert by_assessment(result) == {("Uganda", 2024, None): NOW}
    assert_problem(result, "warning", "D3", f"“{TO_COME}” holds targets, not an assessment")


def test_a_column_headed_by_a_past_year_is_that_years_assessment():
    result = read("plan.xlsx", form([2021, 2024], [BEFORE, NOW], [["Country", "Uganda"]]))
    assert by_assessment(result) == {("Uganda", 2021, None): BEFORE, ("Uganda", 2024, None): NOW}


@pytest.mark.parametrize("change", ["Δ 2021", "± vs 2021", "+/- 2021"])
def test_a_column_of_changes_since_a_year_is_no_assessment_of_that_year(change):
    changes = dict.fromkeys(range(1, 22), 1)
    result = read("plan.xlsx", form([2023, change], [NOW, changes], [["Country", "Uganda"]]))
    assert by_assessment(result) == {("Uganda", 2023, None): NOW}
