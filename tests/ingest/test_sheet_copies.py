"""A long table's sheet copied as it is ("Data (2)", "Sheet2"): read once, with a warning
(``sheet_copies``); sheets that differ in anything are not copies."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import (
    EXPECTED,
    assert_problem,
    by_assessment,
    long_rows,
    read,
    xlsx,
)


@pytest.mark.parametrize(
    ("first", "copy"),
    [("Data", "Data (2)"), ("Sheet1", "Sheet2"), ("Données", "Copie de Données"), ("A", "B")],
)
def test_a_copied_long_table_is_read_once_and_said(first, copy):
    result = read("data.xlsx", xlsx({first: long_rows(), copy: long_rows()}))
    assert by_assessment(result) == EXPECTED
    assert result.capabilities["assessment_id"].nunique() == len(EXPECTED)
    assert_problem(
        result, "warning", None, f"repeats sheet “{first}” exactly (3 assessments", sheet=copy
    )


@pytest.mark.parametrize(
    "change",
    [
        lambda rows: rows[1].__setitem__(3, 4),  # one level differs
        lambda rows: rows[1].__setitem__(4, "other notes"),  # the evidence differs
        lambda rows: rows.pop(1),  # one row fewer
    ],
)
def test_sheets_that_differ_in_anything_are_not_copies(change):
    copy = long_rows()
    change(copy)
    result = read("data.xlsx", xlsx({"Data": long_rows(), "Data (2)": copy}))
    assert not [p for p in result.problems if "repeats sheet" in p.message]


def test_a_copy_hidden_is_still_dropped_without_a_word():
    result = read("data.xlsx", xlsx({"Data": long_rows(), "Calc": long_rows()}, hidden=("Calc",)))
    assert by_assessment(result) == EXPECTED
    assert not [p for p in result.problems if "repeats sheet" in p.message]


@pytest.mark.parametrize(
    ("first", "version"),
    [
        ("Library", "Library v2"),
        ("Data", "Data version 3"),
        ("Data v2", "Data v3"),
        ("A", "A (v2)"),
    ],
)
def test_a_sheet_named_as_a_version_of_another_is_kept_apart(first, version):
    # The library's export writes each version of an assessment on a sheet of its own: two
    # versions with the same levels (their plans differ) are not a copy.
    result = read("data.xlsx", xlsx({first: long_rows(), version: long_rows()}))
    assert not [p for p in result.problems if "repeats sheet" in p.message]
    assert result.capabilities["assessment_id"].nunique() == 2 * len(EXPECTED)
