"""Home: what the Model National Response is, what this app does, and the ways in."""

import streamlit as st

from components.framework.model import default_framework
from components.ui import state
from components.ui.markdown import md
from components.ui.navigation import run_through_navigation
from components.ui.render import render_link_notices

run_through_navigation()

framework = default_framework()

st.title("MNR Dashboard")
render_link_notices()
# Bold text, not a heading: the page's headings go in order (h1, h2, h3) for screen readers.
st.markdown(
    "**See where a country stands in its response to child sexual exploitation and abuse.**"
)
st.markdown(
    md(
        "The **Model National Response** (MNR), published by the {publisher}, describes what a "
        "country needs to prevent and tackle child sexual exploitation and abuse. It groups "
        "**{capabilities} capabilities** into **{domains} domains**: {names}, and names "
        "**{enablers} enablers** that every domain relies on.",
        max_chars=None,
        publisher=framework.publisher,
        capabilities=len(framework.capabilities),
        domains=len(framework.domains),
        names=", ".join(domain.name for domain in framework.domains),
        enablers=len(framework.enablers),
    )
)
st.markdown(
    md(
        "Countries, NGOs and workshop facilitators assess each capability on a scale from "
        "*{lowest}* ({minimum}) to *{highest}* ({maximum}). This app turns those assessments "
        "into pictures you can discuss and compare. A capability that was not assessed is "
        "shown as missing, never as zero, and results are for learning, not for ranking "
        "countries.",
        lowest=framework.scale.levels[0].label,
        minimum=framework.scale.minimum,
        highest=framework.scale.levels[-1].label,
        maximum=framework.scale.maximum,
    )
)

st.header("Where would you like to start?")
browse, upload, present = st.columns(3, gap="medium")
with browse, st.container(border=True, height="stretch"):
    st.markdown("### :material/account_tree: Browse the framework")
    st.markdown(
        "Read the six domains, their outcomes and all capabilities, the enablers and the "
        "assessment scale. Search for a topic, or share a link to one capability."
    )
    st.page_link("pages/framework.py", label="Open the framework", icon=":material/arrow_forward:")
with upload, st.container(border=True, height="stretch"):
    st.markdown("### :material/upload_file: Upload or enter an assessment")
    st.markdown(
        "Download the Excel template, fill it in, and upload it, or bring a table you made "
        "yourself. The app says exactly which cell it could not read and why. Or score the "
        "capabilities here, in the app."
    )
    st.page_link("pages/upload.py", label="Upload assessments", icon=":material/arrow_forward:")
    st.page_link("pages/assess.py", label="Or assess in the app", icon=":material/edit_note:")
    st.button(
        "Or load the fictional demo data",
        key="home_load_demo",
        on_click=state.load_demo_into_session,
        disabled=state.collection().has_demo,
        help="Eight invented countries with two or three rounds each, clearly labelled.",
    )
with present, st.container(border=True, height="stretch"):
    st.markdown("### :material/co_present: Present in a workshop")
    st.markdown(
        "Show a country slide by slide on a projector, or a comparison, and hand out a PDF "
        "brief and PowerPoint slides afterwards. A link reopens the same view."
    )
    st.page_link(
        "pages/present.py", label="Open presentation mode", icon=":material/arrow_forward:"
    )

if not state.collection().is_empty:
    st.header("Your assessments are ready")
    st.markdown("Open the pictures; the sidebar chooses the country and round.")
    profile, heatmap, compare, trends = st.columns(4)
    profile.page_link("pages/profile.py", label="Country profile", icon=":material/radar:")
    heatmap.page_link("pages/heatmap.py", label="Heatmap", icon=":material/grid_on:")
    compare.page_link("pages/compare.py", label="Compare", icon=":material/compare_arrows:")
    trends.page_link("pages/trends.py", label="Trends", icon=":material/trending_up:")
