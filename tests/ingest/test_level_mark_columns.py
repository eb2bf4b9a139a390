"""A tick form whose columns are headed "Level 0" … "Level 4" (the level word and the number):
the marked column of each row is the level, as under "0" … "4" or the labels."""

from __future__ import annotations

import pytest

from components.ingest.level_mark_columns import tick_header
from tests.ingest.reader_support import FW, TITLES, by_assessment, read, xlsx

GIVEN = {n: (None if n % 7 == 0 else n % 5) for n in range(1, 22)}
LABELS = ["Not in place", "Building", "Developing", "Established", "Mature"]


def _form(headers: list[str], yes, no=None, evidence: bool = True) -> list[list]:
    rows = [["Nepal – MNR self-assessment 2024"], [], ["No.", "Capability", *headers]]
    rows[2] += ["Evidence / comment"] if evidence else []
    for n in range(1, 22):
        marks = [yes if GIVEN[n] == level else no for level in range(5)]
        rows.append([n, TITLES[n], *marks, *(["seen"] if evidence else [])])
    return rows


@pytest.mark.parametrize(
    "headers",
    [
        [f"Level {n}" for n in range(5)],
        [f"LEVEL {n}" for n in range(5)],
        [f"Niveau {n}" for n in range(5)],
        [f"Nivel {n}" for n in range(5)],
        [f"Level {n} - {LABELS[n]}" for n in range(5)],
        [f"Level {n}: {LABELS[n]}" for n in range(5)],
    ],
    ids=["Level", "LEVEL", "Niveau", "Nivel", "Level n - label", "Level n: label"],
)
@pytest.mark.parametrize(
    ("yes", "no"), [("yes", None), ("x", None), (True, False), ("✓", ""), (1, 0)]
)
@pytest.mark.parametrize("evidence", [True, False])
def test_the_marked_level_column_is_the_level(headers, yes, no, evidence):
    result = read("form.xlsx", xlsx({"Checklist": _form(headers, yes, no, evidence)}))
    expected = {n: level for n, level in GIVEN.items() if level is not None}
    assert by_assessment(result) == {("Nepal", 2024, None): expected}
    assert not [p for p in result.problems if p.severity == "error"]


@pytest.mark.parametrize(
    ("value", "heads_a_tick_column"),
    [
        ("Level 0", True),
        ("Level 4", True),
        ("Niveau 2", True),
        ("Level 2 - Developing", True),
        ("0", True),
        ("Mature", True),
        ("Level", False),  # the level column itself
        ("Level (2024)", False),
        ("Level 7", False),  # not on the scale
        ("Level 2 - Mature", False),  # number and label disagree
        ("Current level", False),
    ],
)
def test_which_headers_head_a_levels_tick_column(value, heads_a_tick_column):
    assert tick_header(value, FW.scale) is heads_a_tick_column


def test_a_level_column_beside_level_columns_of_years_is_still_the_level():
    rows = [["Nepal MNR 2024"], [], ["Capability", "Level", "Evidence"]]
    rows += [[TITLES[n], GIVEN[n], "seen"] for n in range(1, 22)]
    result = read("long.xlsx", xlsx({"MNR": rows}))
    expected = {n: level for n, level in GIVEN.items() if level is not None}
    assert by_assessment(result) == {("Nepal", 2024, None): expected}
