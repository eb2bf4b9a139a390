"""Notes numbered under a form's table ("1 | Levels were agreed by consensus."): notes, not
second rows of capabilities 1 to 3 (components/ingest/note_rows.py, ``numbered_note``)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.reader_support import (
    SAMPLE_LEVELS,
    TITLES,
    assert_problem,
    by_assessment,
    capability_row,
    edit_template,
    errors,
    levels,
    read,
    xlsx,
)

LEVELS = {n: n % 5 for n in range(1, 22)}
NOTES_EN = [
    "Levels were agreed by consensus.",
    "Two ministries did not attend.",
    "Next review in 2025.",
]
NOTES_FR = [
    "Les niveaux ont été validés en atelier.",
    "Deux ministères étaient absents.",
    "Prochaine revue en 2025.",
]


def _form(below: list[list[Any]]) -> bytes:
    rows: list[list[Any]] = [["MNR self-assessment"], ["Country:", "Senegal"], ["Year:", 2023], []]
    rows.append(["No.", "Capability", "Level", "Evidence"])
    rows += [[n, TITLES[n], LEVELS[n], None] for n in range(1, 22)]
    return xlsx({"Assessment": [*rows, [], *below]})


@pytest.mark.parametrize(
    ("label", "numbers", "notes"),
    [
        ("Notes:", [1, 2, 3], NOTES_EN),
        (None, [1, 2, 3], NOTES_EN),
        ("Notes:", ["1.", "2.", "3."], NOTES_EN),
        ("Remarques :", ["1)", "2)", "3)"], NOTES_FR),
        ("Notes:", [1], NOTES_EN[:1]),
    ],
)
def test_numbered_notes_under_the_table_keep_the_levels_above(label, numbers, notes):
    below = ([[label]] if label else []) + [[n, t] for n, t in zip(numbers, notes, strict=True)]
    result = read("form.xlsx", _form(below))
    assert by_assessment(result) == {("Senegal", 2023, None): LEVELS}
    assert errors(result) == []
    [said] = [p for p in result.problems if "read as" in p.message and "note" in p.message]
    assert said.cell == ("B29" if label else "B28")
    assert f"“{notes[0]}”" in said.message
    assert "it has no level" in said.message if len(numbers) == 1 else "1, 2 and 3" in said.message


@pytest.mark.parametrize(
    "second",
    [
        [1, TITLES[1], 3],  # a capability's title and a level: a real second row
        [1, "Levels were agreed by consensus.", 3],  # a level: it would be lost
    ],
)
def test_a_real_second_row_still_cancels_both_levels(second):
    result = read("form.xlsx", _form([second]))
    assert 1 not in by_assessment(result)[("Senegal", 2023, None)]
    assert_problem(result, "error", "C6, C28", "Capability 1 (Leadership) appears twice")


def test_a_numbered_sentence_for_a_capability_not_given_above_is_still_read_as_it():
    rows: list[list[Any]] = [["Country:", "Senegal"], ["Year:", 2023], []]
    rows.append(["No.", "Capability", "Level", "Evidence"])
    rows += [[n, TITLES[n], LEVELS[n], None] for n in range(2, 22)]
    rows.append([1, "Levels were agreed by consensus.", 2, None])
    result = read("form.xlsx", xlsx({"Assessment": rows}))
    assert by_assessment(result)[("Senegal", 2023, None)][1] == 2
    assert_problem(result, "warning", "B25", "does not name a capability")


@pytest.mark.parametrize("column", [2, 3, 4])  # the template's Domain, Capability, Description
def test_numbered_notes_under_the_templates_table_keep_its_levels(column):
    def edit(sheet):
        row = capability_row(sheet, 21) + 2
        sheet.cell(row, 1, "Notes:")
        for number, text in enumerate(NOTES_EN[:2], 1):
            sheet.cell(row + number, 1, number)
            sheet.cell(row + number, column, text)
        return sheet.title, row

    data, _ = edit_template(edit)
    result = read("template.xlsx", data)
    assert levels(result.capabilities) == SAMPLE_LEVELS
    assert errors(result) == []
    assert_problem(result, "warning", f"{'BCD'[column - 2]}34", "numbered 1 and 2 above")
