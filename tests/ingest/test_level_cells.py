"""Level cells with ticked boxes, two people's levels, or the scale's descriptor sentence."""

from __future__ import annotations

import pytest

from components.ingest.values import parse_level
from tests.ingest.reader_support import (
    FW,
    LABELS,
    TITLES,
    assert_problem,
    by_assessment,
    edit_template,
    level_cell,
    read,
    xlsx,
)

SCALE = FW.scale


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("☐ 0 ☐ 1 ☒ 2 ☐ 3 ☐ 4", 2),
        ("☐ 0  ☐ 1  ☐ 2  ☑ 3  ☐ 4", 3),
        ("□ 0 ■ 1 □ 2 □ 3 □ 4", 1),
        ("[ ] 0 [ ] 1 [ ] 2 [ ] 3 [x] 4", 4),
        ("( ) 0 (X) 1 ( ) 2", 1),
        ("☒ 0 Not in place ☐ 1 Building ☐ 2 Developing", 0),
    ],
)
def test_the_one_ticked_box_gives_the_level_with_a_warning(text, level):
    reading = parse_level(text, SCALE)
    assert (reading.level, reading.error) == (level, "")
    assert "the only box ticked" in reading.warning
    assert reading.fix


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("☐ 0 ☐ 1 ☐ 2 ☐ 3 ☐ 4", "no box ticked"),
        ("☐ 0 ☒ 1 ☒ 2 ☐ 3 ☐ 4", "several levels ticked (1 and 2)"),
        ("[x] 0 [ ] 1 [x] 4", "several levels ticked (0 and 4)"),
    ],
)
def test_no_box_or_several_boxes_ticked_is_an_error(text, words):
    reading = parse_level(text, SCALE)
    assert reading.level is None
    assert words in reading.error


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("3 (JK) / 2 (MW)", "3 and 2"),
        ("3/2 (two views)", "3 and 2"),
        ("JK: 3, MW: 2", "3 and 2"),
        ("3 (JK), 2 (MW)", "3 and 2"),
        ("Level 3 (JK) / Level 2 (MW)", "3 and 2"),
        ("3 - Established (JK) / 2 - Developing (MW)", "3 and 2"),
        ("Ministère : 1 ; ONG : 3", "1 and 3"),
        ("4 y 2", "4 and 2"),
    ],
)
def test_two_levels_in_one_cell_that_disagree_is_an_error(text, levels):
    reading = parse_level(text, SCALE)
    assert reading.level is None
    assert f"two levels in one cell, {levels}: agree on one" in reading.error
    assert "Agree on one level" in reading.fix


def test_two_levels_that_agree_are_read_with_a_warning():
    reading = parse_level("2 (JK) / 2 (MW)", SCALE)
    assert (reading.level, reading.error) == (2, "")
    assert "the same level 2 more than once" in reading.warning


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("3 (up from 2)", 3),
        ("4 (was 3 in 2021)", 4),
        ("4, because funding lapsed", 4),
        ("0 / pilot only", 0),
        ("2/4", 2),
        ("3, established", 3),
    ],
)
def test_a_remark_with_another_number_is_read_as_before(text, level):
    reading = parse_level(text, SCALE)
    assert (reading.level, reading.error) == (level, "")
    assert "two levels" not in reading.warning


@pytest.mark.parametrize("level", [level.value for level in SCALE.levels])
def test_the_scale_descriptor_typed_as_the_level_is_read_with_a_warning(level):
    descriptor = SCALE.level(level).descriptor
    for text in (descriptor, descriptor.rstrip(".").upper(), f"  {descriptor}  "):
        reading = parse_level(text, SCALE)
        assert (reading.level, reading.error) == (level, "")
        assert "is the descriptor of level" in reading.warning


def test_a_sentence_that_is_not_a_descriptor_is_still_refused():
    reading = parse_level("The capability is in place in two provinces.", SCALE)
    assert reading.level is None
    assert reading.error


def test_a_word_form_with_checkboxes_is_read_from_the_ticked_boxes():
    boxes = {n: "  ".join(("☒" if k == n % 5 else "☐") + f" {k}" for k in range(5)) for n in TITLES}
    rows = [["Country", "Cameroon"], ["Year", 2023], [], ["No.", "Capability", "Level"]]
    rows += [[n, TITLES[n], boxes[n]] for n in TITLES]
    result = read("form.xlsx", xlsx({"Form": rows}))
    assert by_assessment(result) == {("Cameroon", 2023, None): {n: n % 5 for n in TITLES}}
    assert_problem(result, "warning", "C5", "the only box ticked", sheet="Form")


def test_two_assessors_in_a_template_cell_are_reported_not_the_first_number():
    def edit(sheet):
        level_cell(sheet, 4).value = "3 (JK) / 2 (MW)"
        level_cell(sheet, 8).value = "JK: 1, MW: 1"
        return level_cell(sheet, 4).coordinate

    data, cell = edit_template(edit)
    result = read("two.xlsx", data)
    (levels,) = by_assessment(result).values()
    assert 4 not in levels
    assert levels[8] == 1
    assert_problem(result, "error", cell, "two levels in one cell, 3 and 2", sheet="Assessment")
    problem = next(p for p in result.problems if p.cell == cell)
    assert "Agree on one level" in problem.fix


def test_the_descriptor_copied_into_the_template_is_read():
    def edit(sheet):
        level_cell(sheet, 1).value = SCALE.level(3).descriptor
        return level_cell(sheet, 1).coordinate

    data, cell = edit_template(edit)
    result = read("descriptor.xlsx", data)
    (levels,) = by_assessment(result).values()
    assert levels[1] == 3
    assert_problem(result, "warning", cell, f"descriptor of level 3 (“{LABELS[3]}”)")
