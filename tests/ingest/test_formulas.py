"""Formulas without a saved result are reported at their cell, not read as blank."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import (
    SAMPLE_LEVELS,
    assert_problem,
    edit_template,
    levels,
    long_rows,
    read,
    set_level,
    xlsx,
)


def test_a_level_that_is_a_formula_without_a_saved_result_is_reported_and_the_rest_kept():
    data, (cell, number) = edit_template(set_level(3, "=1+1"))
    result = read("edited.xlsx", data)
    assert_problem(result, "error", cell, "formula", sheet="Assessment")
    assert len(result.problems) == 1
    assert levels(result.capabilities) == {**SAMPLE_LEVELS, number: None}


def test_formula_cells_without_a_saved_result_are_reported_in_a_long_table():
    rows = long_rows()
    rows[1][3] = "=1+1"
    result = read("f.xlsx", xlsx({"Data": rows}))
    assert_problem(result, "error", "D2", "formula", sheet="Data")


@pytest.mark.parametrize(
    ("header", "meaning"),
    [
        ("Year", "the year of row 3"),
        ("Round", "the round of row 3"),
        ("Assessed by", "the assessor of row 3"),
    ],
)
def test_a_long_tables_metadata_formula_without_a_saved_result_is_reported(header, meaning):
    rows = [["Country", "Capability", "Level", header]]
    rows += [["Elbonia", number, 2, 2024 if header == "Year" else "x"] for number in (1, 2, 3)]
    rows[2][3] = "=2020+4"  # openpyxl saves no result: the cell reads blank
    result = read("f.xlsx", xlsx({"Data": rows}))
    assert_problem(result, "error", "D3", meaning, sheet="Data")
