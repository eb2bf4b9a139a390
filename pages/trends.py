"""Trends: a country's domain scores across rounds, and what changed between two rounds."""

import streamlit as st

from components.charts.views import LIKE_FOR_LIKE_NOTE, change_view, trend_view
from components.framework.model import default_framework
from components.ingest.labels import assessment_labels
from components.ui import state
from components.ui.captions import editions_warning, not_comparable, too_few_rounds
from components.ui.markdown import heading, notice
from components.ui.memo import remember
from components.ui.navigation import run_through_navigation
from components.ui.page_frame import narrow_layout
from components.ui.plan_views import render_follow_up
from components.ui.render import render_demo_notice, render_empty_state, render_figure, render_table
from components.ui.selection import countries_with_rounds
from components.ui.trend_rounds import render_round_pickers, settle_rounds

run_through_navigation()

framework = default_framework()
current = state.collection()
incoming = state.page_link_params(known=("from", "to"))
capabilities = current.capabilities
country = state.selected_country()
rounds = state.session_rounds(country)
if len(rounds) >= 2:
    settle_rounds(incoming, rounds)  # before the notices: a backwards link is put right

st.title("Trends")
render_demo_notice()
if current.is_empty:
    render_empty_state("trend")
    st.stop()
heading(country)
st.caption("Choose another country in the sidebar.")
if len(rounds) < 2:
    others = countries_with_rounds(capabilities, minimum=2)
    notice("info", too_few_rounds(country, others), icon=":material/info:")
    st.stop()

narrow = narrow_layout()
trend = remember(
    current,
    "trend",
    (country, narrow),
    lambda: trend_view(capabilities, framework, country, narrow=narrow),
)
st.header("Domain scores over time")
render_figure(trend.figure, key="trend_lines", caption=trend.caption, table=trend.table)

st.header("What changed between two rounds")
labels = remember(current, "labels", None, lambda: assessment_labels(capabilities))
pair = render_round_pickers(rounds)
earlier_id, later_id = pair.earlier, pair.later
st.caption("“From” is always the earlier round: “To” offers only the rounds after it.")

change = remember(
    current,
    "change",
    (earlier_id, later_id, narrow),
    lambda: change_view(capabilities, framework, labels, earlier_id, later_id, narrow=narrow),
)
editions = remember(
    current,
    "editions",
    (earlier_id, later_id),
    lambda: editions_warning(capabilities, [earlier_id, later_id], labels, framework.edition),
)
if editions:
    st.warning(editions, icon=":material/history_edu:")
counts = change.counts
first, second, third, fourth = st.columns(4)
first.metric("Improved", counts["improved"])
second.metric("Unchanged", counts["unchanged"])
third.metric("Declined", counts["declined"])
fourth.metric(
    "Not comparable",
    not_comparable(counts),
    help="Assessed in only one of the two rounds, or in neither.",
)
render_figure(
    change.figure.figure,
    key="trend_changes",
    caption=change.figure.caption,
    table=change.figure.table,
)
st.markdown("**Per domain**")
st.caption(LIKE_FOR_LIKE_NOTE)
render_table(change.domains)
if len(change.drops):
    st.markdown("**Largest drops**")
    render_table(change.drops)
render_follow_up(current, framework, earlier_id, later_id)
