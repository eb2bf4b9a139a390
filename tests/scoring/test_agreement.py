"""The statistics of a room's votes: median, middle half, disagreement, "don't know"."""

from __future__ import annotations

import pandas as pd
import pytest

from components.framework.model import default_framework
from components.scoring.agreement import (
    agreement,
    agreement_word,
    decision_text,
    distribution_text,
    median_text,
    spread_text,
    summary_table,
)

SCALE = default_framework().scale


@pytest.mark.parametrize(
    ("votes", "median", "quartiles", "disagreement"),
    [
        ([], None, (None, None), False),
        ([2], 2, (2, 2), False),
        ([2, None], 2, (2, 2), False),  # "don't know" never enters the numbers
        ([1, 3], 2, (1, 3), True),  # half the room at 1, half at 3
        ([1, 2], 1.5, (1, 2), False),
        ([1, 2, 3], 2, (1, 3), True),  # three votes over three levels
        ([2, 2, 2, 2, 4], 2, (2, 3), False),  # one outlier is not disagreement
        ([0, 2, 2, 2, 4], 2, (1, 3), True),
        ([2] * 36 + [0, 0, 4, 4], 2, (2, 2), False),  # a big room agreeing, four outliers
        ([0] * 10 + [4] * 10, 2, (0, 4), True),  # a split room
        ([3, 3, 3, 3, None, None, None], 3, (3, 3), False),
    ],
)
def test_median_middle_half_and_disagreement(votes, median, quartiles, disagreement):
    result = agreement(votes, SCALE)
    assert result.votes == len(votes)
    assert result.dont_know == votes.count(None)
    assert result.counted == len(votes) - votes.count(None)
    assert result.median == median
    assert (result.lower_quartile, result.upper_quartile) == quartiles
    assert result.disagreement is disagreement
    assert sum(result.distribution.values()) == result.counted
    assert list(result.distribution) == list(SCALE.values)


def test_pandas_missing_values_are_dont_know_and_unknown_levels_are_refused():
    result = agreement(pd.array([1, pd.NA, 3], dtype="Int64"), SCALE)
    assert (result.votes, result.dont_know, result.median) == (3, 1, 2)
    with pytest.raises(ValueError, match="not a level"):
        agreement([7], SCALE)


@pytest.mark.parametrize(
    ("votes", "median", "spread", "word"),
    [
        ([], "–", "no votes with a level", "No votes with a level yet"),
        ([None], "–", "no votes with a level", "No votes with a level yet"),
        ([2], "2 · Developing", "middle half at 2 · every vote at 2", "One vote"),
        (
            [2, 3],
            "2.5 (between 2 · Developing and 3 · Established)",
            "middle half 2 to 3 · all votes 2 to 3",
            "Agreement",
        ),
        ([0, 2, 4], "2 · Developing", "middle half 0 to 4 · all votes 0 to 4", "Disagreement"),
    ],
)
def test_the_words_on_the_screen(votes, median, spread, word):
    result = agreement(votes, SCALE)
    assert median_text(result, SCALE) == median
    assert spread_text(result) == spread
    assert agreement_word(result).startswith(word)


def test_distribution_text_counts_every_level_and_dont_know():
    result = agreement([0, 2, 2, None], SCALE)
    assert distribution_text(result) == "0: 1 · 1: 0 · 2: 2 · 3: 0 · 4: 0 · don't know: 1"


def test_summary_table_follows_the_workshop_order_and_its_decisions():
    framework = default_framework()
    votes = pd.DataFrame(
        {
            "capability": [7, 7, 7, 3],
            "participant": [1, 2, 3, 1],
            "level": pd.array([1, 3, pd.NA, 2], dtype="Int64"),
            "comment": [None, "=SUM(A1)", None, None],
        }
    )
    decisions = pd.DataFrame(
        {
            "capability": [3, 7, 12],
            "position": [1, 0, 2],
            "decided": [True, True, False],
            "agreed_level": pd.array([pd.NA, 2, pd.NA], dtype="Int64"),
            "note": [None, "after discussion", None],
        }
    )
    table = summary_table(votes, decisions, framework)
    assert list(table["capability"]) == [7, 3, 12]
    assert list(table["votes"]) == [3, 1, 0]
    assert list(table["dont_know"]) == [1, 0, 0]
    assert table["counts"][0] == (0, 1, 0, 1, 0)
    assert list(table["disagreement"]) == [True, False, False]
    assert table["median"].tolist()[:2] == [2, 2]
    assert pd.isna(table["median"][2])
    assert [
        decision_text(d, a, framework.scale)
        for d, a in zip(table["decided"], table["agreed_level"], strict=True)
    ] == ["2 · Developing", "Not assessed", "Not decided"]
    assert table["note"][0] == "after discussion"
