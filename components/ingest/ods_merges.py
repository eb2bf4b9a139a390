"""Merged cells of an .ods (and of a .fods, read as the .ods it is): the ranges calamine does
not report.

calamine gives an xlsx's merges (``merged_cell_ranges``) and none of an OpenDocument file's.
There a merged cell is a ``table:table-cell`` with ``table:number-columns-spanned`` and
``table:number-rows-spanned``, and each cell it hides is a ``table:covered-table-cell`` in its
own place, which calamine reads as an empty cell. Without the merges, a country merged over
its two years' columns heads only the first, and one merged down a long table belongs to its
first row only. ``ods_merges`` finds them in ``content.xml`` as calamine gives an xlsx's:
per sheet name, inclusive ((top, left), (bottom, right)) ranges in the grid calamine reads
from A1 (repeated rows and cells counted at each of their places), for ``sheets._fill_merged``.

A merge reaches as far as the covered cells written for it: across its first row, and down its
first column. LibreOffice writes every one; a span with nothing covered (a careless or hostile
writer's billion columns) merges nothing, so no heading, country or level is spread over
cells the file never hid.

What it may cost is bounded: a file without a span is not parsed at all, and a file is parsed
(defusedxml, no DTD) once, without building its tree, only as far as the row holding its last
span or covered cell: a title merged above a long table costs its first rows. Only merges whose
first cell holds something are kept (an empty one gives nothing to fill, and a filled cell,
repeats included, lies within the reach the file guard allowed: ``ods_guard``), and rows and
columns past the reader's limits are left out, so no range reaches past row 100,000 or column
300.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import ParseError

import defusedxml
from defusedxml.ElementTree import DefusedXMLParser

from components.ingest.limits import ReadLimits

MergedRange = tuple[tuple[int, int], tuple[int, int]]

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_SHEET, _ROW = f"{_TABLE}table", f"{_TABLE}table-row"
_CELL, _COVERED = f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"
_NAME = f"{_TABLE}name"
_ROWS_REPEATED = f"{_TABLE}number-rows-repeated"
_COLUMNS_REPEATED = f"{_TABLE}number-columns-repeated"
_ROWS_SPANNED = f"{_TABLE}number-rows-spanned"
_COLUMNS_SPANNED = f"{_TABLE}number-columns-spanned"
_VALUE_TYPE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}value-type"
# Looked for in the bytes first: most .ods files merge nothing, and then cost nothing more.
_SPANNED = (b"number-columns-spanned", b"number-rows-spanned")
_MEMO_KEY = ("ods merged ranges",)
_ROW_END = b"</table:table-row>"  # as LibreOffice writes it (and calamine reads it)
_CHUNK = 1 << 20


def ods_merges(
    memo: dict[Any, Any], data: bytes, limits: ReadLimits
) -> dict[str, list[MergedRange]]:
    """sheet name -> its merged ranges ((top, left), (bottom, right), 0-based, inclusive), for
    the sheets of the .ods package ``data`` that merge cells whose first cell holds something,
    within ``limits``. Found once per read (kept in ``memo``, the read's ``ctx.memo``)."""
    if _MEMO_KEY not in memo:
        memo[_MEMO_KEY] = _merges(data, limits)
    return memo[_MEMO_KEY]  # type: ignore[no-any-return]


def _merges(data: bytes, limits: ReadLimits) -> dict[str, list[MergedRange]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content = archive.read("content.xml")
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError):
        return {}
    if not any(spanned in content for spanned in _SPANNED):
        return {}
    walk = _Walk(limits)
    parser = DefusedXMLParser(target=walk, forbid_dtd=True)
    # Nothing after the row of the last span or covered cell can change a merge.
    last = max(content.rfind(b"spanned="), content.rfind(b"covered-table-cell"))
    row_end = content.find(_ROW_END, last)
    end = len(content) if row_end < 0 else row_end + len(_ROW_END)
    try:
        for start in range(0, end, _CHUNK):
            parser.feed(content[start : min(start + _CHUNK, end)])
        if end == len(content):
            parser.close()
    except (ParseError, defusedxml.DefusedXmlException, ValueError):
        return {}  # the guard refuses such a file before; never a traceback here
    return walk.ranges()


class _Walk:
    """The parser's target: each sheet's merges, from its elements' starts and ends (no tree
    is built: a long sheet's would cost many times the file; no text is looked at: a cell
    holds its text in elements, its paragraphs)."""

    def __init__(self, limits: ReadLimits) -> None:
        self.limits = limits
        self.sheets: dict[str, _Sheet] = {}
        self.sheet: _Sheet | None = None
        self.cell: dict[str, str] | None = None  # the attributes of the cell being read
        self.filled = False  # whether that cell holds an element (a text, a note)

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if self.cell is not None:
            self.filled = True
        elif tag in (_CELL, _COVERED):
            if self.sheet is not None:
                self.cell, self.filled = attributes, False
                if tag == _COVERED:
                    self.sheet.covered(attributes)
        elif tag == _ROW:
            if self.sheet is not None:
                self.sheet.start_row(attributes)
        elif tag == _SHEET:
            self.sheet = self.sheets[attributes.get(_NAME, "")] = _Sheet(self.limits)

    def end(self, tag: str) -> None:
        if tag == _CELL and self.cell is not None and self.sheet is not None:
            self.sheet.cell(self.cell, filled=self.filled or _VALUE_TYPE in self.cell)
            self.cell = None
        elif tag == _COVERED:
            self.cell = None
        elif tag == _ROW and self.sheet is not None:
            self.sheet.end_row()

    def close(self) -> None:
        """Nothing to finish: ``ranges`` says what was found."""

    def ranges(self) -> dict[str, list[MergedRange]]:
        found = {name: sheet.ranges() for name, sheet in self.sheets.items()}
        return {name: ranges for name, ranges in found.items() if ranges}


@dataclass
class _Merge:
    """A merged cell, as far as the covered cells found so far reach, and as far as its
    spans (cut to the limits) let it reach."""

    top: int
    left: int
    bottom: int
    right: int
    last_row: int
    last_column: int


class _Sheet:
    """One sheet's walk, a cell at a time: where the next row and cell are, and its merges."""

    def __init__(self, limits: ReadLimits) -> None:
        self.max_rows, self.max_columns = limits.max_rows_per_sheet, limits.max_columns
        self.row = 0  # where the next row element starts, repeats counted
        self.merges: list[_Merge] = []
        # column -> the merge starting there whose rows below may still be covered cells
        self.below: dict[int, _Merge] = {}
        # The row element being read: its first row, how many it stands for, the next cell's
        # column, the merges it starts, and the one its next covered cells widen.
        self.top = self.repeat = self.column = 0
        self.started: list[_Merge] = []
        self.across: _Merge | None = None

    def ranges(self) -> list[MergedRange]:
        return sorted(
            ((m.top, m.left), (m.bottom, m.right))
            for m in self.merges
            if m.bottom > m.top or m.right > m.left
        )

    def start_row(self, attributes: dict[str, str]) -> None:
        self.top, self.repeat = self.row, _count(attributes.get(_ROWS_REPEATED))
        self.row += self.repeat
        # A row past the limit is walked as if full: nothing in it is kept.
        self.column = 0 if self.top < self.max_rows else self.max_columns
        self.repeat = min(self.repeat, self.max_rows - self.top)
        self.started, self.across = [], None

    def covered(self, attributes: dict[str, str]) -> None:
        """A covered cell (or a run of them): it widens the merge just before it in the row,
        and lengthens down the merges above it."""
        if self.column >= self.max_columns:
            return
        count = self._columns(attributes)
        if self.across is not None:
            self.across.right = min(self.across.right + count, self.across.last_column)
        if self.below:
            self._cover(count)
        self.column += count

    def cell(self, attributes: dict[str, str], *, filled: bool) -> None:
        """A cell of its own (or a run of them): a merge when it spans more than itself and
        holds something. A merge from above that had reached this column ends here
        (``_cover`` sees the row it skipped)."""
        if self.column >= self.max_columns:
            return
        count = self._columns(attributes)
        self.across = None
        spans = attributes.get(_ROWS_SPANNED), attributes.get(_COLUMNS_SPANNED)
        if filled and spans != (None, None):
            rows, columns = _count(spans[0]), _count(spans[1])
            if rows * columns > 1:
                at = range(self.column, self.column + count)
                self.started += [self._start(self.top, left, rows, columns) for left in at]
                self.across = self.started[-1]
        self.column += count

    def end_row(self) -> None:
        if self.repeat > 1 and self.started:
            self._repeat(self.started, self.top, self.repeat)

    def _columns(self, attributes: dict[str, str]) -> int:
        """How many columns a cell element stands for, up to the column limit."""
        repeated = attributes.get(_COLUMNS_REPEATED)
        return 1 if repeated is None else min(_count(repeated), self.max_columns - self.column)

    def _start(self, top: int, left: int, rows: int, columns: int) -> _Merge:
        merge = _Merge(
            top,
            left,
            top,
            left,
            min(top + rows - 1, self.max_rows - 1),
            min(left + columns - 1, self.max_columns - 1),
        )
        self.merges.append(merge)
        self.below[left] = merge
        return merge

    def _cover(self, count: int) -> None:
        """Covered cells in the next ``count`` columns of this row element's rows: the merges
        starting in those columns reach down over them, when the rows between were covered
        too (looked at for the open merges only: a row's run of covered cells can be long)."""
        top, repeat, column = self.top, self.repeat, self.column
        end = column + count
        if count <= len(self.below):
            columns = [at for at in range(column, end) if at in self.below]
        else:
            columns = [at for at in self.below if column <= at < end]
        for at in columns:
            merge = self.below[at]
            if merge.bottom == top - 1 and merge.bottom < merge.last_row:
                merge.bottom = min(top + repeat - 1, merge.last_row)
            else:  # a row between had a cell of its own there, or the span ended
                del self.below[at]

    def _repeat(self, started: list[_Merge], top: int, repeat: int) -> None:
        """A repeated row holds its merges in each of its rows, each as wide as the first's;
        only the last row's may reach down (the rows between hold the repeat's own merged
        cell there, not a covered one)."""
        last = top + repeat - 1
        for merge in started:
            down = merge.last_row - merge.top  # the rows below its own it may reach
            merge.last_row = top
            columns = merge.last_column - merge.left + 1
            for row in range(top + 1, last + 1):
                if merge.right > merge.left or row == last:
                    rows = down + 1 if row == last else 1
                    self._start(row, merge.left, rows, columns).right = merge.right


def _count(raw: str | None) -> int:
    """A repeat or a span as written: at least 1; what is no whole number counts 1."""
    if not raw:
        return 1
    try:
        return max(1, int(raw))
    except ValueError:  # not a number, or too many digits to be one
        return 1
