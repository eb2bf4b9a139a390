"""How long plotly.js takes to draw the app's charts, in a page with plotly alone.

What ``bench_browser.py`` cannot separate: the chart's own drawing, without Streamlit, React
or the rest of the page. Draws the first chart of the profile, the heatmap and the comparison
with the fictional demo loaded (each as the app sends it to the browser), the heatmap
without the numbers in its cells, and a heatmap of 32 assessments with long names, against
the minimal app's radar (the floor of ``bench_browser.py``), interleaved, in headless
Chromium, and prints the median time of ``Plotly.newPlot`` and until the next frame.

The page loads Streamlit's own font (Source Sans), as the app's pages do: with a fallback
font the heatmap's row names come out wider than the margin made for them, plotly widens it
and draws the whole chart a second time, and that second drawing is what gets measured.

    python bench/bench_chart_draw.py [--rounds 61]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import plotly
import plotly.graph_objects as go
import streamlit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_browser import ARGS, CHROMIUM, demo_heatmap_json  # noqa: E402

PAGE = """<html><head><style>
@font-face {font-family: "Source Sans"; src: url(source-sans.woff2) format("woff2");
            font-weight: 200 900;}
</style></head><body><div id="chart" style="width: 1100px"></div>
<script src="plotly.min.js"></script></body></html>"""

DRAW = """async (figure) => {
    const chart = document.getElementById('chart');
    Plotly.purge(chart);
    await new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)));
    const start = performance.now();
    await Plotly.newPlot(chart, figure.data, figure.layout, {displaylogo: false});
    const drawn = performance.now();
    await new Promise(done => requestAnimationFrame(done));
    return [drawn - start, performance.now() - start];
}"""


def demo_first_charts() -> tuple[dict, dict]:
    """The profile's radar and the comparison's bars as the pages first draw them with the
    demo loaded (the first country, the default comparison), as the browser gets them."""
    from components.charts.browser_copy import browser_copy
    from components.charts.views import comparison_views, profile_radar
    from components.framework.model import default_framework
    from components.ingest.demo import load_demo
    from components.ingest.labels import assessment_labels
    from components.ui.selection import (
        comparison_labels,
        country_choices,
        default_comparison,
        latest_of_each,
    )

    framework = default_framework()
    capabilities = load_demo(framework).capabilities
    countries = country_choices(capabilities)
    chosen = default_comparison(countries, countries[0])
    ids, focus_id = latest_of_each(capabilities, chosen, countries[0])
    labels = comparison_labels(capabilities, ids, chosen, countries[0], anonymised=False)
    bars, _, _ = comparison_views(capabilities, framework, labels, ids, focus_id)
    radar = profile_radar(capabilities, framework, assessment_labels(capabilities), focus_id)
    return (
        json.loads(browser_copy(radar.figure).to_json()),
        json.loads(browser_copy(bars.figure).to_json()),
    )


# Eight invented countries with long official names, four rounds each: row names a desk's
# margin cannot hold on one line ("Democratic Republic of the Arvenian Isles 2024 (Second
# review)"), as 30-odd real countries' names with their rounds are.
LONG_COUNTRIES = (
    "Democratic Republic of the Arvenian Isles",
    "United Provinces of Northern Belmora",
    "Federated States of Calderra and Dravonia",
    "Plurinational Republic of Estavel",
    "Grand Duchy of Fenmark-upon-Galvany",
    "Independent and Sovereign Republic of Hollmere",
    "Saint Quentra and the Southern Islands",
    "Commonwealth of the Yland Archipelago",
)
LONG_ROUNDS = (
    (2019, "Baseline"),
    (2021, "Mid-term review"),
    (2023, "Review"),
    (2024, "Second review"),
)


def long_names_heatmap() -> dict:
    """The heatmap page's chart of 32 assessments with long names (all rounds, alphabetical),
    as the app sends it to the browser."""
    import pandas as pd

    from components.charts.browser_copy import browser_copy
    from components.charts.views import heatmap_view
    from components.framework.model import default_framework
    from components.ingest.labels import assessment_labels
    from components.ingest.report import CAPABILITY_COLUMNS, contract_dtypes

    framework = default_framework()
    rows = []
    for index, (country, (year, round_label)) in enumerate(
        (c, r) for c in LONG_COUNTRIES for r in LONG_ROUNDS
    ):
        for capability in framework.capabilities:
            mixed = (index * 7 + capability.number * 3) % 11
            rows.append(
                {
                    "assessment_id": f"a{index:02d}",
                    "country": country,
                    "year": year,
                    "round": round_label,
                    "source": "bench",
                    "capability": capability.number,
                    "domain": capability.domain,
                    "level": None if mixed == 10 else mixed % 5,
                }
            )
    capabilities = contract_dtypes(pd.DataFrame(rows).reindex(columns=CAPABILITY_COLUMNS))
    ids = list(dict.fromkeys(capabilities["assessment_id"]))
    labels = assessment_labels(capabilities)
    view = heatmap_view(capabilities, framework, labels, ids, "name")
    return json.loads(browser_copy(view.figure).to_json())


def figures() -> dict[str, dict]:
    """The floor (the minimal app's radar) and the charts measured, as plotly.js gets them."""
    radar = go.Figure(go.Scatterpolar(r=[1, 2, 3, 2, 1, 3], theta=list("UVWXYZ"), fill="toself"))
    radar.update_layout(template="plotly_white", height=600)
    heatmap = json.loads(demo_heatmap_json())
    # The grid alone: without its cells' numbers (written by the grid and a see-through copy).
    grid = {k: v for k, v in heatmap["data"][0].items() if k not in ("text", "texttemplate")}
    bare = {**heatmap, "data": [grid]}
    profile, comparison = demo_first_charts()
    return {
        "minimal radar": json.loads(radar.to_json()),
        "profile radar": profile,
        "comparison bars": comparison,
        "demo heatmap": heatmap,
        "without numbers": bare,
        "long-name heatmap": long_names_heatmap(),
    }


async def run(rounds: int) -> None:
    from playwright.async_api import async_playwright

    charts = figures()
    with tempfile.TemporaryDirectory() as folder:
        page_dir = Path(folder)
        shutil.copy(Path(plotly.__file__).parent / "package_data" / "plotly.min.js", page_dir)
        media = Path(streamlit.__file__).parent / "static" / "static" / "media"
        shutil.copy(next(media.glob("SourceSansVF-Upright*.woff2")), page_dir / "source-sans.woff2")
        (page_dir / "page.html").write_text(PAGE)
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = await browser.new_page(viewport={"width": 1400, "height": 900})
            await page.goto((page_dir / "page.html").as_uri())
            await page.evaluate("() => document.fonts.load('14px \"Source Sans\"')")
            if not await page.evaluate("() => document.fonts.check('14px \"Source Sans\"')"):
                raise SystemExit("Source Sans did not load: the heatmap would be drawn twice")
            version = await page.evaluate("() => Plotly.version")
            times: dict[str, list[list[float]]] = {name: [] for name in charts}
            for _ in range(3):  # plotly.js compiled and warm
                for figure in charts.values():
                    await page.evaluate(DRAW, figure)
            for _ in range(rounds):
                for name, figure in charts.items():
                    times[name].append(await page.evaluate(DRAW, figure))
            await browser.close()
    # The ratio is of the drawing itself: the next frame comes on the display's beat (every
    # 16.7 ms), which rounds a short drawing up and a long one hardly at all.
    floor = statistics.median(plot for plot, _ in times["minimal radar"])
    print(f"plotly.js {version} (plotly.py's copy), median of {rounds} rounds, interleaved")
    print(f"{'chart':18} {'newPlot':>9} {'ratio':>7} {'to frame':>9}")
    for name, measured in times.items():
        plot = statistics.median(p for p, _ in measured)
        frame = statistics.median(f for _, f in measured)
        print(f"{name:18} {plot:7.1f}ms {plot / floor:6.2f}x {frame:7.1f}ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=61)
    asyncio.run(run(parser.parse_args().rounds))


if __name__ == "__main__":
    main()
