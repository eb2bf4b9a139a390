"""Change between two rounds, per capability and per domain: components.scoring.change."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from components.scoring.change import (
    CHANGE_STATUSES,
    capability_changes,
    domain_changes,
    largest_drops,
)
from tests.scoring.frames import DOMAIN_IDS, FRAMEWORK, assessment, collection

CHANGE_CASES = [
    # capability, level before, level after, change, status
    (1, 1, 3, 2, "improved"),
    (2, 2, 2, 0, "unchanged"),
    (3, 4, 1, -3, "declined"),
    (4, None, 2, None, "newly assessed"),
    (5, 3, None, None, "no longer assessed"),
    (6, None, None, None, "not assessed"),
    (7, 0, 0, 0, "unchanged"),
    (8, 3, 2, -1, "declined"),
    (9, 2, 1, -1, "declined"),
    (10, 4, 0, -4, "declined"),
    (11, 0, 4, 4, "improved"),
]


def _before_after() -> pd.DataFrame:
    before = {number: level for number, level, _, _, _ in CHANGE_CASES}
    after = {number: level for number, _, level, _, _ in CHANGE_CASES}
    return collection(
        assessment("before", before, year=2020), assessment("after", after, year=2023)
    )


@pytest.mark.parametrize(("number", "before", "after", "change", "status"), CHANGE_CASES)
def test_capability_changes(number, before, after, change, status):
    changes = capability_changes(_before_after(), "before", "after", FRAMEWORK)
    row = changes.set_index("capability").loc[number]
    assert row["status"] == status
    for column, expected in (("level_before", before), ("level_after", after), ("change", change)):
        assert (pd.isna(row[column]) and expected is None) or row[column] == expected


def test_capability_changes_cover_every_capability_and_status():
    changes = capability_changes(_before_after(), "before", "after", FRAMEWORK)
    assert changes["capability"].tolist() == list(range(1, 22))
    assert set(changes["status"]) == set(CHANGE_STATUSES)
    assert changes["change"].dtype == "Int64"
    assert changes["title"].tolist() == [c.title for c in FRAMEWORK.capabilities]


def test_domain_changes_only_where_both_rounds_have_a_score():
    frame = collection(
        assessment("before", {1: 1, 2: 3, 4: 2, 20: 1}, year=2020),
        assessment("after", {1: 3, 2: 3, 3: 3, 8: 2, 20: None}, year=2023),
    )
    changes = domain_changes(frame, "before", "after", FRAMEWORK)
    assert changes["domain"].tolist() == DOMAIN_IDS
    rows = changes.set_index("domain")
    policy = rows.loc["policy-and-governance"]
    assert policy["score_before"] == 2.0
    assert policy["score_after"] == 3.0
    assert policy["change"] == 1.0
    assert policy[["assessed_before", "assessed_after", "total"]].tolist() == [2, 3, 3]
    assert math.isnan(rows.loc["criminal-justice", "change"])  # no longer assessed
    assert math.isnan(rows.loc["victim", "change"])  # newly assessed
    assert rows.loc["victim", "score_after"] == 2.0
    assert math.isnan(rows.loc["media-and-communications", "score_after"])
    assert math.isnan(rows.loc["industry", "change"])  # neither


@pytest.mark.parametrize(
    ("n", "expected"),
    [(5, [10, 3, 8, 9]), (2, [10, 3]), (0, [])],
)
def test_largest_drops_most_negative_first_ties_by_number(n, expected):
    changes = capability_changes(_before_after(), "before", "after", FRAMEWORK)
    drops = largest_drops(changes, n=n)
    assert drops["capability"].tolist() == expected
    assert (drops["status"] == "declined").all()
    assert list(drops.columns) == list(changes.columns)


def test_changes_input_of_largest_drops_is_not_mutated():
    changes = capability_changes(_before_after(), "before", "after", FRAMEWORK)
    before = changes.copy(deep=True)
    largest_drops(changes, n=2)
    pd.testing.assert_frame_equal(changes, before)
