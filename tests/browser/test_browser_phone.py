"""The phone layout in Chromium (390x844, an iPhone's User-Agent): what the charts give the
plot, as plotly drew them; and the radar slides' axis labels, whole on a phone and on a
projector."""

import itertools

import pytest

from tests.browser.test_browser_screens import IPHONE, demo_address, show_everything
from tests.conftest import open_page, screenshot, wait_until_idle

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


# Each radar on the page as drawn: its size, and its axis labels' boxes and its legend's, in
# pixels from the chart's top left corner.
RADAR_LABELS_JS = """() => Array.from(
    document.querySelectorAll('[data-testid="stMain"] .js-plotly-plot')
).filter(plot => plot._fullLayout.polar).map(plot => {
    const chart = plot.querySelector('.main-svg').getBoundingClientRect();
    const place = (element, text) => {
        const box = element.getBoundingClientRect();
        return {text: text, x0: box.left - chart.left, x1: box.right - chart.left,
                y0: box.top - chart.top, y1: box.bottom - chart.top};
    };
    const legend = plot.querySelector('.legend');
    return {
        width: chart.width,
        height: chart.height,
        labels: Array.from(plot.querySelectorAll('.angularaxistick text'))
            .map(label => place(label, label.textContent)),
        legend: legend ? place(legend, 'legend') : null,
    };
})"""
# The overview, the five domains drawn as radars (Media and Communications, with two
# capabilities, is drawn as bars), and a comparison's radar of four countries.
RADAR_SLIDES = [
    *(f"present?country=Arvenia&source=demo&slide={number}" for number in range(1, 7)),
    "present?country=Arvenia&source=demo&mode=comparison"
    "&countries=Arvenia,Belmora,Calderra,Dravonia&slide=2",
]


@pytest.mark.parametrize(
    ("viewport", "user_agent"),
    [({"width": 390, "height": 844}, IPHONE), ({"width": 1280, "height": 720}, None)],
    ids=["phone", "projector"],
)
def test_every_radar_slide_shows_its_axis_labels_whole(browser, app_url, viewport, user_agent):
    """On a phone "7 · Access to Image D…" lost its first letters at the left edge of the
    Criminal Justice slide, and "9 · Child Protection…" its last at the right of Victim's."""
    context = browser.new_context(viewport=viewport, user_agent=user_agent)
    tab = context.new_page()
    tab.set_default_timeout(60_000)
    try:
        cut, covered = [], []
        for address in RADAR_SLIDES:
            open_page(tab, f"{app_url}/{address}")
            tab.wait_for_function(f"({RADAR_LABELS_JS})().some(r => r.labels.length >= 3)")
            wait_until_idle(tab)
            (radar,) = tab.evaluate(RADAR_LABELS_JS)
            legend = radar["legend"]
            for label in radar["labels"]:
                # Whole: inside the chart's own box (half a pixel of rounding).
                if (
                    min(label["x0"], label["y0"]) < -0.5
                    or label["x1"] > radar["width"] + 0.5
                    or label["y1"] > radar["height"] + 0.5
                ):
                    cut.append((address, label, radar["width"], radar["height"]))
                # Not under the legend (four entries covered the lowest label on a phone).
                if legend and not (
                    label["x1"] <= legend["x0"]
                    or legend["x1"] <= label["x0"]
                    or label["y1"] <= legend["y0"]
                    or legend["y1"] <= label["y0"]
                ):
                    covered.append((address, label, legend))
        screenshot(tab, f"radar-labels-{'phone' if user_agent else 'projector'}")
        assert not cut, cut
        assert not covered, covered
    finally:
        context.close()
