"""dBase, FoxPro and Clipper tables (.dbf): read as a sheet whose first row is the field names.

Statistics offices, Epi Info, SPSS, Stata, census and GIS software, and old DOS and Windows
programs (dBase, Clipper, FoxPro, Visual FoxPro) export tables as .dbf, and Excel and
LibreOffice open them as a sheet, so people upload them. A .dbf is a header (the version byte,
the date of the last change, the count of records, the lengths of the header and of a record,
the language driver byte that names the code page), one descriptor per field (its name of at
most 10 characters, type, length and decimals; 48 bytes each in dBase 7), a 0x0D, then the
records, each a deletion flag ("*" for a deleted record, left out) and the fields' values,
written as text of fixed width (C characters, N and F numbers, D dates as YYYYMMDD, L logicals
T/F/Y/N/?) or, in Visual FoxPro and dBase 7, binary (I integers, B doubles, Y currency, T
date-times; Visual FoxPro marks null values in the hidden ``_NullFlags`` field).

``is_dbase`` tells a table by its header (a version byte dBase or FoxPro writes, a plausible
date, descriptors of known types ending in 0x0D where the header says); ``check_dbase`` is the
file guard's part (records all present: the count times the record length is checked against
the file's size before any record is read; not encrypted; not empty); ``dbase_sheet`` reads
the table into a ``BookSheet`` within the limits (a row past them is dropped as
``book_sheets`` does), and says what it assumed: the code page when the header does not name
one (guessed from the text as a CSV's is, ``text_encoding``), memo fields whose text lives in
a separate .dbt or .fpt file that was not uploaded, deleted records left out.
"""

from __future__ import annotations

import datetime
import re
import struct
from dataclasses import dataclass
from itertools import islice

from components.ingest.book_sheets import BookSheet, new_sheet
from components.ingest.limits import ReadLimits
from components.ingest.refusals import FileRejected
from components.ingest.text_encoding import CODE_PAGES, decode_text

#: The kind ``check_upload`` names a dBase table (read as the .xlsx made of it).
DBASE = "dbf"

# The version bytes dBase, FoxBASE, FoxPro, Visual FoxPro and Clipper write.
_VERSIONS = frozenset(
    {0x02, 0x03, 0x04, 0x05, 0x30, 0x31, 0x32, 0x43, 0x63, 0x83, 0x8B, 0x8C, 0x8E, 0xCB, 0xF5}
)
_VISUAL_FOXPRO = frozenset({0x30, 0x31, 0x32})
_DBASE7 = frozenset({0x04, 0x8C})  # dBase 7: 48-byte field descriptors after 68 bytes
_TYPES = frozenset("CNFLDIBMGPYT0VQ@O+W")
_MEMOS = frozenset("MGPWQ")  # text or objects kept in a separate .dbt or .fpt file
_DELETED, _END = 0x2A, 0x1A
_KEPT = re.compile(rb"[^*\x1a]")  # a record's flag that is not "deleted" (a blank, usually)
_HEADER = struct.Struct("<BBBBIHH")
_SYSTEM, _NULLABLE = 0x01, 0x02  # Visual FoxPro's field flags
# The language driver byte's code pages (dBase and FoxPro's table). 0x00 names none, and
# 0x57 says "the Windows code page of whoever wrote it": both are guessed from the text.
_LANGUAGES = {
    **dict.fromkeys((0x01, 0x09, 0x0B, 0x0D, 0x0F, 0x11, 0x15, 0x18, 0x19, 0x1B), "cp437"),
    **dict.fromkeys((0x02, 0x0A, 0x0E, 0x10, 0x12, 0x14, 0x16, 0x1A, 0x1D, 0x25, 0x37), "cp850"),
    **dict.fromkeys((0x03, 0x58, 0x59), "cp1252"),
    **dict.fromkeys((0x04,), "mac_roman"),
    **dict.fromkeys((0x08, 0x17, 0x66), "cp865"),
    **dict.fromkeys((0x13, 0x7B), "cp932"),
    **dict.fromkeys((0x1C, 0x6C), "cp863"),
    **dict.fromkeys((0x1F, 0x22, 0x23, 0x40, 0x64), "cp852"),
    **dict.fromkeys((0x24,), "cp860"),
    **dict.fromkeys((0x26, 0x65), "cp866"),
    **dict.fromkeys((0x4D, 0x7A), "cp936"),
    **dict.fromkeys((0x4E, 0x79), "cp949"),
    **dict.fromkeys((0x4F, 0x78), "cp950"),
    **dict.fromkeys((0x50, 0x7C), "cp874"),
    **dict.fromkeys((0x67,), "cp861"),
    **dict.fromkeys((0x6A,), "cp737"),
    **dict.fromkeys((0x6B,), "cp857"),
    **dict.fromkeys((0x7D,), "cp1255"),
    **dict.fromkeys((0x7E,), "cp1256"),
    **dict.fromkeys((0x96,), "mac_cyrillic"),
    **dict.fromkeys((0x97,), "mac_latin2"),
    **dict.fromkeys((0x98,), "mac_greek"),
    **dict.fromkeys((0xC8,), "cp1250"),
    **dict.fromkeys((0xC9,), "cp1251"),
    **dict.fromkeys((0xCA,), "cp1254"),
    **dict.fromkeys((0xCB,), "cp1253"),
    **dict.fromkeys((0xCC,), "cp1257"),
}
# Text sampled to guess a code page the header does not name.
_SAMPLE_BYTES = 256 * 1024
_JULIAN_1970 = 2440588  # the Julian day number of 1 January 1970
_FIX_EXPORT = (
    "Open the table in LibreOffice Calc or Excel, or export it again from the program that "
    "made it, save it as an Excel Workbook (.xlsx), and upload that file."
)


@dataclass(frozen=True)
class _Field:
    name: bytes
    type: str
    offset: int  # in the record, after its deletion flag
    length: int
    decimals: int
    null_bit: int | None = None  # Visual FoxPro: its bit in _NullFlags when it may be null
    length_bit: int | None = None  # Visual FoxPro varchar: its bit when shorter than its width


@dataclass(frozen=True)
class _Table:
    version: int
    count: int
    header_length: int
    record_length: int
    language: int
    encrypted: bool
    fields: tuple[_Field, ...]  # the visible ones, in order
    null_flags: _Field | None  # Visual FoxPro's hidden _NullFlags field


def is_dbase(data: bytes) -> bool:
    """Whether ``data`` starts as a dBase or FoxPro table (its header and field descriptors
    read as such a table's)."""
    return _table(data) is not None


def check_dbase(data: bytes) -> str:
    """``DBASE`` for a table whose records are all there and not all deleted; raise
    ``FileRejected`` for one cut short, encrypted, or without records."""
    table = _table(data)
    if table is None:
        raise _damaged()
    if table.encrypted:
        raise FileRejected(
            "This dBase table is encrypted (protected with a password), so the dashboard "
            "cannot read it.",
            "Open it in the program that made it, remove the protection (or export the table "
            "as an Excel Workbook, .xlsx), and upload the new file.",
            kind="encrypted",
        )
    end = table.header_length + table.count * table.record_length
    if end > len(data):
        raise _damaged(
            f" (its header counts {table.count:,} records, but the file holds only "
            f"{max(0, len(data) - table.header_length) // table.record_length:,})"
        )
    if not _records(table, data, 1)[0]:
        raise FileRejected(
            f"This dBase table (.dbf) has {len(table.fields)} fields (columns) but no "
            "records (rows), so there is nothing to read.",
            "Check that the data was entered and saved before the table was exported: open "
            "it in the program that made it (or in LibreOffice Calc or Excel) to see its "
            "rows, export it again, and upload the new file.",
            kind="no_sheets",
        )
    return DBASE


def dbase_sheet(data: bytes, limits: ReadLimits) -> tuple[BookSheet, list[tuple[str, str]]]:
    """The table ``data`` (vetted by ``check_dbase``) as one sheet, its field names the first
    row, within ``limits``; and warnings (message, fix) saying what was assumed."""
    table = _table(data)
    if table is None:
        raise _damaged()
    # One row past the limit is kept, for the reader to say the sheet was cut.
    starts, deleted = _records(table, data, limits.max_rows_per_sheet + 1)
    codec, said = _codec(table, data, starts)
    sheet = new_sheet("Sheet1", limits)
    for column, field in enumerate(table.fields):
        sheet.put(0, column, _text(field.name, codec) or f"FIELD{column + 1}")
    for row, start in enumerate(starts, start=1):
        record = data[start : start + table.record_length]
        nulls = _null_flags(table, record)
        for column, field in enumerate(table.fields):
            if field.null_bit is not None and nulls >> field.null_bit & 1:
                continue
            sheet.put(row, column, _value(table, field, record, codec, nulls))
    return sheet, _warnings(table, codec, said, deleted)


def _records(table: _Table, data: bytes, most: int) -> tuple[list[int], int]:
    """Where the first ``most`` records that are not deleted start, and how many records are
    deleted, up to the header's count (or the end-of-file mark): the deletion flags are read
    as one slice, so deleted records cost nothing each."""
    start, size = table.header_length, table.record_length
    end = min(start + table.count * size, len(data) - (len(data) - start) % size)
    flags = data[start:end:size]
    stop = flags.find(bytes([_END]))
    flags = flags[:stop] if stop >= 0 else flags
    kept = [start + found.start() * size for found in islice(_KEPT.finditer(flags), most)]
    return kept, flags.count(bytes([_DELETED]))


# --------------------------------------------------------------------------------------------
# The header


def _table(data: bytes) -> _Table | None:
    """The table's header and fields, or None when ``data`` is no table's."""
    if len(data) < 33 or data[0] not in _VERSIONS:
        return None
    _, _, month, day, count, header_length, record_length = _HEADER.unpack_from(data)
    if not (1 <= month <= 12 and 1 <= day <= 31) and (month, day) != (0, 0):
        return None
    if not 33 <= header_length <= len(data) or record_length < 2:
        return None
    dbase7 = data[0] in _DBASE7 and header_length >= 68 + 48 + 1
    position, size = (68, 48) if dbase7 else (32, 32)
    fields: list[_Field] = []
    null_flags = None
    offset, bits = 1, 0
    while position < header_length and data[position] != 0x0D:
        if position + size > header_length:
            return None
        field, bits = _field(data, position, dbase7, offset, bits)
        if field is None:
            return None
        offset += field.length
        if field.name == b"_NullFlags" and field.type == "0":
            null_flags = field
        elif field.type != "0":
            fields.append(field)
        position += size
    if position >= header_length or not fields or offset > record_length:
        return None
    return _Table(
        data[0],
        count,
        header_length,
        record_length,
        data[29],
        not dbase7 and data[15] == 1,
        tuple(fields),
        null_flags,
    )


def _field(
    data: bytes, position: int, dbase7: bool, offset: int, bits: int
) -> tuple[_Field | None, int]:
    """The field descriptor at ``position`` (None if it is none), and the _NullFlags bits
    taken so far (Visual FoxPro gives a varchar's bit, then a nullable field's)."""
    name_size, at = (32, 33) if dbase7 else (11, 16)  # the name's size; where the length is
    name = data[position : position + name_size].split(b"\x00", 1)[0].strip()
    kind = chr(data[position + name_size])
    length, decimals = data[position + at], data[position + at + 1]
    if not name or not (name[:1].isalpha() or name[:1] == b"_") or kind not in _TYPES:
        return None, bits
    if any(byte < 0x20 for byte in name):
        return None, bits
    flags = 0 if dbase7 else data[position + 18]
    if kind == "C" and not dbase7:
        length, decimals = length | decimals << 8, 0  # Clipper's and FoxPro's long text
    if length == 0:
        return None, bits
    length_bit = null_bit = None
    if kind in "VQ" and not dbase7:
        length_bit, bits = bits, bits + 1
    if flags & _NULLABLE and not flags & _SYSTEM:
        null_bit, bits = bits, bits + 1
    return _Field(name, kind, offset, length, decimals, null_bit, length_bit), bits


def _null_flags(table: _Table, record: bytes) -> int:
    field = table.null_flags
    if field is None:
        return 0
    return int.from_bytes(record[field.offset : field.offset + field.length], "little")


# --------------------------------------------------------------------------------------------
# The values


def _value(table: _Table, field: _Field, record: bytes, codec: str, nulls: int) -> object:
    """A field's value in a record: text, a number, a date, a boolean; None when blank."""
    raw = record[field.offset : field.offset + field.length]
    kind = field.type
    if kind in "CV":
        if field.length_bit is not None and nulls >> field.length_bit & 1 and raw:
            raw = raw[: raw[-1]]  # shorter than its width: its length in its last byte
        return _text(raw, codec) or None
    if kind in "NF":
        return _number(raw, field.decimals)
    if kind == "L":
        letter = raw[:1].upper()
        return True if letter in (b"T", b"Y") else False if letter in (b"F", b"N") else None
    if kind == "D":
        return _date(raw)
    if table.version in _VISUAL_FOXPRO or kind != "B":
        return _binary(table, kind, raw)
    return None  # a dBase "B": a block of a memo file


def _binary(table: _Table, kind: str, raw: bytes) -> object:
    """Visual FoxPro's and dBase 7's binary values."""
    if kind in "I+" and len(raw) == 4:
        if table.version in _DBASE7:  # big-endian, its sign bit flipped; zeros are blank
            if not any(raw):
                return None
            number = int.from_bytes(raw, "big") ^ 0x80000000
            return number - (1 << 32) if number & 0x80000000 else number
        return struct.unpack("<i", raw)[0]
    if kind == "B" and len(raw) == 8:
        return struct.unpack("<d", raw)[0]
    if kind == "Y" and len(raw) == 8:
        return struct.unpack("<q", raw)[0] / 10000
    if kind == "T" and len(raw) == 8:
        day, milliseconds = struct.unpack("<ii", raw)
        if day <= 0:
            return None
        moment = datetime.datetime(1970, 1, 1) + datetime.timedelta(
            days=day - _JULIAN_1970, milliseconds=max(0, milliseconds)
        )
        return moment.date() if milliseconds <= 0 else moment
    return None  # memo fields and dBase 7's doubles and time stamps: said, not read


def _number(raw: bytes, decimals: int) -> object:
    """A number written as text ("  3", " 2.0"); the text itself when it is no number (an
    overflow's "***", a decimal comma), so the reader says so."""
    text = raw.decode("latin-1").strip().strip("\x00")
    if not text:
        return None
    try:
        return float(text) if decimals or "." in text or "e" in text.lower() else int(text)
    except ValueError:
        return text


def _date(raw: bytes) -> object:
    text = raw.decode("latin-1").strip()
    if not text or text.strip("0") == "":
        return None
    try:
        return datetime.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return text


def _text(raw: bytes, codec: str) -> str:
    return raw.decode(codec, errors="replace").replace("\x00", "").strip()


# --------------------------------------------------------------------------------------------
# The code page, and what was assumed


def _codec(table: _Table, data: bytes, starts: list[int]) -> tuple[str, bool]:
    """The codec of the table's text (in the records at ``starts``, those read), and whether
    its header names it (else it is guessed from the text, as a CSV's code page is)."""
    named = _LANGUAGES.get(table.language)
    if named is not None:
        return named, True
    sample = bytearray()
    texts = [f for f in table.fields if f.type in "CV"]
    for start in starts if texts else ():
        if len(sample) >= _SAMPLE_BYTES:
            break
        for field in texts:
            value = data[start + field.offset : start + field.offset + field.length].strip()
            if not value.isascii():
                sample += value + b"\n"
    if not sample:
        return "cp1252", True  # ASCII alone: every code page reads it the same
    return decode_text(bytes(sample)).encoding or "utf-8", False


def _warnings(table: _Table, codec: str, said: bool, deleted: int) -> list[tuple[str, str]]:
    found = []
    if not said:
        label = CODE_PAGES.get(codec, "UTF-8")
        found.append(
            (
                "The table does not say which code page its text is written in; it was read "
                f"as {label}, which its letters fit best.",
                "If names with accents or other letters read wrong, save the table as an "
                "Excel Workbook (.xlsx) in LibreOffice Calc or Excel (choosing its character "
                "set when opening it), and upload that file.",
            )
        )
    memos = [_text(f.name, codec) for f in table.fields if f.type in _MEMOS or _unread(table, f)]
    if memos:
        found.append(
            (
                f"The field(s) {', '.join(f'“{name}”' for name in memos)} keep their text in a "
                "separate memo file (.dbt or .fpt) or in a form the dashboard does not read, "
                "so they were left empty.",
                _FIX_EXPORT,
            )
        )
    if deleted:
        found.append(
            (
                f"{deleted:,} record(s) of the table are marked as deleted; they were left "
                "out, as dBase and LibreOffice leave them out.",
                "Nothing to do if they were meant to be deleted. Otherwise recall them in the "
                "program that made the table, export it again and upload the new file.",
            )
        )
    return found


def _unread(table: _Table, field: _Field) -> bool:
    """A field whose binary values are not read: dBase 7's doubles and time stamps, and a
    dBase (not Visual FoxPro) "B", which points into a memo file."""
    return field.type in "O@" or (field.type == "B" and table.version not in _VISUAL_FOXPRO)


def _damaged(detail: str = "") -> FileRejected:
    return FileRejected(
        f"This dBase table (.dbf) seems to be damaged or cut short{detail}, so it could not be "
        "read.",
        "Export the table again (or open it in LibreOffice Calc or Excel and save it as an "
        "Excel Workbook, .xlsx), and upload the new file. If the upload was interrupted, "
        "simply try again.",
        kind="damaged",
    )
