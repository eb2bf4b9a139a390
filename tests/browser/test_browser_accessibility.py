"""axe-core on every page with the demo loaded: no violation but Streamlit's own.

axe-core comes from npm (``package.json``; ``scripts/test.sh`` installs it into
``node_modules/``). Streamlit itself breaks a few rules the app cannot mend; those are
listed in ``STREAMLIT_OWN`` with the reason, and the test measures them on a bare Streamlit
app with the same widgets (``tests/browser/bare/bare_app.py``): a rule is excused only while
that bare app breaks it too, and a listed rule the bare app no longer breaks fails the test,
so the list can only shrink.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.test_browser_screens import PAGES, demo_address, show_everything
from tests.conftest import ROOT, open_page, running_app

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BARE_APP = Path(__file__).parent / "bare" / "bare_app.py"

# Rule id -> why Streamlit (1.67) breaks it on every page, whatever the app does.
STREAMLIT_OWN = {
    "list": "the sidebar's page navigation puts <div> wrappers directly inside its <ul>",
    "listitem": "so the navigation's <li> items sit in a <div>, not directly in the <ul>",
    "presentation-role-conflict": (
        "st.file_uploader's drop zone is a <section role=presentation> with an aria-label"
    ),
}

RUN_AXE = """async () => {
    const result = await axe.run(document, {resultTypes: ['violations']});
    return result.violations.map(v => ({
        id: v.id,
        where: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary),
    }));
}"""


def axe_available() -> None:
    if AXE.exists():
        return
    problem = f"axe-core is not installed at {AXE}: run `npm ci` (scripts/test.sh does)"
    if os.environ.get("CI"):
        pytest.fail(f"The accessibility test must run in CI, but {problem}")
    pytest.skip(problem)


@pytest.fixture(scope="module")
def bare_url(app_url: str) -> Iterator[str]:
    """The bare Streamlit app, beside the real one, with the same settings and theme."""
    axe_available()
    with running_app("streamlit-bare-app", script=BARE_APP) as url:
        yield url


def violations(page) -> dict[str, list[str]]:
    """axe-core's violations on the page as drawn: rule id -> the first places it fails."""
    page.add_script_tag(path=str(AXE))
    return {found["id"]: found["where"] for found in page.evaluate(RUN_AXE)}


def test_axe_finds_nothing_but_streamlits_own_violations(browser, app_url, bare_url):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        open_page(page, bare_url)
        show_everything(page)  # axe checks what is drawn, not the placeholders
        bare = violations(page)
        stale = sorted(set(STREAMLIT_OWN) - set(bare))
        assert not stale, f"Streamlit no longer breaks {stale}: take them off STREAMLIT_OWN"
        unexplained = sorted(set(bare) - set(STREAMLIT_OWN))
        assert not unexplained, f"the bare app breaks rules not yet explained: {bare}"
        problems = {}
        for path in PAGES:
            page.set_viewport_size({"width": 1280, "height": 720})
            open_page(page, demo_address(app_url, path))
            show_everything(page)
            found = {
                rule: where for rule, where in violations(page).items() if rule not in STREAMLIT_OWN
            }
            if found:
                problems[path or "home"] = found
    finally:
        context.close()
    assert problems == {}
