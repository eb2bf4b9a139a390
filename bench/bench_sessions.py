"""Benchmark: many people open the country profile at once, as the server sees them.

``bench_browser.py`` opens 15 Chromium tabs at once on this machine; there the tabs' own
work (loading plotly.js, drawing) shares the server's two cores and dwarfs it, where 15
phones in a room would each draw on a processor of their own. This benchmark keeps the
browser's own work out of the server's way, as ``bench_workshop.py`` does for 40 phones:

1. A real browser (headless Chromium) loads the fictional demo, opens the heatmap, goes
   home and opens the profile, while every message it sends the server is recorded.
2. ``--sessions`` Streamlit sessions replay those messages over their own WebSockets (the
   protocol the browser speaks: protobuf ``BackMsg`` out, ``ForwardMsg`` in), each waiting
   for the server to finish a run before sending the next message, as a browser does.
3. Measured: from the profile's message sent to the server's last message of that run
   (every element of the page received), for one session alone (median of ``--repeat``)
   and for ``--sessions`` sessions sent at the same moment (median and worst). And one
   Chromium tab that drew a chart before, opening the profile alone and while the other
   sessions open it at the same moment: from the click to the page settled with its chart
   drawn, the phone's view of the same load.

Goal (issue 15): median at most 3x one session alone.

    python bench/bench_sessions.py [--sessions 15] [--repeat 5]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_browser import (  # noqa: E402
    ARGS,
    CHROMIUM,
    SETTLED,
    SETTLED_WITH_CHART,
    cpu_seconds,
    draw_a_chart_first,
    go_home,
    new_session,
    settle_profile,
    start,
)
from bench_workshop import free_port  # noqa: E402
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402
from websockets.asyncio.client import connect  # noqa: E402


@dataclass
class Recording:
    """The reruns a browser asked for: ``setup`` (home, demo, heatmap, home) and ``visit``
    (the click on the profile's link)."""

    setup: list[bytes]
    visit: list[bytes]
    user_agent: str


def _reruns(frames: list[object]) -> list[bytes]:
    """The frames that ask the server for a run (the browser sends other messages too)."""
    kept = []
    for frame in frames:
        if not isinstance(frame, bytes):
            continue
        message = BackMsg()
        message.ParseFromString(frame)
        if message.WhichOneof("type") == "rerun_script":
            kept.append(frame)
    return kept


async def record(browser, url: str) -> Recording:  # type: ignore[no-untyped-def]
    """What a browser sends to load the demo, draw a chart, go home and open the profile."""
    frames: list[object] = []
    context = await browser.new_context(viewport={"width": 1400, "height": 900})
    page = await context.new_page()
    page.set_default_timeout(120_000)
    # A lambda, not frames.append: Playwright marks its handlers, which a builtin refuses.
    page.on("websocket", lambda ws: ws.on("framesent", lambda f: frames.append(f)))  # noqa: PLW0108
    await page.goto(url)
    await page.wait_for_function(SETTLED)
    user_agent = await page.evaluate("() => navigator.userAgent")
    await page.click("[data-testid='stSidebar'] button:has-text('Load the fictional demo')")
    await page.wait_for_selector("[data-testid='stSidebar'] button:has-text('Remove the demo')")
    await page.wait_for_function(SETTLED)
    await draw_a_chart_first(page, "Heatmap")
    await asyncio.sleep(0.5)  # any late message of the setup is sent by now
    setup = list(frames)
    await page.click("[data-testid='stSidebarNav'] a:has-text('Country profile')")
    await page.wait_for_function(SETTLED_WITH_CHART)
    await asyncio.sleep(0.5)
    visit = frames[len(setup) :]
    await context.close()
    recording = Recording(_reruns(setup), _reruns(visit), user_agent)
    if not recording.setup or not recording.visit:
        raise SystemExit("the browser sent no rerun to record")
    return recording


class Session:
    """One Streamlit session over a WebSocket, replaying a browser's reruns."""

    def __init__(self, stream: str, user_agent: str) -> None:
        self.stream = stream
        # The browser's own: the app draws a page's first chart before the rest only for a
        # browser, which asks for the rest (that request is among the replayed reruns).
        self.user_agent = user_agent
        self.socket = None
        self.finished = asyncio.Event()
        self.reader: asyncio.Task[None] | None = None

    async def open(self, setup: list[bytes]) -> None:
        self.socket = await connect(
            self.stream,
            subprotocols=["streamlit"],
            max_size=None,
            ping_interval=None,
            additional_headers={"User-Agent": self.user_agent},
        )
        self.reader = asyncio.create_task(self._listen())
        for frame in setup:
            await self.ask(frame)

    async def ask(self, frame: bytes) -> float:
        """Send one rerun; seconds until the server has sent the last message of its run."""
        self.finished.clear()
        sent = time.perf_counter()
        await self.socket.send(frame)
        await asyncio.wait_for(self.finished.wait(), 300)
        return time.perf_counter() - sent

    async def visit(self, frames: list[bytes]) -> float:
        return sum([await self.ask(frame) for frame in frames])

    async def close(self) -> None:
        if self.reader:
            self.reader.cancel()
        if self.socket:
            await self.socket.close()

    async def _listen(self) -> None:
        async for raw in self.socket:
            message = ForwardMsg()
            message.ParseFromString(raw)
            # A run that ends in st.rerun() is followed by another: wait for the last.
            if message.WhichOneof("type") == "script_finished" and message.script_finished in (
                ForwardMsg.FINISHED_SUCCESSFULLY,
                ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
            ):
                self.finished.set()


async def opened_sessions(stream: str, recording: Recording, count: int) -> list[Session]:
    """``count`` sessions on the home page, the demo loaded and a chart drawn once, opened
    one after another (not timed)."""
    sessions = []
    for _ in range(count):
        session = Session(stream, recording.user_agent)
        await session.open(recording.setup)
        sessions.append(session)
    return sessions


async def warm_tab(browser, url: str):  # type: ignore[no-untyped-def]
    context, page = await new_session(browser, url, demo=True)
    await draw_a_chart_first(page, "Heatmap")
    return context, page


async def measure(browser, url: str, stream: str, *, pid: int, count: int, repeat: int) -> None:  # type: ignore[no-untyped-def]
    recording = await record(browser, url)
    alone = []
    for _ in range(repeat):
        (session,) = await opened_sessions(stream, recording, 1)
        alone.append(await session.visit(recording.visit))
        await session.close()
    context, page = await warm_tab(browser, url)
    tab_alone = [await settle_profile(page) for _ in range(repeat)]

    at_once: list[float] = []
    tab_at_once: list[float] = []
    cpu = []
    for _ in range(repeat):
        sessions = await opened_sessions(stream, recording, count - 1)
        await asyncio.sleep(1)
        before = cpu_seconds(pid)
        # The tab is one of the ``count`` sessions; the others are sent at the same moment.
        times = await asyncio.gather(
            settle_profile(page), *(s.visit(recording.visit) for s in sessions)
        )
        cpu.append(cpu_seconds(pid) - before)
        tab_at_once.append(times[0])
        at_once.extend(times[1:])
        for session in sessions:
            await session.close()
    await go_home(page)
    await context.close()

    single = statistics.median(alone)
    median = statistics.median(at_once)
    print(f"the profile opened by {count} sessions at once ({repeat} rounds), demo loaded")
    print(f"{'measured':44} {'alone':>7} {'median':>8} {'worst':>8} {'ratio':>7}")
    print(
        f"{'server: message sent to the run finished':44} {single:6.2f}s {median:7.2f}s "
        f"{max(at_once):7.2f}s {median / single:6.2f}x"
    )
    tab_single = statistics.median(tab_alone)
    tab_median = statistics.median(tab_at_once)
    print(
        f"{'a browser tab: click to page settled':44} {tab_single:6.2f}s {tab_median:7.2f}s "
        f"{max(tab_at_once):7.2f}s {tab_median / tab_single:6.2f}x"
    )
    print(
        f"server CPU per round of {count}: {statistics.median(cpu):.2f} s "
        f"({statistics.median(cpu) / count * 1000:.0f} ms per session's visit)"
    )


async def run(count: int, repeat: int) -> None:
    from playwright.async_api import async_playwright

    port = free_port()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["MNR_LIBRARY_PATH"] = str(Path(folder) / "library.sqlite3")
        app = start(ROOT / "app.py", port)
        try:
            async with async_playwright() as playwright:
                browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                await measure(
                    browser,
                    f"http://127.0.0.1:{port}",
                    f"ws://127.0.0.1:{port}/_stcore/stream",
                    pid=app.pid,
                    count=count,
                    repeat=repeat,
                )
                await browser.close()
        finally:
            app.terminate()
            app.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=15)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    asyncio.run(run(args.sessions, args.repeat))


if __name__ == "__main__":
    main()
