"""Benchmark: a picture page's rerun with 200 assessments loaded, against a bare script.

The floor is a bare Streamlit script that draws the same figures, already built, from the
same data: what any page must pay to send those figures. The ratio is what the page adds on
top (scoring, figure building, widgets). Both run through AppTest in the same process,
interleaved, because absolute times drift on shared machines.

    python bench/bench_pages.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from components.charts.views import comparison_views, heatmap_view, pillar_radars, profile_radar  # noqa: E402
from components.framework.model import default_framework  # noqa: E402
from components.ingest.collection import Collection, add_assessments  # noqa: E402
from components.ingest.labels import assessment_labels  # noqa: E402
from components.ingest.report import CAPABILITY_COLUMNS, ENABLER_COLUMNS  # noqa: E402
from components.ui import state  # noqa: E402

BARE_SCRIPT = """
import streamlit as st
for index, figure in enumerate(st.session_state["figures"]):
    st.plotly_chart(figure, key=f"figure-{index}", theme=None)
"""


def synthetic_collection(assessments: int = 200) -> Collection:
    """200 assessments: 67 invented countries with three rounds, some levels missing."""
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


def bare_figures(collection: Collection, page: str) -> list:
    """The figures the page draws, built once, outside the timing."""
    framework = default_framework()
    capabilities = collection.capabilities
    labels = assessment_labels(capabilities)
    ids = collection.assessment_ids
    if page == "heatmap":
        return [heatmap_view(capabilities, framework, labels, ids).figure]
    if page == "profile":
        return [
            profile_radar(capabilities, framework, labels, ids[-1]).figure,
            *[
                view.figure
                for view in pillar_radars(capabilities, framework, labels, ids[-1]).values()
            ],
        ]
    bars, radar, _ = comparison_views(capabilities, framework, labels, ids[-12::3], ids[-1])
    return [bars.figure, radar.figure]


def page_app(collection: Collection, page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state[state.COLLECTION] = collection
    at.run()
    at.switch_page(f"pages/{page}.py")
    if page == "heatmap":
        at.session_state["heatmap_rounds"] = "all"
    return at


def timed_run(at: AppTest) -> float:
    start = time.perf_counter()
    at.run()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    collection = synthetic_collection()
    print(f"{collection.count()} assessments loaded")
    print(f"{'page':10} {'bare':>9} {'page':>9} {'ratio':>7}")
    for page in ("heatmap", "profile", "compare"):
        app = page_app(collection, page)
        bare = AppTest.from_string(BARE_SCRIPT, default_timeout=120)
        bare.session_state["figures"] = bare_figures(collection, page)
        timed_run(app), timed_run(bare)  # warm both
        floor_times, page_times = [], []
        for _ in range(args.repeat):
            floor_times.append(timed_run(bare))
            page_times.append(timed_run(app))
        assert not app.exception, [e.value for e in app.exception]
        floor, measured = statistics.median(floor_times), statistics.median(page_times)
        print(f"{page:10} {floor * 1000:7.0f}ms {measured * 1000:7.0f}ms {measured / floor:6.2f}x")


if __name__ == "__main__":
    main()
