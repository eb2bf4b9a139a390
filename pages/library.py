"""Library: assessments kept between visits. Look, filter, open; editors save, rename, delete."""

import streamlit as st

from components.framework.model import default_framework
from components.library.database import LibraryUnavailable
from components.ui.library import (
    library_engine,
    library_settings,
    library_viewer,
    render_access,
    render_flash,
    render_unavailable,
)
from components.ui.library_page import render_library
from components.ui.navigation import run_through_navigation
from components.ui.render import render_demo_notice

run_through_navigation()

st.title("Assessment library")
render_demo_notice()
st.markdown(
    "The library keeps assessments between visits. Editors choose who may see each one: "
    "editors only, everyone who uses this app, or only in aggregates such as peer medians. "
    "Open the ones you need in your session to see them in the pictures. What you upload stays "
    "in your own session until an editor saves it here."
)
render_flash()

try:
    settings = library_settings()
    engine = library_engine(settings)
    render_access(settings, engine)
    render_library(engine, default_framework(), viewer=library_viewer(settings), settings=settings)
except LibraryUnavailable as error:
    render_unavailable(error.reason)
