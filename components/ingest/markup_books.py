"""Workbooks written as markup: Excel's "XML Spreadsheet 2003", an HTML page's tables saved
under an Excel name and a web archive's (.mht, ``web_archive``), each made an .xlsx in memory
and read as one; and other workbook kinds
read the same way: an Excel Binary Workbook (.xlsb, its values read by ``xlsb_books``), a
Strict Open XML one (its parts renamed by ``strict_xlsx``), an Apple Numbers spreadsheet
(read by ``numbers_books``), and the exchange formats older spreadsheets write: SYLK
(``sylk``), DIF (``dif``) and a Gnumeric workbook (``gnumeric``).

Excel opens both, so people upload both: SpreadsheetML is what Excel's "Save As > XML
Spreadsheet 2003" writes and what many older systems, SharePoint lists, reporting tools and
scripts export; web systems (PHP applications, Salesforce reports, DHIS2 and many M&E
platforms) "export to Excel" by writing a web page with tables. ``spreadsheet_xml`` and
``html_tables`` turn the file into ``BookSheet``s (values, types, merges, hidden sheets and
rows); ``as_workbook`` writes them as an .xlsx with openpyxl, vets the package as the file
guard vets any .xlsx (``zip_guard``), and from there the file goes the .xlsx way: calamine
reads the cells, and every shape and message of an .xlsx is the same for these.

The limits cost nothing here: a cell past the row or column limit is never kept but for the
first one past each (where the reader finds it and says the sheet was cut, as for an .xlsx);
a merge is clipped to the limits (a span of a billion columns is a few hundred), and merges
are added without making a cell for each place they cover.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Callable
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange

from components.ingest.book_sheets import BookSheet, ErrorValue, Formula
from components.ingest.dif import DIF, dif_sheets
from components.ingest.gnumeric import GNUMERIC, gnumeric_sheets
from components.ingest.html_tables import WEB_PAGE, page_sheets
from components.ingest.limits import ReadLimits
from components.ingest.numbers_books import numbers_sheets
from components.ingest.numbers_guard import NUMBERS
from components.ingest.old_books import OLD_SHEETS, old_sheets, renamed_workbook
from components.ingest.sheets import ReadContext
from components.ingest.spreadsheet_xml import SPREADSHEET_XML, spreadsheet_sheets
from components.ingest.strict_xlsx import STRICT_XLSX, transitional_package
from components.ingest.sylk import SYLK, sylk_sheets
from components.ingest.web_archive import WEB_ARCHIVE, archive_sheets
from components.ingest.xlsb_books import colours_not_read, xlsb_sheets
from components.ingest.xlsb_records import XLSB
from components.ingest.zip_guard import check_zip

# A read's memo key (``ReadContext.memo``): the kind of markup the read's .xlsx was made from.
MADE_FROM_MARKUP = ("made from markup",)
# What a cell of Excel's may hold, and what a sheet's name may (Excel's own rules).
_MAX_CELL_CHARS = 32767
_MAX_SHEET_NAME = 31
_NOT_IN_SHEET_NAMES = re.compile(r"[\\/*?:\[\]]")
# The exchange formats older spreadsheets write, each read into sheets by its own module.
_INTERCHANGE: dict[str, Callable[[bytes, ReadLimits], list[BookSheet]]] = {
    SYLK: sylk_sheets,
    DIF: dif_sheets,
    GNUMERIC: gnumeric_sheets,
}


def as_workbook(ctx: ReadContext, data: bytes, kind: str) -> tuple[bytes, str]:
    """``data`` as the .xlsx it is read as, and ``"xlsx"``, for XML Spreadsheet 2003
    (``SPREADSHEET_XML``), a web page's tables (``WEB_PAGE``), a web archive's (``WEB_ARCHIVE``,
    a .mht), an Apple Numbers spreadsheet (``NUMBERS``, ``numbers_books``), an Excel Binary
    Workbook (``XLSB``: its values, ``xlsb_books``) or a Strict Open XML workbook
    (``STRICT_XLSX``: its parts in Transitional's names, ``strict_xlsx``), SYLK, DIF or a
    Gnumeric workbook (``sylk``, ``dif``, ``gnumeric``); else ``data`` and
    ``kind`` as they are. Raises ``FileRejected`` for a file that cannot be made one (damaged,
    unsafe, locked, holding no sheet or no table)."""
    limit = ctx.limits.max_sheets
    data, kind = renamed_workbook(ctx, data, kind)  # an add-in, a Works spreadsheet (.xlr)
    if kind == STRICT_XLSX:
        package = transitional_package(data)
        check_zip(package, ctx.limits)  # as any .xlsx is vetted
        return package, "xlsx"
    if kind == XLSB:
        sheets = xlsb_sheets(data, ctx.limits)  # the guard counted them (``check_xlsb``)
        ctx.problems += colours_not_read(ctx.file, sheets)
        cut = (
            f"The workbook has {len(sheets)} sheets; only the first {limit} were read.",
            f"Split it into workbooks of at most {limit} sheets.",
        )
    elif kind == SPREADSHEET_XML:
        sheets = spreadsheet_sheets(data, ctx.limits)
        cut = (  # as for any workbook (``sheets``)
            f"The workbook has {len(sheets)} sheets; only the first {limit} were read.",
            f"Split it into workbooks of at most {limit} sheets.",
        )
    elif kind == WEB_PAGE:
        sheets = page_sheets(data, ctx.limits)
        cut = (
            f"The page has {len(sheets)} tables (a sheet each); only the first {limit} were read.",
            f"Export the data in parts of at most {limit} tables, and upload each part.",
        )
    elif kind == NUMBERS:
        sheets = numbers_sheets(ctx, data)  # already cut to the sheet limit, and said
        cut = ("", "")
    elif kind in OLD_SHEETS:  # Excel 2.x-4.0 (the guard counted its sheets), a dBase table
        sheets = old_sheets(ctx, data, kind)
        cut = ("", "")
    elif kind in _INTERCHANGE:  # SYLK, DIF, a Gnumeric workbook
        sheets = _INTERCHANGE[kind](data, ctx.limits)
        cut = (
            f"The workbook has {len(sheets)} sheets; only the first {limit} were read.",
            f"Split it into workbooks of at most {limit} sheets.",
        )
    elif kind == WEB_ARCHIVE:
        sheets = archive_sheets(data, ctx.limits)
        cut = (
            f"The web archive has {len(sheets)} tables (a sheet each); only the first {limit} "
            "were read.",
            f"Save it as an Excel workbook (.xlsx) and split it into workbooks of at most {limit} "
            "sheets.",
        )
    else:
        return data, kind
    if len(sheets) > limit:
        ctx.add("error", None, None, *cut)
        sheets = sheets[:limit]
    package = write_xlsx(sheets)
    check_zip(package, ctx.limits)  # as any .xlsx is vetted
    ctx.memo[MADE_FROM_MARKUP] = kind  # its error cells' formulas are not kept (``marked_levels``)
    return package, "xlsx"


def write_xlsx(sheets: list[BookSheet]) -> bytes:
    """The sheets as an .xlsx package, written by openpyxl: values with their types (text
    stays text, even "=1+1"; an ``ErrorValue`` is an error cell), notes, merges, hidden
    sheets, rows and columns, the number formats given."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    # Its only formulas are those a file saved without a result (``Formula``): said as such,
    # not as results a recalculation on opening would replace (openpyxl asks for one).
    workbook.calculation.fullCalcOnLoad = False
    names: set[str] = set()
    for number, sheet in enumerate(sheets, start=1):
        worksheet = workbook.create_sheet(_unique(sheet_name(sheet.name, number), names))
        for row, cells in sorted(sheet.cells.items()):
            for column, value in sorted(cells.items()):
                cell = worksheet.cell(row=row + 1, column=column + 1)
                _set(cell, value)
                number_format = sheet.number_formats.get((row, column))
                if number_format is not None:
                    cell.number_format = number_format
        for (row, column), text in sheet.notes.items():
            note = ILLEGAL_CHARACTERS_RE.sub("", text)[:_MAX_CELL_CHARS]
            worksheet.cell(row=row + 1, column=column + 1).comment = Comment(note, "")
        for top, left, bottom, right in sheet.merges:
            # Straight into the set: openpyxl's merge_cells makes a cell for every place a
            # merge covers, and its add() compares each new range with every one before.
            worksheet.merged_cells.ranges.add(
                CellRange(min_col=left + 1, min_row=top + 1, max_col=right + 1, max_row=bottom + 1)
            )
        for row in sheet.hidden_rows:
            worksheet.row_dimensions[row + 1].hidden = True
        for first, last in sheet.hidden_columns:
            dimension = worksheet.column_dimensions[get_column_letter(first + 1)]
            dimension.hidden, dimension.min, dimension.max = True, first + 1, last + 1
        if sheet.hidden:
            worksheet.sheet_state = "hidden"
    if all(worksheet.sheet_state != "visible" for worksheet in workbook.worksheets):
        workbook.worksheets[0].sheet_state = "visible"  # a workbook shows one sheet at least
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def sheet_name(name: str, number: int) -> str:
    """``name`` as Excel allows a sheet's name (no ``\\ / * ? : [ ]``, not quoted, at most 31
    characters); "Sheet2" for the second sheet when nothing of it is left."""
    cleaned = " ".join(_NOT_IN_SHEET_NAMES.sub(" ", ILLEGAL_CHARACTERS_RE.sub("", name)).split())
    cleaned = cleaned.strip("'")[:_MAX_SHEET_NAME].strip()
    return cleaned or f"Sheet{number}"


def _unique(name: str, taken: set[str]) -> str:
    """``name``, or "name (2)" when a sheet is already so named (Excel ignores case)."""
    candidate, count = name, 1
    while candidate.casefold() in taken:
        count += 1
        suffix = f" ({count})"
        candidate = name[: _MAX_SHEET_NAME - len(suffix)].rstrip() + suffix
    taken.add(candidate.casefold())
    return candidate


def _set(cell: Any, value: Any) -> None:
    if isinstance(value, ErrorValue):
        cell.value = str(value)
        cell.data_type = "e"
    elif isinstance(value, Formula):
        cell.value = "=" + ILLEGAL_CHARACTERS_RE.sub("", value).removeprefix("=")[:_MAX_CELL_CHARS]
        cell.data_type = "f"
    elif isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)[:_MAX_CELL_CHARS]
        cell.data_type = "s"  # never a formula ("=…") nor an error, as openpyxl would guess
    elif isinstance(value, bool | int | float | datetime.date | datetime.time):
        cell.value = value
    else:
        cell.value = str(value)
        cell.data_type = "s"
