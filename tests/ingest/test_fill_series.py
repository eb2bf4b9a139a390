"""A level column holding numbers that are plainly not levels is refused whole."""

from __future__ import annotations

import pytest

from components.framework.model import default_framework
from components.ingest.fill_series import not_levels_problem
from tests.ingest.reader_support import (
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    errors,
    read,
    xlsx,
)

SCALE = default_framework().scale
SERIES = list(range(1, 22))


@pytest.mark.parametrize(
    ("levels", "keys", "words"),
    [
        (SERIES, SERIES, "holds each row's capability number (1, 2, 3 … 21"),
        (SERIES, None, "holds the numbers 1, 2, 3 … 21 in order"),
        ([str(n) for n in SERIES], [float(n) for n in SERIES], "capability number"),
        (SERIES[4:], SERIES[4:], "capability number (5, 6, 7 … 21"),
        ([10, 25, 60, 80, 100, 3, 45], None, "6 of its 7 numbers outside the scale"),
        ([n % 5 for n in SERIES], SERIES, None),  # levels that cycle 0-4
        ([0, 1, 2, 3, 4, 1, 2], [1, 2, 3, 4, 5, 6, 7], None),
        ([1, 2, 3, 4, 5, 1, 2, 3], None, None),  # one 5: a per-cell error, not the column
        ([1, 2, 3, 4], [1, 2, 3, 4], None),  # too few to judge, and all on the scale
        ([None, "n/a", 2, 7, 3], None, None),
        (["①", "②", "③", "④", "⓪", "①"], None, None),  # circled digits: not whole numbers here
    ],
)
def test_a_column_that_is_not_levels(levels, keys, words):
    found = not_levels_problem(levels, keys, SCALE, "“No.”")
    if words is None:
        assert found is None
    else:
        assert words in found


FORM_TOP = [["Country", "Kenya"], ["Year", 2023], []]


@pytest.mark.parametrize(
    ("header", "rows", "name", "cell", "words"),
    [
        (  # U04: fill-dragged beside the numbers
            ["No.", "Capability", "Level"],
            [[n, TITLES[n], n] for n in SERIES],
            "form.xlsx",
            "C4",
            "holds each row's capability number (1, 2, 3 … 21, the same as the “No.” column)",
        ),
        (  # French headers, numbers as text
            ["N°", "Capacité", "Niveau"],
            [[str(n), TITLES[n], str(n)] for n in SERIES],
            "form.xlsx",
            "C4",
            "the same as the “N°” column",
        ),
        (  # titles with their numbers, no number column
            ["Capability", "Level"],
            [[f"{n}. {TITLES[n]}", n] for n in SERIES],
            "form.csv",
            "B4",
            "holds the numbers 1, 2, 3 … 21 in order down the rows",
        ),
        (  # a 0-100 score read as levels
            ["No.", "Capability", "Level"],
            [[n, TITLES[n], (n * 17) % 100] for n in SERIES],
            "form.xlsx",
            "C4",
            "numbers outside the scale (0 to 4), so it does not hold levels",
        ),
    ],
)
def test_a_form_whose_level_column_is_not_levels_is_refused_whole(header, rows, name, cell, words):
    sheet = [*FORM_TOP, header, *rows]
    data = xlsx({"Form": sheet}) if name.endswith("xlsx") else csv_bytes(sheet)
    result = read(name, data)
    assert not any(by_assessment(result).values())  # not levels 1-4 for capabilities 1-4
    assert_problem(result, "error", cell, words)
    assert_problem(result, "error", cell, "none of its levels were read")
    assert len(errors(result)) == 1  # one message, not one per cell


def test_a_long_table_with_the_numbers_copied_into_the_level_column_is_refused():
    rows = [["Country", "Year", "No.", "Capability", "Level"]]
    rows += [[country, 2023, n, TITLES[n], n] for country in ("Kenya", "Uganda") for n in SERIES]
    result = read("long.xlsx", xlsx({"Data": rows}))
    assert not any(by_assessment(result).values())
    assert_problem(result, "error", "E1", "capability number")


def test_real_levels_with_one_typo_are_still_read_cell_by_cell():
    rows = [[n, TITLES[n], n % 5] for n in SERIES]
    rows[6][2] = 7  # one typo
    result = read("form.xlsx", xlsx({"Form": [*FORM_TOP, ["No.", "Capability", "Level"], *rows]}))
    expected = {n: n % 5 for n in SERIES if n != 7}
    assert by_assessment(result) == {("Kenya", 2023, None): expected}
    assert_problem(result, "error", "C11", "outside the scale")
