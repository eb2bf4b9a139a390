"""Choosing what to look at: one country per spelling, rounds in time order, filters."""

import pandas as pd
import pytest

from components.ingest.labels import assessment_labels
from components.ui.selection import (
    countries_with_rounds,
    country_choices,
    default_comparison,
    filter_assessments,
    latest_of_each,
    round_choices,
    undated_count,
    year_choices,
)
from tests.factories import capability_rows


@pytest.fixture(scope="module")
def capabilities():
    return pd.concat(
        [
            capability_rows("k1", "Kenya", 2020, {1: 1}),
            capability_rows("k2", "KENYA ", 2023, {1: 2}, round_label="Review"),
            capability_rows("c1", "Côte d'Ivoire", 2021, {1: 1}),
            capability_rows("c2", "Cote d Ivoire", 2019, {1: 0}),
            capability_rows("b1", "Belmora", None, {1: 3}),
        ],
        ignore_index=True,
    )


def test_one_choice_per_country_whatever_the_spelling(capabilities):
    assert country_choices(capabilities) == ["Belmora", "Côte d'Ivoire", "Kenya"]


def test_rounds_of_all_spellings_in_time_order(capabilities):
    assert round_choices(capabilities, "Kenya") == {"k1": "2020", "k2": "2023 (Review)"}
    assert list(round_choices(capabilities, "Côte d'Ivoire")) == ["c2", "c1"]
    assert round_choices(capabilities, None) == {}


def test_countries_with_rounds(capabilities):
    assert countries_with_rounds(capabilities, minimum=2) == ["Côte d'Ivoire", "Kenya"]


@pytest.mark.parametrize(
    ("countries", "focus", "expected"),
    [
        (["A", "B", "C", "D", "E"], "C", ["C", "A", "B", "D"]),
        (["A", "B"], "B", ["B", "A"]),
        (["A", "B"], None, ["A", "B"]),
        (["A", "B"], "Gone", ["A", "B"]),
    ],
)
def test_default_comparison(countries, focus, expected):
    assert default_comparison(countries, focus) == expected


def test_latest_of_each_and_the_focus(capabilities):
    ids, focus = latest_of_each(capabilities, ["Kenya", "Belmora"], "Kenya")
    assert (ids, focus) == (["k2", "b1"], "k2")
    assert latest_of_each(capabilities, ["Belmora"], "Kenya") == (["b1"], None)


@pytest.mark.parametrize(
    ("which", "years", "expected"),
    [
        ("all", (), {"k1", "k2", "c1", "c2", "b1"}),
        ("years", (2020, 2021), {"k1", "c1"}),
        ("years", (), set()),
        ("latest", (), {"k2", "c1", "b1"}),
    ],
)
def test_filter_assessments(capabilities, which, years, expected):
    assert set(filter_assessments(capabilities, which, years)) == expected


def test_years_and_undated(capabilities):
    assert year_choices(capabilities) == [2019, 2020, 2021, 2023]
    assert undated_count(capabilities) == 1


def test_assessment_labels(capabilities):
    labels = assessment_labels(capabilities)
    assert labels["k2"] == "KENYA 2023 (Review)"
    assert labels["b1"] == "Belmora"
