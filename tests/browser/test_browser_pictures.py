"""The picture pages in Chromium: load the demo, walk the navigation, check the drawn values.

The expected numbers are computed here from the demo's definition with plain Python and the
framework's published domain mapping, independently of the app's reader and scoring.
"""

import json
from statistics import mean

import pytest

from components.framework.model import default_framework
from components.ingest.demo import demo_assessments
from components.ui.first_chart import SIGNAL_SELECTOR
from tests.conftest import choose_option, load_demo, open_page, screenshot, wait_until_idle

pytestmark = pytest.mark.browser

# Capability numbers per domain, as published (shared/framework-notes.md).
DOMAINS = {
    "Policy and Governance": range(1, 4),
    "Criminal Justice": range(4, 8),
    "Victim": range(8, 12),
    "Societal": range(12, 16),
    "Industry": range(16, 20),
    "Media and Communications": range(20, 22),
}

FIGURES_JS = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(g => ({
    data: (g.data || []).map(t => ({type: t.type, name: t.name, r: t.r, theta: t.theta,
                                      x: t.x, y: t.y, z: t.z})),
    yaxis: g.layout && g.layout.yaxis ? {ticktext: g.layout.yaxis.ticktext,
                                         tickvals: g.layout.yaxis.tickvals} : null,
}))"""


# The heatmap's cell texts as drawn: each one's text and its middle in the axes' units
# (capability number across, row down).
CELL_TEXTS_JS = """() => {
    const plot = document.querySelector('[data-testid="stMain"] .js-plotly-plot');
    const grid = plot.querySelector('.nsewdrag').getBoundingClientRect();
    const {xaxis, yaxis} = plot._fullLayout;
    return Array.from(plot.querySelectorAll('.heatmap-label text')).map(t => {
        const box = t.getBoundingClientRect();
        return {text: t.textContent,
                x: xaxis.p2c(box.x + box.width / 2 - grid.x),
                y: yaxis.p2c(box.y + box.height / 2 - grid.y)};
    });
}"""


# The main chart's margins: as plotly drew them, and as the figure asked for them.
MARGINS_JS = """() => {
    const plot = document.querySelector('[data-testid="stMain"] .js-plotly-plot');
    return [plot._fullLayout._size, plot._fullLayout.margin];
}"""


def assessment(country: str, year: int):
    return next(
        a for a in demo_assessments(default_framework()) if (a.country, a.year) == (country, year)
    )


def domain_means(country: str, year: int) -> list[float | None]:
    levels = assessment(country, year).levels
    means = []
    for numbers in DOMAINS.values():
        assessed = [levels[n] for n in numbers if levels.get(n) is not None]
        means.append(mean(assessed) if assessed else None)
    return means


def approx(values):
    return [None if v is None else pytest.approx(v) for v in values]


@pytest.fixture
def demo_page(page, app_url):
    open_page(page, app_url + "/")
    load_demo(page)
    return page


def go_to(page, title: str) -> list[dict]:
    page.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
    page.wait_for_selector(".js-plotly-plot")
    wait_until_idle(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert "Fictional demo data" in page.locator('[data-testid="stMain"]').inner_text()
    return page.evaluate(FIGURES_JS)


def test_profile_radar_shows_the_domain_means(demo_page):
    figures = go_to(demo_page, "Country profile")
    focus = figures[0]["data"][0]
    assert focus["name"] == "Arvenia 2023 (Second review)"
    assert focus["theta"][:6] == list(DOMAINS)
    assert focus["r"][:6] == approx(domain_means("Arvenia", 2023))
    assert focus["r"][6] == focus["r"][0]  # the shape is closed
    # One radar per pillar: the Victim tab's radar has capabilities 8-11 at their levels.
    # (A tab's radar is drawn when the tab is opened.)
    demo_page.get_by_role("tab", name="Victim").click()
    demo_page.wait_for_function(
        "() => Array.from(document.querySelectorAll('.js-plotly-plot')).some("
        "p => JSON.stringify(p.data || []).includes('End to End Support'))"
    )
    wait_until_idle(demo_page)
    figures = demo_page.evaluate(FIGURES_JS)
    levels = assessment("Arvenia", 2023).levels
    victim = next(
        f
        for f in figures[1:]
        if any("8 · End to End Support" in str(t) for d in f["data"] for t in (d["theta"] or []))
    )
    trace = victim["data"][0]
    shown = dict(
        zip([str(t).replace("<br>", " ") for t in trace["theta"]], trace["r"], strict=False)
    )
    for number in range(8, 12):
        key = next(k for k in shown if k.startswith(f"{number} · "))
        assert shown[key] == levels[number]
    screenshot(demo_page, "profile")


def test_heatmap_cells_are_the_levels(demo_page):
    figures = go_to(demo_page, "Heatmap")
    heatmap = next(f for f in figures if any(d["type"] == "heatmap" for d in f["data"]))
    trace = next(d for d in heatmap["data"] if d["type"] == "heatmap")
    labels = dict(zip(heatmap["yaxis"]["tickvals"], heatmap["yaxis"]["ticktext"], strict=True))
    latest = {
        "Arvenia": 2023,
        "Belmora": 2023,
        "Calderra": 2024,
        "Dravonia": 2024,
        "Estavel": 2024,
        "Fenmark": 2022,
        "Galvany": 2025,
        "Hollmere": 2024,
    }
    assert len(trace["z"]) == len(latest)
    for position, row in zip(trace["y"], trace["z"], strict=True):
        country = labels[position].split()[0]
        levels = assessment(country, latest[country]).levels
        expected = [levels[n] if levels.get(n) is not None else -1 for n in range(1, 22)]
        assert row == expected, country
    assert [labels[p].split()[0] for p in trace["y"]] == sorted(latest)  # alphabetical default

    # Each cell says its level ("–" if not assessed), in the middle of that cell.
    written = demo_page.evaluate(CELL_TEXTS_JS)
    assert len(written) == len(latest) * 21  # each cell once
    for text in written:
        row, number = round(text["y"]), round(text["x"])
        assert abs(text["x"] - number) < 0.15, text  # a cell is 1 wide, 1 high
        assert abs(text["y"] - row) < 0.2, text
        country = labels[row].split()[0]
        level = assessment(country, latest[country]).levels.get(number)
        assert text["text"] == ("–" if level is None else str(level)), (country, number)
    # Drawn in one pass: the margins made for the row names and the colour bar are the ones
    # plotly kept (had it widened one, it would have drawn the chart again).
    drawn, asked = demo_page.evaluate(MARGINS_JS)
    assert {side: drawn[side] for side in "lrtb"} == {side: asked[side] for side in "lrtb"}
    screenshot(demo_page, "heatmap")


def test_compare_bars_are_the_domain_means(demo_page):
    figures = go_to(demo_page, "Compare")
    bars = [d for d in figures[0]["data"] if d["type"] == "bar"]
    expected = {
        "Arvenia 2023 (Second review)": domain_means("Arvenia", 2023),
        "Belmora 2023 (First review)": domain_means("Belmora", 2023),
        "Calderra 2024 (Second review)": domain_means("Calderra", 2024),
        "Dravonia 2024 (First review)": domain_means("Dravonia", 2024),
    }
    assert [b["name"] for b in bars] == list(expected)  # the chosen order, not a ranking
    for bar in bars:
        assert bar["x"] == list(DOMAINS)
        assert bar["y"] == approx(expected[bar["name"]])
    screenshot(demo_page, "compare")


def test_trends_lines_follow_the_rounds(demo_page):
    figures = go_to(demo_page, "Trends")
    lines = {d["name"]: d["y"] for d in figures[0]["data"] if d["type"] == "scatter"}
    rounds = [domain_means("Arvenia", year) for year in (2019, 2021, 2023)]
    for index, domain in enumerate(DOMAINS):
        assert lines[domain] == approx([r[index] for r in rounds]), domain
    body = demo_page.locator('[data-testid="stMain"]').inner_text()
    assert "What changed between two rounds" in body
    screenshot(demo_page, "trends")


def test_profile_downloads_a_brief_and_slides(demo_page):
    from io import BytesIO

    from pptx import Presentation
    from pypdf import PdfReader

    go_to(demo_page, "Country profile")
    demo_page.get_by_role("button", name="Country brief (PDF)").click()
    ready = demo_page.get_by_role("button", name="Download the brief (PDF)")
    ready.wait_for(timeout=120_000)
    with demo_page.expect_download(timeout=60_000) as pdf_download:
        ready.click()
    pdf = PdfReader(BytesIO(pdf_download.value.path().read_bytes()))
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert len(pdf.pages) >= 5
    assert "Arvenia" in text
    assert "fictional" in text.lower()
    with demo_page.expect_download(timeout=60_000) as deck_download:
        demo_page.get_by_role("button", name="Slides (PowerPoint)").click()
    deck = Presentation(BytesIO(deck_download.value.path().read_bytes()))
    assert len(deck.slides) >= 8
    assert deck_download.value.suggested_filename.endswith(".pptx")


# Records, on the page's own clock, when the first chart's SVG and something below it (an
# element matching ``below`` whose text holds ``text``) enter the page, and whether the chart
# was ever left to ask for the rest.
WATCH_ORDER = """([below, text]) => {
    window.mnrSeen = {};
    const look = () => {
        const seen = window.mnrSeen;
        const main = document.querySelector('[data-testid="stMain"]');
        if (!main) { return; }
        if (!seen.chart && main.querySelector('.js-plotly-plot .main-svg')) {
            seen.chart = performance.now();
        }
        if (!seen.signal && document.querySelector('SIGNAL_SELECTOR')) {
            seen.signal = performance.now();
        }
        if (!seen.below && Array.from(main.querySelectorAll(below))
                .some(element => element.textContent.includes(text))) {
            seen.below = performance.now();
        }
    };
    new MutationObserver(look).observe(document.body, {subtree: true, childList: true});
}""".replace("SIGNAL_SELECTOR", SIGNAL_SELECTOR)


# The first chart's own table comes with the rest too: on each page, what is below the chart
# and the last thing the page draws.
_TABLE = ('[data-testid="stExpander"] summary', "Show the numbers as a table")


@pytest.mark.parametrize(
    ("title", "below", "last"),
    [
        ("Country profile", ("h2", "All capabilities"), "Take it home"),
        ("Compare", ("h2", "Differences"), "Take it home"),
        ("Heatmap", _TABLE, None),
    ],
    ids=["profile", "compare", "heatmap"],
)
def test_a_picture_page_draws_its_first_chart_before_the_rest(demo_page, title, below, last):
    """On entering the page, the first run ends after the first chart; once the browser has
    drawn it, the rest of the page follows, and nothing is left waiting."""
    demo_page.evaluate(WATCH_ORDER, list(below))
    demo_page.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
    demo_page.wait_for_function("() => window.mnrSeen.below !== undefined")
    wait_until_idle(demo_page)
    seen = demo_page.evaluate("() => window.mnrSeen")
    assert seen.get("signal") is not None  # the first run ended at the chart
    assert seen["chart"] < seen["below"]
    assert demo_page.locator(SIGNAL_SELECTOR).count() == 0
    main = demo_page.locator('[data-testid="stMain"]')
    if last is not None:
        assert main.get_by_role("heading", name=last).count() == 1
    assert main.locator(_TABLE[0]).filter(has_text=_TABLE[1]).count() >= 1  # the chart's own
    assert demo_page.locator('[data-testid="stException"]').count() == 0


def test_the_heatmap_is_drawn_once_its_row_names_fit(demo_page):
    """The margin starts as wide as the row names need, so plotly does not widen it (which
    draws the chart a second time), and no name is cut."""
    go_to(demo_page, "Heatmap")
    fit = demo_page.evaluate(
        """() => {
            const plot = document.querySelector('[data-testid="stMain"] .js-plotly-plot');
            const widest = Math.max(...Array.from(plot.querySelectorAll('.ytick text'))
                .map(t => t.getBBox().width));
            return {asked: plot.layout.margin.l, drawn: plot._fullLayout._size.l, widest};
        }"""
    )
    assert fit["drawn"] == fit["asked"]  # plotly did not have to widen it
    assert fit["widest"] + 10 <= fit["drawn"] <= fit["widest"] + 20


# plotly works a chart's data out afresh (a new ``calcdata``) each time it draws the whole
# chart; a hand-over in which nothing changed keeps them. So the distinct ``calcdata`` seen on
# the page count the chart's full drawings.
COUNT_DRAWINGS = """() => {
    window.mnrDrawings = [];
    window.mnrHandOvers = 0;  // Plotly.react calls: Streamlit hands each new chart over twice
    const plots = new WeakSet();
    const look = () => {
        const plot = document.querySelector('[data-testid="stMain"] .js-plotly-plot');
        if (plot && plot.on && !plots.has(plot)) {
            plots.add(plot);
            plot.on('plotly_react', () => { window.mnrHandOvers += 1; look(); });
        }
        if (plot && plot.calcdata && !window.mnrDrawings.includes(plot.calcdata)) {
            window.mnrDrawings.push(plot.calcdata);
        }
    };
    new MutationObserver(look).observe(document.body, {subtree: true, childList: true,
                                                       attributes: true});
}"""


def drawings_after(page, hand_overs: int) -> int:
    """The chart's full drawings, once Streamlit has handed plotly that many figures."""
    page.wait_for_function("(count) => window.mnrHandOvers >= count", arg=hand_overs)
    return page.evaluate("() => window.mnrDrawings.length")


def row_names(page) -> list[str]:
    return page.evaluate(
        """() => document.querySelector('[data-testid="stMain"] .js-plotly-plot')
            .layout.yaxis.ticktext"""
    )


def test_a_chart_is_drawn_once_and_again_when_what_it_shows_changes(demo_page):
    """Streamlit hands plotly each new chart twice; the second time, nothing has changed
    (``components/charts/browser_copy.py``), so the chart is drawn once. A new row order is a
    new chart: drawn once more, with the rows in their new order."""
    demo_page.evaluate(COUNT_DRAWINGS)
    go_to(demo_page, "Heatmap")
    assert drawings_after(demo_page, 2) == 1  # handed over twice, drawn once
    alphabetical = row_names(demo_page)
    assert alphabetical == sorted(alphabetical)

    choose_option(
        demo_page, demo_page.get_by_role("combobox", name="Order of rows"), "By overall score"
    )
    demo_page.wait_for_function("() => location.search.includes('sort=overall')")
    wait_until_idle(demo_page)
    demo_page.wait_for_function(
        """(before) => JSON.stringify(document.querySelector(
            '[data-testid="stMain"] .js-plotly-plot').layout.yaxis.ticktext) !== before""",
        arg=json.dumps(alphabetical),
    )
    by_score = row_names(demo_page)
    assert sorted(by_score) == alphabetical
    assert by_score != alphabetical
    assert drawings_after(demo_page, 4) == 2
