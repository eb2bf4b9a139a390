"""Domain and overall scores, what they rest on, one assessment's capabilities, strengths and
gaps, and the method note: components.scoring.scores.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from components.scoring.scores import (
    METHOD_NOTE,
    capability_table,
    domain_scores,
    overall_scores,
    rests_on,
    strengths_and_gaps,
)
from tests.scoring.frames import DOMAIN_IDS, FRAMEWORK, assessment, collection, nan_equal, one


@pytest.mark.parametrize(
    ("levels", "domain", "score", "assessed"),
    [
        pytest.param({1: 2, 2: 4}, "policy-and-governance", 3.0, 2, id="mean-of-assessed"),
        pytest.param({1: 4, 2: None}, "policy-and-governance", 4.0, 1, id="missing-not-zero"),
        pytest.param({1: 0}, "policy-and-governance", 0.0, 1, id="level-0-is-a-score"),
        pytest.param({1: 3}, "victim", math.nan, 0, id="none-assessed-is-nan"),
        pytest.param({}, "media-and-communications", math.nan, 0, id="nothing-assessed"),
        pytest.param({4: 1, 5: 2, 6: 2, 7: 4}, "criminal-justice", 2.25, 4, id="all-assessed"),
        pytest.param({20: 1, 21: 2}, "media-and-communications", 1.5, 2, id="two-capabilities"),
    ],
)
def test_domain_score_rests_on_assessed_capabilities_only(levels, domain, score, assessed):
    scores = domain_scores(one(levels), FRAMEWORK).set_index("domain")
    assert nan_equal(scores.loc[domain, "score"], score)
    assert scores.loc[domain, "assessed"] == assessed
    assert scores.loc[domain, "total"] == len(FRAMEWORK.capabilities_in(domain))


def test_domain_scores_list_every_domain_in_framework_order_per_assessment():
    frame = collection(assessment("second", {1: 1}), assessment("first", {}))
    scores = domain_scores(frame, FRAMEWORK)
    assert list(scores["assessment_id"]) == ["second"] * 6 + ["first"] * 6
    assert list(scores["domain"]) == DOMAIN_IDS * 2
    assert list(scores["domain_name"][:6]) == [domain.name for domain in FRAMEWORK.domains]
    assert list(scores["total"][:6]) == [3, 4, 4, 4, 4, 2]
    assert scores["score"].dtype == "float64"
    assert scores["assessed"].dtype == "int64"
    # A domain with nothing assessed is NaN, never a 0.0 a chart would draw as "not in place".
    assert scores["score"].isna().sum() == 11
    assert (scores["score"] != 0).all()


def test_capabilities_without_a_row_count_as_not_assessed():
    frame = one({1: 2, 2: 3, 4: 1})
    partial = frame[frame["capability"].isin([1, 2, 4])]
    scores = domain_scores(partial, FRAMEWORK).set_index("domain")
    assert scores.loc["policy-and-governance", ["assessed", "total"]].tolist() == [2, 3]
    assert scores.loc["criminal-justice", ["assessed", "total"]].tolist() == [1, 4]
    assert len(scores) == 6


@pytest.mark.parametrize("origin", ["upload", None], ids=["with-origin", "without-origin"])
def test_scores_accept_frames_with_or_without_origin(origin):
    frame = collection(assessment("a", {1: 2}), origin=origin)
    assert overall_scores(frame, FRAMEWORK)["score"].tolist() == [2.0]


@pytest.mark.parametrize(
    ("levels", "score", "assessed", "coverage", "domains_assessed"),
    [
        # Domain means would be 4 (policy) and 0 (media): mean 2.0. Every capability weighs
        # the same instead: (4 + 0 + 0) / 3.
        pytest.param({1: 4, 20: 0, 21: 0}, 4 / 3, 3, 3 / 21, 2, id="not-mean-of-domain-means"),
        pytest.param(dict.fromkeys(range(1, 22), 2), 2.0, 21, 1.0, 6, id="complete"),
        pytest.param({1: 3, 2: None, 3: None}, 3.0, 1, 1 / 21, 1, id="missing-not-zero"),
        pytest.param({}, math.nan, 0, 0.0, 0, id="nothing-assessed"),
        pytest.param(dict.fromkeys(range(1, 19), 0), 0.0, 18, 18 / 21, 5, id="all-zero"),
    ],
)
def test_overall_score_is_mean_of_all_assessed_capabilities(
    levels, score, assessed, coverage, domains_assessed
):
    overall = overall_scores(one(levels), FRAMEWORK)
    row = overall.iloc[0]
    assert nan_equal(row["score"], score)
    assert row["assessed"] == assessed
    assert row["total"] == 21
    assert row["coverage"] == pytest.approx(coverage)
    assert row["domains_assessed"] == domains_assessed


def test_overall_scores_one_row_per_assessment_in_order_of_appearance():
    frame = collection(assessment("z", {1: 1}), assessment("a", {1: 3, 2: 4}))
    overall = overall_scores(frame, FRAMEWORK)
    assert overall["assessment_id"].tolist() == ["z", "a"]
    assert overall["assessed"].tolist() == [1, 2]
    assert overall["score"].tolist() == [1.0, 3.5]


@pytest.mark.parametrize(
    ("assessed", "total", "noun", "text"),
    [
        (18, 21, "capabilities", "18 of 21 capabilities assessed"),
        (1, 4, "capabilities", "1 of 4 capabilities assessed"),
        (0, 21, "capabilities", "0 of 21 capabilities assessed"),
        (3, 7, "enablers", "3 of 7 enablers assessed"),
    ],
)
def test_rests_on(assessed, total, noun, text):
    assert rests_on(assessed, total, noun) == text


def test_rests_on_reads_numpy_counts_from_a_frame():
    row = overall_scores(one({1: 2}), FRAMEWORK).iloc[0]
    assert rests_on(row["assessed"], row["total"]) == "1 of 21 capabilities assessed"


def test_capability_table_lists_every_capability_with_words_for_levels():
    frame = collection(
        assessment("a", {1: 0, 7: 4}, evidence={7: "Linked to ICSE"}), assessment("b", {1: 2})
    )
    table = capability_table(frame, "a", FRAMEWORK)
    assert table["capability"].tolist() == list(range(1, 22))
    assert table["level"].dtype == "Int64"
    assert table.loc[0, "level_label"] == "Not in place"
    assert table.loc[6, "level_label"] == "Mature"
    assert table.loc[6, "evidence"] == "Linked to ICSE"
    assert table.loc[6, "title"] == FRAMEWORK.capability(7).title
    assert table.loc[6, "domain_name"] == "Criminal Justice"
    assert table.loc[1, "level_label"] == "Not assessed"
    assert pd.isna(table.loc[1, "level"])


def test_unknown_assessment_is_a_key_error():
    with pytest.raises(KeyError, match="nope"):
        capability_table(one({1: 1}), "nope", FRAMEWORK)


@pytest.mark.parametrize(
    ("levels", "n", "strengths", "gaps"),
    [
        pytest.param(
            {1: 4, 2: 3, 3: 3, 4: 2, 5: 1, 6: 0, 7: 0, 8: 2, 9: 4, 10: 1, 11: 3, 12: 2},
            3,
            [1, 9, 2],
            [6, 7, 5],
            id="ties-by-number",
        ),
        pytest.param(
            dict.fromkeys(range(1, 11), 2) | {3: 1, 4: 3},
            2,
            [4, 1],
            [3, 2],
            id="enough-for-both-lists",
        ),
        pytest.param(
            dict.fromkeys(range(1, 11), 2),
            5,
            [1, 2, 3, 4, 5],
            [6, 7, 8, 9, 10],
            id="all-equal-never-both",
        ),
        pytest.param(
            {5: 0, 6: 1, 7: 3, 8: 4, 9: 2, 10: 2},
            5,
            [8, 7, 9],
            [5, 6, 10],
            id="fewer-than-2n-split-without-overlap",
        ),
        pytest.param({5: 0, 6: 4, 7: 1}, 5, [6, 7], [5], id="odd-count-strengths-round-up"),
        pytest.param({12: 1}, 5, [12], [], id="one-assessed"),
        pytest.param({}, 5, [], [], id="none-assessed"),
        pytest.param({1: 1, 2: 2}, 0, [], [], id="n-zero"),
    ],
)
def test_strengths_and_gaps(levels, n, strengths, gaps):
    high, low = strengths_and_gaps(one(levels), "a", FRAMEWORK, n=n)
    assert high["capability"].tolist() == strengths
    assert low["capability"].tolist() == gaps
    assert len(high) <= n
    assert len(low) <= n


def test_gaps_never_include_not_assessed_capabilities():
    levels = dict.fromkeys(range(1, 15), 3) | {15: 1}
    _, gaps = strengths_and_gaps(one(levels), "a", FRAMEWORK, n=5)
    # 16-21 are not assessed: never gaps. 1-5 are the strengths: never gaps as well.
    assert gaps["capability"].tolist() == [15, 6, 7, 8, 9]
    assert gaps["level"].notna().all()
    assert "Not assessed" not in set(gaps["level_label"])


def test_method_note_says_how_scores_are_made():
    words = len(METHOD_NOTE.split())
    assert 120 <= words <= 250
    text = METHOD_NOTE.lower()
    for phrase in ("never counted as 0", "rests on", "coverage", "both rounds", "median"):
        assert phrase in text
    assert "not" in text
    assert "ranking" in text
