"""An empty column headed like the level beside the filled Level column
(components/ingest/empty_levels.py).

People insert a column before (or after) the template's Level column and never fill it; the
levels are read from the column that holds them, with a warning naming both. When every such
column is empty, or the inserted column holds something, the reader does as before.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.reader_support import (
    SAMPLE_LEVELS,
    TITLES,
    by_assessment,
    edit_template,
    errors,
    find,
    read,
    xlsx,
)

GIVEN = {n: level for n, level in SAMPLE_LEVELS.items() if level is not None}
INSERTED = [
    "Score (1-5 by workshop)",
    "Agreed level (validation workshop)",
    "Rating (0-4)",
    "Level (draft)",
    "Score",
    "Validated level",
    "Niveau (atelier)",
    "Final score",
]


def _insert_empty(heading: str, *, after: bool = False):
    """An edit of the template's Assessment sheet: an empty column headed ``heading`` inserted
    before (or after) its Level column; returns the Level heading's cell once moved."""

    def edit(sheet: Any) -> str:
        level = find(sheet, "Level")
        at = level.column + (1 if after else 0)
        sheet.insert_cols(at)
        sheet.cell(row=level.row, column=at).value = heading
        return find(sheet, "Level").coordinate

    return edit


@pytest.mark.parametrize("after", [False, True], ids=["before", "after"])
@pytest.mark.parametrize("heading", INSERTED)
def test_an_empty_column_headed_like_the_level_gives_way_to_the_filled_one(
    heading: str, after: bool
) -> None:
    data, level_cell = edit_template(_insert_empty(heading, after=after))
    result = read("filled.xlsx", data)
    assert by_assessment(result) == {("Arvenia", 2021, "baseline"): GIVEN}
    assert not errors(result)
    said = [p for p in result.problems if "is empty: the levels read are" in p.message]
    assert len(said) == 1
    assert said[0].message.startswith(f"The column headed “{heading}” (")
    assert f"those of “Level” ({level_cell})" in said[0].message


def test_a_long_table_with_an_empty_score_column_before_its_level_reads_the_level() -> None:
    rows: list[list[Any]] = [["Country", "Year", "Capability", "Score (1-5)", "Level"]]
    rows += [
        [c, 2023, TITLES[n], None, (n + k) % 5]
        for k, c in enumerate(["Peru", "Chile"])
        for n in range(1, 22)
    ]
    result = read("long.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {
        (c, 2023, None): {n: (n + k) % 5 for n in range(1, 22)}
        for k, c in enumerate(["Peru", "Chile"])
    }
    assert not errors(result)
    assert any("“Score (1-5)” (D1) is empty" in p.message for p in result.problems)


def test_when_every_level_column_is_empty_nothing_is_set_aside() -> None:
    rows: list[list[Any]] = [["Country", "Peru"], ["Year", 2023], []]
    rows += [["No.", "Capability", "Score", "Level"]]
    rows += [[n, TITLES[n], None, None] for n in range(1, 22)]
    result = read("blank.xlsx", xlsx({"Form": rows}))
    # Nothing to keep (``nothing_read``): the error says so, and no column is set aside.
    assert by_assessment(result) == {}
    assert any("has a level" in p.message and "nothing of it" in p.message for p in errors(result))
    assert not [p for p in result.problems if "is empty: the levels read" in p.message]


def test_an_inserted_column_that_holds_a_scale_of_1_to_5_is_still_refused() -> None:
    rows: list[list[Any]] = [["Country", "Peru"], ["Year", 2023], []]
    rows += [["No.", "Capability", "Score (1-5)", "Notes"]]
    rows += [[n, TITLES[n], n % 5 + 1, None] for n in range(1, 22)]
    result = read("scored.xlsx", xlsx({"Form": rows}))
    assert by_assessment(result) == {}
    assert any("scale of 1 to 5" in p.message for p in errors(result))
