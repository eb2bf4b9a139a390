"""Excel Binary Workbooks (.xlsb) and Strict Open XML workbooks written in memory for the tests.

No Python library writes .xlsb, so ``xlsb`` writes the BIFF12 records Excel writes ([MS-XLSB]
2.1.4 records, 2.4 record bodies): a workbook index naming the sheets, shared strings, number
formats for dates and percentages, and per sheet its rows (hidden or not), cells (numbers as
RK or double, shared, inline or rich text, booleans, errors, formulas' saved results), hidden
columns, merged ranges and notes, in the package Excel makes of them. ``test_xlsb_books`` reads each
back with calamine to show the writer writes what Excel does.

``strict`` makes a Strict Open XML workbook as Excel saves one: an openpyxl workbook with every
Transitional name in Strict's, ``conformance="strict"`` and dates as ISO text (``t="d"``).
"""

from __future__ import annotations

import datetime
import io
import re
import struct
import zipfile
from dataclasses import dataclass, field
from typing import Any

from components.ingest.book_sheets import ErrorValue

# ------------------------------------------------------------------------------------------
# BIFF12 records

ERROR_CODES = {
    "#NULL!": 0x00,
    "#DIV/0!": 0x07,
    "#VALUE!": 0x0F,
    "#REF!": 0x17,
    "#NAME?": 0x1D,
    "#NUM!": 0x24,
    "#N/A": 0x2A,
}
DATE_STYLE, PERCENT_STYLE, CUSTOM_DATE_STYLE, FILL_STYLE = 1, 2, 3, 4


def record(kind: int, body: bytes = b"") -> bytes:
    """One record: its type and length, seven bits a byte (high bit: more follow), its body."""
    head = bytes([kind & 0x7F | 0x80, kind >> 7]) if kind >= 0x80 else bytes([kind])
    size, length = len(body), bytearray()
    while True:
        byte, size = size & 0x7F, size >> 7
        length.append(byte | (0x80 if size else 0))
        if not size:
            break
    return head + bytes(length) + body


def wide(text: str) -> bytes:
    """An XLWideString: its count of UTF-16 units, then the units."""
    encoded = text.encode("utf-16-le")
    return struct.pack("<I", len(encoded) // 2) + encoded


@dataclass
class Formula:
    """A formula cell's saved result (the formula itself is not written: calamine and the
    reader use only the result)."""

    value: Any


@dataclass
class BSheet:
    name: str
    rows: list[list[Any]]
    hidden: bool = False
    very_hidden: bool = False
    # (top, left, bottom, right), 0-based, inclusive
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: list[tuple[int, int]] = field(default_factory=list)
    # (row, column) -> style: DATE_STYLE, PERCENT_STYLE, CUSTOM_DATE_STYLE
    styles: dict[tuple[int, int], int] = field(default_factory=dict)
    # cells written far away (row, column) -> value, beyond ``rows``
    far: dict[tuple[int, int], Any] = field(default_factory=dict)
    inline_text: bool = False  # text in the cell (BrtCellSt) rather than shared
    # empty cells (row, column) filled with a colour (FILL_STYLE), as traffic lights are
    filled: set[tuple[int, int]] = field(default_factory=set)
    # notes (comments): (row, column) -> text
    notes: dict[tuple[int, int], str] = field(default_factory=dict)
    # cells (row, column) whose text is written as the cell's own rich text (BrtCellRString)
    rich: set[tuple[int, int]] = field(default_factory=set)


def serial(moment: datetime.date) -> float:
    """A date's day number in Excel's 1900 system (after 1 March 1900)."""
    if not isinstance(moment, datetime.datetime):
        moment = datetime.datetime.combine(moment, datetime.time())
    delta = moment - datetime.datetime(1899, 12, 30)
    return delta.days + delta.seconds / 86400


def _cell(column: int, value: Any, style: int, strings: list[str], inline: bool) -> bytes:
    head = struct.pack("<II", column, style)
    formula = isinstance(value, Formula)
    if formula:
        value = value.value
        tail = struct.pack("<HI", 0, 0)  # grbitFlags, an empty formula (cce 0)
    if isinstance(value, ErrorValue):
        body = head + bytes([ERROR_CODES[str(value)]])
        return record(0x0B, body + tail) if formula else record(0x03, body)
    if isinstance(value, bool):
        body = head + bytes([value])
        return record(0x0A, body + tail) if formula else record(0x04, body)
    if isinstance(value, datetime.date):
        value = serial(value)
        head = struct.pack("<II", column, style or DATE_STYLE)
    if isinstance(value, int | float):
        if formula:
            return record(0x09, head + struct.pack("<d", value) + tail)
        if isinstance(value, int) and -(1 << 29) <= value < (1 << 29):
            return record(0x02, head + struct.pack("<i", (value << 2) | 0x02))  # an RK integer
        return record(0x05, head + struct.pack("<d", value))
    text = str(value)
    if formula:
        return record(0x08, head + wide(text) + tail)
    if inline:
        return record(0x06, head + wide(text))
    if text not in strings:
        strings.append(text)
    return record(0x07, head + struct.pack("<I", strings.index(text)))


def _placed(sheet: BSheet, r: int, c: int, value: Any, strings: list[str]) -> bytes:
    """The record of the cell at (``r``, ``c``) of ``sheet``."""
    if value is None:  # an empty cell with a fill: BrtCellBlank
        return record(0x01, struct.pack("<II", c, FILL_STYLE))
    style = sheet.styles.get((r, c), 0)
    if (r, c) in sheet.rich:  # flags (fRichStr), the text, one formatting run
        rich = b"\x01" + wide(str(value)) + struct.pack("<IHH", 1, 0, 0)
        return record(0x3E, struct.pack("<II", c, style) + rich)
    return _cell(c, value, style, strings, sheet.inline_text)


def _sheet_part(sheet: BSheet, strings: list[str]) -> bytes:
    cells: dict[int, dict[int, Any]] = {}
    for r, row in enumerate(sheet.rows):
        for c, value in enumerate(row):
            if value is not None:
                cells.setdefault(r, {})[c] = value
    for (r, c), value in sheet.far.items():
        cells.setdefault(r, {})[c] = value
    for r, c in sheet.filled:
        cells.setdefault(r, {}).setdefault(c, None)
    rows = sorted(set(cells) | sheet.hidden_rows)
    last_row = max(rows, default=0)
    last_column = max((c for row in cells.values() for c in row), default=0)
    out = [
        record(0x81),  # BrtBeginSheet
        record(0x94, struct.pack("<4I", 0, last_row, 0, last_column)),  # BrtWsDim
    ]
    if sheet.hidden_columns:
        out.append(record(0x186))  # BrtBeginColInfos
        for first, last in sheet.hidden_columns:
            out.append(record(0x3C, struct.pack("<4IHB", first, last, 2304, 0, 0x01, 0)))
        out.append(record(0x187))
    out.append(record(0x91))  # BrtBeginSheetData
    for r in rows:
        hidden = 0x10 if r in sheet.hidden_rows else 0
        out.append(record(0x00, struct.pack("<IIHBBBI", r, 0, 300, 0, hidden, 0, 0)))
        out += [_placed(sheet, r, c, v, strings) for c, v in sorted(cells.get(r, {}).items())]
    out.append(record(0x92))  # BrtEndSheetData
    if sheet.merged:
        out.append(record(0xB1, struct.pack("<I", len(sheet.merged))))
        for top, left, bottom, right in sheet.merged:
            out.append(record(0xB0, struct.pack("<4I", top, bottom, left, right)))
        out.append(record(0xB2))
    out.append(record(0x82))  # BrtEndSheet
    return b"".join(out)


def _notes_part(notes: dict[tuple[int, int], str]) -> bytes:
    """A sheet's notes as Excel writes them: the authors, then each note's cell and text."""
    out = [record(0x274), record(0x276), record(0x278, wide("Reviewer")), record(0x277)]
    out.append(record(0x279))  # BrtBeginCommentList
    for (r, c), text in sorted(notes.items()):
        out.append(record(0x27B, struct.pack("<5I", 0, r, r, c, c) + b"\x00" * 16))
        out.append(record(0x27D, b"\x00" + wide(text)))
        out.append(record(0x27C))
    out += [record(0x27A), record(0x275)]
    return b"".join(out)


def _workbook_part(sheets: list[BSheet], date1904: bool) -> bytes:
    out = [
        record(0x83),  # BrtBeginBook
        record(0x99, struct.pack("<II", int(date1904), 0) + wide("")),  # BrtWbProp
        record(0x8F),  # BrtBeginBundleShs
    ]
    for number, sheet in enumerate(sheets, start=1):
        state = 2 if sheet.very_hidden else int(sheet.hidden)
        out.append(
            record(
                0x9C, struct.pack("<II", state, number) + wide(f"rId{number}") + wide(sheet.name)
            )
        )
    out += [record(0x90), record(0x84)]  # BrtEndBundleShs, BrtEndBook
    return b"".join(out)


def _xf(number_format: int, fill: int = 0) -> bytes:
    """BrtXF: parent style, number format, font, fill, border, rotation, indent, flags."""
    return record(0x2F, struct.pack("<5H2BHBB", 0, number_format, 0, fill, 0, 0, 0, 0, 0, 0))


def _fill(pattern: int, rgb: tuple[int, int, int] = (0, 0, 0)) -> bytes:
    """BrtFill: its pattern, fore- and background colours (RGB), no gradient."""
    colour = struct.pack("<BBh4B", 0x05, 0, 0, *rgb, 0xFF)  # fValidRGB, an RGB colour
    gradient = struct.pack("<I5dI", 0, 0, 0, 0, 0, 0, 0)
    return record(0x2D, struct.pack("<I", pattern) + colour + colour + gradient)


def _styles_part() -> bytes:
    return b"".join(
        [
            record(0x116),  # BrtBeginStyleSheet
            record(0x267, struct.pack("<I", 1)),  # BrtBeginFmts
            record(0x2C, struct.pack("<H", 164) + wide("dd/mm/yyyy")),
            record(0x268),
            record(0x25B, struct.pack("<I", 3)),  # BrtBeginFills: none, Excel's grey, red
            _fill(0),
            _fill(17),
            _fill(1, (0xFF, 0, 0)),
            record(0x25C),
            record(0x269, struct.pack("<I", 5)),  # BrtBeginCellXFs
            _xf(0),  # General
            _xf(14),  # a date (DATE_STYLE)
            _xf(9),  # 0% (PERCENT_STYLE)
            _xf(164),  # the custom date (CUSTOM_DATE_STYLE)
            _xf(0, fill=2),  # filled red (FILL_STYLE)
            record(0x26A),
            record(0x117),  # BrtEndStyleSheet
        ]
    )


def _strings_part(strings: list[str]) -> bytes:
    items = [record(0x13, b"\x00" + wide(text)) for text in strings]
    head = record(0x9F, struct.pack("<II", len(strings), len(strings)))
    return head + b"".join(items) + record(0xA0)


_CT = "application/vnd.ms-excel."
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def xlsb(
    sheets: list[BSheet], *, date1904: bool = False, vba: bool = False, extra: dict | None = None
) -> bytes:
    """The sheets as an Excel Binary Workbook, in the package Excel writes."""
    strings: list[str] = []
    parts = {
        f"xl/worksheets/sheet{n}.bin": _sheet_part(s, strings) for n, s in enumerate(sheets, 1)
    }
    overrides = "".join(
        f'<Override PartName="/{name}" ContentType="{_CT}worksheet"/>' for name in parts
    )
    relations = "".join(
        f'<Relationship Id="rId{n}" Type="{_REL}worksheet" Target="worksheets/sheet{n}.bin"/>'
        for n in range(1, len(sheets) + 1)
    )
    notes_types = "".join(
        f'<Override PartName="/xl/comments{n}.bin" ContentType="{_CT}comments"/>'
        for n, sheet in enumerate(sheets, 1)
        if sheet.notes
    )
    count = len(sheets)
    relations += (
        f'<Relationship Id="rId{count + 1}" Type="{_REL}styles" Target="styles.bin"/>'
        f'<Relationship Id="rId{count + 2}" Type="{_REL}sharedStrings" '
        'Target="sharedStrings.bin"/>'
    )
    package = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://'
            'schemas.openxmlformats.org/package/2006/content-types">'
            f'<Default Extension="bin" ContentType="{_CT}sheet.binary.macroEnabled.main"/>'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'{overrides}<Override PartName="/xl/styles.bin" ContentType="{_CT}styles"/>'
            f'<Override PartName="/xl/sharedStrings.bin" ContentType="{_CT}sharedStrings"/>'
            f"{notes_types}</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="'
            'http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id='
            f'"rId1" Type="{_REL}officeDocument" Target="xl/workbook.bin"/></Relationships>'
        ),
        "xl/_rels/workbook.bin.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="'
            f'http://schemas.openxmlformats.org/package/2006/relationships">{relations}'
            "</Relationships>"
        ),
        "xl/workbook.bin": _workbook_part(sheets, date1904),
        "xl/styles.bin": _styles_part(),
        "xl/sharedStrings.bin": _strings_part(strings),
        **parts,
    }
    if vba:
        package["xl/vbaProject.bin"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500
    for number, sheet in enumerate(sheets, 1):
        if not sheet.notes:
            continue
        package[f"xl/comments{number}.bin"] = _notes_part(sheet.notes)
        package[f"xl/worksheets/_rels/sheet{number}.bin.rels"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="'
            'http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id='
            f'"rId1" Type="{_REL}comments" Target="../comments{number}.bin"/></Relationships>'
        )
    package.update(extra or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in package.items():
            archive.writestr(name, content.encode() if isinstance(content, str) else content)
    return out.getvalue()


# ------------------------------------------------------------------------------------------
# Strict Open XML

# Transitional names and Strict's, longest first so that a namespace never takes the place of
# a longer one it begins.
STRICT_NAMES = {
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main": (
        "http://purl.oclc.org/ooxml/spreadsheetml/main"
    ),
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties": (
        "http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties"
    ),
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
        "http://purl.oclc.org/ooxml/officeDocument/relationships"
    ),
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": (
        "http://purl.oclc.org/ooxml/officeDocument/extendedProperties"
    ),
    "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes": (
        "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes"
    ),
    "http://schemas.openxmlformats.org/drawingml/2006/main": (
        "http://purl.oclc.org/ooxml/drawingml/main"
    ),
    "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing": (
        "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing"
    ),
}
_DATE_CELL = re.compile(rb'<c r="([A-Z]+\d+)" s="(\d+)" t="n"><v>([\d.]+)</v></c>')


def strict(transitional: bytes, dates: frozenset[str] = frozenset()) -> bytes:
    """An openpyxl workbook as Excel saves it as "Strict Open XML Spreadsheet": every name in
    Strict's, the workbook marked ``conformance="strict"``, and the cells named in ``dates``
    ("A1" on any sheet) written as ISO dates in ``t="d"`` cells."""
    source = zipfile.ZipFile(io.BytesIO(transitional))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            raw = source.read(name)
            if name.endswith((".xml", ".rels")):
                for old, new in STRICT_NAMES.items():
                    raw = raw.replace(old.encode(), new.encode())
                if name == "xl/workbook.xml":
                    raw = raw.replace(b"<workbook ", b'<workbook conformance="strict" ', 1)
                if name.startswith("xl/worksheets/") and dates:
                    raw = _DATE_CELL.sub(lambda m: _iso_cell(m, dates), raw)
            target.writestr(name, raw)
    return out.getvalue()


def _iso_cell(match: re.Match[bytes], dates: frozenset[str]) -> bytes:
    address, style, number = match.groups()
    if address.decode() not in dates:
        return match.group(0)
    moment = datetime.datetime(1899, 12, 30) + datetime.timedelta(days=float(number))
    return b'<c r="%s" s="%s" t="d"><v>%s</v></c>' % (address, style, moment.isoformat().encode())
