"""A pandas pivot table written with to_csv() (components/ingest/pandas_pivot.py): read when
its value is the level and its keys are named, else refused naming the shape."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from tests.ingest.reader_support import TITLES, by_assessment, read

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


DOMAINS = {n: "Policy" if n <= 3 else "Criminal Justice" if n <= 7 else "Others" for n in ALL}


def excel_records(names: dict[str, str]) -> pd.DataFrame:
    rows = [
        (c, year, DOMAINS[n], f"{n}. {TITLES[n]}", n, lv)
        for year in (2023, 2024)
        for c, given in LEVELS.items()
        for n, lv in given.items()
    ]
    columns = ["country", "year", "domain", "capability", "no", "level"]
    return pd.DataFrame(rows, columns=[names.get(c, c) for c in columns])


def to_excel(frame: pd.DataFrame, merge_cells: bool) -> bytes:
    buffer = io.BytesIO()
    frame.to_excel(buffer, merge_cells=merge_cells)
    return buffer.getvalue()


EXPECTED = {(c, y, None): given for y in (2023, 2024) for c, given in LEVELS.items()}
FRENCH = {
    "country": "pays",
    "year": "année",
    "domain": "domaine",
    "capability": "capacité",
    "no": "n°",
    "level": "niveau",
}


@pytest.mark.parametrize("merge_cells", [True, False])
@pytest.mark.parametrize(
    ("names", "values"),
    [({}, "level"), ({}, ["level"]), (FRENCH, "niveau"), ({"domain": "Pillar"}, "level")],
)
def test_excel_pivot_domain_over_capability_reads_each_row(
    merge_cells: bool, names: dict[str, str], values: str | list[str]
) -> None:
    # pivot_table(index=[country, year], columns=[domain, capability]).to_excel(): two header
    # rows, then the index names' row, the country merged down over its years.
    frame = excel_records(names)
    n = names.get
    pivot = frame.pivot_table(
        index=[n("country", "country"), n("year", "year")],
        columns=[n("domain", "domain"), n("capability", "capability")],
        values=values,
    )
    result = read("pivot.xlsx", to_excel(pivot, merge_cells))
    assert by_assessment(result) == EXPECTED
    assert not result.problems


def test_excel_pivot_year_over_capability_is_not_read_without_its_year() -> None:
    # The upper level is the year, not the domain: flattened, the years would be lost.
    frame = excel_records({})
    pivot = frame.pivot_table(index=["country"], columns=["year", "capability"], values="level")
    result = read("pivot.xlsx", to_excel(pivot, True))
    assert all(year is not None for _, year, _ in by_assessment(result))


@pytest.mark.parametrize("merge_cells", [True, False])
@pytest.mark.parametrize("index", [["no", "capability"], ["capability", "no"], ["n°", "capacité"]])
def test_excel_pivot_number_and_title_down_countries_over_years(
    merge_cells: bool, index: list[str]
) -> None:
    # pivot(index=[no, capability], columns=[country, year]).to_excel(): the index names' row
    # holds both index names, the countries and years in the two rows above.
    frame = excel_records({}).rename(columns={"no": index[0], "capability": index[1]})
    if index[0] == "capability":
        frame = excel_records({})
    pivot = frame.pivot(index=index, columns=["country", "year"], values="level")
    result = read("pivot.xlsx", to_excel(pivot, merge_cells))
    assert by_assessment(result) == EXPECTED
    assert not [p for p in result.problems if p.severity == "error"]
