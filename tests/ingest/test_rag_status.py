"""A tracker's Status column of traffic-light colours (components/ingest/rag_status.py):
a rating, left unread with one warning, never an error per row nor read as a plan status."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import LABELS, TITLES, by_assessment, errors, read, xlsx

LEVELS = {n: n % 4 for n in range(1, 22)}


def tracker(statuses: list[object]) -> bytes:
    rows: list[list[object]] = [["Capability", "Current Level", "Target Level", "Status"]]
    for n, level in LEVELS.items():
        status = statuses[n % len(statuses)]
        rows.append([TITLES[n], f"{level} - {LABELS[level]}", f"{level + 1}", status])
    return xlsx({"Kenya MNR Tracker": rows})


@pytest.mark.parametrize(
    "statuses",
    [
        ["Green", "Yellow", "Red"],
        ["Amber", "Green", None],
        ["RED", "amber", "GREEN"],
        ["Rouge", "Orange", "Vert"],
        ["Verde", "Amarillo", "Rojo"],
        ["🟢", "🟡", "🔴"],
        ["Blue", "Green"],
    ],
)
def test_a_status_of_colours_is_a_rating_not_the_plans_status(statuses):
    result = read("tracker.xlsx", tracker(statuses))
    assert by_assessment(result) == {("Kenya", None, None): LEVELS}
    assert not errors(result)
    said = [p for p in result.problems if "traffic-light colours" in p.message]
    assert len(said) == 1
    assert said[0].cell == "D1"
    assert said[0].severity == "warning"
    assert said[0].fix
    # the targets are kept as the plan, with no status read from the colours
    assert sorted(result.plans["capability"]) == list(range(1, 22))
    assert set(result.plans["status"]) == {"not started"}


@pytest.mark.parametrize(
    ("statuses", "read_as", "wrong"),
    [
        (["Done", "In progress", "Not started"], {"done", "under way", "not started"}, 0),
        # colours among statuses: a status column with wrong values, each said as before
        (["Done", "Green", "In progress"], {"done", "under way", "not started"}, 7),
    ],
)
def test_a_status_column_of_statuses_is_read_as_before(statuses, read_as, wrong):
    result = read("tracker.xlsx", tracker(statuses))
    assert set(result.plans["status"]) == read_as
    assert not any("traffic-light" in p.message for p in result.problems)
    assert sum("is not one the app knows" in p.message for p in errors(result)) == wrong
