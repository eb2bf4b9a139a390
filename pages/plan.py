"""Action plan: from the gaps to a plan per capability (priority, target, lead, actions,
status), with a weighted suggestion of where to start."""

import streamlit as st

from components.framework.model import default_framework
from components.ingest.labels import assessment_labels
from components.ui import state
from components.ui.markdown import heading
from components.ui.navigation import run_through_navigation
from components.ui.plan_page import render_plan_downloads, render_plan_editor, render_suggestion
from components.ui.plan_views import render_saved_plan_note
from components.ui.render import render_demo_notice, render_empty_state

run_through_navigation()

framework = default_framework()
current = state.collection()
focus_id = state.selected_assessment_id()
st.title("Action plan")
render_demo_notice()
if current.is_empty or focus_id is None:
    render_empty_state("plan")
    st.stop()

heading(assessment_labels(current.capabilities)[focus_id])
st.caption(
    "Choose another country or round in the sidebar. A plan belongs to this round; the next "
    "round's Trends page shows which targets were met."
)

st.header("Where to start")
st.caption("The assessed capabilities furthest from the top of the scale, weighted as you choose.")
render_suggestion(framework, focus_id)

st.header("The plan")
st.caption(
    "For each capability you want to improve: priority, target level and date, the lead "
    "organisation, the actions and their status. Leave a row blank for no plan. Save the plan "
    "before leaving the page; save the assessment to the library to keep it between visits."
)
render_plan_editor(framework, focus_id)
render_saved_plan_note(state.collection(), framework, focus_id)

st.header("Take it home")
st.caption(
    "The Excel of all assessments (upload page) holds every plan and reads back; the brief "
    "and the slides (Country profile) have a plan page."
)
render_plan_downloads(framework, focus_id)
