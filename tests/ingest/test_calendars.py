"""A year in another calendar (Buddhist era, Solar Hijri, Hijri): never read as a year, never
converted, but said with the Gregorian year to write instead."""

from __future__ import annotations

import datetime

import pytest

from components.ingest.calendars import other_calendar_year, year_note
from components.ingest.values import parse_when
from tests.ingest.reader_support import assert_problem, by_assessment, csv_bytes, read, xlsx


@pytest.mark.parametrize(
    ("value", "words", "fix"),
    [
        (2566, "“2566” looks like a Buddhist-era year (2023 in the Gregorian", ": 2023."),
        (2566.0, "“2566” looks like a Buddhist-era year (2023", ": 2023."),
        ("2567", "Buddhist-era year (2024", ": 2024."),
        ("2566 BE", "“2566 BE” looks like a Buddhist-era year (2023", ": 2023."),
        ("พ.ศ. 2566", "Buddhist-era year (2023", ": 2023."),
        (1402, "“1402” looks like a Solar Hijri year (March 2023 to March 2024", "2023 or 2024"),
        ("1402 SH", "Solar Hijri year (March 2023 to March 2024", "2023 or 2024"),
        ("1402 هـ.ش", "Solar Hijri year (March 2023", "2023 or 2024"),
        (1445, "“1445” looks like a Hijri year (July 2023 to July 2024", "2023 or 2024"),
        ("1445 AH", "Hijri year (July 2023 to July 2024", "2023 or 2024"),
        ("1446 هـ", "Hijri year (July 2024 to June 2025", "2024 or 2025"),
    ],
)
def test_a_year_of_another_calendar_is_named_with_the_gregorian_year(value, words, fix):
    other = other_calendar_year(value)
    assert other is not None
    assert words in other.note
    assert fix in other.fix
    when = parse_when(value)
    assert when.year is None  # never converted
    assert words in when.note


@pytest.mark.parametrize(
    ("value", "note"),
    [
        (1350, "“1350” is not a year"),  # 1971 or 1931: no assessment's year either way
        (2700.0, "“2700” is not a year"),  # a whole number without ".0"
        (3.5, "“3.5” is not a year"),
        ("next 2566 round", "is not a year or a date"),  # words besides the number: not said
        ("soon", "“soon” is not a year or a date"),
    ],
)
def test_other_numbers_are_not_years_and_no_calendar_is_guessed(value, note):
    when = parse_when(value)
    assert when.year is None
    assert note in when.note
    assert "calendar" not in when.note


def test_a_gregorian_year_is_read_as_written():
    # an Ethiopian year (2016 for 2023/24) cannot be told from a Gregorian one
    assert other_calendar_year(2016) is None
    assert parse_when(2016).year == 2016
    assert year_note(2700.0) == "“2700” is not a year"


def _template(year):
    return xlsx(
        {
            "MNR": [
                ["Country", "Thailand"],
                ["Year", year],
                [],
                ["No.", "Capability", "Level"],
                *[[n, f"Capability {n}", n % 5] for n in range(1, 22)],
            ]
        }
    )


@pytest.mark.parametrize(
    ("year", "words", "fix"),
    [
        (
            2566,
            "Date or year “2566” looks like a Buddhist-era year (2023 in the Gregorian "
            "calendar); it was left empty.",
            "Write the year in the Gregorian calendar: 2023.",
        ),
        (
            1402,
            "“1402” looks like a Solar Hijri year (March 2023 to March 2024 in the Gregorian "
            "calendar); it was left empty.",
            "2023 or 2024, the one the assessment belongs to",
        ),
        ("2566 B.E.", "“2566 B.E.” looks like a Buddhist-era year", "calendar: 2023."),
    ],
)
def test_a_year_cell_in_another_calendar_is_an_error_and_the_levels_are_kept(year, words, fix):
    result = read("thai.xlsx", _template(year))
    assert_problem(result, "error", "B2", words)
    [problem] = [p for p in result.problems if p.cell == "B2"]
    assert fix in problem.fix
    assert ".0" not in problem.message
    # the levels are read, under no year (said), never under a converted one
    assert by_assessment(result) == {("Thailand", None, None): {n: n % 5 for n in range(1, 22)}}


def test_a_year_column_in_another_calendar_is_said_once():
    rows = [["Country", "Year", "Capability", "Level"]]
    rows += [["Thailand", 2566, n, n % 5] for n in range(1, 22)]
    result = read("thai.csv", csv_bytes(rows))
    said = [p for p in result.problems if "Buddhist-era" in p.message]
    assert len(said) == 1
    assert said[0].severity == "error"
    assert "2023" in said[0].fix
    assert all(year is None for _, year, _ in by_assessment(result))


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (datetime.datetime(2566, 5, 12), "“2566-05-12” looks like a Buddhist-era year (2023"),
        (datetime.date(1402, 3, 1), "“1402-03-01” looks like a Solar Hijri year"),
        ("12/05/2566", "“12/05/2566” looks like a Buddhist-era year (2023"),
        ("2566-05-12", "“2566-05-12” looks like a Buddhist-era year (2023"),
        (datetime.datetime(1899, 12, 30), "“1899-12-30” is a date in the year 1899, not a year"),
        ("1850-01-01", "“1850-01-01” is a date outside the years 1900 to 2100"),
    ],
)
def test_a_date_in_a_year_no_assessment_can_have_gives_no_year(value, words):
    when = parse_when(value)
    assert (when.year, when.date) == (None, None)  # never the year 2566
    assert words in when.note


@pytest.mark.parametrize("date", [datetime.datetime(2566, 5, 12), "12/05/2566", "2566-05-12"])
def test_a_date_cell_with_a_buddhist_era_year_is_an_error(date):
    result = read("thai.xlsx", _template(date))
    assert_problem(result, "error", "B2", "looks like a Buddhist-era year (2023")
    [problem] = [p for p in result.problems if p.cell == "B2"]
    assert problem.fix == "Write the year in the Gregorian calendar: 2023."
    assert list(by_assessment(result)) == [("Thailand", None, None)]
