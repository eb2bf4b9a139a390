"""Tick forms whose chosen box is shaded instead of marked."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.colour_support import GREEN, RED, YELLOW, Fill, Rows, write
from tests.ingest.reader_support import FW, TITLES, assert_problem, by_assessment, errors, read

LEVELS: dict[int, int | None] = {n: (n * 3) % 5 for n in range(1, 22)}
LEVELS[9] = None  # no box shaded: not assessed
SHADE = "000080"
HEADINGS = {
    "numbers": [0, 1, 2, 3, 4],
    "labels": ["Not in place", "Building", "Developing", "Established", "Mature"],
    "numbered labels": [
        f"{i} - {label}"
        for i, label in enumerate(
            ["Not in place", "Building", "Developing", "Established", "Mature"]
        )
    ],
}


def _form(
    headings: list[Any],
    shade: Any = lambda n, i: SHADE if LEVELS[n] == i else None,
    band: bool = False,
) -> Rows:
    rows: Rows = [["North Macedonia – MNR self-assessment, 2024"], []]
    rows.append(["Capability", *headings])
    for n in range(1, 22):
        domain = FW.capability(n).domain
        if band and FW.capabilities_in(domain)[0].number == n:
            rows.append([FW.domain(domain).name, *[Fill(YELLOW) for _ in range(5)]])
        boxes = [Fill(colour) if (colour := shade(n, i)) else None for i in range(5)]
        rows.append([TITLES[n], *boxes])
    return rows


def _expected() -> dict[int, int]:
    return {n: v for n, v in LEVELS.items() if v is not None}


@pytest.mark.parametrize("kind", ["xlsx", "xls", "ods"])
@pytest.mark.parametrize("headings", list(HEADINGS))
def test_the_shaded_box_is_read_as_the_level_ticked_and_said(kind, headings):
    result = read(f"form.{kind}", write(kind, {"Assessment": _form(HEADINGS[headings])}))
    assert list(by_assessment(result).values()) == [_expected()]
    assert errors(result) == []
    assert_problem(result, "warning", "B3:F3", "each shaded box was read as the level ticked")


def test_shading_in_each_levels_colour_and_domain_bands_across_are_read_too():
    colours = [RED, "FF9900", YELLOW, "99CC00", GREEN]
    data = _form(HEADINGS["numbers"], lambda n, i: colours[i] if LEVELS[n] == i else None, True)
    result = read("form.xlsx", write("xlsx", {"Assessment": data}))
    assert list(by_assessment(result).values()) == [_expected()]


@pytest.mark.parametrize(
    ("case", "shade"),
    [
        # Two boxes shaded in a row: which one is the answer cannot be told.
        ("two in a row", lambda n, i: SHADE if LEVELS[n] == i or (n == 6 and i == 0) else None),
        # One column shaded all the way down: the form's styling.
        ("styled column", lambda n, i: SHADE if i == 2 else None),
    ],
)
def test_shading_that_is_no_mark_is_not_read(case, shade):
    result = read("form.xlsx", write("xlsx", {"Assessment": _form(HEADINGS["numbers"], shade)}))
    assert result.capabilities.empty or result.capabilities["level"].isna().all(), case
    assert not [p for p in result.problems if "shaded" in p.message], case


def test_boxes_marked_with_an_x_are_read_from_the_marks_whatever_their_shading():
    rows = _form(HEADINGS["numbers"], lambda n, i: SHADE if i == 0 else None)
    for n in range(1, 22):
        if LEVELS[n] is not None:
            rows[2 + n][1 + LEVELS[n]] = "x"
    result = read("form.xlsx", write("xlsx", {"Assessment": rows}))
    assert list(by_assessment(result).values()) == [_expected()]
    assert not [p for p in result.problems if "shaded" in p.message]
