"""A column of work states ("Done", "Working on it") is never the level column when another
column holds the levels (components/ingest/work_states.py); alone, it gives no level."""

from __future__ import annotations

from typing import Any

import pytest

from components.ingest.work_states import is_work_state
from tests.ingest.reader_support import TITLES, by_assessment, csv_bytes, errors, read, xlsx

ALL = range(1, 22)
LEVELS = {n: (n * 3 + 2) % 5 for n in ALL}
STATES = ["Done", "To Do", "In Progress", "Working on it", "Stuck", "Blocked", "Backlog"]


def _state(n: int) -> str:
    return STATES[n % len(STATES)]


def clickup() -> tuple[list[list[Any]], dict[int, int]]:
    """ClickUp: "Status" first, then a "Score" left "N/A" on most tasks (so it is mostly no
    level either)."""
    rows: list[list[Any]] = [["Task Name", "Country", "Year", "Status", "Score"]]
    given = {n: LEVELS[n] for n in ALL if n % 3 == 0}
    rows += [[TITLES[n], "Kenya", 2024, _state(n), given.get(n, "N/A")] for n in ALL]
    return rows, given


def monday_subitems() -> tuple[list[list[Any]], dict[int, int]]:
    """monday.com: "Status" before "Current level", each item's sub-items under it (dates and
    states in the level's column)."""
    rows: list[list[Any]] = [["Kenya – MNR 2024"], []]
    rows.append(["Name", "Subitems", "Owner", "Status", "Current level", "Target level"])
    for n in ALL:
        rows.append([TITLES[n], None, "Amina", _state(n), f"Level {LEVELS[n]}", "Level 4"])
        if n % 4:
            rows.append([None, "Subitems", "Owner", "Status", "Date"])
            rows += [[None, f"Task {k}", "Tom", "Done", "2024-06-30"] for k in (1, 2)]
    return rows, dict(LEVELS)


def jira_wrapped() -> tuple[list[list[Any]], dict[int, int]]:
    """Jira: "Status" first, the level in "Custom field (MNR Level)"."""
    rows: list[list[Any]] = [
        [
            "Summary", "Issue key", "Status", "Custom field (Country)",
            "Custom field (MNR Capability)", "Custom field (MNR Level)",
            "Custom field (Assessment Year)",
        ]
    ]  # fmt: skip
    rows += [
        [f"Assess {TITLES[n]}", f"MNR-{n}", _state(n), "Kenya", f"{n}. {TITLES[n]}",
         f"Level {LEVELS[n]}", 2024]
        for n in ALL
    ]  # fmt: skip
    return rows, dict(LEVELS)


@pytest.mark.parametrize("shape", [clickup, monday_subitems, jira_wrapped])
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_levels_are_read_beside_a_status_column(shape, kind: str) -> None:
    rows, given = shape()
    data = csv_bytes(rows) if kind == "csv" else xlsx({"Board": rows})
    result = read(f"board.{kind}", data)
    assert by_assessment(result) == {("Kenya", 2024, None): given}
    assert not [p for p in errors(result) if "is not a level" in p.message]


@pytest.mark.parametrize(
    "header", [["Card Name", "Country", "Year", "Status"], ["Name", "Country", "Year", "Stage"]]
)
def test_a_board_of_states_alone_gives_no_level(header: list[str]) -> None:
    rows = [header] + [[TITLES[n], "Kenya", 2024, ["To Do", "Doing", "Done"][n % 3]] for n in ALL]
    result = read("plan.csv", csv_bytes(rows))
    assert not [lv for levels in by_assessment(result).values() for lv in levels.values()]
    assert errors(result)


@pytest.mark.parametrize(
    ("value", "state"),
    [
        ("Done", True), ("in progress", True), ("Working on it", True), ("STUCK", True),
        ("En cours", True), ("Erledigt", True), ("3 - Established", False), ("2", False),
        ("Developing", False), (None, False), (3, False),
    ],
)  # fmt: skip
def test_work_states_are_told_apart_from_levels(value: Any, state: bool) -> None:
    assert is_work_state(value) is state


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_an_empty_level_field_beside_states_is_still_the_level_column(kind: str) -> None:
    # A Jira project just set up: "MNR Level" empty on every issue, "Status" filled.
    rows: list[list[Any]] = [
        ["Summary", "Issue key", "Status", "Custom field (Country)", "Custom field (MNR Level)"]
    ]
    rows += [[TITLES[n], f"MNR-{n}", _state(n), "Guatemala", None] for n in ALL]
    data = csv_bytes(rows) if kind == "csv" else xlsx({"Jira": rows})
    result = read(f"jira.{kind}", data)
    assert not [lv for levels in by_assessment(result).values() for lv in levels.values()]
    assert not [p for p in result.problems if "is not a level" in p.message]
    assert any(p.cell == "E2:E22" and "has a level" in p.message for p in result.problems)
