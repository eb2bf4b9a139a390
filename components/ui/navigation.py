"""The one workaround for Streamlit's legacy ``pages/`` folder, kept in one place.

The question: does Streamlit (1.67) have a supported way for an app that keeps its page files
in ``pages/`` and routes with ``st.navigation`` to serve a deep link (``/upload``,
``/framework?capability=7``) on the very first request after a start? It does not:

- Streamlit decides per process whether an app is an old-style multipage app by whether a
  ``pages/`` folder sits beside the entry point (``PagesManager.uses_pages_directory``), and
  only the first ``st.navigation`` call in any session switches that off "across all
  sessions" (documented under ``st.navigation``). Until then a request for ``/upload`` runs
  ``pages/upload.py`` alone, without app.py: no sections, no shared sidebar, file names as
  titles.
- Upstream knows it: the review of streamlit/streamlit#10276 ("Default to MPAv2", which
  added the flag) reports exactly this mix of a ``pages`` folder, ``st.navigation`` and a
  direct URL (https://github.com/streamlit/streamlit/pull/10276), and Streamlit's own agent
  guidance is to name the folder ``app_pages/`` instead. This project keeps ``pages/`` (the
  agreed layout), so it needs the workaround below.

The workaround: every page starts with :func:`run_through_navigation`. When it finds the
legacy mode on, it switches it off (what ``st.navigation`` itself does) and reruns, so the
request goes through app.py. It costs one extra, nearly empty run, once per process on a
server, and once per run under AppTest (which resets the flag before every run), so tests
and benchmarks take the app's own path without patches of their own.
``tests/ui/test_navigation.py`` fails loudly when Streamlit's behaviour changes.
"""

from __future__ import annotations

import runpy

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import get_script_run_ctx


def legacy_pages_mode() -> bool:
    """True while Streamlit treats ``pages/`` as an old-style multipage folder."""
    return bool(PagesManager.uses_pages_directory)


def run_through_navigation() -> None:
    """Called first by every page: make sure the page runs inside app.py's navigation."""
    if not legacy_pages_mode():
        return
    PagesManager.uses_pages_directory = False
    ctx = get_script_run_ctx()
    entry_point = ctx.pages_manager.main_script_path if ctx else None
    if entry_point is None:
        st.rerun()
    # Run the entry point in this same run (it routes back to this page, now in the frame),
    # then stop the page's own copy: a rerun would lose a button press made in this run.
    runpy.run_path(str(entry_point), run_name="__main__")
    st.stop()
