"""Action plans where people look: each gap with its plan (profile), what came of the last
round's targets (trends), and the portfolio across countries."""

from __future__ import annotations

import datetime

import pandas as pd
import streamlit as st

from components.framework.model import Framework
from components.ingest.collection import Collection
from components.ingest.plans import plan_of
from components.scoring.plan_portfolio import METHOD_NOTE as PORTFOLIO_NOTE
from components.scoring.plan_portfolio import portfolio_by_country, portfolio_by_domain
from components.scoring.plans import (
    MET,
    MISSED,
    NO_TARGET,
    NOT_ASSESSED,
    SHORT,
    done_below_target,
    follow_up,
    follow_up_counts,
    gaps_with_plans,
    plan_table,
)
from components.scoring.tables import escape_for_table
from components.ui.markdown import caption, md, notice
from components.ui.memo import remember
from components.ui.render import render_table, render_wide_table
from components.ui.selection import kind_left_out, same_kind_ids

# On a phone, the columns a person looks for first stay on screen (the rest scroll sideways).
GAP_KEY_COLUMNS = ("Level", "Status", "Priority", "Target")
PLAN_KEY_COLUMNS = ("Level now", "Status", "Priority", "Target level", "Target date")
PORTFOLIO_KEY_COLUMNS = (
    "Planned capabilities",
    "Done",
    "Overdue",
    "High priority",
    "High priority done",
)


def render_gap_plans(
    collection: Collection, framework: Framework, assessment_id: str, gaps: pd.DataFrame
) -> None:
    """The profile's gaps, each with its plan, and the rest of the plan below."""
    st.subheader("The gaps and their plan")
    if gaps.empty:
        st.caption("Too few capabilities were assessed to name gaps.")
        return
    today = datetime.date.today()

    def tables() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        plan = plan_table(
            collection.capabilities, collection.plans, assessment_id, framework, today
        )
        return (
            escape_for_table(gaps_with_plans(gaps, collection.plans, assessment_id, today)),
            plan,
            escape_for_table(plan[~plan["No."].isin(gaps["capability"])]),
        )

    # The gaps are the assessment's own (kept by the profile under the same id): the date is
    # part of the key because "overdue" depends on it.
    with_plans, plan, others = remember(collection, "gap_plans", (assessment_id, today), tables)
    render_wide_table(with_plans, key=GAP_KEY_COLUMNS)
    render_done_note(plan)
    if plan.empty:
        st.caption("This round has no action plan yet.")
    elif not others.empty:
        with st.expander(md("The rest of the plan ({count})", count=len(others))):
            render_wide_table(others, key=("Capability", *PLAN_KEY_COLUMNS))
    st.page_link("pages/plan.py", label="Make or change the plan", icon=":material/checklist:")


def render_done_note(plan: pd.DataFrame) -> None:
    """Say which plan items are marked done while the level is below their target (a
    ``plan_table``); nothing when there are none."""
    note = done_below_target(plan)
    if note:
        notice("warning", note, icon=":material/rule:")


def render_saved_plan_note(
    collection: Collection, framework: Framework, assessment_id: str
) -> None:
    """The plan page's note on the saved plan: done, but below the target."""
    render_done_note(
        plan_table(
            collection.capabilities,
            collection.plans,
            assessment_id,
            framework,
            datetime.date.today(),
        )
    )


def render_follow_up(
    collection: Collection, framework: Framework, earlier_id: str, later_id: str
) -> None:
    """What came of the earlier round's plan by the later round: target met, progress short
    of it, or missed, with the levels each rests on."""
    st.subheader("The earlier round's plan: which targets were met")
    if plan_of(collection.plans, earlier_id).empty:
        st.caption("The earlier round has no action plan, so there are no targets to follow.")
        return
    table = follow_up(collection.capabilities, collection.plans, earlier_id, later_id, framework)
    counts = follow_up_counts(table)
    cannot_say = counts[NOT_ASSESSED] + counts[NO_TARGET]
    first, second, third, fourth = st.columns(4)
    first.metric("Target met", counts[MET])
    second.metric("Progress, short of target", counts[SHORT])
    third.metric("Missed", counts[MISSED])
    fourth.metric(
        "Cannot say",
        cannot_say,
        help="No target level in the plan, or not assessed in the later round.",
    )
    render_table(table)
    st.caption(
        "Met: the later level reaches the target. Short: the level rose, not yet to the "
        "target. Missed: no rise, and below the target. Levels as each round assessed them."
    )


def render_portfolio(
    collection: Collection,
    framework: Framework,
    labels: dict[str, str],
    *,
    anonymised: bool,
    focus_country: str | None = None,
) -> None:
    """Plans across countries: per domain, then per country (by name, never ranked).

    Only the assessments of ``focus_country``'s kind count (real, or the fictional demo's):
    invented plans never add to real countries' totals.
    """
    today = datetime.date.today()
    capabilities, plans = collection.capabilities, collection.plans
    every_id = list(dict.fromkeys(capabilities["assessment_id"]))
    kept = same_kind_ids(capabilities, every_id, focus_country)
    if len(kept) < len(every_id):
        caption(kind_left_out(capabilities, focus_country))
        capabilities = capabilities[capabilities["assessment_id"].isin(kept)]
        plans = plans[plans["assessment_id"].isin(kept)]
    if plans.empty:
        notice(
            "info",
            "No assessment in this session has an action plan yet. Make one on the Action "
            "plan page, or upload workbooks whose Action plan sheet is filled in.",
            icon=":material/info:",
        )
        return
    st.header("Per domain")
    st.caption(PORTFOLIO_NOTE)
    render_wide_table(
        escape_for_table(portfolio_by_domain(capabilities, plans, framework, today)),
        key=PORTFOLIO_KEY_COLUMNS,
    )
    st.header("Per country")
    st.caption(
        "Countries in alphabetical order: this is not a ranking. The same counts as per domain."
    )
    render_wide_table(
        escape_for_table(
            portfolio_by_country(capabilities, plans, labels, today, anonymised=anonymised)
        ),
        key=PORTFOLIO_KEY_COLUMNS,
    )
