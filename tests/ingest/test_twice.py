"""A capability given twice in one assessment: no level kept that is not certain."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, errors, read, xlsx

LEVELS = {n: (n * 3) % 5 for n in range(1, 22)}
TOP = [["Country", "Kenya"], ["Year", 2023], []]
KEY = ("Kenya", 2023, None)


def without(*numbers: int) -> dict[int, int]:
    return {n: level for n, level in LEVELS.items() if n not in numbers}


@pytest.mark.parametrize(
    ("header", "row"),
    [
        (["No.", "Level"], lambda n: [n, LEVELS[n]]),
        (["N°", "Niveau"], lambda n: [str(n), LEVELS[n]]),
        (["Capability", "Level"], lambda n: [str(n), LEVELS[n]]),
    ],
)
def test_a_mistyped_number_names_the_row_that_likely_meant_the_missing_one(header, row):
    # U01: 7 typed as 8, numbers only: 8 twice with two levels, 7 missing
    rows = [row(n) for n in range(1, 22)]
    rows[6][0] = type(rows[6][0])(8)
    result = read("form.xlsx", xlsx({"Form": [*TOP, header, *rows]}))
    assert by_assessment(result) == {KEY: without(7, 8)}  # 7's level never kept as 8's
    assert_problem(result, "error", "B11, B12", "appears twice for Kenya 2023, with different")
    assert_problem(result, "error", "B11, B12", f"({LEVELS[7]} in B11, {LEVELS[8]} in B12)")
    assert_problem(result, "error", "B11, B12", "Capability 7 (Access to Image Databases) has no")
    assert_problem(result, "error", "B11, B12", "B11 is likely capability 7 with 8 typed")
    (problem,) = errors(result)
    assert "correct its number (and title) to 7" in problem.fix


def test_the_second_row_mistyped_names_that_row():
    rows = [[n, LEVELS[n]] for n in range(1, 22)]
    rows[8][0] = 8  # 9 typed as 8: the second 8 sits right before 10
    result = read("form.xlsx", xlsx({"Form": [*TOP, ["No.", "Level"], *rows]}))
    assert by_assessment(result) == {KEY: without(8, 9)}
    assert_problem(result, "error", "B12, B13", "B13 is likely capability 9 with 8 typed")
    assert_problem(result, "error", "B12, B13", "right before capability 10")


def test_a_capability_listed_again_with_another_level_keeps_neither():
    # U02: a 22nd row repeating capability 5 (number and title) with another level
    rows = [[n, TITLES[n], LEVELS[n]] for n in range(1, 22)] + [[5, TITLES[5], 4]]
    result = read("form.xlsx", xlsx({"Form": [*TOP, ["No.", "Capability", "Level"], *rows]}))
    assert by_assessment(result) == {KEY: without(5)}
    assert_problem(result, "error", "C9, C26", "appears twice for Kenya 2023, with different")
    assert_problem(result, "error", "C9, C26", "neither was used")
    assert len(errors(result)) == 1


def test_three_rows_for_one_capability():
    rows = [[n, TITLES[n], LEVELS[n]] for n in range(1, 22)] + [[5, TITLES[5], 4], [5, "", 1]]
    result = read("form.xlsx", xlsx({"Form": [*TOP, ["No.", "Capability", "Level"], *rows]}))
    assert by_assessment(result) == {KEY: without(5)}
    assert_problem(result, "error", "C9, C26, C27", "appears 3 times")


def test_a_capability_listed_again_with_the_same_level_keeps_it():
    rows = [[n, TITLES[n], LEVELS[n]] for n in range(1, 22)] + [[5, TITLES[5], LEVELS[5]]]
    result = read("form.xlsx", xlsx({"Form": [*TOP, ["No.", "Capability", "Level"], *rows]}))
    assert by_assessment(result) == {KEY: LEVELS}
    assert_problem(result, "error", "C26", "appears a second time for Kenya 2023 (first in C9)")


@pytest.mark.parametrize(
    ("header", "changed", "severity", "words"),
    [
        (
            ["No.", "Capability", "Kenya", "Uganda", "Kenya"],
            {2: 4, 6: 1},
            "error",
            "They do not agree on capabilities 2, 6 (a different level, or a level beside a blank "
            "cell): those were not used from either column; the 19 that are the same in both "
            "were kept.",
        ),
        (
            ["N°", "Capacité", "Kenya", "Ghana", "Kenya"],
            {},
            "warning",
            "Both give the same levels; column E was not used.",
        ),
    ],
)
def test_two_columns_for_one_country_give_one_message(header, changed, severity, words):
    # U09: an updated copy of a country's column beside the old one
    other = {n: (n + 1) % 5 for n in range(1, 22)}
    rows = [["Year", 2023], header]
    rows += [[n, TITLES[n], LEVELS[n], other[n], changed.get(n, LEVELS[n])] for n in range(1, 22)]
    result = read("matrix.xlsx", xlsx({"Matrix": rows}))
    found = by_assessment(result)
    assert found[KEY] == without(*changed)
    assert len(found) == 2  # Uganda read as usual
    assert_problem(result, severity, "C2, E2", "The columns headed “Kenya” (C2) and “Kenya” (E2)")
    assert_problem(result, severity, "C2, E2", words)
    assert len(result.problems) == 1  # not one message per row


def test_a_form_export_with_a_capability_asked_twice_keeps_neither():
    head = ["Timestamp", "Country", "Year"] + [f"{n}. {TITLES[n]}" for n in range(1, 22)]
    head.append(f"3. {TITLES[3]}")
    rows = [head, ["2024-01-01", "Kenya", 2023, *(LEVELS[n] for n in range(1, 22)), 0]]
    result = read("form.xlsx", xlsx({"Form responses 1": rows}))
    (levels,) = by_assessment(result).values()
    assert levels == without(3)
    assert_problem(result, "error", "F2, Y2", "Capability 3 (Legislation) appears twice")


def test_old_rows_hidden_below_leave_the_visible_levels():
    # round 3's B19: last round's rows hidden instead of deleted
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Form"
    for row in [*TOP, ["No.", "Capability", "Level"]]:
        sheet.append(row)
    for n in range(1, 22):
        sheet.append([n, TITLES[n], LEVELS[n]])
    for n in range(1, 22):
        sheet.append([n, TITLES[n], (LEVELS[n] + 1) % 5])
        sheet.row_dimensions[sheet.max_row].hidden = True
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = read("form.xlsx", buffer.getvalue())
    assert by_assessment(result) == {KEY: LEVELS}
    assert_problem(result, "warning", "C26", "Hidden rows give 21 capabilities of Kenya 2023")
    assert not errors(result)
