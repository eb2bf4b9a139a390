"""Dates written as text: with the month's name, or as numbers read as their column allows."""

from __future__ import annotations

import datetime

import pytest

from components.ingest.text_dates import column_order, spelled_date
from tests.ingest.reader_support import assert_problem, by_assessment, csv_bytes, read, xlsx

FIRST = {n: n % 5 for n in range(1, 22)}
SECOND = {n: (n + 2) % 5 for n in range(1, 22)}


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("4 March 2024", datetime.date(2024, 3, 4)),
        ("4th March, 2024", datetime.date(2024, 3, 4)),
        ("March 4, 2024", datetime.date(2024, 3, 4)),
        ("Sept. 30 2023", datetime.date(2023, 9, 30)),
        ("4 mars 2024", datetime.date(2024, 3, 4)),
        ("1er avril 2024", datetime.date(2024, 4, 1)),
        ("4 de marzo de 2024", datetime.date(2024, 3, 4)),
        ("4 de março de 2024", datetime.date(2024, 3, 4)),
        ("12-dic-2023", datetime.date(2023, 12, 12)),
        # not a date: no such day, no month's name, or more than a date
        ("31 February 2024", None),
        ("4 Leadership 2024", None),
        ("March 2024", None),
        ("Kenya 4 March 2024", None),
    ],
)
def test_a_date_with_the_months_name_is_one_date(text, date):
    assert spelled_date(text) == date


@pytest.mark.parametrize(
    ("values", "order"),
    [
        (["Date", "04/03/2024", "25/03/2024"], "day"),
        (["04.03.2024", "15.11.2023"], "day"),
        (["04/03/2024", "03/25/2024"], "month"),
        (["04/03/2024", "03/04/2024", None, 2024], "unsettled"),
        (["25/03/2024", "03/25/2024"], "both"),
    ],
)
def test_a_columns_dates_say_which_comes_first(values, order):
    assert column_order(values) == order


def _long(first: str, second: str, countries=("Ghana", "Ghana")) -> list[list]:
    rows = [["Country", "Date", "Capability", "Level"]]
    rows += [[countries[0], first, n, level] for n, level in FIRST.items()]
    rows += [[countries[1], second, n, level] for n, level in SECOND.items()]
    return rows


def _dates(result) -> set[tuple[str, str]]:
    frame = result.capabilities
    return set(zip(frame["country"], frame["date"].astype(str), strict=True))


@pytest.mark.parametrize(
    ("first", "second", "dates"),
    [
        # day first, settled by a day above 12
        ("04/03/2024", "25/09/2024", {"2024-03-04", "2024-09-25"}),
        ("04.03.2024", "13.03.2024", {"2024-03-04", "2024-03-13"}),
        # month first (as in the United States), settled by its second number
        ("04/03/2024", "09/25/2024", {"2024-04-03", "2024-09-25"}),
        # the month's name: no doubt, in any of the vocabulary's languages
        ("4 March 2024", "3 April 2024", {"2024-03-04", "2024-04-03"}),
        ("4 mars 2024", "3 avril 2024", {"2024-03-04", "2024-04-03"}),
        ("4 de marzo de 2024", "3 de abril de 2024", {"2024-03-04", "2024-04-03"}),
        # Excel with the Thai setting: the Buddhist era's year, read in the Gregorian one
        ("04/03/2567", "25/09/2567", {"2024-03-04", "2024-09-25"}),
        ("04/03/2567", "09/25/2567", {"2024-04-03", "2024-09-25"}),
        ("4 March 2567", "3 April 2567", {"2024-03-04", "2024-04-03"}),
        ("29/02/2567", "25/09/2567", {"2024-02-29", "2024-09-25"}),  # 2024 has a 29 February
    ],
)
def test_two_dates_in_one_year_are_two_assessments(first, second, dates):
    result = read("dates.csv", csv_bytes(_long(first, second)))
    assert {date for _, date in _dates(result)} == dates
    assert len(by_assessment(result)) == 1  # one (country, year), two assessment ids
    assert result.capabilities["assessment_id"].nunique() == 2
    assert not [p for p in result.problems if p.severity == "error"]
    if "2567" in first:  # said, with the Gregorian date used
        assert_problem(result, "warning", "B2", "is a date of the Buddhist era (พ.ศ. 2567)")


def test_a_date_read_by_its_column_is_said_once_with_what_decided():
    result = read("dates.xlsx", xlsx({"Data": _long("04/03/2024", "25/09/2024")}))
    assert_problem(
        result, "warning", "B2", "read with the day first, since “25/09/2024” there can only be"
    )


def test_two_dates_that_read_either_way_in_one_year_are_refused_not_merged():
    result = read("dates.csv", csv_bytes(_long("04/03/2024", "03/04/2024")))
    assert by_assessment(result) == {}
    assert_problem(result, "error", "B2", "can be read day first or month first")
    assert_problem(result, "error", "B2", "“04/03/2024” is 4 March 2024 or 3 April 2024")
    assert result.problems[0].fix.startswith("Write the dates as YYYY-MM-DD")
    assert len(result.problems) == 1  # and no 21 "appears a second time"


@pytest.mark.parametrize(
    ("first", "second", "countries", "expected"),
    [
        # one such date a year for each country: the year is certain, and read
        ("04/03/2024", "03/04/2024", ("Ghana", "Kenya"), {("Ghana", 2024), ("Kenya", 2024)}),
        ("04/03/2023", "03/04/2024", ("Ghana", "Ghana"), {("Ghana", 2023), ("Ghana", 2024)}),
    ],
)
def test_dates_that_read_either_way_keep_their_year_when_nothing_merges(
    first, second, countries, expected
):
    result = read("dates.csv", csv_bytes(_long(first, second, countries)))
    assert {(c, y) for c, y, _ in by_assessment(result)} == expected
    assert not [p for p in result.problems if p.severity == "error"]
    assert_problem(result, "warning", "B2", "holds the year")
