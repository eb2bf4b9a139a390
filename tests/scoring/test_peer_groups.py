"""Fair peer groups: who the peers are, and a median only on enough assessments:
components.scoring.peer_groups."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from components.framework.country_groups import default_classification
from components.scoring.peer_groups import (
    AggregatePeers,
    PeerGroup,
    group_members,
    min_peers_setting,
    peer_median,
)
from tests.scoring.frames import FRAMEWORK, assessment, collection

CLASSIFICATION = default_classification()

# (id, country, ISO3, year, level of every capability)
COUNTRIES = [
    ("ken", "Kenya", "KEN", 2023, 1),
    ("uga", "Uganda", "UGA", 2022, 2),  # Sub-Saharan Africa, low income
    ("gha", "Ghana", "GHA", 2023, 3),  # Sub-Saharan Africa, lower middle income
    ("tza", "Tanzania", "TZA", 2024, 4),  # Sub-Saharan Africa, lower middle income
    ("phl", "Philippines", "PHL", 2023, 2),  # South-eastern Asia, lower middle income
    ("deu", "Germany", "DEU", 2024, 4),  # Western Europe, high income
    ("uga-old", "Uganda", "UGA", 2019, 0),  # an earlier round: never a peer
]


def frame() -> pd.DataFrame:
    frames = []
    for aid, country, iso3, year, level in COUNTRIES:
        rows = assessment(aid, dict.fromkeys(range(1, 22), level), country=country, year=year)
        frames.append(rows.assign(iso3=iso3))
    return collection(*frames)


@pytest.mark.parametrize(
    ("group", "members"),
    [
        pytest.param(PeerGroup(), ["deu", "gha", "phl", "tza", "uga"], id="all others"),
        pytest.param(
            PeerGroup("un_subregion", "Sub-Saharan Africa"), ["gha", "tza", "uga"], id="region"
        ),
        pytest.param(PeerGroup("un_region", "Africa"), ["gha", "tza", "uga"], id="continent"),
        pytest.param(
            PeerGroup("income", "Lower middle income"), ["gha", "phl", "tza"], id="income group"
        ),
        pytest.param(PeerGroup("income", "High income"), ["deu"], id="a group of one"),
        pytest.param(
            PeerGroup("named", countries=("germany", "Ghana")), ["deu", "gha"], id="named"
        ),
        pytest.param(PeerGroup("named", countries=("Kenya",)), [], id="never itself"),
    ],
)
def test_the_group_is_the_latest_of_each_other_country_in_it(group, members):
    found = group_members(frame(), "ken", group, CLASSIFICATION)
    assert sorted(found) == members


@pytest.mark.parametrize(
    ("group", "min_peers", "shown", "count", "median", "text"),
    [
        (
            PeerGroup("un_subregion", "Sub-Saharan Africa"),
            3,
            True,
            3,
            3.0,
            "Median of 3 assessments in Sub-Saharan Africa",
        ),
        (PeerGroup("income", "High income"), 3, False, 1, None, None),
        (PeerGroup("income", "High income"), 2, False, 1, None, None),
        (PeerGroup(), 5, True, 5, 3.0, "Median of 5 assessments of all other countries"),
        (PeerGroup(), 6, False, 5, None, None),
    ],
)
def test_a_median_needs_enough_assessments_and_names_its_group(
    group, min_peers, shown, count, median, text
):
    peers = peer_median(frame(), FRAMEWORK, "ken", group, CLASSIFICATION, min_peers=min_peers)
    assert peers.shown is shown
    assert peers.count == count
    if shown:
        assert peers.text.startswith(text)
        assert peers.reason is None
        assert peers.stats["median"].tolist() == [median] * 6
        assert peers.stats["n"].tolist() == [count] * 6
    else:
        assert f"it would rest on {count} assessment" in peers.reason
        assert f"needs at least {min_peers}" in peers.reason


def test_a_domain_resting_on_too_few_shows_no_median():
    # Three peers, but only two of them assessed Media and Communications (20, 21).
    levels = dict.fromkeys(range(1, 20), 2)
    frames = [
        assessment("f", levels, country="Focus"),
        assessment("a", {**levels, 20: 1, 21: 1}, country="A"),
        assessment("b", {**levels, 20: 3, 21: 3}, country="B"),
        assessment("c", levels, country="C"),
    ]
    peers = peer_median(collection(*frames), FRAMEWORK, "f", PeerGroup(), CLASSIFICATION)
    stats = peers.stats.set_index("domain")
    assert peers.shown
    assert stats.loc["policy-and-governance", "median"] == 2.0
    assert stats.loc["media-and-communications", "n"] == 2
    assert math.isnan(stats.loc["media-and-communications", "median"])


def _pool(*members: tuple[str, dict[str, str], int]) -> AggregatePeers:
    rows = [
        {"assessment_id": alias, "capability": n, "level": level}
        for alias, _, level in members
        for n in range(1, 22)
    ]
    levels = pd.DataFrame(rows).astype({"capability": "Int64", "level": "Int64"})
    return AggregatePeers(levels=levels, groups={alias: groups for alias, groups, _ in members})


def test_library_aggregates_count_in_their_group_and_say_so():
    pool = _pool(
        ("aggregate-1", {"un_subregion": "Sub-Saharan Africa", "income": "Low income"}, 0),
        ("aggregate-2", {"un_subregion": "Western Europe", "income": "High income"}, 4),
    )
    africa = PeerGroup("un_subregion", "Sub-Saharan Africa")
    peers = peer_median(frame(), FRAMEWORK, "ken", africa, CLASSIFICATION, pool=pool)
    assert peers.count == 4
    assert peers.from_library == 1
    assert peers.stats["median"].tolist() == [2.5] * 6  # 0, 2, 3, 4
    assert peers.text == (
        "Median of 4 assessments in Sub-Saharan Africa (1 of them shared by the library in "
        "aggregates only)"
    )
    everyone = peer_median(frame(), FRAMEWORK, "ken", PeerGroup(), CLASSIFICATION, pool=pool)
    assert everyone.count == 7
    # A group chosen by name cannot hold an assessment that has none.
    named = PeerGroup("named", countries=("Ghana", "Germany", "Uganda"))
    chosen = peer_median(frame(), FRAMEWORK, "ken", named, CLASSIFICATION, pool=pool)
    assert (chosen.count, chosen.from_library) == (3, 0)


@pytest.mark.parametrize(
    ("env", "section", "expected"),
    [
        ({}, {}, 3),
        ({"MNR_MIN_PEERS": "5"}, {}, 5),
        ({}, {"min_assessments": 4}, 4),
        ({"MNR_MIN_PEERS": "1"}, {}, 3),  # never one: the median would be a country's score
        ({"MNR_MIN_PEERS": "many"}, {}, 3),
        ({"MNR_MIN_PEERS": " "}, {"min_assessments": "6"}, 6),
    ],
)
def test_the_minimum_is_a_setting_that_never_drops_below_two(env, section, expected):
    assert min_peers_setting(env, section) == expected


def _with_demo() -> pd.DataFrame:
    """The real countries above, and three of the fictional demo's invented ones."""
    demo = [
        assessment(aid, dict.fromkeys(range(1, 22), 0), country=name, year=2024).assign(
            iso3=None, origin="demo"
        )
        for aid, name in (("arv", "Arvenia"), ("bel", "Belvoria"), ("cor", "Corlandia"))
    ]
    return collection(frame().assign(origin="upload"), *demo, origin=None)


@pytest.mark.parametrize(
    ("focus", "members"),
    [
        # A real country is never measured against invented ones, nor the reverse.
        ("ken", ["deu", "gha", "phl", "tza", "uga"]),
        ("arv", ["bel", "cor"]),
    ],
)
def test_peers_are_of_the_focus_kind_real_or_fictional(focus, members):
    assert sorted(group_members(_with_demo(), focus, PeerGroup(), CLASSIFICATION)) == members


def test_a_fictional_focus_gets_no_library_aggregates():
    pool = _pool(("aggregate-1", {"un_subregion": "Sub-Saharan Africa"}, 4))
    peers = peer_median(_with_demo(), FRAMEWORK, "arv", PeerGroup(), CLASSIFICATION, pool=pool)
    assert (peers.count, peers.from_library) == (2, 0)


@pytest.mark.parametrize(
    ("focus", "said"),
    [("ken", "; the fictional demo's countries left out"), ("arv", "; real countries left out")],
)
def test_a_median_says_which_kind_it_left_out(focus, said):
    peers = peer_median(_with_demo(), FRAMEWORK, focus, PeerGroup(), CLASSIFICATION, min_peers=2)
    assert peers.text.endswith(said)
    assert (
        "left out" not in peer_median(frame(), FRAMEWORK, "ken", PeerGroup(), CLASSIFICATION).text
    )
