"""A country and a year in two bare cells above the table ("Zambia | 2024"), read as the
assessment's."""

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, read, xlsx

LEVELS = {n: n % 5 for n in range(1, 22)}


def _book(top: list[object], sheet: str = "S") -> bytes:
    rows = [top, [], ["Capability", "Level"]]
    return xlsx({sheet: rows + [[TITLES[n], level] for n, level in LEVELS.items()]})


@pytest.mark.parametrize(
    ("top", "country", "year", "cell", "shown"),
    [
        (["Zambia", 2024], "Zambia", 2024, "A1", "“Zambia | 2024”"),
        (["Zambia", "2024"], "Zambia", 2024, "A1", "“Zambia | 2024”"),
        ([2023, "Kenya"], "Kenya", 2023, "B1", "“2023 | Kenya”"),
        # A French name, as a title's: taken, then filed under its English name.
        ([None, "Zambie", None, 2022], "Zambie", 2022, "B1", "“Zambie | 2022”"),
        (["Côte d'Ivoire", 2021], "Côte d'Ivoire", 2021, "A1", "“Côte d'Ivoire | 2021”"),
    ],
)
def test_a_bare_country_and_year_above_the_table_are_read(top, country, year, cell, shown):
    result = read("bare.xlsx", _book(top))
    kept = {"Zambie": "Zambia"}.get(country, country)
    assert by_assessment(result) == {(kept, year, None): LEVELS}
    assert_problem(
        result, "warning", cell, f"The country “{country}” was taken from the row {shown}"
    )
    assert_problem(result, "warning", cell, f"The year {year} was taken from the row {shown}")
    assert_problem(result, "warning", cell, "above the table, which has no labels")


@pytest.mark.parametrize(
    "top",
    [
        ["Ministry of Interior", 2024],  # not a country
        ["Kenya", 2024, "draft"],  # three cells
        ["Kenya", "Nairobi"],  # no year
        ["KEN", 2024],  # a code alone is not the country's name
    ],
)
def test_other_rows_are_not_read_as_a_country_and_year(top):
    result = read("bare.xlsx", _book(top))
    assert not [p for p in result.problems if "which has no labels" in p.message]
