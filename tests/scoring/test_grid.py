"""What every scoring function shares through the grid: inputs are never modified, an empty
collection gives empty frames, a missing column is named.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pytest

from components.ingest.collection import Collection
from components.ingest.report import CAPABILITY_COLUMNS
from components.scoring.change import capability_changes, domain_changes
from components.scoring.heatmap import heatmap_matrix, sort_assessments
from components.scoring.peers import peer_domain_stats
from components.scoring.rounds import country_rounds, domain_trend, latest_assessments
from components.scoring.scores import (
    capability_table,
    domain_scores,
    overall_scores,
    strengths_and_gaps,
)
from tests.scoring.frames import FRAMEWORK, assessment, collection, one

CALLS: dict[str, Callable[[pd.DataFrame], object]] = {
    "domain_scores": lambda f: domain_scores(f, FRAMEWORK),
    "overall_scores": lambda f: overall_scores(f, FRAMEWORK),
    "capability_table": lambda f: capability_table(f, "a", FRAMEWORK),
    "strengths_and_gaps": lambda f: strengths_and_gaps(f, "a", FRAMEWORK),
    "capability_changes": lambda f: capability_changes(f, "a", "b", FRAMEWORK),
    "domain_changes": lambda f: domain_changes(f, "a", "b", FRAMEWORK),
    "peer_domain_stats": lambda f: peer_domain_stats(f, FRAMEWORK, exclude=["a"]),
    "latest_assessments": latest_assessments,
    "country_rounds": lambda f: country_rounds(f, "kenya"),
    "domain_trend": lambda f: domain_trend(f, "Kenya", FRAMEWORK),
    "heatmap_matrix": lambda f: heatmap_matrix(f, FRAMEWORK, ["b", "a"]),
    "sort_assessments": lambda f: sort_assessments(f, FRAMEWORK, ["a", "b"], "overall"),
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


def test_an_empty_collection_gives_empty_frames_with_columns():
    empty = Collection().capabilities
    assert domain_scores(empty, FRAMEWORK)[["domain", "score", "assessed"]].empty
    assert overall_scores(empty, FRAMEWORK).empty
    assert latest_assessments(empty) == []
    assert peer_domain_stats(empty, FRAMEWORK)["n"].tolist() == [0] * 6
    levels, _ = heatmap_matrix(empty, FRAMEWORK, [])
    assert levels.shape == (0, 21)


def test_missing_columns_are_named():
    frame = one({1: 1}).drop(columns=["level"])
    with pytest.raises(ValueError, match="level"):
        domain_scores(frame, FRAMEWORK)


def test_collection_columns_are_the_workbook_contract():
    # Guards tests.scoring.frames: the frames tested are the ones the collection holds.
    assert list(one({}).columns) == [*CAPABILITY_COLUMNS, "origin"]
