"""MNR Dashboard: the entry point.

Sets the page configuration and the navigation. Every page lives in ``pages/`` and stays thin;
the product's logic is in ``components/``.
"""

from pathlib import Path

import streamlit as st

from components.base.memory import return_large_blocks_when_freed
from components.ui import state
from components.ui.first_chart import note_page
from components.ui.history import keep_one_entry_per_page
from components.ui.library import open_linked_assessments
from components.ui.page_frame import render_shared_style, sidebar_state
from components.ui.render import render_session_panel

APP_NAME = "MNR Dashboard"

# Once per process (cached): freed uploads must leave the process, not stay in its heap.
return_large_blocks_when_freed()

st.set_page_config(
    page_title=APP_NAME,
    # A local file, not a Material icon: those are fetched from Google's servers, and the app
    # must work on a laptop without internet.
    page_icon=str(Path(__file__).parent / "mnr_data" / "icon.png"),
    layout="wide",
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

assess = st.Page(
    "pages/assess.py", title="Assess in the app", icon=":material/edit_note:", url_path="assess"
)
plan = st.Page("pages/plan.py", title="Action plan", icon=":material/checklist:", url_path="plan")
library = st.Page(
    "pages/library.py", title="Library", icon=":material/inventory_2:", url_path="library"
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
present = st.Page(
    "pages/present.py", title="Present", icon=":material/slideshow:", url_path="present"
)
portfolio = st.Page(
    "pages/portfolio.py",
    title="Plans across countries",
    icon=":material/assignment:",
    url_path="portfolio",
)
trends = st.Page(
    "pages/trends.py", title="Trends", icon=":material/trending_up:", url_path="trends"
)
workshop = st.Page(
    "pages/workshop.py", title="Live workshop", icon=":material/groups:", url_path="workshop"
)
join = st.Page(
    "pages/join.py", title="Join a workshop", icon=":material/how_to_vote:", url_path="join"
)

navigation = st.navigation(
    {
        "Start": [home],
        "Assessments": [upload, assess, plan, library],
        "Pictures": [profile, heatmap, compare, trends, portfolio],
        "Workshop": [present, workshop, join],
        "Learn": [framework],
    },
    # Twelve before "View more": the plan pages must not push Present and the workshop out
    # of sight (only the participants' page, reached by its link, and Learn fold away).
    expanded=12,
)
# Each page its own browser tab title ("Heatmap · MNR Dashboard"): people keep several open.
# The one place that decides the sidebar's state (see components/ui/page_frame.py).
st.set_page_config(
    page_title=f"{navigation.title} · {APP_NAME}",
    initial_sidebar_state=sidebar_state(navigation.url_path, st.query_params),
)
render_shared_style()
open_linked_assessments()  # a link to library assessments opens what this person may see
state.receive_link()  # before the sidebar draws: a shared link sets the country and round
if navigation.url_path != "join":
    render_session_panel()  # participants' phones need none of the session's assessments
note_page(navigation.url_path)  # a page's first run draws its first chart before the rest
try:
    navigation.run()
finally:
    # After the page, even one that stopped early: the address now reopens this view.
    state.publish_link()
    keep_one_entry_per_page()  # Back returns to the previous page in one press
