"""Tick forms (a column per level, the level reached marked) with a Country and a Year column
on every row, and with boxes ticked as a ladder up to the level reached."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.reader_support import (
    LABELS,
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    read,
    xlsx,
)

GHANA = {n: (n * 3) % 5 for n in range(1, 22)}
SENEGAL = {n: (n + 1) % 5 for n in range(1, 22)}
SCALE = [f"{value} {label}" for value, label in LABELS.items()]


def _ticks(level: int, yes: Any, no: Any, *, ladder: bool = False) -> list[Any]:
    return [yes if v == level or (ladder and v < level) else no for v in range(5)]


@pytest.mark.parametrize(
    ("name", "yes", "no"),
    [
        ("checkboxes.csv", "TRUE", "FALSE"),  # Google Sheets checkboxes downloaded as CSV
        ("checkboxes.xlsx", True, False),  # the same sheet as xlsx: real booleans
        ("marks.csv", "x", ""),
        ("marks.xlsx", "✓", None),
    ],
)
def test_a_tick_form_takes_each_rows_country_and_year_from_its_columns(name, yes, no):
    rows: list[list[Any]] = [["Country", "Year", "No.", "Capability", "0", "1", "2", "3", "4"]]
    rows += [["Ghana", 2024, n, TITLES[n], *_ticks(GHANA[n], yes, no)] for n in range(1, 22)]
    data = csv_bytes(rows) if name.endswith(".csv") else xlsx({"S": rows})
    result = read(name, data)
    assert by_assessment(result) == {("Ghana", 2024, None): GHANA}
    assert not [p for p in result.problems if p.severity == "error"]


@pytest.mark.parametrize(
    ("country", "year", "number"),
    [("Country", "Year", "No."), ("Pays", "Année", "N°"), ("País", "Año", "No.")],
)
def test_several_countries_in_one_tick_form_are_several_assessments(country, year, number):
    rows: list[list[Any]] = [[number, "Capability", country, year, *SCALE]]
    for name, levels, when in (("Ghana", GHANA, 2024), ("Senegal", SENEGAL, 2023)):
        rows += [[n, TITLES[n], name, when, *_ticks(levels[n], "x", None)] for n in range(1, 22)]
    result = read("forms.xlsx", xlsx({"Ticks": rows}))
    assert by_assessment(result) == {
        ("Ghana", 2024, None): GHANA,
        ("Senegal", 2023, None): SENEGAL,
    }


def test_a_year_column_under_a_country_label_gives_each_rows_year():
    rows: list[list[Any]] = [["Country", "Ghana"], [], ["Year", "No.", "Capability", *SCALE]]
    rows += [[2024, n, TITLES[n], *_ticks(GHANA[n], "x", None)] for n in range(1, 22)]
    result = read("ghana.xlsx", xlsx({"Ticks": rows}))
    assert by_assessment(result) == {("Ghana", 2024, None): GHANA}


def test_tick_labels_above_the_table_still_give_the_country_and_year():
    rows: list[list[Any]] = [["Country", "Ghana"], ["Year", 2024], ["No.", "Capability", *SCALE]]
    rows += [[n, TITLES[n], *_ticks(GHANA[n], "TRUE", "FALSE")] for n in range(1, 22)]
    result = read("ghana.csv", csv_bytes(rows))
    assert by_assessment(result) == {("Ghana", 2024, None): GHANA}


def _ladder_form(yes: Any, no: Any, levels: dict[int, int], *, start: int = 0) -> bytes:
    rows: list[list[Any]] = [["Country", "Uganda"], ["Year", 2024], [], ["No.", "Capability"]]
    rows[-1] += SCALE
    for n in range(1, 22):
        ticks = [yes if start <= v <= levels[n] else no for v in range(5)]
        rows.append([n, TITLES[n], *ticks])
    return xlsx({"Sheet1": rows})


@pytest.mark.parametrize(("yes", "no"), [(True, False), ("x", None), ("✓", None)])
def test_boxes_ticked_as_a_ladder_are_read_as_the_highest_tick_with_a_warning(yes, no):
    result = read("ladder.xlsx", _ladder_form(yes, no, GHANA))
    assert by_assessment(result) == {("Uganda", 2024, None): GHANA}
    assert_problem(result, "warning", "C4", "ticked up to the level reached")
    assert not [p for p in result.problems if p.severity == "error"]


def test_a_ladder_from_level_one_leaves_level_zero_to_its_own_box():
    levels = {n: 1 + n % 4 for n in range(1, 22)}
    levels[3] = 0  # "0 Not in place" ticked alone
    rows: list[list[Any]] = [["Country", "Uganda"], ["Year", 2024], [], ["No.", "Capability"]]
    rows[-1] += SCALE
    for n in range(1, 22):
        ticks = [v == 0 if levels[n] == 0 else 1 <= v <= levels[n] for v in range(5)]
        rows.append([n, TITLES[n], *("x" if t else None for t in ticks)])
    result = read("ladder.xlsx", xlsx({"Sheet1": rows}))
    assert by_assessment(result) == {("Uganda", 2024, None): levels}


def test_a_row_with_a_gap_in_a_ladder_is_named_and_no_several_ticks_guessed():
    rows: list[list[Any]] = [["Country", "Uganda"], ["Year", 2024], [], ["No.", "Capability"]]
    rows[-1] += SCALE
    for n in range(1, 22):
        ticks = ["x" if v <= GHANA[n] else None for v in range(5)]
        if n == 3:  # level 4 reached, level 2 left unticked: no ladder
            ticks[2] = None
        rows.append([n, TITLES[n], *ticks])
    result = read("gap.xlsx", xlsx({"Sheet1": rows}))
    # only the rows with one tick (level 0) say their level without a doubt
    assert by_assessment(result) == {("Uganda", 2024, None): {n: 0 for n in GHANA if not GHANA[n]}}
    assert_problem(
        result,
        "error",
        "C4",
        "ticked from the lowest level up to the one reached (row 7: a gap, or separate ticks)",
    )
    assert_problem(result, "error", "C7", "(legislation) is marked at more than one level")
    assert not [p for p in result.problems if "ticked up to the level reached" in p.message]


def test_two_separate_ticks_in_a_few_rows_stay_an_error_on_those_rows():
    rows: list[list[Any]] = [["Country", "Zambia"], ["Year", 2024], ["No.", "Capability"]]
    rows[-1] += SCALE
    for n in range(1, 22):
        ticks = ["x" if v == GHANA[n] else None for v in range(5)]
        if n == 5:
            ticks[(GHANA[n] + 2) % 5] = "x"
        rows.append([n, TITLES[n], *ticks])
    result = read("two.xlsx", xlsx({"Sheet1": rows}))
    assert by_assessment(result) == {("Zambia", 2024, None): {n: GHANA[n] for n in GHANA if n != 5}}
    assert_problem(result, "error", "C8", "is marked at more than one level")
    assert not [p for p in result.problems if "ticked up to" in p.message]


@pytest.mark.parametrize(
    "cells",
    [
        ["x", "x", "x", "x", "x"],  # every box of every row ticked: no level stands out
        ["x", "✓", "x", None, None],  # two kinds of mark
    ],
)
def test_ticks_that_are_no_ladder_are_never_read_as_the_highest(cells):
    rows: list[list[Any]] = [["Country", "Uganda"], ["Year", 2024], [], ["No.", "Capability"]]
    rows[-1] += SCALE
    rows += [[n, TITLES[n], *cells] for n in range(1, 22)]
    result = read("ticks.xlsx", xlsx({"Sheet1": rows}))
    assert not any(by_assessment(result).values())
    assert not [p for p in result.problems if "ticked up to the level reached" in p.message]
