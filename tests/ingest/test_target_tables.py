"""A table of targets beside the table of levels on one sheet (``target_tables``): the current
table is read, the targets left out with a warning naming their title."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import by_assessment, errors, read, xlsx

COUNTRIES = ("Botswana", "Ethiopia", "Lesotho")


def current(country: str, n: int) -> int:
    return (COUNTRIES.index(country) + n) % 4


def _side_by_side(left: str, right: str, *, gap: int = 2, targets_left: bool = False) -> bytes:
    def table(country: str, value) -> list:
        return [country, *(value(country, n) for n in range(1, 22))]

    width = 22 + gap
    rows = [[left, *([None] * (width - 1)), right], []]
    header = ["Country", *(f"C{n}" for n in range(1, 22))]
    rows.append([*header, *([None] * gap), *header])
    for country in COUNTRIES:
        now = table(country, current)
        aim = table(country, lambda c, n: 4)
        first, second = (aim, now) if targets_left else (now, aim)
        rows.append([*first, *([None] * gap), *second])
    return xlsx({"Scores and targets": rows})


@pytest.mark.parametrize(
    ("left", "right", "targets_left", "year"),
    [
        ("CURRENT LEVELS (2023)", "TARGET LEVELS (2027)", False, 2023),
        ("Current levels 2022", "Targets for 2026", False, 2022),
        ("NIVEAUX CIBLES (2027)", "NIVEAUX ACTUELS (2023)", True, 2023),
        ("Metas 2027", "Situación actual 2024", True, 2024),
    ],
)
def test_the_current_table_is_read_and_the_targets_left_out(left, right, targets_left, year):
    result = read("plan.xlsx", _side_by_side(left, right, targets_left=targets_left))
    assert by_assessment(result) == {
        (c, year, None): {n: current(c, n) for n in range(1, 22)} for c in COUNTRIES
    }
    assert not errors(result)
    title = left if targets_left else right
    warning = next(p for p in result.problems if "holds target levels" in p.message)
    assert f"The table under “{title}”" in warning.message


def test_two_tables_of_levels_side_by_side_are_not_taken_for_targets():
    result = read("two.xlsx", _side_by_side("LEVELS 2021", "LEVELS 2023"))
    assert not [p for p in result.problems if "target" in p.message]


def test_a_plan_beside_the_levels_under_a_target_title_is_not_left_out_as_targets():
    rows = [["CURRENT LEVELS (2023)", None, None, None, "TARGETS AND ACTIONS 2027"], []]
    rows.append(["Country", "Year", "Capability", "Level", "Action", "Owner", "Deadline"])
    rows += [
        ["Kenya", 2023, n, n % 5, "Train staff", "Ministry", "2026-12-31"] for n in range(1, 22)
    ]
    result = read("plan.xlsx", xlsx({"Tracker": rows}))
    assert not [p for p in result.problems if "holds target levels" in p.message]
