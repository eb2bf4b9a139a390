"""Workshop (facilitator): open a live workshop, run it on the projector, take the result."""

import streamlit as st

from components.framework.model import default_framework
from components.ui.navigation import run_through_navigation
from components.ui.workshop_facilitator import render_facilitator_page

run_through_navigation()
if "w" in st.query_params:
    # A running workshop on the projector: nothing but the workshop, the sidebar collapsed.
    st.set_page_config(initial_sidebar_state="collapsed")

render_facilitator_page(default_framework())
