"""Level cells holding a program's mark of a missing value, read as not assessed and said once.

``missing_marks`` knows the marks ("NULL", "\\N", ".", "NaN") and who writes them. Here the
read's side:

* ``read_marked``: a level cell holding a mark is not assessed (never 0), tallied for the one
  warning of the file; "null" in a German level column is the German zero (see
  ``missing_marks``), read as ``spelt_levels`` reads it;
* ``meta_mark``: an ISO3 code or a year cell holding a mark is no code and no year, tallied
  too (never "“NULL” is not three letters");
* ``typed_na``: an #N/A typed in a workbook's level cell, with no formula behind it (R's
  openxlsx with ``keepNA = TRUE``, Go's excelize, JavaScript writers; in an .xls a BOOLERR
  record), is such a mark. An #N/A that a formula gave (its ``<f>``, an .xls FORMULA record, or
  a cell inside an array formula's range, whose result spills over cells without a formula of
  their own) stays the error ``error_values`` reports, naming its cell: a lookup that failed;
* ``say_marks``: one warning per mark and file, naming it, who writes it, how many level
  cells hold it and the first of them. An assessment whose every level cell that is not empty
  holds a mark gives no level: it is refused ("no level given"), with an error when nothing
  else of the file was read, else a warning; never kept with every capability "not assessed"
  as if it had been assessed so, nor read as zeros.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_boundaries

from components.ingest.book_errors import BOOLERR_RECORD, xls_error, xls_records
from components.ingest.error_cells import WORKBOOK_KEY, cells_matching
from components.ingest.missing_marks import (
    TYPED_NA,
    WRITERS,
    is_german_word,
    is_null,
    missing_mark,
)
from components.ingest.sheets import ReadContext, Sheet, cell_address
from components.ingest.spelt_levels import spelt_level
from components.ingest.values import LevelReading

if TYPE_CHECKING:
    from components.ingest.drafts import Draft

# ctx.memo: mark -> {(sheet name, cell): what the cell holds ("level", "ISO3 code", "year")}.
_TALLY = ("missing marks",)
_GERMAN = "german number words"
_TYPED = ("typed #N/A",)
# Cells a message names, at most.
_SHOWN = 3

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


def typed_na(ctx: ReadContext, sheet_name: str | None, cell: str) -> bool:
    """Whether a level cell showing #N/A holds it typed, with no formula behind it (then it is
    tallied as a mark); ``False`` for a formula's result."""
    if ctx.memo.get(_TYPED) is None:
        kind, data = ctx.memo.get(WORKBOOK_KEY, (None, b""))
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


def say_marks(ctx: ReadContext, drafts: list[Draft]) -> list[Draft]:
    """The drafts less those whose level cells hold nothing but marks, each said; one warning
    per mark for the level cells of the others (and the ISO3 and year cells) holding it."""
    tally: dict[str, dict[tuple[str | None, str], str]] = ctx.memo.get(_TALLY, {})
    if not tally:
        return drafts
    marks = {place: mark for mark, cells in tally.items() for place in cells}
    kept, refused = [], []
    for draft in drafts:
        cells = {(draft.sheet.name, cell) for cell in draft.first_cell.values()}
        if draft.needs_owner or _scored(draft) or not cells & marks.keys():
            kept.append(draft)
        else:
            refused.append((draft, sorted(cells & marks.keys(), key=_place_order)))
    _say_refused(ctx, refused, nothing_else=not any(map(_scored, kept)))
    used = {(d.sheet.name, cell) for d in kept for cell in d.first_cell.values()}
    sheets = {d.sheet.name for d in kept}
    for mark, cells in tally.items():
        levels = [p for p, what in cells.items() if what == "level" and p in used]
        others = [(p, what) for p, what in cells.items() if what != "level" and p[0] in sheets]
        if levels or others:
            _say_mark(ctx, drafts, mark, sorted(levels, key=_place_order), others)
    return kept


def _scored(draft: Draft) -> bool:
    return any(answer[0] is not None for kind in draft.items.values() for answer in kind.values())


def _place_order(place: tuple[str | None, str]) -> tuple[str, int, str]:
    sheet, cell = place
    letters = cell.rstrip("0123456789")
    return (sheet or "", int(cell[len(letters) :] or 0), letters.rjust(3))


def _cells(places: Sequence[tuple[str | None, str]]) -> str:
    shown = ", ".join(cell for _, cell in places[:_SHOWN])
    return shown + (", …" if len(places) > _SHOWN else "")


def _say_refused(
    ctx: ReadContext, refused: list[tuple[Draft, list[tuple[str | None, str]]]], nothing_else: bool
) -> None:
    for draft, places in refused:
        mark = " and ".join(dict.fromkeys(f"“{marks_of(ctx, p)}”" for p in places))
        writers = "; ".join(dict.fromkeys(WRITERS[marks_of(ctx, p)] for p in places))
        count = f"{len(places)} level cell{'s' if len(places) > 1 else ''}"
        ctx.add(
            "error" if nothing_else else "warning",
            draft.sheet,
            places[0][1],
            f"No level is given for {draft.name}: its {count} ({_cells(places)}) hold {mark}, "
            f"the mark {writers}, and no other holds a level, so it was not read.",
            "If the assessment has been made, export it again once its levels are entered, or "
            "type each level (0 to 4) in its cell; a mark of a missing value is never read as a "
            "level.",
        )


def marks_of(ctx: ReadContext, place: tuple[str | None, str]) -> str:
    """The mark tallied at a (sheet name, cell)."""
    return next(mark for mark, cells in ctx.memo[_TALLY].items() if place in cells)


def _say_mark(
    ctx: ReadContext,
    drafts: list[Draft],
    mark: str,
    levels: list[tuple[str | None, str]],
    others: list[tuple[tuple[str | None, str], str]],
) -> None:
    parts = []
    if levels:
        count = f"{len(levels)} level cell{'s' if len(levels) > 1 else ''}"
        parts.append(f"{count} ({_cells(levels)}) as not assessed, never as a level")
    for what in dict.fromkeys(what for _, what in others):
        places = [place for place, kind in others if kind == what]
        parts.append(f"{_cells(places)} as no {what}")
    first = (levels or [place for place, _ in others])[0]
    sheet = next((d.sheet for d in drafts if d.sheet.name == first[0]), None)
    ctx.add(
        "warning",
        sheet,
        first[1],
        f"“{mark}” is the mark {WRITERS[mark]}; it was read as no value: {'; '.join(parts)}.",
        "Nothing to do if those capabilities were not assessed; otherwise write each level in "
        "its cell."
        if levels
        else "Nothing to do if those values are missing; otherwise write them in their cells.",
    )
