"""Freed large blocks leave the process once the app has fixed glibc's mmap threshold."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from components.base.memory import collection_paused, return_large_blocks_when_freed

ROOT = Path(__file__).resolve().parents[2]

# A child process frees a 19 MB block twice (the first free raises glibc's dynamic threshold,
# so the second block comes from the heap) and prints how much of it the process still holds.
_CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from components.base.memory import return_large_blocks_when_freed

    def rss_mb():
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024

    if sys.argv[1] == "fixed":
        return_large_blocks_when_freed()
    for _ in range(2):
        block = bytearray(19 * 1024 * 1024)
        block[::4096] = b"x" * len(block[::4096])  # touch every page
        before_free = rss_mb()
        del block
    print(before_free - rss_mb())
    """
)


def _given_back_mb(mode: str) -> float:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, mode], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return float(done.stdout)


@pytest.mark.skipif(not return_large_blocks_when_freed(), reason="not glibc: no mallopt")
def test_a_freed_upload_sized_block_leaves_the_process():
    assert _given_back_mb("fixed") > 15
    # Without the fix, glibc keeps the second block in its heap: the test measures something.
    assert _given_back_mb("dynamic") < 5


def test_the_collector_is_held_off_while_a_read_runs_and_back_on_after() -> None:
    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_overlapping_pauses_switch_the_collector_on_once_the_last_ends() -> None:
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen: list[bool] = []

    def second() -> None:
        with collection_paused():
            second_in.set()
            first_out.wait(5)
            seen.append(gc.isenabled())  # the first block has ended: still held off

    with collection_paused():
        first_in.set()
        thread = threading.Thread(target=second)
        thread.start()
        second_in.wait(5)
    first_out.set()
    thread.join(5)
    assert seen == [False]
    assert gc.isenabled()


def test_a_failing_read_still_switches_the_collector_back_on() -> None:
    with pytest.raises(ValueError, match="broken"), collection_paused():
        raise ValueError("broken")
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off() -> None:
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
