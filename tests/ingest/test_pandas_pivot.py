"""A pandas pivot table written with to_csv() (components/ingest/pandas_pivot.py): read when
its value is the level and its keys are named, else refused naming the shape."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.ingest.reader_support import by_assessment, read

ALL = range(1, 22)
LEVELS = {"Kenya": {n: (n * 4 + 3) % 5 for n in ALL}, "Uganda": {n: (n * 3 + 1) % 5 for n in ALL}}


def records(value: str = "level", capability: str = "capability") -> pd.DataFrame:
    rows = [(c, 2023, n, lv) for c, given in LEVELS.items() for n, lv in given.items()]
    return pd.DataFrame(rows, columns=["country", "year", capability, value])


@pytest.mark.parametrize(
    ("value", "capability", "index"),
    [
        ("level", "capability", ["country", "year"]),
        ("Level", "Capability", ["Country", "Year"]),
        ("niveau", "capacité", ["pays", "année"]),
        ("score", "capability", ["country", "year"]),
    ],
)
def test_pivot_csv_reads_as_its_flat_table(value: str, capability: str, index: list[str]) -> None:
    frame = records(value, capability).rename(columns={"country": index[0], "year": index[1]})
    pivot = frame.pivot_table(values=[value], index=index, columns=capability)
    result = read("pivot.csv", pivot.to_csv().encode())
    assert by_assessment(result) == {(c, 2023, None): given for c, given in LEVELS.items()}


def test_pivot_csv_capabilities_down_reads_too() -> None:
    pivot = records().pivot_table(values=["level"], index="capability", columns="country")
    result = read("pivot.csv", pivot.to_csv().encode())
    assert {k[0]: v for k, v in by_assessment(result).items()} == LEVELS


def test_pivot_csv_of_an_unknown_value_says_what_it_is() -> None:
    pivot = records("mean_x").pivot_table(
        values=["mean_x"], index=["country", "year"], columns="capability"
    )
    result = read("pivot.csv", pivot.to_csv().encode())
    assert not by_assessment(result)
    said = " ".join(p.message for p in result.problems)
    assert "pandas pivot table written with to_csv()" in said
    assert "“mean_x”" in said
    assert "reset_index()" in said
