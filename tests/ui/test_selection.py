"""Choosing what to look at: one country per spelling, rounds in time order, filters."""

import pandas as pd
import pytest

from components.ingest.labels import assessment_labels
from components.ui.selection import (
    countries_with_rounds,
    country_aliases,
    country_choices,
    default_comparison,
    filter_assessments,
    focus_of,
    latest_of_each,
    overlay_choices,
    overlay_picker,
    round_choices,
    round_pair,
    same_kind_countries,
    same_kind_ids,
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


@pytest.mark.parametrize(
    ("focus_id", "country", "earlier", "others"),
    [
        ("k2", "Kenya", {"k1": "2020"}, {"b1": "Belmora", "c1": "Côte d'Ivoire 2021"}),
        ("k1", "Kenya", {"k2": "2023 (Review)"}, {"b1": "Belmora", "c1": "Côte d'Ivoire 2021"}),
        ("b1", "Belmora", {}, {"c1": "Côte d'Ivoire 2021", "k2": "KENYA 2023 (Review)"}),
    ],
    ids=["latest round", "earlier round", "one round only"],
)
def test_a_profile_overlays_another_round_or_another_countrys_latest(
    capabilities, focus_id, country, earlier, others
):
    choices = overlay_choices(capabilities, focus_id, country)
    assert choices.earlier == earlier
    assert choices.others == others
    assert list(choices.other_countries) == list(others)


def test_overlay_countries_are_named_for_links(capabilities):
    choices = overlay_choices(capabilities, "k2", "Kenya")
    assert choices.other_countries == {"b1": "Belmora", "c1": "Côte d'Ivoire"}


@pytest.mark.parametrize(
    ("ids", "countries", "focus", "expected"),
    [
        (["k2", "b1"], ["Kenya", "Belmora"], "Kenya", "k2"),
        (["k2", "b1"], ["Kenya", "Belmora"], "Belmora", "b1"),
        (["k2", "b1"], ["Kenya", "Belmora"], "Côte d'Ivoire", None),
        (["k2", "b1"], ["Kenya", "Belmora"], None, None),
    ],
)
def test_focus_of_a_comparison(ids, countries, focus, expected):
    assert focus_of(ids, countries, focus) == expected


@pytest.mark.parametrize(
    ("focus", "anonymised", "expected"),
    [
        ("Kenya", False, {"Belmora": "Belmora", "Kenya": "Kenya", "Zembla": "Zembla"}),
        ("Kenya", True, {"Belmora": "Country A", "Kenya": "Kenya", "Zembla": "Country B"}),
        (None, True, {"Belmora": "Country A", "Kenya": "Country B", "Zembla": "Country C"}),
    ],
    ids=["named", "anonymised", "anonymised without a focus"],
)
def test_country_aliases(focus, anonymised, expected):
    assert country_aliases(["Belmora", "Kenya", "Zembla"], focus, anonymised=anonymised) == expected


@pytest.mark.parametrize(
    ("focus", "comparable"),
    [
        # Invented scores never stand beside a real country's, nor real ones beside the demo.
        ("Zembla", ["Yland", "Zembla"]),
        ("Arvenia", ["Arvenia", "Belmora"]),
    ],
)
def test_a_comparison_keeps_to_the_focus_kind(focus, comparable):
    real = pd.concat(
        [capability_rows("z", "Zembla", 2024, {1: 2}), capability_rows("y", "Yland", 2024, {1: 3})]
    ).assign(origin="upload")
    demo = pd.concat(
        [capability_rows("a", "Arvenia", 2024, {1: 1}), capability_rows("b", "Belmora", 2024, {})]
    ).assign(origin="demo")
    capabilities = pd.concat([real, demo], ignore_index=True)
    countries = ["Arvenia", "Belmora", "Yland", "Zembla"]
    assert same_kind_countries(capabilities, countries, focus) == comparable


ROUNDS = ["r2019", "r2021", "r2023"]


@pytest.mark.parametrize(
    ("earlier", "later", "keep_earlier", "expected"),
    [
        # in order: kept as chosen
        ("r2019", "r2021", False, ("r2019", "r2021", False, False)),
        ("r2019", "r2023", True, ("r2019", "r2023", False, False)),
        # a link the wrong way round is swapped, never read backwards
        ("r2023", "r2019", False, ("r2019", "r2023", True, False)),
        ("r2021", "r2019", False, ("r2019", "r2021", True, False)),
        # a person who just chose a later "From" keeps it; "To" moves to the latest
        ("r2021", "r2019", True, ("r2021", "r2023", True, False)),
        # the same round twice: compared with the latest, the latest with the round before
        ("r2021", "r2021", False, ("r2021", "r2023", False, True)),
        ("r2023", "r2023", True, ("r2021", "r2023", False, True)),
        ("r2019", "r2019", True, ("r2019", "r2023", False, True)),
        # nothing chosen, or rounds of another country: the previous round to the latest
        (None, None, False, ("r2021", "r2023", False, False)),
        ("elsewhere", "r2021", False, ("r2019", "r2021", False, False)),
        ("r2019", "elsewhere", True, ("r2019", "r2023", False, False)),
    ],
)
def test_round_pair_is_always_earlier_to_later(earlier, later, keep_earlier, expected):
    pair = round_pair(ROUNDS, earlier, later, keep_earlier=keep_earlier)
    assert (pair.earlier, pair.later, pair.reversed_, pair.same) == expected
    assert ROUNDS.index(pair.earlier) < ROUNDS.index(pair.later)


def test_round_pair_needs_two_rounds():
    with pytest.raises(ValueError, match="two rounds"):
        round_pair(["only"], None, None)


@pytest.mark.parametrize(
    ("focus", "kept"), [("Zembla", ["z", "y"]), ("Arvenia", ["a"]), (None, ["z", "y"])]
)
def test_a_grid_keeps_to_the_focus_kind(focus, kept):
    real = pd.concat(
        [capability_rows("z", "Zembla", 2024, {1: 2}), capability_rows("y", "Yland", 2024, {1: 3})]
    ).assign(origin="upload")
    demo = capability_rows("a", "Arvenia", 2024, {1: 1}).assign(origin="demo")
    capabilities = pd.concat([real, demo], ignore_index=True)
    assert same_kind_ids(capabilities, ["z", "a", "y"], focus) == kept


@pytest.mark.parametrize(
    ("choices", "options", "index", "placeholder", "disabled"),
    [
        pytest.param({}, [], None, "No other round of this country", True, id="nothing to choose"),
        pytest.param({"k1": "2021"}, [None, "k1"], 0, "None", False, id="one other round"),
        pytest.param({"k1": "2021", "k2": "2023"}, [None, "k1", "k2"], 0, "None", False, id="two"),
    ],
)
def test_an_overlay_picker_says_why_there_is_nothing_to_choose(
    choices, options, index, placeholder, disabled
):
    picker = overlay_picker(choices, "No other round of this country")
    assert (picker.options, picker.index, picker.placeholder) == (options, index, placeholder)
    assert picker.disabled is disabled
