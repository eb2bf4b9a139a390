"""Change between two rounds, per capability and per domain: components.scoring.change."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from components.scoring.change import (
    CHANGE_STATUSES,
    capability_changes,
    change_text,
    domain_changes,
    largest_drops,
    overall_change,
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
    assert policy["change"] == 1.0  # like for like: 1 rose by 2, 2 stayed; 3 is new
    assert policy[["compared", "assessed_before", "assessed_after", "total"]].tolist() == [
        2,
        2,
        3,
        3,
    ]
    assert math.isnan(rows.loc["criminal-justice", "change"])  # no longer assessed
    assert math.isnan(rows.loc["victim", "change"])  # newly assessed
    assert rows.loc["victim", "score_after"] == 2.0
    assert math.isnan(rows.loc["media-and-communications", "score_after"])
    assert math.isnan(rows.loc["industry", "change"])  # neither
    assert rows["compared"].tolist() == [2, 0, 0, 0, 0, 0]


# Hand-made cases where the difference of two domain scores and the like-for-like change
# disagree, most of them in sign. (name, domain, levels before, levels after,
# naive difference of the scores, like-for-like change or None, capabilities compared)
LIKE_FOR_LIKE_CASES = [
    # 1 (4) is dropped, 2 rises 1 -> 2, 3 (0) is new: the scores fall, the capability rose.
    ("rose-but-scores-fell", "policy-and-governance", {1: 4, 2: 1}, {2: 2, 3: 0}, -1.5, 1.0, 1),
    # 4 (0) is dropped, 5 falls 3 -> 2, 6 and 7 (4) are new: the scores rise, it fell.
    ("fell-but-scores-rose", "criminal-justice", {4: 0, 5: 3}, {5: 2, 6: 4, 7: 4}, 11 / 6, -1.0, 1),
    # Nothing measured twice: the scores differ by +3.0, but there is no change to show.
    ("nothing-in-common", "victim", {8: 1}, {9: 4}, 3.0, None, 0),
    # 12 and 13 both fall by 1; 14 (0) dropped, 15 (4) new: scores rise, both fell.
    (
        "two-fell-scores-rose",
        "societal",
        {12: 2, 13: 3, 14: 0},
        {12: 1, 13: 2, 15: 4},
        2 / 3,
        -1.0,
        2,
    ),
    # The same capabilities in both rounds: the two figures agree.
    ("same-capabilities", "industry", {16: 1, 17: 2}, {16: 2, 17: 4}, 1.5, 1.5, 2),
    # One capability unchanged, another dropped at a high level: scores fall, no change.
    (
        "unchanged-but-scores-fell",
        "media-and-communications",
        {20: 1, 21: 4},
        {20: 1},
        -1.5,
        0.0,
        1,
    ),
]


@pytest.mark.parametrize(
    ("name", "domain", "before", "after", "naive", "like_for_like", "compared"),
    LIKE_FOR_LIKE_CASES,
    ids=[case[0] for case in LIKE_FOR_LIKE_CASES],
)
def test_domain_change_is_like_for_like(
    name, domain, before, after, naive, like_for_like, compared
):
    frame = collection(
        assessment("before", before, year=2020), assessment("after", after, year=2023)
    )
    row = domain_changes(frame, "before", "after", FRAMEWORK).set_index("domain").loc[domain]
    assert row["score_after"] - row["score_before"] == pytest.approx(naive)
    assert row["compared"] == compared
    if like_for_like is None:
        assert math.isnan(row["change"])
        assert change_text(row["change"], compared, row["total"]) == (
            "no change shown: no capability was assessed in both rounds"
        )
    else:
        assert row["change"] == pytest.approx(like_for_like)
        if name != "same-capabilities":
            assert (row["change"] > 0) != (naive > 0) or row["change"] == 0


# (levels before, levels after, naive difference of the overall scores, like for like, compared)
OVERALL_CASES = [
    ({1: 4, 2: 1}, {2: 2, 3: 0}, -1.5, 1.0, 1),
    ({4: 0, 5: 3, 8: 0}, {5: 2, 6: 4, 8: 0}, 1.0, -0.5, 2),
    ({8: 1}, {9: 4}, 3.0, None, 0),
    (dict.fromkeys(range(1, 22), 2), dict.fromkeys(range(1, 22), 3), 1.0, 1.0, 21),
]


@pytest.mark.parametrize(("before", "after", "naive", "like_for_like", "compared"), OVERALL_CASES)
def test_overall_change_is_like_for_like(before, after, naive, like_for_like, compared):
    frame = collection(
        assessment("before", before, year=2020), assessment("after", after, year=2023)
    )
    overall = overall_change(frame, "before", "after", FRAMEWORK)
    before_mean = sum(before.values()) / len(before)
    after_mean = sum(after.values()) / len(after)
    assert after_mean - before_mean == pytest.approx(naive)
    assert overall["compared"] == compared
    assert overall["total"] == 21
    assert overall["assessed_before"] == len(before)
    assert overall["assessed_after"] == len(after)
    if like_for_like is None:
        assert math.isnan(overall["change"])
    else:
        assert overall["change"] == pytest.approx(like_for_like)


@pytest.mark.parametrize(
    ("change", "compared", "total", "text"),
    [
        (0.5, 3, 4, "+0.5 over 3 of 4 capabilities"),
        (-1.25, 2, 4, "−1.3 over 2 of 4 capabilities"),  # halves away from zero
        (0.25, 4, 4, "+0.3 over 4 of 4 capabilities"),
        (0.04, 21, 21, "0.0 over 21 of 21 capabilities"),
        (-0.04, 1, 2, "0.0 over 1 of 2 capabilities"),
        (float("nan"), 0, 4, "no change shown: no capability was assessed in both rounds"),
        (1.0, 1, 1, "+1.0 over 1 of 1 capability"),
    ],
)
def test_change_text_says_over_how_many(change, compared, total, text):
    assert change_text(change, compared, total) == text


@pytest.mark.parametrize(
    ("before", "after", "compared", "total", "text"),
    [
        # Victim in the demo: 3.25 → 3.5 shows as 3.3 → 3.5 (the exact change is +0.25)
        (3.25, 3.5, 4, 4, "+0.2 over 4 of 4 capabilities"),
        # All capabilities: 2.143 → 2.952 shows as 2.1 → 3.0 (the exact change is +0.81)
        (45 / 21, 62 / 21, 21, 21, "+0.9 over 21 of 21 capabilities"),
        (2.25, 2.25, 4, 4, "0.0 over 4 of 4 capabilities"),
    ],
)
def test_change_text_of_the_same_capabilities_is_the_difference_of_the_shown_scores(
    before, after, compared, total, text
):
    assert change_text(after - before, compared, total, scores=(before, after)) == text


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
