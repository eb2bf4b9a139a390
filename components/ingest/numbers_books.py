"""An Apple Numbers spreadsheet (.numbers) read as the .xlsx made of it.

People on Macs fill the template in Numbers and send the .numbers file. numbers-parser reads
its sheets and tables; ``numbers_sheets`` turns them into ``BookSheet``s, and
``markup_books.as_workbook`` writes those as an .xlsx that goes the .xlsx way (the guard's
checks of the package, calamine for the cells, every shape and message of an .xlsx).

A Numbers sheet holds tables placed freely on a page. Each sheet is one sheet here, its tables
one under another in reading order (top to bottom, then left to right), each under a row with
its name and a blank row between, as Numbers' own "Export To > CSV" writes a sheet of several
tables (``numbers_tables``). Numbers' "Export To > Excel" makes a worksheet per table by
default ("Sheet 1 - Table 1"), which would part a small Country/Year table from the table of
levels under it: stacked, the country and year stay above the levels they belong to, where the
reader looks for them (a table's empty rows at its end are left out, so that the next one
stays near). A sheet with one table has no name row: its cells start at A1, as in Numbers'
export, so a message's cell is the one Numbers shows. Values keep their types (dates,
numbers, booleans, text; a formula's result; a duration as Numbers shows it), merged cells
stay merged, and a cell showing an error is an error cell (``#VALUE!``: numbers-parser does
not say which error), so the reader says so as it does of an .xlsx's (``error_values``).

numbers-parser is imported only here, when a .numbers file is read, and opens a path: the
upload is written to a temporary folder that is removed when reading ends. The guard has
vetted the package first (``numbers_guard``). numbers-parser builds every cell of every table
it opens, so each table is cut to the reader's row and column limits before it is opened
(the first row and column past them kept, so that the reader says the sheet was cut), and to
a total of cells read; a table larger than Numbers itself allows is a damaged file.
"""

from __future__ import annotations

import datetime
import tempfile
import warnings
from pathlib import Path
from typing import Any

from components.ingest.book_sheets import BookSheet, ErrorValue, new_sheet
from components.ingest.numbers_guard import damaged
from components.ingest.refusals import FileRejected
from components.ingest.sheets import ReadContext

# Numbers' own limits on a table: a larger one was not written by Numbers.
_NUMBERS_MAX_ROWS = 1_000_000
_NUMBERS_MAX_COLUMNS = 1_000
# numbers-parser makes an object of every cell of a table, empty or not (some 17 µs and
# 2 KB each): the cells read from one file, at most (a long table of 14,000 rows of 8
# columns is 112,000).
MAX_CELLS = 200_000
# The error value written for a cell that shows one (Excel's general "cannot compute this").
_ERROR = ErrorValue("#VALUE!")
_DATE_FORMAT = "yyyy-mm-dd"
_DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm"


def numbers_sheets(ctx: ReadContext, data: bytes) -> list[BookSheet]:
    """The Numbers spreadsheet's sheets, its tables stacked on each, within the limits.
    Raises ``FileRejected`` for a file numbers-parser cannot read (damaged)."""
    try:
        # Imported here: the app starts, and other files are read, without numbers-parser.
        # Its model, not ``Document``: a Document makes every cell of every table as it opens,
        # the model lets each table be cut to the limits first (numbers-parser is held below 5).
        from numbers_parser.document import Sheet  # noqa: PLC0415
        from numbers_parser.model import _NumbersModel  # noqa: PLC0415
    except ImportError:
        raise FileRejected(
            "This is an Apple Numbers spreadsheet, and this installation of the dashboard "
            "lacks the part that reads them (numbers-parser).",
            "In Numbers, choose File > Export To > Excel, and upload the .xlsx file it makes.",
            kind="unsupported_spreadsheet",
        ) from None
    with tempfile.TemporaryDirectory(prefix="mnr-numbers-") as folder:
        path = Path(folder) / "upload.numbers"  # numbers-parser opens only a path so named
        path.write_bytes(data)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # an unknown version, a rounded number
                model = _NumbersModel(path, None)
                ids = _sheet_ids(ctx, model)
                _cut_tables(ctx, model, ids)
                return [_book_sheet(ctx, Sheet(model, sheet_id)) for sheet_id in ids]
        except FileRejected:
            raise
        except Exception:  # noqa: BLE001 - numbers-parser meeting a hostile file may raise anything
            raise damaged() from None


def _sheet_ids(ctx: ReadContext, model: Any) -> list[int]:
    """The sheets read: the first ``max_sheets`` (the rest said, as for any workbook)."""
    ids = list(model.sheet_ids())
    limit = ctx.limits.max_sheets
    if len(ids) > limit:
        ctx.add(
            "error",
            None,
            None,
            f"The spreadsheet has {len(ids)} sheets; only the first {limit} were read.",
            f"Split it into spreadsheets of at most {limit} sheets.",
        )
        ids = ids[:limit]
    return ids


def _cut_tables(ctx: ReadContext, model: Any, sheet_ids: list[int]) -> None:
    """Cut every table to what is read, before numbers-parser makes its cells: the row and
    column limits (and one past each), and ``MAX_CELLS`` in all."""
    rows_kept = ctx.limits.max_rows_per_sheet + 1
    columns_kept = ctx.limits.max_columns + 1
    left, said = MAX_CELLS, False
    for sheet_id in sheet_ids:
        for table_id in model.table_ids(sheet_id):
            rows = model.number_of_rows(table_id)
            columns = model.number_of_columns(table_id)
            if not 0 <= rows <= _NUMBERS_MAX_ROWS or not 0 <= columns <= _NUMBERS_MAX_COLUMNS:
                raise damaged()
            columns = min(columns, columns_kept)
            kept = min(rows, rows_kept, left // max(columns, 1))
            if kept < min(rows, rows_kept) and not said:
                said = True
                ctx.add(
                    "error",
                    None,
                    None,
                    f"The spreadsheet's tables hold more than {MAX_CELLS:,} cells; the rows "
                    f"after row {kept:,} of the table “{model.table_name(table_id)}” on the "
                    f"sheet “{model.sheet_name(sheet_id)}”, and any tables after it, were not "
                    "read.",
                    "Delete empty rows and columns and tables you do not need, or split the "
                    "assessments into several files, and upload them one by one.",
                )
            model.number_of_rows(table_id, kept)
            model.number_of_columns(table_id, columns)
            left -= kept * columns


def _book_sheet(ctx: ReadContext, sheet: Any) -> BookSheet:
    """One Numbers sheet as one sheet: its tables in reading order, one under another, each
    under its name when there are several, a blank row between."""
    book = new_sheet(sheet.name, ctx.limits)
    tables = sorted(sheet.tables, key=lambda table: (table.coordinates[1], table.coordinates[0]))
    titled = len(tables) > 1
    top = 0
    for table in tables:
        if titled:
            book.put(top, 0, table.name)
            top += 1
        top += _put_table(book, table, top) + 1
    return book


def _put_table(book: BookSheet, table: Any, top: int) -> int:
    """Put the table's cells from row ``top``; the rows it fills. Its empty rows at the end
    (a new Numbers table has 22) are left out, so the next table stays near, as its
    Country and Year do to the levels under them."""
    used = 0
    for row, cells in enumerate(table.iter_rows()):
        for column, cell in enumerate(cells):
            value, number_format = _value(cell)
            book.put(top + row, column, value, number_format)
            size = getattr(cell, "size", None)
            if cell.is_merged and size:
                rows, columns = size
                book.merge(top + row, column, top + row + rows - 1, column + columns - 1)
                used = max(used, row + rows)
            elif value is not None:
                used = max(used, row + 1)
    return used


def _value(cell: Any) -> tuple[Any, str | None]:
    """(a cell's value as it is written, its number format) from a numbers-parser cell."""
    kind = type(cell).__name__
    if kind in {"EmptyCell", "MergedCell"}:
        return None, None
    if kind == "ErrorCell":
        return _ERROR, None
    if kind == "DurationCell":
        return cell.formatted_value, None  # as Numbers shows it ("2h 30m")
    value = cell.value
    if isinstance(value, datetime.datetime):
        midnight = value.time() == datetime.time()
        return value.replace(tzinfo=None), _DATE_FORMAT if midnight else _DATE_TIME_FORMAT
    if isinstance(value, bool | str) or value is None:
        return value, None
    if isinstance(value, int | float):
        # A percentage stays one (3 typed in a percent cell is 0.03: ``percent_levels``).
        percent = kind == "NumberCell" and cell.formatted_value.rstrip().endswith("%")
        return value, "0%" if percent else None
    return str(value), None
