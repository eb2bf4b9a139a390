"""A form's country question answered "Other", "Prefer not to say" or "N/A"
(components/ingest/form_other.py): the country typed in the Other column is read, said;
without one the response is refused, never read as a country named "Other"."""

from __future__ import annotations

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


def answers(given: dict[int, int]) -> list[object]:
    return [LABELS[given[n]] if n in given else None for n in ALL]


def google_form(second: str) -> list[list[object]]:
    head = ["Timestamp", "Which country are you reporting for?"]
    head += [f"Rate each capability [{TITLES[n]}]" for n in ALL]
    return [
        head,
        ["2021-05-02 10:00:00", "Arvenia", *answers(ARVENIA_2021)],
        ["2023-05-02 10:00:00", second, *answers(BELMORA_2023)],
    ]


@pytest.mark.parametrize(
    "answer",
    [
        "Other",
        "Other (please specify)",
        "Prefer not to say",
        "Not listed",
        "N/A",
        "Autre",
        "Otro",
        "Outro",
        "Prefiro não dizer",
    ],
)
@pytest.mark.parametrize("make", ["csv", "xlsx"])
def test_an_answer_that_is_not_a_country_refuses_the_response(answer, make):
    rows = google_form(answer)
    data = csv_bytes(rows) if make == "csv" else xlsx({"Form responses 1": rows})
    result = read(f"form.{make}", data)
    assert by_assessment(result) == {ARVENIA: ARVENIA_2021}
    assert_problem(result, "error", "B3", f"answered “{answer}” to the country question")
    assert_problem(result, "error", "B3", "which is not a country")


def surveymonkey(country: str, typed: str | None, other: str) -> list[list[object]]:
    """SurveyMonkey's two header rows: "Response" and the Other column under the question."""
    top = ["Respondent ID", "Start Date", "Which country are you reporting for?", None]
    top += ["Please rate each capability", *([None] * 20)]
    under = [None, None, "Response", other, *(TITLES[n] for n in ALL)]
    return [
        top,
        under,
        ["1001", "05/02/2021 09:00:11 AM", "Arvenia", None, *answers(ARVENIA_2021)],
        ["1002", "05/02/2023 09:00:11 AM", country, typed, *answers(BELMORA_2023)],
    ]


@pytest.mark.parametrize(
    ("answer", "other"),
    [
        ("Other (please specify)", "Other (please specify)"),
        ("Autre (veuillez préciser)", "Autre (veuillez préciser)"),
        ("Otro (especifique)", "Otro (especifique)"),
    ],
)
@pytest.mark.parametrize("make", ["csv", "xlsx"])
def test_the_country_typed_in_the_other_column_is_read(answer, other, make):
    rows = surveymonkey(answer, "Belmora", other)
    data = csv_bytes(rows) if make == "csv" else xlsx({"Sheet": rows})
    result = read(f"monkey.{make}", data)
    assert by_assessment(result) == {ARVENIA: ARVENIA_2021, ("Belmora", 2023, None): BELMORA_2023}
    assert_problem(result, "warning", "D4", "the country typed for it in D4 (“Belmora”) was read")
    assert errors(result) == []
    assert not [p for p in result.problems if "not a capability or a known column" in p.message]


def test_an_other_answer_with_nothing_typed_is_refused():
    result = read("monkey.csv", csv_bytes(surveymonkey("Other (please specify)", None, "Other")))
    assert by_assessment(result) == {ARVENIA: ARVENIA_2021}
    assert_problem(result, "error", "C4", "nothing was typed for it in D4")


def test_an_other_column_further_away_is_used_when_its_header_names_the_country():
    head = ["Timestamp", "Country", "Email", "Country - Other (please specify)"]
    head += [f"Rate each capability [{TITLES[n]}]" for n in ALL]
    rows = [
        head,
        ["2021-05-02 10:00:00", "Arvenia", "a@x.org", None, *answers(ARVENIA_2021)],
        ["2023-05-02 10:00:00", "Other", "b@x.org", "Belmora", *answers(BELMORA_2023)],
    ]
    result = read("form.csv", csv_bytes(rows))
    assert by_assessment(result) == {ARVENIA: ARVENIA_2021, ("Belmora", 2023, None): BELMORA_2023}
    assert_problem(result, "warning", "D3", "(“Belmora”) was read")


def test_a_country_answer_is_left_alone():
    result = read("form.csv", csv_bytes(google_form("Belmora")))
    assert ("Belmora", 2023, None) in by_assessment(result)
    assert not [p for p in result.problems if "country question" in p.message]


def test_another_questions_other_column_is_not_taken_for_the_country():
    head = ["Timestamp", "Country", "Your role", "Your role - Other (please specify)"]
    head += [f"Rate each capability [{TITLES[n]}]" for n in ALL]
    rows = [
        head,
        ["2021-05-02 10:00:00", "Arvenia", "Police", None, *answers(ARVENIA_2021)],
        ["2023-05-02 10:00:00", "Other", "Other", "Prosecutor", *answers(BELMORA_2023)],
    ]
    result = read("form.csv", csv_bytes(rows))
    assert by_assessment(result) == {ARVENIA: ARVENIA_2021}
    assert_problem(result, "error", "B3", "which is not a country")


@pytest.mark.parametrize(
    ("question", "other", "apart"),
    [
        # Qualtrics' choice text: the choice, then the text typed for Other
        ("Which country are you reporting for? - Selected Choice",
         "Which country are you reporting for? - Other (please specify) - Text", False),
        ("Country - Selected Choice", "Country - Other - Text", False),
        # KoboToolbox's and ODK's "specify other" question, beside or further on
        ("Which country?", "Specify other country", False),
        ("Which country?", "Other country (please specify)", True),
        ("Pays concerné", "Autre pays (précisez)", False),
    ],
)  # fmt: skip
def test_a_country_question_beside_its_typed_other_is_read_from_the_choice(question, other, apart):
    """Two columns asking for the country, one of them the text typed for Other: the
    choice is the country, the text read where a response answered Other."""
    head = ["Timestamp", question] + (["Email"] if apart else []) + [other]
    head += [f"Rate each capability [{TITLES[n]}]" for n in ALL]
    mid = ["a@x.org"] if apart else []
    rows = [
        head,
        ["2021-05-02 10:00:00", "Arvenia", *mid, None, *answers(ARVENIA_2021)],
        ["2023-05-02 10:00:00", "Other", *mid, "Belmora", *answers(BELMORA_2023)],
        ["2023-06-02 10:00:00", "Arvenia", *mid, "typed by mistake", *answers(ARVENIA_2021)],
    ]
    result = read("form.csv", csv_bytes(rows))
    assert by_assessment(result) == {
        ARVENIA: ARVENIA_2021,
        ("Belmora", 2023, None): BELMORA_2023,
        ("Arvenia", 2023, None): ARVENIA_2021,
    }
    cell = "D3" if apart else "C3"
    assert_problem(result, "warning", cell, "(“Belmora”) was read")
    assert not [p for p in result.problems if "more than one question" in p.message]


def test_two_country_questions_neither_an_other_are_still_refused():
    head = ["Timestamp", "Which country are you reporting for?", "Country of residence"]
    head += [f"Rate each capability [{TITLES[n]}]" for n in ALL]
    rows = [head, ["2021-05-02 10:00:00", "Arvenia", "Belmora", *answers(ARVENIA_2021)]]
    result = read("form.csv", csv_bytes(rows))
    assert by_assessment(result) == {}
    assert any("more than one question asks for the country" in p.message for p in errors(result))
