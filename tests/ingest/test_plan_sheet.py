"""A sheet named like a plan that holds an assessment's own Country and Year is read as one
(components/ingest/plan_sheet)."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, read, xlsx

LEVELS = {n: n % 4 for n in range(1, 22)}
HEAD = ["No.", "Capability", "Target level (2027)", "Current level", "Gap"]


def table(head=HEAD):
    return [head] + [[n, TITLES[n], 4, LEVELS[n], 4 - LEVELS[n]] for n in range(1, 22)]


@pytest.mark.parametrize(
    ("sheet", "labels"),
    [
        ("Plan", [["Country", "Pakistan"], ["Year", 2024]]),
        ("Action plan", [["Country:", "Pakistan"], ["Date", "2024-03-01"]]),
        ("Plan d'action", [["Pays", "Pakistan"], ["Année", 2024]]),
        ("Plan de acción", [["País", "Pakistan"], ["Año", 2024]]),
    ],
)
def test_a_plan_named_sheet_with_its_own_country_and_year_is_an_assessment(sheet, labels):
    result = read("pk.xlsx", xlsx({sheet: [*labels, [], *table()]}))
    assert list(by_assessment(result).values()) == [LEVELS]
    assert {key[0] for key in by_assessment(result)} == {"Pakistan"}
    assert not [p for p in result.problems if p.severity == "error"]
    assert set(result.plans["target_level"]) == {4}


def test_a_plan_named_sheet_without_labels_says_why_it_was_taken_as_a_plan():
    result = read("pk.xlsx", xlsx({"Plan": table()}))
    assert by_assessment(result) == {}
    assert_problem(result, "error", "A2, A3, A4 …", "read as an action plan because of its name")


def test_a_boards_header_written_over_each_group_is_no_plan_row() -> None:
    # monday.com: each domain's group under its name and the board's header again; a target
    # level, an owner and a status beside the current level make it a plan too.
    header = ["Name", "Owner", "Status", "Current level", "Target level"]
    rows: list[list] = [["Colombia – MNR action tracker 2024"], []]
    for first in (1, 4, 8, 12, 16, 20):
        rows += [["Group"], header]
        last = {1: 3, 4: 7, 8: 11, 12: 15, 16: 19, 20: 21}[first]
        rows += [
            [TITLES[n], "Amina", "Working on it", f"Level {n % 4}", f"Level {n % 4 + 1}"]
            for n in range(first, last + 1)
        ]
    result = read("monday.xlsx", xlsx({"Tracker": rows}))
    assert by_assessment(result) == {("Colombia", 2024, None): {n: n % 4 for n in range(1, 22)}}
    assert not [p for p in result.problems if "plan row" in p.message]
