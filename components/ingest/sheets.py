"""Reading a file's cells: each sheet of an xlsx/xlsm, or the one table of a csv, as a grid.

Sheets are read lazily and only up to ``ReadLimits`` (rows, columns, sheets); what is cut is
reported. External links and macros are not loaded, and cells are read as their cached values
(``components.ingest.formulas`` reports formulas without one). ``ReadContext`` is what one
read carries around: the file, the framework, and the problems found so far; ``cell_address``,
``quoted`` and ``with_article`` word the problems the same way everywhere.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat, zip_longest
from math import isnan
from operator import is_
from typing import Any, TypeVar

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from components.base.text import normalise, shorten
from components.framework.model import Framework
from components.ingest.cell_places import real_place
from components.ingest.csv_commas import SplitTitles, mend_split_last_column, mend_split_titles
from components.ingest.csv_delimiter import sniff_delimiter
from components.ingest.csv_formula_text import unwrap_formula_text
from components.ingest.csv_quoted_lines import unquote_whole_lines, whole_lines_note
from components.ingest.csv_row_names import shift_short_header
from components.ingest.csv_separator import unsplit_separator
from components.ingest.error_cells import WORKBOOK_KEY, errors_shown, for_calamine
from components.ingest.fixed_width import read_text_grid
from components.ingest.flat_ods import ods_package
from components.ingest.grid_rows import COLUMNS, GridRows
from components.ingest.invisible_chars import invisible_named, visible, visible_cells, visible_row
from components.ingest.limits import ReadLimits, rows_cut, rows_within
from components.ingest.matching import (
    Catalogue,
    capability_catalogue,
    classify_header,
    enabler_catalogue,
)
from components.ingest.ods_merges import MergedRange, ods_merges
from components.ingest.report import Problem, Severity
from components.ingest.rule_lines import blank_rule_lines
from components.ingest.text_encoding import FIX_SAVE_UTF8, decode_text, encoding_note
from components.ingest.values import is_blank
from components.ingest.xlsx_extent import plan_xlsx

MAX_QUOTED_CHARS = 60
# A read's memo: a grid column's distinct values by the column's id (``column_values``).
COLUMN_VALUES_KEY = "column values"
_T = TypeVar("_T")


@dataclass
class Sheet:
    """A sheet's values, row by row (index 0 is Excel row 1), trailing blanks trimmed."""

    name: str | None  # None for a csv file
    rows: list[tuple[Any, ...]]
    hidden: bool = False
    # The same values column by column, when the reader had them so (calamine's grid): what a
    # bulk reading of rows takes instead of picking each cell out of its row. ``None`` when
    # not known, or once ``rows`` were changed after.
    columns: list[tuple[Any, ...]] | None = None
    # Merges down rows, (first row, last row, column) each, left as they are on reading:
    # what a long table does with them is its business (``fill_down``).
    merged_down: list[tuple[int, int, int]] = field(default_factory=list)
    # The row limit cut the sheet (rows past it were not read): its last table may be cut.
    cut: bool = False

    def column(self, column: int, first: int, last: int) -> list[Any]:
        """The values of ``column`` in rows ``first`` to ``last - 1`` (``None`` where blank)."""
        if self.columns is not None:
            if column >= len(self.columns):
                return [None] * max(0, min(last, len(self.rows)) - first)
            return list(self.columns[column][first : min(last, len(self.rows))])
        return [r[column] if len(r) > column else None for r in self.rows[first:last]]

    def value(self, row: int, column: int) -> Any:
        if row >= len(self.rows):
            return None
        cells = self.rows[row]
        return cells[column] if column < len(cells) else None

    def width(self) -> int:
        return max(map(len, self.rows), default=0)  # in C: a long table has thousands of rows


# The columns hold only while the rows given with them are unchanged (``grid_rows``).
Sheet.columns = COLUMNS  # type: ignore[assignment]


def cell_address(row: int, column: int) -> str:
    """Excel's name for a 0-based (row, column): (13, 3) -> "D14" (see ``cell_places``)."""
    row, column = real_place(row, column)
    return f"{get_column_letter(column + 1)}{row + 1}"


def with_article(noun: str) -> str:
    """The noun with its article: "a capability", "an enabler"."""
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def quoted(value: Any) -> str:
    """A cell's value as a message quotes it: on one line, in quotes, cut if very long; a
    whole number as one ("1", not the "1.0" a spreadsheet's number cell reads as); characters
    that do not show (in a sheet's name) named after it."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"“{shorten(' '.join(str(value).split()), MAX_QUOTED_CHARS)}”{invisible_named(value)}"


def _trim(values: Sequence[Any]) -> tuple[Any, ...]:
    """A row without trailing blanks, blank text (and NaN) as ``None``.

    ``is_blank`` inlined: this runs for every cell of every sheet.
    """
    cells = [None if _is_blank_cell(v) else v for v in values]
    while cells and cells[-1] is None:
        cells.pop()
    return tuple(cells)


def _clean_grid(
    grid: list[list[Any]], width: int, memo: dict[Any, Any] | None = None
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """``_trim`` for every row of a grid, column by column: what is blank (or holds characters
    that do not show) is decided once per distinct value of a column, not once per cell (a
    long table repeats its values). Returns the rows and the columns; each column's distinct
    values go to ``memo`` (a read's), for the passes over whole sheets (``column_values``)."""
    columns = list(zip_longest(*grid))[:width]
    for index, column in enumerate(columns):
        distinct = set(column)
        blanks = dict.fromkeys(v for v in distinct if _is_blank_cell(v))
        blanks.update(visible_cells(distinct))  # a zero-width space, a soft hyphen: left out
        if blanks:
            # Each blank value to None, any other to itself, in C (``get(v, v)``).
            columns[index] = tuple(map(blanks.get, column, column))
        elif memo is not None:
            # The column stays as it is: its set is the one ``column_values.distinct`` would
            # make of it (the same tuple, the same order), kept with the tuple (its id stays
            # its own). A changed column's is left to be made if a pass asks.
            memo[(COLUMN_VALUES_KEY, id(column))] = (column, distinct)
    if not columns:
        return [() for _ in grid], columns
    rows = list(zip(*columns, strict=True))
    # Only rows whose last cell is blank lose their trailing blanks: found down the last
    # column in C, instead of looking at the end of every row.
    for index in compress(range(len(rows)), map(is_, columns[-1], repeat(None))):
        rows[index] = _strip(rows[index])
    return rows, columns


def _strip(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """A cleaned row (blanks already ``None``) without its trailing ``None``."""
    end = len(row)
    while end and row[end - 1] is None:
        end -= 1
    return row[:end]


def _is_blank_cell(value: Any) -> bool:
    return (
        value is None
        or (isinstance(value, str) and (not value or value.isspace()))
        or (isinstance(value, float) and isnan(value))
    )


@dataclass
class ReadContext:
    """What one read carries around: the file, the framework, and what was found so far."""

    file: str
    framework: Framework
    limits: ReadLimits
    # A digest of the file's bytes: part of every assessment id, so that two different files
    # with the same name (or a corrected re-upload) never merge into one assessment.
    content_key: str = ""
    problems: list[Problem] = field(default_factory=list)
    # (sheet, row, column) -> what the cell would have given, for cells that were blank on
    # the cached-values pass but are used: checked for formulas without a saved result.
    formula_cells: dict[tuple[str, int, int], str] = field(default_factory=dict)
    reported: set[tuple[Any, ...]] = field(default_factory=set)
    # False once the workbook is known to hold no formula at all (see ``xlsx_extent``).
    formulas: bool = True
    # True when the workbook asks for its formulas to be recalculated on opening: their
    # stored results were left out (see ``xlsx_extent``), and the formulas pass says why.
    recalculate: bool = False
    # The person's decisions from the mapping step (``components.ingest.mapping.Mapping``).
    mapping: Any = None
    # Labels that named no capability, in the order found: what the mapping step asks about.
    unmatched: list[str] = field(default_factory=list)
    # Pure readings of cell values (a level, a label, a row's metadata), computed once per
    # distinct value in this read: a long table repeats the same few hundred values thousands
    # of times. Per read, so it never outlives the upload or mixes two people's files.
    memo: dict[Any, Any] = field(default_factory=dict)
    # How a csv's bytes were decoded (``text_encoding.DecodedText``); None for a workbook.
    decoded_text: Any = None
    # An xlsx's bytes (its struck-through text, hidden rows), read only if needed.
    xlsx_data: bytes | None = None

    def __post_init__(self) -> None:
        # Looked up once: the catalogues are cached by framework, and hashing a framework
        # (a deep frozen tree) on every cell would cost more than reading the cell.
        self.capabilities: Catalogue = capability_catalogue(self.framework)
        self.enablers: Catalogue = enabler_catalogue(self.framework)
        self.domain_names: frozenset[str] = frozenset(
            normalise(name) for d in self.framework.domains for name in (d.name, *d.aliases)
        )

    def add(
        self,
        severity: Severity,
        sheet: Sheet | None,
        cell: str | None,
        message: str,
        fix: str,
    ) -> None:
        self.problems.append(
            Problem(severity, self.file, sheet.name if sheet else None, cell, message, fix)
        )

    def once(self, key: tuple[Any, ...]) -> bool:
        """True the first time ``key`` is seen: one warning for a value repeated down a column."""
        if key in self.reported:
            return False
        self.reported.add(key)
        return True

    def cached(self, kind: str, value: Any, compute: Callable[[Any], _T]) -> _T:
        """``compute(value)``, computed once per distinct ``value`` (and type) in this read.

        Only for pure readings: whatever ``compute`` reports is reported for the first
        occurrence only.
        """
        key = (kind, value.__class__, value)
        try:
            return self.memo[key]  # type: ignore[no-any-return]
        except KeyError:
            result = self.memo[key] = compute(value)
            return result

    def show(self, sheet: Sheet, cell: str) -> str:
        """Why a needed cell came back blank: "B16 is empty", or the formula error it shows."""
        shown = errors_shown(self.memo).get((sheet.name, cell))
        return f"{cell} shows {shown}, a formula error" if shown else f"{cell} is empty"

    def watch_formula(self, sheet: Sheet, row: int, column: int, meaning: str) -> None:
        if sheet.name is not None:
            self.formula_cells.setdefault((sheet.name, row, column), meaning)


def read_workbook(ctx: ReadContext, data: bytes, kind: str) -> list[Sheet]:
    """Every worksheet of an xlsx/xlsm, xls or ods (or flat .fods) as a grid of values, up to
    the limits.

    calamine reads the values (cached results of formulas, dates as dates); an xlsx whose
    sheets reach too far for calamine's in-memory grid is streamed by openpyxl instead (see
    ``components.ingest.xlsx_extent``).
    """
    if kind == "fods":  # LibreOffice's flat XML: read as the .ods it is (``flat_ods``)
        data, kind = ods_package(data), "ods"
    ctx.memo[WORKBOOK_KEY] = (kind, data)  # for what blank cells hold (``cell_contents``)
    if kind == "xlsx":
        ctx.xlsx_data = data
        plan = plan_xlsx(data, ctx.limits)
        # An error cell comes back blank as a formula's does: watched alike (``error_values``).
        ctx.formulas = plan.formulas or plan.errors
        ctx.recalculate = bool(plan.untrusted)
        if plan.stream:
            return _blank_untrusted(_stream_xlsx(ctx, plan.data, plan.cut_at), plan.untrusted)
        if plan.errors:
            data = for_calamine(data)  # its newer error values refuse the file otherwise
    # calamine gives no merges of an OpenDocument file: found in its content.xml instead.
    merges = ods_merges(ctx.memo, data, ctx.limits) if kind == "ods" else {}
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    try:
        metadata = [m for m in workbook.sheets_metadata if m.typ in (SheetTypeEnum.WorkSheet, None)]
        metadata = _within_sheet_limit(ctx, metadata)
        sheets = [
            _read_calamine_sheet(ctx, workbook, meta, merges.get(meta.name, ()))
            for meta in metadata
        ]
    finally:
        workbook.close()
    return _blank_untrusted(sheets, plan.untrusted) if kind == "xlsx" else sheets


def _blank_untrusted(
    sheets: list[Sheet], untrusted: dict[str, list[tuple[int, int]]]
) -> list[Sheet]:
    """The sheets with the formula cells whose stored results are placeholders left blank
    (a workbook to be recalculated on opening: see ``xlsx_extent``).

    The placeholder such programs store is 0 (or nothing): a formula showing 0 there may be
    a real 0 or a result never worked out, so it is left blank and reported. Any other stored
    result was written on purpose (xlsxwriter stores the value a script gives it) and is kept.
    """
    for sheet in sheets:
        cells = untrusted.get(sheet.name or "")
        if not cells:
            continue
        rows = sheet.rows
        for row, column in cells:
            if row < len(rows) and column < len(rows[row]) and _placeholder(rows[row][column]):
                rows[row] = _strip((*rows[row][:column], None, *rows[row][column + 1 :]))
        while rows and not rows[-1]:
            rows.pop()
        sheet.columns = None  # the rows changed: the columns no longer say the same
    return sheets


def _placeholder(value: Any) -> bool:
    """Whether a stored formula result is what programs store before calculating: 0 or ""."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return value == 0
    return isinstance(value, str) and not value.strip()


def _within_sheet_limit(ctx: ReadContext, sheets: list[Any]) -> list[Any]:
    limit = ctx.limits.max_sheets
    if len(sheets) > limit:
        ctx.add(
            "error",
            None,
            None,
            f"The workbook has {len(sheets)} sheets; only the first {limit} were read.",
            f"Split it into workbooks of at most {limit} sheets.",
        )
    return sheets[:limit]


def _read_calamine_sheet(
    ctx: ReadContext, workbook: CalamineWorkbook, meta: Any, merges: Sequence[MergedRange] = ()
) -> Sheet:
    """One sheet's grid from A1, up to the limits, its merges filled (calamine's, or
    ``merges``: an .ods's, which calamine does not give)."""
    limits = ctx.limits
    worksheet = workbook.get_sheet_by_name(meta.name)
    sheet = Sheet(meta.name, [], hidden=meta.visible != SheetVisibleEnum.Visible)
    end = worksheet.end
    if end is None:
        return sheet
    # From A1 (calamine would start at the first filled cell), at most the row limit.
    grid = worksheet.to_python(skip_empty_area=False, nrows=limits.max_rows_per_sheet)
    if end[0] + 1 > limits.max_rows_per_sheet:
        _report_too_long(ctx, sheet, limits.max_rows_per_sheet)
    width = limits.max_columns
    wide = end[1] + 1 > width and any(
        not is_blank(v) for row in grid for v in row[width:] if len(row) > width
    )
    rows, columns = _clean_grid(grid, width, ctx.memo)
    while rows and not rows[-1]:
        rows.pop()
    # Rows that tell when they are changed, with the columns read with them (``grid_rows``).
    sheet.rows, sheet.columns = GridRows(rows), columns
    if wide:
        _report_too_wide(ctx, sheet)
    _fill_merged(sheet, worksheet.merged_cell_ranges or merges, limits.max_columns)
    return sheet


def _fill_merged(sheet: Sheet, ranges: Sequence[MergedRange], max_columns: int) -> None:
    """Give every cell of a merge across columns the value of its first cell, in its first row.

    A country merged over its years' columns ("Arvenia" over 2021 and 2023) then heads each of
    them. Merges down rows (a domain beside its capabilities) are left: the rows below are
    their own, and repeating a label there would read a capability twice.
    """
    for (top, left), (bottom, right) in ranges:
        if bottom > top and left < max_columns:
            sheet.merged_down.append((top, bottom, left))
        if right <= left or top >= len(sheet.rows):
            continue
        value = sheet.value(top, left)
        if value is None:
            continue
        last = min(right, max_columns - 1)
        cells = list(sheet.rows[top])
        cells.extend([None] * (last + 1 - len(cells)))
        for column in range(left + 1, last + 1):
            if cells[column] is None:
                cells[column] = value
        sheet.rows[top] = tuple(cells)
        sheet.columns = None  # the rows changed: the columns no longer say the same


def fill_down(sheet: Sheet, columns: Iterable[int]) -> None:
    """Give the cells of a merge down ``columns`` the value of its first cell.

    In a long table a country (or a year) merged down over its rows belongs to each of them:
    it is what the person sees beside every row.
    """
    wanted = set(columns)
    for top, bottom, column in sheet.merged_down:
        value = sheet.value(top, column)
        if column not in wanted or value is None:
            continue
        fill_blank_below(sheet, column, top, min(bottom, len(sheet.rows) - 1), value)


def fill_blank_below(sheet: Sheet, column: int, top: int, last: int, value: Any) -> None:
    """Give ``value`` to the blank cells of ``column`` in rows ``top + 1`` to ``last`` (a
    merged cell's value, which the file stores in its first cell only)."""
    for row in range(top + 1, last + 1):
        cells = list(sheet.rows[row])
        cells.extend([None] * (column + 1 - len(cells)))
        if cells[column] is None:
            cells[column] = value
            sheet.rows[row] = tuple(cells)
            sheet.columns = None  # the rows changed: the columns no longer say the same


def _report_too_long(
    ctx: ReadContext, sheet: Sheet, limit: int, *, columns: int | None = None
) -> None:
    sheet.cut = True
    ctx.add("error", sheet, f"row {limit + 1}", *rows_cut(limit, "sheet", columns=columns))


def _report_too_wide(ctx: ReadContext, sheet: Sheet) -> None:
    limit = ctx.limits.max_columns
    ctx.add(
        "error",
        sheet,
        f"column {get_column_letter(limit + 1)}",
        f"The sheet has data beyond column {get_column_letter(limit)} ({limit} columns); "
        "those columns were not read.",
        f"Keep the table within {limit} columns.",
    )


def _stream_xlsx(ctx: ReadContext, data: bytes, cut_at: int | None) -> list[Sheet]:
    """Every sheet through openpyxl's streaming reader: for sheets that reach far."""
    workbook = load_workbook(
        io.BytesIO(data), read_only=True, data_only=True, keep_links=False, keep_vba=False
    )
    try:
        worksheets = _within_sheet_limit(ctx, list(workbook.worksheets))
        return [_stream_worksheet(ctx, sheet, cut_at) for sheet in worksheets]
    finally:
        workbook.close()


def _stream_worksheet(ctx: ReadContext, worksheet: Any, cut_at: int | None) -> Sheet:
    """Read one sheet lazily, stopping at the row and column limits (bounded time and memory)."""
    limits = ctx.limits
    sheet = Sheet(worksheet.title, [], hidden=worksheet.sheet_state != "visible")
    # The stored dimension can be wrong (some writers put "A1"); read the cells themselves.
    worksheet.reset_dimensions()
    wide = False
    too_long = False
    # No max_col: each row comes back as wide as its own last cell (openpyxl would otherwise
    # pad every row to the limit), and anything past the limit is cut right away below.
    widest, row_limit = 0, limits.max_rows_per_sheet
    for values in worksheet.iter_rows(min_row=1, values_only=True):
        if len(sheet.rows) >= row_limit:
            if any(not is_blank(v) for v in values):
                cells = widest if row_limit < limits.max_rows_per_sheet else None
                _report_too_long(ctx, sheet, row_limit, columns=cells)
                too_long = True
                break
            continue
        if len(values) > limits.max_columns and any(
            not is_blank(v) for v in values[limits.max_columns :]
        ):
            wide = True
        sheet.rows.append(_trim(visible_row(values[: limits.max_columns])))
        if len(sheet.rows[-1]) > widest:  # a wide sheet is read up to fewer rows
            widest = len(sheet.rows[-1])
            row_limit = max(rows_within(limits, widest), len(sheet.rows))
    if cut_at is not None and not too_long:
        ctx.add(
            "warning",
            sheet,
            f"row {cut_at + 1}",
            f"The sheet goes on past row {cut_at} with empty rows; anything after row "
            f"{cut_at} was not read.",
            "Delete the empty rows below the table (select them, Delete rows), or move any "
            "data down there to its own sheet.",
        )
    if wide:
        _report_too_wide(ctx, sheet)
    while sheet.rows and not sheet.rows[-1]:
        sheet.rows.pop()
    return sheet


def read_csv(ctx: ReadContext, data: bytes) -> list[Sheet]:
    """A csv file as one nameless sheet: UTF-8 (or else the legacy code page its text fits,
    see ``text_encoding``), any common delimiter."""
    limits = ctx.limits
    decoded = decode_text(data)
    ctx.decoded_text = decoded
    # Characters that do not show (a zero-width space, a soft hyphen) left out once, here.
    text, first_line = unquote_whole_lines(visible(decoded.text))
    if first_line is not None:
        ctx.add("warning", None, None, *whole_lines_note(quoted(first_line)))
    delimiter = sniff_delimiter(text[:65536])
    # As wide as its widest line, not the column limit (``csv_grid``); or lined up by spaces.
    grid, too_wide, row_limit, aligned = read_text_grid(text, delimiter, limits)
    if aligned:  # what was assumed in cutting it
        ctx.add("warning", None, None, *aligned)
    note = encoding_note(decoded)
    if note:
        ctx.add("warning", None, None, note, FIX_SAVE_UTF8)
    sheet = Sheet(None, [_trim(row) for row in grid])
    if "---" in text or "===" in text:
        sheet.rows = blank_rule_lines(sheet.rows)
    if '="' in text:
        _unwrap_formula_text(ctx, sheet)
    separator = None if aligned else unsplit_separator(text, delimiter)
    if separator:
        ctx.add(
            "error",
            None,
            None,
            f"The values of the file are separated by {quoted(separator)}, which the dashboard "
            "does not read as a separator (it reads commas, semicolons, tabs and “|”); the file "
            "was not read.",
            "Open the file in Excel (Data > From Text/CSV lets you pick the separator) and save "
            "it as “CSV UTF-8 (Comma delimited)”, or as an Excel workbook (.xlsx).",
        )
        return []
    if delimiter == "," and not aligned:
        _join_split_text(ctx, sheet)
    if len(sheet.rows) > row_limit:
        del sheet.rows[row_limit:]
        sheet.cut = True
        wide = (
            min(sheet.width(), limits.max_columns)
            if row_limit < limits.max_rows_per_sheet
            else None
        )
        ctx.add("error", None, f"row {row_limit + 1}", *rows_cut(row_limit, "file", columns=wide))
    if too_wide or any(len(row) > limits.max_columns for row in sheet.rows):
        sheet.rows = [row[: limits.max_columns] for row in sheet.rows]
        ctx.add(
            "error",
            None,
            None,
            f"The file has more than {limits.max_columns} columns; the rest were not read.",
            f"Keep the table within {limits.max_columns} columns.",
        )
    while sheet.rows and not sheet.rows[-1]:
        sheet.rows.pop()
    if shifted := shift_short_header(sheet.rows):
        ctx.add("warning", None, "A1", *shifted)
    return [sheet]


# How far down a csv its header row (the one ending with a notes column) is looked for.
_NOTES_HEADER_ROWS = 50


def _join_split_text(ctx: ReadContext, sheet: Sheet) -> None:
    """Join what a csv without quotes split at its commas (framework titles, a last column of
    notes), and say so."""
    titles = SplitTitles.of([*ctx.capabilities.titles.values(), *ctx.enablers.titles.values()])
    sheet.rows, joined = mend_split_titles(sheet.rows, titles)
    header = next(
        (
            row
            for row, cells in enumerate(sheet.rows[:_NOTES_HEADER_ROWS])
            if len(cells) > 1 and classify_header(cells[-1]) == "evidence"
        ),
        None,
    )
    if header is not None:
        sheet.rows, notes = mend_split_last_column(sheet.rows, header)
        if notes:
            last = cell_address(header, len(sheet.rows[header]) - 1)
            ctx.add(
                "warning",
                None,
                last,
                f"In {len(notes)} row{'s' if len(notes) > 1 else ''} the text of the last "
                f"column ({quoted(sheet.rows[header][-1])}) ran on past it at its commas, as a "
                "csv does with text that is not in quotes; it was joined back into that column.",
                "Put text that holds commas in double quotes, or save the file from Excel as "
                "“CSV UTF-8”, which does that.",
            )
    if joined:
        row, column, text = joined[0]
        more = f" (and {len(joined) - 1} more)" if len(joined) > 1 else ""
        ctx.add(
            "warning",
            None,
            cell_address(row, column),
            f"{quoted(text)}{more} was split into several cells at its commas, as a csv does "
            "with text that is not in quotes; the cells were joined back into the title.",
            "Put text that holds commas in double quotes, or save the file from Excel as "
            "“CSV UTF-8”, which does that.",
        )


def _unwrap_formula_text(ctx: ReadContext, sheet: Sheet) -> None:
    """Read ``="Kenya"`` as Kenya, as Excel shows it, and say so once."""
    sheet.rows, unwrapped = unwrap_formula_text(sheet.rows)
    if unwrapped:
        row, column, text = unwrapped[0]
        more = f" and {len(unwrapped) - 1} more" if len(unwrapped) > 1 else ""
        ctx.add(
            "warning",
            None,
            cell_address(row, column),
            f"{quoted(text)}{more} {'are' if more else 'is'} written as a formula around text, "
            "as some systems export values to keep Excel from changing them; the text inside "
            "the quotes was used, as Excel shows it.",
            "Nothing to do if the values look right. To avoid this note, open the file in "
            "Excel and save it as “CSV UTF-8”.",
        )
