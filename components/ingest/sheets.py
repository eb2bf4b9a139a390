"""Reading a file's cells: each sheet of an xlsx/xlsm, or the one table of a csv, as a grid.

Sheets are read lazily and only up to ``ReadLimits`` (rows, columns, sheets); what is cut is
reported. External links and macros are not loaded, and cells are read as their cached values
(``components.ingest.formulas`` reports formulas without one). ``ReadContext`` is what one
read carries around: the file, the framework, and the problems found so far; ``cell_address``,
``quoted`` and ``with_article`` word the problems the same way everywhere.
"""

from __future__ import annotations

import csv
import io
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from openpyxl import load_workbook
from openpyxl.reader import excel as openpyxl_excel
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from components.base.text import shorten
from components.framework.model import Framework
from components.ingest.limits import ReadLimits
from components.ingest.matching import (
    Catalogue,
    capability_catalogue,
    enabler_catalogue,
)
from components.ingest.report import Problem, Severity
from components.ingest.values import (
    is_blank,
)

# Past the row limit, empty rows (formatting) are skipped up to this many times the limit, in
# case data follows; a million formatted rows then still cost bounded time.
BLANK_ROWS_PAST_LIMIT = 10
MAX_QUOTED_CHARS = 60


@dataclass
class Sheet:
    """A sheet's values, row by row (index 0 is Excel row 1), trailing blanks trimmed."""

    name: str | None  # None for a csv file
    rows: list[tuple[Any, ...]]
    hidden: bool = False

    def value(self, row: int, column: int) -> Any:
        if row >= len(self.rows):
            return None
        cells = self.rows[row]
        return cells[column] if column < len(cells) else None

    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def cell_address(row: int, column: int) -> str:
    """Excel's name for a 0-based (row, column): (13, 3) -> "D14"."""
    return f"{get_column_letter(column + 1)}{row + 1}"


def with_article(noun: str) -> str:
    """The noun with its article: "a capability", "an enabler"."""
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def quoted(value: Any) -> str:
    """A cell's value as a message quotes it: on one line, in quotes, cut if very long."""
    return f"“{shorten(' '.join(str(value).split()), MAX_QUOTED_CHARS)}”"


def _trim(values: Sequence[Any]) -> tuple[Any, ...]:
    """A row without trailing blanks, blank text as ``None``."""
    end = len(values)
    while end and (values[end - 1] is None or is_blank(values[end - 1])):
        end -= 1
    return tuple(None if v is None or is_blank(v) else v for v in values[:end])


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

    @property
    def capabilities(self) -> Catalogue:
        return capability_catalogue(self.framework)

    @property
    def enablers(self) -> Catalogue:
        return enabler_catalogue(self.framework)

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

    def watch_formula(self, sheet: Sheet, row: int, column: int, meaning: str) -> None:
        if sheet.name is not None:
            self.formula_cells.setdefault((sheet.name, row, column), meaning)


class _ReadOnlyWorksheetWithoutSizeScan(ReadOnlyWorksheet):
    """openpyxl's read-only sheet, without its up-front size scan.

    When a sheet has no ``<dimension>`` tag (openpyxl's own write-only mode leaves it out),
    openpyxl parses the entire sheet just to learn its size, before a single row is read: a
    sheet of a million rows took 17 seconds before the row limit could apply. The reader resets
    the dimensions and reads rows lazily anyway, so the size is never needed.
    """

    def _get_size(self) -> None:
        return None


# openpyxl builds read-only sheets through this module-level name; pointing it at the class
# above affects only read-only loading, which in this app is only ever the reader's.
openpyxl_excel.ReadOnlyWorksheet = _ReadOnlyWorksheetWithoutSizeScan  # type: ignore[misc]


def read_xlsx(ctx: ReadContext, data: bytes) -> list[Sheet]:
    """Every sheet of a workbook as a grid of cached values, up to the sheet limit."""
    limits = ctx.limits
    workbook = load_workbook(
        io.BytesIO(data), read_only=True, data_only=True, keep_links=False, keep_vba=False
    )
    try:
        worksheets = list(workbook.worksheets)
        if len(worksheets) > limits.max_sheets:
            ctx.add(
                "error",
                None,
                None,
                f"The workbook has {len(worksheets)} sheets; only the first "
                f"{limits.max_sheets} were read.",
                f"Split it into workbooks of at most {limits.max_sheets} sheets.",
            )
            worksheets = worksheets[: limits.max_sheets]
        return [_read_worksheet(ctx, sheet) for sheet in worksheets]
    finally:
        workbook.close()


def _read_worksheet(ctx: ReadContext, worksheet: Any) -> Sheet:
    """Read one sheet lazily, stopping at the row and column limits (bounded time and memory)."""
    limits = ctx.limits
    sheet = Sheet(worksheet.title, [], hidden=worksheet.sheet_state != "visible")
    # The stored dimension can be wrong (some writers put "A1"); read the cells themselves.
    worksheet.reset_dimensions()
    wide = False
    blank_after_limit = 0
    # No max_col: each row comes back as wide as its own last cell (openpyxl would otherwise
    # pad every row to the limit), and anything past the limit is cut right away below.
    for values in worksheet.iter_rows(min_row=1, values_only=True):
        if len(sheet.rows) >= limits.max_rows_per_sheet:
            if any(not is_blank(v) for v in values):
                ctx.add(
                    "error",
                    sheet,
                    f"row {limits.max_rows_per_sheet + blank_after_limit + 1}",
                    f"The sheet has more than {limits.max_rows_per_sheet} rows; the rows after "
                    f"row {limits.max_rows_per_sheet} were not read.",
                    f"Split the data into sheets or files of at most "
                    f"{limits.max_rows_per_sheet} rows.",
                )
                break
            # Formatting can reach far below the data: look past the limit for more data,
            # but not forever, and say so when the look stopped short of the sheet's end.
            blank_after_limit += 1
            if blank_after_limit > BLANK_ROWS_PAST_LIMIT * limits.max_rows_per_sheet:
                ctx.add(
                    "warning",
                    sheet,
                    f"row {limits.max_rows_per_sheet + blank_after_limit}",
                    f"The sheet goes on past row {limits.max_rows_per_sheet + blank_after_limit}"
                    f" with empty rows; anything after row {limits.max_rows_per_sheet} that "
                    "follows them was not read.",
                    "Delete the empty rows below the table (select them, Delete rows), or move "
                    "any data down there to its own sheet.",
                )
                break
            continue
        if len(values) > limits.max_columns and any(
            not is_blank(v) for v in values[limits.max_columns :]
        ):
            wide = True
        sheet.rows.append(_trim(values[: limits.max_columns]))
    if wide:
        ctx.add(
            "error",
            sheet,
            f"column {get_column_letter(limits.max_columns + 1)}",
            f"The sheet has data beyond column {get_column_letter(limits.max_columns)} "
            f"({limits.max_columns} columns); those columns were not read.",
            f"Keep the table within {limits.max_columns} columns.",
        )
    while sheet.rows and not sheet.rows[-1]:
        sheet.rows.pop()
    return sheet


def read_csv(ctx: ReadContext, data: bytes) -> list[Sheet]:
    """A csv file as one nameless sheet: UTF-8 (or else Windows-1252), any common delimiter."""
    limits = ctx.limits
    too_wide: list[bool] = []

    def cut_long_line(line: list[str]) -> list[str]:
        # Ragged lines are normal in hand-made csv; only data past the column limit is lost.
        if any(v.strip() for v in line[limits.max_columns :]):
            too_wide.append(True)
        return line[: limits.max_columns + 1]

    frame = None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text_start = data[:65536].decode(encoding, errors="ignore")
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", pd.errors.ParserWarning)
                frame = pd.read_csv(
                    io.BytesIO(data),
                    sep=_sniff_delimiter(text_start),
                    header=None,
                    names=list(range(limits.max_columns + 1)),
                    # Without this, pandas turns the surplus leading fields of a too-wide
                    # first line into an index instead of reporting them.
                    index_col=False,
                    dtype=str,
                    keep_default_na=False,
                    nrows=limits.max_rows_per_sheet + 1,
                    encoding=encoding,
                    engine="python",
                    on_bad_lines=cut_long_line,
                    skip_blank_lines=False,
                )
            # pandas warns (instead of calling cut_long_line) when the FIRST line is too wide.
            too_wide.extend(True for w in caught if issubclass(w.category, pd.errors.ParserWarning))
        except UnicodeDecodeError:
            continue
        if encoding != "utf-8-sig":
            ctx.add(
                "warning",
                None,
                None,
                "The file is not UTF-8 text; it was read as Windows-1252 (Western European). "
                "Check that accented names look right.",
                "Save the file as “CSV UTF-8” to be sure of the characters.",
            )
        break
    if frame is None:
        ctx.add(
            "error",
            None,
            None,
            "The file's text encoding could not be read (it is neither UTF-8 nor Windows-1252).",
            "Save the file as “CSV UTF-8”, or as an Excel workbook (.xlsx).",
        )
        return []
    sheet = Sheet(None, [_trim(row) for row in frame.itertuples(index=False, name=None)])
    if len(sheet.rows) > limits.max_rows_per_sheet:
        del sheet.rows[limits.max_rows_per_sheet :]
        ctx.add(
            "error",
            None,
            f"row {limits.max_rows_per_sheet + 1}",
            f"The file has more than {limits.max_rows_per_sheet} rows; the rows after row "
            f"{limits.max_rows_per_sheet} were not read.",
            f"Split the data into files of at most {limits.max_rows_per_sheet} rows.",
        )
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
    return [sheet]


def _sniff_delimiter(sample: str) -> str:
    """Comma, semicolon (Excel in many European locales) or tab."""
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        return ","
