"""Excel 2.x, 3.0 and 4.0 worksheets and Excel 4.0 workbooks: read as the .xlsx made of
their values (``markup_books``).

SPSS's "Save as Excel 2.1", Stata's and SAS's old exports, DOS and Windows 3 programs and
Excel itself up to version 4.0 wrote a sheet as bare BIFF2-4 records (``biff_records``);
Excel 4.0's workbook (.xlw) bundles several such sheets, each behind a SHEETHDR record that
names it. calamine reads only the compound files of Excel 5 and later, so ``old_excel_sheets``
walks the records itself and keeps, as ``BookSheet``s: numbers (NUMBER, INTEGER, RK), text
(LABEL, in the code page the CODEPAGE record names: Windows-1252 when none does), booleans and
error values (BOOLERR, error values as the error cells the reader knows), formulas' saved
results (FORMULA, with a text result in the STRING record after it; the formula itself is not
read), dates and percentages by their number formats (FORMAT and XF records, the 1904 date
system of DATEMODE), notes (NOTE), hidden rows (ROW) and columns (COLINFO); a sheet saved with a
password (FILEPASS: what follows is scrambled) is refused, never read as values. A single sheet is
named "Sheet1" (the file has no name for it); a workbook's sheets keep theirs.

A walk costs what the file spent on writing it: each record is read once, a record claiming
more than is left is damage, and a cell past the row or column limit is dropped as
``book_sheets`` does. The file guard has checked the first record and the sheet count
(``biff_records.check_old_excel``).
"""

from __future__ import annotations

import codecs
import contextlib
import math
import struct
from typing import Any

from openpyxl.styles.numbers import is_date_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

from components.ingest.biff_records import (
    BOFS,
    CODEPAGE,
    EOF,
    SHEETHDR,
    BiffDamagedError,
    bof,
    damaged,
    records,
)
from components.ingest.book_errors import XLS_ERROR_CODES
from components.ingest.book_sheets import BookSheet, ErrorValue, new_sheet
from components.ingest.limits import ReadLimits
from components.ingest.refusals import FileRejected

_F64 = struct.Struct("<d")
_U16 = struct.Struct("<H")
_ROW_COLUMN = struct.Struct("<HH")

# Cell records: BIFF2's carry three bytes of attributes (the second byte's low six bits are
# the number format's index), BIFF3's and BIFF4's an XF index of two bytes.
_INTEGER2, _NUMBER2, _LABEL2, _BOOLERR2, _FORMULA2, _STRING2 = 0x02, 0x03, 0x04, 0x05, 0x06, 0x07
_NUMBER, _LABEL, _BOOLERR, _STRING, _RK = 0x0203, 0x0204, 0x0205, 0x0207, 0x027E
_FORMULAS = frozenset({0x0206, 0x0406})
_FORMAT2, _FORMAT4 = 0x001E, 0x041E
_XF2, _XF3, _XF4 = 0x0043, 0x0243, 0x0443
_DATEMODE, _NOTE, _ROW, _COLINFO = 0x0022, 0x001C, 0x0208, 0x007D
_FILEPASS = 0x002F  # the sheet is encrypted: every record after it is scrambled
_ROW_HIDDEN = 0x20  # ROW's option flags
_WORKSHEET, _WORKBOOK = 0x0010, 0x0100  # BOF's stream types
_COLUMN_HIDDEN = 0x01  # COLINFO's option flags

# CODEPAGE values that are not Windows' numbers of a Python codec ([MS-XLS] 2.4.52).
_CODE_PAGES = {32768: "mac_roman", 32769: "cp1252", 10000: "mac_roman", 1200: "utf-16-le"}
_DEFAULT_CODEC = "cp1252"
SINGLE_SHEET = "Sheet1"


def old_excel_sheets(data: bytes, limits: ReadLimits) -> list[BookSheet]:
    """The worksheet of an Excel 2.x-4.0 file, or each of an Excel 4.0 workbook's, in order,
    within ``limits`` (its charts and macro sheets left out). Raises ``FileRejected`` for a
    damaged one."""
    found = bof(data)
    if found is None:
        raise damaged()
    try:
        if found[1] != _WORKBOOK:
            sheet = new_sheet(SINGLE_SHEET, limits)
            _Reading(data, _DEFAULT_CODEC).sheet(0, sheet)
            return [sheet]
        return _workbook_sheets(data, found[2], limits)
    except (BiffDamagedError, struct.error, IndexError):
        raise damaged() from None


def _workbook_sheets(data: bytes, start: int, limits: ReadLimits) -> list[BookSheet]:
    """An Excel 4.0 workbook's worksheets: after each SHEETHDR (the sheet's length and name)
    comes the sheet's own BOF ... EOF."""
    codec = _DEFAULT_CODEC
    sheets: list[BookSheet] = []
    position = start
    while True:
        if position + 4 > len(data):
            raise BiffDamagedError  # globals without their end
        kind, length = _ROW_COLUMN.unpack_from(data, position)
        body = position + 4
        end = position = body + length
        if end > len(data):
            raise BiffDamagedError
        if kind == EOF:
            break
        if kind == CODEPAGE and end >= body + 2:
            codec = _codec(_U16.unpack_from(data, body)[0])
        elif kind == SHEETHDR:
            if end < body + 5:
                raise BiffDamagedError
            length = struct.unpack_from("<i", data, body)[0]
            if length < 0 or end + length > len(data):
                raise BiffDamagedError
            name = _text(data[body + 5 : min(end, body + 5 + data[body + 4])], codec)
            inner = bof(data, end)
            if inner is not None and inner[1] == _WORKSHEET and len(sheets) < limits.max_sheets:
                sheet = new_sheet(name.strip() or f"Sheet{len(sheets) + 1}", limits)
                _Reading(data, codec).sheet(end, sheet, end + length)
                sheets.append(sheet)
            position = end + length  # past the sheet, whatever it holds
    if not sheets:
        raise damaged()
    return sheets


class _Reading:
    """One sheet's records read into a ``BookSheet``: its number formats, XF records and code
    page as they come, then its cells."""

    def __init__(self, data: bytes, codec: str) -> None:
        self.data = data
        self.codec = codec
        self.formats: list[str] = []  # by index, in the order the FORMAT records come
        self.shown: dict[int, str | None] = {}  # what each format shows numbers as
        self.xf_formats: list[int] = []  # each XF record's number format index
        self.epoch = CALENDAR_WINDOWS_1900
        self.attributes = True  # the cell record is BIFF2's (three bytes of attributes)
        self.pending: tuple[int, int] | None = None  # a formula whose text result follows
        self.note: tuple[int, int, int, bytearray] | None = None  # row, column, length, text

    def sheet(self, start: int, sheet: BookSheet, stop: int | None = None) -> None:
        """The sheet whose BOF is at ``start`` into ``sheet``, up to its EOF (a chart inside
        it, with its own BOF ... EOF, passed over), which must come before ``stop`` (a
        workbook's sheet ends where its SHEETHDR says)."""
        depth = 0
        for kind, body, end in records(self.data, start, stop):
            if kind in BOFS:
                depth += 1
            elif kind == EOF:
                depth -= 1
                if depth <= 0:
                    self._end_note(sheet)
                    return
            elif depth == 1:
                self._record(kind, body, end, sheet)
        raise BiffDamagedError  # no EOF: cut short

    def _record(self, kind: int, body: int, end: int, sheet: BookSheet) -> None:
        data = self.data
        if kind in (_STRING, _STRING2):
            if self.pending is not None:
                row, column = self.pending
                width = 1 if kind == _STRING2 else 2
                count = data[body] if width == 1 else _U16.unpack_from(data, body)[0]
                sheet.put(row, column, self._string(body + width, count, end))
            self.pending = None
            return
        self.pending = None
        if kind == _NOTE:
            self._note(body, end, sheet)
            return
        if kind == _FILEPASS:
            raise FileRejected(
                "This old Excel file is protected with a password, so the dashboard cannot "
                "open it.",
                "Open it in Excel, remove the password (File > Save As > Tools > General "
                "Options), save it as an Excel Workbook (.xlsx), and upload the new file.",
                kind="encrypted",
            )
        if kind in _CELLS:
            if end < body + 4:
                raise BiffDamagedError
            row, column = _ROW_COLUMN.unpack_from(data, body)
            self.attributes = kind < 0x0100  # BIFF2's cell records are 0x0002 to 0x0007
            value, number_format = _CELLS[kind](self, body, end)
            if value is _PENDING:
                self.pending = (row, column)
            elif value is not None:
                self._put(sheet, row, column, value, number_format)
        else:
            self._setting(kind, body, end, sheet)

    def _setting(self, kind: int, body: int, end: int, sheet: BookSheet) -> None:
        """A record that is no cell: a number format, an XF, the code page, the date system,
        a hidden row or columns."""
        data = self.data
        if kind in (_FORMAT2, _FORMAT4):
            at = body + (2 if kind == _FORMAT4 else 0)
            self.formats.append(self._string(at + 1, data[at], end) if at < end else "")
            self.shown.clear()
        elif kind in (_XF3, _XF4) and end >= body + 2:
            self.xf_formats.append(data[body + 1])
        elif kind == _XF2 and end >= body + 3:
            self.xf_formats.append(data[body + 2] & 0x3F)
        elif kind == CODEPAGE and end >= body + 2:
            self.codec = _codec(_U16.unpack_from(data, body)[0])
        elif kind == _DATEMODE and end >= body + 2:
            self.epoch = CALENDAR_MAC_1904 if _U16.unpack_from(data, body)[0] else self.epoch
        elif kind == _ROW and end >= body + 14:
            if _U16.unpack_from(data, body + 12)[0] & _ROW_HIDDEN:
                sheet.hide_row(_U16.unpack_from(data, body)[0])
        elif kind == _COLINFO and end >= body + 10:
            first, last = _ROW_COLUMN.unpack_from(data, body)
            if _U16.unpack_from(data, body + 8)[0] & _COLUMN_HIDDEN:
                sheet.hide_columns(first, last)

    def _put(self, sheet: BookSheet, row: int, column: int, value: Any, index: int | None) -> None:
        """A cell's value, a number shown as a date (or time) or a percentage by its format."""
        if index is not None and isinstance(value, int | float) and not isinstance(value, bool):
            shown = self._shown(index)
            if shown == "date":
                # A day number no date is (negative, huge) stays the number Excel shows.
                with contextlib.suppress(ValueError, OverflowError):
                    value = from_excel(value, self.epoch)
                sheet.put(row, column, value)
                return
            if shown == "0%":
                sheet.put(row, column, value, "0%")
                return
        sheet.put(row, column, value)

    def _shown(self, index: int) -> str | None:
        """How number format ``index`` shows a number: "date", "0%", or None (as it is),
        judged once per format."""
        if index not in self.shown:
            code = self.formats[index] if index < len(self.formats) else "General"
            self.shown[index] = "date" if is_date_format(code) else "0%" if "%" in code else None
        return self.shown[index]

    def _format_of(self, body: int) -> int:
        """A cell's number format index: in BIFF2 its attributes hold it, in BIFF3-4 its XF."""
        if self.attributes:
            return self.data[body + 5] & 0x3F
        xf = _U16.unpack_from(self.data, body + 4)[0]
        return self.xf_formats[xf] if xf < len(self.xf_formats) else 0

    def _string(self, start: int, count: int, end: int) -> str:
        if start + count > end:
            raise BiffDamagedError
        return _text(self.data[start : start + count], self.codec)

    def _note(self, body: int, end: int, sheet: BookSheet) -> None:
        """A note's text, over one NOTE record and the ones after it (whose row is 0xFFFF)."""
        if end < body + 6:
            return
        row, column, length = struct.unpack_from("<3H", self.data, body)
        if row == 0xFFFF and self.note is not None:
            self.note[3].extend(self.data[body + 6 : end])
        else:
            self._end_note(sheet)
            self.note = (row, column, length, bytearray(self.data[body + 6 : end]))

    def _end_note(self, sheet: BookSheet) -> None:
        if self.note is not None:
            row, column, length, text = self.note
            sheet.note(row, column, _text(bytes(text[:length]), self.codec).strip())
            self.note = None


_PENDING = object()  # a formula's text result, in the STRING record that follows


def _integer2(reading: _Reading, body: int, end: int) -> tuple[Any, int | None]:
    if end < body + 9:
        raise BiffDamagedError
    return _U16.unpack_from(reading.data, body + 7)[0], reading._format_of(body)


def _number2(reading: _Reading, body: int, end: int) -> tuple[Any, int | None]:
    return _number(reading, body + 7, end), reading._format_of(body)


def _number3(reading: _Reading, body: int, end: int) -> tuple[Any, int | None]:
    return _number(reading, body + 6, end), reading._format_of(body)


def _rk(reading: _Reading, body: int, end: int) -> tuple[Any, int | None]:
    if end < body + 10:
        raise BiffDamagedError
    rk = struct.unpack_from("<I", reading.data, body + 6)[0]
    if rk & 0x02:
        number: float | int = (rk - (1 << 32) if rk & 0x80000000 else rk) >> 2
    else:
        number = _F64.unpack(struct.pack("<Q", (rk & 0xFFFFFFFC) << 32))[0]
    return (number / 100 if rk & 0x01 else number), reading._format_of(body)


def _label2(reading: _Reading, body: int, end: int) -> tuple[Any, int | None]:
    if end < body + 8:
        raise BiffDamagedError
    return reading._string(body + 8, reading.data[body + 7], end), None


def _label3(reading: _Reading, body: int, end: int) -> tuple[Any, int | None]:
    if end < body + 8:
        raise BiffDamagedError
    return reading._string(body + 8, _U16.unpack_from(reading.data, body + 6)[0], end), None


def _boolerr(reading: _Reading, body: int, end: int) -> tuple[Any, int | None]:
    at = body + (7 if reading.attributes else 6)
    if end < at + 2:
        raise BiffDamagedError
    value, is_error = reading.data[at], reading.data[at + 1]
    return (ErrorValue(XLS_ERROR_CODES.get(value, "#VALUE!")) if is_error else bool(value)), None


def _formula(reading: _Reading, body: int, end: int) -> tuple[Any, int | None]:
    """A formula's saved result: a number, or (its last two bytes 0xFFFF) a text in the
    STRING record after it, a boolean, an error value or an empty text."""
    at = body + (7 if reading.attributes else 6)
    if end < at + 8:
        raise BiffDamagedError
    result = reading.data[at : at + 8]
    if result[6:8] != b"\xff\xff":
        return _number(reading, at, end), reading._format_of(body)
    kind = result[0]
    if kind == 0:
        return _PENDING, None
    if kind == 1:
        return bool(result[2]), None
    if kind == 2:
        return ErrorValue(XLS_ERROR_CODES.get(result[2], "#VALUE!")), None
    return None, None  # an empty text: not assessed, as an .xlsx's ""


def _number(reading: _Reading, at: int, end: int) -> float | None:
    if end < at + 8:
        raise BiffDamagedError
    number = _F64.unpack_from(reading.data, at)[0]
    return number if math.isfinite(number) else None


_CELLS = {
    _INTEGER2: _integer2,
    _NUMBER2: _number2,
    _LABEL2: _label2,
    _BOOLERR2: _boolerr,
    _FORMULA2: _formula,
    _NUMBER: _number3,
    _LABEL: _label3,
    _BOOLERR: _boolerr,
    _RK: _rk,
    **dict.fromkeys(_FORMULAS, _formula),
}


def _codec(code_page: int) -> str:
    """The Python codec of a CODEPAGE record's number; Windows-1252 for one Python lacks."""
    name = _CODE_PAGES.get(code_page, f"cp{code_page}")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return _DEFAULT_CODEC


def _text(raw: bytes, codec: str) -> str:
    return raw.decode(codec, errors="replace")
