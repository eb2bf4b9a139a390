"""The heatmap's matrix and its row order: components.scoring.heatmap."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from components.scoring.heatmap import heatmap_matrix, sort_assessments
from tests.scoring.frames import FRAMEWORK, assessment, collection, one


def test_heatmap_matrix_shape_order_and_missing():
    frame = collection(
        assessment("a", {1: 3, 21: 0}, evidence={1: "Strategy 2020"}),
        assessment("b", {2: 1}),
        assessment("c", {}),
    )
    levels, evidence = heatmap_matrix(frame, FRAMEWORK, ["c", "a", "b"])
    assert levels.shape == evidence.shape == (3, 21)
    assert levels.index.tolist() == evidence.index.tolist() == ["c", "a", "b"]
    assert levels.columns.tolist() == evidence.columns.tolist() == list(range(1, 22))
    assert (levels.dtypes == "float64").all()
    assert levels.loc["a", 1] == 3.0
    assert levels.loc["a", 21] == 0.0  # level 0 is a value, not a gap
    assert math.isnan(levels.loc["a", 2])
    assert levels.loc["c"].isna().all()
    assert evidence.loc["a", 1] == "Strategy 2020"
    assert evidence.loc["b", 2] == ""
    assert evidence.map(lambda value: isinstance(value, str)).all().all()


def test_heatmap_matrix_unknown_id_is_a_key_error():
    with pytest.raises(KeyError, match="ghost"):
        heatmap_matrix(one({1: 1}), FRAMEWORK, ["a", "ghost"])


def _sortable() -> pd.DataFrame:
    return collection(
        assessment("zem", {1: 2, 20: 1}, country="Zembla", year=2021),
        assessment("atl-22", {1: 3}, country="Atlantis", year=2022),
        assessment("none", {}, country="Borduria", year=2021),
        assessment("atl-20", {1: 3, 20: 3}, country="atlantis", year=2020),
        assessment("kor", {1: 4}, country="Korona", year=2021),
        assessment("ber", {1: 4}, country="Bergland", year=2021),
    )


SORTABLE_IDS = ["zem", "atl-22", "none", "atl-20", "kor", "ber"]


@pytest.mark.parametrize(
    ("by", "order"),
    [
        # Overall: ber and kor tie at 4 (country name decides), atl-20 and atl-22 tie at 3
        # (same country: the earlier year first), zem 1.5, none has no score: last.
        ("overall", ["ber", "kor", "atl-20", "atl-22", "zem", "none"]),
        # Media: atl-20 3, zem 1; the rest have no score and follow by country, then year.
        ("domain:media-and-communications", ["atl-20", "zem", "atl-22", "ber", "none", "kor"]),
        ("domain:victim", ["atl-20", "atl-22", "ber", "none", "kor", "zem"]),
        ("name", ["atl-20", "atl-22", "ber", "none", "kor", "zem"]),
    ],
)
def test_sort_assessments(by, order):
    assert sort_assessments(_sortable(), FRAMEWORK, SORTABLE_IDS, by) == order


def test_sort_assessments_only_returns_the_given_ids():
    assert sort_assessments(_sortable(), FRAMEWORK, ["zem", "kor"], "overall") == [
        "kor",
        "zem",
    ]


@pytest.mark.parametrize(
    ("by", "error"),
    [("score", ValueError), ("domain:nowhere", ValueError), ("", ValueError)],
)
def test_sort_assessments_rejects_unknown_orders(by, error):
    with pytest.raises(error):
        sort_assessments(_sortable(), FRAMEWORK, ["zem"], by)
