"""SAS's by-group lines (components/ingest/by_lines.py): "country=Kenya" (and several BY
variables, "country=Sri Lanka year=2023") above each group's table give it its country and
year, as a "Country: Kenya" title line does; other text with "=" is no label."""

from __future__ import annotations

from typing import Any

import pytest

from components.ingest.by_lines import colon_form
from components.ingest.drafts import label_and_value
from components.ingest.label_pairs import labels_in_cell
from tests.ingest.reader_support import TITLES, by_assessment, csv_bytes, errors, read, xlsx

ALL = range(1, 22)
LEVELS = {
    "Kenya": {n: n % 5 for n in ALL},
    "Sri Lanka": {n: (n + 2) % 5 for n in ALL},
    "Chile": {n: (n * 3) % 5 for n in ALL},
}


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("country=Kenya", "country: Kenya"),
        ("country = Kenya", "country: Kenya"),
        ("country=Sri Lanka year=2023", "country: Sri Lanka year: 2023"),
        ("Country=Kenya Assessment year=2023", "Country: Kenya Assessment year: 2023"),
        ("=SUM(A1:A3)", "=SUM(A1:A3)"),  # a formula's text
        ("Country: Kenya", "Country: Kenya"),
        ("Kenya", "Kenya"),
    ],
)
def test_colon_form(text: str, form: str) -> None:
    assert colon_form(text) == form


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        ("country=Kenya", ("country", "Kenya")),
        ("COUNTRY=Kenya", ("country", "Kenya")),
        ("year=2023", ("year", "2023")),
        ("iso3=KEN", ("iso3", "KEN")),
        ("Level = 3", None),  # no label of the assessment's
        ("0 = Not in place", None),  # a key of the scale
        ("=A1", None),
    ],
)
def test_a_by_line_is_a_label_with_its_value(text: str, read_as: Any) -> None:
    assert label_and_value(text) == read_as


def test_several_by_variables_are_several_labels() -> None:
    assert labels_in_cell("country=Sri Lanka year=2023") == (
        ("country", "Sri Lanka"),
        ("year", "2023"),
    )


def by_groups(line: str, title: bool = True, obs: bool = True) -> list[list[Any]]:
    """PROC PRINT with a BY statement as ODS writes it: a title, then per group its by-line
    ("{country}" and "{year}" filled in) over an Obs | capno | capability | level table, "."
    where a level is missing."""
    rows: list[list[Any]] = [["The SAS System"], []] if title else []
    for country, given in LEVELS.items():
        rows.append([line.format(country=country, year=2023)])
        rows.append((["Obs"] if obs else []) + ["capno", "capability", "level"])
        for n in ALL:
            level = "." if n == 5 else given[n]
            rows.append(([n] if obs else []) + [n, TITLES[n], level])
        rows.append([])
    return rows


WITHOUT_5 = {c: {n: v for n, v in given.items() if n != 5} for c, given in LEVELS.items()}


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
@pytest.mark.parametrize(
    ("line", "year"),
    [
        ("country={country}", None),
        ("Country={country}", None),
        ("country={country} year={year}", 2023),
        ("Country={country} Assessment year={year}", 2023),
    ],
)
def test_each_by_group_is_its_country_assessment(kind: str, line: str, year: int | None) -> None:
    rows = by_groups(line)
    data = xlsx({"Print 1 - By country": rows}) if kind == "xlsx" else csv_bytes(rows)
    result = read(f"sas.{kind}", data)
    assert by_assessment(result) == {(c, year, None): given for c, given in WITHOUT_5.items()}
    assert not errors(result)


@pytest.mark.parametrize("obs", [True, False])
def test_one_by_group_without_a_title_is_read(obs: bool) -> None:
    rows = by_groups("country={country}", title=False, obs=obs)[: 2 + len(ALL)]
    result = read("sas.xlsx", xlsx({"Print 1": rows}))
    assert by_assessment(result) == {("Kenya", None, None): WITHOUT_5["Kenya"]}
