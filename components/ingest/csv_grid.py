"""A csv's text as a grid of strings, as wide as its widest line (up to the column limit).

pandas' python parser gives every line as many fields as it has column names, and the reader
needs names up to the column limit so that a ragged or too-wide line is seen. Named that wide,
a long table of five columns comes back 301 columns wide: a 20,000-line file then costs six
million cells to make and clean, most of them empty (a minute and most of a gigabyte for
100,000 lines). So the lines are counted first with the ``csv`` module, which splits them as
pandas' python parser does (quotes, quoted line breaks, the same separator), and the grid is
made as wide as the widest line, or one past the column limit when a line goes past it. Should
pandas still find a line wider than that count, the file is read again at the full width:
the count saves time, it never decides what is read. A file so wide that the row limit would
make more cells than a sheet may hold is read up to fewer rows (``limits.rows_within``).
"""

from __future__ import annotations

import csv
import io
import warnings
from typing import Any

import pandas as pd

from components.ingest.limits import ReadLimits, rows_within


def read_grid(
    text: str, delimiter: str, limits: ReadLimits
) -> tuple[list[tuple[Any, ...]], bool, int]:
    """The first lines of ``text`` as rows of strings ("" where empty), one more than are
    read; whether any line has values past the column limit (those are cut); and how many
    rows are read: the row limit, or fewer for a file so wide (``limits.rows_within``)."""
    max_columns = limits.max_columns
    full = max_columns + 1
    width = min(widest_line(text, delimiter, limits.max_rows_per_sheet + 1), full)
    max_rows = rows_within(limits, min(width, max_columns))
    rows, too_wide, wider = _read(text, delimiter, width, max_columns, max_rows)
    if wider and width < full:
        max_rows = rows_within(limits, max_columns)
        rows, too_wide, _ = _read(text, delimiter, full, max_columns, max_rows)
    return rows, too_wide, max_rows


def widest_line(text: str, delimiter: str, lines: int) -> int:
    """The most fields any of the first ``lines`` records of ``text`` has, split as pandas'
    python parser splits them (at least 1); a very large number when the text cannot be split
    so (the caller then reads at full width)."""
    reader = csv.reader(io.StringIO(text, newline=None), delimiter=delimiter, quotechar='"')
    widest = 1
    try:
        for count, record in enumerate(reader):
            if count >= lines:
                break
            widest = max(widest, len(record))
    except csv.Error:
        return 1 << 30
    return widest


def _read(
    text: str, delimiter: str, width: int, max_columns: int, max_rows: int
) -> tuple[list[tuple[Any, ...]], bool, bool]:
    """(rows, values past the column limit, a line wider than ``width`` met)."""
    too_wide: list[bool] = []
    wider: list[bool] = []

    def cut_long_line(line: list[str]) -> list[str]:
        # Ragged lines are normal in hand-made csv; only data past the column limit is lost.
        if any(v.strip() for v in line[max_columns:]):
            too_wide.append(True)
        if len(line) > width:
            wider.append(True)
        return line[:width]

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pd.errors.ParserWarning)
        frame = pd.read_csv(
            # newline=None: lines may end in CR alone (Excel for Mac, old systems).
            io.StringIO(text, newline=None),
            sep=delimiter,
            header=None,
            names=list(range(width)),
            # Without this, pandas turns the surplus leading fields of a too-wide
            # first line into an index instead of reporting them.
            index_col=False,
            dtype=str,
            keep_default_na=False,
            nrows=max_rows + 1,
            engine="python",
            on_bad_lines=cut_long_line,
            skip_blank_lines=False,
        )
    # pandas warns (instead of calling cut_long_line) when the FIRST line is too wide.
    if any(issubclass(w.category, pd.errors.ParserWarning) for w in caught):
        wider.append(True)
        too_wide.append(width > max_columns)
    return list(frame.itertuples(index=False, name=None)), bool(too_wide), bool(wider)
