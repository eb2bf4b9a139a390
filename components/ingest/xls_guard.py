"""The file guard's check of an Excel 97-2003 workbook (.xls), before calamine reads it.

An .xls is a compound file whose "Workbook" stream (BIFF8; "Book" for Excel 5/95) holds one
substream per sheet, found from the globals' BOUNDSHEET records. calamine builds each sheet as
one dense grid from its first to its last cell, and a cell record can name any row up to 65,535
and any column up to 255: one cell at IV65536 in a 6 KB file asks for 16.7 million cells (over
1 GB). So before calamine sees the file, ``check_xls`` walks each sheet's records as calamine
would (from the offset BOUNDSHEET gives) and computes the grid its value cells need; a sheet
that needs more than the xlsx and .ods bound is refused with its reach. Blank cells (formatting
only) are not values, calamine leaves them out of the grid, and so do we.

The compound file itself is read by olefile, which checks its sector chains; the walk is
bounded by the stream's length in total, so a hostile offset table cannot make it loop.
"""

from __future__ import annotations

import struct

import olefile

from components.ingest.limits import ReadLimits
from components.ingest.ods_guard import MAX_GRID_CELLS
from components.ingest.refusals import FIX_SAVE_AS_XLSX, FileRejected, too_many_sheets

_BOUNDSHEET = 0x0085
_EOF = 0x000A
_BOF = frozenset({0x0809, 0x0009, 0x0209, 0x0409})
# Records holding one cell's value: row, then column, first in the record.
_VALUE_CELLS = frozenset(
    {
        0x0006,  # FORMULA
        0x0406,  # FORMULA (BIFF4)
        0x0203,  # NUMBER
        0x027E,  # RK
        0x007E,  # RK (BIFF2-4)
        0x00FD,  # LABELSST
        0x0204,  # LABEL
        0x00D6,  # RSTRING
        0x0205,  # BOOLERR
    }
)
_MULRK = 0x00BD  # several numbers in a row: row, first column, ..., last column
_HEADER = struct.Struct("<HH")
_ROW_COLUMN = struct.Struct("<HH")


def check_xls(data: bytes, limits: ReadLimits) -> None:
    """Refuse an .xls that is damaged, has too many sheets, or whose cells reach too far."""
    stream = _workbook_stream(data)
    offsets = _sheet_offsets(stream)
    if len(offsets) > limits.max_sheets:
        raise too_many_sheets(len(offsets), limits.max_sheets)
    budget = len(stream)  # sheets do not overlap: all of them together are the stream at most
    for offset in offsets:
        rows, columns, walked = _sheet_reach(stream, offset, budget)
        budget -= walked
        if rows * columns > MAX_GRID_CELLS:
            raise FileRejected(
                f"One of its sheets has cells filled as far as row {rows:,} and column "
                f"{columns:,}, more than the dashboard reads, so it was not opened, for safety.",
                "Delete what lies far outside the table (or copy the table into a new file), "
                "save it as .xlsx, and upload again.",
                kind="too_far",
            )


def _workbook_stream(data: bytes) -> bytes:
    try:
        with olefile.OleFileIO(data) as ole:
            for name in ("Workbook", "Book"):
                if ole.exists(name):
                    return bytes(ole.openstream(name).read())
    except (OSError, ValueError, IndexError, struct.error, RecursionError):
        raise _damaged() from None
    raise _damaged()


def _record(stream: bytes, position: int) -> tuple[int, int, int]:
    """(record type, payload start, payload length) of the record at ``position``."""
    if position + 4 > len(stream):
        raise _damaged()
    kind, length = _HEADER.unpack_from(stream, position)
    return kind, position + 4, length


def _sheet_offsets(stream: bytes) -> list[int]:
    """Where each sheet's substream starts, from the globals' BOUNDSHEET records."""
    offsets: list[int] = []
    position = 0
    while position < len(stream):
        kind, start, length = _record(stream, position)
        if kind == _BOUNDSHEET and length >= 4:
            offsets.append(struct.unpack_from("<I", stream, start)[0])
        elif kind == _EOF:
            return offsets
        position = start + length
    raise _damaged()  # globals without their end


def _sheet_reach(stream: bytes, offset: int, budget: int) -> tuple[int, int, int]:
    """(rows, columns) the sheet at ``offset`` needs for its values, and the bytes walked."""
    rows = columns = depth = 0
    position = offset
    while True:
        if position - offset > budget:
            raise _damaged()  # sheets overlapping each other: not a file Excel writes
        kind, start, length = _record(stream, position)
        end = start + length
        if end > len(stream):
            raise _damaged()
        if kind in _BOF:
            depth += 1  # a chart inside a sheet has its own BOF ... EOF
        elif kind == _EOF:
            depth -= 1
            if depth <= 0:
                return rows, columns, end - offset
        elif length >= 4 and (kind in _VALUE_CELLS or kind == _MULRK):
            row, column = _ROW_COLUMN.unpack_from(stream, start)
            if kind == _MULRK and length >= 6:
                column = struct.unpack_from("<H", stream, end - 2)[0]
            rows, columns = max(rows, row + 1), max(columns, column + 1)
        position = end


def _damaged() -> FileRejected:
    return FileRejected(
        "This file seems to be damaged or incomplete, so it could not be opened as a spreadsheet.",
        FIX_SAVE_AS_XLSX,
        kind="damaged",
    )
