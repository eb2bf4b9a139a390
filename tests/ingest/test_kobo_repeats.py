"""A KoboToolbox repeat group (components/ingest/kobo_repeats.py): the capability rows joined to
their submission by _parent_index, or one error when the join is not certain."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.reader_support import LABELS, TITLES, assert_problem, by_assessment, read, xlsx

ALL = range(1, 22)
LEVELS = {"Kenya": {n: (n * 4 + 3) % 5 for n in ALL}, "Uganda": {n: (n * 3 + 1) % 5 for n in ALL}}
FORM = "MNR self-assessment"


def parent(country: str = "Country", when: str = "today") -> list[list[Any]]:
    return [
        ["start", "end", when, country, "Respondent", "_id", "_uuid", "_submission_time", "_index"],
        [
            "2024-03-15T09:00",
            "2024-03-15T10:00",
            "2024-03-15",
            "Kenya",
            "J. M.",
            101,
            "a1",
            "2024-03-15T07:01:00",
            1,
        ],
        [
            "2024-03-16T09:00",
            "2024-03-16T10:00",
            "2024-03-16",
            "Uganda",
            "R. O.",
            102,
            "c3",
            "2024-03-16T07:01:00",
            2,
        ],
    ]


def repeat(table: str = FORM, parents: tuple[Any, ...] = (1, 2)) -> list[list[Any]]:
    rows: list[list[Any]] = [
        ["Capability", "Level", "Evidence", "_index", "_parent_table_name", "_parent_index"]
    ]
    index = 1
    for parent_index, given in zip(parents, LEVELS.values(), strict=True):
        for n in ALL:
            label = f"{given[n]} - {LABELS[given[n]]}"
            rows.append([f"{n}. {TITLES[n]}", label, "", index, table, parent_index])
            index += 1
    return rows


@pytest.mark.parametrize(
    ("country", "when", "repeat_first"),
    [
        ("Country", "today", False),
        ("Country", "today", True),
        ("group_meta/country", "start", False),
        ("Pays", "Date", False),
    ],
)
def test_repeat_rows_read_as_their_submissions_assessments(
    country: str, when: str, repeat_first: bool
) -> None:
    sheets = {FORM: parent(country, when), "capabilities": repeat()}
    if repeat_first:
        sheets = dict(reversed(sheets.items()))
    result = read("kobo.xlsx", xlsx(sheets))
    assert by_assessment(result) == {(c, 2024, None): given for c, given in LEVELS.items()}
    assert not [p for p in result.problems if p.severity == "error"]


def test_form_sheet_name_cut_by_excel_still_joins() -> None:
    table = "National MNR self-assessment 2024 (capabilities form)"
    sheets = {table[:31]: parent(), "capabilities": repeat(table)}
    result = read("kobo.xlsx", xlsx(sheets))
    assert set(by_assessment(result)) == {("Kenya", 2024, None), ("Uganda", 2024, None)}


@pytest.mark.parametrize(
    ("sheets", "cell", "words"),
    [
        ({"capabilities": repeat()}, None, "no sheet of the file is the form's"),
        ({"Other name": parent(), "capabilities": repeat()}, None, "no sheet of the file"),
        ({FORM: parent(), "capabilities": repeat(parents=(1, 7))}, "F23", "no submission's"),
        ({FORM: [*parent()[:2], parent()[1]], "capabilities": repeat()}, None, "two rows"),
    ],
)
def test_repeat_rows_not_joined_for_certain_are_one_error(
    sheets: dict[str, list[list[Any]]], cell: str | None, words: str
) -> None:
    result = read("kobo.xlsx", xlsx(sheets))
    assert not [levels for levels in by_assessment(result).values() if levels]
    assert_problem(result, "error", cell, words, sheet="capabilities")
    assert_problem(result, "error", cell, "KoboToolbox repeat group")
    assert not any("appears" in p.message for p in result.problems)


def test_form_sheet_with_other_answers_is_still_read_on_its_own() -> None:
    # The enablers asked outside the repeat group: never dropped with the joined form sheet.
    form = parent()
    form[0].append("Cross-sector collaboration")
    form[1].append(3)
    form[2].append(1)
    result = read("kobo.xlsx", xlsx({FORM: form, "capabilities": repeat()}))
    assert set(by_assessment(result)) == {("Kenya", 2024, None), ("Uganda", 2024, None)}
    assert any(p.sheet == FORM and "Skipped sheet" in p.message for p in result.problems)
