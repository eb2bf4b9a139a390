"""An online form's responses (components/ingest/form_responses.py): each row one response,
never given another's country, dated from its other date column, and never merged with
another response of the same country and date."""

from __future__ import annotations

import datetime
from io import BytesIO

import pandas as pd
import pytest
from openpyxl import load_workbook

from components.ingest.report import find_duplicate_assessments
from tests.ingest.reader_support import (
    LABELS,
    TITLES,
    assert_problem,
    csv_bytes,
    errors,
    read,
    xlsx,
)

ALL = range(1, 22)
FIRST = {n: n % 5 for n in ALL}
SECOND = {n: (n + 2) % 5 for n in ALL}
THIRD = {n: (n + 4) % 5 for n in ALL}


def question(number: int) -> str:
    return f"How would you rate the country's capability {number}: {TITLES[number]}?"


def assessments(result) -> list[tuple[str, object, object, dict[int, int]]]:
    """Each assessment read, in order: (country, year, date, levels given), one per id."""
    found = []
    for _, rows in result.capabilities.groupby("assessment_id", sort=False):
        first = rows.iloc[0]
        given = {int(r.capability): int(r.level) for r in rows.itertuples() if not pd.isna(r.level)}
        year = None if pd.isna(first["year"]) else int(first["year"])
        date = None if pd.isna(first["date"]) else str(first["date"])
        found.append((first["country"], year, date, given))
    return found


def ms_forms(responses: list[tuple[object, object, str, object, dict[int, int]]]) -> bytes:
    """A Microsoft Forms export: (start, completion, email, country, levels) per response."""
    rows: list[list[object]] = [
        ["ID", "Start time", "Completion time", "Email", "Name", "Country"]
        + [question(n) for n in ALL]
    ]
    for number, (start, done, email, country, given) in enumerate(responses, 1):
        rows.append(
            [number, start, done, email, email.split("@")[0], country]
            + [f"{given[n]} - {LABELS[given[n]]}" for n in ALL]
        )
    return xlsx({"Sheet1": rows})


def google_csv(
    responses: list[tuple[str, str, object, dict[int, int]]], *, when="Timestamp", who="Email"
) -> bytes:
    """A Google Forms CSV: (timestamp, email, country, levels) per response."""
    rows: list[list[object]] = [
        [when, who, "Country"] + [f"Rate each capability [{TITLES[n]}]" for n in ALL]
    ]
    for stamp, email, country, given in responses:
        rows.append([stamp, email, country] + [LABELS[given[n]] for n in ALL])
    return csv_bytes(rows)


def day(d: int, hour: int = 9, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2024, 3, d, hour, minute)


# --- B1: a response whose country question was not answered --------------------------------


@pytest.mark.parametrize("blank", [None, ""])
def test_a_response_without_a_country_is_refused_not_given_the_one_above(blank):
    data = ms_forms(
        [
            (day(15), day(15, 9, 30), "a@gov.ke", "Kenya", FIRST),
            (day(16), day(16, 9, 30), "b@gov.ug", blank, SECOND),
            (day(17), day(17, 9, 30), "c@gov.tz", "Tanzania", THIRD),
        ]
    )
    result = read("forms.xlsx", data)
    assert [(c, y, g) for c, y, _, g in assessments(result)] == [
        ("Kenya", 2024, FIRST),
        ("Tanzania", 2024, THIRD),
    ]
    assert_problem(result, "error", "F3", "response in row 3 does not answer the country")
    assert [p.cell for p in errors(result)] == ["F3"]
    assert not any("country above" in p.message for p in result.problems)


@pytest.mark.parametrize(
    ("country_header", "words"),
    [("Country", "“Country”"), ("Pays concerné", "“Pays concerné”"), ("País", "“País”")],
)
def test_a_blank_country_in_a_google_csv_is_refused_in_any_language(country_header, words):
    rows = [
        ["Timestamp", country_header] + [f"Rate each capability [{TITLES[n]}]" for n in ALL],
        ["2024-03-15 10:00:00", "Kenya"] + [LABELS[FIRST[n]] for n in ALL],
        ["2024-03-16 10:00:00", None] + [LABELS[SECOND[n]] for n in ALL],
    ]
    result = read("google.csv", csv_bytes(rows))
    assert [(c, g) for c, _, _, g in assessments(result)] == [("Kenya", FIRST)]
    assert_problem(result, "error", "B3", words)


def test_a_country_merged_down_in_a_form_export_still_belongs_to_each_row():
    data = ms_forms(
        [
            (day(15), day(15, 9, 30), "a@gov.ke", "Kenya", FIRST),
            (day(16), day(16, 9, 30), "b@gov.ke", None, SECOND),
        ]
    )
    workbook = load_workbook(BytesIO(data))
    workbook["Sheet1"].merge_cells("F2:F3")
    buffer = BytesIO()
    workbook.save(buffer)
    result = read("merged.xlsx", buffer.getvalue())
    assert [(c, g) for c, _, _, g in assessments(result)] == [("Kenya", FIRST), ("Kenya", SECOND)]
    assert errors(result) == []


# --- B2: several responses for one country ---------------------------------------------------


@pytest.mark.parametrize(
    "days",
    [
        [(15, 9), (15, 10), (15, 11)],  # three officials the same day
        [(15, 9), (16, 9), (17, 9)],  # the same, a day apart
    ],
)
def test_responses_of_one_country_are_each_an_assessment_with_one_warning(days):
    data = ms_forms(
        [
            (day(d, h), day(d, h, 30), f"{who}@gov.ke", "Kenya", given)
            for (d, h), who, given in zip(days, "abc", (FIRST, SECOND, THIRD), strict=True)
        ]
    )
    result = read("forms.xlsx", data)
    found = assessments(result)
    assert [(c, y, g) for c, y, _, g in found] == [
        ("Kenya", 2024, FIRST),
        ("Kenya", 2024, SECOND),
        ("Kenya", 2024, THIRD),
    ]
    assert errors(result) == []
    shared = [p for p in result.problems if "3 responses assess Kenya 2024" in p.message]
    assert len(shared) == 1
    assert "rows 2, 3 and 4" in shared[0].message
    assert "none was merged" in shared[0].message
    assert shared[0].severity == "warning"
    assert shared[0].fix
    same_day = "same date are shown as duplicates" in shared[0].message
    assert same_day == (days[0][0] == days[1][0])
    assert not any("appears" in p.message for p in result.problems)


def test_two_responses_that_agree_are_still_two_assessments():
    data = ms_forms(
        [
            (day(15), day(15, 9, 30), "a@gov.ke", "Kenya", FIRST),
            (day(15, 10), day(15, 10, 30), "b@gov.ke", "Kenya", FIRST),
        ]
    )
    result = read("forms.xlsx", data)
    assert len(assessments(result)) == 2
    assert len(set(result.capabilities["assessment_id"])) == 2
    assert_problem(result, "warning", None, "2 responses assess Kenya 2024")


@pytest.mark.parametrize(
    ("who", "first", "second"),
    [
        ("Email address", "focal@gov.ke", "Focal@gov.ke "),
        ("Adresse e-mail", "point.focal@gouv.sn", "point.focal@gouv.sn"),
        ("Nombre", "Ana Pérez", "Ana Pérez"),
    ],
)
def test_a_resubmission_by_the_same_person_is_read_in_place_of_the_first(who, first, second):
    corrected = {**FIRST, 4: 1, 9: 3}
    data = google_csv(
        [
            ("2024-03-15 10:01:07", first, "Kenya", FIRST),
            ("2024-03-15 10:13:52", second, "Kenya", corrected),
        ],
        who=who,
    )
    result = read("google.csv", data)
    assert [g for *_, g in assessments(result)] == [corrected]  # (``resubmitted``)
    assert_problem(result, "warning", None, "Rows 2 and 3 assess Kenya 2024 and were sent by")
    assert_problem(result, "warning", None, "the later response (row 3, sent 2024-03-15) was read")


def test_responses_of_different_people_are_not_called_a_resubmission():
    data = google_csv(
        [
            ("2024-03-15 10:01:07", "a@gov.ke", "Kenya", FIRST),
            ("2024-03-15 10:13:52", "b@gov.ke", "Kenya", SECOND),
        ]
    )
    result = read("google.csv", data)
    assert_problem(result, "warning", None, "2 responses assess Kenya 2024")
    assert not any("same person" in p.message for p in result.problems)


def test_responses_of_different_countries_or_years_need_no_warning():
    data = google_csv(
        [
            ("2023-03-15 10:00:00", "a@gov.ke", "Kenya", FIRST),
            ("2024-03-15 10:00:00", "a@gov.ke", "Kenya", SECOND),
            ("2024-03-15 11:00:00", "b@gov.ug", "Uganda", THIRD),
        ]
    )
    result = read("google.csv", data)
    assert len(assessments(result)) == 3
    assert not any("responses assess" in p.message for p in result.problems)


# --- A3: a response with no date -------------------------------------------------------------


def limesurvey(submitted: object, started: object, last: object) -> bytes:
    head = ["Response ID", "Date submitted", "Last page", "Date started", "Date last action"]
    rows: list[list[object]] = [
        head + ["Country"] + [f"Rate each capability [{TITLES[n]}]" for n in ALL],
        [1, "2024-03-15 10:30:00", 3, "2024-03-15 10:00:00", "2024-03-15 10:30:00", "Kenya"]
        + [LABELS[FIRST[n]] for n in ALL],
        [2, submitted, 1, started, last, "Nepal"]
        + [LABELS[SECOND[n]] if n <= 3 else None for n in ALL],
    ]
    return xlsx({"results-survey845123": rows})


@pytest.mark.parametrize(
    ("started", "last", "taken", "cell"),
    [
        ("2023-12-30 10:00:00", "2024-01-02 10:05:00", "“Date started”", "D3"),
        (None, "2024-01-02 10:05:00", "“Date last action”", "E3"),
        (datetime.datetime(2023, 12, 30, 10), None, "“Date started”", "D3"),
    ],
)
def test_a_response_without_a_submission_date_takes_its_other_date(started, last, taken, cell):
    result = read("limesurvey.xlsx", limesurvey(None, started, last))
    found = {c: y for c, y, _, _ in assessments(result)}
    assert found["Nepal"] == (2023 if started else 2024)
    assert found["Kenya"] == 2024
    assert_problem(result, "warning", "B3", f"its date was taken from {taken} ({cell}")


def test_a_response_with_no_date_at_all_is_said_for_its_row():
    data = ms_forms(
        [
            (day(15), day(15, 9, 30), "a@gov.ke", "Kenya", FIRST),
            (None, None, "facilitator@gov.ke", "Kenya", THIRD),  # the consensus, typed in
        ]
    )
    result = read("forms.xlsx", data)
    assert sorted((y or 0, g == THIRD) for _, y, _, g in assessments(result)) == [
        (0, True),
        (2024, False),
    ]
    assert_problem(result, "warning", "B3", "No date or year is given for the response in row 3")


def test_a_form_with_no_dates_on_any_row_is_said_once_for_the_sheet():
    data = ms_forms(
        [
            (None, None, "a@gov.ke", "Kenya", FIRST),
            (None, None, "b@gov.ug", "Uganda", SECOND),
        ]
    )
    result = read("forms.xlsx", data)
    assert not any("for the response in row" in p.message for p in result.problems)


def test_responses_of_the_same_date_are_offered_as_duplicates_to_choose_from():
    data = google_csv(
        [
            ("2024-03-15 10:01:07", "a@gov.ke", "Kenya", FIRST),
            ("2024-03-15 10:13:52", "b@gov.ke", "Kenya", SECOND),
            ("2024-03-16 10:00:00", "c@gov.ke", "Kenya", THIRD),
        ]
    )
    result = read("google.csv", data)
    groups = find_duplicate_assessments(result.capabilities)
    assert len(groups) == 2
    assert groups["duplicate_group"].nunique() == 1
    assert set(groups["assessed"]) == {21}
