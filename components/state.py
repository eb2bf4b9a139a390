"""The session's state: its collection of assessments and its uploads. Keys live here only.

Everything a person uploads stays in their own ``st.session_state``; nothing per-user goes
into a cache shared by all sessions. Only the fictional demo and the template (the same for
everyone) are cached process-wide.
"""

from __future__ import annotations

import streamlit as st

from components.collection import Collection, add_assessments, remove_origin
from components.demo import DemoData, load_demo
from components.framework import default_framework
from components.workbook import ReadResult, write_template

COLLECTION = "mnr_collection"
UPLOAD_RESULTS = "mnr_upload_results"
UPLOADER = "mnr_uploader"
DUPLICATE_CHOICE_PREFIX = "mnr_keep_"
DEMO_PROBLEMS = "mnr_demo_problems"
ENTERED_THROUGH_APP = "mnr_entered_through_app"


def collection() -> Collection:
    """This session's assessments (an empty collection on first use)."""
    if COLLECTION not in st.session_state:
        st.session_state[COLLECTION] = Collection()
    return st.session_state[COLLECTION]


def set_collection(new: Collection) -> None:
    st.session_state[COLLECTION] = new


def upload_results() -> dict[str, ReadResult]:
    """What was read from each uploaded file, by the uploader's file id (read once per file)."""
    return st.session_state.setdefault(UPLOAD_RESULTS, {})


@st.cache_data(show_spinner="Reading the fictional demo data…")
def cached_demo() -> DemoData:
    """The demo is the same for every user, so it is read once per process."""
    return load_demo(default_framework())


@st.cache_data(show_spinner=False)
def cached_template() -> bytes:
    """The blank template, generated from the framework (the same for every user)."""
    return write_template(default_framework())


def load_demo_into_session() -> None:
    """Replace any demo assessments in this session with a fresh copy of the demo."""
    demo = cached_demo()
    st.session_state[DEMO_PROBLEMS] = demo.problems
    set_collection(
        add_assessments(
            remove_origin(collection(), "demo"), demo.capabilities, demo.enablers, "demo"
        )
    )


def unload_demo() -> None:
    set_collection(remove_origin(collection(), "demo"))
    st.session_state.pop(DEMO_PROBLEMS, None)


def mark_entered_through_app() -> None:
    """Called by app.py before it runs a page: this session's runs go through the navigation."""
    st.session_state[ENTERED_THROUGH_APP] = True


def ensure_entered_through_app() -> None:
    """Make sure this page runs inside app.py's navigation; rerun through it if not.

    Streamlit treats an app that has a ``pages/`` folder as an old-style multipage app until
    some run calls ``st.navigation``. So the very first request after a start that goes
    straight to a deep link (``/upload``, ``/framework?capability=7``) would run the page file
    alone: no sections, no sidebar, file names as titles. Clearing that flag (the one
    ``st.navigation`` itself clears) and rerunning sends the request through app.py.
    """
    if st.session_state.get(ENTERED_THROUGH_APP):
        return
    from streamlit.runtime.pages_manager import PagesManager  # noqa: PLC0415

    PagesManager.uses_pages_directory = False
    st.rerun()


SELECTED_COUNTRY = "mnr_country"
SELECTED_ASSESSMENT = "mnr_assessment"


def selected_assessment_id() -> str | None:
    """The assessment chosen in the sidebar, if it is still in the collection."""
    chosen = st.session_state.get(SELECTED_ASSESSMENT)
    return chosen if chosen in set(collection().assessment_ids) else None


def selected_country() -> str | None:
    """The country chosen in the sidebar, if it still has assessments in the collection."""
    chosen = st.session_state.get(SELECTED_COUNTRY)
    countries = set(collection().capabilities["country"].dropna())
    return chosen if chosen in countries else None
