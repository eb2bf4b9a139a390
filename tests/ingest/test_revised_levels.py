"""Levels struck through in their cells with the new level in a "Revised" column beside."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.colour_support import Rows, struck, write
from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, errors, read

DRAFT = {n: n % 4 for n in range(1, 22)}
# capability -> its new level (written in the correction column, the draft's struck)
NEW = {3: 4, 8: 0, 15: 2}
WITHDRAWN = 11  # struck, with nothing new: crossed out
FORMATS = ["xlsx", "xls", "ods"]


def _table(heading: str, *, strike: bool = True, note: Any = None, gap: int = 0) -> Rows:
    rows: Rows = [["Malaysia – MNR 2023 – draft for review"], []]
    rows.append(["Capability", "Level (draft)", *[None] * gap, heading, "Comment"])
    for n in range(1, 22):
        crossed = strike and (n in NEW or n == WITHDRAWN)
        level = struck(DRAFT[n]) if crossed else DRAFT[n]
        new = NEW.get(n, note if n == 5 else None)
        rows.append([TITLES[n], level, *[None] * gap, new, "changed" if n in NEW else None])
    return rows


def _expected() -> dict[int, int]:
    levels = {**DRAFT, **NEW}
    del levels[WITHDRAWN]
    return levels


@pytest.mark.parametrize("kind", FORMATS)
@pytest.mark.parametrize(
    "heading", ["Revised", "New", "New level", "Level (revised)", "Nouveau niveau", "Revisado"]
)
def test_the_new_level_is_read_and_a_struck_level_with_none_is_not_assessed(kind, heading):
    result = read(f"draft.{kind}", write(kind, {"Draft": _table(heading)}))
    assert list(by_assessment(result).values()) == [_expected()]
    assert errors(result) == []
    assert_problem(result, "warning", "C3", "the new level was read where one is given")
    assert_problem(result, "warning", "C3", "(B14) was read as not assessed (crossed out)")


def test_a_correction_column_a_little_further_right_is_found():
    result = read("draft.xlsx", write("xlsx", {"Draft": _table("Updated", gap=1)}))
    assert list(by_assessment(result).values()) == [_expected()]
    assert_problem(result, "warning", "D3", "the new level was read")


@pytest.mark.parametrize(
    ("case", "rows"),
    [
        # Nothing struck: the column is not said to revise the levels.
        ("no strike", _table("Revised", strike=False)),
        # Headed by other things than a new level.
        ("new evidence", _table("New evidence")),
        ("comment", _table("Reviewer")),
        # Text that is no level in the column: not a column of new levels.
        ("not levels", _table("New", note="see minutes")),
    ],
)
def test_other_columns_beside_struck_levels_change_nothing(case, rows):
    result = read("draft.xlsx", write("xlsx", {"Draft": rows}))
    assert list(by_assessment(result).values()) == [DRAFT], case
    assert not [p for p in result.problems if "struck through (" in p.message], case


def test_a_struck_level_typed_over_in_an_unstruck_row_is_read_from_the_new_column():
    rows = _table("Revised")
    rows[2 + 2][2] = 3  # capability 2 given a new level without its draft struck
    result = read("draft.xlsx", write("xlsx", {"Draft": rows}))
    assert list(by_assessment(result).values()) == [{**_expected(), 2: 3}]
