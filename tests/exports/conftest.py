"""Shared data for the export tests: the fictional demo, one hostile assessment, Chromium.

Chart images need the system Chromium (kaleido drives it). Where it is missing, the tests
that render are skipped with the reason, except in CI (``CI`` set), where that is a failure.
"""

from __future__ import annotations

import os

import pandas as pd
import pytest

from components.exports.images import chromium_path
from components.ingest.demo import load_demo
from components.ingest.labels import assessment_labels
from tests.exports.samples import FRAMEWORK, hostile_frames


@pytest.fixture(scope="session")
def chromium() -> str:
    """The system Chromium's path; skips (fails in CI) the tests that render when it is missing."""
    path = chromium_path()
    if path is None:
        reason = (
            "Chromium is not installed at /usr/bin/chromium (or $MNR_CHROMIUM): "
            "install it with `apt-get install chromium` to render chart images."
        )
        if os.environ.get("CI"):
            pytest.fail(f"Image exports must be tested in CI, but {reason}")
        pytest.skip(reason)
    return path


@pytest.fixture(scope="module")
def demo():
    data = load_demo(FRAMEWORK)
    assert not data.capabilities.empty, "the fictional demo data is not installed"
    return data


@pytest.fixture(scope="module")
def demo_labels(demo):
    return assessment_labels(demo.capabilities)


@pytest.fixture(scope="module")
def demo_id(demo_labels):
    # Arvenia's baseline: 19 of 21 assessed (7 and 18 were not), so gaps and blanks show.
    return next(i for i, label in demo_labels.items() if label == "Arvenia 2019 (Baseline)")


@pytest.fixture(scope="module")
def hostile() -> tuple[pd.DataFrame, pd.DataFrame]:
    return hostile_frames()
