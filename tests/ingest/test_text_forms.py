"""Forms typed as lines of text (components/ingest/text_forms.py): a Word form pasted into
Excel ("1. Leadership", then "Level: 3") and a list copied from an e-mail ("1. Leadership – 3")."""

from __future__ import annotations

import datetime

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, read, xlsx

ALL = range(1, 22)
GIVEN = {n: n % 5 for n in ALL}


def word_form(
    title: str = "{n}. {title}",
    level: str = "Level: {level}",
    meta: tuple[str, str] = ("Country: Sri Lanka", "Year: 2024"),
    evidence: str = "Evidence: see annex {n}",
    given: dict[int, int] = GIVEN,
) -> list[list[object]]:
    rows: list[list[object]] = [[meta[0]], [meta[1]], []]
    for n in ALL:
        rows.append([title.format(n=n, title=TITLES[n])])
        if n in given:
            rows.append(level.format(level=given[n]).split(" | "))
        rows += [[evidence.format(n=n)], ["Comments: none"], []]
    return rows


@pytest.mark.parametrize(
    ("title", "level", "meta"),
    [
        ("{n}. {title}", "Level: {level}", ("Country: Sri Lanka", "Year: 2024")),
        ("Capability {n}: {title}", "Level | {level}", ("Country: Sri Lanka", "Year: 2024")),
        ("{title}", "Level - {level}", ("Country: Sri Lanka", "Year: 2024")),
        ("{n}) {title}", "Niveau : {level}", ("Pays : Sri Lanka", "Année : 2024")),
        ("{n}. {title}", "Nivel: {level}", ("País: Sri Lanka", "Año: 2024")),
        ("{n}. {title}", "Nível: {level}", ("País: Sri Lanka", "Ano: 2024")),
    ],
)
def test_a_word_form_gives_each_capability_the_level_row_under_its_title(title, level, meta):
    result = read("form.xlsx", xlsx({"Form": word_form(title, level, meta)}))

    assert by_assessment(result) == {("Sri Lanka", 2024, None): GIVEN}
    assert not [p for p in result.problems if p.severity == "error"]


def test_the_evidence_row_is_kept_with_its_capability():
    result = read("form.xlsx", xlsx({"Form": word_form()}))

    frame = result.capabilities
    evidence = dict(zip(frame["capability"], frame["evidence"], strict=True))
    assert evidence[1] == "see annex 1"
    assert evidence[21] == "see annex 21"


def test_a_capability_without_a_level_row_is_reported_at_its_title():
    given = {n: level for n, level in GIVEN.items() if n != 5}
    result = read("form.xlsx", xlsx({"Form": word_form(given=given)}))

    assert by_assessment(result) == {("Sri Lanka", 2024, None): given}
    title_row = 4 + 4 * 5  # rows 1-3 metadata, then five rows a capability for 1 to 4
    assert_problem(result, "error", f"A{title_row}", "no Level row follows it")


def test_a_level_row_above_every_title_is_reported_and_not_used():
    rows = word_form()
    rows.insert(3, ["Level: 4"])
    result = read("form.xlsx", xlsx({"Form": rows}))

    assert by_assessment(result) == {("Sri Lanka", 2024, None): GIVEN}
    assert_problem(result, "error", "A4", "above every capability's title")


def test_a_second_level_row_under_one_title_is_reported_and_not_used():
    rows = word_form()
    rows.insert(5, ["Level: 4"])  # under "1. Leadership" and its "Level: 1"
    result = read("form.xlsx", xlsx({"Form": rows}))

    assert by_assessment(result)[("Sri Lanka", 2024, None)][1] == GIVEN[1]
    assert_problem(result, "error", "A6", "a second Level row")


def test_a_level_that_is_not_on_the_scale_is_reported_at_its_row():
    rows = word_form()
    rows[4] = ["Level: 7"]
    result = read("form.xlsx", xlsx({"Form": rows}))

    assert 1 not in by_assessment(result)[("Sri Lanka", 2024, None)]
    assert_problem(result, "error", "A5", "outside the scale")


@pytest.mark.parametrize(
    "line",
    ["{n}. {title} – {level}", "{title}: {level}", "Capability {n}: {title} - {level}"],
)
def test_a_list_with_the_level_at_the_end_of_each_cell_is_read_with_a_warning(line):
    rows = [["Georgia – MNR 2022"], []]
    rows += [[line.format(n=n, title=TITLES[n], level=GIVEN[n])] for n in ALL]
    result = read("list.xlsx", xlsx({"List": rows}))

    assert by_assessment(result) == {("Georgia", 2022, None): GIVEN}
    assert_problem(result, "warning", "A3", "read from the end of the cell")


@pytest.mark.parametrize(
    ("cell", "words"),
    [
        ("2. Leadership – 3", "its number and title disagree"),
        ("1. Leadership – 9", "is not a level on the scale"),
    ],
)
def test_a_list_cell_that_cannot_be_read_with_certainty_is_an_error_at_its_cell(cell, words):
    rows = [["Country: Georgia"], ["Year: 2022"]]
    rows += [[f"{n}. {TITLES[n]} – {GIVEN[n]}"] for n in ALL]
    rows[2] = [cell]
    result = read("list.xlsx", xlsx({"List": rows}))

    got = by_assessment(result)[("Georgia", 2022, None)]
    assert 1 not in got
    assert got == {n: level for n, level in GIVEN.items() if n != 1}
    assert_problem(result, "error", "A3", words)


def test_a_sheet_with_a_few_titles_and_no_levels_is_still_skipped_with_the_reason():
    rows = [["Notes"], ["1. Leadership"], ["3. Legislation"], ["5. Judiciary and Prosecutors"]]
    result = read("notes.xlsx", xlsx({"Notes": rows}))

    assert result.capabilities.empty
    assert not [p for p in result.problems if "Level row" in p.message]


def test_a_title_with_a_remark_after_a_dash_is_a_title_not_a_level():
    rows = word_form()
    rows[13] = ["3. Legislation – 2019 law"]  # row 14, over "Level: 3"
    result = read("form.xlsx", xlsx({"Form": rows}))

    assert by_assessment(result) == {("Sri Lanka", 2024, None): GIVEN}
    assert not [p for p in result.problems if p.severity == "error"]


@pytest.mark.parametrize(
    ("sheet", "heading"),
    [
        ("Targets", "Priorities for next year"),
        ("Notes", "Key points from the validation workshop"),
        ("Gaps", None),
    ],
)
def test_a_list_of_notes_naming_capabilities_is_no_assessment(sheet, heading):
    form = [["Country", "Kenya"], ["Year", 2023], [], ["No.", "Capability", "Level"]]
    form += [[n, None, n % 5] for n in range(1, 22)]
    notes = [[heading]] if heading else []
    notes += [["1. Leadership – 2"], ["2. Research, Analysis and Monitoring – 3"]]
    notes += [["3. Legislation – 4"]]
    result = read("book.xlsx", xlsx({"Kenya": form, sheet: notes}))
    assert set(by_assessment(result)) == {("Kenya", 2023, None)}
    assert not [p for p in result.problems if p.severity == "error"]


def answers_sheet(
    question: str,
    given: dict[int, object],
    country: str = "Kenya",
    head: tuple[str, str] = ("Question", "Answer"),
    submitted: object = None,
) -> list[list[object]]:
    """A response written to its own sheet as two columns, as a Power Automate flow does."""
    when = submitted or datetime.datetime(2023, 3, 15, 10, 0)
    rows: list[list[object]] = [list(head), ["Submitted", when], ["Country", country]]
    rows += [[question.format(n=n, title=TITLES[n]), given.get(n)] for n in ALL]
    return rows


LABELLED = {
    n: f"{n % 5} - {['Not in place', 'Building', 'Developing', 'Established', 'Mature'][n % 5]}"
    for n in ALL
}


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("How would you rate the country's capability {n}: {title}?", ("Question", "Answer")),
        ("{n}. {title} – what is the current level?", ("Question", "Response")),
        ("Rate each capability [{title}]", ("Field", "Value")),
    ],
)
def test_question_answer_sheets_read_one_assessment_each(
    question: str, head: tuple[str, str]
) -> None:
    sheets = {
        "Response 1": answers_sheet(question, LABELLED, "Kenya", head),
        "Response 2": answers_sheet(question, {n: (n + 1) % 5 for n in ALL}, "Uganda", head),
    }
    result = read("responses.xlsx", xlsx(sheets))
    assert by_assessment(result) == {
        ("Kenya", 2023, None): GIVEN,
        ("Uganda", 2023, None): {n: (n + 1) % 5 for n in ALL},
    }
    assert not [p for p in result.problems if p.severity == "error"]


def test_question_answer_sheet_answer_off_the_scale_is_an_error_at_its_cell() -> None:
    given = {**GIVEN, 4: "7 - Excellent"}
    question = "How would you rate capability {n}: {title}?"
    result = read("responses.xlsx", xlsx({"Response 1": answers_sheet(question, given)}))
    assert by_assessment(result)[("Kenya", 2023, None)] == {
        n: v for n, v in GIVEN.items() if n != 4
    }
    assert_problem(result, "error", "B7", "7")
