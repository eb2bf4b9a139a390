"""Capability frames as the collection holds them, built in code for the scoring tests."""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd
import pytest

from components.framework.model import default_framework
from tests.factories import capability_rows

FRAMEWORK = default_framework()
DOMAIN_IDS = [domain.id for domain in FRAMEWORK.domains]
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
