"""Years heading groups of assessments: over the countries, or as rows among them."""

from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import load_workbook

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, read, xlsx

COUNTRIES = ("Kenya", "Uganda", "Tanzania")


def _levels(country: str, year: int) -> dict[int, int]:
    shift = COUNTRIES.index(country) + year
    return {n: (n + shift) % 5 for n in range(1, 22)}


EXPECTED = {(c, y, None): _levels(c, y) for y in (2022, 2024) for c in COUNTRIES}


def _merged(rows: list[list], ranges: list[str]) -> bytes:
    workbook = load_workbook(BytesIO(xlsx({"EAC": rows})))
    for cells in ranges:
        workbook["EAC"].merge_cells(cells)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _years_over_countries(first, second, label="Capability") -> list[list]:
    rows = [[None, None, first, None, None, second, None, None]]
    rows.append(["No.", label, *COUNTRIES, *COUNTRIES])
    for n, title in TITLES.items():
        levels = [_levels(c, y)[n] for y in (2022, 2024) for c in COUNTRIES]
        rows.append([n, title, *levels])
    return rows


@pytest.mark.parametrize(
    ("first", "second", "label", "merges"),
    [
        (2022, 2024, "Capability", ["C1:E1", "F1:H1"]),  # merged over its countries
        (2022, 2024, "Capability", []),  # written once, over the first of its countries
        ("2022", "2024", "Capacité", ["C1:E1", "F1:H1"]),  # as text, headers in French
        (2022, 2024, "Capacidad", []),
    ],
)
def test_years_over_countries_give_each_country_and_year_its_assessment(
    first, second, label, merges
):
    result = read("tracker.xlsx", _merged(_years_over_countries(first, second, label), merges))
    assert by_assessment(result) == EXPECTED
    assert result.problems == ()


def test_a_title_left_of_the_years_leaves_the_band():
    rows = _years_over_countries(2022, 2024)
    rows[0][0] = "EAC tracker"
    assert by_assessment(read("tracker.xlsx", xlsx({"EAC": rows}))) == EXPECTED


@pytest.mark.parametrize("word", ["Target", "Baseline", "Notes"])
def test_a_row_above_the_countries_with_other_words_among_the_years_is_no_band(word):
    rows = _years_over_countries(2022, 2024)
    rows[0][4] = word
    result = read("tracker.xlsx", xlsx({"EAC": rows}))
    # not read as years: each country twice without a year is reported, never given one
    assert all(year is None for _, year, _ in by_assessment(result))
    assert_problem(result, "error", "C2, F2", "“Kenya” (C2) and “Kenya” (F2) are both read as")


def _year_rows(header: str, years=(2022, 2024)) -> list[list]:
    rows = [[header, *TITLES.values()]]
    for year in years:
        rows.append([year])
        rows += [[c, *_levels(c, year).values()] for c in COUNTRIES]
    return rows


@pytest.mark.parametrize("header", ["Country", "Pays", "País"])
def test_a_year_alone_in_its_row_dates_the_countries_below(header):
    result = read("rows.xlsx", xlsx({"EAC": _year_rows(header)}))
    assert by_assessment(result) == EXPECTED
    assert result.problems == ()


def test_year_rows_as_text_and_under_a_title_line():
    rows = [["EAC MNR tracker"], [], *_year_rows("Country")]
    rows[3][0] = "2022"
    result = read("rows.xlsx", xlsx({"EAC": rows}))
    assert by_assessment(result) == EXPECTED


def test_a_year_row_does_not_override_a_year_column():
    rows = [["Country", "Year", *TITLES.values()], [2020]]
    rows += [[c, 2022, *_levels(c, 2022).values()] for c in COUNTRIES]
    result = read("rows.xlsx", xlsx({"EAC": rows}))
    assert {key[1] for key in by_assessment(result)} == {2022}
