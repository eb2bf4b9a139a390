"""Scores, coverage, changes, peers, rounds and heatmap ordering: components.scoring.scores."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

import pandas as pd
import pytest

from components.framework.model import default_framework
from components.ingest.collection import Collection
from components.ingest.workbook import CAPABILITY_COLUMNS
from components.scoring import scores as scoring
from tests.factories import capability_rows

FRAMEWORK = default_framework()
DOMAIN_IDS = [domain.id for domain in FRAMEWORK.domains]
DOMAIN_SIZES = {"policy-and-governance": 3, "criminal-justice": 4, "media-and-communications": 2}
TEXT_COLUMNS = ["assessment_id", "country", "iso3", "date", "round", "assessed_by", "source"]
TEXT_COLUMNS += ["domain", "evidence", "confidence"]


def assessment(
    assessment_id: str,
    levels: Mapping[int, int | None],
    *,
    country: str = "Atlantis",
    year: int | None = 2021,
    date: str | None = None,
    round_label: str | None = None,
    evidence: Mapping[int, str] | None = None,
) -> pd.DataFrame:
    """All 21 rows of one assessment, as the factory builds them, plus date and evidence."""
    frame = capability_rows(assessment_id, country, year, levels, round_label=round_label)
    if date is not None:
        frame["date"] = date
    if evidence:
        frame["evidence"] = frame["capability"].map(lambda number: evidence.get(number, pd.NA))
    return frame


def collection(*frames: pd.DataFrame, origin: str | None = "upload") -> pd.DataFrame:
    """The collection's capabilities frame: text columns "string" as the reader makes them."""
    frame = pd.concat(frames, ignore_index=True).astype(dict.fromkeys(TEXT_COLUMNS, "string"))
    return frame if origin is None else frame.assign(origin=origin)


def one(levels: Mapping[int, int | None], **kwargs: object) -> pd.DataFrame:
    return collection(assessment("a", levels, **kwargs))


def nan_equal(left: float, right: float) -> bool:
    return (math.isnan(left) and math.isnan(right)) or left == pytest.approx(right)


# --- domain and overall scores ----------------------------------------------------------------


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
    scores = scoring.domain_scores(one(levels), FRAMEWORK).set_index("domain")
    assert nan_equal(scores.loc[domain, "score"], score)
    assert scores.loc[domain, "assessed"] == assessed
    assert scores.loc[domain, "total"] == len(FRAMEWORK.capabilities_in(domain))


def test_domain_scores_list_every_domain_in_framework_order_per_assessment():
    frame = collection(assessment("second", {1: 1}), assessment("first", {}))
    scores = scoring.domain_scores(frame, FRAMEWORK)
    assert list(scores.columns) == scoring.DOMAIN_SCORE_COLUMNS
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
    scores = scoring.domain_scores(partial, FRAMEWORK).set_index("domain")
    assert scores.loc["policy-and-governance", ["assessed", "total"]].tolist() == [2, 3]
    assert scores.loc["criminal-justice", ["assessed", "total"]].tolist() == [1, 4]
    assert len(scores) == 6


@pytest.mark.parametrize("origin", ["upload", None], ids=["with-origin", "without-origin"])
def test_scores_accept_frames_with_or_without_origin(origin):
    frame = collection(assessment("a", {1: 2}), origin=origin)
    assert scoring.overall_scores(frame, FRAMEWORK)["score"].tolist() == [2.0]


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
    overall = scoring.overall_scores(one(levels), FRAMEWORK)
    assert list(overall.columns) == scoring.OVERALL_COLUMNS
    row = overall.iloc[0]
    assert nan_equal(row["score"], score)
    assert row["assessed"] == assessed
    assert row["total"] == 21
    assert row["coverage"] == pytest.approx(coverage)
    assert row["domains_assessed"] == domains_assessed


def test_overall_scores_one_row_per_assessment_in_order_of_appearance():
    frame = collection(assessment("z", {1: 1}), assessment("a", {1: 3, 2: 4}))
    overall = scoring.overall_scores(frame, FRAMEWORK)
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
    assert scoring.rests_on(assessed, total, noun) == text


def test_rests_on_reads_numpy_counts_from_a_frame():
    row = scoring.overall_scores(one({1: 2}), FRAMEWORK).iloc[0]
    assert scoring.rests_on(row["assessed"], row["total"]) == "1 of 21 capabilities assessed"


# --- one assessment ---------------------------------------------------------------------------


def test_capability_table_lists_every_capability_with_words_for_levels():
    frame = collection(
        assessment("a", {1: 0, 7: 4}, evidence={7: "Linked to ICSE"}), assessment("b", {1: 2})
    )
    table = scoring.capability_table(frame, "a", FRAMEWORK)
    assert list(table.columns) == scoring.CAPABILITY_TABLE_COLUMNS
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
        scoring.capability_table(one({1: 1}), "nope", FRAMEWORK)


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
    high, low = scoring.strengths_and_gaps(one(levels), "a", FRAMEWORK, n=n)
    assert high["capability"].tolist() == strengths
    assert low["capability"].tolist() == gaps
    assert list(high.columns) == list(low.columns) == scoring.HIGHLIGHT_COLUMNS
    assert len(high) <= n
    assert len(low) <= n


def test_gaps_never_include_not_assessed_capabilities():
    levels = dict.fromkeys(range(1, 15), 3) | {15: 1}
    _, gaps = scoring.strengths_and_gaps(one(levels), "a", FRAMEWORK, n=5)
    # 16-21 are not assessed: never gaps. 1-5 are the strengths: never gaps as well.
    assert gaps["capability"].tolist() == [15, 6, 7, 8, 9]
    assert gaps["level"].notna().all()
    assert "Not assessed" not in set(gaps["level_label"])


# --- change between rounds --------------------------------------------------------------------

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
    changes = scoring.capability_changes(_before_after(), "before", "after", FRAMEWORK)
    row = changes.set_index("capability").loc[number]
    assert status in scoring.CHANGE_STATUSES
    assert row["status"] == status
    for column, expected in (("level_before", before), ("level_after", after), ("change", change)):
        assert (pd.isna(row[column]) and expected is None) or row[column] == expected


def test_capability_changes_cover_every_capability_and_status():
    changes = scoring.capability_changes(_before_after(), "before", "after", FRAMEWORK)
    assert list(changes.columns) == scoring.CHANGE_COLUMNS
    assert changes["capability"].tolist() == list(range(1, 22))
    assert set(changes["status"]) == set(scoring.CHANGE_STATUSES)
    assert changes["change"].dtype == "Int64"
    assert changes["title"].tolist() == [c.title for c in FRAMEWORK.capabilities]


def test_domain_changes_only_where_both_rounds_have_a_score():
    frame = collection(
        assessment("before", {1: 1, 2: 3, 4: 2, 20: 1}, year=2020),
        assessment("after", {1: 3, 2: 3, 3: 3, 8: 2, 20: None}, year=2023),
    )
    changes = scoring.domain_changes(frame, "before", "after", FRAMEWORK)
    assert list(changes.columns) == scoring.DOMAIN_CHANGE_COLUMNS
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
    changes = scoring.capability_changes(_before_after(), "before", "after", FRAMEWORK)
    drops = scoring.largest_drops(changes, n=n)
    assert drops["capability"].tolist() == expected
    assert (drops["status"] == "declined").all()
    assert list(drops.columns) == list(changes.columns)


# --- peers ------------------------------------------------------------------------------------


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
    stats = scoring.peer_domain_stats(_peers(), FRAMEWORK, assessment_ids, exclude=exclude)
    assert list(stats.columns) == scoring.PEER_DOMAIN_COLUMNS
    assert stats["domain"].tolist() == DOMAIN_IDS
    row = stats.set_index("domain").loc[domain]
    for column, value in zip(("median", "q1", "q3"), expected[:3], strict=True):
        assert nan_equal(row[column], value), column
    assert row["n"] == expected[3]


@pytest.mark.parametrize(
    ("exclude", "capability", "median", "n"),
    [
        (["focal"], 1, 2.0, 3),
        ((), 1, 1.5, 4),
        ((), 2, 4.0, 1),
        (["p2"], 2, math.nan, 0),
        ((), 3, math.nan, 0),
    ],
)
def test_peer_capability_stats_over_assessed_levels_only(exclude, capability, median, n):
    stats = scoring.peer_capability_stats(_peers(), FRAMEWORK, exclude=exclude)
    assert list(stats.columns) == scoring.PEER_CAPABILITY_COLUMNS
    assert stats["capability"].tolist() == list(range(1, 22))
    row = stats.set_index("capability").loc[capability]
    assert nan_equal(row["median"], median)
    assert row["n"] == n


def test_peer_stats_reject_unknown_ids_and_a_bare_string():
    with pytest.raises(KeyError, match="ghost"):
        scoring.peer_domain_stats(_peers(), FRAMEWORK, ["p1", "ghost"])
    with pytest.raises(TypeError):
        scoring.peer_domain_stats(_peers(), FRAMEWORK, "p1")
    with pytest.raises(TypeError):
        scoring.peer_capability_stats(_peers(), FRAMEWORK, exclude="p1")


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
    rounds = scoring.country_rounds(frame, country)
    assert list(rounds.columns) == scoring.ROUND_COLUMNS
    assert rounds["assessment_id"].tolist() == order
    assert scoring.latest_assessments(frame) == [order[-1]]


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
    assert scoring.latest_assessments(frame) == ["a-only", "k-new", "z-new"]
    assert scoring.country_rounds(frame, "kenya")["assessment_id"].tolist() == ["k-old", "k-new"]


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
    rounds = scoring.country_rounds(_rounds_frame(rows), "X")
    assert rounds["label"].tolist() == labels


def test_country_rounds_count_assessed_and_unknown_country_is_empty():
    frame = collection(
        assessment("a", {1: 2, 2: None, 3: 0}, country="Kenya", year=2021),
        assessment("b", {}, country="Kenya", year=2022),
    )
    rounds = scoring.country_rounds(frame, "Kenya")
    assert rounds["assessed"].tolist() == [2, 0]
    assert rounds["year"].tolist() == [2021, 2022]
    empty = scoring.country_rounds(frame, "Atlantis")
    assert empty.empty
    assert list(empty.columns) == scoring.ROUND_COLUMNS


def test_domain_trend_long_over_all_rounds():
    frame = collection(
        assessment("late", {1: 4}, country="Kenya", year=2023),
        assessment("other", {1: 1}, country="Atlantis", year=2023),
        assessment("early", {1: 2, 2: 3}, country="kenya", year=2020, round_label="Baseline"),
    )
    trend = scoring.domain_trend(frame, "Kenya", FRAMEWORK)
    assert list(trend.columns) == scoring.TREND_COLUMNS
    assert trend["assessment_id"].tolist() == ["early"] * 6 + ["late"] * 6
    assert trend["order"].tolist() == [0] * 6 + [1] * 6
    assert trend["label"].tolist() == ["2020 (Baseline)"] * 6 + ["2023"] * 6
    assert trend["domain"].tolist() == DOMAIN_IDS * 2
    policy = trend[trend["domain"] == "policy-and-governance"]
    assert policy["score"].tolist() == [2.5, 4.0]
    assert policy["assessed"].tolist() == [2, 1]
    assert trend["score"].isna().sum() == 10


# --- heatmap and its row order ----------------------------------------------------------------


def test_heatmap_matrix_shape_order_and_missing():
    frame = collection(
        assessment("a", {1: 3, 21: 0}, evidence={1: "Strategy 2020"}),
        assessment("b", {2: 1}),
        assessment("c", {}),
    )
    levels, evidence = scoring.heatmap_matrix(frame, FRAMEWORK, ["c", "a", "b"])
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
        scoring.heatmap_matrix(one({1: 1}), FRAMEWORK, ["a", "ghost"])


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
    assert scoring.sort_assessments(_sortable(), FRAMEWORK, SORTABLE_IDS, by) == order


def test_sort_assessments_only_returns_the_given_ids():
    assert scoring.sort_assessments(_sortable(), FRAMEWORK, ["zem", "kor"], "overall") == [
        "kor",
        "zem",
    ]


@pytest.mark.parametrize(
    ("by", "error"),
    [("score", ValueError), ("domain:nowhere", ValueError), ("", ValueError)],
)
def test_sort_assessments_rejects_unknown_orders(by, error):
    with pytest.raises(error):
        scoring.sort_assessments(_sortable(), FRAMEWORK, ["zem"], by)


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
    mapping = scoring.anonymise(labels, focal)
    assert [mapping[label] for label in labels] == expected


@pytest.mark.parametrize(
    ("position", "alias"),
    [(0, "Country A"), (25, "Country Z"), (26, "Country AA"), (27, "Country AB"),
     (51, "Country AZ"), (52, "Country BA"), (701, "Country ZZ"), (702, "Country AAA")],
)  # fmt: skip
def test_anonymise_beyond_26(position, alias):
    labels = [f"L{i}" for i in range(position + 1)]
    mapping = scoring.anonymise(labels, focal=None)
    assert mapping[labels[position]] == alias
    assert len(set(mapping.values())) == len(labels)


def test_anonymise_skips_the_focal_label_when_counting():
    labels = [f"L{i}" for i in range(28)]
    mapping = scoring.anonymise(labels, focal="L1")
    assert mapping["L1"] == "L1"
    assert mapping["L2"] == "Country B"
    assert mapping["L27"] == "Country AA"


# --- robustness -------------------------------------------------------------------------------

CALLS: dict[str, Callable[[pd.DataFrame], object]] = {
    "domain_scores": lambda f: scoring.domain_scores(f, FRAMEWORK),
    "overall_scores": lambda f: scoring.overall_scores(f, FRAMEWORK),
    "capability_table": lambda f: scoring.capability_table(f, "a", FRAMEWORK),
    "strengths_and_gaps": lambda f: scoring.strengths_and_gaps(f, "a", FRAMEWORK),
    "capability_changes": lambda f: scoring.capability_changes(f, "a", "b", FRAMEWORK),
    "domain_changes": lambda f: scoring.domain_changes(f, "a", "b", FRAMEWORK),
    "peer_domain_stats": lambda f: scoring.peer_domain_stats(f, FRAMEWORK, exclude=["a"]),
    "peer_capability_stats": lambda f: scoring.peer_capability_stats(f, FRAMEWORK),
    "latest_assessments": scoring.latest_assessments,
    "country_rounds": lambda f: scoring.country_rounds(f, "kenya"),
    "domain_trend": lambda f: scoring.domain_trend(f, "Kenya", FRAMEWORK),
    "heatmap_matrix": lambda f: scoring.heatmap_matrix(f, FRAMEWORK, ["b", "a"]),
    "sort_assessments": lambda f: scoring.sort_assessments(f, FRAMEWORK, ["a", "b"], "overall"),
}


@pytest.mark.parametrize("typed", [True, False], ids=["string-columns", "object-columns"])
@pytest.mark.parametrize("name", list(CALLS))
def test_inputs_are_not_mutated(name, typed):
    frames = (
        assessment("a", {1: 2, 5: 3}, country="Kenya", year=2020, evidence={1: "note"}),
        assessment("b", {1: 3, 5: None}, country="kenya", year=2022, date="2022-02-02"),
    )
    frame = collection(*frames) if typed else pd.concat(frames, ignore_index=True)
    frame = frame.iloc[::-1]  # a non-default index must survive too
    before = frame.copy(deep=True)
    CALLS[name](frame)
    pd.testing.assert_frame_equal(frame, before)


def test_changes_input_of_largest_drops_is_not_mutated():
    changes = scoring.capability_changes(_before_after(), "before", "after", FRAMEWORK)
    before = changes.copy(deep=True)
    scoring.largest_drops(changes, n=2)
    pd.testing.assert_frame_equal(changes, before)


def test_an_empty_collection_gives_empty_frames_with_columns():
    empty = Collection().capabilities
    assert list(scoring.domain_scores(empty, FRAMEWORK).columns) == scoring.DOMAIN_SCORE_COLUMNS
    assert scoring.overall_scores(empty, FRAMEWORK).empty
    assert scoring.latest_assessments(empty) == []
    assert scoring.peer_domain_stats(empty, FRAMEWORK)["n"].tolist() == [0] * 6
    levels, _ = scoring.heatmap_matrix(empty, FRAMEWORK, [])
    assert levels.shape == (0, 21)


def test_missing_columns_are_named():
    frame = one({1: 1}).drop(columns=["level"])
    with pytest.raises(ValueError, match="level"):
        scoring.domain_scores(frame, FRAMEWORK)


def test_collection_columns_are_the_workbook_contract():
    # Guards the helper above: the frames tested are the ones the collection holds.
    assert list(one({}).columns) == [*CAPABILITY_COLUMNS, "origin"]


def test_method_note_says_how_scores_are_made():
    words = len(scoring.METHOD_NOTE.split())
    assert 120 <= words <= 250
    text = scoring.METHOD_NOTE.lower()
    for phrase in ("never counted as 0", "rests on", "coverage", "both rounds", "median"):
        assert phrase in text
    assert "not" in text
    assert "ranking" in text
