"""Excel 2.x, 3.0 and 4.0 files (BIFF2, BIFF3, BIFF4): their records, and the file guard's
check of one.

Before Excel 5, a worksheet was saved as its bare records, with no compound file around them:
an .xls of Excel 2.1 (what SPSS's "Save as Excel 2.1", Stata and many DOS and Windows 3
programs still write), Excel 3.0 or 4.0 holds one sheet, and Excel 4.0's workbook (.xlw)
bundles several, each behind a SHEETHDR record that names it. Each record is a type and a
length of two bytes each, then its body; the first is a BOF record whose type says the
version (0x0009 BIFF2, 0x0209 BIFF3, 0x0409 BIFF4) and whose body says what the stream is
(0x0010 a worksheet, 0x0020 a chart, 0x0040 a macro sheet, 0x0100 a workbook or, without
sheets, a workspace that only lists files).

``records`` walks a stream without reading more than it holds (a record claiming more is
damage), so a walk costs what the file spent on writing it. ``is_old_excel`` tells such a
file by its first record; ``check_old_excel`` is the guard's part (a worksheet or a workbook
of at most the sheet limit, a chart, macro sheet or workspace refused saying what it is);
``biff_books`` reads the cells. An Excel 97-2003 workspace (resume.xlw, a bare BIFF8 stream
that only lists files) is refused here too. Nothing here imports openpyxl: the guard stays
light.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

from components.ingest.limits import ReadLimits
from components.ingest.refusals import FileRejected, too_many_sheets

#: The kind ``check_upload`` names an Excel 2.x-4.0 file (read as the .xlsx made of it).
OLD_EXCEL = "biff"

BOFS = {0x0009: 2, 0x0209: 3, 0x0409: 4}
_BIFF8_BOF = 0x0809
EOF = 0x000A
BOUNDSHEET = 0x0085
SHEETHDR = 0x008F  # BIFF4W: before each sheet's BOF, its length and name
CODEPAGE = 0x0042
_HEADER = struct.Struct("<HH")
_WORKSHEET, _CHART, _MACROS, _WORKBOOK = 0x0010, 0x0020, 0x0040, 0x0100
# The most bytes of a BOF's body: its version, type, build and flags (xlrd allows 4 to 20).
_BOF_LENGTHS = range(4, 21)

FIX_OLD_EXCEL = (
    "Open it in Excel or LibreOffice, choose File > Save As, pick “Excel Workbook (*.xlsx)”, "
    "and upload the new file."
)


class BiffDamagedError(Exception):
    """A record that does not read as the BIFF2-4 records Excel writes."""


def records(data: bytes, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, int]]:
    """Each record from ``start`` to ``end`` as (type, start of its body, end of its body). A
    record that claims more bytes than are left is damage, found before its body is read."""
    stop = len(data) if end is None else min(end, len(data))
    position = start
    while position + 4 <= stop:
        kind, length = _HEADER.unpack_from(data, position)
        body = position + 4
        if body + length > stop:
            raise BiffDamagedError
        yield kind, body, body + length
        position = body + length
    if any(data[position:stop]):
        raise BiffDamagedError  # a record cut short (zeros padding the end are not)


def bof(data: bytes, position: int = 0) -> tuple[int, int, int] | None:
    """(BIFF version 2-4, stream type, end of the record) of the BOF record at ``position``,
    or None when there is none."""
    if position + 8 > len(data):
        return None
    kind, length = _HEADER.unpack_from(data, position)
    if kind not in BOFS or length not in _BOF_LENGTHS or position + 4 + length > len(data):
        return None
    stream_type = struct.unpack_from("<H", data, position + 6)[0]
    return BOFS[kind], stream_type, position + 4 + length


def is_old_excel(data: bytes) -> bool:
    """Whether ``data`` starts as an Excel 2.x-4.0 file (a BIFF2-4 BOF record of a kind of
    stream Excel writes) or as a bare Excel 5-2003 workspace."""
    found = bof(data)
    if found is not None:
        return found[1] in (_WORKSHEET, _CHART, _MACROS, _WORKBOOK)
    return _bare_workspace(data)


def check_old_excel(data: bytes, limits: ReadLimits) -> str:
    """``OLD_EXCEL`` for an Excel 2.x-4.0 worksheet, or an Excel 4.0 workbook of at most
    ``limits.max_sheets`` sheets; raise ``FileRejected`` for a chart, a macro sheet, a
    workspace (which only lists files), a damaged one or one with too many sheets."""
    if _bare_workspace(data):
        raise _workspace()
    found = bof(data)
    if found is None:
        raise damaged()
    version, stream_type, after = found
    if stream_type == _CHART:
        raise FileRejected(
            "This file is an old Excel chart (.xlc) saved on its own: it holds a chart, not "
            "the table of levels behind it.",
            "Upload the worksheet that holds the table instead (saved as .xlsx).",
            kind="not_spreadsheet",
        )
    if stream_type == _MACROS:
        raise FileRejected(
            "This file is an Excel 4.0 macro sheet (.xlm): it holds macros, not a table of levels.",
            "Upload the worksheet that holds the assessment instead (saved as .xlsx).",
            kind="not_spreadsheet",
        )
    if stream_type == _WORKBOOK:
        sheets = sheet_names(data, after) if version == 4 else []
        if not sheets:
            raise _workspace()
        if len(sheets) > limits.max_sheets:
            raise too_many_sheets(len(sheets), limits.max_sheets)
    return OLD_EXCEL


def sheet_names(data: bytes, start: int) -> list[bytes]:
    """The names an Excel 4.0 workbook's globals give its sheets (BOUNDSHEET: a name alone),
    read up to the first sheet (SHEETHDR) or the end of the globals."""
    names = []
    try:
        for kind, body, end in records(data, start):
            if kind == BOUNDSHEET and end > body:
                names.append(data[body + 1 : min(end, body + 1 + data[body])])
            elif kind in (SHEETHDR, EOF):
                break
    except BiffDamagedError:
        raise damaged() from None
    return names


def _bare_workspace(data: bytes) -> bool:
    """An Excel 5-2003 workspace (.xlw): a bare BIFF5/8 stream whose BOF says "workspace"
    (Excel keeps workbooks in a compound file; a workspace is only a list of files)."""
    if len(data) < 8:
        return False
    kind, length = _HEADER.unpack_from(data, 0)
    if kind != _BIFF8_BOF or length not in _BOF_LENGTHS:
        return False
    return struct.unpack_from("<H", data, 6)[0] == _WORKBOOK


def _workspace() -> FileRejected:
    return FileRejected(
        "This file is an Excel workspace (.xlw): it holds only the names of the workbooks "
        "to open together, not their data.",
        "Upload the workbooks themselves (the .xls or .xlsx files it lists), or open the "
        "workspace in Excel and save each of its workbooks as an Excel Workbook (.xlsx).",
        kind="not_spreadsheet",
    )


def damaged() -> FileRejected:
    """The refusal of an Excel 2.x-4.0 file whose records do not read."""
    return FileRejected(
        "This old Excel file (Excel 2.x to 4.0) seems to be damaged or incomplete, so it "
        "could not be opened.",
        f"{FIX_OLD_EXCEL} If the upload was interrupted, simply try again.",
        kind="damaged",
    )
