"""One country's table on its side: a row per year, capabilities across, no Country column."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, csv_bytes, read, xlsx

YEARS = {2022: {n: n % 5 for n in TITLES}, 2024: {n: (n * 3) % 5 for n in TITLES}}


def _rows(headers: str) -> list[list]:
    wrapped = [title.replace(" ", "\n", 1) for title in TITLES.values()]
    if headers == "numbers and titles":  # Camelot: the numbers, the wrapped titles under them
        rows = [["Year", *map(str, TITLES)], ["", *wrapped]]
    elif headers == "numbers":
        rows = [["Year", *TITLES]]
    else:
        rows = [["Année", *TITLES.values()]]
    return rows + [[year, *levels.values()] for year, levels in YEARS.items()]


@pytest.mark.parametrize("headers", ["numbers and titles", "numbers", "titles"])
@pytest.mark.parametrize(
    ("name", "top", "where"),
    [
        ("camelot_Guatemala_transposed_years.csv", [], "the file name"),
        ("tables.csv", [["Guatemala – MNR self-assessments 2022 and 2024"], []], "the title"),
        ("Honduras.csv", [["Country", "Guatemala"], []], "the Country label"),
    ],
)
def test_each_year_s_row_is_the_country_s_assessment_of_that_year(headers, name, top, where):
    result = read(name, csv_bytes(top + _rows(headers)))

    assert by_assessment(result) == {("Guatemala", y, None): v for y, v in YEARS.items()}
    assert any(
        f"the country “Guatemala” was taken from {where}" in p.message for p in result.problems
    )


def test_with_no_country_anywhere_the_table_is_refused_asking_for_a_country_column():
    result = read("tables.xlsx", xlsx({"Sheet1": _rows("titles")}))

    assert by_assessment(result) == {}
    assert_problem(result, "warning", None, "no column is headed Country")


def test_a_year_given_twice_is_not_one_country_s_rounds():
    rows = [*_rows("numbers"), [2022, *YEARS[2024].values()]]
    result = read("Guatemala.csv", csv_bytes(rows))

    assert by_assessment(result) == {}
    assert not any("No column gives the country" in p.message for p in result.problems)
