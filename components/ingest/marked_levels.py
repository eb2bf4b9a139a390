"""Level cells holding a program's mark of a missing value, read as not assessed and said once.

``missing_marks`` knows the marks ("NULL", "\\N", ".", "NaN") and who writes them. Here the
read's side:

* ``read_marked``: a level cell holding a mark is not assessed (never 0), tallied for the one
  warning of the file; "null" in a German level column is the German zero (see
  ``missing_marks``), read as ``spelt_levels`` reads it;
* ``meta_mark``: an ISO3 code or a year cell holding a mark is no code and no year, tallied
  too (never "“NULL” is not three letters"); ``no_mark``: an evidence or confidence cell
  holding one gives none (never the evidence "NULL");
* ``typed_na``: an #N/A typed in a workbook's level cell, with no formula behind it (R's
  openxlsx with ``keepNA = TRUE``, Go's excelize, JavaScript writers; in an .xls a BOOLERR
  record), is such a mark; not in a web page's table or an XML Spreadsheet 2003, made an
  .xlsx (``markup_books``), whose "#N/A" may be a formula's that the conversion did not keep.
  An #N/A that a formula gave (its ``<f>``, an .xls FORMULA record, or a cell inside an array
  formula's range, whose result spills over cells without a formula of their own) stays the
  error ``error_values`` reports, naming its cell: a lookup that failed;
* ``tallied``: the cells holding a mark, for what ``mark_reports`` says of them once the
  file is read.
"""

from __future__ import annotations

import re
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_boundaries

from components.ingest.book_errors import BOOLERR_RECORD, xls_error, xls_records
from components.ingest.error_cells import WORKBOOK_KEY, cells_matching
from components.ingest.markup_books import MADE_FROM_MARKUP
from components.ingest.missing_marks import (
    TYPED_NA,
    is_german_word,
    is_null,
    missing_mark,
)
from components.ingest.sheets import ReadContext, Sheet, cell_address
from components.ingest.spelt_levels import spelt_level
from components.ingest.values import LevelReading

# ctx.memo: mark -> {(sheet name, cell): what the cell holds ("level", "ISO3 code", "year")}.
_TALLY = ("missing marks",)
Tally = dict[str, dict[tuple[str | None, str], str]]
_GERMAN = "german number words"
_TYPED = ("typed #N/A",)

# An error cell whose value comes straight after it, no formula between: typed so.
_TYPED_NA_CELL = re.compile(
    rb'<(?:\w+:)?c\b([^>]*\st="e"[^>]*)>\s*<(?:\w+:)?v>\s*#N/A\s*</(?:\w+:)?v>'
)
# An array formula (Ctrl+Shift+Enter, or a dynamic array's spill) and the range it fills.
_ARRAY_CELL = re.compile(
    rb'<(?:\w+:)?c\b([^>]*)>\s*<(?:\w+:)?f\b[^>]*\bt="array"[^>]*\bref="([A-Z]+\d+(?::[A-Z]+\d+)?)"'
)


def read_marked(
    ctx: ReadContext, sheet: Sheet, row: int, column: int, reading: LevelReading
) -> LevelReading:
    """The reading of the level cell at (``row``, ``column``), ``reading`` as ``parse_level``
    gave it: for a mark, not assessed with no warning (tallied for ``say_marks``), or level 0
    for "null" where the level column or the row writes levels as German words; any other
    cell's ``reading`` as it is."""
    if not reading.warning:  # a mark's reading always has one
        return reading
    value = sheet.value(row, column)
    mark = missing_mark(value)
    if mark is None:
        return reading
    if is_null(value) and _german(ctx, sheet, row, column):
        spelt = spelt_level(value, ctx.framework.scale)
        if spelt is not None:
            return spelt
    _tally(ctx, sheet.name, cell_address(row, column), mark, "level")
    return LevelReading()


def meta_mark(
    ctx: ReadContext, sheet: Sheet, value: Any, row: int, column: int, *, what: str
) -> bool:
    """Whether an ISO3 code or year cell holds a mark (then tallied: no code, no year)."""
    mark = missing_mark(value)
    if mark is None:
        return False
    _tally(ctx, sheet.name, cell_address(row, column), mark, what)
    return True


def no_mark(value: Any) -> Any:
    """An evidence or confidence cell's value, ``None`` for a mark ("NULL": none given)."""
    return None if missing_mark(value) is not None else value


def unmarked(sheet: Sheet, row: int, column: int | None) -> Any:
    """The value of a row's cell in ``column`` (``None`` for no column, or a mark)."""
    return None if column is None else no_mark(sheet.value(row, column))


def typed_na(ctx: ReadContext, sheet_name: str | None, cell: str) -> bool:
    """Whether a level cell showing #N/A holds it typed, with no formula behind it (then it is
    tallied as a mark); ``False`` for a formula's result."""
    if ctx.memo.get(_TYPED) is None:
        kind, data = ctx.memo.get(WORKBOOK_KEY, (None, b""))
        if MADE_FROM_MARKUP in ctx.memo:  # a web page's "#N/A", or XML whose formulas went
            kind = None
        ctx.memo[_TYPED] = _typed_xlsx(data) if kind == "xlsx" else _typed_xls(data, kind)
    if (sheet_name or "", cell) not in ctx.memo[_TYPED]:
        return False
    _tally(ctx, sheet_name, cell, TYPED_NA, "level")
    return True


def _typed_xlsx(data: bytes) -> frozenset[tuple[str, str]]:
    """(sheet, cell) of each #N/A typed with no formula, outside every array formula's range."""
    typed = {(sheet, cell) for sheet, cell, _ in cells_matching(data, b"#N/A", _TYPED_NA_CELL)}
    if not typed:
        return frozenset()
    for sheet, _, match in cells_matching(data, b'"array"', _ARRAY_CELL):
        low_col, low_row, high_col, high_row = range_boundaries(match.group(2).decode())
        typed = {
            (name, cell)
            for name, cell in typed
            if name != sheet or not _inside(cell, low_col, low_row, high_col, high_row)
        }
    return frozenset(typed)


def _inside(cell: str, low_col: int, low_row: int, high_col: int, high_row: int) -> bool:
    col, row, _, _ = range_boundaries(cell)
    return low_col <= col <= high_col and low_row <= row <= high_row


def _typed_xls(data: bytes, kind: str | None) -> frozenset[tuple[str, str]]:
    """(sheet, cell) of each BOOLERR record of an .xls showing #N/A: a value, not a formula."""
    if kind != "xls":
        return frozenset()
    found = set()
    for sheet, record, payload in xls_records(data, frozenset({BOOLERR_RECORD})):
        if xls_error(record, payload) == TYPED_NA:
            row, column = int.from_bytes(payload[0:2], "little"), payload[2] | payload[3] << 8
            found.add((sheet, f"{get_column_letter(column + 1)}{row + 1}"))
    return frozenset(found)


def _tally(ctx: ReadContext, sheet_name: str | None, cell: str, mark: str, what: str) -> None:
    ctx.memo.setdefault(_TALLY, {}).setdefault(mark, {}).setdefault((sheet_name, cell), what)


def _german(ctx: ReadContext, sheet: Sheet, row: int, column: int) -> bool:
    """Whether the level column, or the row, holds a German number word ("zwei")."""
    if any(map(is_german_word, sheet.rows[row])):
        return True
    key = (_GERMAN, sheet.name, column)
    known = ctx.memo.get(key)
    if known is None or known[0] is not sheet.rows:  # the rows kept: never another sheet's
        words = {cells[column] for cells in sheet.rows if len(cells) > column}
        known = ctx.memo[key] = (sheet.rows, any(map(is_german_word, words)))
    return bool(known[1])


def tallied(ctx: ReadContext) -> Tally:
    """Each mark found -> {(sheet name, cell): "level", "ISO3 code" or "year"}."""
    found: Tally = ctx.memo.get(_TALLY, {})
    return found
