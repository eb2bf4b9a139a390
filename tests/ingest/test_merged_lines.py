"""A level column whose lines a PDF converter merged ("2 0", "0 1 0" in most cells, blanks
between) is refused whole, its single levels too; a few such cells are each reported."""

from __future__ import annotations

from typing import Any

import pytest

from components.framework.model import default_framework
from components.ingest.merged_lines import merged_lines_problem
from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, csv_bytes, read, xlsx

SCALE = default_framework().scale
# Tabula's stream mode: the level lines merged and out of step with the titles.
SCRAMBLED = {7: "2 0", 8: "0", 11: "0 1 0", 12: "3 1", 14: "3 0", 16: "2 2", 17: "3 2"}
SCRAMBLED |= {18: "4 2", 19: "1 0 0", 21: "0 0"}


def _rows(levels: dict[int, Any], header: str = "Level") -> list[list[Any]]:
    rows: list[list[Any]] = [["Mozambique MNR assessment 2023"], ["Capability", header]]
    return rows + [[TITLES[n], levels.get(n)] for n in range(1, 22)]


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
@pytest.mark.parametrize(
    "levels",
    [
        SCRAMBLED,
        {n: v.replace(" ", "\n") for n, v in SCRAMBLED.items()},  # merged on two lines
        {n: "1 2" if n % 2 else 3 for n in range(1, 22)},  # most cells, some single
        {n: f"{n % 5} {(n + 1) % 5}" for n in range(1, 22)},  # two rounds' columns merged
    ],
)
def test_a_column_of_merged_lines_is_refused_whole(levels, kind):
    rows = _rows(levels)
    data = xlsx({"Sheet1": rows}) if kind == "xlsx" else csv_bytes(rows)
    result = read(f"mozambique.{kind}", data)
    assert not any(by_assessment(result).values())  # not even its single levels
    assert_problem(result, "error", "B2", "holds several levels in")
    problem = next(p for p in result.problems if "holds several levels in" in p.message)
    assert "which level is whose cannot be told" in problem.message
    assert "from the original document" in problem.fix


def test_a_few_cells_of_several_levels_are_each_reported_the_rest_read():
    levels = {n: n % 5 for n in range(1, 22)} | {3: "2 3", 9: "1 1 0"}
    result = read("mozambique.xlsx", xlsx({"Sheet1": _rows(levels)}))
    read_levels = by_assessment(result)[("Mozambique", 2023, None)]
    assert read_levels == {n: n % 5 for n in range(1, 22) if n not in (3, 9)}
    assert not [p for p in result.problems if "holds several levels in" in p.message]
    assert_problem(result, "error", "B5", "“2 3” is not a level")


@pytest.mark.parametrize(
    ("values", "said"),
    [
        (["2 0", "3 1", "0 1 0", "1", None, None], True),
        (["2 0", "3 1", "1", "2"], False),  # half, not most
        (["2 0", "3 1"], False),  # too few to judge a column by
        (["2 7", "9 1", "5 5", "1"], False),  # not levels of the scale
        (["2, 3", "1/2", "3 (JK) 2 (MW)", "1"], False),  # other forms: each cell's error
        ([1, 2, 3, "2 2"], False),
    ],
)
def test_merged_lines_problem(values, said):
    assert (merged_lines_problem(values, SCALE) is not None) is said
