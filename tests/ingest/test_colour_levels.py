"""Levels shown only by fill colours: read by the workbook's colour key, or refused."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.colour_support import GREEN, LIME, ORANGE, RED, TRAFFIC, YELLOW, Fill, Rows, write
from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, errors, read

LEVELS = {n: (n * 3) % 5 for n in range(1, 22)}
FORMATS = ["xlsx", "xls", "ods"]


def _table(levels: dict[int, int | None], palette: list[str] = TRAFFIC, at: int = 4) -> Rows:
    """Title, blank, header at row ``at``, then a row per capability with an empty Level cell
    filled with its level's colour (no fill for ``None``)."""
    rows: Rows = [["Kenya – MNR traffic lights 2024"]] + [[] for _ in range(at - 2)]
    rows.append(["Capability", "Level"])
    for n in range(1, 22):
        level = levels[n]
        rows.append([TITLES[n], None if level is None else Fill(palette[level])])
    return rows


def _key_beside(rows: Rows, labels: list[str], column: int = 3) -> Rows:
    for i, label in enumerate(labels):
        row = rows[4 + i]
        row += [None] * (column - len(row))
        row += [Fill(TRAFFIC[i]), label]
    return rows


LABELS = ["0 – Not in place", "1 – Building", "2 – Developing", "3 – Established", "4 – Mature"]


def _beside(kind: str) -> bytes:
    return write(kind, {"Traffic lights": _key_beside(_table(LEVELS), LABELS)})


def _above(kind: str) -> bytes:
    key: Rows = [["Kenya MNR 2024"], []] + [
        [Fill(TRAFFIC[i]), f"{i} = {LABELS[i][4:]}"] for i in range(5)
    ]
    table = _table(LEVELS)[2:]
    return write(kind, {"Assessment": [*key, [], *table]})


def _key_sheet(kind: str) -> bytes:
    key: Rows = [["Colour key"]] + [[Fill(TRAFFIC[i]), f"Level {i}"] for i in range(5)]
    return write(kind, {"Assessment": _table(LEVELS), "Key": key})


def _key_in_cells(kind: str) -> bytes:
    # The key's cells hold their level themselves, across one row under the title.
    rows = _table(LEVELS)
    rows[1] = [Fill(colour, LABELS[i]) for i, colour in enumerate(TRAFFIC)]
    return write(kind, {"RAG": rows})


def _three_levels(kind: str) -> bytes:
    # Red / amber / green only, a key of three numbers (1, 2, 3 of the app's scale).
    levels = {n: 1 + n % 3 for n in range(1, 22)}
    rows = _table(levels)
    for i in range(1, 4):
        rows[4 + i] += [None, Fill(TRAFFIC[i]), i]
    return write(kind, {"Sheet1": rows})


@pytest.mark.parametrize("kind", FORMATS)
@pytest.mark.parametrize(
    ("shape", "levels"),
    [
        (_beside, LEVELS),
        (_above, LEVELS),
        (_key_sheet, LEVELS),
        (_key_in_cells, LEVELS),
        (_three_levels, {n: 1 + n % 3 for n in range(1, 22)}),
    ],
)
def test_levels_shown_by_colour_are_read_by_the_key_and_said(kind, shape, levels):
    result = read(f"lights.{kind}", shape(kind))
    assert list(by_assessment(result).values()) == [levels]
    assert errors(result) == []
    warning = next(p for p in result.problems if "read from its cell's colour" in p.message)
    assert warning.severity == "warning"
    assert "colour key" in warning.message
    assert "Type each level" in warning.fix


@pytest.mark.parametrize("kind", FORMATS)
def test_an_unfilled_level_cell_is_not_assessed_and_said(kind):
    levels: dict[int, int | None] = dict(LEVELS)
    levels[7] = None
    result = read(f"lights.{kind}", write(kind, {"S": _key_beside(_table(levels), LABELS)}))
    assert list(by_assessment(result).values()) == [
        {n: v for n, v in levels.items() if v is not None}
    ]
    assert_problem(result, "warning", "B5:B25", "1 cell(s) with no fill were read as not assessed")


def test_a_colour_a_shade_off_the_key_is_read_as_it_said_and_an_unknown_one_is_not():
    rows = _key_beside(_table(LEVELS), LABELS)
    rows[4 + 3][1] = Fill("FE0000")  # capability 4: level 2... a red picked again by hand
    rows[4 + 5][1] = Fill("0000FF")  # capability 6: blue, not in the key
    result = read("lights.xlsx", write("xlsx", {"S": rows}))
    expected = {n: v for n, v in LEVELS.items() if n != 6}
    expected[4] = 0
    assert list(by_assessment(result).values()) == [expected]
    assert_problem(result, "warning", "B5:B25", "B8 is filled with a colour a shade off")
    assert_problem(result, "warning", "B5:B25", "B10 is filled with a colour the key does not")


@pytest.mark.parametrize("kind", FORMATS)
@pytest.mark.parametrize(
    "palette",
    [TRAFFIC, [RED, ORANGE, GREEN, GREEN, GREEN], [RED, YELLOW, LIME, GREEN, GREEN]],
)
def test_colours_without_a_key_are_refused_saying_how_to_fix_it(kind, palette):
    result = read(f"lights.{kind}", write(kind, {"Status": _table(LEVELS, palette)}))
    assert result.capabilities.empty
    assert_problem(result, "error", "B5:B25", "the levels seem to be shown by colour only")
    problem = next(p for p in errors(result) if "colour only" in p.message)
    assert "Type each level" in problem.fix
    assert "colour key" in problem.fix
    assert not [p for p in result.problems if "every capability not assessed" in p.message]


def test_two_keys_that_disagree_are_no_key():
    rows = _key_beside(_table(LEVELS), LABELS)
    reversed_key: Rows = [[Fill(TRAFFIC[i]), f"Level {4 - i}"] for i in range(5)]
    result = read("lights.xlsx", write("xlsx", {"S": rows, "Legend": reversed_key}))
    assert result.capabilities.empty
    assert_problem(result, "error", "B5:B25", "shown by colour only")


def _plain(levels: dict[int, Any], colours: dict[int, str]) -> bytes:
    rows = _table(dict.fromkeys(range(1, 22)))
    for n in range(1, 22):
        value = levels.get(n)
        colour = colours.get(n)
        rows[3 + n][1] = Fill(colour, value) if colour else value
    return write("xlsx", {"S": rows})


@pytest.mark.parametrize(
    ("case", "data"),
    [
        # one input shading on every level cell: a template, nothing to read
        ("shaded template", _plain({}, dict.fromkeys(range(1, 22), "FFFF00"))),
        # banded rows: two colours taking turns
        ("banded", _plain({}, {n: ("C0C0C0" if n % 2 else "CCFFFF") for n in range(1, 22)})),
    ],
)
def test_empty_level_cells_that_are_only_shaded_are_not_read_as_colours(case, data):
    result = read("form.xlsx", data)
    assert result.capabilities["level"].isna().all(), case
    assert not [p for p in result.problems if "colour" in p.message and "seem" in p.message]
    assert_problem(result, "error", "B5:B25", "has a level (the level cells B5:B25 are empty)")
    assert result.capabilities.empty  # nothing assessed: not kept


def test_typed_levels_in_coloured_cells_are_read_as_typed():
    # The colours agree with a key, but the numbers are what is read: no colour is looked at.
    rows = _key_beside(_table(LEVELS), LABELS)
    for n in range(1, 22):
        rows[3 + n][1] = Fill(TRAFFIC[(LEVELS[n] + 1) % 5], LEVELS[n])
    result = read("typed.xlsx", write("xlsx", {"S": rows}))
    assert list(by_assessment(result).values()) == [LEVELS]
    assert not [p for p in result.problems if "colour" in p.message]
