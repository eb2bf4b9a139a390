"""Online-form exports (components/ingest/forms.py): Google Forms, Microsoft Forms,
SurveyMonkey and Qualtrics, one row per response, read as one assessment per response."""

from __future__ import annotations

import datetime

import pytest

from tests.ingest.reader_support import (
    ASSESSMENTS,
    EXPECTED,
    FW,
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


def answer(given: dict[int, int], number: int, style: str) -> object:
    level = given.get(number)
    if level is None:
        return None
    return {
        "label": LABELS[level],
        "number - label": f"{level} - {LABELS[level]}",
        "label – descriptor": f"{LABELS[level]} – {FW.scale.level(level).descriptor}",
    }[style]


def google_grid(question: str, country: str, style: str = "label") -> list[list[object]]:
    rows: list[list[object]] = [["Timestamp", country, *(f"{question} [{TITLES[n]}]" for n in ALL)]]
    for name, year, given in ASSESSMENTS:
        rows.append([f"{year}-05-02 10:00:00", name, *(answer(given, n, style) for n in ALL)])
    return rows


@pytest.mark.parametrize(
    ("question", "country"),
    [
        ("Rate each capability", "Country"),
        ("Évaluez chaque capacité", "Pays concerné"),
        ("Califique cada capacidad", "¿Qué país evalúa?"),
        ("Avalie cada capacidade", "Qual país?"),
    ],
)
def test_a_google_forms_grid_names_the_capability_in_brackets(question, country):
    result = read("grid.csv", csv_bytes(google_grid(question, country)))
    assert by_assessment(result) == EXPECTED
    assert errors(result) == []


def test_a_grid_row_label_with_the_capability_number_is_read():
    rows = google_grid("Rate each capability", "Country")
    rows[0] = ["Timestamp", "Country", *(f"Rate [{n}. {TITLES[n]}]" for n in ALL)]
    assert by_assessment(read("grid.xlsx", xlsx({"Form responses 1": rows}))) == EXPECTED


@pytest.mark.parametrize(
    "header",
    [
        # Microsoft Forms' Likert: the question, its full stop, then the statement after ".".
        "Rate the current level of each capability in your country..{}",
        "Rate each capability. {}",
        # Qualtrics' legacy export: the question text, then "-" and the statement.
        "Please rate the current level of each capability in your country.-{}",
    ],
)
@pytest.mark.parametrize("make", ["csv", "xlsx"])
def test_a_matrix_statement_after_the_question_s_full_stop_names_the_capability(header, make):
    rows = google_grid("Rate", "Country")
    rows[0] = ["Timestamp", "Country", *(header.format(TITLES[n]) for n in ALL)]
    data = csv_bytes(rows) if make == "csv" else xlsx({"Sheet1": rows})
    result = read(f"likert.{make}", data)
    assert by_assessment(result) == EXPECTED
    assert errors(result) == []


def test_a_qualtrics_legacy_export_reads_its_second_row_of_question_texts():
    """V1…V10 and Q-codes over a row of ResponseID, Status, Finished and the questions."""
    tool = ["ResponseID", "ResponseSet", "Name", "IPAddress", "Status", "StartDate", "Finished"]
    codes = [f"V{n}" for n in range(1, 8)] + ["Q1"] + [f"Q2_{n}" for n in ALL]
    texts = [*tool, "Which country are you reporting for?"]
    texts += [f"Please rate each capability in your country.-{TITLES[n]}" for n in ALL]
    rows: list[list[object]] = [codes, texts]
    for i, (name, year, given) in enumerate(ASSESSMENTS):
        ids = [f"R_{i}", "Default Response Set", "Anonymous", "10.0.0.1", 0]
        answers = [answer(given, n, "label") for n in ALL]
        rows.append([*ids, f"{year}-05-02 10:00:00", 1, name, *answers])
    result = read("legacy.csv", csv_bytes(rows))
    assert by_assessment(result) == EXPECTED
    assert not any("Finished" in p.message for p in result.problems)


@pytest.mark.parametrize(
    "country_question",
    [
        "Which country are you reporting for?",
        "Country of assessment",
        "Country you are reporting for",
        "Pour quel pays répondez-vous ?",
    ],
)
def test_a_microsoft_forms_export_with_a_country_question(country_question):
    heads = ["ID", "Start time", "Completion time", "Email", "Name", country_question]
    heads += [f"{n}. {TITLES[n]} – what is the current level?" for n in ALL]
    rows: list[list[object]] = [heads]
    for index, (name, year, given) in enumerate(ASSESSMENTS, 1):
        when = datetime.datetime(year, 3, index, 9, 30)
        rows.append(
            [index, when, when, "anonymous", None, name]
            + [answer(given, n, "label – descriptor") for n in ALL]
        )
    result = read("forms.xlsx", xlsx({"Sheet1": rows}))
    assert by_assessment(result) == EXPECTED
    assert result.problems == ()


def test_a_surveymonkey_export_reads_the_country_question_and_the_second_header_row():
    first = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address"]
    first += ["Which country does this assessment cover?", "Rate each capability (0 to 4)"]
    first += [None] * 20
    second = [None] * 5 + ["Response", *(TITLES[n] for n in ALL)]
    rows: list[list[object]] = [first, second]
    for index, (name, year, given) in enumerate(ASSESSMENTS):
        when = datetime.datetime(year, 6, 1, 10)
        rows.append(
            [114377001 + index, 431002, when, when, "196.1.2.3", name]
            + [answer(given, n, "number - label") for n in ALL]
        )
    result = read("monkey.xlsx", xlsx({"Sheet": rows}))
    assert by_assessment(result) == EXPECTED
    assert result.problems == ()


def qualtrics_rows(texts: bool = True) -> list[list[object]]:
    ids = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "ResponseId", "Q1"]
    ids += [f"Q2_{n}" for n in ALL]
    text = ["Start Date", "End Date", "Response Type", "IP Address", "Progress", "Response ID"]
    text += ["Country", *(f"Rate each capability - {TITLES[n]}" for n in ALL)]
    imports = [f'{{"ImportId":"{v}"}}' for v in ids]
    rows: list[list[object]] = [ids, text if texts else ids, imports]
    for name, year, given in ASSESSMENTS:
        stamp = f"{year}-02-11 08:01:02"
        rows.append(
            [stamp, stamp, "IP Address", "10.0.0.1", 100, "R_1abc", name]
            + [answer(given, n, "label") for n in ALL]
        )
    return rows


def test_a_qualtrics_export_reads_the_question_text_row_and_skips_the_import_ids():
    result = read("qualtrics.csv", csv_bytes(qualtrics_rows()))
    assert by_assessment(result) == EXPECTED
    assert result.problems == ()


def test_a_qualtrics_export_with_only_column_ids_does_not_blame_the_status_column():
    result = read("qualtrics.csv", csv_bytes(qualtrics_rows(texts=False)))
    assert by_assessment(result) == {}
    assert_problem(result, "error", None, "no header row above names the capabilities")
    assert not any("Level column" in p.message for p in result.problems)


def test_a_form_without_a_country_question_is_refused_and_ids_are_never_countries():
    rows = google_grid("Rate each capability", "Country")
    rows[0][1] = "Respondent ID"
    for index, row in enumerate(rows[1:]):
        row[1] = 1000 + index
    result = read("grid.csv", csv_bytes(rows))
    assert by_assessment(result) == {}
    assert_problem(result, "error", None, "no question asks for the country")


def test_a_capability_asked_twice_is_read_from_the_column_of_levels():
    rows = google_grid("Rate each capability", "Country")
    rows[0].append(f"Comments [{TITLES[1]}]")
    for row in rows[1:]:
        row.append("A strategy was adopted")
    result = read("grid.csv", csv_bytes(rows))
    assert by_assessment(result) == EXPECTED
    assert_problem(result, "warning", "X1", "asks about capability 1 (Leadership) again")


def test_microsoft_quiz_points_and_feedback_columns_are_left_quietly():
    heads = ["ID", "Completion time", "Email", "Total points", "Quiz feedback", "Country"]
    row_heads = []
    for n in ALL:
        q = f"{n}. {TITLES[n]}"
        row_heads += [q, f"Points - {q}", f"Feedback - {q}"]
    rows: list[list[object]] = [heads + row_heads]
    for index, (name, _, given) in enumerate(ASSESSMENTS[1:], 1):
        cells: list[object] = [index, datetime.datetime(2023, 5, index), "anonymous", 0, None]
        cells.append(name)
        for n in ALL:
            cells += [given.get(n), 0 if n in given else None, None]
        rows.append(cells)
    result = read("quiz.xlsx", xlsx({"Sheet1": rows}))
    assert by_assessment(result) == {(c, y, None): given for c, y, given in ASSESSMENTS[1:]}
    assert result.problems == ()
