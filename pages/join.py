"""Join (participant): rate the capability the room is on, from a phone."""

import streamlit as st

from components.framework.model import default_framework
from components.ui.navigation import run_through_navigation
from components.ui.workshop_join import render_join_page

run_through_navigation()
st.set_page_config(initial_sidebar_state="collapsed")

render_join_page(default_framework())
