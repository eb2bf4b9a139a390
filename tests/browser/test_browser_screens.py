"""Every page with the demo loaded, at the four sizes that matter, saved for people to look at.

Phones and tablets are recognised by the browser they use (the app's phone layout starts from
the User-Agent header), so the two narrow sizes browse as an iPhone and an iPad. The
screenshots land in test-artifacts/screenshots/screens/.
"""

import re
from pathlib import Path

import pytest

from tests.conftest import next_frame, open_page, screenshot, wait_until_idle

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]

PAGES = (
    "",
    "upload",
    "assess",
    "plan",
    "library",
    "profile",
    "heatmap",
    "compare",
    "trends",
    "present",
    "portfolio",
    "workshop",
    "join",
    "framework",
)
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)
IPAD = (
    "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)
SIZES = {
    "phone-390x844": ({"width": 390, "height": 844}, IPHONE),
    "tablet-768x1024": ({"width": 768, "height": 1024}, IPAD),
    "projector-1280x720": ({"width": 1280, "height": 720}, None),
    "desktop-1400x900": ({"width": 1400, "height": 900}, None),
}
# The main area never scrolls sideways: what does not fit wraps, shortens or scrolls inside.
OVERFLOW_JS = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    return main.scrollWidth - main.clientWidth;
}"""


# Drawn, not just sent: no skeleton left on screen, and every chart on screen has its SVG.
# Streamlit draws elements below the fold lazily (a grey skeleton until they scroll into
# view), so the window is first grown to the whole page. Charts in a closed tab or expander
# are drawn when opened: they are not waited for.
DRAWN_JS = """() => {
    const shown = el => el.offsetParent !== null;
    return !Array.from(document.querySelectorAll('[data-testid="stSkeleton"]')).some(shown)
        && Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"]'))
            .filter(shown).every(chart => chart.querySelector('.main-svg') !== null);
}"""


def show_everything(page) -> None:
    """Grow the window to the whole page and wait until every element on it is drawn."""
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": page.viewport_size["width"], "height": max(900, height)})
    next_frame(page)
    wait_until_idle(page)
    page.wait_for_function(DRAWN_JS)


def demo_address(app_url: str, path: str) -> str:
    return f"{app_url}/{path}?source=demo&country=Arvenia"


def test_every_page_of_the_app_is_looked_at():
    """A page added to app.py is screenshotted and checked by axe too (both use PAGES)."""
    app = (ROOT / "app.py").read_text(encoding="utf-8")
    assert set(re.findall(r'url_path="([a-z]+)"', app)) == set(PAGES) - {""}


@pytest.mark.parametrize("size", list(SIZES))
def test_every_page_at_every_size(browser, app_url, size):
    viewport, agent = SIZES[size]
    context = browser.new_context(viewport=viewport, user_agent=agent)
    page = context.new_page()
    page.set_default_timeout(60_000)
    problems = []
    try:
        for path in PAGES:
            page.set_viewport_size(viewport)  # the screenshot before grew it to its content
            open_page(page, demo_address(app_url, path))
            wait_until_idle(page)
            name = path or "home"
            if page.locator('[data-testid="stException"]').count():
                problems.append(f"{name}: an exception is shown")
            overflow = page.evaluate(OVERFLOW_JS)
            if overflow > 1:
                problems.append(f"{name}: the page scrolls sideways by {overflow} px")
            show_everything(page)
            screenshot(page, f"screens/{size}-{name}")
    finally:
        context.close()
    assert problems == []
