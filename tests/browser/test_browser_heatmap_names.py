"""The heatmap's row names in Chromium: 32 countries with long names and rounds, each name
whole on the axis on a desk, a projector and a phone, no two overlapping, none clipped, and
the chart drawn once (the margin made for the names is the one plotly keeps)."""

from __future__ import annotations

import csv
import io
import itertools

import pytest
from playwright.sync_api import expect

from tests.browser.test_browser_hostile import open_sidebar
from tests.browser.test_browser_screens import IPHONE
from tests.conftest import open_page, screenshot, wait_until_idle

pytestmark = pytest.mark.browser

# Invented countries with names as long as the longest real ones, each with its round.
PREFIXES = (
    "Democratic Republic of",
    "United Provinces of",
    "Sovereign Republic of",
    "Plurinational Republic of",
)
PLACES = (
    "the Arvenian Isles",
    "Northern Belmora",
    "Upper Calderra",
    "Estavel",
    "Fenmark-upon-Galvany",
    "Hollmere",
    "Quentra",
    "the Yland Archipelago",
)
ROUNDS = ("Second review", "Baseline", "Mid-term review", "")
COUNTRIES = [f"{prefix} {place}" for prefix in PREFIXES for place in PLACES]
LABELS = [
    f"{country} 2024" + (f" ({ROUNDS[n % 4]})" if ROUNDS[n % 4] else "")
    for n, country in enumerate(COUNTRIES)
]
SIZES = {
    "desktop-1400x900": ({"width": 1400, "height": 900}, None),
    "projector-1280x720": ({"width": 1280, "height": 720}, None),
    "phone-390x844": ({"width": 390, "height": 844}, IPHONE),
}
# Each row name as drawn: its lines (plotly writes each in a tspan of its own) and its box.
ROW_NAMES_JS = """() => {
    const plot = document.querySelector('[data-testid="stMain"] .js-plotly-plot');
    const chart = plot.getBoundingClientRect();
    return {
        asked: plot.layout.margin.l,
        drawn: plot._fullLayout._size.l,
        chartLeft: chart.left,
        names: Array.from(plot.querySelectorAll('.ytick text')).map(text => {
            const lines = Array.from(text.querySelectorAll('tspan.line'));
            const box = text.getBoundingClientRect();
            return {
                lines: lines.length ? lines.map(line => line.textContent) : [text.textContent],
                top: box.top, bottom: box.bottom, left: box.left,
            };
        }),
    };
}"""


def open_heatmap(page) -> None:
    """The heatmap through the sidebar, as a person goes there (the session keeps the upload);
    on a phone the sidebar is then out of the way, as the app folds it or the person does."""
    open_sidebar(page)
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Heatmap", exact=True).click()
    page.wait_for_url("**/heatmap*")
    page.locator('[data-testid="stMain"] .js-plotly-plot .ytick text').first.wait_for()
    wait_until_idle(page)
    fold = page.locator('[data-testid="stSidebarCollapseButton"] button')
    if page.viewport_size["width"] < 600 and fold.count() and fold.is_visible():
        fold.click()
        page.locator('[data-testid="stExpandSidebarButton"]').wait_for()
    wait_until_idle(page)


def long_names_csv() -> bytes:
    out = io.StringIO()
    table = csv.writer(out)
    table.writerow(["Country", "Year", "Round", "Capability", "Level"])
    for n, country in enumerate(COUNTRIES):
        for capability in range(1, 22):
            mixed = (n * 7 + capability * 3) % 11
            table.writerow(
                [country, 2024, ROUNDS[n % 4], capability, "" if mixed == 10 else mixed % 5]
            )
    return out.getvalue().encode()


@pytest.mark.parametrize("size", list(SIZES))
def test_every_long_row_name_is_whole_on_the_heatmap(browser, app_url, size):
    viewport, agent = SIZES[size]
    context = browser.new_context(viewport=viewport, **({"user_agent": agent} if agent else {}))
    page = context.new_page()
    page.set_default_timeout(90_000)
    try:
        open_page(page, app_url + "/upload")
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
            files=[{"name": "long names.csv", "mimeType": "text/csv", "buffer": long_names_csv()}]
        )
        page.get_by_role("button", name="Add 32 assessments to this session").click()
        expect(page.get_by_text("Every assessment read from these files")).to_be_visible()
        open_heatmap(page)
        drawn = page.evaluate(ROW_NAMES_JS)
        screenshot(page, f"heatmap-long-names-{size}")

        names = drawn["names"]
        assert sorted(" ".join(name["lines"]) for name in names) == sorted(LABELS)
        assert max(len(name["lines"]) for name in names) > 1  # some were wrapped, none cut
        assert not any("…" in line for name in names for line in name["lines"])
        # No name runs into the next, and none is clipped at the chart's left edge.
        ordered = sorted(names, key=lambda name: name["top"])
        for upper, lower in itertools.pairwise(ordered):
            assert upper["bottom"] <= lower["top"] + 0.5, (upper["lines"], lower["lines"])
        assert min(name["left"] for name in names) >= drawn["chartLeft"]
        # plotly kept the margin made for the names: it drew the chart once.
        assert drawn["drawn"] == drawn["asked"]
    finally:
        context.close()
