"""A year and a date for one assessment: the year decides; a header's year of another calendar.

What a person gets from a long (or wide) table with a Year column beside a Date or a form's
Timestamp column, and from one column per assessment headed "Kenya 1445 AH" or "Kenya 2566 BE".
"""

from __future__ import annotations

import datetime

import pytest

from tests.ingest.reader_support import (
    LABELS,
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    read,
    xlsx,
)

DAY = datetime.datetime(2024, 2, 1)
LEVELS = {n: n % 5 for n in range(1, 22)}


def _long(year_header: str, year, date_header: str, date) -> list[list]:
    return [["Country", year_header, date_header, "Capability", "Level"]] + [
        ["Kenya", year, date, n, level] for n, level in LEVELS.items()
    ]


def _dates(result) -> set:
    return set(result.capabilities["date"].dropna())


@pytest.mark.parametrize(
    ("year_header", "date_header"),
    [
        ("Year", "Date"),
        ("Year", "Timestamp"),
        ("Year", "_submission_time"),
        ("Assessment year", "Submission date"),
        ("Année", "Date"),
        ("Año", "Fecha"),
        ("Ano", "Data"),
    ],
)
def test_a_year_column_decides_over_a_date_of_another_year(year_header, date_header):
    result = read("long.xlsx", xlsx({"Data": _long(year_header, 2023, date_header, DAY)}))
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}
    assert not _dates(result)  # a date of 2024 would file the assessment under 2024
    said = [p for p in result.problems if "the year decides" in p.message]
    assert len(said) == 1  # once for the two columns, not once per row
    assert_problem(result, "warning", "B2", "“2023” in B2 and the date “2024-02-01” in C2")
    assert "column B" in said[0].message
    assert "column C" in said[0].message
    assert f"“{year_header}”" in said[0].message
    assert "write 2024 in the year column" in said[0].fix


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("long.xlsx", xlsx({"Data": _long("Year", 2024, "Date", DAY)})),
        ("long.csv", csv_bytes(_long("Year", "2024", "Date", "2024-02-01"))),
        ("long.xlsx", xlsx({"Data": _long("Year", 2024, "Timestamp", DAY)})),
    ],
)
def test_a_date_in_the_year_of_the_year_column_is_kept_without_a_message(name, data):
    result = read(name, data)
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS}
    assert _dates(result) == {"2024-02-01"}
    assert not [p for p in result.problems if "year decides" in p.message]


def test_a_wide_table_with_year_and_date_columns_follows_the_year():
    rows = [
        ["Country", "Year", "Date"] + [f"C{n}" for n in LEVELS],
        ["Kenya", 2023, DAY, *LEVELS.values()],
        ["Uganda", 2024, DAY, *LEVELS.values()],
    ]
    result = read("wide.xlsx", xlsx({"Data": rows}))
    assert set(by_assessment(result)) == {("Kenya", 2023, None), ("Uganda", 2024, None)}
    assert_problem(result, "warning", "B2", "the year decides")


@pytest.mark.parametrize(
    ("date_value", "year"),
    [(None, 2023), ("not a date", 2023)],
)
def test_a_date_cell_empty_or_unreadable_leaves_the_year(date_value, year):
    result = read("long.xlsx", xlsx({"Data": _long("Year", 2023, "Date", date_value)}))
    assert by_assessment(result) == {("Kenya", year, None): LEVELS}


def test_an_empty_year_cell_leaves_the_date_to_say_when():
    result = read("long.xlsx", xlsx({"Data": _long("Year", None, "Date", DAY)}))
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS}
    assert _dates(result) == {"2024-02-01"}


@pytest.mark.parametrize("fiscal", ["2023/24", "FY2023-24", "2023-2024"])
def test_a_fiscal_year_column_decides_and_says_the_date_was_left_out(fiscal):
    result = read("long.xlsx", xlsx({"Data": _long("Year", fiscal, "Date", DAY)}))
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}
    assert not _dates(result)
    assert_problem(result, "warning", "B2", f"falls in “{fiscal}” in B2, which was read as 2023")


def test_a_fiscal_year_column_and_a_date_of_its_first_year_keep_both():
    result = read("long.xlsx", xlsx({"Data": _long("Year", "2023/24", "Date", DAY.replace(2023))}))
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}
    assert _dates(result) == {"2023-02-01"}


def test_labelled_year_and_date_cells_follow_the_year():
    rows = [["Country", "Kenya"], ["Year", 2023], ["Date", DAY], [], ["Capability", "Level"]]
    rows += [[n, level] for n, level in LEVELS.items()]
    result = read("labels.xlsx", xlsx({"Assessment": rows}))
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}
    assert_problem(result, "warning", "B2", "the year decides")


def _columns(*headers: str) -> bytes:
    rows = [["Capability", *headers]]
    rows += [[n] + [(level + i) % 5 for i in range(len(headers))] for n, level in LEVELS.items()]
    return xlsx({"Data": rows})


@pytest.mark.parametrize(
    ("header", "calendar", "gregorian"),
    [
        ("Kenya 2600 BE", "Buddhist-era", "2057"),  # no assessment's year
        ("Kenya 1402", "Solar Hijri", "2023 or 2024"),
        ("Kenya (1402 SH)", "Solar Hijri", "2023 or 2024"),
        ("Kenya 1445 AH", "Hijri", "2023 or 2024"),
    ],
)
def test_a_header_with_a_year_of_another_calendar_names_the_country(header, calendar, gregorian):
    result = read("columns.xlsx", _columns(header))
    assert by_assessment(result) == {("Kenya", None, None): LEVELS}
    assert_problem(result, "error", "B1", f"looks like a {calendar} year")
    assert any(gregorian in p.fix for p in result.problems if p.cell == "B1")


@pytest.mark.parametrize(
    "header", ["Kenya 2566 BE", "Kenya 2566 B.E.", "Kenya พ.ศ. 2566", "Kenya 2566"]
)
def test_a_header_with_a_buddhist_era_year_is_that_gregorian_years_assessment(header):
    result = read("columns.xlsx", _columns(header))
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}
    assert_problem(result, "warning", "B1", "the Gregorian year 2023 (2566 − 543) was used")


@pytest.mark.parametrize(
    "headers", [("Kenya 1445 AH", "Kenya 1402"), ("Kenya 1402", "Kenya 1403 SH")]
)
def test_two_columns_of_one_country_in_another_calendar_are_refused_not_merged(headers):
    result = read("columns.xlsx", _columns(*headers))
    assert result.capabilities.empty
    assert_problem(result, "error", "B1", "they are 2 different assessments")
    assert_problem(result, "error", "C1", "looks like a")


def test_two_columns_of_one_country_in_the_buddhist_era_are_two_years():
    result = read("columns.xlsx", _columns("Kenya 2566", "Kenya 2567 B.E."))
    assert set(by_assessment(result)) == {("Kenya", 2023, None), ("Kenya", 2024, None)}


@pytest.mark.parametrize(
    ("headers", "years"),
    [
        (("Kenya 1445 AH baseline", "Kenya 1446 AH review"), (None, None)),
        (("Kenya 2566 BE baseline", "Kenya 2567 BE review"), (2023, 2024)),
    ],
)
def test_columns_in_another_calendar_with_rounds_stay_two_assessments(headers, years):
    result = read("columns.xlsx", _columns(*headers))
    assert set(by_assessment(result)) == {
        ("Kenya", years[0], "baseline"),
        ("Kenya", years[1], "review"),
    }


@pytest.mark.parametrize("header", ["Kenya 2023", "Kenya 2023/24", "Kenya 1999", "Kenya"])
def test_gregorian_or_no_years_in_headers_read_as_before(header):
    result = read("columns.xlsx", _columns(header))
    assert [k[0] for k in by_assessment(result)] == ["Kenya"]
    assert not [p for p in result.problems if "calendar" in p.message]


def test_a_country_column_holding_a_year_of_another_calendar_is_told_apart():
    rows = [["Country", "Capability", "Level"]]
    rows += [["Kenya 1445 AH", n, level] for n, level in LEVELS.items()]
    rows += [["Kenya 1446 AH", n, level] for n, level in LEVELS.items()]
    result = read("long.xlsx", xlsx({"Data": rows}))
    assert result.capabilities.empty  # two assessments nothing else tells apart: refused
    assert_problem(result, "error", "A2", "looks like a Hijri year")
    assert_problem(result, "error", "A2", "they are 2 different assessments")


def test_a_country_column_holding_buddhist_era_years_gives_their_gregorian_years():
    rows = [["Country", "Capability", "Level"]]
    rows += [["Kenya 2566 BE", n, level] for n, level in LEVELS.items()]
    rows += [["Kenya 2567 BE", n, level] for n, level in LEVELS.items()]
    result = read("long.xlsx", xlsx({"Data": rows}))
    assert set(by_assessment(result)) == {("Kenya", 2023, None), ("Kenya", 2024, None)}
    assert_problem(result, "warning", "A2", "the Gregorian year 2023")


@pytest.mark.parametrize(
    ("stamp", "year_question"),
    [
        ("Timestamp", "Year of assessment"),
        ("Horodateur", "Année de l'évaluation"),
        ("Horodateur", "Année d'évaluation"),
        ("Marca temporal", "Año de la evaluación"),
        ("Submission time", "Year of the assessment"),
    ],
)
def test_a_forms_year_answer_decides_over_its_timestamp(stamp, year_question):
    header = [stamp, "Country", year_question]
    header += [f"Rate each capability [{TITLES[n]}]" for n in LEVELS]
    answers = ["2024-02-01 10:00:00", "Kenya", 2023] + [LABELS[level] for level in LEVELS.values()]
    result = read("form.csv", csv_bytes([header, answers]))
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}


@pytest.mark.parametrize(
    ("header", "year"), [(2566, 2023), (2566.0, 2023), ("2566", 2023), (1402, None), (1445, None)]
)
def test_a_number_header_in_another_calendar_is_a_year_never_a_country(header, year):
    rows = [["Capability", header]] + [[n, level] for n, level in LEVELS.items()]
    result = read("kenya.xlsx", xlsx({"Kenya": rows}))
    assert by_assessment(result) == {("Kenya", year, None): LEVELS}  # the sheet's country
    said = [p for p in result.problems if p.cell == "B1"]
    assert said
    assert all(p.severity == ("error" if year is None else "warning") for p in said)


@pytest.mark.parametrize(
    ("year_header", "year", "date_header", "severity"),
    [
        ("Year", "twenty-one", "Date", "warning"),
        ("Year", "2O21", "Date", "warning"),  # a letter O typed for the zero
        ("Année", "deux mille", "Date", "warning"),
        ("Año", "?", "Fecha", "warning"),
        ("Year", "1445 AH", "Timestamp", "error"),  # a Hijri year: never converted
        ("Year", 2203, "Date", "error"),  # a year in the future
    ],
)
def test_an_unreadable_year_cell_says_the_year_was_taken_from_the_date_beside_it(
    year_header, year, date_header, severity
):
    result = read("long.xlsx", xlsx({"Data": _long(year_header, year, date_header, DAY)}))
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS}
    assert_problem(
        result, severity, "B2", "the year 2024 was taken from the date “2024-02-01” in C2 instead"
    )
    assert not [p for p in result.problems if "left empty" in p.message]


def test_an_unreadable_year_label_says_the_year_was_taken_from_the_date_label():
    rows = [
        ["Country:", "Kenya"],
        ["Year:", "twenty-one"],
        ["Date of assessment:", datetime.date(2021, 5, 3)],
        [],
        ["No.", "Capability", "Level"],
    ] + [[n, TITLES[n], level] for n, level in LEVELS.items()]
    result = read("form.xlsx", xlsx({"Assessment": rows}))
    assert by_assessment(result) == {("Kenya", 2021, None): LEVELS}
    assert_problem(
        result, "warning", "B2", "the year 2021 was taken from the date “2021-05-03” in B3"
    )


@pytest.mark.parametrize("date_value", [None, "not a date"])
def test_an_unreadable_year_cell_without_a_date_still_says_it_was_left_empty(date_value):
    result = read("long.xlsx", xlsx({"Data": _long("Year", "twenty-one", "Date", date_value)}))
    assert by_assessment(result) == {("Kenya", None, None): LEVELS}
    assert_problem(result, "warning", "B2", "“twenty-one” is not a year or a date; it was left")
