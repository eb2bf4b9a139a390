"""Benchmark: the tolerant reader against a bare ``pandas.read_excel(engine="calamine")``.

Prints, for each input, the median time of each and their ratio. The floor (read_excel) is
measured in the same run, interleaved with the reader, because these machines are shared and
absolute times drift; only the ratio means something. The ratio is the median of the pairs'
ratios (each pair the floor and the reader read back to back), not the ratio of the two
medians: the machine's speed changes within a run, and two medians may come from different
moments.

    python bench/bench_reader.py [--repeat 15]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pandas as pd

from components.framework.model import default_framework
from components.ingest.demo import demo_assessments
from components.ingest.reader import read_assessment_file
from components.ingest.template import write_template


def filled_template() -> bytes:
    framework = default_framework()
    return write_template(framework, demo_assessments(framework)[0])


def long_table(assessments: int = 200) -> bytes:
    """200 assessments x 21 capabilities in one long sheet, as people make them by hand."""
    framework = default_framework()
    rows = [
        {
            "country": f"Country {index // 3:03d}",
            "year": 2018 + index % 3 * 2,
            "capability": capability.title,
            "level": (index + capability.number) % 5 if (index + capability.number) % 7 else None,
        }
        for index in range(assessments)
        for capability in framework.capabilities
    ]
    buffer = BytesIO()
    pd.DataFrame(rows).to_excel(buffer, index=False, sheet_name="Assessments")
    return buffer.getvalue()


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    framework = default_framework()
    cases = {
        "filled template (1 assessment)": ("template.xlsx", filled_template()),
        "long table (200 assessments)": ("long.xlsx", long_table()),
    }
    print(f"{'input':34} {'read_excel':>11} {'reader':>9} {'ratio':>7}")
    for label, (name, data) in cases.items():
        floor_times, reader_times = [], []
        for _ in range(args.repeat):  # interleaved, so drift hits both alike
            floor_times.append(
                median_seconds(
                    lambda d=data: pd.read_excel(BytesIO(d), sheet_name=None, engine="calamine"),
                    1,
                )
            )
            reader_times.append(
                median_seconds(lambda d=data, n=name: read_assessment_file(n, d, framework), 1)
            )
        floor, reader = statistics.median(floor_times), statistics.median(reader_times)
        ratio = statistics.median(r / f for r, f in zip(reader_times, floor_times, strict=True))
        print(f"{label:34} {floor * 1000:9.1f}ms {reader * 1000:7.1f}ms {ratio:6.2f}x")
    result = read_assessment_file("long.xlsx", cases["long table (200 assessments)"][1], framework)
    print(
        f"\nlong table read as {result.capabilities['assessment_id'].nunique()} assessments, "
        f"{len(result.problems)} problems"
    )


if __name__ == "__main__":
    main()
