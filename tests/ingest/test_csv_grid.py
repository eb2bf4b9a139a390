"""A csv's grid is as wide as its widest line, and reads as it would at the full width
(``csv_grid``)."""

from __future__ import annotations

import csv
import io
import random
import warnings

import pandas as pd
import pytest

from components.ingest.csv_grid import read_grid, widest_line
from components.ingest.limits import MAX_SHEET_CELLS, ReadLimits

MAX_COLUMNS = 8
LIMITS = ReadLimits(max_columns=MAX_COLUMNS, max_rows_per_sheet=50)


@pytest.mark.parametrize(
    ("text", "delimiter", "widest"),
    [
        ("a,b,c\n1,2,3\n", ",", 3),
        ("a,b\n1,2,3,4\n5\n", ",", 4),  # ragged lines: the widest counts
        ('a,"b, with a comma",c\n', ",", 3),  # a separator inside quotes splits nothing
        ('a,"two\nlines",c\n1,2,3,4,5\n', ",", 5),  # a line break inside quotes
        ("a;b;c\r1;2;3;4\r", ";", 4),  # lines ending in CR alone
        ("a|b|c|d|e\n", "|", 5),
        ("a\tb\n", "\t", 2),
        ("", ",", 1),
    ],
)
def test_the_widest_line_is_counted_as_pandas_splits_it(text, delimiter, widest):
    assert widest_line(text, delimiter, 1000) == widest


def _full_width(text: str, delimiter: str, max_columns: int, max_rows: int):
    """What the reader read before: every line at the full width, trailing blanks dropped."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = pd.read_csv(
            io.StringIO(text, newline=None),
            sep=delimiter,
            header=None,
            names=list(range(max_columns + 1)),
            index_col=False,
            dtype=str,
            keep_default_na=False,
            nrows=max_rows + 1,
            engine="python",
            on_bad_lines=lambda line: line[: max_columns + 1],
            skip_blank_lines=False,
        )
    return [_trimmed(row) for row in frame.itertuples(index=False, name=None)]


def _trimmed(row) -> tuple:
    cells = list(row)
    # As the reader trims a row: an empty string, None or NaN (a short line's padding) is blank.
    while cells and (cells[-1] in ("", None) or cells[-1] != cells[-1]):
        cells.pop()
    return tuple(cells)


def test_the_grid_is_what_the_full_width_would_give_on_random_text():
    pieces = ["a", "b", "1", ",", ",", ";", "|", '"', '""', "\n", "\r\n", " ", "x,y", ""]
    generator = random.Random(20261203)  # noqa: S311 - a fixed sequence of test texts
    for _ in range(400):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 60)))
        if text.count('"') % 2:
            text += '"'  # pandas' strict parser refuses an open quote at the end
        for delimiter in (",", ";", "|"):
            try:
                expected = _full_width(text, delimiter, MAX_COLUMNS, 50)
            except (pd.errors.ParserError, csv.Error):
                # A quote pandas' strict parser refuses: refused alike (the reader says so).
                with pytest.raises((pd.errors.ParserError, csv.Error)):
                    read_grid(text, delimiter, LIMITS)
                continue
            rows, _, _ = read_grid(text, delimiter, LIMITS)
            assert [_trimmed(row) for row in rows] == expected, (text, delimiter)


@pytest.mark.parametrize(
    ("text", "too_wide", "first"),
    [
        ("a,b\n1,2\n", False, ("a", "b")),
        ("a,b\n" + ",".join("x" * 10) + "\n", True, ("a", "b")),  # a later line too wide
        (",".join("abcdefghij") + "\n1,2\n", True, tuple("abcdefgh")),  # the first line
        ("a,b\n1,2,,,,,,,,,,\n", False, ("a", "b")),  # only blanks past the limit
    ],
)
def test_values_past_the_column_limit_are_said_and_cut(text, too_wide, first):
    rows, wide, _ = read_grid(text, ",", LIMITS)
    assert wide is too_wide
    assert _trimmed(rows[0])[:MAX_COLUMNS] == first
    assert all(len(row) <= MAX_COLUMNS + 1 for row in rows)


def test_a_long_narrow_file_is_read_at_its_own_width():
    text = "Country,Year,Capability,Level\n" + "Kenya,2023,1,2\n" * 5000
    rows, wide, read = read_grid(text, ",", ReadLimits())
    assert not wide
    assert (len(rows), read) == (5001, 100_000)
    assert {len(row) for row in rows} == {4}  # not 301 columns, most of them empty


@pytest.mark.parametrize(("columns", "read"), [(4, 100_000), (29, 100_000), (300, 9999)])
def test_a_very_wide_file_is_read_up_to_fewer_rows(columns, read):
    text = ",".join(["1"] * columns) + "\n"
    rows, _, limit = read_grid(text * 3, ",", ReadLimits())
    assert limit == read
    assert limit * columns <= MAX_SHEET_CELLS
    assert len(rows) == 3
