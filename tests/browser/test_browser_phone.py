"""The phone layout in Chromium (390x844, an iPhone's User-Agent): what the charts give the
plot, as plotly drew them."""

import itertools

import pytest

from tests.browser.test_browser_screens import IPHONE, demo_address, show_everything
from tests.conftest import open_page, screenshot

pytestmark = pytest.mark.browser

# Each chart on the page as drawn: its width, its plot area, and its x-axis tick labels with
# their rotation (plotly writes a tilted label as a rotate() in its transform).
DRAWN_JS = """() => Array.from(
    document.querySelectorAll('[data-testid="stMain"] .js-plotly-plot')
).map(plot => ({
    width: plot._fullLayout.width,
    height: plot._fullLayout.height,
    plot: plot._fullLayout._size,
    xticks: Array.from(plot.querySelectorAll('.xtick text')).map(t => ({
        text: t.textContent, tilted: (t.getAttribute('transform') || '').includes('rotate'),
        right: t.getBoundingClientRect().right, left: t.getBoundingClientRect().left})),
}))"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, user_agent=IPHONE)
    tab = context.new_page()
    tab.set_default_timeout(60_000)
    try:
        yield tab
    finally:
        context.close()


def drawn(phone, app_url: str, path: str) -> list[dict]:
    open_page(phone, demo_address(app_url, path))
    show_everything(phone)  # charts below the fold are drawn when they come into view
    screenshot(phone, f"phone-{path}")
    return phone.evaluate(DRAWN_JS)


def test_on_a_phone_the_trend_charts_give_the_plot_the_width(phone, app_url):
    trend, change = drawn(phone, app_url, "trends")[:2]
    assert trend["plot"]["w"] >= 0.7 * trend["width"]  # it was about 170 of 358 px
    ticks = trend["xticks"]
    assert next(t["text"] for t in ticks).startswith("2019")
    assert not any(t["tilted"] for t in ticks)  # level
    assert all(a["right"] < b["left"] for a, b in itertools.pairwise(ticks))
    assert change["plot"]["w"] >= 0.55 * change["width"]  # it was about 100 px
    assert [t["text"] for t in change["xticks"]] == ["0", "1", "2", "3", "4"]
    assert not any(t["tilted"] for t in change["xticks"])


def test_on_a_phone_the_profile_radar_uses_the_width_with_no_blank_band(phone, app_url):
    radar = drawn(phone, app_url, "profile")[0]
    side = min(radar["plot"]["w"], radar["plot"]["h"])
    assert side >= 0.65 * radar["width"]  # it was about 150 px of 358
    assert radar["plot"]["h"] - radar["plot"]["w"] < 10  # no band under the circle
