"""Excel Binary Workbooks (.xlsb): read as the .xlsx made of their values (``markup_books``).

An .xlsb is an .xlsx's package whose parts are binary records (BIFF12, [MS-XLSB]) instead of
XML: ``xl/workbook.bin`` names the sheets, ``xl/worksheets/sheet1.bin`` holds a sheet's rows
and cells, ``xl/sharedStrings.bin`` its texts, ``xl/styles.bin`` its number formats. Large
organisations make it Excel's default, and people who want small files save this way.

``xlsb_sheets`` walks the records (``xlsb_records``: a walk costs what the file spent on
writing it, never what a record claims) and keeps, as ``BookSheet``s:
every worksheet's values (numbers, text, booleans, dates and times by their number formats,
percentages marked so, error values as the error cells the reader knows: ``error_values``),
saved formula results (not the formulas), notes (comments) with their text, merged ranges,
hidden sheets, rows and columns.
The limits cost nothing: a row or column past them is dropped as ``book_sheets`` does.

What an .xlsb loses here, being read from its values: fill colours and fonts (a traffic-light
sheet whose levels are only colours reads as an .xlsx without fills does: no level, said so,
and ``colours_not_read`` says the colours of its empty cells were not read and how to have
them read; words struck through read as plain words), data validation lists, text boxes,
rich text runs, and charts and macros (``vbaProject.bin`` is never read, as an .xlsm's is
not).

The file guard has checked the package (``zip_guard``) and its index (``xlsb_records``).
"""

from __future__ import annotations

import io
import math
import posixpath
import struct
import zipfile
from typing import Any, NamedTuple

import defusedxml
import defusedxml.ElementTree as SafeET
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

from components.ingest.book_errors import XLS_ERROR_CODES
from components.ingest.book_sheets import BookSheet, ErrorValue, new_sheet
from components.ingest.limits import ReadLimits
from components.ingest.refusals import no_sheets
from components.ingest.report import Problem
from components.ingest.xlsb_records import (
    NO_SHEETS_FIX,
    READ_ERRORS,
    U32,
    WORKBOOK_PART,
    XlsbDamagedError,
    damaged,
    records,
    sheet_entries,
    wide_string,
)

_RELS_PART = "xl/_rels/workbook.bin.rels"
_STYLES_PART = "xl/styles.bin"
_STRINGS_PART = "xl/sharedStrings.bin"

# Record types ([MS-XLSB] 2.3): workbook, styles, shared strings, sheet.
_WB_PROP = 0x99
_FORMAT, _XF, _BEGIN_CELL_XFS, _END_CELL_XFS = 0x2C, 0x2F, 0x269, 0x26A
_STRING_ITEM = 0x13
_RICH_TEXT = 0x3E  # BrtCellRString: a cell's own rich text
_BEGIN_NOTE, _END_NOTE, _NOTE_TEXT = 0x27B, 0x27C, 0x27D  # BrtBeginComment, …, BrtCommentText
_ROW, _END_SHEET_DATA, _COLUMN, _MERGE = 0x00, 0x92, 0x3C, 0xB0
(_BLANK, _RK, _ERROR, _BOOL, _REAL, _TEXT, _SHARED) = range(1, 8)
_FORMULA_TEXT, _FORMULA_NUMBER, _FORMULA_BOOL, _FORMULA_ERROR = range(8, 12)
_ROW_HIDDEN = 0x10  # BrtRowHdr's fDyZero, in its twelfth byte
_COLUMN_HIDDEN = 0x01  # BrtColInfo's fHidden

# Built-in formats Excel shows as dates in East Asian locales (their codes are not stored).
_LOCAL_DATE_FORMATS = frozenset({*range(27, 37), *range(50, 59)})
_HIDDEN_STATES = frozenset({1, 2})  # hidden, very hidden
_F64 = struct.Struct("<d")
# Fewer empty coloured cells are a decoration (a header's corner), not levels by colour.
_MIN_UNREAD_FILLS = 3


def xlsb_sheets(data: bytes, limits: ReadLimits) -> list[BookSheet]:
    """Every worksheet of the .xlsb ``data`` (vetted by the file guard), in order, within
    ``limits`` (chart and dialog sheets left out). Raises ``FileRejected`` for a damaged one."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            entries = sheet_entries(archive.read(WORKBOOK_PART))
            targets = _worksheet_parts(archive.read(_RELS_PART))
            date1904 = _date1904(archive.read(WORKBOOK_PART))
            styles = _styles(archive.read(_STYLES_PART)) if _STYLES_PART in names else _NO_STYLES
            strings = _strings(archive.read(_STRINGS_PART)) if _STRINGS_PART in names else []
            sheets = []
            for state, relation, name in entries:
                path = targets.get(relation)
                if path is None:
                    continue  # a chart or dialog sheet: no cells to read
                sheet = new_sheet(name, limits, hidden=state in _HIDDEN_STATES)
                _read_sheet(archive.read(path), sheet, strings, styles, date1904)
                for notes in _notes_parts(archive, names, path):
                    _read_notes(archive.read(notes), sheet)
                sheets.append(sheet)
    except (XlsbDamagedError, *READ_ERRORS):
        raise damaged() from None
    if not sheets:
        raise no_sheets(NO_SHEETS_FIX)
    return sheets


# --------------------------------------------------------------------------------------------
# The workbook's parts


def _date1904(workbook: bytes) -> bool:
    """Whether the workbook counts its dates from 1904 (old Mac workbooks; BrtWbProp)."""
    for kind, start, end in records(workbook):
        if kind == _WB_PROP and end > start:
            return bool(workbook[start] & 0x01)
    return False


def _relationships(rels: bytes, base: str) -> list[tuple[str, str, str]]:
    """(id, type, part name) of each relationship of a part (parsed safely), the targets
    relative to ``base``, the folder of the part they belong to."""
    try:
        root = SafeET.fromstring(rels, forbid_dtd=True)
    except (defusedxml.DefusedXmlException, SafeET.ParseError):
        raise XlsbDamagedError from None
    found = []
    for element in root:
        target = (element.get("Target") or "").replace("\\", "/")
        path = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
        found.append((element.get("Id") or "", element.get("Type") or "", posixpath.normpath(path)))
    return found


def _worksheet_parts(rels: bytes) -> dict[str, str]:
    """{relationship id: part name} of the worksheets among the workbook's relationships
    (named by their type, or by their folder as calamine finds them)."""
    return {
        relation: path
        for relation, kind, path in _relationships(rels, "xl")
        if kind.endswith("/worksheet") or path.startswith("xl/worksheets/")
    }


def _notes_parts(archive: zipfile.ZipFile, names: set[str], sheet: str) -> list[str]:
    """The notes (comments) parts a sheet's relationships name."""
    folder, _, file = sheet.rpartition("/")
    rels = f"{folder}/_rels/{file}.rels"
    if rels not in names:
        return []
    return [
        path
        for _, kind, path in _relationships(archive.read(rels), folder)
        if kind.endswith("/comments") and path in names
    ]


class _Styles(NamedTuple):
    # {cell style index: "date" or "0%"} for the styles whose number format shows a date, a
    # time or a percentage; the rest show numbers as numbers
    shown: dict[int, str]
    # the cell styles that fill a cell with a colour or pattern (not "none" nor Excel's
    # built-in grey of index 1)
    filled: frozenset[int]


_NO_STYLES = _Styles({}, frozenset())


def _styles(styles: bytes) -> _Styles:
    """What the workbook's cell styles show (``_Styles``)."""
    codes: dict[int, str] = {}
    shown: dict[int, str] = {}
    filled: set[int] = set()
    in_cell_styles, index = False, 0
    for kind, start, end in records(styles):
        if kind == _FORMAT and start + 2 <= end:
            code, _ = wide_string(styles, start + 2, end)
            codes[struct.unpack_from("<H", styles, start)[0]] = code
        elif kind == _BEGIN_CELL_XFS:
            in_cell_styles, index = True, 0
        elif kind == _END_CELL_XFS:
            in_cell_styles = False
        elif kind == _XF and in_cell_styles:
            if start + 8 > end:
                raise XlsbDamagedError
            number_format, _, fill = struct.unpack_from("<3H", styles, start + 2)
            if fill > 1:
                filled.add(index)
            code = codes.get(number_format, BUILTIN_FORMATS.get(number_format, "General"))
            if number_format in _LOCAL_DATE_FORMATS or is_date_format(code):
                shown[index] = "date"
            elif "%" in code:
                shown[index] = "0%"
            index += 1
    return _Styles(shown, frozenset(filled))


def _strings(part: bytes) -> list[str]:
    """The shared strings, in order (a rich text's runs are left: its text is kept)."""
    return [
        wide_string(part, start + 1, end)[0]
        for kind, start, end in records(part)
        if kind == _STRING_ITEM
    ]


# --------------------------------------------------------------------------------------------
# Sheets


def _read_sheet(
    part: bytes,
    sheet: BookSheet,
    strings: list[str],
    styles: _Styles,
    date1904: bool,
) -> None:
    """The cells, hidden rows and columns and merges of one sheet's records into ``sheet``;
    the empty cells filled with a colour counted (``BookSheet.unread_fills``)."""
    row = 0
    epoch = CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900
    in_data = True  # cells and rows come before BrtEndSheetData; merges and columns anywhere
    for kind, start, end in records(part):
        if kind == _ROW and in_data:
            if start + 12 > end:
                raise XlsbDamagedError
            row = U32.unpack_from(part, start)[0]
            if part[start + 11] & _ROW_HIDDEN:
                sheet.hide_row(row)
        elif kind == _BLANK and in_data:
            if start + 8 > end:
                raise XlsbDamagedError
            if U32.unpack_from(part, start + 4)[0] & 0xFFFFFF in styles.filled:
                sheet.unread_fills += 1
        elif (_BLANK < kind <= _FORMULA_ERROR or kind == _RICH_TEXT) and in_data:
            if start + 9 > end:
                raise XlsbDamagedError
            column, style = struct.unpack_from("<2I", part, start)
            value, shown = _cell_value(part, kind, (start + 8, end), strings)
            shown = styles.shown.get(style & 0xFFFFFF) if shown else None
            if shown == "date":
                value, shown = _date(value, epoch), None
            sheet.put(row, column, value, shown)
        elif kind == _END_SHEET_DATA:
            in_data = False
        else:
            _sheet_record(part, kind, start, end, sheet)


def _read_notes(part: bytes, sheet: BookSheet) -> None:
    """A sheet's notes (BrtBeginComment names the cell, BrtCommentText holds the text)."""
    row = column = -1
    text = ""
    for kind, start, end in records(part):
        if kind == _BEGIN_NOTE:
            if start + 20 > end:
                raise XlsbDamagedError
            row, column = U32.unpack_from(part, start + 4)[0], U32.unpack_from(part, start + 12)[0]
            text = ""
        elif kind == _NOTE_TEXT:
            text = wide_string(part, start + 1, end)[0]
        elif kind == _END_NOTE:
            sheet.note(row, column, text)


def _sheet_record(part: bytes, kind: int, start: int, end: int, sheet: BookSheet) -> None:
    """A sheet's record other than its rows and cells: hidden columns, merged ranges."""
    if kind == _COLUMN:
        if start + 18 > end:
            raise XlsbDamagedError
        first, last = struct.unpack_from("<2I", part, start)
        if part[start + 16] & _COLUMN_HIDDEN:
            sheet.hide_columns(first, last)
    elif kind == _MERGE:
        if start + 16 > end:
            raise XlsbDamagedError
        top, bottom, left, right = struct.unpack_from("<4I", part, start)
        sheet.merge(top, left, bottom, right)


def _cell_value(
    part: bytes, kind: int, body: tuple[int, int], strings: list[str]
) -> tuple[Any, bool]:
    """A cell record's value (its ``body`` after the column and style) and whether it is a
    number, which its style may show as a date or a percentage."""
    start, end = body
    if kind in (_ERROR, _FORMULA_ERROR):
        return ErrorValue(XLS_ERROR_CODES.get(part[start], "#VALUE!")), False
    if kind in (_BOOL, _FORMULA_BOOL):
        return bool(part[start]), False
    if kind in (_TEXT, _FORMULA_TEXT):
        return wide_string(part, start, end)[0], False
    if kind == _RICH_TEXT:  # its flags, then its text (the runs after it are left)
        return wide_string(part, start + 1, end)[0], False
    if kind == _SHARED:
        if start + 4 > end:
            raise XlsbDamagedError
        index = U32.unpack_from(part, start)[0]
        if index >= len(strings):
            raise XlsbDamagedError
        return strings[index], False
    if kind == _RK:
        if start + 4 > end:
            raise XlsbDamagedError
        return _rk(U32.unpack_from(part, start)[0]), True
    if start + 8 > end:  # a number, or a formula's number
        raise XlsbDamagedError
    number = _F64.unpack_from(part, start)[0]
    return (number, True) if math.isfinite(number) else (None, False)


def _rk(rk: int) -> float | int:
    """An RkNumber ([MS-XLSB] 2.5.122): a 30-bit integer or a double's 30 high bits, maybe
    a hundredth of it."""
    if rk & 0x02:
        number: float | int = (rk - (1 << 32) if rk & 0x80000000 else rk) >> 2
    else:
        number = _F64.unpack(struct.pack("<Q", (rk & 0xFFFFFFFC) << 32))[0]
    return number / 100 if rk & 0x01 else number


def _date(serial: float, epoch: Any) -> Any:
    """A day number shown as a date (or a time of day), as Excel shows it; the number when no
    date is that (a negative or a huge one)."""
    try:
        return from_excel(serial, epoch)
    except (ValueError, OverflowError):
        return serial


def colours_not_read(file: str, sheets: list[BookSheet]) -> list[Problem]:
    """A warning for each sheet with empty cells filled with a colour: levels shown only by
    colour (traffic lights, shaded boxes) are read from an .xlsx with its colour key, never
    from an .xlsb's values, which the person must know to make them count."""
    return [
        Problem(
            "warning",
            file,
            sheet.name,
            None,
            f"{sheet.unread_fills:,} empty cells of this sheet are filled with a colour. The "
            "dashboard reads an Excel Binary Workbook's (.xlsb) values, not its colours, so a "
            "level shown only by a cell's colour was not read.",
            "If levels are shown by colour, open the file in Excel, choose File > Save As, "
            "pick “Excel Workbook (*.xlsx)”, and upload that file: an .xlsx's colours are read "
            "by its colour key.",
        )
        for sheet in sheets
        if sheet.unread_fills >= _MIN_UNREAD_FILLS
    ]
