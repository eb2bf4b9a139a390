"""A survey tool's marks on a response (components/ingest/form_status.py): a preview or test
and a response its reviewer rejected are left out, said; an unfinished one is read as given,
with a warning naming what it answered."""

from __future__ import annotations

import json

import pytest

from tests.ingest.reader_support import (
    ARVENIA_2021,
    BELMORA_2023,
    LABELS,
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    errors,
    read,
    xlsx,
)

ALL = range(1, 22)
ARVENIA = ("Arvenia", 2021, None)
BELMORA = ("Belmora", 2023, None)


def export(columns: list[str], fine: list[object], marked: list[object]) -> list[list[object]]:
    """A form export: the tool's columns, the country, a grid question per capability; Arvenia's
    response with the tool's ``fine`` values, Belmora's with the ``marked`` ones."""
    head = [*columns, "Country", *(f"Rate each capability [{TITLES[n]}]" for n in ALL)]
    rows = [head]
    for values, name, year, given in [
        (fine, "Arvenia", 2021, ARVENIA_2021),
        (marked, "Belmora", 2023, BELMORA_2023),
    ]:
        answers = [LABELS[given[n]] if n in given else None for n in ALL]
        rows.append([*values, name, *answers])
        rows[-1].insert(0, f"{year}-05-02 10:00:00")
    rows[0].insert(0, "Timestamp")
    return rows


def _read(rows: list[list[object]], make: str):
    if make == "csv":
        return read("responses.csv", csv_bytes(rows))
    return read("responses.xlsx", xlsx({"Responses": rows}))


@pytest.mark.parametrize("make", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("columns", "fine", "marked", "cell", "words"),
    [
        # Qualtrics: the designer's preview, a generated test, spam; in a numeric export too.
        (["Status"], ["IP Address"], ["Survey Preview"], "B3", "a preview or test of the form"),
        (["Status"], ["Imported"], ["Survey Test"], "B3", "a preview or test of the form"),
        (["ResponseId", "Status"], ["R_1", 0], ["R_2", 1], "C3", "a preview or test"),
        (["Status"], ["IP Address"], ["Spam"], "B3", "marked as not valid"),
        # KoboToolbox's validation, as its uid or its label; ODK Central's review.
        (
            ["_validation_status"],
            ["validation_status_approved"],
            ["validation_status_not_approved"],
            "B3",
            "marked as not valid",
        ),
        (["_validation_status"], ["Approved"], ["On Hold"], "B3", "marked as not valid"),
        (["ReviewState"], ["approved"], ["rejected"], "B3", "marked as not valid"),
        # Alchemer.
        (["Status"], ["Complete"], ["Disqualified"], "B3", "marked as not valid"),
    ],
)
def test_a_preview_or_a_rejected_response_is_left_out_and_said(
    columns, fine, marked, cell, words, make
):
    result = _read(export(columns, fine, marked), make)
    assert by_assessment(result) == {ARVENIA: ARVENIA_2021}
    assert_problem(result, "warning", cell, words)
    assert_problem(result, "warning", cell, "“Belmora”")
    assert errors(result) == []
    assert not [p for p in result.problems if "not a capability or a known column" in p.message]


@pytest.mark.parametrize("make", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("columns", "fine", "marked", "cell", "words"),
    [
        # Qualtrics: Finished as True/False or 1/0, and Progress.
        (["Progress", "Finished"], [100, "True"], [43, "False"], "C3", "was not finished"),
        (["Finished"], [1], [0], "B3", "was not finished"),
        (["Progress"], [100], [60], "B3", "was not finished"),
        # Typeform and Alchemer.
        (["Response Type"], ["completed"], ["partial"], "B3", "was not finished"),
        (["Status"], ["Complete"], ["Partial"], "B3", "was not finished"),
        # ODK Central: the reviewer's doubt, not a rejection.
        (["ReviewState"], ["approved"], ["hasIssues"], "B3", "as having issues"),
    ],
)
def test_an_unfinished_response_is_read_as_given_with_a_warning(
    columns, fine, marked, cell, words, make
):
    result = _read(export(columns, fine, marked), make)
    assert by_assessment(result) == {ARVENIA: ARVENIA_2021, BELMORA: BELMORA_2023}
    assert_problem(result, "warning", cell, words)
    assert_problem(result, "warning", cell, "capabilities 1, 3, 8 answered")
    assert errors(result) == []
    assert not [p for p in result.problems if "“Arvenia”" in p.message]


def test_a_finished_column_of_booleans_in_a_workbook_is_read():
    result = _read(export(["Finished"], [True], [False]), "xlsx")
    assert by_assessment(result) == {ARVENIA: ARVENIA_2021, BELMORA: BELMORA_2023}
    assert_problem(result, "warning", "B3", "was not finished")


@pytest.mark.parametrize(
    ("columns", "fine", "marked"),
    [
        (["Status"], ["Draft"], ["Final"]),  # a status the tools do not write: left alone
        (["Status"], [0], [1]),  # a number is Qualtrics' code only beside its ResponseId
        (["Progress"], [100], ["n/a"]),
    ],
)
def test_a_status_the_reader_does_not_know_is_left_alone(columns, fine, marked):
    result = _read(export(columns, fine, marked), "csv")
    assert by_assessment(result) == {ARVENIA: ARVENIA_2021, BELMORA: BELMORA_2023}
    assert not [p for p in result.problems if "survey tool" in p.message]


def test_a_qualtrics_export_drops_its_preview_without_a_word_per_tool_column():
    ids = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)"]
    ids += ["Finished", "RecordedDate", "ResponseId", "UserLanguage", "Q1"]
    ids += [f"Q2_{n}" for n in ALL]
    text = ["Start Date", "End Date", "Response Type", "IP Address", "Progress"]
    text += ["Duration (in seconds)", "Finished", "Recorded Date", "Response ID", "User Language"]
    text += ["Which country are you reporting for?"]
    text += [f"Please rate each capability - {TITLES[n]}" for n in ALL]
    imports = [json.dumps({"ImportId": i}) for i in ids]
    rows = [ids, text, imports]
    for status, name, date, given in [
        ("Survey Preview", "Arvenia", "2021-03-01", dict.fromkeys(ALL, 4)),
        ("IP Address", "Arvenia", "2021-03-15", ARVENIA_2021),
        ("IP Address", "Belmora", "2023-03-16", BELMORA_2023),
    ]:
        rows.append(
            [f"{date} 09:00:00", f"{date} 09:40:00", status, "", 100, 2400, "True"]
            + [f"{date} 09:40:01", f"R_{name}{date}", "EN", name]
            + [LABELS[given[n]] if n in given else None for n in ALL]
        )
    result = read("qualtrics.csv", csv_bytes(rows))
    assert by_assessment(result) == {ARVENIA: ARVENIA_2021, BELMORA: BELMORA_2023}
    assert_problem(result, "warning", "C4", "“Survey Preview”")
    assert [p.severity for p in result.problems] == ["warning"]
