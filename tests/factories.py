"""Tidy assessment frames built in code, for tests that should not depend on the reader."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from components.framework.model import default_framework
from components.ingest.report import CAPABILITY_COLUMNS, ENABLER_COLUMNS


def capability_rows(
    assessment_id: str,
    country: str,
    year: int | None,
    levels: Mapping[int, int | None],
    *,
    round_label: str | None = None,
    source: str = "test.xlsx › Assessment",
) -> pd.DataFrame:
    """All 21 capabilities of one assessment; capabilities not in ``levels`` are not assessed."""
    framework = default_framework()
    rows = [
        {
            "assessment_id": assessment_id,
            "country": country,
            "iso3": pd.NA,
            "year": year,
            "date": pd.NA,
            "round": round_label if round_label is not None else pd.NA,
            "assessed_by": pd.NA,
            "source": source,
            "capability": capability.number,
            "domain": capability.domain,
            "level": levels.get(capability.number),
            "evidence": pd.NA,
            "confidence": pd.NA,
        }
        for capability in framework.capabilities
    ]
    frame = pd.DataFrame(rows, columns=CAPABILITY_COLUMNS)
    for column in ("year", "capability", "level"):
        frame[column] = frame[column].astype("Int64")
    return frame


def enabler_rows(assessment_id: str, country: str, year: int | None) -> pd.DataFrame:
    """The seven enablers of one assessment, none assessed."""
    rows = [
        {
            "assessment_id": assessment_id,
            "country": country,
            "iso3": pd.NA,
            "year": year,
            "date": pd.NA,
            "round": pd.NA,
            "assessed_by": pd.NA,
            "source": "test.xlsx › Enablers",
            "enabler": number,
            "level": pd.NA,
            "evidence": pd.NA,
            "confidence": pd.NA,
        }
        for number in range(1, 8)
    ]
    frame = pd.DataFrame(rows, columns=ENABLER_COLUMNS)
    for column in ("year", "enabler", "level"):
        frame[column] = frame[column].astype("Int64")
    return frame


def plan_rows(assessment_id: str, plans: Mapping[int, Mapping[str, object]]) -> pd.DataFrame:
    """An action plan of one assessment: capability number -> its fields (others blank)."""
    from components.ingest.plans import plan_frame

    rows = [
        {
            "capability": number,
            "priority": fields.get("priority"),
            "target_level": fields.get("target_level"),
            "target_date": fields.get("target_date"),
            "lead": fields.get("lead"),
            "actions": fields.get("actions"),
            "status": fields.get("status", "not started"),
        }
        for number, fields in plans.items()
    ]
    return plan_frame(assessment_id, rows)
