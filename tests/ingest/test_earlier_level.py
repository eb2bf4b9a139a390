"""A level with an earlier year's level in brackets ("4 (2021: 3)"): the first level is read,
with a warning that the bracket's earlier level was not read."""

from __future__ import annotations

import pytest

from components.ingest.values import parse_level
from tests.ingest.reader_support import (
    FW,
    SAMPLE_LEVELS,
    assert_problem,
    by_assessment,
    edit_template,
    read,
    set_level,
)


@pytest.mark.parametrize(
    ("text", "level", "earlier"),
    [
        ("4 (2021: 3)", 4, "(3 in 2021)"),
        ("4 (2021 – 3)", 4, "(3 in 2021)"),
        ("4 (2021 - 3)", 4, "(3 in 2021)"),
        ("4 (in 2021: 3)", 4, "(3 in 2021)"),
        ("4 (2021 : 3)", 4, "(3 in 2021)"),  # French spacing
        ("4 (en 2021 : 3)", 4, "(3 in 2021)"),
        ("4 (em 2021: 3)", 4, "(3 in 2021)"),
        ("4 (3 in 2021)", 4, "(3 in 2021)"),
        ("4 [2021: 3]", 4, "(3 in 2021)"),
        ("0 (2021: 0)", 0, "(0 in 2021)"),
        ("4 - Mature (2021: 3 - Established)", 4, "(3 in 2021)"),
        ("Mature (2021: Developing)", 4, "(2 in 2021)"),
        ("4 - Consolidé (2021 : 3 - Établi)", 4, "(3 in 2021)"),
    ],
)
def test_the_level_before_an_earlier_years_level_is_read_with_a_warning(text, level, earlier):
    reading = parse_level(text, FW.scale)
    assert reading.level == level
    assert not reading.error
    assert f"was read as level {level}; the earlier level in brackets {earlier} was not read" in (
        reading.warning
    )
    assert "only the current level" in reading.fix


@pytest.mark.parametrize(
    "text",
    [
        "4 (2021: 7)",  # the earlier level is not on the scale
        "7 (2021: 3)",  # the level is not on the scale
        "4 (2021: new law)",  # words, not a level
        "4 (2021-2022: 3)",
        "2021: 3",
    ],
)
def test_anything_else_in_brackets_is_not_read_as_an_earlier_level(text):
    reading = parse_level(text, FW.scale)
    assert reading.level is None
    assert reading.error


@pytest.mark.parametrize(
    ("text", "earlier"),
    [
        ("4 (up from 3)", "(3)"),
        ("4 (was 3 in 2021)", "(3 in 2021)"),
        ("4 (was 3)", "(3)"),
        ("Mature (up from Developing)", "(2)"),
        ("4 (avant : 3)", "(3)"),
        ("4 (antes: 3)", "(3)"),
    ],
)
def test_an_earlier_level_in_words_is_said_the_same_way(text, earlier):
    reading = parse_level(text, FW.scale)
    assert reading.level == 4
    assert f"the earlier level in brackets {earlier} was not read" in reading.warning
    assert reading.once  # said once for the assessment's column


@pytest.mark.parametrize("text", ["4 (was good)", "2 (from 9)", "2 (mostly there)"])
def test_other_remarks_in_words_keep_their_reading(text):
    reading = parse_level(text, FW.scale)
    assert reading.level == int(text[0])
    assert "the words after the number do not match" in reading.warning


def test_earlier_levels_in_a_column_are_said_once_per_assessment():
    cells = {2: "4 (up from 3)", 5: "3 (was 2 in 2021)", 9: "2 (2021: 1)"}
    edits = [set_level(n, text) for n, text in cells.items()]
    data, _ = edit_template(lambda sheet: [edit(sheet) for edit in edits])
    result = read("updated.xlsx", data)
    [levels] = by_assessment(result).values()
    assert (levels[2], levels[5], levels[9]) == (4, 3, 2)
    said = [p for p in result.problems if "earlier level in brackets" in p.message]
    assert len(said) == 1


def test_a_template_cell_with_an_earlier_level_gives_its_level_and_says_so():
    data, (cell, _) = edit_template(set_level(2, "4 (2021: 3)"))
    result = read("updated.xlsx", data)
    [levels] = by_assessment(result).values()
    assert levels == {n: level for n, level in SAMPLE_LEVELS.items() if level is not None} | {2: 4}
    assert_problem(
        result, "warning", cell, "the earlier level in brackets (3 in 2021) was not read"
    )
