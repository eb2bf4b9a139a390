"""Browser benchmark: click to chart, many sessions at once, and memory per session.

Starts the real app and a minimal Streamlit app side by side, and drives both in headless
Chromium. The minimal app's pages: an empty one; one with a select box and one plotly radar;
and, per timed page, a bare page with a select box and that page's first chart (the figure
and configuration the app sends for the fictional demo, taken from a run of the app).

1. Time to chart: from a click on a sidebar link to a drawn chart on the new page, for the
   profile, heatmap, compare and present pages (fictional demo loaded), against the same
   click in the minimal app's radar page and in its bare page drawing the same chart.
   Interleaved, median of ``--repeat``. Goal: at most 1.5x.
2. Many at once: ``--sessions`` browser sessions (each its own context, the demo loaded)
   open the profile at the same moment; the median and worst time until each page has
   settled (script finished, nothing stale, a chart drawn), against one session alone,
   in the same run. Goal: median at most 3x the single session.
3. Memory: the app process's resident memory per session, each session having uploaded a
   workbook of 200 assessments and opened the profile, measured over ``--memory-sessions``
   sessions open at once (after one such session warmed the process). Goal: at most 30 MiB.

    python bench/bench_browser.py [--sessions 15] [--repeat 5] [--parts chart,many,memory]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from components.ui.first_chart import SIGNAL_SELECTOR  # noqa: E402

CHROMIUM = os.environ.get("MNR_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PAGES = {
    "profile": "Country profile",
    "heatmap": "Heatmap",
    "compare": "Compare",
    "present": "Present",
}

MINIMAL_APP = """
import json
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

PAGES = PAGE_NAMES


def home():
    st.title("Home")


def chart():
    # As wide as the app's pages (Streamlit keeps a page's layout for the next page, so every
    # page of this app says its own).
    st.set_page_config(layout="wide")
    st.title("Chart")
    pick = st.selectbox("Assessment", ["A", "B", "C"])
    levels = {"A": [1, 2, 3, 2, 1, 3], "B": [2, 2, 2, 3, 3, 1], "C": [4, 3, 2, 1, 2, 3]}[pick]
    figure = go.Figure(go.Scatterpolar(r=levels, theta=list("UVWXYZ"), fill="toself"))
    figure.update_layout(template="plotly_white", height=600)
    st.plotly_chart(figure, theme=None)


def same_chart(page):
    # The app page's first chart as the browser gets it (figure and configuration), read and
    # drawn on every run, under one choice: a bare page drawing the same chart, as wide as the
    # app draws it (its pages are wide, and the presentation hides the sidebar).
    def draw():
        st.set_page_config(
            layout="wide", initial_sidebar_state="collapsed" if page == "present" else "auto"
        )
        st.title(page.title())
        st.selectbox("Choice", ["A", "B", "C"])
        sent = json.loads(Path(__file__).with_name(f"{page}.json").read_text())
        spec = json.loads(sent["spec"])
        figure = go.Figure(spec)
        if not spec.get("layout", {}).get("template"):
            # The app wrote its template out into the figure and sent "template": null
            # (components/charts/browser_copy.py); go.Figure puts Streamlit's default template
            # back, which plotly.js would apply on top: a heavier chart than the app's. Set to
            # None after go.Figure, the browser gets the spec the app sent.
            figure.layout.template = None
        st.plotly_chart(figure, theme=None, config=sent["config"])

    return st.Page(draw, title=f"Bare {page}", url_path=f"bare_{page}")


st.navigation([
    st.Page(home, title="Home", default=True),
    st.Page(chart, title="Chart"),
    *(same_chart(page) for page in PAGES),
]).run()
"""


def first_charts_json() -> dict[str, str]:
    """Each timed page's first chart with the fictional demo loaded, as the app sends it to
    the browser (figure and configuration, from a run of the app under AppTest): the minimal
    app's bare pages draw the same."""
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    app.button(key="home_load_demo").click().run()
    sent = {}
    for page in PAGES:
        app.switch_page(f"pages/{page}.py").run()
        chart = app.get("plotly_chart")[0].proto
        sent[page] = json.dumps({"spec": chart.spec, "config": json.loads(chart.config)})
    return sent


def demo_heatmap_json() -> str:
    """The heatmap page's chart of the demo (latest rounds, alphabetical), as the app sends it
    to the browser (``bench_chart_draw.py`` draws it)."""
    from components.charts.browser_copy import browser_copy
    from components.charts.views import heatmap_view
    from components.framework.model import default_framework
    from components.ingest.demo import load_demo
    from components.ingest.labels import assessment_labels
    from components.ui.selection import filter_assessments

    framework = default_framework()
    capabilities = load_demo(framework).capabilities
    rows = filter_assessments(capabilities, "latest", [])
    view = heatmap_view(capabilities, framework, assessment_labels(capabilities), rows, "name")
    return browser_copy(view.figure).to_json()


# Streamlit's own markers of a finished run (as tests/conftest.py waits on), and a chart.
_FINISHED = """
    const app = document.querySelector('[data-testid="stApp"]');
    const finished = app !== null
        && app.getAttribute('data-test-script-state') === 'notRunning'
        && !document.querySelector('[data-testid="stStatusWidget"]')
        && !document.querySelector('[data-stale="true"]')
        && !document.querySelector('SIGNAL_SELECTOR');
""".replace("SIGNAL_SELECTOR", SIGNAL_SELECTOR)
SETTLED = "() => {" + _FINISHED + "return finished; }"
SETTLED_WITH_CHART = (
    "() => {" + _FINISHED + "return finished && document.querySelector("
    "'[data-testid=\"stMain\"] .js-plotly-plot .main-svg') !== null; }"
)
CHART = "[data-testid='stMain'] .js-plotly-plot .main-svg"
# Timed in the page, on its own clock: Playwright's waits poll at growing intervals (up to
# 500 ms apart), so a chart drawn just after one look was seen up to half a second late. The
# click is when the page receives it; the chart is drawn in the first animation frame (just
# before the paint) after plotly has put its SVG into the page.
WATCH_CHART = """() => {
    window.mnrClickAt = null;
    window.mnrChartAt = null;
    document.addEventListener('click', () => {
        if (window.mnrClickAt === null) { window.mnrClickAt = performance.now(); }
    }, {capture: true, once: true});
    const observer = new MutationObserver(() => {
        if (window.mnrClickAt !== null
            && document.querySelector("CHART")) {
            observer.disconnect();
            requestAnimationFrame(() => { window.mnrChartAt = performance.now(); });
        }
    });
    observer.observe(document.body, {subtree: true, childList: true});
}""".replace("CHART", CHART)


def watch_chart_doing(at_click: str, at_chart: str) -> str:
    """``WATCH_CHART`` with a statement run as the click arrives and one in the chart's frame
    (a mark for a trace, the profiler started and stopped)."""
    click = "window.mnrClickAt = performance.now();"
    chart = "window.mnrChartAt = performance.now();"
    if WATCH_CHART.count(click) != 1 or WATCH_CHART.count(chart) != 1:
        raise SystemExit("WATCH_CHART has changed: say where the click and the chart are timed")
    return WATCH_CHART.replace(click, f"{click} {at_click}").replace(chart, f"{chart} {at_chart}")


def start(script: Path, port: int, cwd: Path = ROOT) -> subprocess.Popen[bytes]:
    """Serve ``script`` on ``port``, run from ``cwd`` (whose ``.streamlit/config.toml`` it reads
    under the script's own), and wait until it answers."""
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.gatherUsageStats", "false"],
        cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
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


@contextlib.contextmanager
def app_and_minimal_app(
    port: int, app_folder: Path = ROOT
) -> Iterator[tuple[subprocess.Popen[bytes], subprocess.Popen[bytes]]]:
    """The app (``app_folder``'s checkout, run from its folder) on ``port`` and the minimal app,
    its pages drawing the app's first charts as this checkout sends them, on ``port + 1``;
    both stopped afterwards."""
    with tempfile.TemporaryDirectory() as folder:
        minimal_script = Path(folder) / "minimal_app.py"
        minimal_script.write_text(MINIMAL_APP.replace("PAGE_NAMES", repr(list(PAGES))))
        for page, sent in first_charts_json().items():
            minimal_script.with_name(f"{page}.json").write_text(sent)
        app = start(app_folder / "app.py", port, cwd=app_folder)
        try:
            minimal = start(minimal_script, port + 1)
            try:
                yield app, minimal
            finally:
                minimal.terminate()
                minimal.wait(timeout=20)
        finally:
            app.terminate()
            app.wait(timeout=20)


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


async def on_page(page, path: str) -> None:
    """Wait until the address is ``path``'s (with or without the query its choices add)."""
    await page.wait_for_url(
        lambda url: urllib.parse.urlsplit(url).path.rstrip("/").endswith("/" + path),
        wait_until="commit",
    )


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
    await page.evaluate(WATCH_CHART)
    await page.click(f"[data-testid='stSidebarNav'] a:has-text('{link}')")
    await on_page(page, path)
    await page.wait_for_function("() => window.mnrChartAt !== null")
    # The page settled (the rest of a page drawn after its first chart) before the next click,
    # in this tab or the other: the rest must not slow the next measure down.
    await page.wait_for_function(SETTLED)
    return await page.evaluate("() => (window.mnrChartAt - window.mnrClickAt) / 1000")


async def warmed_session(browser, url: str, link: str, path: str, *, demo: bool):
    """A new session (the demo loaded if ``demo``) that has clicked to ``link``'s chart three
    times: plotly.js compiled and the page visited before what is measured."""
    context, page = await new_session(browser, url, demo=demo)
    for _ in range(3):
        await click_to_chart(page, link, path)
    return context, page


def app_and_floors(page: str, port: int) -> list[tuple[str, str, str, str, bool]]:
    """What the click tools take apart, served by ``app_and_minimal_app(port)``: the app's
    ``page`` (demo loaded), the minimal app's bare page drawing the same chart, and its radar
    page; each as (name, address, sidebar link, path, whether to load the demo)."""
    app, minimal = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{port + 1}"
    return [
        ("app", app, PAGES[page], page, True),
        ("bare, same chart", minimal, f"Bare {page}", f"bare_{page}", False),
        ("minimal radar", minimal, "Chart", "chart", False),
    ]


async def settle_profile(page, link: str = "Country profile", path: str = "profile") -> float:
    """Seconds from a click on the profile's link (or another chart page's) until the page
    has settled with a chart."""
    start_time = time.perf_counter()
    await page.click(f"[data-testid='stSidebarNav'] a:has-text('{link}')")
    await on_page(page, path)
    await page.wait_for_function(SETTLED_WITH_CHART)
    elapsed = time.perf_counter() - start_time
    await go_home(page)  # back to a page without charts, for the next round
    return elapsed


async def open_with_upload(browser, url: str, workbook: Path) -> tuple[object, object]:
    """A new session that uploads ``workbook``, adds what it read, and opens the profile."""
    context, page = await new_session(browser, url, demo=False)
    await page.click("[data-testid='stSidebarNav'] a:has-text('Upload assessments')")
    await on_page(page, "upload")
    await page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(workbook))
    await page.wait_for_selector(".st-key-add_uploads button", timeout=600_000)
    await page.wait_for_function(SETTLED)
    await page.click(".st-key-add_uploads button")
    await page.get_by_text("Every assessment read from these files").wait_for()
    await page.click("[data-testid='stSidebarNav'] a:has-text('Country profile')")
    await on_page(page, "profile")
    await page.wait_for_function(SETTLED_WITH_CHART)
    return context, page


def middle_half(floor: list[float], measured: list[float]) -> str:
    """The middle half of the ratios of back-to-back pairs (each click on the page right after
    one on the minimal app): how far one run's ratio moves on a shared machine, whose speed
    drifts between pairs more than within one."""
    if len(floor) < 2:
        return "-"
    first, _, third = statistics.quantiles(
        [m / f for f, m in zip(floor, measured, strict=True)], n=4, method="inclusive"
    )
    return f"{first:.2f}x to {third:.2f}x"


async def time_to_chart(browser, app: str, minimal: str, repeat: int) -> None:
    """Each page against two floors, clicked in turn: the minimal app's radar page, and its
    bare page drawing the same chart as the app's page (``first_charts_json``)."""
    context, page = await new_session(browser, app, demo=True)
    bare_context, bare = await new_session(browser, minimal, demo=False)
    for _ in range(3):  # the minimal tab warmed up too (plotly.js compiled, its code hot)
        await click_to_chart(bare, "Chart", "chart")
    print(f"time to chart, median of {repeat} (click in the sidebar to a drawn chart)")
    print(f"{'page':10} {'radar':>7} {'same':>7} {'page':>7} {'/radar':>7} {'/same':>7}   "
          "pairs' middle half (/radar; /same)")  # fmt: skip
    for path, link in PAGES.items():
        same = (f"Bare {path}", f"bare_{path}")
        await click_to_chart(page, link, path)  # each page's first visit in its session
        await click_to_chart(bare, *same)
        radar, floor, measured = [], [], []
        for _ in range(repeat):
            radar.append(await click_to_chart(bare, "Chart", "chart"))
            floor.append(await click_to_chart(bare, *same))
            measured.append(await click_to_chart(page, link, path))
        low, bare_page, high = (statistics.median(times) for times in (radar, floor, measured))
        print(f"{path:10} {low * 1000:5.0f}ms {bare_page * 1000:5.0f}ms {high * 1000:5.0f}ms "
              f"{high / low:6.2f}x {high / bare_page:6.2f}x   {middle_half(radar, measured)}; "
              f"{middle_half(floor, measured)}")  # fmt: skip
    await bare_context.close()
    await context.close()


def cpu_seconds(pid: int) -> float:
    """User and system CPU time the process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def draw_a_chart_first(page, link: str) -> None:
    """Open a chart page once and go home: the tab has compiled plotly.js (as a phone has
    after any chart page); the page measured next is still to be opened."""
    await page.click(f"[data-testid='stSidebarNav'] a:has-text('{link}')")
    await page.wait_for_function(SETTLED_WITH_CHART)
    await go_home(page)


async def alone_and_at_once(
    browser, url: str, pid: int, sessions: int, *, minimal: bool, warm_tab: bool
) -> tuple[float, float, float, float]:
    """One session alone (median of 3) and ``sessions`` at once opening the chart page:
    (alone, median, worst, the server's CPU seconds for the sessions at once)."""
    link, path, first = (
        ("Chart", "chart", "Chart") if minimal else ("Country profile", "profile", "Heatmap")
    )

    async def opened_session():
        context, page = await new_session(browser, url, demo=not minimal)
        if warm_tab:
            await draw_a_chart_first(page, first)
        return context, page

    alone_times = []
    for _ in range(3):
        context, page = await opened_session()
        alone_times.append(await settle_profile(page, link, path))
        await context.close()
    opened = [await opened_session() for _ in range(sessions)]
    cpu_before = cpu_seconds(pid)
    times = await asyncio.gather(*(settle_profile(p, link, path) for _, p in opened))
    cpu = cpu_seconds(pid) - cpu_before
    for context, _ in opened:
        await context.close()
    return statistics.median(alone_times), statistics.median(times), max(times), cpu


async def many_at_once(
    browser, app: str, minimal: str, pids: tuple[int, int], sessions: int
) -> None:
    """One session alone opening the profile, then ``sessions`` new ones at the same moment,
    and the same with the minimal app's chart page: the machine's own floor.

    Twice: in new tabs (each must first load and compile plotly.js, about 2 to 4 s of CPU
    per tab; here every tab shares the app's two cores, where phones would each have their
    own), and in tabs that have drawn a chart before."""
    print(f"\nuntil settled: one session alone (median of 3), and {sessions} at once")
    print(f"{'tabs':22} {'app':8} {'alone':>7} {'median':>8} {'worst':>8} {'ratio':>7} "
          f"{'server CPU':>11}")  # fmt: skip
    for warm_tab in (False, True):
        for name, url, pid in (("minimal", minimal, pids[1]), ("profile", app, pids[0])):
            alone, median, worst, cpu = await alone_and_at_once(
                browser, url, pid, sessions, minimal=name == "minimal", warm_tab=warm_tab
            )
            tabs = "drew a chart before" if warm_tab else "new"
            print(f"{tabs:22} {name:8} {alone:6.2f}s {median:7.2f}s {worst:7.2f}s "
                  f"{median / alone:6.2f}x {cpu:10.1f}s")  # fmt: skip


async def memory_per_session(browser, app: str, pid: int, sessions: int) -> None:
    """The app's resident memory per session, each with 200 uploaded assessments on the
    profile: after one such session has warmed the process, ``sessions`` more are opened."""
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_reader import long_table

    with tempfile.TemporaryDirectory() as folder:
        workbook = Path(folder) / "two-hundred.xlsx"
        workbook.write_bytes(long_table(200))
        warm = await open_with_upload(browser, app, workbook)
        before = rss_mib(pid)
        opened = [await open_with_upload(browser, app, workbook) for _ in range(sessions)]
        after = rss_mib(pid)
        print(f"\nmemory, 200 assessments uploaded in each session: {before:.0f} MiB with one "
              f"session, {after:.0f} MiB with {sessions} more on the profile: "
              f"{(after - before) / sessions:.1f} MiB per session")  # fmt: skip
        for context, _ in [warm, *opened]:
            await context.close()


async def run(
    args: argparse.Namespace, app_port: int, minimal_port: int, pids: tuple[int, int]
) -> None:
    from playwright.async_api import async_playwright

    app, minimal = f"http://127.0.0.1:{app_port}", f"http://127.0.0.1:{minimal_port}"
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        if "chart" in args.parts:
            await time_to_chart(browser, app, minimal, args.repeat)
        if "many" in args.parts:
            await many_at_once(browser, app, minimal, pids, args.sessions)
        if "memory" in args.parts:
            await memory_per_session(browser, app, pids[0], args.memory_sessions)
        await browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=15)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--memory-sessions", type=int, default=5)
    parser.add_argument("--parts", default="chart,many,memory", help="which parts to run")
    parser.add_argument("--port", type=int, default=8631)
    args = parser.parse_args()
    with app_and_minimal_app(args.port) as (app, minimal):
        asyncio.run(run(args, args.port, args.port + 1, (app.pid, minimal.pid)))


if __name__ == "__main__":
    main()
