"""SurveyMonkey's two header rows (components/ingest/forms.py, form_options.py): a matrix
question over its capabilities' columns, the "Response" row under the other questions, and a
matrix exported one column per option (the chosen option's text or a tick in its column)."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from tests.ingest.reader_support import (
    LABELS,
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    errors,
    read,
)

ALL = range(1, 22)
GIVEN = {n: (n * 3 + 1) % 5 for n in ALL}


def book(rows: list[list[Any]], merges: tuple[str, ...] = ()) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sheet"
    for row in rows:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


QUESTIONS = {
    "en": ("Country", "Year", "Please rate each capability"),
    "es": ("País", "Año", "Por favor califique cada capacidad"),
    "fr": ("Pays", "Année", "Veuillez évaluer chaque capacité"),
}


@pytest.mark.parametrize("language", sorted(QUESTIONS))
@pytest.mark.parametrize("merged", [True, False])
@pytest.mark.parametrize("titles", ["numbered", "plain"])
def test_matrix_question_over_the_capabilities_keeps_every_capability(
    language: str, merged: bool, titles: str
) -> None:
    country, year, question = QUESTIONS[language]
    named = [f"{n}. {TITLES[n]}" if titles == "numbered" else TITLES[n] for n in ALL]
    rows = [
        ["Respondent ID", "Start Date", country, year, question] + [None] * 20,
        [None, None, "Response", "Response", *named],
        [114567, "03/15/2023", "Ghana", 2023, *(GIVEN[n] for n in ALL)],
    ]
    result = read("survey.xlsx", book(rows, ("E1:Y1",) if merged else ()))
    assert by_assessment(result) == {("Ghana", 2023, None): GIVEN}
    assert not [p for p in result.problems if question in p.message]


@pytest.mark.parametrize("extension", ["xlsx", "csv"])
def test_response_row_under_per_question_headers_is_no_response(extension: str) -> None:
    rows = [
        ["Respondent ID", "Country", "Year", *(f"{n}. {TITLES[n]}" for n in ALL)],
        [None, "Response", "Response", *(["Response"] * 21)],
        [1, "Ghana", 2023, *(GIVEN[n] for n in ALL)],
    ]
    data = book(rows) if extension == "xlsx" else csv_bytes(rows)
    result = read(f"survey.{extension}", data)
    assert by_assessment(result) == {("Ghana", 2023, None): GIVEN}
    assert not [p for p in result.problems if "Response" in p.message]


def option_matrix(
    answers: list[tuple[str, dict[int, Any]]], options: list[str] | None = None
) -> tuple[list[list[Any]], list[str]]:
    """SurveyMonkey's one column per option: the capability over its options' columns,
    the options in row 2; ``answers`` gives each response's country and, per capability,
    what each option's column holds (a level -> its text, a list of levels -> each)."""
    options = options or [LABELS[v] for v in range(5)]
    top: list[Any] = ["Respondent ID", "Country", "Year"]
    second: list[Any] = [None, "Response", "Response"]
    merges = []
    for n in ALL:
        start = len(top) + 1
        top += [f"{n}. {TITLES[n]}"] + [None] * (len(options) - 1)
        second += options
        end = get_column_letter(start + len(options) - 1)
        merges.append(f"{get_column_letter(start)}1:{end}1")
    rows = [top, second]
    for number, (country, chosen) in enumerate(answers, 1):
        row: list[Any] = [number, country, 2023]
        for n in ALL:
            picked = chosen.get(n)
            picked = picked if isinstance(picked, list) else [picked]
            row += [options[v] if v in picked else None for v in range(len(options))]
        rows.append(row)
    return rows, merges


@pytest.mark.parametrize("options", [None, ["0", "1", "2", "3", "4"], ["0 - Not in place",
    "1 - Building", "2 - Developing", "3 - Established", "4 - Mature"]])  # fmt: skip
def test_one_column_per_option_reads_the_chosen_level(options: list[str] | None) -> None:
    other = {n: (n + 2) % 5 for n in ALL}
    rows, merges = option_matrix([("Ghana", GIVEN), ("Kenya", other)], options)
    result = read("survey.xlsx", book(rows, tuple(merges)))
    assert by_assessment(result) == {("Ghana", 2023, None): GIVEN, ("Kenya", 2023, None): other}
    assert not errors(result)


@pytest.mark.parametrize("tick", ["x", "✓", 1])
def test_one_column_per_option_with_ticks(tick: Any) -> None:
    rows, merges = option_matrix([("Ghana", GIVEN)])
    for column in range(3, len(rows[2])):
        if rows[2][column] is not None:
            rows[2][column] = tick
    result = read("survey.xlsx", book(rows, tuple(merges)))
    assert by_assessment(result) == {("Ghana", 2023, None): GIVEN}


def test_two_options_chosen_for_one_capability_is_an_error_for_it_only() -> None:
    chosen = {**GIVEN, 2: [1, 3]}
    rows, merges = option_matrix([("Ghana", chosen)])
    result = read("survey.xlsx", book(rows, tuple(merges)))
    assert by_assessment(result) == {
        ("Ghana", 2023, None): {n: v for n, v in GIVEN.items() if n != 2}
    }
    # capability 2's options are columns I-M (Building is J, Established is L)
    assert_problem(result, "error", "J3", "more than one level for capability 2")
    assert_problem(result, "error", "J3", "“Established” (L3)")


def test_unanswered_capability_stays_blank() -> None:
    chosen = {n: v for n, v in GIVEN.items() if n != 5}
    rows, merges = option_matrix([("Ghana", chosen)])
    result = read("survey.xlsx", book(rows, tuple(merges)))
    assert by_assessment(result) == {("Ghana", 2023, None): chosen}
    assert not errors(result)
