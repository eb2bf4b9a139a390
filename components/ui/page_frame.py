"""The frame around every page: the sidebar's state, going back to the top, the phone layout.

Streamlit applies ``initial_sidebar_state`` whenever a run sends a value different from the
last one. When app.py said "auto" and a page then said "collapsed" on every run, each rerun
flipped the state twice, and the "auto" in between opened the sidebar on a wide projector
between two slides. So app.py alone sets it, once per run, from :func:`sidebar_state`.
"""

from __future__ import annotations

from collections.abc import Container
from typing import Literal

import streamlit as st

SidebarState = Literal["auto", "collapsed"]

NARROW = "layout_narrow"
# Streamlit does not tell the server how wide the browser is, so the phone layout starts from
# what the browser says it is (phones and tablets, below about 800 px in portrait) and the
# sidebar's switch changes it. Lower case, matched anywhere in the User-Agent header.
_NARROW_DEVICES = ("mobi", "iphone", "ipod", "ipad", "android", "tablet", "silk", "kindle")

SCROLL_TO_TOP = "frame_scroll_to_top"
SCROLL_COUNT = "frame_scroll_count"

# Streamlit scrolls inside its main area; a page that has just changed what it shows (another
# slide, another presentation) asks for it to start at the top instead of where the reader was.
_SCROLL_SCRIPT = """<script>
/* request {number} */
requestAnimationFrame(() => {
  const main = document.querySelector('[data-testid="stMain"]');
  if (main) { main.scrollTo({top: 0}); }
  window.scrollTo({top: 0});
});
</script>"""


# Pages' section headings are h2 (after the page's h1) and cards' headings h3, so that the
# headings go in order for screen readers; these sizes keep them looking as before.
_SHARED_STYLE = """<style>
[data-testid="stMain"] h2 { font-size: 1.5rem; }
[data-testid="stMain"] h3 { font-size: 1.15rem; }
</style>"""


def render_shared_style() -> None:
    """The style every page shares (called by app.py before the page runs)."""
    st.html(_SHARED_STYLE)


def sidebar_state(url_path: str, query: Container[str]) -> SidebarState:
    """How the sidebar starts on a page: collapsed on what is projected, else Streamlit's auto.

    The presentation, and a running workshop (its address carries ``w``), show nothing but
    themselves; "auto" opens the sidebar on wide screens and keeps it shut on phones.
    """
    if url_path == "present":
        return "collapsed"
    if url_path == "workshop" and "w" in query:
        return "collapsed"
    return "auto"


def looks_narrow(user_agent: str | None) -> bool:
    """True when a browser's User-Agent names a phone or tablet (no header: a desktop)."""
    agent = (user_agent or "").lower()
    return any(device in agent for device in _NARROW_DEVICES)


def narrow_layout() -> bool:
    """Whether the charts take their phone layout in this session.

    At first it follows the browser (:func:`looks_narrow`); the switch in the sidebar
    (:func:`render_layout_switch`) changes it for the session.
    """
    if NARROW not in st.session_state:
        st.session_state[NARROW] = looks_narrow(st.context.headers.get("User-Agent"))
    return bool(st.session_state[NARROW])


def render_layout_switch() -> None:
    """The sidebar's switch between the phone layout and the full one."""
    narrow_layout()  # the browser's default, before the switch is drawn
    st.toggle(
        "Phone layout",
        # The default is the session's own setting: see render.render_selection for why.
        value=bool(st.session_state.get(NARROW)),
        key=NARROW,
        help=(
            "Charts for a narrow screen: the heatmap one domain at a time, bars lying down, "
            "shorter labels on the radars. Set from your device at the start."
        ),
    )


def ask_scroll_to_top() -> None:
    """Callback helper: the next run of the page starts scrolled to its top."""
    st.session_state[SCROLL_TO_TOP] = True


def scroll_to_top_if_asked() -> None:
    """Scroll the page to its top when a callback of this run asked for it (once)."""
    if st.session_state.pop(SCROLL_TO_TOP, False):
        # Each request's script differs (its number): an element equal to the one of the run
        # before stays mounted in the browser, and its script would not run again.
        number = st.session_state.get(SCROLL_COUNT, 0) + 1
        st.session_state[SCROLL_COUNT] = number
        # The app's own script with a number in it, no text from files or people.
        st.html(_SCROLL_SCRIPT.replace("{number}", str(number)), unsafe_allow_javascript=True)
