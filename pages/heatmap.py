"""Heatmap: every assessment against the 21 capabilities, grouped by domain."""

import streamlit as st

from components.charts.views import heatmap_sort_options, heatmap_view
from components.framework.model import default_framework
from components.ingest.labels import assessment_labels
from components.ui import state
from components.ui.captions import editions_warning, undated_note
from components.ui.markdown import caption, option_format
from components.ui.memo import remember
from components.ui.navigation import run_through_navigation
from components.ui.page_frame import narrow_layout
from components.ui.render import render_demo_notice, render_empty_state, render_figure
from components.ui.selection import (
    ROUND_FILTERS,
    filter_assessments,
    kind_left_out,
    same_kind_ids,
    undated_count,
    year_choices,
)

run_through_navigation()

framework = default_framework()
current = state.collection()
incoming = state.page_link_params(known=("rows", "years", "sort"))
capabilities = current.capabilities
years = remember(current, "years", None, lambda: year_choices(capabilities))
sorts = heatmap_sort_options(framework)
state.restore_choice(incoming, "rows", {k: k for k in ROUND_FILTERS}, "heatmap_rounds", "rows")
state.restore_many(incoming, "years", {y: str(y) for y in years}, "heatmap_years", "years")
state.restore_choice(incoming, "sort", {k: k for k in sorts}, "heatmap_sort", "row order")

st.title("Capability heatmap")
render_demo_notice()
if current.is_empty:
    render_empty_state("heatmap")
    st.stop()

labels = remember(current, "labels", None, lambda: assessment_labels(capabilities))
st.markdown(
    "Where each assessment stands on every capability. Darker is further along; grey means "
    "not assessed. Hover over a cell (or tap it) for the capability, the level and the evidence."
)

left, middle, right = st.columns([1, 1, 1])
with left:
    which = st.radio(
        "Assessments",
        list(ROUND_FILTERS),
        format_func=ROUND_FILTERS.__getitem__,
        key="heatmap_rounds",
    )
with middle:
    # Shown only when it counts: a disabled box's grey text is too faint to read (2.5:1).
    chosen_years = (
        st.multiselect("Years", years, default=years[-1:], key="heatmap_years")
        if which == "years"
        else []
    )
with right:
    sort_by = st.selectbox(
        "Order of rows", list(sorts), format_func=sorts.__getitem__, key="heatmap_sort"
    )

state.share("rows", which)
state.share("years", ",".join(map(str, chosen_years)) if which == "years" else None)
state.share("sort", sort_by)
# Real assessments beside real ones, the demo's beside the demo's: the sidebar's country says
# which (invented scores never share a grid with a real country's).
focus_country = state.selected_country()
every_id = remember(
    current,
    "heatmap_rows",
    (which, tuple(chosen_years)),
    lambda: filter_assessments(capabilities, which, chosen_years),
)
ids = remember(
    current,
    "heatmap_kind",
    (tuple(every_id), focus_country),
    lambda: same_kind_ids(capabilities, every_id, focus_country),
)
if len(ids) < len(every_id):
    caption(kind_left_out(capabilities, focus_country))
if not ids:
    st.info("No assessment matches these choices. Choose other years, or all rounds.")
    st.stop()

if which == "years" and (undated := undated_count(capabilities)):
    caption(undated_note(undated))
domain_id = None
if narrow_layout():
    # A phone shows one domain's few columns at a time; the table below keeps all 21.
    domains = {domain.id: domain.name for domain in framework.domains}
    domain_id = st.selectbox(
        "Domain",
        list(domains),
        format_func=option_format(domains, markdown=False),
        key="heatmap_domain",
    )
view = remember(
    current,
    "heatmap",
    (tuple(ids), sort_by, domain_id),
    lambda: heatmap_view(
        capabilities,
        framework,
        labels,
        ids,
        sort_by,
        domain_id=domain_id,
        narrow=domain_id is not None,
    ),
)
editions = remember(
    current,
    "editions",
    tuple(ids),
    lambda: editions_warning(capabilities, ids, labels, framework.edition),
)
if editions:
    st.warning(editions, icon=":material/history_edu:")
render_figure(view.figure, key="heatmap", caption=view.caption, table=view.table, first_chart=True)
