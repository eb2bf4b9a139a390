"""Where a click to a chart goes: the server's messages and the browser's main thread.

What ``bench_browser.py`` times as one number, taken apart, for one page: the same click in
the app (fictional demo loaded), in the minimal app's bare page drawing the same chart, and in
its radar page (the floors of ``bench_browser.py``), each ``--rounds`` times in one tab:

- *the server*: when the chart's message arrives in the page, counted from the click's own
  message (Chrome's record of the WebSocket's frames);
- *the browser*: a Chrome trace of the click: the page's main thread between the click and
  the frame that paints the chart, how much of that window it was busy and with what (style,
  layout and paint, each event's own time; script and the rest). A window nearly full of
  work means the page waited on nothing else, the server included.

Medians. A tool to see where the time goes, with no goal of its own.

    python bench/trace_click.py [--page heatmap] [--rounds 7]
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import collections
import json
import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_browser as browser_bench

# Marks in the page's own timeline where the timing of bench_browser.py starts and ends.
WATCH = browser_bench.watch_chart_doing(
    "performance.mark('mnr-click');", "performance.mark('mnr-chart');"
)
# The main thread's kinds of work, by Chrome's names for its trace events: each event's own
# time (less the events inside it: a layout forced by a script is layout, not script).
WORK = {
    "style": ("UpdateLayoutTree", "ParseAuthorStyleSheet", "RecalculateStyles"),
    "layout": ("Layout", "UpdateLayerTree"),
    "paint": ("PrePaint", "Paint", "Layerize", "Commit", "CompositeLayers"),
}
# A plotly chart's message: its figure, or a reference to one the page already holds
# (Streamlit sends a message the browser has cached as a short message ending in its hash; the
# session's first message ends in a hash too, but is long).
_FIGURE = re.compile(rb"\{\"data\":\[")
_REFERENCE = re.compile(rb"Z [0-9a-f]{32}\Z")
_REFERENCE_BYTES = 256


def _kind(name: str) -> str:
    for kind, names in WORK.items():
        if name.startswith(names):
            return kind
    return "script and the rest"


def main_thread_work(trace: dict) -> dict[str, float]:
    """Milliseconds of each kind of work on the page's main thread between the two marks,
    each event's own time (less the events inside it), and the whole window."""
    events = trace["traceEvents"]
    marks = {e["name"]: e for e in events if e.get("name") in ("mnr-click", "mnr-chart")}
    start, end = marks["mnr-click"]["ts"], marks["mnr-chart"]["ts"]
    thread = (marks["mnr-click"]["pid"], marks["mnr-click"]["tid"])
    spans = sorted(
        (e["ts"], -e.get("dur", 0), e["name"])
        for e in events
        if e.get("ph") == "X"
        and (e.get("pid"), e.get("tid")) == thread
        and start <= e["ts"] <= end
        and e.get("dur", 0) > 0
    )
    work: dict[str, float] = collections.Counter()
    open_spans: list[list] = []  # [end, name, own time] of the events around the current one
    for begin, negative_duration, name in spans:
        finish = begin - negative_duration
        while open_spans and open_spans[-1][0] <= begin:
            closed = open_spans.pop()
            work[_kind(closed[1])] += closed[2] / 1000
        if open_spans:
            open_spans[-1][2] -= min(finish, open_spans[-1][0]) - begin
        else:
            work["busy"] += (finish - begin) / 1000
        open_spans.append([finish, name, finish - begin])
    for closed in open_spans:
        work[_kind(closed[1])] += closed[2] / 1000
    work["window"] = (end - start) / 1000
    return work


def chart_message_ms(frames: list[tuple[str, float, str]]) -> float | None:
    """Milliseconds from the first frame the page sent (the click's) to the chart's message."""
    sent = [time for direction, time, _ in frames if direction == "out"]
    if not sent:
        return None
    for direction, time, payload in frames:
        raw = base64.b64decode(payload + "=" * (-len(payload) % 4))
        reference = len(raw) < _REFERENCE_BYTES and _REFERENCE.search(raw)
        if direction == "in" and time >= sent[0] and (reference or _FIGURE.search(raw)):
            return (time - sent[0]) * 1000
    return None


async def traced_clicks(browser, url: str, link: str, path: str, *, demo: bool, rounds: int):
    """``rounds`` clicks from the home page to ``link``: each one's work and chart message."""
    context, page = await browser_bench.warmed_session(browser, url, link, path, demo=demo)
    devtools = await context.new_cdp_session(page)
    await devtools.send("Network.enable")
    frames: list[tuple[str, float, str]] = []
    devtools.on(
        "Network.webSocketFrameReceived",
        lambda e: frames.append(("in", e["timestamp"], e["response"]["payloadData"])),
    )
    devtools.on(
        "Network.webSocketFrameSent",
        lambda e: frames.append(("out", e["timestamp"], e["response"]["payloadData"])),
    )
    works, messages = [], []
    for _ in range(rounds):
        await browser_bench.go_home(page)
        await page.evaluate(WATCH)
        frames.clear()
        await browser.start_tracing(
            page=page,
            categories=[
                "devtools.timeline",
                "blink.user_timing",
                "v8.execute",
                "disabled-by-default-devtools.timeline",
            ],
        )
        await page.click(f"[data-testid='stSidebarNav'] a:has-text('{link}')")
        await page.wait_for_function("() => window.mnrChartAt !== null")
        trace = json.loads(await browser.stop_tracing())
        await page.wait_for_function(browser_bench.SETTLED)
        works.append(main_thread_work(trace))
        messages.append(chart_message_ms(frames))
    await context.close()
    return works, [m for m in messages if m is not None]


def report(name: str, works: list[dict[str, float]], messages: list[float]) -> None:
    kinds = ["window", "busy", "script and the rest", *WORK]
    middle = {kind: statistics.median(work.get(kind, 0.0) for work in works) for kind in kinds}
    message = f"{statistics.median(messages):5.0f}ms" if messages else "    -"
    print(f"{name:16} {middle['window']:6.0f}ms {message} {middle['busy']:6.0f}ms   "
          + ", ".join(f"{kind} {middle[kind]:.0f}" for kind in kinds[2:]))  # fmt: skip


async def run(page_name: str, rounds: int, port: int) -> None:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=browser_bench.CHROMIUM, args=browser_bench.ARGS
        )
        print(f"{page_name}: median of {rounds} clicks (milliseconds on the main thread)")
        print(f"{'page':16} {'click to chart':>8} {'chart msg':>9} {'work':>7}   of which")
        for name, url, link, path, demo in browser_bench.app_and_floors(page_name, port):
            report(name, *await traced_clicks(browser, url, link, path, demo=demo, rounds=rounds))
        await browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--page", default="heatmap", choices=list(browser_bench.PAGES))
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--port", type=int, default=8661)
    args = parser.parse_args()
    with browser_bench.app_and_minimal_app(args.port):
        asyncio.run(run(args.page, args.rounds, args.port))


if __name__ == "__main__":
    main()
