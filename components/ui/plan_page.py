"""The action plan page's parts: where to start (a weighted suggestion), the plan editor,
and the plan's downloads.

The suggestion ranks gaps only; the priorities, targets, leads and actions are the person's
to write. The editor is one grid; nothing is kept until "Save the plan" (each edit reaches the
server as it is made, so a quick click on Save never loses the last one); what it could not
use is said per capability, as the upload report does.
"""

from __future__ import annotations

import streamlit as st

from components.base.text import count_of
from components.exports.plan_tables import plan_csv
from components.framework.model import Framework
from components.ingest.collection import set_plan
from components.ingest.plans import (
    EDITOR_COLUMNS,
    MAX_ACTIONS_CHARS,
    MAX_LEAD_CHARS,
    PRIORITY_LABELS,
    STATUS_LABELS,
    editor_frame,
    level_entry,
    levels_of,
    plan_from_editor,
    plan_of,
)
from components.scoring.plans import suggest_priorities, suggestion_display
from components.ui import state
from components.ui.markdown import literal, md, notice
from components.ui.render import render_table

_VERSION = "plan_editor_version"
_PROBLEMS = "plan_editor_problems"
WEIGHT_CHOICES = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0)


def domain_weights(framework: Framework) -> dict[str, float]:
    """The weight the person gives each domain (1 unless changed; 0 leaves a domain out)."""
    weights = {}
    columns = st.columns(3)
    for index, domain in enumerate(framework.domains):
        with columns[index % 3]:
            weights[domain.id] = st.select_slider(
                literal(domain.name, None),
                options=WEIGHT_CHOICES,
                value=1.0,
                key=f"plan_weight_{domain.id}",
            )
    return weights


def render_suggestion(framework: Framework, assessment_id: str) -> None:
    """The capabilities to consider first: lowest levels, weighted by the chosen domains."""
    capabilities = state.collection().capabilities
    with st.expander("Weigh the domains", icon=":material/tune:"):
        st.caption("Give more weight to the domains that matter most now (0 leaves a domain out).")
        weights = domain_weights(framework)
    suggestion = suggest_priorities(capabilities, assessment_id, framework, weights)
    if suggestion.empty:
        notice(
            "info",
            "No assessed capability is below the top of the scale in the weighted domains: "
            "nothing to suggest.",
            icon=":material/info:",
        )
        return
    render_table(suggestion_display(suggestion))
    st.caption(
        "Gap x weight: how far the level is from the top of the scale, times the domain's "
        "weight. Capabilities not assessed are left out (missing is not a gap). A suggestion "
        "only: the priorities and the actions are yours to decide."
    )


def render_plan_editor(framework: Framework, assessment_id: str) -> None:
    """The plan as one grid per capability; "Save the plan" checks it and keeps it in the
    session (the library keeps it when the assessment is saved there)."""
    current = state.collection()
    version = st.session_state.get(_VERSION, 0)
    frame = editor_frame(current.capabilities, current.plans, assessment_id, framework)
    levels = [level_entry(framework, level.value) for level in framework.scale.levels]
    edited = st.data_editor(
        frame,
        key=f"plan_editor_{assessment_id}_{version}",
        hide_index=True,
        width="stretch",
        height="content",
        num_rows="fixed",
        disabled=["No.", "Capability", "Level now"],
        column_order=EDITOR_COLUMNS,
        column_config={
            "No.": st.column_config.NumberColumn("No.", width="small"),
            "Capability": st.column_config.TextColumn("Capability", width="medium"),
            "Level now": st.column_config.TextColumn("Level now", width="small"),
            "Priority": st.column_config.SelectboxColumn(
                "Priority", options=list(PRIORITY_LABELS.values()), width="small"
            ),
            "Target level": st.column_config.SelectboxColumn(
                "Target level", options=levels, width="small"
            ),
            "Target date": st.column_config.DateColumn(
                "Target date", format="YYYY-MM-DD", width="small"
            ),
            "Lead organisation": st.column_config.TextColumn(
                "Lead organisation", max_chars=MAX_LEAD_CHARS, width="medium"
            ),
            "Actions": st.column_config.TextColumn(
                "Actions", max_chars=MAX_ACTIONS_CHARS, width="large"
            ),
            "Status": st.column_config.SelectboxColumn(
                "Status", options=list(STATUS_LABELS.values()), width="small"
            ),
        },
    )
    saved = st.button(
        "Save the plan", key=f"plan_save_{version}", type="primary", icon=":material/save:"
    )
    if saved:
        plan, problems = plan_from_editor(
            edited, assessment_id, framework, levels_of(current.capabilities, assessment_id)
        )
        state.set_collection(set_plan(current, assessment_id, plan))
        st.session_state[_VERSION] = version + 1
        st.session_state[_PROBLEMS] = (assessment_id, [p.message for p in problems], len(plan))
        st.rerun()
    _render_saved()


def _render_saved() -> None:
    """What the last save kept, and what it could not use, once."""
    found = st.session_state.pop(_PROBLEMS, None)
    if found is None:
        return
    _, messages, count = found
    notice(
        "success",
        md("The plan was saved in this session: {count}.", count=_count(count)),
        icon=":material/check:",
    )
    for message in messages:
        notice("warning", message, icon=":material/warning:")


def _count(count: int) -> str:
    if count == 0:
        return "no capability has a plan"
    return f"{count_of(count, 'capability', 'capabilities')} with a plan"


def render_plan_downloads(framework: Framework, assessment_id: str) -> None:
    """This assessment's plan as CSV (the Excel of all assessments, on the upload page,
    holds every plan and reads back)."""
    current = state.collection()
    plan = plan_of(current.plans, assessment_id)
    capabilities = current.capabilities[current.capabilities["assessment_id"] == assessment_id]
    st.download_button(
        "This plan (CSV)",
        data=lambda: plan_csv(capabilities, plan, framework),
        file_name="mnr-action-plan.csv",
        mime="text/csv",
        key="plan_csv",
        icon=":material/download:",
        on_click="ignore",
        disabled=plan.empty,
    )
