"""MNR Dashboard: the entry point.

Sets the page configuration and the navigation. Every page lives in ``pages/`` and stays thin;
the product's logic is in ``components/``.
"""

import streamlit as st

from components import state
from components.render import render_session_panel

st.set_page_config(
    page_title="MNR Dashboard",
    page_icon=":material/child_care:",
    layout="wide",
    initial_sidebar_state="auto",
    menu_items={
        "About": (
            "MNR Dashboard: makes self-assessments against the WePROTECT Model National "
            "Response to child sexual exploitation and abuse visible and comparable."
        ),
    },
)

home = st.Page("pages/home.py", title="Home", icon=":material/home:", default=True)
framework = st.Page(
    "pages/framework.py",
    title="The framework",
    icon=":material/account_tree:",
    url_path="framework",
)

upload = st.Page(
    "pages/upload.py",
    title="Upload assessments",
    icon=":material/upload_file:",
    url_path="upload",
)

profile = st.Page(
    "pages/profile.py", title="Country profile", icon=":material/radar:", url_path="profile"
)
heatmap = st.Page(
    "pages/heatmap.py", title="Heatmap", icon=":material/grid_on:", url_path="heatmap"
)
compare = st.Page(
    "pages/compare.py", title="Compare", icon=":material/compare_arrows:", url_path="compare"
)
trends = st.Page(
    "pages/trends.py", title="Trends", icon=":material/trending_up:", url_path="trends"
)

navigation = st.navigation(
    {
        "Start": [home],
        "Assessments": [upload],
        "Pictures": [profile, heatmap, compare, trends],
        "Learn": [framework],
    }
)
state.mark_entered_through_app()
render_session_panel()
navigation.run()
