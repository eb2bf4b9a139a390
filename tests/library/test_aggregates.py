"""Library assessments shared in aggregates only reach a peer median without their names:
components.library.aggregates."""

from __future__ import annotations

import pandas as pd
import pytest

from components.framework.country_groups import default_classification
from components.library import store
from components.library.aggregates import aggregate_peers
from components.library.visibility import EDITOR, VISITOR, Viewer
from tests.library_support import assessment

CLASSIFICATION = default_classification()


def _save(engine, country: str, iso3: str, year: int, level: int, visibility: str) -> None:
    capabilities, enablers = assessment(country, year, level, evidence=f"{country} evidence")
    capabilities["iso3"] = pd.array([iso3] * len(capabilities), dtype="string")
    store.save_assessments(engine, capabilities, enablers, visibility=visibility)


@pytest.fixture
def library(engine):
    _save(engine, "Kenya", "KEN", 2023, 1, "aggregates")
    _save(engine, "Uganda", "UGA", 2020, 0, "aggregates")
    _save(engine, "Uganda", "UGA", 2024, 3, "aggregates")  # the latest round counts
    _save(engine, "Secretland", "KEN", 2024, 4, "editors")
    _save(engine, "Openland", "GHA", 2024, 2, "everyone")
    return engine


@pytest.mark.parametrize(
    ("viewer", "exclude", "levels"),
    [
        pytest.param(VISITOR, [], {1, 3}, id="a visitor's medians count both countries"),
        pytest.param(EDITOR, [], {1, 3}, id="an editor's too, and nothing else"),
        pytest.param(VISITOR, [" kenya "], {3}, id="a country in the session counts by name"),
        pytest.param(Viewer(private=True), [], set(), id="private mode: nothing"),
    ],
)
def test_only_aggregate_assessments_reach_the_pool(library, viewer, exclude, levels):
    pool = aggregate_peers(library, viewer, CLASSIFICATION, exclude_countries=exclude)
    assert pool.count == len(levels)
    assert set(pool.levels["level"].dropna()) == levels
    assert len(pool.levels) == 21 * len(levels)


def test_the_pool_holds_no_name_date_code_or_evidence(library):
    pool = aggregate_peers(library, VISITOR, CLASSIFICATION)
    assert list(pool.levels.columns) == ["assessment_id", "capability", "level"]
    held = pool.levels.to_csv() + repr(dict(pool.groups))
    for secret in ("Kenya", "Uganda", "KEN", "UGA", "2023", "2024", "evidence"):
        assert secret not in held
    assert set(pool.groups) == {"aggregate-1", "aggregate-2"}
    assert sorted(g["income"] for g in pool.groups.values()) == [
        "Low income",
        "Lower middle income",
    ]
    assert {g["un_subregion"] for g in pool.groups.values()} == {"Sub-Saharan Africa"}


def test_no_library_file_means_no_pool(engine, library_path):
    assert aggregate_peers(engine, VISITOR, CLASSIFICATION).count == 0
    assert not library_path.exists()
