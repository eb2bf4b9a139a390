"""Which assessment a table's rows belong to: country and year wherever they are written.

A Year (Date, Round, Period) column is read row by row also when the country comes from a
label, a title, the sheet or the file; a month or a quarter is when, never a country; a
number is never a country; a file name's version mark does not hide its country; a column of
"Ghana 2022" cells gives both; footnote marks are not part of a country's name.
"""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from tests.ingest.reader_support import (
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    errors,
    read,
    xlsx,
)

ALL = {n: n % 5 for n in TITLES}
OTHER = {n: (n + 2) % 5 for n in TITLES}


def _rows(key, levels, where="first"):
    """Capability rows with ``key`` first or after the title."""
    if where == "first":
        return [[key, TITLES[n], levels[n]] for n in TITLES]
    return [[TITLES[n], key, levels[n]] for n in TITLES]


@pytest.mark.parametrize(
    ("sheets", "name", "expected_where"),
    [
        # a Country label above a table with a Year column holding two rounds
        (
            {"Sheet1": [["Country:", "Nepal"], [], ["Year", "Capability", "Level"]]},
            "scores.xlsx",
            None,
        ),
        # the country from the sheet's name
        ({"Nepal": [["Year", "Capability", "Level"]]}, "scores.xlsx", "the sheet name"),
        # from a title line, in French
        (
            {"Feuil1": [["Népal – auto-évaluation MNR"], [], ["Année", "Capacité", "Niveau"]]},
            "x.xlsx",
            "the title",
        ),
        # from the file's name
        ({"Sheet1": [["Date", "Capability", "Level"]]}, "Nepal MNR.xlsx", "the file name"),
    ],
)
def test_a_year_column_is_read_row_by_row_wherever_the_country_comes_from(
    sheets, name, expected_where
):
    ((sheet, rows),) = sheets.items()
    country = "Népal" if "Feuil1" in sheets else "Nepal"
    body = _rows(2022, ALL) + _rows(2024, OTHER)
    result = read(name, xlsx({sheet: rows + body}))
    assert by_assessment(result) == {(country, 2022, None): ALL, (country, 2024, None): OTHER}
    assert not errors(result)
    said = [p.message for p in result.problems if "was taken from" in p.message]
    if expected_where is None:
        assert not said
    else:
        assert any("country" in m and expected_where in m for m in said), said
        assert not any("The year" in m for m in said)  # the years are the table's own


def test_one_year_in_the_column_is_that_assessments_year():
    rows = [["Capability", "Year", "Level"], *_rows(2023, ALL, where="after")]
    result = read("scores.xlsx", xlsx({"Uganda": rows}))
    assert by_assessment(result) == {("Uganda", 2023, None): ALL}


def test_a_round_column_without_a_country_column_gives_one_assessment_per_round():
    rows = [["Country", "Kenya"], ["Year", 2024], [], ["Round", "Capability", "Level"]]
    rows += _rows("Baseline", ALL) + _rows("Midline", OTHER)
    result = read("x.xlsx", xlsx({"Sheet1": rows}))
    assert by_assessment(result) == {
        ("Kenya", 2024, "Baseline"): ALL,
        ("Kenya", 2024, "Midline"): OTHER,
    }


def test_a_year_column_with_no_country_anywhere_says_so_for_each_year():
    rows = [["Year", "Capability", "Level"], *_rows(2022, ALL), *_rows(2024, OTHER)]
    result = read("scores.xlsx", xlsx({"Sheet1": rows}))
    assert by_assessment(result) == {}
    assert_problem(
        result,
        "error",
        None,
        "No country is given on sheet “Sheet1”, so its assessment of 2022 was not used",
    )
    assert_problem(result, "error", None, "its assessment of 2024 was not used")
    assert not any("appears a second time" in p.message for p in result.problems)


@pytest.mark.parametrize(
    ("header", "values", "expected"),
    [
        ("Period", ("Q1 2024", "2024-Q3"), {("Uganda", 2024, "Q1"), ("Uganda", 2024, "Q3")}),
        ("Quarter", ("Q1 2024", "Q2 2024"), {("Uganda", 2024, "Q1"), ("Uganda", 2024, "Q2")}),
        ("Période", ("T1 2024", "T3 2024"), {("Uganda", 2024, "T1"), ("Uganda", 2024, "T3")}),
        ("Year", ("Q1 2024", "Q3 2024"), {("Uganda", 2024, "Q1"), ("Uganda", 2024, "Q3")}),
    ],
)
def test_a_period_column_gives_the_year_and_the_quarter_as_the_round(header, values, expected):
    rows = [["Country", header, "Capability", "Level"]]
    for value, levels in zip(values, (ALL, OTHER), strict=True):
        rows += [["Uganda", value, TITLES[n], levels[n]] for n in TITLES]
    result = read("x.xlsx", xlsx({"Monitoring": rows}))
    assert set(by_assessment(result)) == expected
    assert_problem(result, "warning", "B2", f"“{values[0]}” is a part of the year 2024")
    assert not errors(result)


@pytest.mark.parametrize(
    ("first", "second", "years"),
    [
        ("Mar-22", "Nov-23", (2022, 2023)),
        ("March 2022", "November 2023", (2022, 2023)),
        ("mars 2022", "novembre 2023", (2022, 2023)),
        ("marzo 2022", "noviembre 2023", (2022, 2023)),
        ("03/2022", "11/2023", (2022, 2023)),
    ],
)
def test_month_and_year_headers_are_dates_and_the_country_comes_from_the_title(
    first, second, years
):
    rows = [["Peru MNR tracking", "", ""], ["Capability", first, second]]
    rows += [[TITLES[n], ALL[n], OTHER[n]] for n in TITLES]
    result = read("tracking.csv", csv_bytes(rows))
    assert by_assessment(result) == {("Peru", years[0], None): ALL, ("Peru", years[1], None): OTHER}
    assert_problem(result, "warning", "A1", "The country “Peru” was taken from the title")


def test_a_column_of_numbers_is_never_a_country():
    """A survey export's two header rows: the respondent's ID is taken as the country column
    (its header is in the row above), now read as the form export it is; and a Country
    column of numbers, said once."""
    first = ["Respondent ID", "Which country does this assessment cover?", "Rate each capability"]
    second = [None, "Response", *[TITLES[n] for n in TITLES]]
    rows = [first + [None] * 20, second]
    rows += [[114377001, "Ghana", *ALL.values()], [114377245, "Peru", *OTHER.values()]]
    result = read("export.xlsx", xlsx({"Sheet": rows}))
    assert {key[0] for key in by_assessment(result)} == {"Ghana", "Peru"}
    # A Country column holding only numbers: said once, never a country.
    rows = [["Country", "Year", "Capability", "Level"]]
    rows += [[114377001, 2024, n, level] for n, level in ALL.items()]
    result = read("ids.xlsx", xlsx({"Sheet": rows}))
    assert not any(str(key[0]).isdigit() for key in by_assessment(result))
    assert_problem(result, "error", "A2", "“114377001” in A2 is a number, not a country's name")
    assert len([p for p in result.problems if "is a number" in p.message]) == 1


def test_a_country_label_holding_a_number_is_not_replaced_by_the_file_name():
    rows = [["Country", 404], [], ["Capability", "Level"], *[[TITLES[n], ALL[n]] for n in TITLES]]
    result = read("Kenya.xlsx", xlsx({"Sheet1": rows}))
    assert by_assessment(result) == {}
    assert_problem(result, "error", "B1", "is a number, not a country's name")
    assert_problem(result, "error", "B1", "No country is given")


@pytest.mark.parametrize(
    "name",
    [
        "Jordan MNR 2024 final v3.xlsx",
        "Jordan MNR 2024 v2.xlsx",
        "Jordan 2024 V2.1.xlsx",
        "Jordan 2024 (1).xlsx",
        "Jordan 2024 - copy.xlsx",
        "Jordan 2024 rev2.xlsx",
    ],
)
def test_a_file_names_version_mark_does_not_hide_its_country(name):
    rows = [["No.", "Capability", "Level"], *[[n, TITLES[n], ALL[n]] for n in TITLES]]
    result = read(name, xlsx({"Sheet1": rows}))
    assert by_assessment(result) == {("Jordan", 2024, None): ALL}
    assert_problem(result, "warning", None, "The country “Jordan” was taken from the file name")


@pytest.mark.parametrize("separator", [" ", " – ", " - ", ", "])
def test_a_column_of_country_and_year_together_gives_both(separator):
    rows = [["Assessment", "Capability", "Level"]]
    rows += _rows(f"Ghana{separator}2022", ALL) + _rows(f"Ghana{separator}2024", OTHER)
    result = read("x.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {("Ghana", 2022, None): ALL, ("Ghana", 2024, None): OTHER}
    assert_problem(result, "warning", "A1", "holds each row's country and year together")


def test_country_and_year_together_for_unknown_names_is_refused_with_what_to_do():
    rows = [["Assessment", "Capability", "Level"]]
    rows += _rows("Elbonia 2022", ALL) + _rows("Elbonia 2024", OTHER)
    result = read("x.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {}
    assert_problem(result, "error", "A1", "seems to hold both together (such as “Elbonia 2022”)")
    assert not any("appears a second time" in p.message for p in result.problems)


def test_notes_that_end_in_a_year_are_not_a_country_column():
    rows = [["Country", "Elbonia"], ["Year", 2024], [], ["Capability", "Level", "Remarks"]]
    rows += [[TITLES[n], ALL[n], f"Law passed {2000 + n}"] for n in TITLES]
    result = read("x.xlsx", xlsx({"Sheet1": rows}))
    assert by_assessment(result) == {("Elbonia", 2024, None): ALL}


def test_footnote_marks_are_left_out_of_country_headers_and_footnotes_are_no_capability():
    rows = [["MNR 2023"], [], ["Capability", "Kenya*", "Uganda¹", "Tanzania (draft)"]]
    rows += [[TITLES[n], ALL[n], OTHER[n], ALL[n]] for n in TITLES]
    rows += [[], ["* validated by the national committee"], ["¹ self-assessment, not validated"]]
    result = read("x.xlsx", xlsx({"2023": rows}))
    assert by_assessment(result) == {
        ("Kenya", 2023, None): ALL,
        ("Uganda", 2023, None): OTHER,
        ("Tanzania", 2023, "draft"): ALL,
    }
    assert not errors(result)
    assert_problem(result, "warning", "B3", "the footnote mark “*” was left out")
    assert_problem(result, "warning", "C3", "the country is “Uganda”")
    assert_problem(result, "warning", "D3", "“draft” was taken as the round")


def test_footnote_marks_in_a_country_column():
    rows = [["Country", "Year", "Capability", "Level"]]
    rows += [["Kenya*", 2023, TITLES[n], ALL[n]] for n in TITLES]
    result = read("x.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {("Kenya", 2023, None): ALL}
    assert_problem(result, "warning", "A2", "the footnote mark “*” was left out")


@pytest.mark.parametrize(("tab", "country"), [("KEN", "Kenya"), ("UGA", "Uganda")])
def test_a_sheet_named_with_an_iso3_code_names_its_country(tab, country):
    rows = [["MNR self-assessment 2024"], [], ["No.", "Capability", "Level"]]
    rows += [[n, TITLES[n], ALL[n]] for n in TITLES]
    result = read("x.xlsx", xlsx({tab: rows}))
    assert by_assessment(result) == {(country, 2024, None): ALL}
    assert_problem(result, "warning", None, f"The country “{country}” (ISO code “{tab}”)")


def test_a_date_per_capability_is_not_an_assessment_each():
    """A form's "Date" column with the day each capability was reviewed: no assessment per
    date; the column is said to be left, and the year comes from the labels."""
    rows = [["Country", "Kenya"], ["Year", 2024], [], ["Capability", "Date", "Level"]]
    rows += [[TITLES[n], f"2024-01-{n:02d}", ALL[n]] for n in TITLES]
    result = read("x.xlsx", xlsx({"Sheet1": rows}))
    assert by_assessment(result) == {("Kenya", 2024, None): ALL}
    assert_problem(result, "warning", "B4", "holds a different value on most rows")


def test_a_year_merged_down_its_rows_is_each_rows_year():
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Nepal"
    sheet.append(["Year", "Capability", "Level"])
    for year, levels in ((2022, ALL), (2024, OTHER)):
        for n, title in TITLES.items():
            sheet.append([year if n == 1 else None, title, levels[n]])
    sheet.merge_cells("A2:A22")
    sheet.merge_cells("A23:A43")
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = read("x.xlsx", buffer.getvalue())
    assert by_assessment(result) == {("Nepal", 2022, None): ALL, ("Nepal", 2024, None): OTHER}


@pytest.mark.parametrize(
    ("name", "year"),
    [("MNR_upload.xlsx", None), ("Ministry return 2023.xlsx", 2023), ("s.xlsx", None)],
)
def test_a_file_names_leftover_word_is_never_a_country(name, year):
    rows = [["No.", "Capability", "Level"], *[[n, TITLES[n], ALL[n]] for n in TITLES]]
    result = read(name, xlsx({"Sheet1": rows}))
    assert by_assessment(result) == {}
    of_year = f" of {year}" if year else ""
    assert_problem(
        result, "error", None, f"No country is given on sheet “Sheet1”, so its assessment{of_year}"
    )
    assert not [p for p in result.problems if p.message.startswith("The country")]


@pytest.mark.parametrize("header", ["Start date", "Year", "Round", "Date"])
def test_an_empty_year_or_date_column_leaves_the_year_to_the_title(header):
    # A planner's export: a task's "Start date" never filled in says no row's year.
    rows = [["Plan name", "MNR Kenya 2024"], [], ["Task Name", "Level", header]]
    rows += [[TITLES[n], ALL[n], None] for n in TITLES]
    result = read("tasks.xlsx", xlsx({"Tasks": rows}))
    assert by_assessment(result) == {("Kenya", 2024, None): ALL}
    assert_problem(result, "warning", "A1", "The year 2024 was taken from the title")
