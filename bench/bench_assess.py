"""Benchmark: the assessment editor's rerun after one level changes, against a bare script.

Every change of a level is a rerun of the whole page, which then writes the draft. The floor
is a bare Streamlit script that draws the same widgets (a level picker, a confidence control
and an evidence box for each capability and enabler, five text inputs) with the same values
and does nothing else. The ratio is what the editor adds on top: the app's sidebar, reading
the widgets into the entry, coverage, checks, the session frames, and the draft's write to a
SQLite library (one transaction). Both run through AppTest in the same process, interleaved,
because absolute times drift on shared machines.

    python bench/bench_assess.py [--repeat 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

BARE_SCRIPT = """
import streamlit as st
st.title("Bare")
for name in ("country", "iso3", "when", "round", "by"):
    st.text_input(name, key=f"meta_{name}")
for number in range(28):
    with st.expander(f"item {number // 4}", key=f"group-{number}"):
        st.markdown(f"**Item {number}**")
        st.selectbox("Level", [None, 0, 1, 2, 3, 4], key=f"level_{number}")
        st.caption("descriptor")
        st.segmented_control("Confidence", ["low", "medium", "high"], key=f"conf_{number}")
        st.text_area("Evidence", key=f"evidence_{number}")
"""


def editor(library: Path) -> AppTest:
    os.environ["MNR_LIBRARY_PATH"] = str(library)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.switch_page("pages/assess.py")
    at.run()
    at.text_input(key="assess_meta_country").input("Zembla")
    at.run()
    return at


def change(at: AppTest, key: str, step: int) -> float:
    """Time the rerun that follows one changed level (always a new value: a real write)."""
    at.selectbox(key=key).set_value(step % 5)
    start = time.perf_counter()
    at.run()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        app = editor(Path(folder) / "library.sqlite3")
        bare = AppTest.from_string(BARE_SCRIPT, default_timeout=120)
        bare.run()
        change(app, "assess_capability_level_1", 1), change(bare, "level_1", 1)  # warm both
        floor_times, page_times = [], []
        for step in range(2, args.repeat + 2):
            floor_times.append(change(bare, "level_1", step))
            page_times.append(change(app, "assess_capability_level_1", step))
        assert not app.exception, [e.value for e in app.exception]
    floor, measured = statistics.median(floor_times), statistics.median(page_times)
    print(f"{'bare':>9} {'editor':>9} {'ratio':>7}")
    print(f"{floor * 1000:7.0f}ms {measured * 1000:7.0f}ms {measured / floor:6.2f}x")


if __name__ == "__main__":
    main()
