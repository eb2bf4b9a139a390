"""Responses the form's designer sent to try it (components/ingest/form_tests.py): a row
whose free-text answer says it is a test ("test - please ignore", "asdf") is left out, said
with its row and answer; an answer that merely holds the word keeps its response."""

from __future__ import annotations

import pytest

from components.ingest.form_tests import is_test_answer
from tests.ingest.reader_support import (
    ARVENIA_2021,
    BELMORA_2023,
    LABELS,
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    read,
    xlsx,
)

ALL = range(1, 22)
TRY = dict.fromkeys(ALL, 0)  # the designer's try: every capability "Not in place"


def export(column: str, tried: object, real: object, question: str) -> list[list[object]]:
    """A form export: the designer's try of Belmora (``tried`` in ``column``), then Arvenia's
    and Belmora's real responses (``real`` in it)."""
    head = ["Timestamp", "Email", "Country", column, *(question.format(TITLES[n]) for n in ALL)]
    rows: list[list[object]] = [head]
    for stamp, mail, name, said, given in [
        ("2023-05-01 09:00:00", "owner@example.org", "Belmora", tried, TRY),
        ("2023-05-02 10:00:00", "focal@arvenia.example", "Arvenia", real, ARVENIA_2021),
        ("2023-05-03 10:00:00", "owner@example.org", "Belmora", real, BELMORA_2023),
    ]:
        answers = [LABELS[given[n]] if n in given else None for n in ALL]
        rows.append([stamp, mail, name, said, *answers])
    return rows


@pytest.mark.parametrize("make", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("column", "tried", "real", "question"),
    [
        ("Your organisation", "test - please ignore", "Ministry of Justice", "Rate [{}]"),
        ("Organisation", "TEST - ignore", "National Police", "Rate each capability..{}"),
        ("Name of respondent", "test", "A. Mensah", "Rate each capability [{}]"),
        ("Name of respondent", "asdf", "A. Mensah", "Rate each capability [{}]"),
        ("Comments", "testing the form", None, "{} – current level"),
        ("Comments", "Test 2", None, "Rate each capability [{}]"),
        ("Nom", "essai - ne pas tenir compte", "Ministère", "Évaluez [{}]"),
        ("Organización", "prueba, por favor ignorar", "Ministerio", "Califique [{}]"),
        ("Contact e-mail", "test@example.org", "focal@belmora.example", "Rate [{}]"),
    ],
)
def test_a_response_whose_answer_says_it_is_a_test_is_left_out_and_said(
    column, tried, real, question, make
):
    rows = export(column, tried, real, question)
    data = csv_bytes(rows) if make == "csv" else xlsx({"Form responses 1": rows})
    result = read(f"responses.{make}", data)
    years = {key[0]: levels for key, levels in by_assessment(result).items()}
    assert years == {"Arvenia": ARVENIA_2021, "Belmora": BELMORA_2023}
    assert_problem(result, "warning", "D2", "looks like a test of the form")
    assert_problem(result, "warning", "D2", f"says “{tried}”; it was left out")


@pytest.mark.parametrize(
    ("answer", "test"),
    [
        ("test", True),
        ("TEST - ignore", True),
        ("Testing the form", True),
        ("asdfasdf", True),
        ("qwerty", True),
        ("dummy response", True),
        ("please ignore this test", True),
        ("test.user@example.org", True),
        # A real answer that holds the word, or none of it: kept.
        ("Testing and Certification Agency", False),
        ("Forensic test laboratory", False),
        ("Contest Authority", False),
        ("Please ignore question 4, we had no data", False),
        ("tester.mensah@gov.example", False),
        ("j.test@gov.example", False),
        ("", False),
        (3, False),
        (None, False),
    ],
)
def test_what_marks_an_answer_as_a_test(answer, test):
    assert is_test_answer(answer) is test


@pytest.mark.parametrize(
    "said", ["Ministry", "Testing and Certification Agency", "Unit for test evaluation", None]
)
def test_a_response_whose_answers_do_not_say_test_is_kept(said):
    """The all-"Not in place" try from the same e-mail as a later response is still a real
    response when nothing typed says it is a test: it is not left out as a test, and the later
    response from the same person is read as its correction (``resubmitted``), saying so."""
    result = read("responses.csv", csv_bytes(export("Organisation", said, said, "Rate [{}]")))
    assert result.capabilities["assessment_id"].nunique() == 2
    assert not any("test of the form" in p.message for p in result.problems)
    assert any("sent by the same person" in p.message for p in result.problems)
