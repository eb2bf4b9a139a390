"""A project tool's board: tasks named after the capabilities ("Name", "Card Name", "Task
Name"), each in the list of its level or tagged with it (components/ingest/task_boards.py);
a domain column beside them is never the capabilities, a parent's column never the row's
(components/ingest/task_titles.py)."""

from __future__ import annotations

from typing import Any

import pytest

from components.ingest.task_titles import title_columns
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
LEVELS = {n: (n * 3 + 1) % 5 for n in ALL}
UNASSESSED = {5, 17}
GIVEN = {n: lv for n, lv in LEVELS.items() if n not in UNASSESSED}
_NAMES = {domain.id: domain.name for domain in FW.domains}
DOMAIN = {c.number: _NAMES[c.domain] for c in FW.capabilities}


def written(style: str, n: int) -> Any:
    level = LEVELS[n]
    if n in UNASSESSED:
        return {"tags": "Priority, Quick win", "asana tags": "mnr,ken"}.get(style, "To assess")
    return {
        "level and label": f"Level {level} – {LABELS[level]}",
        "number and label": f"{level} - {LABELS[level]}",
        "label": LABELS[level],
        "tags": ", ".join(["Priority", f"Level {level}", "Needs evidence"][: 2 + n % 2]),
        "asana tags": f"mnr,level-{level},ken" if n % 2 else f"ken,level-{level}",
    }[style]


def asana(style: str) -> list[list[Any]]:
    header = ["Task ID", "Created At", "Name", "Section/Column", "Assignee", "Notes", "Country",
              "Year"]  # fmt: skip
    return [header] + [
        [1200000 + n, "2024-02-12", TITLES[n], written(style, n), "Amina", None, "Kenya", 2024]
        for n in ALL
    ]


def trello(style: str) -> list[list[Any]]:
    header = ["Card ID", "Card Name", "Card URL", "Card Description", "Labels", "List Name",
              "Country", "Year"]  # fmt: skip
    return [header] + [
        [f"{n:024x}", TITLES[n], f"https://trello.com/c/{n}", None, f"{DOMAIN[n]} (blue)",
         written(style, n), "Kenya", 2024]
        for n in ALL
    ]  # fmt: skip


def notion(style: str) -> list[list[Any]]:
    header = ["Name", "Country", "Year", "Tags", "Created time"]
    return [header] + [
        [TITLES[n], "Kenya", 2024, written(style, n), "February 14, 2024 5:17 AM"] for n in ALL
    ]


def planner(style: str) -> list[list[Any]]:
    rows: list[list[Any]] = [["Plan name", "MNR Kenya"], ["Year", 2024], []]
    rows.append(["Task ID", "Task Name", "Bucket Name", "Progress", "Priority", "Labels"])
    return rows + [
        [f"x{n}", TITLES[n], written(style, n), ["Completed", "In progress"][n % 2], "Medium",
         DOMAIN[n]]
        for n in ALL
    ]  # fmt: skip


BOARDS = [
    (asana, "level and label"),
    (asana, "number and label"),
    (asana, "asana tags"),
    (trello, "level and label"),
    (trello, "label"),
    (notion, "tags"),
    (planner, "level and label"),
    (planner, "number and label"),
]


@pytest.mark.parametrize(("board", "style"), BOARDS)
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_boards_tasks_are_read_with_the_level_of_their_list_or_tag(board, style, kind) -> None:
    rows = board(style)
    data = csv_bytes(rows) if kind == "csv" else xlsx({"Board": rows})
    result = read(f"board.{kind}", data)
    assert by_assessment(result) == {("Kenya", 2024, None): GIVEN}
    assert not errors(result)
    said = [p for p in result.problems if "as a project tool's board exports them" in p.message]
    assert [p.severity for p in said] == ["warning"]
    if "tags" in style:
        assert "level tag" in said[0].message


def test_two_columns_of_levels_are_not_guessed_between() -> None:
    rows = asana("level and label")
    rows[0].append("Tags")
    for n, row in zip(ALL, rows[1:], strict=True):
        row.append(f"Level {(LEVELS[n] + 1) % 5}")
    result = read("board.csv", csv_bytes(rows))
    assert not any(lv is not None for levels in by_assessment(result).values() for lv in levels)
    assert not [p for p in result.problems if "board exports them" in p.message]


def test_tasks_that_name_no_capability_are_no_board_of_levels() -> None:
    rows = asana("level and label")
    for row in rows[1:]:
        row[2] = f"Prepare the {row[2]} workshop"
    result = read("board.csv", csv_bytes(rows))
    assert not [p for p in result.problems if "board exports them" in p.message]
    # The first row's level is data under the header: never said to be a header.
    assert not [p for p in result.problems if "header row 2" in p.message]


def asana_subtasks() -> list[list[Any]]:
    """Asana's project export: "Maturity level" and "Country" custom fields, sections are the
    domains, and each subtask's row names its parent in "Parent task"."""
    header = ["Task ID", "Name", "Section/Column", "Parent task", "Country", "Maturity level"]
    rows: list[list[Any]] = [header]
    for n in ALL:
        level = LEVELS[n]
        rows.append([n, TITLES[n], DOMAIN[n], None, "Kenya", f"{level} – {LABELS[level]}"])
        if n % 3 == 0:
            rows.append([100 + n, "Collect evidence", DOMAIN[n], TITLES[n], None, None])
    return rows


def test_a_parent_task_column_is_not_the_capabilities() -> None:
    result = read("asana.csv", csv_bytes(asana_subtasks()))
    assert by_assessment(result) == {("Kenya", None, None): LEVELS}
    assert_problem(result, "warning", "B1", "“Name” (B1) was read as the capabilities")
    assert not [p for p in result.problems if "holds a level" in p.message]


@pytest.mark.parametrize(
    ("cells", "columns", "kept"),
    [
        (("Name", "Parent task"), [0, 1], [0]),
        (("Parent summary", "Summary"), [0, 1], [1]),
        (("Task Name", "Section"), [0, 1], [0]),
        (("Name", "Title words"), [0, 1], [0]),
        (("Heading", "Other"), [0, 1], [0, 1]),  # nothing tells them apart: both, uncertain
        (("Epic Link",), [0], []),
    ],
)
def test_the_title_column_is_told_apart(cells, columns, kept) -> None:
    assert title_columns(cells, columns) == kept


@pytest.mark.parametrize("heading", ["Kenya", "Kenya 2023", "2023", "Baseline"])
def test_a_wide_tables_assessment_column_is_never_a_boards_levels(heading: str) -> None:
    rows: list[list[Any]] = [["Uganda MNR 2024"], [], ["Name", heading]]
    rows += [[TITLES[n], f"{LEVELS[n]} - {LABELS[LEVELS[n]]}"] for n in ALL]
    result = read("wide.xlsx", xlsx({"Sheet": rows}))
    assert ("Uganda", 2024, None) not in by_assessment(result)
    assert not [p for p in result.problems if "board exports them" in p.message]
