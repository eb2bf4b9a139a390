"""Formulas without a saved result are reported at their cell, not read as blank."""

from __future__ import annotations

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
