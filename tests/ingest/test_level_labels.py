"""A level's number beside a column of its label (components/ingest/level_labels.py): the
rows where they disagree are reported and not used, the others read."""

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


def _form(heading: str, wrong: set[int], *, label_first: bool = False) -> bytes:
    """A form whose label column says the next level up in the rows of ``wrong``."""
    rows = [["Country", "Kenya"], ["Year", 2023], []]
    header = ["No.", "Capability", heading, "Level"] if label_first else None
    rows.append(header or ["No.", "Capability", "Level", heading, "Evidence"])
    for n in range(1, 22):
        label = LABELS[(LEVELS[n] + 1) % 5] if n in wrong else LABELS[LEVELS[n]]
        cells = [label, LEVELS[n]] if label_first else [LEVELS[n], label, "seen"]
        rows.append([n, TITLES[n], *cells])
    return xlsx({"MNR": rows})


@pytest.mark.parametrize(
    "heading", ["Level description", "Label", "Description", "Maturity", "Libellé du niveau"]
)
@pytest.mark.parametrize("wrong", [{3}, {3, 8}, {3, 8, 15}, {2, 3, 8, 15, 20}])
def test_rows_whose_number_and_label_disagree_are_errors_the_others_read(heading, wrong):
    result = read("form.xlsx", _form(heading, wrong))
    expected = {n: v for n, v in LEVELS.items() if n not in wrong}
    assert by_assessment(result) == {("Kenya", 2023, None): expected}
    assert len(errors(result)) == len(wrong)
    row = 4 + 3  # capability 3 is on row 7, under the header in row 4
    assert_problem(result, "error", f"C{row}", f"in C{row} (level 3, “Established”)")
    assert_problem(result, "error", f"C{row}", f"“Mature” in D{row} (level 4, “Mature”)")


def test_a_label_column_before_the_numbers_is_checked_the_same():
    result = read("form.xlsx", _form("Maturity", {3, 8, 15}, label_first=True))
    assert by_assessment(result) == {
        ("Kenya", 2023, None): {n: v for n, v in LEVELS.items() if n not in {3, 8, 15}}
    }
    assert len(errors(result)) == 3


def test_a_label_column_that_agrees_reads_silently():
    result = read("form.xlsx", _form("Level description", set()))
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}
    assert not result.problems


@pytest.mark.parametrize("heading", ["Target", "Previous level", "Baseline", "Objectif"])
def test_a_column_of_another_times_levels_is_no_label_column(heading):
    result = read("form.xlsx", _form(heading, {3, 8}))
    assert by_assessment(result)[("Kenya", 2023, None)] == LEVELS
    assert not [p for p in errors(result) if "two different levels" in p.message]
