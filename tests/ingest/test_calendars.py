"""A year in another calendar. A Buddhist-era year or date (the Gregorian year + 543) in a Date
or Year cell is read in the Gregorian calendar, with a warning saying what was written and the
year used; a Hijri or Solar Hijri year (across two Gregorian years) is never converted, but
said with the Gregorian years to choose from."""

from __future__ import annotations

import datetime

import pytest

from components.ingest.calendars import (
    buddhist_era,
    gregorian_years_in,
    other_calendar_year,
    year_note,
)
from components.ingest.values import parse_when
from tests.ingest.reader_support import (
    assert_problem,
    by_assessment,
    csv_bytes,
    errors,
    read,
    xlsx,
)


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
            1402,
            "“1402” looks like a Solar Hijri year (March 2023 to March 2024 in the Gregorian "
            "calendar); it was left empty.",
            "2023 or 2024, the one the assessment belongs to",
        ),
        ("1445 AH", "“1445 AH” looks like a Hijri year (July 2023", "2023 or 2024"),
        ("1402-03-01", "“1402-03-01” looks like a Solar Hijri year", "2023 or 2024"),
        # a Buddhist-era year no assessment can have: said, never converted
        ("2600 BE", "“2600 BE” looks like a Buddhist-era year (2057", "calendar: 2057."),
    ],
)
def test_a_year_cell_in_another_calendar_is_an_error_and_the_levels_are_kept(year, words, fix):
    result = read("iran.xlsx", _template(year))
    assert_problem(result, "error", "B2", words)
    [problem] = [p for p in result.problems if p.cell == "B2"]
    assert fix in problem.fix
    assert ".0" not in problem.message
    # the levels are read, under no year (said), never under a converted one
    assert by_assessment(result) == {("Thailand", None, None): {n: n % 5 for n in range(1, 22)}}


# (the Date or Year cell as a Thai office writes it, the Gregorian year, the date, the words)
BUDDHIST_ERA = {
    "a number": (2567, 2024, None, "“2567” is a year of the Buddhist era (พ.ศ.)"),
    "a number cell shown whole": (2566.0, 2023, None, "“2566” is a year of the Buddhist era"),
    "text": ("2567", 2024, None, "the Gregorian year 2024 (2567 − 543) was used"),
    "marked in Thai": ("พ.ศ. 2566", 2023, None, "“พ.ศ. 2566” is a year of the Buddhist era"),
    "marked BE": ("2566 BE", 2023, None, "the Gregorian year 2023"),
    "marked B.E.": ("B.E. 2566", 2023, None, "the Gregorian year 2023"),
    "in Thai digits": ("พ.ศ. ๒๕๖๖", 2023, None, "the Gregorian year 2023 (2566 − 543)"),
    "first year that can be": ("2553", 2010, None, "the Gregorian year 2010"),
    "last year that can be": (2583, 2040, None, "the Gregorian year 2040"),
    "a date cell": (
        datetime.datetime(2567, 3, 15),
        2024,
        datetime.date(2024, 3, 15),
        "“2567-03-15” is a date of the Buddhist era (พ.ศ. 2567): 15 March 2024",
    ),
    "a date, year first": ("2566-05-12", 2023, datetime.date(2023, 5, 12), "12 May 2023"),
    "a date, day first": (
        "15/03/2567",
        2024,
        datetime.date(2024, 3, 15),
        "“15/03/2567” is a date of the Buddhist era (พ.ศ. 2567): 15 March 2024 in the "
        "Gregorian calendar (2567 − 543) was used",
    ),
    # 2567 is a leap year in the Buddhist era, as 2024 is; never "not a real date"
    "29 February": ("29/02/2567", 2024, datetime.date(2024, 2, 29), "29 February 2024"),
    "a date with the month's name": (
        "15 March 2567",
        2024,
        datetime.date(2024, 3, 15),
        "15 March 2024",
    ),
    "Excel's Thai long date": (
        "15 มีนาคม 2567",
        2024,
        datetime.date(2024, 3, 15),
        "“15 มีนาคม 2567” is a date of the Buddhist era",
    ),
    "Excel's Thai short date": ("1 ต.ค. 2566", 2023, datetime.date(2023, 10, 1), "1 October"),
}


@pytest.mark.parametrize(
    ("value", "year", "date", "words"), BUDDHIST_ERA.values(), ids=BUDDHIST_ERA
)
def test_a_buddhist_era_year_or_date_is_read_in_the_gregorian_calendar_and_said(
    value, year, date, words
):
    result = read("thai.xlsx", _template(value))
    assert by_assessment(result) == {("Thailand", year, None): {n: n % 5 for n in range(1, 22)}}
    dates = set(result.capabilities["date"].dropna())
    assert dates == ({date.isoformat()} if date else set())
    assert not errors(result)
    [said] = [p for p in result.problems if p.cell == "B2"]
    assert said.severity == "warning"
    assert words in said.message
    assert said.message.startswith("Date or year “")
    assert str(year) in said.message  # the Gregorian year used, and what was written
    assert said.fix.startswith("Nothing to do if 25")
    assert f"such as {year}" in said.fix


@pytest.mark.parametrize(
    ("value", "year"),
    [
        ("15 มีนาคม 2024", 2024),  # a Thai month with a Gregorian year: as written
        ("2566 (2023)", 2023),  # both calendars: the Gregorian year, as before
        (2023, 2023),
        ("1445 AH", None),  # a Hijri year: two Gregorian years, never converted
        (1402, None),
        ("2600 BE", None),  # 2057: no assessment's year
        (2584, None),  # after the Buddhist era's years an assessment can have: the future
        ("next 2566 round", None),  # words besides the number: no year said alone
    ],
)
def test_only_a_buddhist_era_year_an_assessment_can_have_is_converted(value, year):
    assert buddhist_era(value) is None
    result = read("thai.xlsx", _template(value))
    assert {key[1] for key in by_assessment(result)} == {year}
    assert not any(
        "Buddhist era" in p.message or "Buddhist-era year;" in p.fix for p in result.problems
    )


def test_both_calendars_written_read_the_gregorian_year_as_any_text_holding_one():
    result = read("thai.xlsx", _template("2566 (2023)"))
    [said] = [p for p in result.problems if p.cell == "B2"]
    assert said.message == (
        "Date or year “2566 (2023)” is not a date in the form YYYY-MM-DD but holds the year "
        "2023; it was used."
    )


def test_a_year_column_in_the_buddhist_era_is_said_once():
    rows = [["Country", "Year", "Capability", "Level"]]
    rows += [["Thailand", 2566, n, n % 5] for n in range(1, 22)]
    result = read("thai.csv", csv_bytes(rows))
    said = [p for p in result.problems if "Buddhist era" in p.message]
    assert len(said) == 1
    assert said[0].severity == "warning"
    assert "2023" in said[0].message
    assert by_assessment(result) == {("Thailand", 2023, None): {n: n % 5 for n in range(1, 22)}}


@pytest.mark.parametrize("day", ["15/03/2567", "03/15/2567", "15.03.2567", "15-03-2567"])
def test_a_csv_from_excel_with_the_thai_setting_reads_its_dates_in_the_gregorian_calendar(day):
    rows = [["Country", "Date", "No.", "Capability", "Level"]]
    rows += [["Thailand", day, n, f"Capability {n}", n % 5] for n in range(1, 22)]
    result = read("thai.csv", b"\xef\xbb\xbf" + csv_bytes(rows))
    assert by_assessment(result) == {("Thailand", 2024, None): {n: n % 5 for n in range(1, 22)}}
    assert set(result.capabilities["date"]) == {"2024-03-15"}
    said = [p for p in result.problems if "Buddhist era" in p.message]
    assert [p.cell for p in said] == ["B2"]  # once for the column
    assert "15 March 2024" in said[0].message


def test_two_buddhist_era_years_of_one_country_are_two_assessments():
    rows = [["Country", "Year", "Capability", "Level"]]
    rows += [["Thailand", year, n, (n + year) % 5] for year in (2566, 2567) for n in range(1, 22)]
    result = read("thai.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {
        ("Thailand", 2023, None): {n: (n + 2566) % 5 for n in range(1, 22)},
        ("Thailand", 2024, None): {n: (n + 2567) % 5 for n in range(1, 22)},
    }


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
def test_parse_when_alone_reads_no_year_of_another_calendar(value, words):
    # The reader's Date and Year cells convert a Buddhist-era year (year_forms.year_cell, with
    # its warning); parse_when alone, as the app's own entry form uses it, never does.
    when = parse_when(value)
    assert (when.year, when.date) == (None, None)
    assert words in when.note


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Thailand 2567", "Thailand 2024"),
        ("ประเทศไทย พ.ศ. 2567", "ประเทศไทย 2024"),
        ("Thailand 2567 BE", "Thailand 2024"),
        ("Lao 2566 B.E.", "Lao 2023"),
        ("Myanmar 2553", "Myanmar 2010"),
        # Not a Buddhist-era year an assessment can have, or not a year at all: as written.
        ("Form 2600", "Form 2600"),
        ("Kenya 2024", "Kenya 2024"),
        ("Ref 25671", "Ref 25671"),
    ],
)
def test_a_buddhist_era_year_in_a_title_is_written_as_its_gregorian_year(text, written):
    assert gregorian_years_in(text) == written
