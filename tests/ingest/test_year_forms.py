"""Years written short, spaced, as a fiscal year or in the future, in a Date or Year cell."""

from __future__ import annotations

from datetime import date

import pytest

from components.ingest.year_forms import swapped_years, year_cell
from tests.ingest.reader_support import assert_problem, by_assessment, csv_bytes, read, xlsx

LEVELS = {n: n % 5 for n in range(1, 22)}
OTHER = {n: (n + 2) % 5 for n in range(1, 22)}


def _long_table(first, second) -> bytes:
    rows = [["Country", "Year", "Capability", "Level"]]
    rows += [["Kenya", first, n, level] for n, level in LEVELS.items()]
    rows += [["Kenya", second, n, level] for n, level in OTHER.items()]
    return csv_bytes(rows)


def _form(year) -> bytes:
    rows = [["Country", "Uganda"], ["Year", year], [], ["No.", "Capability", "Level"]]
    rows += [[n, None, level] for n, level in LEVELS.items()]
    return xlsx({"Assessment": rows})


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("2 023", "2 024"),  # a space between thousands
        ("2\u00a0023", "2\u00a0024"),  # no-break space
        ("2\u202f023", "2\u202f024"),  # narrow no-break space (French Excel)
        ("2\u2009023", "2\u2009024"),  # thin space
    ],
)
def test_a_year_with_a_thousands_separator_is_the_year(first, second):
    result = read("years.csv", _long_table(first, second))
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS, ("Kenya", 2024, None): OTHER}
    assert not [p for p in result.problems if p.severity == "error"]


def test_two_digit_years_are_read_with_a_warning_and_kept_apart():
    result = read("years.xlsx", xlsx({"Data": _rows_of(23, 24)}))
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS, ("Kenya", 2024, None): OTHER}
    warning = next(p for p in result.problems if p.cell == "B2")
    assert warning.message == "Date or year “23” has two digits; it was read as the year 2023."
    assert warning.fix == "Nothing to do if it is 2023; otherwise write the year in full."
    assert not [p for p in result.problems if "23.0" in p.message]
    assert not [p for p in result.problems if "second time" in p.message]


def _rows_of(first, second) -> list[list]:
    rows = [["Country", "Year", "Capability", "Level"]]
    rows += [["Kenya", first, n, level] for n, level in LEVELS.items()]
    return rows + [["Kenya", second, n, level] for n, level in OTHER.items()]


@pytest.mark.parametrize(("written", "year"), [("FY23", 2023), ("FY 24", 2024), ("fy-22", 2022)])
def test_a_fiscal_year_is_read_as_its_year_with_a_warning(written, year):
    result = read("form.xlsx", _form(written))
    assert by_assessment(result) == {("Uganda", year, None): LEVELS}
    assert_problem(result, "warning", "B2", f"“{written}” is a fiscal year; it was read as")


@pytest.mark.parametrize("written", [2203, "2203", 3202])
def test_a_year_in_the_future_is_an_error(written):
    result = read("form.xlsx", _form(written))
    assert_problem(result, "error", "B2", f"“{written}” is a year in the future")
    assert not [p for p in result.problems if ".0”" in p.message]


@pytest.mark.parametrize(
    ("written", "meant"),
    [(2203, 2023), ("2203", 2023), (2103, 2013), ("2023 ", None), (9999, None)],
)
def test_a_year_in_the_future_says_the_assessment_has_no_year_and_the_year_meant(written, meant):
    result = read("form.xlsx", _form(written))
    if written == "2023 ":  # a year that can be: no suggestion needed, it is read
        assert by_assessment(result) == {("Uganda", 2023, None): LEVELS}
        return
    assert by_assessment(result) == {("Uganda", None, None): LEVELS}
    assert_problem(result, "error", "B2", "the assessment was read without a year")
    problem = next(p for p in result.problems if "in the future" in p.message)
    if meant:
        assert f"did you mean {meant}?" in problem.message
        assert f"such as {meant}" in problem.fix
    else:
        assert "did you mean" not in problem.message


def test_swapped_years_are_the_years_that_can_be():
    assert swapped_years(2203) == [2023]
    assert swapped_years(2103) == [2013]
    assert swapped_years(9999) == []


@pytest.mark.parametrize(
    ("value", "year"),
    [
        (2023, 2023),
        ("2023/24", 2023),
        ("FY2023/24", 2023),
        ("FY 2022", 2022),
        (23.0, 2023),
        ("7", 2007),
        (75, None),
        (2566, 2023),  # a Buddhist-era year: its Gregorian year, said (test_calendars)
        ("พ.ศ. ๒๕๖๖", 2023),
        (1445, None),  # a Hijri year: never converted
        ("abc", None),
    ],
)
def test_year_cell(value, year):
    assert year_cell(value).year == year


def test_a_year_after_this_one_is_read_and_said():
    later = date.today().year + 5
    result = read("uganda.xlsx", _form(later))
    assert by_assessment(result) == {("Uganda", later, None): LEVELS}
    assert_problem(result, "warning", "B2", f"“{later}” is after this year")
    assert year_cell(date.today().year).note == ""  # this year is no later one
