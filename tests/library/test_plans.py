"""Action plans in the library: kept with each saved version, opened with it, part of what
makes a version new, deleted with it, and a library of the schema before plans migrates."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import text

from components.library import store
from components.library.schema import SCHEMA_VERSION
from components.library.visibility import EDITOR, VISITOR
from tests import library_support
from tests.factories import plan_rows
from tests.library_support import assessment

FIELDS = ["capability", "priority", "target_level", "target_date", "lead", "actions", "status"]


def _plan(assessment_id, lead="Ministry of Justice"):
    return plan_rows(
        assessment_id,
        {
            3: {
                "priority": "high",
                "target_level": 3,
                "target_date": "2026-06-30",
                "lead": lead,
                "actions": "Draft the law.\nTrain judges.",
                "status": "under way",
            },
            9: {"priority": "low"},
        },
    )


def _plain(frame):
    return frame[FIELDS].astype(object).where(frame[FIELDS].notna(), None).values.tolist()


def test_a_saved_plan_opens_with_its_assessment(engine):
    capabilities, enablers = assessment("Zembla", 2024, 2)
    (outcome,) = store.save_assessments(engine, capabilities, enablers, plans=_plan("zembla-2024"))
    assert outcome.status == "saved"
    opened, _, plans = store.open_assessments_and_plans(engine, [outcome.library_id], viewer=EDITOR)
    assert set(plans["assessment_id"]) == set(opened["assessment_id"])
    assert _plain(plans) == _plain(_plan("x"))
    # Whoever may not see the assessment sees no plan either.
    _, _, hidden = store.open_assessments_and_plans(engine, [outcome.library_id], viewer=VISITOR)
    assert hidden.empty


def test_a_changed_plan_is_new_content_and_the_same_plan_is_not(engine):
    capabilities, enablers = assessment("Zembla", 2024, 2)
    store.save_assessments(engine, capabilities, enablers, plans=_plan("zembla-2024"))
    (same,) = store.save_assessments(engine, capabilities, enablers, plans=_plan("zembla-2024"))
    assert same.status == "identical"
    changed = _plan("zembla-2024", lead="Police")
    (refused,) = store.save_assessments(engine, capabilities, enablers, plans=changed)
    assert refused.status == "exists"
    (saved,) = store.save_assessments(
        engine, capabilities, enablers, plans=changed, as_new_version=True
    )
    assert (saved.status, saved.version) == ("saved", 2)
    listing = store.list_assessments(engine, viewer=EDITOR)
    _, _, plans = store.open_assessments_and_plans(engine, listing["library_id"], viewer=EDITOR)
    leads = plans[plans["capability"] == 3]["lead"].tolist()
    assert sorted(leads) == ["Ministry of Justice", "Police"]


def test_an_assessment_without_a_plan_keeps_its_fingerprint(engine):
    capabilities, enablers = assessment("Zembla", 2024, 2)
    store.save_assessments(engine, capabilities, enablers)
    (again,) = store.save_assessments(engine, capabilities, enablers, plans=None)
    assert again.status == "identical"


def test_deleting_an_assessment_deletes_its_plan(engine):
    capabilities, enablers = assessment("Zembla", 2024, 2)
    (outcome,) = store.save_assessments(engine, capabilities, enablers, plans=_plan("zembla-2024"))
    assert store.delete_assessments(engine, [outcome.library_id]) == 1
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM mnr_plans")).scalar() == 0


def test_a_library_of_the_schema_before_plans_migrates_with_its_data(engine):
    capabilities, enablers = assessment("Zembla", 2024, 2, evidence="kept")
    store.save_assessments(engine, capabilities, enablers)
    # Take the library back to the schema before plans (5): no plans table, and none of what
    # later versions added (participants' last-seen time, version 7).
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE mnr_plans"))
        conn.execute(text("ALTER TABLE mnr_workshop_participants DROP COLUMN seen_at"))
        conn.execute(text("UPDATE mnr_schema_version SET version = 5"))
    assert library_support.schema_version(engine) == 5
    listing = store.list_assessments(engine, viewer=EDITOR)
    assert library_support.schema_version(engine) == SCHEMA_VERSION
    opened, _, plans = store.open_assessments_and_plans(
        engine, listing["library_id"], viewer=EDITOR
    )
    assert plans.empty
    assert set(opened["evidence"]) == {"kept"}
    (outcome,) = store.save_assessments(
        engine, capabilities, enablers, plans=_plan("zembla-2024"), as_new_version=True
    )
    assert (outcome.status, outcome.version) == ("saved", 2)
    assert isinstance(plans, pd.DataFrame)


def test_an_exported_library_imports_with_each_versions_plan(engine, tmp_path):
    from components.framework.model import default_framework
    from components.library.access import sqlite_url
    from components.library.database import create_library_engine
    from components.library.transfer import export_workbook, import_workbook

    capabilities, enablers = assessment("Zembla", 2024, 2)
    store.save_assessments(engine, capabilities, enablers, plans=_plan("zembla-2024"))
    formula = _plan("zembla-2024", lead="=Police")
    store.save_assessments(engine, capabilities, enablers, plans=formula, as_new_version=True)
    data = export_workbook(engine, viewer=EDITOR)

    other = create_library_engine(sqlite_url(tmp_path / "other" / "library.sqlite3"))
    try:
        outcome = import_workbook(other, "library.xlsx", data, default_framework())
        assert [p for p in outcome.read.problems if p.severity == "error"] == []
        assert [o.status for o in outcome.outcomes] == ["saved", "saved"]
        listing = store.list_assessments(other, viewer=EDITOR).sort_values("version")
        leads = []
        for library_id in listing["library_id"]:
            _, _, plans = store.open_assessments_and_plans(other, [library_id], viewer=EDITOR)
            leads.append(plans.set_index("capability").loc[3, "lead"])
        # Each version keeps its own plan; the apostrophe that kept "=Police" text in the
        # workbook is taken off again.
        assert leads == ["Ministry of Justice", "=Police"]
    finally:
        other.dispose()
