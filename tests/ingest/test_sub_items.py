"""A project tool's sub-items under each item (monday.com's "Subitems" blocks) are tasks, not
levels: left out with one warning (components/ingest/sub_items.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, errors, read, xlsx

ALL = range(1, 22)
LEVELS = {n: (n * 2 + 1) % 5 for n in ALL}


def board(heading: str, every: int, header: list[str]) -> list[list[Any]]:
    """A board of the capabilities, ``every``-th item with two sub-items under it."""
    rows: list[list[Any]] = [["Ghana – MNR tracker 2024"], [], header]
    for n in ALL:
        rows.append([TITLES[n], None, "Amina", "Done", LEVELS[n], "2024-12-31"])
        if n % every == 0:
            rows.append([None, heading, "Owner", "Status", "Date"])
            rows += [[None, f"Step {k}", "Tom", "Working on it", "2024-06-30"] for k in (1, 2)]
    return rows


HEADER = ["Name", "Subitems", "Owner", "Status", "Current level", "Timeline"]


@pytest.mark.parametrize("heading", ["Subitems", "Subtasks", "Sub-items"])
@pytest.mark.parametrize("every", [1, 4])
def test_sub_items_are_left_out_and_said(heading: str, every: int) -> None:
    rows = board(heading, every, HEADER)
    result = read("monday.xlsx", xlsx({"Tracker": rows}))
    assert by_assessment(result) == {("Ghana", 2024, None): LEVELS}
    assert not errors(result)
    assert_problem(result, "warning", None, "are sub-items under the capabilities")


def test_a_note_starting_in_column_b_is_no_block() -> None:
    # Not under a "Subitems" header: a row with no capability is still said, as ever.
    rows = board("Subitems", 100, HEADER)
    rows.insert(6, [None, "Reviewed", "Tom", "Done", 3])
    result = read("monday.xlsx", xlsx({"Tracker": rows}))
    assert_problem(result, "error", "A7", "no capability")
    assert not [p for p in result.problems if "sub-items" in p.message]
