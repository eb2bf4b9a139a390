"""A picture page's first chart, drawn before the rest of the page.

Why: Streamlit's browser code draws every message that has arrived by the time it draws in
one React commit, so a page's first chart appeared only once everything sent before the
browser got round to drawing was drawn as well: the profile's chart came 1.9x to 3.1x later
than the one chart of a minimal page, and a page ending right after its first chart came
1.2x to 1.5x (``bench/README.md``). So when a person opens a picture page in a browser, the
first run sends the page down to its first chart and a small component that waits until the
browser has drawn that chart and then asks for the rest (a rerun, which draws the whole
page). Every later run of the same page (a choice, a tab, a download) draws it whole at once.

Only a browser runs the component's script, so a session without one (AppTest, which the
page tests use) is never made to wait: it gets the whole page in one run.
"""

from __future__ import annotations

import functools
from typing import Any

import streamlit as st

from components.ui import state

# The page of the session's previous run, and whether this run entered the page from another.
PREVIOUS_PAGE = "first_chart_previous_page"
ENTERED = "first_chart_entered"
SIGNAL_KEY = "first_chart_drawn"
# The component's element in the page while the rest is awaited (Streamlit gives a keyed
# element the class ``st-key-<key>``): a page showing it has not settled yet.
SIGNAL_SELECTOR = f".st-key-{SIGNAL_KEY}"

# The chart counts as drawn once plotly has made its SVG inside the chart's element (found by
# its key's class; until plotly's code has loaded, the element holds a placeholder), and the
# rest is asked for after the next paint: asking makes the browser redraw the app at once,
# which would otherwise come before the chart is on screen. If the chart never appears (one
# that failed), the rest is asked for after three seconds anyway, so the page is never left
# half drawn. Polled with timers: a tab opened in the background (no animation frames) still
# gets its whole page.
_SIGNAL_JS = """
export default function ({ data, setTriggerValue }) {
  const start = performance.now();
  let timer = 0;
  const look = () => {
    const chart = document.querySelector(`[data-testid="stMain"] .st-key-${data.chart}`);
    if ((chart && chart.querySelector('.js-plotly-plot .main-svg'))
        || performance.now() - start > 3000) {
      const ask = () => setTriggerValue('drawn', true);
      if (document.hidden) { ask(); } else { requestAnimationFrame(() => setTimeout(ask, 0)); }
      return;
    }
    timer = setTimeout(look, 16);
  };
  timer = setTimeout(look, 0);
  return () => clearTimeout(timer);
}
"""


@functools.cache
def _signal() -> Any:
    # Registered on first use, not at import.
    return st.components.v2.component("mnr_first_chart_drawn", js=_SIGNAL_JS, isolate_styles=False)


def note_page(url_path: str) -> None:
    """Called by app.py on every run, before the page: remember whether the person has just
    come to this page from another (or opened the app on it)."""
    st.session_state[ENTERED] = st.session_state.get(PREVIOUS_PAGE) != url_path
    st.session_state[PREVIOUS_PAGE] = url_path


def waits_for_first_chart(entered: bool, user_agent: str | None) -> bool:
    """Whether this run stops after the page's first chart: on entering the page, in a
    browser (every browser's User-Agent starts with "Mozilla/"; only a browser runs the
    component that asks for the rest)."""
    return entered and (user_agent or "").startswith("Mozilla/")


def _ask_for_the_rest() -> None:
    """Nothing to do: passing it as ``on_drawn_change`` is what declares the component's
    "drawn" trigger, and the rerun that trigger starts draws the whole page (it is not an
    entry)."""


def rest_after_first_chart(chart_key: str) -> None:
    """Called by a page right after its first chart (drawn with ``key=chart_key``): on
    entering the page in a browser, end this run here; the browser asks for the rest once it
    has drawn the chart."""
    if not waits_for_first_chart(
        bool(st.session_state.get(ENTERED)), st.context.headers.get("User-Agent")
    ):
        return
    state.carry_link_notices()  # the rerun that draws the rest shows them too
    _signal()(
        key=SIGNAL_KEY, data={"chart": chart_key}, height=0, on_drawn_change=_ask_for_the_rest
    )
    st.stop()
