"""A workshop's result in the facilitator's session: the agreed levels as an assessment
(origin "workshop", in every picture and export, saveable to the library) and, beside it,
the anonymised votes and the agreement per capability for the exports.

Both stay in the facilitator's own ``st.session_state``; the workshop itself stays in the
database, so the facilitator link can put them in a session again at any time.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from components.framework.model import Framework
from components.ingest.collection import add_assessments
from components.library.workshop_votes import (
    all_votes,
    assessment_frames,
    participant_count,
    workshop_assessment_id,
)
from components.library.workshops import Workshop, decisions
from components.scoring.agreement import summary_table
from components.ui import state

WORKSHOP_ORIGIN = "workshop"
RESULTS = "mnr_workshop_results"


@dataclass(frozen=True)
class WorkshopResult:
    """What the exports of a workshop's assessment add: the votes and their agreement."""

    title: str
    votes: pd.DataFrame
    summary: pd.DataFrame


def workshop_result(engine: Engine, workshop: Workshop, framework: Framework) -> WorkshopResult:
    """The workshop's anonymised votes and agreement per capability, read now."""
    votes = all_votes(engine, workshop.id)
    return WorkshopResult(
        workshop.title, votes, summary_table(votes, decisions(workshop), framework)
    )


def put_in_session(engine: Engine, workshop: Workshop, framework: Framework) -> str:
    """Add (or refresh) the workshop's agreed levels in this session; the assessment's id."""
    capabilities, enablers = assessment_frames(
        workshop, framework, participant_count(engine, workshop.id)
    )
    state.set_collection(
        add_assessments(
            state.collection(),
            capabilities,
            enablers,
            WORKSHOP_ORIGIN,  # type: ignore[arg-type]
        )
    )
    assessment_id = workshop_assessment_id(workshop)
    st.session_state.setdefault(RESULTS, {})[assessment_id] = workshop_result(
        engine, workshop, framework
    )
    return assessment_id


def result_for(assessment_id: str) -> WorkshopResult | None:
    """The workshop result beside one of this session's assessments, if a workshop made it."""
    if assessment_id not in set(state.collection().assessment_ids):
        return None
    return st.session_state.get(RESULTS, {}).get(assessment_id)
