"""Browser benchmark: click to chart, many sessions at once, and memory per session.

Starts the real app and a minimal Streamlit app (two pages: an empty one, and one with a
select box and one plotly radar) side by side, and drives both in headless Chromium:

1. Time to chart: from a click on a sidebar link to a drawn chart on the new page, for the
   profile, heatmap, compare and present pages (fictional demo loaded), against the same
   click in the minimal app. Interleaved, median of ``--repeat``. Goal: at most 1.5x.
2. Many at once: ``--sessions`` browser sessions (each its own context, the demo loaded)
   open the profile at the same moment; the median and worst time until each page has
   settled (script finished, nothing stale, a chart drawn), against one session alone,
   in the same run. Goal: median at most 3x the single session.
3. Memory: the app process's resident memory before the sessions connected and once they
   all show the profile, over the number of sessions (the demo holds 20 assessments).

    python bench/bench_browser.py [--sessions 15] [--repeat 5]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("MNR_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PAGES = {
    "profile": "Country profile",
    "heatmap": "Heatmap",
    "compare": "Compare",
    "present": "Present",
}

MINIMAL_APP = """
import plotly.graph_objects as go
import streamlit as st


def home():
    st.title("Home")


def chart():
    st.title("Chart")
    pick = st.selectbox("Assessment", ["A", "B", "C"])
    levels = {"A": [1, 2, 3, 2, 1, 3], "B": [2, 2, 2, 3, 3, 1], "C": [4, 3, 2, 1, 2, 3]}[pick]
    figure = go.Figure(go.Scatterpolar(r=levels, theta=list("UVWXYZ"), fill="toself"))
    figure.update_layout(template="plotly_white", height=600)
    st.plotly_chart(figure, theme=None)


st.navigation([st.Page(home, title="Home", default=True), st.Page(chart, title="Chart")]).run()
"""

# Streamlit's own markers of a finished run (as tests/conftest.py waits on), and a chart.
_FINISHED = """
    const app = document.querySelector('[data-testid="stApp"]');
    const finished = app !== null
        && app.getAttribute('data-test-script-state') === 'notRunning'
        && !document.querySelector('[data-testid="stStatusWidget"]')
        && !document.querySelector('[data-stale="true"]');
"""
SETTLED = "() => {" + _FINISHED + "return finished; }"
SETTLED_WITH_CHART = (
    "() => {" + _FINISHED + "return finished && document.querySelector("
    "'[data-testid=\"stMain\"] .js-plotly-plot .main-svg') !== null; }"
)
CHART = "[data-testid='stMain'] .js-plotly-plot .main-svg"


def start(script: Path, port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return process
        except OSError:
            time.sleep(0.3)  # polling the server's health endpoint until it answers
    process.kill()
    raise SystemExit(f"{script} did not start")


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise SystemExit("no VmRSS")


async def new_session(browser, url: str, *, demo: bool):
    context = await browser.new_context(viewport={"width": 1400, "height": 900})
    page = await context.new_page()
    page.set_default_timeout(600_000)
    await page.goto(url)
    await page.wait_for_function(SETTLED)
    if demo:
        await page.click("[data-testid='stSidebar'] button:has-text('Load the fictional demo')")
        await page.wait_for_selector("[data-testid='stSidebar'] button:has-text('Remove the demo')")
        await page.wait_for_function(SETTLED)
    return context, page


async def go_home(page) -> None:
    """Back to the home page (no chart) in the same session: a new address would start a new
    session, without the demo."""
    expand = page.locator("[data-testid='stExpandSidebarButton']")
    if await expand.is_visible():  # the presentation starts with the sidebar collapsed
        await expand.click()
    await page.click("[data-testid='stSidebarNav'] a:has-text('Home')")
    await page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stMain\"] .js-plotly-plot')"
    )
    await page.wait_for_function(SETTLED)


async def click_to_chart(page, link: str, path: str) -> float:
    """Seconds from a click on a sidebar link to a drawn chart (from a page with none)."""
    await go_home(page)
    start_time = time.perf_counter()
    await page.click(f"[data-testid='stSidebarNav'] a:has-text('{link}')")
    await page.wait_for_url(f"**/{path}")
    await page.wait_for_selector(CHART)
    return time.perf_counter() - start_time


async def settle_profile(page) -> float:
    """Seconds from a click on the profile's link until the page has settled with a chart."""
    start_time = time.perf_counter()
    await page.click("[data-testid='stSidebarNav'] a:has-text('Country profile')")
    await page.wait_for_url("**/profile")
    await page.wait_for_function(SETTLED_WITH_CHART)
    elapsed = time.perf_counter() - start_time
    await go_home(page)  # back to a page without charts, for the next round
    return elapsed


async def run(sessions: int, repeat: int, app_port: int, minimal_port: int, pid: int) -> None:
    from playwright.async_api import async_playwright

    app, minimal = f"http://127.0.0.1:{app_port}", f"http://127.0.0.1:{minimal_port}"
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context, page = await new_session(browser, app, demo=True)
        bare_context, bare = await new_session(browser, minimal, demo=False)
        print(f"time to chart, median of {repeat} (click in the sidebar to a drawn chart)")
        print(f"{'page':10} {'minimal':>9} {'page':>9} {'ratio':>7}")
        for path, link in PAGES.items():
            floor, measured = [], []
            for _ in range(repeat):
                floor.append(await click_to_chart(bare, "Chart", "chart"))
                measured.append(await click_to_chart(page, link, path))
            low, high = statistics.median(floor), statistics.median(measured)
            print(f"{path:10} {low * 1000:7.0f}ms {high * 1000:7.0f}ms {high / low:6.2f}x")
        await bare_context.close()

        alone = statistics.median([await settle_profile(page) for _ in range(3)])
        await context.close()
        before = rss_mib(pid)
        opened = [await new_session(browser, app, demo=True) for _ in range(sessions)]
        times = await asyncio.gather(*(settle_profile(p) for _, p in opened))
        after = rss_mib(pid)
        median, worst = statistics.median(times), max(times)
        print(f"\nprofile, until settled: one session alone {alone:.2f}s; {sessions} at once: "
              f"median {median:.2f}s ({median / alone:.2f}x), worst {worst:.2f}s")  # fmt: skip
        print(f"memory: {before:.0f} MiB before, {after:.0f} MiB with {sessions} sessions "
              f"on the profile: {(after - before) / sessions:.1f} MiB per session")  # fmt: skip
        for context, _ in opened:
            await context.close()
        await browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=15)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--port", type=int, default=8631)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        minimal_script = Path(folder) / "minimal_app.py"
        minimal_script.write_text(MINIMAL_APP)
        app = start(ROOT / "app.py", args.port)
        minimal = start(minimal_script, args.port + 1)
        try:
            asyncio.run(run(args.sessions, args.repeat, args.port, args.port + 1, app.pid))
        finally:
            for process in (app, minimal):
                process.terminate()
                process.wait(timeout=20)


if __name__ == "__main__":
    main()
