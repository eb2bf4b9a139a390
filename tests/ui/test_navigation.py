"""The one workaround for Streamlit's legacy ``pages/`` folder, and the signal to remove it.

These tests fail loudly when Streamlit changes what ``components/ui/navigation.py`` works
around: then read that module's docstring and drop the workaround if it is no longer needed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from components.ui import navigation

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
CHANGED = (
    "Streamlit changed how it treats a pages/ folder beside an app that calls st.navigation: "
    "check whether components/ui/navigation.py is still needed (see its docstring)."
)


def test_streamlit_still_has_the_legacy_pages_folder_mode():
    """The flag the workaround switches off still exists and still turns on for pages/."""
    assert hasattr(PagesManager, "uses_pages_directory"), CHANGED
    saved = PagesManager.uses_pages_directory
    try:
        PagesManager.uses_pages_directory = None
        PagesManager(APP, setup_watcher=False)
        assert PagesManager.uses_pages_directory is True, CHANGED
    finally:
        PagesManager.uses_pages_directory = saved


@pytest.mark.parametrize("page", ["pages/heatmap.py", "pages/upload.py", "pages/framework.py"])
def test_a_page_runs_inside_the_app_frame(page):
    """AppTest starts every run in the legacy mode, as a server's first request does."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception
    assert at.sidebar.button, "app.py's sidebar (the session panel) is missing"
    assert any("fictional demo" in button.label for button in at.sidebar.button)


def test_without_the_workaround_a_page_runs_alone(monkeypatch):
    """Proof that the workaround is what puts the page in the frame (else: remove it)."""
    monkeypatch.setattr(navigation, "run_through_navigation", lambda: None)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("pages/heatmap.py")
    at.run()
    assert not any("fictional demo" in button.label for button in at.sidebar.button), CHANGED
