"""Text tables whose columns are lined up with spaces (fixed width), cut into their columns.

Excel's "Formatted Text (Space delimited)" (.prn) pads each cell to its column's width, text
to the left and numbers to the right, so a number may touch the text of the next column
("       10Compensation, Remedies…"); SAS's listings, R's and pandas' printed tables, mainframe
and ERP reports (carriage control in the first column, page headers after a form feed, rules
under the headings) write their columns at fixed places too. There is no separator: split at
commas, "Research, Analysis and Monitoring" breaks in two; read whole, each line is one cell.

``read_text_grid`` reads such a text as the columns a person sees, when no separator (comma,
semicolon, tab, pipe) splits its lines better. A column starts at a place no line's value
crosses (a number may touch the next column's text there when some line's value starts there
after a space, as a heading's does); in a run of such places, at the last one, so a heading
written left over numbers written right stays over them ("C1" over "  3"); where no blank lies
between two lines' values, only where a number ends, a number touches text or most lines'
text starts. Then what is no column of its own joins its neighbour: a value's last words past
a one-space gap ("Complaints | Arrangements", reached by few lines), the first words of text
written right ("United | Kingdom" under "country"), a heading alone over numbers further right,
a column of one sign ("1 - Building"). Lines that cross a column's edge (titles, page headers,
"*** END OF REPORT ***") are left out when the columns are found and kept whole in column A,
where the reader reads titles; a print file's carriage-control column is left out, rule lines
are blank, and a "." alone (SAS's and Stata's missing value) is blank, each said in the
warning. Prose whose words happen to line up is not cut: a table's values are mostly two
spaces apart, or it has a column of numbers. A CSV padded with spaces stays a CSV.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from components.ingest.csv_grid import read_grid
from components.ingest.limits import ReadLimits, rows_within

# How much of the text decides: its first lines.
_SAMPLE_CHARS = 256 * 1024
_SAMPLE_LINES = 400
# A line wider than this is no printed table (Excel's .prn lines are at most 240 characters).
_MAX_WIDTH = 1024
_LINE_END = re.compile(r"\r\n|\r|\n")
_RULE = re.compile(r"[\s:|+=_*~-]*[-=_*~]{3,}[\s:|+=_*~-]*")
# A column whose every value is one of these signs is part of the values beside it.
_SIGNS = frozenset("-:=–—/")
# Share of the lines that must be cut in two or more cells, and that may not fit (titles).
_MIN_SPLIT_SHARE = 0.5
# Lines that may cross the columns (titles, page headers): one in four at most.
_MAX_FURNITURE_SHARE = 0.25
_SPACE = 32
_CONTROLS = frozenset(" 01-+")
_MISSING = "."
_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)?%?")


@dataclass(frozen=True)
class Columns:
    """Where a fixed-width text's columns start (after the first), and at which of those a
    number may touch the next column's text."""

    cuts: tuple[int, ...]
    touching: frozenset[int] = frozenset()
    margin: int = 0  # characters left out at each line's start (a print file's control)

    def fits(self, line: str) -> bool:
        """Whether ``line`` has no value cut by a column's start."""
        for cut in self.cuts:
            if cut >= len(line):
                break
            before, after = line[cut - 1], line[cut]
            if before != " " and after != " ":
                if cut in self.touching and before.isdigit() and after.isalpha():
                    continue
                return False
        return True

    def cells(self, line: str) -> tuple[str, ...]:
        starts = (0, *self.cuts)
        ends = (*self.cuts, None)
        return tuple(line[start:end].strip() for start, end in zip(starts, ends, strict=True))


def read_text_grid(
    text: str, delimiter: str, limits: ReadLimits
) -> tuple[list[tuple[Any, ...]], bool, int, tuple[str, str] | None]:
    """The text's grid as ``csv_grid.read_grid`` gives it (rows, values past the column limit,
    rows read), and, when it was read as a fixed-width table, the warning (message and fix)
    that says what was assumed."""
    columns = aligned_columns(text, delimiter)
    if columns is None:
        return (*read_grid(text, delimiter, limits), None)
    count = len(columns.cuts) + 1
    max_rows = rows_within(limits, min(count, limits.max_columns))
    rows: list[tuple[Any, ...]] = []
    kept_whole = missing = 0
    for whole in _lines(text, max_rows + 1):
        line = whole[columns.margin :]
        if not line.strip() or _RULE.fullmatch(line):
            rows.append(())
        elif columns.fits(line):
            cells = columns.cells(line)
            if _MISSING in cells:  # SAS's and Stata's missing value: not assessed
                missing += cells.count(_MISSING)
                cells = tuple("" if cell == _MISSING else cell for cell in cells)
            rows.append(cells)
        else:
            rows.append((line.strip(),))
            kept_whole += 1
    whole_lines = (
        f"; {kept_whole} lines that do not line up with them (titles, page headers) were kept "
        "whole in column A"
        if kept_whole
        else ""
    )
    dots = (
        f"; {missing} cells holding only “.” (SAS's and Stata's mark for a missing value) were "
        "read as blank"
        if missing
        else ""
    )
    note = (
        "The file has no separator between its values: its columns are lined up with spaces "
        "(as Excel's “Formatted Text (Space delimited)” .prn or a report writes them), so it "
        f"was cut into {count} columns where they line up{whole_lines}{dots}.",
        "Check the values read. If a column was cut in the wrong place, open the file in Excel "
        "(Data > From Text/CSV, “Fixed width”) and save it as “CSV UTF-8 (Comma delimited)”, "
        "then upload that file.",
    )
    return rows, count > limits.max_columns, max_rows, note


def aligned_columns(text: str, delimiter: str) -> Columns | None:
    """The columns of ``text`` when it is a fixed-width table that ``delimiter`` (the one
    sniffed) does not split better; else ``None``. Only its first lines are looked at."""
    sample = [line for line in _lines(text[:_SAMPLE_CHARS], _SAMPLE_LINES) if line.strip()]
    margin = 1 if _carriage_control(sample) else 0
    sample = [line[margin:] for line in sample if not _RULE.fullmatch(line[margin:])]
    count = len(sample)
    # Cheap first: lines with runs of spaces inside, no tab, no line too wide to be printed.
    if count < 2 or sum("  " in line.strip() for line in sample) < _MIN_SPLIT_SHARE * count:
        return None
    if any("\t" in line or len(line) > _MAX_WIDTH for line in sample):
        return None
    delimited = _delimited_lines(sample, delimiter)
    if delimited >= _MIN_SPLIT_SHARE * count:
        return None
    grid = _Grid(sample)
    table = ~grid.furniture(int(count * _MAX_FURNITURE_SHARE))  # titles, page headers
    if table.sum() < (1 - _MAX_FURNITURE_SHARE) * count:
        return None
    columns = grid.merged(table, grid.cuts(table))
    if not columns.cuts:
        return None
    kept = [line for line, fits in zip(sample, table, strict=True) if fits]
    split = sum(1 for line in kept if sum(1 for cell in columns.cells(line) if cell) >= 2)
    if split < _MIN_SPLIT_SHARE * count or split <= delimited:
        return None
    if not (_spaced(kept, columns) or _numbers_column(kept, columns)):
        return None  # words of prose that happen to line up
    return Columns(columns.cuts, columns.touching, margin)


class _Grid:
    """The sample's lines as a grid of characters, and what each place between two of them
    allows: a cut (no value crosses it), a number touching text, a value's start."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = lines
        width = max(map(len, lines)) + 1  # a blank place after the widest line
        codes = np.frombuffer(
            "".join(line.ljust(width) for line in lines).encode("utf-32-le"), dtype="<u4"
        ).reshape(len(lines), width)
        self.width = width
        self.filled = codes != _SPACE
        digit = (codes >= ord("0")) & (codes <= ord("9"))
        lower = codes | 0x20
        letter = ((lower >= ord("a")) & (lower <= ord("z"))) | (codes >= 0xC0)
        both = self.filled[:, :-1] & self.filled[:, 1:]
        touch = digit[:, :-1] & letter[:, 1:]
        # At place b (1 … width-1), between characters b-1 and b.
        self.crosses = both & ~touch
        self.touches = both & touch
        self.starts = ~self.filled[:, :-1] & self.filled[:, 1:]
        # A number written right ends before b; a text written left starts at b.
        self.number_ends = digit[:, :-1] & ~(self.filled[:, 1:] & ~letter[:, 1:])
        self.text_starts = letter[:, 1:] & (~self.filled[:, :-1] | digit[:, :-1])

    def cuts(self, rows: np.ndarray) -> Columns:
        """The columns' starts for the lines ``rows``."""
        crosses = self.crosses[rows].sum(axis=0)
        touches = self.touches[rows].sum(axis=0)
        starts = self.starts[rows].sum(axis=0)
        blank = self.filled[rows].sum(axis=0) == 0
        # A place is a cut when no line crosses it, or only numbers touching text that
        # another line's value starts at after a space.
        valid = (crosses == 0) & ((touches == 0) | (starts > 0))
        # Where no blank lies between two lines' values, only a number's end, a number
        # touching text or most lines' text starting says a column starts there.
        marked = (
            (self.number_ends[rows].sum(axis=0) > 0)
            | (self.text_starts[rows].sum(axis=0) * 2 >= rows.sum())
            | (touches > 0)
        )
        found: list[int] = []
        touching: set[int] = set()
        place = 1
        while place < self.width:
            if not valid[place - 1]:
                place += 1
                continue
            end = place
            while end + 1 < self.width and valid[end]:
                end += 1
            # Places place … end are cuts: a value alone between blanks in them is a column.
            found += _islands(blank, place, end)
            cut: int | None = end
            if not blank[place:end].any():  # no blank between: "Country" over "10"
                cut = next((b for b in range(end, place - 1, -1) if marked[b - 1]), None)
            if cut is not None and end + 1 < self.width and not blank[:cut].all():
                found.append(cut)
                if touches[cut - 1] > 0:
                    touching.add(cut)
            place = end + 1
        return Columns(tuple(sorted(set(found))), frozenset(touching))

    def furniture(self, tolerance: int) -> np.ndarray:
        """Which lines cross a column's edge: a place after two blanks (but in at most
        ``tolerance`` lines) where most lines start a text or end a number. Those are titles,
        page headers, a report's last line; a long value ending in a column's tail, or a
        heading over values written right ("C10" over "1"), crosses no such place."""
        crosses = self.crosses.sum(axis=0)
        edges = self.text_starts.sum(axis=0) + self.number_ends.sum(axis=0)
        low = self.filled.sum(axis=0) <= tolerance
        gap = np.zeros_like(low[:-1])
        gap[1:] = low[:-2] & low[1:-1]  # at place b: characters b-2 and b-1 mostly blank
        edge = (crosses > 0) & (crosses <= tolerance) & (edges * 2 >= len(self.lines)) & gap
        return self.crosses[:, np.flatnonzero(edge)].any(axis=1)

    def merged(self, rows: np.ndarray, columns: Columns) -> Columns:
        """The columns with those that are no column of their own joined to a neighbour: a
        word run past a one-space gap, a heading alone over numbers, a column of signs."""
        cuts = list(columns.cuts)
        lines = [line for line, kept in zip(self.lines, rows, strict=True) if kept]
        changed = True
        while changed and cuts:
            changed = False
            cells = [Columns(tuple(cuts)).cells(line) for line in lines]
            for index in range(1, len(cuts) + 1):
                left = [row[index - 1] for row in cells]
                right = [row[index] for row in cells]
                cut = cuts[index - 1]
                if (
                    _spill(lines, cut, left, right)
                    or _spill_left(lines, cut, left, right)
                    or _heading_over(left, right)
                ):
                    del cuts[index - 1]
                    changed = True
                    break
                if index < len(cuts) and _signs(right):
                    del cuts[index - 1 : index + 1]
                    changed = True
                    break
        return Columns(tuple(cuts), columns.touching & frozenset(cuts))


def _islands(blank: np.ndarray, first: int, last: int) -> list[int]:
    """The starts of the values alone between blank places among places ``first`` … ``last``
    (a column of one character, a number right of its heading)."""
    found = []
    place = first
    while place < last:
        if blank[place - 1] and not blank[place]:
            end = place
            while end < last and not blank[end]:
                end += 1
            if end < last or last + 1 >= len(blank):
                found.append(place)
            place = end
        place += 1
    return found


def _spill(lines: list[str], cut: int, left: list[str], right: list[str]) -> bool:
    """Whether the column at ``cut`` is a value's last words past a one-space gap: few lines
    reach it, each that has a value left of it too runs its words over the gap (a number
    alone there, written right, stays in the column it ends), and the column before is
    written left (most of its values end before the gap)."""
    filled = [index for index, cell in enumerate(right) if cell]
    if not filled or len(filled) > max(1, len(right) // 4) or cut < 2:
        return False
    runs_over = False
    for index in filled:
        line = lines[index]
        if left[index]:
            if line[cut - 1] != " " or line[cut - 2] == " ":
                return False
            runs_over = True
    # Text written left ends where it ends; a column written right ("2024") ends at the gap.
    ending = [
        line[cut - 2 : cut - 1] != " " for line, cell in zip(lines, left, strict=True) if cell
    ]
    return runs_over and sum(ending) * 2 <= len(ending)


def _spill_left(lines: list[str], cut: int, left: list[str], right: list[str]) -> bool:
    """Whether the column before ``cut`` holds the first words of text written right ("United"
    of "United Kingdom" under "country"): wherever it has a value, a word ends a space before
    the next column's text, and that column has a line (its heading) without it."""
    if all(cell for cell, after in zip(left, right, strict=True) if after):
        return False
    filled = [index for index, cell in enumerate(left) if cell]
    if not filled or cut < 2:
        return False
    for index in filled:
        line = lines[index]
        if not right[index] or not any(char.isalpha() for char in left[index]):
            return False
        if line[cut - 1] != " " or line[cut - 2] == " " or line[cut] == " ":
            return False
    return True


def _heading_over(left: list[str], right: list[str]) -> bool:
    """Whether the left column is a heading alone, over the right column's values."""
    headed = [index for index, cell in enumerate(left) if cell]
    if len(headed) != 1 or right[headed[0]]:
        return False
    return any(right)


def _signs(cells: list[str]) -> bool:
    filled = [cell for cell in cells if cell]
    return bool(filled) and all(len(cell) == 1 and cell in _SIGNS for cell in filled)


def _spaced(lines: list[str], columns: Columns) -> bool:
    """Whether the values the columns part are mostly two spaces apart or more (or touching):
    a table's columns are; words of prose, one space apart, are not."""
    wide = narrow = 0
    for line in lines:
        last_end: int | None = None
        for start, end in zip((0, *columns.cuts), (*columns.cuts, None), strict=True):
            piece = line[start:end]
            if not piece.strip():
                continue
            begins = start + len(piece) - len(piece.lstrip())
            if last_end is not None:
                if begins - last_end == 1:
                    narrow += 1
                else:
                    wide += 1
            last_end = start + len(piece.rstrip())
    return wide >= 2 * narrow


def _numbers_column(lines: list[str], columns: Columns) -> bool:
    """Whether a column holds numbers on most lines (levels, years, codes): a table's does,
    even one whose columns are one space apart (R's printed data frames)."""
    cells = [columns.cells(line) for line in lines]
    for index in range(len(columns.cuts) + 1):
        numbers = sum(1 for row in cells if _NUMBER.fullmatch(row[index]))
        if numbers * 2 >= len(lines):
            return True
    return False


def _carriage_control(lines: list[str]) -> bool:
    """Whether the lines start with a print file's carriage control (ASA): " " a line, "0" a
    blank line before, "1" a new page, "-" and "+"; each other than " " followed by a space."""
    controlled = 0
    for line in lines:
        first = line[:1]
        if first not in _CONTROLS:
            return False
        if first != " ":
            if line[1:2] not in {" ", ""}:
                return False
            controlled += 1
    return 0 < controlled < len(lines)


def _delimited_lines(lines: list[str], delimiter: str) -> int:
    """How many lines ``delimiter`` splits into the same number of fields (two or more)."""
    if not any(delimiter in line for line in lines):
        return 0
    widths: Counter[int] = Counter()
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter, quotechar='"')
    try:
        for record in reader:
            if len(record) >= 2:
                widths[len(record)] += 1
    except csv.Error:
        return 0
    return max(widths.values(), default=0)


def _lines(text: str, limit: int) -> list[str]:
    """The first ``limit`` lines of ``text``, split as the csv reader splits them, without
    form feeds (a report's page break) and trailing spaces."""
    lines = _LINE_END.split(text, limit)[:limit]
    if lines and not lines[-1] and text.endswith(("\n", "\r")):
        lines.pop()
    return [line.replace("\f", "").rstrip() for line in lines]
