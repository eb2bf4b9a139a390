"""The framework's labels numbered from 1 in a level column ("1 - Not in place" … "5 - Mature",
a drop-down list renumbered): read by their labels with one warning, when the whole column
does so; otherwise each disagreeing cell is refused as before
(components/ingest/shifted_labels.py)."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import (
    LABELS,
    TITLES,
    assert_problem,
    by_assessment,
    errors,
    read,
    xlsx,
)

LEVELS = {n: n % 5 for n in range(1, 22)}


def _form(cell) -> bytes:
    rows = [["Country", "Kenya"], ["Year", 2023], [], ["No.", "Capability", "Level"]]
    rows += [[n, TITLES[n], cell(level)] for n, level in LEVELS.items()]
    return xlsx({"Form": rows})


@pytest.mark.parametrize(
    "cell",
    [
        lambda level: f"{level + 1} - {LABELS[level]}",
        lambda level: f"{level + 1}. {LABELS[level]}",
        lambda level: f"({level + 1}) {LABELS[level]}",
    ],
)
def test_labels_numbered_from_one_are_read_by_their_labels(cell):
    result = read("kenya.xlsx", _form(cell))
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}
    assert not errors(result)
    assert_problem(result, "warning", "C5", "number the framework's labels one higher")


def test_a_column_numbered_partly_as_the_framework_is_read_cell_by_cell():
    def cell(level: int) -> str:  # capability 3's cell is numbered as the framework does
        return f"{level + 1} - {LABELS[level]}" if level != 3 else f"3 - {LABELS[3]}"

    result = read("kenya.xlsx", _form(cell))
    assert by_assessment(result) == {("Kenya", 2023, None): {3: 3, 8: 3, 13: 3, 18: 3}}
    assert len(errors(result)) == 17  # each of the others, as a cell on its own
