"""A row under a wide table's country headings giving each column's year, round, date or code."""

import datetime

import pytest

from tests.ingest.reader_support import (
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    read,
    xlsx,
)

KENYA = {n: n % 5 for n in range(1, 22)}
UGANDA = {n: (n + 1) % 5 for n in range(1, 22)}


def _table(heads: list[str], metas: list[list], label_column: int = 0) -> list[list]:
    """Capabilities down, a column per country, the rows ``metas`` (label first) under them."""
    rows = [["No.", "Capability", *heads]]
    for label, *values in metas:
        row = [None, None, *values]
        row[label_column] = label
        rows.append(row)
    return rows + [[n, TITLES[n], KENYA[n], UGANDA[n]] for n in range(1, 22)]


@pytest.mark.parametrize(
    ("metas", "label_column", "kenya", "uganda"),
    [
        ([["Year", 2023, 2024]], 0, (2023, None), (2024, None)),
        ([["Year", 2023, 2024]], 1, (2023, None), (2024, None)),  # in the capability column
        ([["Année", 2023, 2024]], 0, (2023, None), (2024, None)),
        ([["Año", "2023", "2023"]], 1, (2023, None), (2023, None)),
        ([["Jahr", 2023, 2023]], 0, (2023, None), (2023, None)),
        ([[None, 2023, 2024]], 0, (2023, None), (2024, None)),  # years alone, no label
        ([["Round", "Round 1", "Round 2"]], 0, (None, "Round 1"), (None, "Round 2")),
        (
            [["Ano", 2023, 2023], ["Rodada", "Baseline", "Baseline"]],
            0,
            (2023, "Baseline"),
            (2023, "Baseline"),
        ),
        (
            [["Date", datetime.datetime(2023, 5, 1), datetime.datetime(2024, 2, 1)]],
            0,
            (2023, None),
            (2024, None),
        ),
        ([["ISO3", "KEN", "UGA"], ["Year", 2023, 2023]], 0, (2023, None), (2023, None)),
    ],
)
def test_a_meta_row_under_the_countries_gives_each_its_year_or_round(
    metas, label_column, kenya, uganda
):
    result = read("wide.xlsx", xlsx({"S": _table(["Kenya", "Uganda"], metas, label_column)}))
    assert by_assessment(result) == {("Kenya", *kenya): KENYA, ("Uganda", *uganda): UGANDA}
    assert not result.problems  # the row is no capability row without a capability


def test_a_year_row_in_a_semicolon_csv_dates_each_country():
    rows = _table(["Kenya", "Uganda"], [["Year", 2023, 2024]])
    result = read("wide.csv", csv_bytes(rows, sep=";"))
    assert by_assessment(result) == {("Kenya", 2023, None): KENYA, ("Uganda", 2024, None): UGANDA}
    assert not result.problems


def test_the_iso3_row_gives_the_codes():
    rows = _table(["Kenya", "Uganda"], [["ISO3 code", "KEN", "UGA"]])
    result = read("wide.xlsx", xlsx({"S": rows}))
    codes = set(zip(result.capabilities["country"], result.capabilities["iso3"], strict=True))
    assert codes == {("Kenya", "KEN"), ("Uganda", "UGA")}


def test_a_year_under_a_heading_with_another_year_is_said_and_the_heading_kept():
    rows = _table(["Kenya 2021", "Uganda 2021"], [["Year", 2023, 2021]])
    result = read("wide.xlsx", xlsx({"S": rows}))
    assert by_assessment(result) == {("Kenya", 2021, None): KENYA, ("Uganda", 2021, None): UGANDA}
    assert_problem(result, "warning", "C2", "The year 2023 in C2 differs from the year 2021")
    assert len(result.problems) == 1


def test_a_year_that_cannot_be_read_is_said_and_that_country_left_without_one():
    rows = _table(["Kenya", "Uganda"], [["Year", "soon", 2023]])
    result = read("wide.xlsx", xlsx({"S": rows}))
    assert by_assessment(result) == {("Kenya", None, None): KENYA, ("Uganda", 2023, None): UGANDA}
    assert_problem(result, "warning", "C2", "“soon” is not a year")


def test_a_row_with_a_label_that_is_no_metadata_is_still_reported():
    rows = _table(["Kenya", "Uganda"], [["Budget", 2023, 2024]])
    result = read("wide.xlsx", xlsx({"S": rows}))
    assert by_assessment(result) == {("Kenya", None, None): KENYA, ("Uganda", None, None): UGANDA}
    assert_problem(result, "error", "B2", "Row 2 has a level or notes but no capability")
