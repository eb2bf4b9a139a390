"""Whose script a click to a chart runs: V8's sampling profiler over the click, by script.

What ``trace_click.py`` calls "script and the rest", taken apart: the same click in the app
(fictional demo loaded), in the minimal app's bare page drawing the same chart and in its
radar page (the floors of ``bench_browser.py``), each ``--rounds`` times in one tab. The page
starts the profiler itself when it receives the click (``console.profile``) and stops it in
the frame that paints the chart, so the profile covers exactly the time ``bench_browser.py``
measures. Samples are attributed by their own function's script: Streamlit's chunks by file
name, plotly.js by the module of its bundle ("src/traces/heatmap/plot.js"), the browser's
own work by its name ("(program)": style, layout and paint among it; "setProperty", a DOM
call). A second table puts each sample under what it runs for: inside plotly.js, inside a
React render of anything else, the rest.

Times are milliseconds per click, with the profiler's own overhead (about twice the plain
times); starting the profiler is counted apart and left out. A tool to see where the time
goes, with no goal of its own.

    python bench/profile_click.py [--page heatmap] [--rounds 7] [--app DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import collections
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_browser as browser_bench
import streamlit

SCRIPTS = Path(streamlit.__file__).parent / "static" / "static" / "js"
# The click's listener starts the profiler; the chart's frame stops it.
WATCH = browser_bench.watch_chart_doing("console.profile('click');", "console.profileEnd('click');")
# The listener's own samples are the profiler starting (V8 counts them to the listener).
_PROFILER_START = "document.addEventListener"
_STARTING = "(profiler starting)"
# A module of a bundle: esbuild/rolldown keep each module's path as the key of its wrapper.
_MODULE = re.compile(r'"((?:src|node_modules|stackgl_modules|build)/[^"]+?\.[jt]s)"\(')


class Scripts:
    """Where a sampled function comes from: a script's name, and a module within a bundle."""

    def __init__(self) -> None:
        self._modules: dict[str, tuple[list[int], list[int], list[str]] | None] = {}

    def _read(self, name: str) -> tuple[list[int], list[int], list[str]] | None:
        if name not in self._modules:
            path = SCRIPTS / name
            if not path.is_file():
                self._modules[name] = None
            else:
                text = path.read_text(encoding="utf-8")
                lines = [0, *(m.end() for m in re.finditer("\n", text))]
                found = [(m.start(), m.group(1)) for m in _MODULE.finditer(text)]
                self._modules[name] = (
                    (lines, [at for at, _ in found], [module for _, module in found])
                    if found
                    else None
                )
        return self._modules[name]

    def of(self, frame: dict) -> str:
        url = frame["url"]
        if not url:
            return frame["functionName"] or "(native)"
        name = url.rsplit("/", 1)[-1]
        modules = self._read(name)
        if modules is None:
            return name
        lines, starts, names = modules
        offset = lines[min(frame["lineNumber"], len(lines) - 1)] + frame["columnNumber"]
        index = bisect.bisect_right(starts, offset) - 1
        return f"plotly.js {names[index]}" if index >= 0 else name


def attribute(profile: dict, scripts: Scripts) -> tuple[collections.Counter, collections.Counter]:
    """Milliseconds by each sample's own script, and by what it ran for."""
    nodes = {node["id"]: node for node in profile["nodes"]}
    parent = {child: node["id"] for node in profile["nodes"] for child in node.get("children", ())}
    by_script: collections.Counter = collections.Counter()
    by_purpose: collections.Counter = collections.Counter()
    seen: dict[int, tuple[str, str]] = {}  # each sampled node's own script and purpose
    for sample, delta in zip(profile["samples"], profile["timeDeltas"], strict=True):
        if sample not in seen:
            stack, at = [], sample
            while at is not None:
                stack.append(scripts.of(nodes[at]["callFrame"]))
                at = parent.get(at)
            seen[sample] = (stack[0], _purpose(stack))
        own, purpose = seen[sample]
        by_purpose[purpose] += delta / 1000
        if purpose != _STARTING:
            by_script[own] += delta / 1000
    return by_script, by_purpose


def _purpose(stack: list[str]) -> str:
    """What a sample ran for, from its stack (its own script first)."""
    if any(_PROFILER_START in script for script in stack):
        return _STARTING
    if any(script.startswith("plotly.js") for script in stack):
        return "inside plotly.js"
    if any(script.startswith("react-dom") for script in stack):
        return "a React render, not plotly.js"
    return "(idle)" if stack[0] == "(idle)" else "the rest"


async def profiled_clicks(browser, url: str, link: str, path: str, *, demo: bool, rounds: int):
    """``rounds`` clicks from the home page to ``link``, each profiled; mean ms per click."""
    context, page = await browser_bench.warmed_session(browser, url, link, path, demo=demo)
    devtools = await context.new_cdp_session(page)
    await devtools.send("Profiler.enable")
    await devtools.send("Profiler.setSamplingInterval", {"interval": 100})  # microseconds
    finished: asyncio.Queue = asyncio.Queue()
    devtools.on("Profiler.consoleProfileFinished", lambda e: finished.put_nowait(e["profile"]))
    scripts = Scripts()
    by_script: collections.Counter = collections.Counter()
    by_purpose: collections.Counter = collections.Counter()
    for _ in range(rounds):
        await browser_bench.go_home(page)
        await page.evaluate(WATCH)
        await page.click(f"[data-testid='stSidebarNav'] a:has-text('{link}')")
        await page.wait_for_function("() => window.mnrChartAt !== null")
        scripted, purposed = attribute(await asyncio.wait_for(finished.get(), 60), scripts)
        by_script.update(scripted)
        by_purpose.update(purposed)
        await page.wait_for_function(browser_bench.SETTLED)
    await context.close()
    per_click = {key: value / rounds for key, value in by_script.items()}
    return per_click, {key: value / rounds for key, value in by_purpose.items()}


async def run(page_name: str, rounds: int, port: int, lines: int) -> None:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=browser_bench.CHROMIUM, args=browser_bench.ARGS
        )
        results = {}
        for name, url, link, path, demo in browser_bench.app_and_floors(page_name, port):
            clicks = await profiled_clicks(browser, url, link, path, demo=demo, rounds=rounds)
            results[name.split(",")[0].removeprefix("minimal ")] = clicks
        await browser.close()
    names = list(results)
    print(f"{page_name}: ms per click (mean of {rounds}, under the profiler)")
    print(f"{'what it ran for':44} " + " ".join(f"{name:>7}" for name in names))
    purposes = sorted({p for _, by in results.values() for p in by}, key=str)
    for purpose in purposes:
        print(f"{purpose:44} " + " ".join(f"{results[n][1].get(purpose, 0):7.1f}" for n in names))
    print(f"\n{'own script':64} " + " ".join(f"{name:>7}" for name in names))
    keys = {key for by, _ in results.values() for key in by}
    for key in sorted(keys, key=lambda k: -max(results[n][0].get(k, 0) for n in names))[:lines]:
        print(f"{key[:64]:64} " + " ".join(f"{results[n][0].get(key, 0):7.1f}" for n in names))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--page", default="heatmap", choices=list(browser_bench.PAGES))
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--lines", type=int, default=30)
    parser.add_argument("--port", type=int, default=8671)
    parser.add_argument("--app", type=Path, default=browser_bench.ROOT, help="a checkout to run")
    args = parser.parse_args()
    with browser_bench.app_and_minimal_app(args.port, args.app):
        asyncio.run(run(args.page, args.rounds, args.port, args.lines))


if __name__ == "__main__":
    main()
