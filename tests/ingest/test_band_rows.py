"""Capabilities down, countries across under a header of two rows: a band of regions or
rounds over the countries, or each country over its sub-columns (``band_rows``)."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from tests.ingest.reader_support import TITLES, by_assessment, errors, read

REGIONS = {"Eastern Africa": ("Kenya", "Uganda", "Rwanda"), "Western Africa": ("Ghana", "Togo")}
COUNTRIES = [c for group in REGIONS.values() for c in group]


def level(country: str, number: int, sub: int = 0) -> int:
    return (COUNTRIES.index(country) + number + sub * 2) % 5


def _levels(country: str, sub: int = 0) -> dict[int, int]:
    return {n: level(country, n, sub) for n in range(1, 22)}


def said(result, words: str) -> None:
    found = [p.message for p in result.problems if p.severity == "warning"]
    assert any(words in message for message in found), found


def _book(rows: list[list[Any]], merges: list[str]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "2023"
    for row in rows:
        sheet.append(row)
    for ref in merges:
        sheet.merge_cells(ref)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _banded(
    bands: list[tuple[Any, list[Any]]], value, *, merged: bool = True, stats: bool = False
) -> bytes:
    """Capabilities down under "No." and "Capability" merged over both header rows; each
    band over its names; ``value(column_index, n)`` the level of each column."""
    top: list[Any] = ["No.", "Capability"]
    under: list[Any] = [None, None]
    merges = ["A3:A4", "B3:B4"]
    for band, names in bands:
        start = len(top) + 1
        top += [band] + [None if merged else band] * (len(names) - 1)
        under += names
        if merged and len(names) > 1:
            merges.append(f"{get_column_letter(start)}3:{get_column_letter(len(top))}3")
    if stats:
        top.append("Regional average")
        merges.append(f"{get_column_letter(len(top))}3:{get_column_letter(len(top))}4")
    rows = [["MNR 2023 – capability levels by country"], [], top, under]
    width = len(under) - 2
    for n in range(1, 22):
        cells = [n, TITLES[n], *(value(i, n) for i in range(width))]
        rows.append(cells + ([2.5] if stats else []))
    return _book(rows, merges)


@pytest.mark.parametrize("merged", [True, False])
@pytest.mark.parametrize("stats", [True, False])
def test_a_band_of_regions_over_the_countries_is_set_aside(merged, stats):
    bands = [(region, list(names)) for region, names in REGIONS.items()]
    data = _banded(bands, lambda i, n: level(COUNTRIES[i], n), merged=merged, stats=stats)
    result = read("regions.xlsx", data)
    assert by_assessment(result) == {(c, 2023, None): _levels(c) for c in COUNTRIES}
    assert not errors(result)
    said(result, "groups the countries' columns under “Eastern Africa”, “Western Africa”")


@pytest.mark.parametrize(
    ("subs", "read_sub", "aside"),
    [
        (["SELF", "FINAL"], 1, "were set aside"),
        (["Self-assessment", "Validated"], 1, "were set aside"),
        (["Auto-évaluation", "Validé"], 1, "were set aside"),
        (["2023", "Target 2027"], 0, "hold targets, not assessments"),
    ],
)
def test_a_country_over_its_sub_columns(subs, read_sub, aside):
    countries = ["Kenya", "Uganda", "Ghana"]
    bands = [(country, subs) for country in countries]
    data = _banded(bands, lambda i, n: level(countries[i // 2], n, i % 2))
    result = read("validation.xlsx", data)
    assert by_assessment(result) == {(c, 2023, None): _levels(c, read_sub) for c in countries}
    assert not errors(result)
    said(result, aside)


def test_a_band_of_rounds_over_the_countries_gives_each_its_round():
    countries = ["Kenya", "Uganda"]
    bands = [("Round 1 (2019)", countries), ("Round 2 (2022)", countries)]
    data = _banded(bands, lambda i, n: level(countries[i % 2], n, i // 2))
    result = read("rounds.xlsx", data)
    assert by_assessment(result) == {
        (c, year, f"Round {sub + 1}"): _levels(c, sub)
        for sub, year in enumerate((2019, 2022))
        for c in countries
    }
    assert not errors(result)


def test_sub_columns_nothing_tells_apart_under_a_country_are_refused():
    bands = [(country, ["Self", "Peer"]) for country in ("Kenya", "Uganda")]
    result = read("unclear.xlsx", _banded(bands, lambda i, n: (i + n) % 5))
    assert by_assessment(result) == {}
    assert "“Self”, “Peer”" in errors(result)[0].message


def test_years_under_each_country_are_read_as_before():
    bands = [(country, [2021, 2023]) for country in ("Kenya", "Uganda")]
    result = read("years.xlsx", _banded(bands, lambda i, n: level(COUNTRIES[i // 2], n, i % 2)))
    assert by_assessment(result) == {
        (c, year, None): _levels(c, sub)
        for c in ("Kenya", "Uganda")
        for sub, year in enumerate((2021, 2023))
    }
