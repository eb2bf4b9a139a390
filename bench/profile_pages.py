"""Where a picture page's rerun spends its time: cProfile around the script thread.

Runs each page through AppTest with N synthetic assessments (the same data as
``bench_pages.py``), reruns it a few times unchanged, and prints the rerun's median time and
the cumulative time per rerun of the app's own functions and of Streamlit's element calls
that take the most. ``--root`` profiles another checkout (for a before/after).

    python bench/profile_pages.py [--sizes 200,1000] [--pages profile,heatmap] [--cold]
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import pstats
import statistics
import sys
import time
from pathlib import Path


def _profiled_runs(
    root: Path, size: int, page: str, runs: int, *, cold: bool
) -> tuple[float, pstats.Stats]:
    from streamlit.runtime.scriptrunner import script_runner

    bench_pages = importlib.import_module("bench_pages")
    profiler = cProfile.Profile()
    original = script_runner.ScriptRunner._run_script

    def wrapped(self: object, rerun_data: object) -> None:  # the script runs on this thread
        profiler.enable()
        try:
            original(self, rerun_data)
        finally:
            profiler.disable()

    at = bench_pages.page_app(bench_pages.synthetic_collection(size), page)
    at.run()  # the first run after a change of data is not a rerun
    times = []
    script_runner.ScriptRunner._run_script = wrapped
    try:
        for _ in range(runs):
            if cold:  # what the session derived goes, as after a change of its data
                for key in ("mnr_memo", "mnr_memo_fingerprint"):
                    if key in at.session_state:
                        del at.session_state[key]
            start = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - start)
    finally:
        script_runner.ScriptRunner._run_script = original
    assert not at.exception, [e.value for e in at.exception]
    return statistics.median(times), pstats.Stats(profiler)


def _top(stats: pstats.Stats, root: Path, runs: int, top: int) -> list[tuple[float, str]]:
    """Cumulative seconds per rerun of the app's functions and Streamlit's element calls."""
    rows = []
    for (file, line, name), (_, _, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        ours = file.startswith(str(root / "components"))
        element = "streamlit/elements" in file and not name.startswith("_")
        if ours or element:
            where = Path(file).relative_to(root) if ours else "streamlit/" + Path(file).name
            rows.append((cumulative / runs, f"{where}:{line}({name})"))
    return sorted(rows, reverse=True)[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--sizes", default="200,1000")
    parser.add_argument("--pages", default="profile,heatmap,compare,trends,present")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--cold", action="store_true", help="drop the session's kept views")
    args = parser.parse_args()
    root = args.root.resolve()
    sys.path[:0] = [str(root), str(root / "bench")]  # that checkout's app and bench data
    for size in map(int, args.sizes.split(",")):
        for page in args.pages.split(","):
            median, stats = _profiled_runs(root, size, page, args.runs, cold=args.cold)
            kind = "cold run" if args.cold else "rerun"
            print(f"== {page}, {size} assessments: {kind} {median * 1000:.0f} ms (profiled)")
            for seconds, where in _top(stats, root, args.runs, args.top):
                print(f"   {seconds * 1000:7.1f} ms  {where}")


if __name__ == "__main__":
    main()
