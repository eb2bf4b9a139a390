"""When written as a month or a part of a year, and country names with marks or numbers.

A month and a year ("Mar-22", "mars 2022") or a quarter ("Q1 2024") is when, never a country;
footnote marks and a status in brackets are not part of a country's name; a number is no name.
"""

from __future__ import annotations

import pytest

from components.ingest.countries import is_number_only, without_marks
from components.ingest.periods import find_period, whole_period
from components.ingest.values import parse_when, split_assessment_header


@pytest.mark.parametrize(
    ("text", "year", "round_label"),
    [
        ("Mar-22", 2022, None),  # Excel's mmm-yy, as a csv keeps it
        ("Nov-23", 2023, None),
        ("March 2022", 2022, None),
        ("Sept. 2021", 2021, None),
        ("03/2022", 2022, None),
        ("mars 2022", 2022, None),
        ("févr. 2023", 2023, None),
        ("marzo de 2022", 2022, None),
        ("março 2022", 2022, None),
        ("Dezembro 2024", 2024, None),
        ("Q1 2024", 2024, "Q1"),
        ("2024-Q3", 2024, "Q3"),
        ("q2/2023", 2023, "Q2"),
        ("T1 2024", 2024, "T1"),  # trimestre (French, Spanish, Portuguese)
        ("1er trimestre 2024", 2024, "Q1"),
        ("3rd quarter 2022", 2022, "Q3"),
        ("H2 2023", 2023, "H2"),
        ("S1 2023", 2023, "S1"),  # semestre
    ],
)
def test_a_month_or_a_quarter_is_a_year_and_maybe_a_round(text, year, round_label):
    period = whole_period(text)
    assert period is not None
    assert (period.year, period.round) == (year, round_label)


@pytest.mark.parametrize(
    "text",
    [
        "Mali 2022",  # a country and a year
        "Marshall Islands",
        "22-Mar",  # a day and a month: no year
        "03/22",  # a month or a day: not said
        "2023-05-01",
        "Q5 2024",  # no fifth quarter
        "H3 2024",
        "Round 2 2024",
        "MNR 2024",
    ],
)
def test_other_text_is_no_month_or_quarter(text):
    assert whole_period(text) is None


@pytest.mark.parametrize(
    ("header", "country", "when", "round_label"),
    [
        ("Mar-22", None, "Mar-22", None),
        ("March 2022", None, "March 2022", None),
        ("mars 2022", None, "mars 2022", None),
        ("03/2022", None, "03/2022", None),
        ("Peru Mar-22", "Peru", "Mar-22", None),
        ("Peru – March 2022", "Peru", "March 2022", None),
        ("Q1 2024", None, "Q1 2024", "Q1"),
        ("Uganda 2024-Q3", "Uganda", "2024-Q3", "Q3"),
        ("Kenya*", "Kenya", None, None),
        ("Uganda¹", "Uganda", None, None),  # not "Uganda1"
        ("Ghana 2023†", "Ghana", "2023", None),
        ("Tanzania (draft)", "Tanzania", None, "draft"),
        ("Tanzania (draft) 2023", "Tanzania", "2023", "draft"),
        ("Kenya 2023 baseline", "Kenya", "2023", "baseline"),
        ("Bolivia (Plurinational State of)", "Bolivia (Plurinational State of)", None, None),
    ],
)
def test_a_wide_tables_header(header, country, when, round_label):
    assert split_assessment_header(header) == (country, when, round_label)


@pytest.mark.parametrize(
    ("value", "year", "round_label", "note"),
    [
        ("Mar-22", 2022, None, "is a month, read as the year 2022"),
        ("Q1 2024", 2024, "Q1", "read as that year and Q1"),
        ("2024-Q3", 2024, "Q3", "read as that year and Q3"),
        # a month with four digits: read as any text holding one year, as before
        ("May 2023", 2023, None, "but holds the year 2023"),
    ],
)
def test_parse_when_reads_a_month_or_a_quarter_with_a_note(value, year, round_label, note):
    when = parse_when(value)
    assert (when.year, when.round) == (year, round_label)
    assert note in when.note


def test_find_period_finds_one_inside_a_text():
    period = find_period("Peru MNR tracking – Nov-23")
    assert period is not None
    assert (period.year, period.text) == (2023, "Nov-23")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya*", ("Kenya", "*", "")),
        ("Uganda¹", ("Uganda", "¹", "")),
        ("Ghana† (provisional)", ("Ghana", "†", "provisional")),
        ("Sénégal (brouillon)", ("Sénégal", "", "brouillon")),
        ("Perú (borrador)", ("Perú", "", "borrador")),
        ("Bolivia (Plurinational State of)", ("Bolivia (Plurinational State of)", "", "")),
        ("Côte d'Ivoire", ("Côte d'Ivoire", "", "")),
        ("* validated by the committee", ("* validated by the committee", "", "")),
        # marks inside a name or a sentence stay as typed: only those after the name go
        ("**Bold** name", ("**Bold** name", "", "")),
        ("Kenya* 2023", ("Kenya 2023", "*", "")),
        ("Tanzania (draft)*", ("Tanzania", "*", "draft")),
    ],
)
def test_footnote_marks_and_a_status_are_not_part_of_a_name(text, expected):
    assert without_marks(text) == expected


@pytest.mark.parametrize(
    ("text", "number"),
    [("114377001", True), ("12-3", True), ("404", True), ("Kenya", False), ("", False)],
)
def test_a_number_is_no_name(text, number):
    assert is_number_only(text) is number
