"""Error values that the cells of an .xls or an .ods show, which calamine reads as blank.

calamine gives an error cell of an Excel 97-2003 workbook or a LibreOffice sheet back as an
empty cell, as it does an xlsx's (``error_cells``), so a level cell showing ``#N/A`` would read
as "not assessed". ``xls_errors`` and ``ods_errors`` find what each such cell shows, looked for
only when a message needs it, for the same messages as an xlsx's:

* .xls (BIFF8, and BIFF5's "Book"): a BOOLERR record flagged as an error (a value pasted as
  it was shown, or written so by a program), and a FORMULA record whose saved result is an
  error (Excel's ``=VLOOKUP(…)`` that found nothing), each with its error code;
* .ods: a cell LibreOffice marks ``calcext:value-type="error"`` (its text is what it shows:
  ``#N/A``, ``#VALUE!``, or LibreOffice's own ``Err:502``), or, as older versions and other
  programs write it, a formula whose saved result is an empty string beside a shown text
  that is an error value.

``xls_records`` walks an .xls's sheets' records, for ``cell_contents`` too.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from collections.abc import Callable, Container, Iterator
from typing import TypeVar
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET
from openpyxl.utils import get_column_letter

from components.ingest.refusals import FileRejected
from components.ingest.xls_guard import _record, _workbook_stream

# BIFF's error codes (BOOLERR's and a FORMULA's saved result's), as Excel shows them.
XLS_ERROR_CODES = {
    0x00: "#NULL!",
    0x07: "#DIV/0!",
    0x0F: "#VALUE!",
    0x17: "#REF!",
    0x1D: "#NAME?",
    0x24: "#NUM!",
    0x2A: "#N/A",
    0x2B: "#GETTING_DATA",
}
_BOF, _EOF, _BOUNDSHEET = 0x0809, 0x000A, 0x0085
_BOFS = frozenset({0x0809, 0x0009, 0x0209, 0x0409})
FORMULA_RECORD, BOOLERR_RECORD, NOTE_RECORD = 0x0006, 0x0205, 0x001C
_BIFF8 = 0x0600
_ERROR_RESULT = 0x02  # a FORMULA's saved result: type 2 (error), its code, then 0xFFFF
_NO_NUMBER = b"\xff\xff"  # a FORMULA's result that is not a number ends so
# Where an error cell's record may be: a BOOLERR flagged as an error, or a FORMULA whose saved
# result is one (its header, its cell and style, then the result). A quick look over the
# stream before the walk over its records (two patterns, each found fast by its first bytes).
_MAYBE_ERROR = (
    re.compile(rb"\x05\x02\x08\x00.{6}.\x01", re.DOTALL),
    re.compile(rb"\x06\x00.{8}\x02.{5}\xff\xff", re.DOTALL),
)

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_CALCEXT = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"
_TEXT_P = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p"
# What an .ods cell shows for an error: Excel's values (also localised: "#NV", "#N/D") and
# LibreOffice's own codes ("Err:502").
_SHOWN_ERROR = re.compile(r"#[¡¿]?[^\W\d_][\w/]*[!?]?|#[¡]?DIV/0!|Err:\d{3}")
# Repeated .ods cells or rows looked at, at most: the grid the reader keeps is smaller.
_MAX_REPEAT = 1000
T = TypeVar("T")

Errors = dict[tuple[str, str], str]


def xls_records(data: bytes, kinds: frozenset[int]) -> Iterator[tuple[str, int, bytes]]:
    """(sheet name, record type, payload) of each record of ``kinds`` in the .xls's sheets
    (charts inside a sheet, with their own BOF … EOF, walked past); none when damaged."""
    try:
        yield from _records(_workbook_stream(data), kinds)
    except FileRejected:
        return


def _records(stream: bytes, kinds: frozenset[int]) -> Iterator[tuple[str, int, bytes]]:
    try:
        for offset, name in _sheets(stream):
            depth, position = 0, offset
            while position < len(stream):
                kind, start, length = _record(stream, position)
                position = start + length
                if kind in _BOFS:
                    depth += 1
                elif kind == _EOF:
                    depth -= 1
                    if depth <= 0:
                        break
                elif kind in kinds:
                    yield name, kind, stream[start:position]
    except (FileRejected, struct.error, IndexError):
        return


def _sheets(stream: bytes) -> list[tuple[int, str]]:
    """(where the sheet's records start, its name) from the globals' BOUNDSHEET records."""
    found: list[tuple[int, str]] = []
    wide = True  # BIFF8 names carry a flag for 16-bit characters; BIFF5's do not
    position = 0
    while position < len(stream):
        kind, start, length = _record(stream, position)
        if kind == _BOF and position == 0 and length >= 2:
            wide = struct.unpack_from("<H", stream, start)[0] == _BIFF8
        elif kind == _BOUNDSHEET and length >= 8:
            offset = struct.unpack_from("<I", stream, start)[0]
            found.append((offset, _sheet_name(stream[start : start + length], wide=wide)))
        elif kind == _EOF:
            break
        position = start + length
    return found


def _sheet_name(payload: bytes, *, wide: bool) -> str:
    """A BOUNDSHEET record's sheet name: a count, then (BIFF8) a flag for 16-bit characters."""
    count = payload[6]
    if not wide:
        return payload[7 : 7 + count].decode("cp1252", "replace")
    if payload[7] & 1:
        return payload[8 : 8 + 2 * count].decode("utf-16-le", "replace")
    return payload[8 : 8 + count].decode("latin-1")


def xls_error(kind: int, payload: bytes) -> str | None:
    """What a BOOLERR or FORMULA record's cell shows when it is an error ("#N/A"), else
    ``None`` (a number, a text, a boolean, a formula's result of those)."""
    if kind == BOOLERR_RECORD and len(payload) >= 8 and payload[7] == 1:
        return XLS_ERROR_CODES.get(payload[6], "#N/A")
    if kind == FORMULA_RECORD and len(payload) >= 14:
        result = payload[6:14]
        if result[0] == _ERROR_RESULT and result[6:] == _NO_NUMBER:
            return XLS_ERROR_CODES.get(result[2], "#N/A")
    return None


def xls_errors(data: bytes) -> Errors:
    """(sheet name, cell such as "B16") -> the error it shows, for every error cell of an .xls."""
    try:
        stream = _workbook_stream(data)
    except FileRejected:
        return {}
    # Most workbooks hold no error: the records are walked only when one may be there.
    if not any(maybe.search(stream) for maybe in _MAYBE_ERROR):
        return {}
    found: Errors = {}
    for name, kind, payload in _records(stream, frozenset({FORMULA_RECORD, BOOLERR_RECORD})):
        shown = xls_error(kind, payload)
        if shown is not None:
            row, column = struct.unpack_from("<HH", payload)
            found[name, f"{get_column_letter(column + 1)}{row + 1}"] = shown
    return found


def ods_errors(data: bytes) -> Errors:
    """(sheet name, cell such as "B16") -> the error it shows, for every error cell of an .ods."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content = archive.read("content.xml")
    except (zipfile.BadZipFile, KeyError, OSError):
        return {}
    # Most sheets hold no error: nothing to parse then.
    if b'value-type="error"' not in content and b"table:formula" not in content:
        return {}
    return {
        (name, f"{get_column_letter(column + 1)}{row + 1}"): shown
        for name, cells in ods_cells(content, ods_error).items()
        for (row, column), shown in cells.items()
    }


def ods_cells(
    content: bytes, value_of: Callable[[Element], T | None], names: Container[str] | None = None
) -> dict[str, dict[tuple[int, int], T]]:
    """sheet name -> (0-based row, column) -> ``value_of(cell)``, for every cell of an .ods's
    ``content.xml`` where it is not ``None`` (of the sheets in ``names``, or of all). A cell
    repeated down or across (``number-rows-repeated``, ``number-columns-repeated``) is at
    each of its places, at most ``_MAX_REPEAT`` each way: a file can repeat one a billion times.
    """
    found: dict[str, dict[tuple[int, int], T]] = {}
    for table in SafeET.fromstring(content).iter(f"{_TABLE}table"):
        name = table.get(f"{_TABLE}name", "")
        if names is not None and name not in names:
            continue
        cells = found.setdefault(name, {})
        row = 0
        for table_row in table.iter(f"{_TABLE}table-row"):
            rows = int(table_row.get(f"{_TABLE}number-rows-repeated", "1") or 1)
            column = 0
            for cell in table_row:
                repeat = int(cell.get(f"{_TABLE}number-columns-repeated", "1") or 1)
                value = value_of(cell)
                if value is not None:
                    for r in range(row, row + min(rows, _MAX_REPEAT)):
                        for c in range(column, column + min(repeat, _MAX_REPEAT)):
                            cells[r, c] = value
                column += repeat
            row += rows
    return found


def ods_error(cell: Element) -> str | None:
    """What an .ods cell element shows when it is an error value, else ``None``."""
    flagged = cell.get(f"{_CALCEXT}value-type") == "error"
    if not flagged and (
        not cell.get(f"{_TABLE}formula") or cell.get(f"{_OFFICE}string-value") != ""
    ):
        return None
    # The cell's own paragraphs: a note's (``office:annotation``) are not what it shows.
    shown = " ".join("".join(p.itertext()).strip() for p in cell.findall(_TEXT_P)).strip()
    if flagged:
        return shown or "#N/A"
    return shown if _SHOWN_ERROR.fullmatch(shown) else None
