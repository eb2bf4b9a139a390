"""Plans across countries: high-priority actions per domain, share done, overdue; for an NGO
or a regional body following several countries. Never a ranking."""

import streamlit as st

from components.framework.model import default_framework
from components.ingest.labels import assessment_labels
from components.ui import state
from components.ui.navigation import run_through_navigation
from components.ui.plan_views import render_portfolio
from components.ui.render import render_demo_notice, render_empty_state

run_through_navigation()

framework = default_framework()
current = state.collection()
incoming = state.page_link_params(known=("anon",))
state.restore_flag(incoming, "anon", "portfolio_anonymised")

st.title("Plans across countries")
render_demo_notice()
if current.is_empty:
    render_empty_state("portfolio")
    st.stop()
st.markdown(
    "Each country's latest action plan, domain by domain: for following progress and learning "
    "from each other, not for ranking. Turn on the anonymised view to show countries as "
    "Country A, B, …"
)
anonymised = st.toggle("Anonymised view", key="portfolio_anonymised")
state.share("anon", "1" if anonymised else None)
render_portfolio(
    current,
    framework,
    assessment_labels(current.capabilities),
    anonymised=anonymised,
    focus_country=state.selected_country(),
)
