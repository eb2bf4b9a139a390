"""Peer medians and quartiles, and anonymised labels: components.scoring.peers."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from components.scoring.peers import anonymise, peer_domain_stats
from tests.scoring.frames import DOMAIN_IDS, FRAMEWORK, assessment, collection, nan_equal


def _peers() -> pd.DataFrame:
    return collection(
        assessment("p1", {1: 1, 20: 4}, country="Atlantis"),
        assessment("p2", {1: 2, 2: 4}, country="Borduria"),
        assessment("p3", {1: 4}, country="Carpania"),
        assessment("focal", {1: 0, 4: 4}, country="Elbonia"),
    )


NO_STATS = (math.nan, math.nan, math.nan, 0)


@pytest.mark.parametrize(
    ("assessment_ids", "exclude", "domain", "expected"),
    [
        # Policy scores: p1 1.0, p2 3.0, p3 4.0, focal 0.0. expected: median, q1, q3, n.
        pytest.param(None, ["focal"], "policy-and-governance", (3.0, 2.0, 3.5, 3), id="exclude"),
        pytest.param(None, (), "policy-and-governance", (2.0, 0.75, 3.25, 4), id="all"),
        pytest.param(["p1", "p2"], (), "policy-and-governance", (2.0, 1.5, 2.5, 2), id="subset"),
        pytest.param(None, ["focal"], "criminal-justice", NO_STATS, id="n-zero"),
        pytest.param(None, (), "criminal-justice", (4.0, 4.0, 4.0, 1), id="one"),
        pytest.param(["p1"], ["p1"], "policy-and-governance", NO_STATS, id="everyone-excluded"),
        pytest.param(
            None,
            ["not-there"],
            "media-and-communications",
            (4.0, 4.0, 4.0, 1),
            id="exclude-unknown-is-harmless",
        ),
    ],
)
def test_peer_domain_stats(assessment_ids, exclude, domain, expected):
    stats = peer_domain_stats(_peers(), FRAMEWORK, assessment_ids, exclude=exclude)
    assert stats["domain"].tolist() == DOMAIN_IDS
    row = stats.set_index("domain").loc[domain]
    for column, value in zip(("median", "q1", "q3"), expected[:3], strict=True):
        assert nan_equal(row[column], value), column
    assert row["n"] == expected[3]


def test_peer_stats_reject_unknown_ids_and_a_bare_string():
    with pytest.raises(KeyError, match="ghost"):
        peer_domain_stats(_peers(), FRAMEWORK, ["p1", "ghost"])
    with pytest.raises(TypeError):
        peer_domain_stats(_peers(), FRAMEWORK, "p1")
    with pytest.raises(TypeError):
        peer_domain_stats(_peers(), FRAMEWORK, exclude="p1")


@pytest.mark.parametrize(
    ("labels", "focal", "expected"),
    [
        (["Kenya", "Ghana", "Peru"], "Ghana", ["Country A", "Ghana", "Country B"]),
        (["Kenya", "Ghana"], None, ["Country A", "Country B"]),
        (["Kenya", "Ghana"], "Atlantis", ["Country A", "Country B"]),
        ([], "Kenya", []),
        (["Country A", "x", "y"], "Country A", ["Country A", "Country B", "Country C"]),
    ],
)
def test_anonymise(labels, focal, expected):
    mapping = anonymise(labels, focal)
    assert [mapping[label] for label in labels] == expected


@pytest.mark.parametrize(
    ("position", "alias"),
    [(0, "Country A"), (25, "Country Z"), (26, "Country AA"), (27, "Country AB"),
     (51, "Country AZ"), (52, "Country BA"), (701, "Country ZZ"), (702, "Country AAA")],
)  # fmt: skip
def test_anonymise_beyond_26(position, alias):
    labels = [f"L{i}" for i in range(position + 1)]
    mapping = anonymise(labels, focal=None)
    assert mapping[labels[position]] == alias
    assert len(set(mapping.values())) == len(labels)


def test_anonymise_skips_the_focal_label_when_counting():
    labels = [f"L{i}" for i in range(28)]
    mapping = anonymise(labels, focal="L1")
    assert mapping["L1"] == "L1"
    assert mapping["L2"] == "Country B"
    assert mapping["L27"] == "Country AA"
