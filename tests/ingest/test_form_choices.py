"""A form tool's coded answers read by the form's pasted choices sheet
(components/ingest/form_choices.py): code k is the level its label says, not level k."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import (
    ARVENIA_2021,
    BELMORA_2023,
    LABELS,
    TITLES,
    assert_problem,
    by_assessment,
    read,
    xlsx,
)

ALL = range(1, 22)
GIVEN = {"Arvenia": ARVENIA_2021, "Belmora": BELMORA_2023}
COUNTRY_CODES = {"Arvenia": "AR", "Belmora": "BE"}


def book(
    code_of: dict[int, object],
    label_of: dict[int, str],
    *,
    question: str = "c{:02d}",
    label_header: str = "label",
    survey: bool = True,
    coded_countries: bool = True,
) -> bytes:
    """A Kobo export of codes (``code_of[level]``), the form's survey sheet and its choices
    (``label_of[level]`` for each level's code)."""
    head = ["start", "country", *(question.format(n) for n in ALL), "_id"]
    answers: list[list[object]] = [head]
    for i, (name, given) in enumerate(GIVEN.items()):
        country = COUNTRY_CODES[name] if coded_countries else name
        levels = [code_of[given[n]] if n in given else None for n in ALL]
        answers.append([f"2023-05-0{i + 1}T10:00:00", country, *levels, 1000 + i])
    form = [["type", "name", "label"], ["start", "start", None]]
    form.append(["select_one country", "country", "Which country?"])
    form += [["select_one level", question.format(n).split("/")[-1], TITLES[n]] for n in ALL]
    choices: list[list[object]] = [["list_name", "name", label_header]]
    choices += [["level", code_of[level], label_of[level]] for level in range(5)]
    choices += [["country", code, name] for name, code in COUNTRY_CODES.items()]
    sheets = {"MNR 2023": answers, "choices": choices}
    if survey:
        sheets["survey"] = form
    return xlsx(sheets)


EXPECTED = {(name, 2023, None): given for name, given in GIVEN.items()}


ONE_UP = {k: k + 1 for k in range(5)}  # codes 1 to 5
SAME = {k: k for k in range(5)}
NAMED = {k: f"l{k}" for k in range(5)}
SAYS = {k: f"{LABELS[k]} ({k})" for k in range(5)}  # "Not in place (0)"
PLAIN = {k: LABELS[k] for k in range(5)}
NUMBERED = {k: f"{k} - {LABELS[k]}" for k in range(5)}


@pytest.mark.parametrize(
    ("code_of", "label_of", "question", "label_header"),
    [
        # Codes 1 to 5 whose labels say the level: read one lower, as the labels say.
        (ONE_UP, SAYS, "c{:02d}", "label"),
        (ONE_UP, PLAIN, "grp_pg/c{:02d}", "label"),
        # Codes 0 to 4, and short names, with the labels in a language's column.
        (SAME, NUMBERED, "c{:02d}", "label::English (en)"),
        (NAMED, PLAIN, "cap_{:02d}", "label"),
    ],
)
def test_coded_answers_are_read_by_the_choices_labels(code_of, label_of, question, label_header):
    data = book(code_of, label_of, question=question, label_header=label_header)
    result = read("export.xlsx", data)
    assert by_assessment(result) == EXPECTED
    assert_problem(result, "warning", None, "read by the labels in sheet “choices”")
    assert_problem(result, "warning", None, "“country”: “AR” = “Arvenia”")
    assert not any(p.sheet in ("survey", "choices") for p in result.problems)


def test_without_the_survey_sheet_the_codes_are_not_guessed():
    """Which question uses which list is the survey's to say: codes 1 to 5 alone stay a
    scale of 1 to 5, refused."""
    result = read("export.xlsx", book(ONE_UP, SAYS, survey=False, coded_countries=False))
    assert not any("choice codes" in p.message for p in result.problems)
    assert all(levels == {} for levels in by_assessment(result).values())


def test_answers_that_are_no_code_of_their_list_are_left_as_they_are():
    # The labels themselves were exported.
    result = read("export.xlsx", book(PLAIN, PLAIN, coded_countries=False))
    assert by_assessment(result) == EXPECTED
    assert not any("choice codes" in p.message for p in result.problems)
