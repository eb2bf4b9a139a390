"""Shared fixtures: the real app on a loopback port, and headless Chromium driven by Playwright.

Browser tests need Debian's ``chromium`` (Playwright cannot download its own browser here).
Where it is missing they are skipped with the reason, except in CI (``CI=true``), where a
missing browser is a failure: CI must prove the flows work.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest

from components.ui.first_chart import SIGNAL_SELECTOR

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("MNR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _require_browser() -> None:
    problem = None
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        problem = (
            f"Debian's chromium is not installed at {CHROMIUM}: install it with "
            "`apt-get install chromium` as root (the README's test command does this when it can)."
        )
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "the playwright package is not installed: pip install -r requirements-dev.txt"
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"Browser tests must run in CI, but {problem}")
        pytest.skip(problem)


@contextmanager
def running_app(
    log_name: str = "streamlit-server",
    env: Mapping[str, str] | None = None,
    script: Path = ROOT / "app.py",
    port: int | None = None,
) -> Iterator[str]:
    """Start ``streamlit run app.py`` on a free loopback port, yield its URL, then stop it.

    ``env`` adds (or overrides) environment variables of the app's process; ``script`` runs
    another entry point (with the app's settings: the working directory stays the root);
    ``port`` starts it again where it was (a restart, as open tabs see it).
    """
    port = port or _free_port()
    log_path = ARTIFACTS / f"{log_name}.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(script),
                "--server.port",
                str(port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
            ],
            cwd=ROOT,
            env=None if env is None else {**os.environ, **env},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"the app did not start; see {log_path}:\n{log_path.read_text()}")
            time.sleep(0.3)
        try:
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    """The app, started once for all browser tests of this run."""
    _require_browser()
    with running_app() as url:
        yield url


@pytest.fixture(scope="session")
def browser(app_url: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"),
            args=CHROMIUM_ARGS,
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser, app_url: str):
    """A fresh browser page (its own Streamlit session) at a projector-like size."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    try:
        yield tab
    finally:
        context.close()


# Streamlit marks its root with the connection and the script run's state (its own end-to-end
# tests wait on the same attributes); stale elements are what a rerun has not redrawn yet.
# A page still waiting to ask for the rest below its first chart has not settled either.
SETTLED = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app !== null
        && app.getAttribute('data-test-connection-state') === 'CONNECTED'
        && app.getAttribute('data-test-script-state') === 'notRunning'
        && !document.querySelector('[data-testid="stStatusWidget"]')
        && !document.querySelector('[data-stale="true"]')
        && !document.querySelector('SIGNAL_SELECTOR');
}""".replace("SIGNAL_SELECTOR", SIGNAL_SELECTOR)


def open_page(page, url: str) -> None:
    """Go to a URL of the app and wait until Streamlit has finished drawing it."""
    page.goto(url)
    page.wait_for_selector('[data-testid="stMain"]')
    page.wait_for_function("() => document.querySelector('h1') !== null")
    wait_until_idle(page)


def wait_until_idle(page) -> None:
    """Wait until the script run has finished and no element is left stale from a rerun.

    A click's rerun may not have started yet when this returns: after an action, wait for
    what it should show (``expect(...)``, ``wait_for_selector``), which retries until then.
    """
    page.wait_for_function(SETTLED)


def load_demo(page) -> None:
    """Press the sidebar's "Load the fictional demo" and wait until the demo is in."""
    page.locator('[data-testid="stSidebar"]').get_by_role(
        "button", name="Load the fictional demo"
    ).click()
    page.wait_for_selector("text=20 fictional demo")
    wait_until_idle(page)


def next_frame(page) -> None:
    """Wait until the browser has laid out and painted (two animation frames)."""
    page.evaluate(
        "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )


def open_options(page, combobox, timeout: float = 60_000, attempts: int = 4) -> None:
    """Open a select box's list of options, as a person does: scrolled to it, then clicked.

    A click that has to scroll (the sidebar on a phone, a form below the fold) opens the list
    and the scroll that lands after it closes it again, so the box is scrolled to first. A
    rerun landing with the click can also leave the box focused and its list shut (seen in
    CI): then it is clicked again, as a person would, before failing.
    """
    from playwright.sync_api import expect

    for attempt in range(attempts):
        wait_until_idle(page)
        combobox.scroll_into_view_if_needed()
        next_frame(page)
        if combobox.get_attribute("aria-expanded") != "true":
            combobox.click()
        last = attempt == attempts - 1
        try:
            expect(combobox).to_have_attribute(
                "aria-expanded", "true", timeout=timeout if last else 5_000
            )
            return
        except AssertionError:
            if last:
                raise


def choose_option(page, combobox, option: str, attempts: int = 3) -> None:
    """Open ``combobox``'s list and pick ``option`` (its exact name), as a person does.

    A rerun or a late scroll can close the list between opening it and the click (seen on
    the phone layout in CI), so the list is opened again, as a person would, before failing.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for attempt in range(attempts):
        open_options(page, combobox)
        try:
            page.get_by_role("option", name=option, exact=True).click(timeout=10_000)
            return
        except PlaywrightTimeout:
            if attempt == attempts - 1:
                raise


def screenshot(page, name: str) -> Path:
    """Save a full screenshot of the app's main area under test-artifacts/screenshots/."""
    path = ARTIFACTS / "screenshots" / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    # Streamlit scrolls inside its own container, so grow the viewport to the content first.
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": page.viewport_size["width"], "height": max(900, height)})
    next_frame(page)
    wait_until_idle(page)
    page.screenshot(path=str(path), full_page=True)
    return path
