"""Serving: on this machine only unless asked otherwise, and no look-up of an external address.

Streamlit asks a web service for the machine's external address at start (and logs "Did not
auto detect external IP" when offline) unless ``browser.serverAddress`` is set. The app sets
it in ``.streamlit/config.toml``; ``scripts/run.sh`` listens on 127.0.0.1 unless the person's
own arguments say otherwise.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ARTIFACTS, ROOT, _free_port


def _listening_addresses(port: int) -> set[str]:
    """The IPv4 addresses a process listens on at ``port`` (from the kernel's socket table)."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, local_port = local.split(":")
        if state == "0A" and int(local_port, 16) == port:  # 0A: LISTEN
            found.add(socket.inet_ntoa(bytes.fromhex(address)[::-1]))
    return found


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [((), {"127.0.0.1"}), (("--server.address", "0.0.0.0"), {"0.0.0.0"})],  # noqa: S104
    ids=["by-default", "asked-for-every-network"],
)
def test_run_sh_listens_on_this_machine_unless_asked_otherwise(arguments, expected):
    """The README's run command, started for real: where does the app listen?"""
    port = _free_port()
    log_path = ARTIFACTS / f"run-sh-{port}.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            ["bash", str(ROOT / "scripts" / "run.sh"), "--server.port", str(port), *arguments],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # run.sh execs streamlit: stop the whole group afterwards
        )
        try:
            deadline = time.monotonic() + 180  # run.sh first checks the installed packages
            while not _listening_addresses(port):
                assert process.poll() is None, log_path.read_text()
                assert time.monotonic() < deadline, log_path.read_text()
                time.sleep(0.2)
            assert _listening_addresses(port) == expected
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)


def test_the_config_names_the_address_so_streamlit_never_looks_it_up():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["browser"]["serverAddress"] == "localhost"
    assert config["browser"]["gatherUsageStats"] is False


def test_a_start_on_every_address_looks_up_no_external_address():
    """Even served to a room (all addresses), the start asks nobody for the external address.

    Any look-up that did happen would go to a closed port on this machine (the proxy below),
    never outside; the log must not show one.
    """
    port = _free_port()
    log_path = ARTIFACTS / "serving-start.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    closed = "http://127.0.0.1:9"
    env = {**os.environ, "http_proxy": closed, "https_proxy": closed, "NO_PROXY": ""}
    env.update({"HTTP_PROXY": closed, "HTTPS_PROXY": closed})
    with log_path.open("wb") as log:
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
                "0.0.0.0",  # noqa: S104 (the case that used to look the address up)
                "--server.headless",
                "true",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(
                        f"http://127.0.0.1:{port}/_stcore/health", timeout=2
                    ) as reply:
                        if reply.status == 200:
                            break
                except OSError:
                    pass
                assert process.poll() is None, log_path.read_text()
                assert time.monotonic() < deadline, "the app did not start"
                time.sleep(0.3)
            # The banner is printed before the server answers; give the log a moment to flush.
            deadline = time.monotonic() + 10
            while "URL:" not in log_path.read_text() and time.monotonic() < deadline:
                time.sleep(0.1)
        finally:
            process.terminate()
            process.wait(timeout=10)
    text = log_path.read_text()
    assert "URL: http://localhost:" in text
    assert "external IP" not in text
    assert "External URL" not in text


def test_no_page_embedding_the_app_may_control_it(app_url):
    """The running app lists no site whose frame may control it by postMessage (stop, rerun,
    change its page, or set the address its uploads are sent to).

    Streamlit's default trusts sixteen Community Cloud patterns (``*.streamlit.app`` among
    them); the app's settings empty the list, which also spares every page's browser code an
    origin check per message (bench/README.md, "Messages nobody reads").
    """
    with urllib.request.urlopen(f"{app_url}/_stcore/host-config", timeout=10) as reply:
        host_config = json.loads(reply.read())
    assert host_config["allowedOrigins"] == []
