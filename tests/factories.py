"""Tidy assessment frames built in code, for tests that should not depend on the reader."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from components.framework.model import default_framework
from components.ingest.report import CAPABILITY_COLUMNS, ENABLER_COLUMNS

if TYPE_CHECKING:
    from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]


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


def demo_and_uploads(levels: Mapping[str, int]) -> AppTest:
    """The app with the fictional demo loaded and, beside it, one uploaded (real) assessment
    of 2024 per country in ``levels``, every capability at that level: for the pages that
    must keep the two kinds apart."""
    from streamlit.testing.v1 import AppTest

    from components.ingest.collection import add_assessments

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.button(key="home_load_demo").click().run()
    collection = at.session_state["mnr_collection"]
    for country, level in levels.items():
        assessment_id = f"upload-{country.casefold()}"
        collection = add_assessments(
            collection,
            capability_rows(assessment_id, country, 2024, dict.fromkeys(range(1, 22), level)),
            enabler_rows(assessment_id, country, 2024),
            "upload",
        )
    at.session_state["mnr_collection"] = collection
    return at
