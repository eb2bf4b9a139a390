"""A level written with a unit ("3 pts", "3 puntos"): read, with one warning per assessment."""

from __future__ import annotations

import pytest

from components.ingest.level_units import level_with_unit
from tests.ingest.reader_support import FW, assert_problem, by_assessment, read, xlsx

LEVELS = {n: n % 5 for n in range(1, 22)}


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("3 pts", 3),
        ("3pts", 3),
        ("1 pt", 1),
        ("0 points", 0),
        ("4 Points.", 4),
        ("2 puntos", 2),
        ("3 pontos", 3),
        ("2,0 pts", 2),
        ("5 pts", None),
        ("3 pts - Established", None),
        ("pts 3", None),
    ],
)
def test_level_with_unit(text, level):
    found = level_with_unit(text, FW.scale)
    assert (found[0] if found else None) == level


@pytest.mark.parametrize("unit", ["pts", "points", "puntos", "pontos"])
def test_a_form_with_units_is_read_with_one_warning(unit):
    rows = [["Country", "Egypt"], ["Year", 2023], [], ["No.", "Capability", "Level"]]
    rows += [[n, f"Capability {n}", f"{level} {unit}"] for n, level in LEVELS.items()]
    result = read("form.xlsx", xlsx({"Assessment": rows}))
    assert by_assessment(result) == {("Egypt", 2023, None): LEVELS}
    warnings = [p for p in result.problems if "without the unit" in p.message]
    assert len(warnings) == 1
    assert_problem(result, "warning", "C5", f"read as level 1 without the unit “{unit}”")


def test_a_long_table_gets_one_warning_per_assessment_and_refuses_a_number_off_the_scale():
    rows = [["Country", "Year", "Capability", "Level"]]
    rows += [
        [country, 2023, n, f"{level} pts"]
        for country in ("Kenya", "Uganda")
        for n, level in LEVELS.items()
    ]
    rows[1][3] = "5 pts"
    result = read("long.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {
        ("Kenya", 2023, None): {n: v for n, v in LEVELS.items() if n != 1},
        ("Uganda", 2023, None): LEVELS,
    }
    assert len([p for p in result.problems if "without the unit" in p.message]) == 2
    assert_problem(result, "error", "D2", "“5 pts” is outside the scale")
