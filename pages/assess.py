"""Assess in the app: enter or change an assessment, kept as a draft as you go, and add it to
the session like an upload."""

import streamlit as st

from components.framework.model import default_framework
from components.ui.assess import open_entry, render_flash, render_keeping, today
from components.ui.assess_form import (
    render_capabilities,
    render_coverage,
    render_enablers,
    render_meta,
)
from components.ui.assess_session import render_add
from components.ui.assess_start import render_origin, render_start
from components.ui.markdown import md
from components.ui.navigation import run_through_navigation
from components.ui.render import render_link_notices

run_through_navigation()

framework = default_framework()
entry = open_entry(framework)

st.title("Assess in the app")
render_link_notices()
render_flash()
st.markdown(
    md(
        "Score the {capabilities} capabilities and the {enablers} enablers here, with the "
        "evidence and how confident you are. Choose *Not assessed* for what was not assessed: "
        "it is left out of every score, never counted as 0. Your work is kept as you go, so "
        "you can finish later.",
        capabilities=len(framework.capabilities),
        enablers=len(framework.enablers),
    )
)
render_keeping(framework)
render_start(entry, framework)
render_origin(entry)
render_coverage(entry, framework)

st.header("1. The assessment")
render_meta()
st.header("2. The capabilities")
render_capabilities(entry, framework)
st.header("3. The enablers")
render_enablers(entry, framework)
st.header("4. Add it to your session")
render_add(entry, framework, today())
