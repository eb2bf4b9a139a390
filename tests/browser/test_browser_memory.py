"""Uploads are given back: after heavy uploads and a closed tab, the app's memory comes back.

Streamlit keeps uploaded bytes per session, and in 1.67 never frees those of a session whose
tab was closed (see ``components/ui/upload_files.py``). The app lets each file go as soon as
it is read; this test measures the server process's resident memory (``VmRSS``) around three
rounds of ten 19 MB uploads, each in a tab that is then closed.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from components.framework.model import default_framework
from components.ingest.template import AssessmentInput, write_template
from tests.conftest import _require_browser, open_page, running_app

pytestmark = pytest.mark.browser

MB = 1024 * 1024
BOUND_MB = 150  # the promise: within 150 MB of where it started
FILES_PER_ROUND = 10
FILE_MB = 19


def app_pid(url: str) -> int:
    """The process serving ``url`` (started by ``running_app``), found by its port."""
    port = url.rsplit(":", 1)[1]
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            args = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"streamlit" in b" ".join(args) and port.encode() in args:
            return int(entry.name)
    raise AssertionError(f"no streamlit process on port {port}")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def settled_rss(pid: int, below: float, timeout: float = 60.0) -> float:
    """The RSS once it is below ``below`` MB, or the last reading when it never gets there."""
    deadline = time.monotonic() + timeout
    reading = rss_mb(pid)
    while reading >= below and time.monotonic() < deadline:
        time.sleep(0.5)  # polling a condition (the server frees memory on its own threads)
        reading = rss_mb(pid)
    return reading


@pytest.fixture(scope="module")
def memory_app():
    _require_browser()
    # Closed tabs are kept for reconnection for two seconds instead of two minutes.
    with running_app(
        "streamlit-memory", env={"STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": "2"}
    ) as url:
        yield url


@pytest.fixture(scope="module")
def heavy_files(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("heavy")
    good = folder / "zembla.xlsx"
    good.write_bytes(
        write_template(
            default_framework(),
            AssessmentInput(country="Zembla", year=2024, levels=dict.fromkeys(range(1, 22), 2)),
        )
    )
    files = [good]
    for index in range(FILES_PER_ROUND - 1):
        path = folder / f"minutes-{index}.xlsx"
        path.write_bytes(os.urandom(FILE_MB * MB))  # not a spreadsheet: read and refused
        files.append(path)
    return files


def upload_and_close(browser, url: str, files: list[Path]) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(120_000)
    open_page(page, url + "/upload")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        [str(path) for path in files]
    )
    page.wait_for_selector(f".st-key-upload-result-{len(files) - 1}")
    page.get_by_role("button", name="Add 1 assessment to this session").click()
    page.get_by_text("Every assessment read from these files").wait_for()
    context.close()  # the tab is closed: the session is gone


def test_uploads_are_given_back_after_the_tab_closes(browser, memory_app, heavy_files):
    pid = app_pid(memory_app)
    # Warm up: the reader, the upload page and their libraries are loaded once.
    upload_and_close(browser, memory_app, heavy_files[:1])
    start = rss_mb(pid)
    readings = []
    for _ in range(3):
        upload_and_close(browser, memory_app, heavy_files)
        readings.append(settled_rss(pid, below=start + BOUND_MB / 2))
    uploaded = 3 * FILE_MB * (FILES_PER_ROUND - 1)
    print(f"RSS: {start:.0f} MB at the start; after each round {readings} (uploaded {uploaded} MB)")
    assert readings[-1] - start < BOUND_MB, (start, readings)
