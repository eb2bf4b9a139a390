"""A second column of levels added beside the Level column is never left out without a word."""

from __future__ import annotations

import pytest
from openpyxl.utils import get_column_letter

from tests.ingest.reader_support import (
    SAMPLE_LEVELS,
    TITLES,
    assert_problem,
    by_assessment,
    edit_template,
    find,
    read,
    xlsx,
)

ASSESSED = {n: v for n, v in SAMPLE_LEVELS.items() if v is not None}


def _beside(heading: str, levels: dict[int, int | None]):
    """The sample template with a column headed ``heading`` added after its last column."""

    def edit(sheet):
        header = find(sheet, "No.").row
        column = sheet.max_column + 1
        sheet.cell(header, column).value = heading
        for row in range(header + 1, sheet.max_row + 1):
            number = sheet.cell(row, 1).value
            if isinstance(number, int) and levels.get(number) is not None:
                sheet.cell(row, column).value = levels[number]
        return f"{find(sheet, 'Level').coordinate}", f"{get_column_letter(column)}{header}"

    return edit_template(edit)


# The validated levels differ from the self-assessed ones in two rows only.
VALIDATED = {**SAMPLE_LEVELS, 1: 2, 2: 3}


@pytest.mark.parametrize("heading", ["Revised level", "Reviewed level", "Nível revisto"])
def test_a_revised_level_column_beside_the_level_is_a_choice_for_the_person(heading):
    data, (level, extra) = _beside(heading, VALIDATED)
    result = read("validated.xlsx", data)
    assert by_assessment(result) == {}
    assert_problem(result, "error", level, f"{extra} “{heading}”")
    assert_problem(result, "error", level, "Several columns are headed like the level")


@pytest.mark.parametrize(
    "heading",
    [
        "Validated level",
        "Level (validated)",
        "Agreed level",
        "Final level",
        "Niveau validé",
        "Nivel acordado",
    ],
)
def test_a_settled_level_column_beside_the_level_is_read_with_a_warning(heading):
    # A validated (agreed, final) level beside the plain Level is the assessment's result
    # (``settled_levels``); the Level column set aside is named.
    data, (level, extra) = _beside(heading, VALIDATED)
    result = read("validated.xlsx", data)
    assert list(by_assessment(result).values()) == [
        {n: v for n, v in VALIDATED.items() if v is not None}
    ]
    assert_problem(result, "warning", extra, f"the levels read are those of “{heading}”")
    assert_problem(result, "warning", extra, f"“Level” ({level}) was set aside")


@pytest.mark.parametrize("heading", ["Level 2024", "Niveau 2024", "Nivel (2024)", "Level - 2024"])
def test_a_level_column_headed_with_a_year_is_that_years_assessment(heading):
    later = dict.fromkeys(range(1, 22), 4)
    data, _ = _beside(heading, later)
    result = read("two years.xlsx", data)
    found = {
        (country, year): levels for (country, year, _), levels in by_assessment(result).items()
    }
    assert found == {("Arvenia", 2021): ASSESSED, ("Arvenia", 2024): later}


def test_a_validated_column_giving_the_same_levels_is_left_aside_quietly():
    data, (_, extra) = _beside("Validated level", SAMPLE_LEVELS)
    result = read("same.xlsx", data)
    assert list(by_assessment(result).values()) == [ASSESSED]
    assert not [p for p in result.problems if extra in (p.cell or "")]


@pytest.mark.parametrize("other", ["Rating", "Score", "Puntuación"])
def test_another_level_column_differing_in_a_few_rows_is_left_out_with_a_warning(other):
    rows = [["Country", "Kenya"], ["Year", 2024], [], ["No.", "Capability", "Level", other]]
    rows += [[n, TITLES[n], n % 5, (n + 1) % 5 if n in (3, 7) else n % 5] for n in range(1, 22)]
    result = read("form.xlsx", xlsx({"Form": rows}))
    assert by_assessment(result) == {("Kenya", 2024, None): {n: n % 5 for n in range(1, 22)}}
    assert_problem(result, "warning", "D4", f"The column headed “{other}” (D4) also holds levels")
    assert_problem(result, "warning", "D4", "in rows 7, 11; it was not read")
