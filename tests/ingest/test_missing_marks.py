"""The marks programs write for a missing value (components/ingest/missing_marks.py): "NULL",
"\\N", ".", SAS's and Stata's special missing values and "NaN" are no level (never 0), with a
warning naming the mark; other text is no mark."""

from __future__ import annotations

from typing import Any

import pytest

from components.framework.model import default_framework
from components.ingest.missing_marks import is_german_word, mark_verdict, missing_mark
from components.ingest.values import parse_level

SCALE = default_framework().scale


@pytest.mark.parametrize(
    ("value", "mark"),
    [
        ("NULL", "NULL"),  # SQL Server's "Save Results As", its grid pasted into Excel
        ("null", "NULL"),
        ("Null", "NULL"),
        (" NULL ", "NULL"),
        ("(null)", "NULL"),
        ("<NULL>", "NULL"),
        ("[NULL]", "NULL"),
        ("\\N", "\\N"),  # MySQL's INTO OUTFILE, PostgreSQL's COPY
        (".", "."),  # SAS, Stata
        (".A", "."),  # SAS's special missing values
        ("._", "."),
        (".z", "."),  # Stata's
        ("NaN", "NaN"),  # pandas, NumPy as text
        ("nan", "NaN"),
        # no marks
        ("NA", None),  # R's NA: a "not assessed" word of the vocabulary (and Namibia's code)
        ("n/a", None),
        ("#N/A", None),  # as text: a formula's error (``error_cells``), typed or not unknown
        ("..", None),
        (".5", None),
        ("3.", None),
        ("Nullity", None),
        ("null and void", None),
        ("N", None),
        (0, None),
        (None, None),
        (float("nan"), None),  # a number cell: blank already
    ],
)
def test_missing_mark(value: Any, mark: str | None) -> None:
    assert missing_mark(value) == mark


@pytest.mark.parametrize("text", ["NULL", "null", "\\N", ".", ".B", "NaN", "(null)"])
def test_a_level_cell_holding_a_mark_is_not_assessed_never_zero(text: str) -> None:
    reading = parse_level(text, SCALE)
    assert reading.level is None
    assert not reading.error
    assert f"“{text}” was read as not assessed: it is the mark" in reading.warning
    assert mark_verdict(text) is not None


@pytest.mark.parametrize("text", ["0", "2", "Null point", "nul", "Level 0", "Zero"])
def test_other_level_cells_are_no_mark(text: str) -> None:
    assert mark_verdict(text) is None


@pytest.mark.parametrize(
    ("value", "german"),
    [
        *[("zwei", True), ("Drei", True), (" VIER ", True), ("eins", True), ("null", False)],
        *[("two", False), ("zwei Punkte", False), (2, False), (None, False)],
    ],
)
def test_german_number_words_besides_null(value: Any, german: bool) -> None:
    assert is_german_word(value) is german
