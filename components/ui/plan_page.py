"""The action plan page's parts: where to start (a weighted suggestion), the plan editor,
and the plan's downloads.

The suggestion ranks gaps only; the priorities, targets, leads and actions are the person's
to write. The editor is one grid; nothing is kept until "Save the plan", and the page says
whether the grid holds changes not saved yet; what it could not use is said per capability, as
the upload report does.
"""

from __future__ import annotations

import datetime
import time

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
    levels_of,
    plan_from_editor,
    plan_of,
    same_plan,
)
from components.scoring.plans import (
    SUGGESTION_NOTE,
    plan_table,
    suggest_priorities,
    suggestion_display,
)
from components.ui import state
from components.ui.markdown import caption, literal, md, notice
from components.ui.page_frame import narrow_layout
from components.ui.render import render_table

#: The assessments whose plan was saved from this page in this session.
_SAVED = "plan_editor_saved"
#: When Save was last clicked, per assessment (``time.monotonic()`` of the server).
_SAVE_ASKED = "plan_editor_save_asked"
#: The click (its time) and the plan the page saved last for it.
_SAVED_LAST = "plan_editor_saved_last"
#: How long after a click on Save the grid's edits still count as saved by it: enough for the
#: grid's last edit to arrive (150 ms after it is made) through a busy server's rerun; far less
#: than double-clicking a cell, typing and pressing Enter again takes.
SAVE_WINDOW_SECONDS = 2.0
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
    st.caption(SUGGESTION_NOTE)


# Widths in pixels, each enough for its header (with the grid's edit icon) and its longest
# value ("Not started", "2025-12-31"): together they fit the page beside the sidebar at
# 1280 x 720 (about 820 px), so the actions are in view without scrolling sideways. Levels are
# numbers (the headers' help names them, as the plan tables elsewhere do); long text shows its
# start, and "The plan in full" below the grid wraps it. The number and the capability are
# pinned, so they stay in view where the grid is scrolled (a narrower window).
EDITOR_WIDTHS = {
    "No.": 40,
    "Capability": 150,
    "Level now": 76,
    "Priority": 80,
    "Target level": 76,
    "Target date": 104,
    "Status": 84,
    "Actions": 126,
    "Lead organisation": 76,
}
#: Headers shorter than the columns' names, where a name would widen its column.
EDITOR_HEADERS = {"Target level": "Target", "Lead organisation": "Lead"}


def _scale_names(framework: Framework) -> str:
    return ", ".join(f"{level.value} {level.label}" for level in framework.scale.levels)


def _scale_help(framework: Framework, what: str) -> str:
    return f"{what}, on the scale: {_scale_names(framework)}."


def _level_number(value: object) -> str | None:
    """The editor's level ("3 - Established") as its number ("3"); a blank as ``None``."""
    if not isinstance(value, str) or not value:
        return None
    return str(value).split(" - ", 1)[0]


def _editor_columns(framework: Framework, *, pinned: bool) -> dict[str, object]:
    """The plan grid's columns: widths, choices, limits; the first two ``pinned`` (not on a
    phone, where they would fill the screen and leave no room to scroll the rest into)."""
    width = EDITOR_WIDTHS
    levels = [str(level.value) for level in framework.scale.levels]
    return {
        "No.": st.column_config.NumberColumn("No.", width=width["No."], pinned=pinned),
        "Capability": st.column_config.TextColumn(
            "Capability", width=width["Capability"], pinned=pinned
        ),
        "Level now": st.column_config.TextColumn(
            "Level now",
            width=width["Level now"],
            help=_scale_help(framework, "The level this round assessed"),
        ),
        "Priority": st.column_config.SelectboxColumn(
            "Priority", options=list(PRIORITY_LABELS.values()), width=width["Priority"]
        ),
        "Target level": st.column_config.SelectboxColumn(
            EDITOR_HEADERS["Target level"],
            options=levels,
            width=width["Target level"],
            help=_scale_help(framework, "Target level"),
        ),
        "Target date": st.column_config.DateColumn(
            "Target date", format="YYYY-MM-DD", width=width["Target date"]
        ),
        "Status": st.column_config.SelectboxColumn(
            "Status", options=list(STATUS_LABELS.values()), width=width["Status"]
        ),
        "Actions": st.column_config.TextColumn(
            "Actions",
            max_chars=MAX_ACTIONS_CHARS,
            width=width["Actions"],
            help="What is to be done. Double-click a cell to read or write all of it.",
        ),
        "Lead organisation": st.column_config.TextColumn(
            EDITOR_HEADERS["Lead organisation"],
            max_chars=MAX_LEAD_CHARS,
            width=width["Lead organisation"],
            help="Lead organisation",
        ),
    }


def render_plan_editor(framework: Framework, assessment_id: str) -> None:
    """The plan as one grid per capability; "Save the plan" keeps what the grid shows in the
    session (the library keeps it when the assessment is saved there).

    Whether the grid holds changes not saved yet is worked out on every run, from what the grid
    shows and what the session keeps, never from the click alone. The grid sends an edit to the
    server 150 ms after it is made, so a click right after typing arrives before it: the click
    is noted by its callback (which runs even when the edit's rerun replaces the click's), and
    what the grid holds is saved on every run within ``SAVE_WINDOW_SECONDS`` of it. An edit
    arriving later still is not saved, and the page says so instead of claiming it was.
    """
    current = state.collection()
    frame = editor_frame(current.capabilities, current.plans, assessment_id, framework)
    frame["Level now"] = frame["Level now"].map(_level_number)
    frame["Target level"] = frame["Target level"].map(_level_number)
    # One key per assessment, kept across saves: an edit arriving after a save still lands in
    # this grid (a grid with a fixed number of rows keeps its edits when its values change).
    edited = st.data_editor(
        frame,
        key=f"plan_editor_{assessment_id}",
        hide_index=True,
        width="stretch",
        height="content",
        num_rows="fixed",
        # A capability with no plan shows empty cells, not the grid's "None" (read as a value).
        placeholder="",
        disabled=["No.", "Capability", "Level now"],
        # The actions before the lead organisation: what is to be done, then who leads it.
        column_order=[*EDITOR_COLUMNS[:-2], "Actions", "Lead organisation"],
        column_config=_editor_columns(framework, pinned=not narrow_layout()),
    )
    caption(
        md(
            "Levels are numbers ({scale}). Double-click a cell to read or write all of its "
            "text; the plan as saved is in full below the grid. On a phone, scroll the grid "
            "sideways for the actions and the lead organisation.",
            max_chars=None,
            scale=_scale_names(framework),
        )
    )
    plan, problems = plan_from_editor(
        edited, assessment_id, framework, levels_of(current.capabilities, assessment_id)
    )
    st.button(
        "Save the plan",
        key="plan_save",
        type="primary",
        icon=":material/save:",
        on_click=_ask_to_save,
        args=(assessment_id,),
    )
    kept = plan_of(current.plans, assessment_id)
    unsaved = not same_plan(plan, kept)
    asked = _save_asked_lately(assessment_id)
    if asked is not None and unsaved:
        # Each plan saved once per click: were a grid not to read back exactly as it was
        # kept, saving it again would only start the same run again.
        last = st.session_state.get(_SAVED_LAST)
        if last is None or last[0] != asked or not same_plan(plan, last[1]):
            st.session_state[_SAVED_LAST] = (asked, plan)
            state.set_collection(set_plan(current, assessment_id, plan))
            st.rerun()  # the sidebar and the downloads drawn again with the plan kept
    if unsaved:
        notice(
            "warning",
            "The grid has changes that are not saved yet: Save the plan keeps them in this "
            "session.",
            icon=":material/edit_note:",
        )
    elif assessment_id in st.session_state.get(_SAVED, ()):
        notice(
            "success",
            md("The plan was saved in this session: {count}.", count=_count(len(kept))),
            icon=":material/check:",
        )
    # What the grid holds that a plan cannot use, as it is typed (and after a save: not kept).
    for problem in problems:
        notice("warning", problem.message, icon=":material/warning:")
    if not kept.empty:
        # The grid shows the start of long text; here every word of the saved plan wraps.
        with st.expander("The plan in full, as saved", icon=":material/table:"):
            render_table(
                plan_table(
                    current.capabilities,
                    current.plans,
                    assessment_id,
                    framework,
                    datetime.date.today(),
                )
            )


def _ask_to_save(assessment_id: str) -> None:
    """Save's callback: note the click (the runs that follow save what the grid holds)."""
    st.session_state[_SAVE_ASKED] = {
        **st.session_state.get(_SAVE_ASKED, {}),
        assessment_id: time.monotonic(),
    }
    st.session_state[_SAVED] = {*st.session_state.get(_SAVED, ()), assessment_id}


def _save_asked_lately(assessment_id: str) -> float | None:
    """When Save was clicked for this assessment, if that was within the save window."""
    asked = st.session_state.get(_SAVE_ASKED, {}).get(assessment_id)
    if asked is None or time.monotonic() - asked >= SAVE_WINDOW_SECONDS:
        return None
    return float(asked)


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
