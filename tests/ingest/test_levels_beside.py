"""Levels typed into another column than the empty Level column are pointed out."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import (
    LABELS,
    SAMPLE,
    TITLES,
    assert_problem,
    by_assessment,
    edit_template,
    find,
    read,
    xlsx,
)


@pytest.mark.parametrize("written", ["{v} - {label}", "{label}", "Level {v}"])
def test_levels_typed_into_the_template_description_column_are_reported(written):
    def edit(sheet):
        description = find(sheet, "Description").column
        level = find(sheet, "Level").column
        for row in range(find(sheet, "No.").row + 1, sheet.max_row + 1):
            number = sheet.cell(row, 1).value
            if isinstance(number, int):
                value = number % 5
                sheet.cell(row, description).value = written.format(v=value, label=LABELS[value])
                sheet.cell(row, level).value = None

    data, _ = edit_template(edit)
    result = read("description.xlsx", data)
    assert by_assessment(result) == {(SAMPLE.country, SAMPLE.year, SAMPLE.round): {}}
    problem = next(p for p in result.problems if "holds levels in" in p.message)
    assert problem.severity == "error"
    assert "column D holds levels in 21 of these rows" in problem.message
    assert "Move the levels into the Level cells" in problem.fix


def test_an_empty_level_column_beside_numbers_only_gets_the_usual_error():
    rows = [["Country", "Kenya"], ["Year", 2023], [], ["No.", "Capability", "Level"]]
    rows += [[n, title, None] for n, title in TITLES.items()]
    result = read("empty.xlsx", xlsx({"Sheet": rows}))
    assert not any("holds levels in" in p.message for p in result.problems)
    assert_problem(result, "error", "C5:C25", "has a level")
