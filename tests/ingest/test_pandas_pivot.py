"""A pandas pivot table written with to_csv() (components/ingest/pandas_pivot.py): read when
its value is the level and its keys are named, else refused naming the shape."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from components.base.text import normalise
from components.ingest.pandas_pivot import flat_pivot
from components.ingest.sheets import Sheet
from tests.ingest.reader_support import FW, TITLES, by_assessment, read, xlsx

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


# A DataFrame whose columns are (domain, capability) pairs, as people build one in pandas: its
# levels unnamed unless named, written by to_excel() (merged or not) or to_csv().
FRAMEWORK_DOMAINS = {
    c.number: next(d.name for d in FW.domains if d.id == c.domain) for c in FW.capabilities
}


def domain_columns(names: list[str | None], year: bool) -> pd.DataFrame:
    columns = pd.MultiIndex.from_tuples(
        [(FRAMEWORK_DOMAINS[n], TITLES[n]) for n in ALL], names=names
    )
    if year:
        index = pd.MultiIndex.from_tuples([(c, 2023) for c in LEVELS], names=["country", "year"])
    else:
        index = pd.Index(list(LEVELS), name="country")
    rows = [[given[n] for n in ALL] for given in LEVELS.values()]
    return pd.DataFrame(rows, index=index, columns=columns)


def written(frame: pd.DataFrame, how: str) -> tuple[str, bytes]:
    if how == "csv":
        return "frame.csv", frame.to_csv().encode()
    return "frame.xlsx", to_excel(frame, merge_cells=how == "merged")


@pytest.mark.parametrize("how", ["merged", "unmerged", "csv"])
@pytest.mark.parametrize("year", [False, True])
@pytest.mark.parametrize("names", [[None, None], ["domain", "capability"], ["Pillar", None]])
def test_domain_over_capability_columns_read_named_or_not(how, year, names) -> None:
    # The index names' row ("country", "year") under two rows of keys, nothing left of them
    # when the levels are unnamed: the domains known by their names.
    result = read(*written(domain_columns(names, year), how))
    assert by_assessment(result) == {
        (c, 2023 if year else None, None): given for c, given in LEVELS.items()
    }
    assert not [p for p in result.problems if p.severity == "error"]


@pytest.mark.parametrize("year", [False, True])
def test_older_pandas_dotted_domain_and_capability_header_is_read(year) -> None:
    # pandas before 3.0, merge_cells=False: "Victim.Child Helpline" in one row, the index
    # names in the row under it.
    index = ["country", "year"] if year else ["country"]
    rows: list[list[object]] = [
        [None] * len(index) + [f"{FRAMEWORK_DOMAINS[n]}.{TITLES[n]}" for n in ALL],
        index,
    ]
    rows += [[c, 2023][: len(index)] + [given[n] for n in ALL] for c, given in LEVELS.items()]
    result = read("old.xlsx", xlsx({"Sheet1": rows}))
    assert by_assessment(result) == {
        (c, 2023 if year else None, None): given for c, given in LEVELS.items()
    }


@pytest.mark.parametrize(
    ("upper", "flattened"),
    [
        ([FRAMEWORK_DOMAINS[n] for n in ALL], True),
        ([2023] * 21, False),  # a year over each capability: flattened, it would be lost
        (["Group A"] * 10 + ["Group B"] * 11, False),  # keys that are no domain
        (["Policy"] * 21, False),  # a word of a domain's name is not the domain
    ],
    ids=["domains", "years", "groups", "no domain"],
)
def test_an_unnamed_upper_level_is_flattened_only_when_it_is_the_domains(upper, flattened):
    columns = pd.MultiIndex.from_tuples(list(zip(upper, (TITLES[n] for n in ALL), strict=True)))
    frame = pd.DataFrame(
        [[given[n] for n in ALL] for given in LEVELS.values()],
        index=pd.Index(list(LEVELS), name="country"),
        columns=columns,
    )
    data = io.BytesIO(to_excel(frame, merge_cells=False))
    sheet = pd.read_excel(data, header=None, engine="calamine")
    rows = [tuple(None if pd.isna(v) else v for v in row) for row in sheet.itertuples(False)]
    rows = [
        row[: max((i + 1 for i, v in enumerate(row) if v is not None), default=0)] for row in rows
    ]
    domains = frozenset(normalise(d.name) for d in FW.domains)
    flat = flat_pivot(Sheet("2023", rows), domains)
    assert (flat is not None) is flattened
    if flat is not None:
        assert flat.rows[2] == ("country", *(TITLES[n] for n in ALL))
