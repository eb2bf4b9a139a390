"""Countries and their rounds in time order, and domain scores across them:
components.scoring.rounds.
"""

from __future__ import annotations

import pandas as pd
import pytest

from components.scoring.rounds import country_rounds, domain_trend, latest_assessments
from tests.scoring.frames import DOMAIN_IDS, FRAMEWORK, assessment, collection

# --- countries and rounds ---------------------------------------------------------------------

# (id, country, year, date, round)
ROUNDS = {
    "year-only": [
        ("k21", "Kenya", 2021, None, None),
        ("k23", "Kenya", 2023, None, None),
        ("k22", "Kenya", 2022, None, None),
    ],
    "date-beats-year": [
        ("dated", "Ruritania", 2022, "2022-03-01", None),
        ("year", "Ruritania", 2022, None, None),
        ("earlier", "Ruritania", 2021, "2021-12-31", None),
    ],
    "dates-within-a-year": [
        ("late", "Ruritania", 2022, "2022-11-30", None),
        ("early", "Ruritania", 2022, "2022-01-15", None),
    ],
    "round-labels-in-order-of-appearance": [
        ("base", "Ruritania", 2022, None, "Baseline"),
        ("follow", "Ruritania", 2022, None, "Follow-up"),
    ],
    "unlabelled-before-labelled": [
        ("labelled", "Ruritania", 2022, None, "Review"),
        ("plain", "Ruritania", 2022, None, None),
    ],
    "undated-first": [
        ("undated", "Ruritania", None, None, None),
        ("dated", "Ruritania", 2019, None, None),
    ],
    "same-key-later-row-wins": [
        ("first", "Ruritania", 2022, None, None),
        ("second", "Ruritania", 2022, None, None),
    ],
}


def _rounds_frame(rows: list[tuple]) -> pd.DataFrame:
    return collection(
        *(
            assessment(aid, {1: 2}, country=country, year=year, date=date, round_label=label)
            for aid, country, year, date, label in rows
        )
    )


@pytest.mark.parametrize(
    ("case", "order"),
    [
        ("year-only", ["k21", "k22", "k23"]),
        ("date-beats-year", ["earlier", "year", "dated"]),
        ("dates-within-a-year", ["early", "late"]),
        ("round-labels-in-order-of-appearance", ["base", "follow"]),
        ("unlabelled-before-labelled", ["plain", "labelled"]),
        ("undated-first", ["undated", "dated"]),
        ("same-key-later-row-wins", ["first", "second"]),
    ],
)
def test_country_rounds_time_order_and_latest(case, order):
    frame = _rounds_frame(ROUNDS[case])
    country = ROUNDS[case][0][1]
    rounds = country_rounds(frame, country)
    assert rounds["assessment_id"].tolist() == order
    assert latest_assessments(frame) == [order[-1]]


def test_latest_per_country_compares_country_case_and_space_insensitively():
    frame = _rounds_frame(
        [
            ("z-old", "Zembla", 2019, None, None),
            ("k-old", "Kenya", 2020, None, None),
            ("k-new", "  KENYA ", 2024, None, None),
            ("a-only", "atlantis", 2018, None, None),
            ("z-new", "zembla", 2021, "2021-06-01", None),
        ]
    )
    assert latest_assessments(frame) == ["a-only", "k-new", "z-new"]
    assert country_rounds(frame, "kenya")["assessment_id"].tolist() == ["k-old", "k-new"]


@pytest.mark.parametrize(
    ("rows", "labels"),
    [
        pytest.param(
            [("a", "X", 2021, None, None), ("b", "X", 2022, None, "Baseline")],
            ["2021", "2022 (Baseline)"],
            id="year-and-round",
        ),
        pytest.param(
            [("a", "X", 2021, "2021-05-01", None), ("b", "X", 2021, "2021-09-01", "Follow-up")],
            ["2021-05-01", "2021-09-01 (Follow-up)"],
            id="date-wins-over-year",
        ),
        pytest.param(
            [("a", "X", None, None, None), ("b", "X", None, None, "Pilot")],
            ["Undated", "Undated (Pilot)"],
            id="undated",
        ),
        pytest.param(
            [("a", "X", 2021, None, None), ("b", "X", 2021, None, None)],
            ["2021", "2021 #2"],
            id="repeated-labels-made-unique",
        ),
    ],
)
def test_country_round_labels(rows, labels):
    rounds = country_rounds(_rounds_frame(rows), "X")
    assert rounds["label"].tolist() == labels


def test_country_rounds_count_assessed_and_unknown_country_is_empty():
    frame = collection(
        assessment("a", {1: 2, 2: None, 3: 0}, country="Kenya", year=2021),
        assessment("b", {}, country="Kenya", year=2022),
    )
    rounds = country_rounds(frame, "Kenya")
    assert rounds["assessed"].tolist() == [2, 0]
    assert rounds["year"].tolist() == [2021, 2022]
    empty = country_rounds(frame, "Atlantis")
    assert empty.empty
    assert empty[["assessment_id", "label"]].empty  # what a picker reads is there


def test_domain_trend_long_over_all_rounds():
    frame = collection(
        assessment("late", {1: 4}, country="Kenya", year=2023),
        assessment("other", {1: 1}, country="Atlantis", year=2023),
        assessment("early", {1: 2, 2: 3}, country="kenya", year=2020, round_label="Baseline"),
    )
    trend = domain_trend(frame, "Kenya", FRAMEWORK)
    assert trend["assessment_id"].tolist() == ["early"] * 6 + ["late"] * 6
    assert trend["order"].tolist() == [0] * 6 + [1] * 6
    assert trend["label"].tolist() == ["2020 (Baseline)"] * 6 + ["2023"] * 6
    assert trend["domain"].tolist() == DOMAIN_IDS * 2
    policy = trend[trend["domain"] == "policy-and-governance"]
    assert policy["score"].tolist() == [2.5, 4.0]
    assert policy["assessed"].tolist() == [2, 1]
    assert trend["score"].isna().sum() == 10
