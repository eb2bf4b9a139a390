"""Benchmark: each picture page's rerun at 20, 200 and 1,000 assessments, against a floor.

The floor is a bare Streamlit script, measured in the same run: from the same session data
it computes the same numbers with plain pandas (domain means, a level grid, changes between
rounds) and builds and draws the same figures the page shows on screen (same kinds, same
trace counts, the same plotly template), with one select box. It is what any page showing
those pictures must pay; the ratio is what the app adds on top.

Two kinds of rerun are timed, interleaved with the floor's, because absolute times drift on
shared machines:

- ``rerun``: the page run again with nothing changed, what every click elsewhere on the
  page (or in the sidebar) costs. The goal is at most 2x the floor.
- ``cold``: the page run again after its derived tables and figures were dropped, what the
  first view after a change of the session's data costs (reported, not a goal).

Then, per page, how the rerun grows from 200 to 1,000 assessments, as an exponent: 1 means
it grows like the number of assessments, below 1 slower (the goal: no faster).

    python bench/bench_pages.py [--repeat 5] [--sizes 20,200,1000] [--pages profile,heatmap]
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from components.framework.model import default_framework  # noqa: E402
from components.ingest.collection import Collection, add_assessments  # noqa: E402
from components.ingest.report import CAPABILITY_COLUMNS, ENABLER_COLUMNS  # noqa: E402
from components.ui import memo, state  # noqa: E402

PAGES = ("profile", "heatmap", "compare", "trends", "present")

BARE_PAGE = Path(__file__).resolve().parent / "bare_page.py"  # the floor


def synthetic_collection(assessments: int = 200) -> Collection:
    """Invented countries with three rounds each, some capabilities not assessed."""
    framework = default_framework()
    rows = []
    for index in range(assessments):
        country, year = f"Country {index // 3:03d}", 2019 + index % 3 * 2
        for capability in framework.capabilities:
            mixed = (index * 7 + capability.number * 3) % 11
            rows.append(
                {
                    "assessment_id": f"a{index:04d}",
                    "country": country,
                    "iso3": pd.NA,
                    "year": year,
                    "date": pd.NA,
                    "round": pd.NA,
                    "assessed_by": pd.NA,
                    "source": "bench",
                    "capability": capability.number,
                    "domain": capability.domain,
                    "level": None if mixed == 10 else mixed % 5,
                    "evidence": pd.NA,
                    "confidence": pd.NA,
                }
            )
    capabilities = pd.DataFrame(rows, columns=CAPABILITY_COLUMNS)
    for column in ("year", "capability", "level"):
        capabilities[column] = capabilities[column].astype("Int64")
    return add_assessments(
        Collection(), capabilities, pd.DataFrame(columns=ENABLER_COLUMNS), "upload"
    )


def page_app(collection: Collection, page: str) -> AppTest:
    """The app on ``page`` with ``collection`` in the session (the last round chosen)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.session_state[state.COLLECTION] = collection
    at.run()
    at.switch_page(f"pages/{page}.py")
    if page == "heatmap":
        at.session_state["heatmap_rounds"] = "all"
    return at


def bare_app(collection: Collection, page: str) -> AppTest:
    bare = AppTest.from_file(str(BARE_PAGE), default_timeout=300)
    bare.session_state["capabilities"] = collection.capabilities
    bare.session_state["page"] = page
    # What the framework names (data, not work): the heatmap's hover says them as the app's.
    framework = default_framework()
    bare.session_state["capability_names"] = {c.number: c.label for c in framework.capabilities}
    bare.session_state["level_names"] = {
        level.value: f"{level.value} · {level.label}" for level in framework.scale.levels
    }
    return bare


def timed_run(at: AppTest, *, cold: bool = False) -> float:
    if cold:  # drop what the session derived, as a change of its data does
        for key in (memo.MEMO, memo.FINGERPRINT):
            if key in at.session_state:
                del at.session_state[key]
    start = time.perf_counter()
    at.run()
    return time.perf_counter() - start


def measure(collection: Collection, page: str, repeat: int) -> dict[str, float]:
    """Median seconds of the floor, the page's rerun and its cold run, interleaved."""
    app, bare = page_app(collection, page), bare_app(collection, page)
    timed_run(app), timed_run(bare)  # warm both
    times: dict[str, list[float]] = {"floor": [], "rerun": [], "cold": []}
    for _ in range(repeat):
        times["floor"].append(timed_run(bare))
        times["rerun"].append(timed_run(app))
        times["cold"].append(timed_run(app, cold=True))
    for at in (app, bare):
        assert not at.exception, [e.value for e in at.exception]
    return {kind: statistics.median(values) for kind, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sizes", default="20,200,1000")
    parser.add_argument("--pages", default=",".join(PAGES))
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    pages = args.pages.split(",")
    results: dict[tuple[str, int], dict[str, float]] = {}
    print(f"{'page':8} {'size':>5} {'floor':>8} {'rerun':>8} {'ratio':>6} {'cold':>8} {'ratio':>6}")
    for size in sizes:
        collection = synthetic_collection(size)
        for page in pages:
            got = results[page, size] = measure(collection, page, args.repeat)
            floor = got["floor"]
            print(
                f"{page:8} {size:5d} {floor * 1000:6.0f}ms {got['rerun'] * 1000:6.0f}ms "
                f"{got['rerun'] / floor:5.2f}x {got['cold'] * 1000:6.0f}ms "
                f"{got['cold'] / floor:5.2f}x"
            )
    if len(sizes) >= 2:
        small, large = sizes[-2], sizes[-1]
        print(f"\ngrowth from {small} to {large} assessments (exponent; 1 = linear)")
        for page in pages:
            cells = []
            for kind in ("floor", "rerun", "cold"):
                grown = results[page, large][kind] / results[page, small][kind]
                cells.append(f"{kind} {math.log(grown) / math.log(large / small):5.2f}")
            print(f"{page:8} " + "  ".join(cells))


if __name__ == "__main__":
    main()
