"""The level column empty (its pictures lost in a PDF's conversion) and the scale's labels in a
Status column beside it: the labels are read as the levels, with a warning; anything less sure
is not."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.reader_support import (
    FW,
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    errors,
    read,
    xlsx,
)

LEVELS = {n: (n + 1) % 5 for n in range(1, 22)}
FRENCH = {0: "Pas en place", 1: "En construction", 2: "En développement", 3: "Établi", 4: "Mature"}


def _rows(heading: str, status: dict[int, Any], score: str = "Score") -> list[list[Any]]:
    rows: list[list[Any]] = [["Fiji – National MNR self-assessment 2023"]]
    rows.append(["No.", "Capability", score, heading])
    return rows + [[n, TITLES[n], None, status.get(n)] for n in LEVELS]


LABELS = {n: FW.scale.level(level).label for n, level in LEVELS.items()}


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
@pytest.mark.parametrize(
    ("heading", "status", "expected"),
    [
        ("Status", LABELS, LEVELS),
        ("Rating", {n: v.upper() for n, v in LABELS.items()}, LEVELS),
        ("Maturity", {n: FRENCH[level] for n, level in LEVELS.items()}, LEVELS),
        ("Statut", {n: FRENCH[level] for n, level in LEVELS.items()}, LEVELS),  # unknown header
        # not assessed in words, one left blank: those capabilities are not assessed
        (
            "Status",
            LABELS | {4: "Not assessed", 9: None},
            {n: v for n, v in LEVELS.items() if n not in (4, 9)},
        ),
    ],
)
def test_the_scale_labels_beside_an_empty_level_column_are_read(heading, status, expected, kind):
    rows = _rows(heading, status)
    data = xlsx({"Table 1": rows}) if kind == "xlsx" else csv_bytes(rows)
    result = read(f"fiji.{kind}", data)
    assert by_assessment(result) == {("Fiji", 2023, None): expected}
    assert not errors(result)
    # Said by ``status_levels``, or by ``empty_levels`` where the heading is a level's.
    assert any(
        p.severity == "warning"
        and "“Score”" in p.message
        and "empty" in p.message
        and f"“{heading}”" in p.message
        for p in result.problems
    )


@pytest.mark.parametrize(
    ("heading", "status"),
    [
        # a status of the work, not the scale's labels
        ("Status", {n: ("In progress", "Completed")[n % 2] for n in LEVELS}),
        # a Description column holding labels: the template's levels typed in the wrong place
        ("Description", LABELS),
    ],
)
def test_other_columns_beside_an_empty_level_column_are_not_read(heading, status):
    result = read("fiji.xlsx", xlsx({"Table 1": _rows(heading, status)}))
    assert not any(by_assessment(result).values())
    assert not [p for p in result.problems if "is empty, and the column" in p.message]
    assert errors(result)  # said: the levels in the other column, or the level column empty


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        # levels written out with their numbers
        ({n: f"{level} - {LABELS[n]}" for n, level in LEVELS.items()}, LEVELS),
        # two labels only: those two capabilities
        ({1: LABELS[1], 2: LABELS[2]}, {1: LEVELS[1], 2: LEVELS[2]}),
    ],
)
def test_a_status_column_of_levels_beside_an_empty_score_column_is_read(status, expected):
    """ "Status" is headed as a level is: its levels are read, the empty column said
    (``empty_levels``)."""
    result = read("fiji.xlsx", xlsx({"Table 1": _rows("Status", status)}))
    assert by_assessment(result) == {("Fiji", 2023, None): expected}
    assert_problem(result, "warning", "C2", "is empty: the levels read are those of “Status”")


def test_a_level_column_with_levels_keeps_them_beside_a_status_column():
    rows = _rows("Status", LABELS)
    for row in rows[2:]:
        row[2] = LEVELS[row[0]]
    result = read("fiji.xlsx", xlsx({"Table 1": rows}))
    assert by_assessment(result) == {("Fiji", 2023, None): LEVELS}
    assert not [p for p in result.problems if "is empty, and the column" in p.message]
