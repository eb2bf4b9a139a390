"""Benchmark: 40 participants vote on one capability at once; how soon does the projector show it?

Starts the real app (``streamlit run app.py``) on loopback with a library of its own, opens a
workshop, and puts its facilitator page in headless Chromium at 1280x720: the projector.
Then 40 participants connect as Streamlit WebSocket clients (the protocol the browser
speaks: protobuf ``BackMsg`` out, ``ForwardMsg`` in, the ``run_every`` reruns of the page's
fragment included), each to ``/join?w=<code>&p=<its own token>``, like 40 phones. They press
"Send my vote" at the same moment. A MutationObserver in the projector's page records when
the "Votes in" number changes.

Prints, for the 40 votes: the median and worst time from the moment they were sent to the
moment the projector showed them (the k-th vote to appear against the first send, so the
figure includes any queueing), and the app's memory per participant (the growth of the app
process's resident memory from before the 40 connected to after they voted, over 40).
Goals: worst at most 3 s; at most 15 MiB per participant.

    python bench/bench_workshop.py [--participants 40]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402
from streamlit.proto.WidgetStates_pb2 import WidgetState  # noqa: E402
from websockets.asyncio.client import connect  # noqa: E402

from components.framework.model import default_framework  # noqa: E402
from components.library import workshops  # noqa: E402
from components.library.access import sqlite_url  # noqa: E402
from components.library.database import create_library_engine  # noqa: E402
from components.library.workshop_votes import new_token  # noqa: E402

CHROMIUM = os.environ.get("MNR_CHROMIUM", "/usr/bin/chromium")
CHOICE = "2 · Developing"  # every participant's vote, as the radio's option reads
OBSERVER = """() => {
    window.mnrSeen = [];
    const read = () => {
        const value = document.querySelector(
            '.st-key-workshop-votes-in [data-testid="stMetricValue"]');
        const number = value ? parseInt(value.textContent, 10) : NaN;
        const seen = window.mnrSeen;
        if (!Number.isNaN(number) && (!seen.length || seen[seen.length - 1][1] !== number)) {
            seen.push([performance.timeOrigin + performance.now(), number]);
        }
    };
    new MutationObserver(read).observe(document.body,
        {subtree: true, childList: true, characterData: true});
    read();
}"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_mib(pid: int) -> float:
    """Resident memory of a process, in MiB (from /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def start_app(port: int, library: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "MNR_LIBRARY_PATH": str(library), "MNR_LIBRARY_MODE": "editor"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit("the app did not start")


@dataclass
class Phone:
    """One participant: a Streamlit session over a WebSocket, as a browser would hold it."""

    url: str
    query: str
    page_hash: str = ""
    radio: str | None = None
    submit: str | None = None
    ballot_fragment: str = ""
    watchers: dict[str, float] = field(default_factory=dict)
    finished: asyncio.Event = field(default_factory=asyncio.Event)
    sent_at: float = 0.0
    voted_at: float = 0.0
    socket: object = None

    def rerun(self, *, fragment: str = "", widgets: list[WidgetState] | None = None) -> bytes:
        message = BackMsg()
        state = message.rerun_script
        state.query_string = self.query
        state.page_script_hash = self.page_hash
        state.page_name = "" if self.page_hash else "join"
        if fragment:
            state.fragment_id = fragment
            state.is_auto_rerun = fragment in self.watchers
        for widget in widgets or []:
            state.widget_states.widgets.append(widget)
        return message.SerializeToString()

    def read(self, raw: bytes) -> None:
        message = ForwardMsg()
        message.ParseFromString(raw)
        kind = message.WhichOneof("type")
        if kind == "navigation":  # the page that runs (new_session names the entry point)
            self.page_hash = message.navigation.page_script_hash
        elif kind == "auto_rerun":
            self.watchers[message.auto_rerun.fragment_id] = message.auto_rerun.interval
        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            element = message.delta.new_element
            which = element.WhichOneof("type")
            if which == "radio" and element.radio.label == "Your rating":
                self.radio = element.radio.id
                self.ballot_fragment = message.delta.fragment_id
            elif which == "button" and element.button.label == "Send my vote":
                self.submit = element.button.id
            elif which == "alert" and "Your vote:" in element.alert.body and self.sent_at:
                self.finished.set()  # the phone shows the vote it sent

    async def run(self, start_voting: asyncio.Event, stop: asyncio.Event) -> None:
        async with connect(
            self.url, subprotocols=["streamlit"], max_size=None, ping_interval=None
        ) as ws:
            self.socket = ws
            reader = asyncio.create_task(self._listen(ws))
            await ws.send(self.rerun())
            while self.radio is None or self.submit is None:
                await asyncio.sleep(0.05)
            timers = [
                asyncio.create_task(self._watch(ws, f, s, stop))
                for f, s in list(self.watchers.items())
            ]
            await start_voting.wait()
            if stop.is_set():  # a warm-up: connected, did not vote
                for timer in timers:
                    timer.cancel()
                reader.cancel()
                return
            self.finished.clear()
            self.sent_at = time.time()
            vote = [
                WidgetState(id=self.radio, string_value=CHOICE),
                WidgetState(id=self.submit, trigger_value=True),
            ]
            await ws.send(self.rerun(fragment=self.ballot_fragment, widgets=vote))
            await asyncio.wait_for(self.finished.wait(), 60)
            self.voted_at = time.time()
            await stop.wait()
            for timer in timers:
                timer.cancel()
            reader.cancel()

    async def _listen(self, ws) -> None:  # type: ignore[no-untyped-def]
        async for raw in ws:
            self.read(raw)

    async def _watch(self, ws, fragment: str, interval: float, stop: asyncio.Event) -> None:  # type: ignore[no-untyped-def]
        """The browser's side of ``st.fragment(run_every=...)``: ask for a rerun each interval."""
        while not stop.is_set():
            await asyncio.sleep(interval)
            await ws.send(self.rerun(fragment=fragment))


async def phones_vote(
    phones: list[Phone], hold: float, joined: asyncio.Event, go: asyncio.Event
) -> None:
    stop = asyncio.Event()
    tasks = [asyncio.create_task(phone.run(go, stop)) for phone in phones]
    deadline = time.monotonic() + 120
    while not all(phone.submit for phone in phones):
        if time.monotonic() > deadline:
            raise SystemExit("not every participant's page came up within 120 s")
        await asyncio.sleep(0.1)
    joined.set()
    await go.wait()
    while not all(phone.voted_at for phone in phones):
        if any(task.done() for task in tasks):
            break  # a phone failed: its exception is raised by gather below
        await asyncio.sleep(0.05)
    await asyncio.sleep(hold)
    stop.set()
    for result in await asyncio.gather(*tasks, return_exceptions=True):
        if isinstance(result, BaseException):
            raise result


def in_thread(coroutine) -> None:  # type: ignore[no-untyped-def]
    """Run a coroutine to its end in a thread of its own (Playwright's sync API holds a loop
    in this one)."""
    problems: list[BaseException] = []

    def target() -> None:
        try:
            asyncio.run(coroutine)
        except BaseException as error:  # noqa: BLE001 (raised again below)
            problems.append(error)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if problems:
        raise problems[0]


def measure(base: str, port: int, new: workshops.NewWorkshop, pid: int, count: int):  # type: ignore[no-untyped-def]
    """Run the scenario; the projector's observations, the phones, memory before and after."""
    from playwright.sync_api import sync_playwright

    stream = f"ws://127.0.0.1:{port}/_stcore/stream"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        projector = browser.new_page(viewport={"width": 1280, "height": 720})
        projector.set_default_timeout(60_000)
        projector.goto(f"{base}/workshop?w={new.code}&key={new.key}")
        projector.wait_for_selector(".st-key-workshop-votes-in [data-testid='stMetricValue']")
        projector.evaluate(OBSERVER)
        # One participant first, so that what every session shares (code, caches) is loaded
        # before the baseline and not counted per participant.
        in_thread(_warm_up(Phone(stream, f"w={new.code}&p={new_token()}")))
        time.sleep(3)
        before = rss_mib(pid)
        phones = [Phone(stream, f"w={new.code}&p={new_token()}") for _ in range(count)]

        async def scenario() -> None:
            joined, go = asyncio.Event(), asyncio.Event()
            voting = asyncio.create_task(phones_vote(phones, 3.0, joined, go))
            await joined.wait()
            await asyncio.sleep(3)  # every phone polling, as a room waiting to vote
            go.set()
            await voting

        in_thread(scenario())
        deadline = time.monotonic() + 30
        seen: list[list[float]] = []
        while time.monotonic() < deadline:
            seen = projector.evaluate("() => window.mnrSeen")
            if seen and seen[-1][1] >= count:
                break
            time.sleep(0.1)
        after = rss_mib(pid)
        browser.close()
    return seen, phones, before, after


def report(seen: list[list[float]], phones: list[Phone], before: float, after: float) -> None:
    count = len(phones)
    first_send = min(phone.sent_at for phone in phones)
    appeared = [
        next((t / 1000 - first_send for t, n in seen if n >= k), None) for k in range(1, count + 1)
    ]
    shown = [a for a in appeared if a is not None]
    answered = [phone.voted_at - phone.sent_at for phone in phones]
    spread = (max(p.sent_at for p in phones) - first_send) * 1000
    print(f"{count} participants voted at once (all sent within {spread:.0f} ms)")
    print(
        f"phone's own answer ('Your vote'): median {statistics.median(answered):.2f} s, "
        f"worst {max(answered):.2f} s"
    )
    if shown:
        print(
            f"vote -> projector: median {statistics.median(shown):.2f} s, "
            f"worst {max(shown):.2f} s (goal: worst <= 3 s)"
        )
    if len(shown) < count:
        print(f"{count - len(shown)} votes never appeared on the projector within 30 s")
    per = (after - before) / count
    print(
        f"memory: {before:.0f} MiB before, {after:.0f} MiB after; {per:.2f} MiB per "
        "participant (goal: <= 15 MiB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--participants", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        library = Path(folder) / "library.sqlite3"
        engine = create_library_engine(sqlite_url(library))
        new = workshops.open_workshop(
            engine,
            default_framework(),
            country="Benchland",
            year=2025,
            round_label=None,
            capabilities=[1, 2],
        )
        workshops.go_to(engine, new.code, new.key, 0)
        port = free_port()
        app = start_app(port, library)
        try:
            seen, phones, before, after = measure(
                f"http://127.0.0.1:{port}", port, new, app.pid, args.participants
            )
        finally:
            app.terminate()
            app.wait(timeout=20)
            engine.dispose()
    report(seen, phones, before, after)


async def _warm_up(phone: Phone) -> None:
    stop, go = asyncio.Event(), asyncio.Event()
    task = asyncio.create_task(phone.run(go, stop))
    while phone.submit is None:
        await asyncio.sleep(0.05)
    stop.set()
    go.set()
    await asyncio.wait_for(task, 30)


if __name__ == "__main__":
    main()
