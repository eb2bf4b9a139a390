"""The records of an Excel Binary Workbook (.xlsb, [MS-XLSB]) and the file guard's check of one.

An .xlsb is an .xlsx's package whose parts are binary records (BIFF12) instead of XML. Each
record is a type, a length and a body; ``records`` walks a part's records without reading
more than the part holds, so a walk costs what the file spent on writing it, never what a
record claims. ``check_xlsb`` is the file guard's part (the workbook index is there, readable,
and names at least one sheet and no more than the limit); ``xlsb_books`` reads the sheets.
Nothing here imports openpyxl: the guard stays light.
"""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Iterator

from components.ingest.limits import MB, ReadLimits
from components.ingest.refusals import FileRejected, no_sheets, too_many_sheets

#: The kind ``check_upload`` names an .xlsb (read as the .xlsx made of it: ``markup_books``).
XLSB = "xlsb"
XLSB_CONTENT_TYPE = "application/vnd.ms-excel.sheet.binary.macroEnabled.main"
WORKBOOK_PART = "xl/workbook.bin"
# A workbook index names sheets and defined names: a few kilobytes (as ``zip_guard``'s cap).
_MAX_INDEX_BYTES = 4 * MB
_BUNDLE_SHEET = 0x9C  # BrtBundleSh: a sheet the workbook index names
U32 = struct.Struct("<I")
NO_SHEETS_FIX = (
    "Open it in Excel, choose File > Save As, pick “Excel Workbook (*.xlsx)”, and upload the "
    "new file."
)

READ_ERRORS = (
    zipfile.BadZipFile,
    KeyError,
    OSError,
    EOFError,
    ValueError,
    struct.error,
    IndexError,
    UnicodeDecodeError,
    RuntimeError,
    NotImplementedError,
)


class XlsbDamagedError(Exception):
    """A record or a part that does not read as [MS-XLSB] says it must."""


def check_xlsb(archive: zipfile.ZipFile, limits: ReadLimits) -> None:
    """The file guard's check of an .xlsb (already vetted as a zip package): its workbook
    index is there and readable, and has at least one sheet and at most ``limits.max_sheets``.
    """
    try:
        info = archive.getinfo(WORKBOOK_PART)
        if info.file_size > _MAX_INDEX_BYTES:
            raise XlsbDamagedError
        sheets = sheet_entries(archive.read(info))
    except (XlsbDamagedError, *READ_ERRORS):
        raise damaged() from None
    if not sheets:
        raise no_sheets(NO_SHEETS_FIX)
    if len(sheets) > limits.max_sheets:
        raise too_many_sheets(len(sheets), limits.max_sheets)


def damaged() -> FileRejected:
    """The refusal of an .xlsb whose parts do not read."""
    return FileRejected(
        "This Excel Binary Workbook (.xlsb) seems to be damaged or incomplete, so it could not "
        "be opened.",
        "Open the file in Excel to check it, save it again (as .xlsb or, better, as an Excel "
        "Workbook, .xlsx), and upload the new copy. If the upload was interrupted, simply try "
        "again.",
        kind="damaged",
    )


def records(part: bytes) -> Iterator[tuple[int, int, int]]:
    """Each record of a part as (type, start of its body, end of its body).

    The type is one or two bytes and the length one to four, seven bits a byte, the high bit
    saying another follows ([MS-XLSB] 2.1.4). A record that claims more bytes than are left is
    damage, found before its body is read.
    """
    position, size = 0, len(part)
    while position < size:
        kind = part[position]
        position += 1
        if kind & 0x80:
            if position >= size:
                raise XlsbDamagedError
            kind = (kind & 0x7F) | ((part[position] & 0x7F) << 7)
            position += 1
        length = 0
        for shift in (0, 7, 14, 21):
            if position >= size:
                raise XlsbDamagedError
            byte = part[position]
            position += 1
            length |= (byte & 0x7F) << shift
            if not byte & 0x80:
                break
        end = position + length
        if end > size:
            raise XlsbDamagedError
        yield kind, position, end
        position = end


def wide_string(part: bytes, start: int, end: int) -> tuple[str, int]:
    """An XLWideString at ``start`` (a count of UTF-16 units, then the units) and where it
    ends; the count 0xFFFFFFFF is a nullable one's "none"."""
    if start + 4 > end:
        raise XlsbDamagedError
    count = U32.unpack_from(part, start)[0]
    if count == 0xFFFFFFFF:
        return "", start + 4
    stop = start + 4 + 2 * count
    if stop > end:
        raise XlsbDamagedError
    return part[start + 4 : stop].decode("utf-16-le", errors="replace"), stop


def sheet_entries(workbook: bytes) -> list[tuple[int, str, str]]:
    """(state, relationship id, name) of each sheet the workbook index names (BrtBundleSh)."""
    entries = []
    for kind, start, end in records(workbook):
        if kind != _BUNDLE_SHEET:
            continue
        if start + 8 > end:
            raise XlsbDamagedError
        state = U32.unpack_from(workbook, start)[0]
        relation, after = wide_string(workbook, start + 8, end)
        name, _ = wide_string(workbook, after, end)
        entries.append((state, relation, name))
    return entries
