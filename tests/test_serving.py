"""Serving: on this machine only unless asked otherwise, and no look-up of an external address.

Streamlit asks a web service for the machine's external address at start (and logs "Did not
auto detect external IP" when offline) unless ``browser.serverAddress`` is set. The app sets
it in ``.streamlit/config.toml``; ``scripts/run.sh`` listens on 127.0.0.1 unless the person's
own arguments say otherwise.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import tomllib
import urllib.request

from tests.conftest import ARTIFACTS, ROOT, _free_port


def test_run_sh_listens_on_this_machine_unless_asked_otherwise():
    script = (ROOT / "scripts" / "run.sh").read_text()
    command = next(line for line in script.splitlines() if "streamlit run app.py" in line)
    # The default comes first, the person's arguments after it: Streamlit takes the last.
    assert command.index("--server.address 127.0.0.1") < command.index('"$@"')


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
