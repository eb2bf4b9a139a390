"""One entry in the browser's history per page a person visits, so Back takes one press.

Why: the address reopens the view (``state.publish_link`` writes it at the end of every run),
and Streamlit 1.67's browser code adds a history entry for each change of it. A page switch
in the sidebar adds one for ``/heatmap`` (keeping only parameters bound to widgets), then the
page's own address adds a second, so Back first lands on the same page without its view.
Streamlit offers no way to replace the entry instead: the message that carries
``st.query_params`` holds nothing but the query string, and the browser code uses
``history.replaceState`` only during a Back or Forward run and for widgets bound with
``bind="query-params"`` (which would put the names of uploaded rounds in the address, see
links.py). Links with ``st.page_link(query_params=...)`` cannot help either: a page's own
choices (the heatmap's rows and order) are known only once it has run.

So the app's page asks the browser once to treat a new history entry for the page already
shown as a replacement of the current one. Only the page path decides: going to another
page still adds an entry (that is what Back returns to), and a change of choice within a
page (another country, another order) updates that page's entry, so Back never stops on
an intermediate state of the same page. Each entry so holds the view the person left the
page with, and Back or Forward reopens it (:func:`came_by_back_or_forward`).
"""

from __future__ import annotations

import functools
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

SHIM_KEY = "one_history_entry_per_page"

# Installed once per browser tab (the component's script runs in the app's own document).
# When a run's new address reaches the browser before the page switch that started the run
# (seen on phones), it carries the new page's view under the old page's path; the switch to
# the new path follows at once with the same query string. The old page's entry then gets
# its own address back, so Back still reopens the view it was left with.
_SHIM_JS = """
export default function () {
  if (window.__mnrOneHistoryEntryPerPage) { return; }
  window.__mnrOneHistoryEntryPerPage = true;
  const history = window.history;
  const push = history.pushState.bind(history);
  const replace = history.replaceState.bind(history);
  let replaced = null;  // the entry the last new address replaced, until the next change
  const target = (url) => new URL(url ?? window.location.href, window.location.href);
  history.replaceState = (data, unused, url) => {
    replaced = null;
    replace(data, unused, url);
  };
  history.pushState = (data, unused, url) => {
    const next = target(url);
    if (next.pathname === window.location.pathname) {
      const before = { data: history.state, url: window.location.href };
      replace(data, unused, url);
      replaced = { ...before, search: next.search };
      return;
    }
    if (replaced && next.search && next.search === replaced.search) {
      replace(replaced.data, "", replaced.url);
    }
    replaced = null;
    push(data, unused, url);
  };
  window.addEventListener("popstate", () => { replaced = null; });
}
"""


@functools.cache
def _shim() -> Any:
    # Registered on first use, not at import.
    return st.components.v2.component(
        "mnr_one_history_entry_per_page", js=_SHIM_JS, isolate_styles=False
    )


def in_browser(user_agent: str | None) -> bool:
    """Every browser's User-Agent starts with "Mozilla/"; only a browser runs the script
    (AppTest sessions get no element for it)."""
    return (user_agent or "").startswith("Mozilla/")


def keep_one_entry_per_page() -> None:
    """Called by app.py on every run: make sure this browser tab has the history rule."""
    if in_browser(st.context.headers.get("User-Agent")):
        _shim()(key=SHIM_KEY, height=0)


def came_by_back_or_forward() -> bool:
    """Whether this run shows a history entry the person went Back or Forward to: its address
    is a view this session wrote, and it is to be reopened as it was."""
    ctx = get_script_run_ctx()
    return bool(ctx and ctx.is_history_navigation)
