"""Old spreadsheet and table formats written in memory for the tests, as their programs write
them: no Python library writes these, so each writer puts down the records the format's
documentation gives (OpenOffice.org's "Excel File Format" for BIFF2-4, dBase's and Visual
FoxPro's table layouts, Lotus's WK1 and WK3 records).

* ``biff`` writes an Excel 2.x (BIFF2), 3.0 (BIFF3) or 4.0 (BIFF4) worksheet: BOF, CODEPAGE,
  DATEMODE, FORMAT records for Excel's built-in and the sheet's own number formats, FONT, XF
  records (BIFF3-4), DIMENSIONS, hidden rows (ROW) and columns (COLINFO), then the cells
  (INTEGER, NUMBER, RK, LABEL, BOOLERR, FORMULA with its saved result and a STRING record for
  a text result), NOTE records and EOF; ``biff_workbook`` bundles such sheets into an Excel
  4.0 workbook (.xlw: BOUNDSHEET names, SHEETSOFFSET, a SHEETHDR before each sheet).
* ``dbf`` writes a dBase III/IV, FoxPro, Visual FoxPro or dBase 7 table: header, field
  descriptors, records (deleted ones flagged "*"), Visual FoxPro's hidden _NullFlags field for
  nullable fields.
* ``lotus`` writes a Lotus 1-2-3 file's first records; ``office1`` an OpenOffice.org 1 or
  KSpread package, ``sxc`` a whole OpenOffice.org 1 spreadsheet; ``works`` renames an .xls's
  Workbook stream as Works 6 names it; ``addin`` types an .xlsx's workbook part as an
  add-in's, as Excel's "Save As > Excel Add-in" does.
"""

from __future__ import annotations

import datetime
import io
import struct
import zipfile
from dataclasses import dataclass, field
from typing import Any

import olefile
import xlwt

from components.ingest.book_sheets import ErrorValue

# ------------------------------------------------------------------------------------------
# Excel 2.x-4.0

ERROR_CODES = {"#NULL!": 0x00, "#DIV/0!": 0x07, "#VALUE!": 0x0F, "#REF!": 0x17, "#N/A": 0x2A}
# Excel's built-in number formats, written as FORMAT records in this order by Excel 2-4.
BUILT_IN = ["General", "0", "0.00", "#,##0", "#,##0.00", "0%", "0.00%", "0.00E+00", "m/d/yy"]
DATE_FORMAT, PERCENT_FORMAT = BUILT_IN.index("m/d/yy"), BUILT_IN.index("0%")


@dataclass
class Formula:
    """A formula cell's saved result (the formula's tokens are a constant, as Excel's)."""

    value: Any


@dataclass
class OldSheet:
    name: str
    rows: list[list[Any]]
    # (row, column) -> a format's index into BUILT_IN + ``formats`` (a date, a percentage)
    styles: dict[tuple[int, int], int] = field(default_factory=dict)
    formats: list[str] = field(default_factory=list)  # the sheet's own, after the built-ins
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: list[tuple[int, int]] = field(default_factory=list)
    notes: dict[tuple[int, int], str] = field(default_factory=dict)
    far: dict[tuple[int, int], Any] = field(default_factory=dict)  # cells beyond ``rows``


def record(kind: int, body: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def _short(text: str, encoding: str) -> bytes:
    raw = text.encode(encoding)[:255]
    return bytes([len(raw)]) + raw


def biff(
    version: int,
    sheet: OldSheet,
    *,
    encoding: str = "cp1252",
    code_page: int | None = 1252,
    date1904: bool = False,
    kind: int = 0x0010,
) -> bytes:
    """One worksheet (``kind`` 0x0010; 0x0020 a chart, 0x0040 a macro sheet) as Excel
    ``version`` (2, 3 or 4) saves it."""
    cells = {(r, c): v for r, row in enumerate(sheet.rows) for c, v in enumerate(row)}
    cells.update(sheet.far)
    cells = {place: value for place, value in cells.items() if value is not None}
    rows = max((r for r, _ in cells), default=0) + 1
    columns = max((c for _, c in cells), default=0) + 1
    out = _head(version, sheet, encoding, code_page, date1904, kind)
    if version == 2:
        out += record(0x0000, struct.pack("<4H", 0, rows, 0, columns))
    else:
        out += record(0x0200, struct.pack("<5H", 0, rows, 0, columns, 0))
        for row in sorted(sheet.hidden_rows):
            out += record(0x0208, struct.pack("<8H", row, 0, columns, 255, 0, 0, 0x20, 0))
        for first, last in sheet.hidden_columns:
            out += record(0x007D, struct.pack("<5H", first, last, 0, 0, 1))
    for (row, column), value in sorted(cells.items()):
        out += _cell(version, row, column, value, sheet.styles.get((row, column), 0), encoding)
    for (row, column), text in sheet.notes.items():
        raw = text.encode(encoding)
        first, rest = raw[:2048], raw[2048:]
        out += record(0x001C, struct.pack("<3H", row, column, len(raw)) + first)
        while rest:
            part, rest = rest[:2048], rest[2048:]
            out += record(0x001C, struct.pack("<3H", 0xFFFF, 0, len(part)) + part)
    return out + record(0x000A)


def _head(
    version: int,
    sheet: OldSheet,
    encoding: str,
    code_page: int | None,
    date1904: bool,
    kind: int,
) -> bytes:
    """BOF, CODEPAGE, DATEMODE, the number formats, a font and the XF records."""
    bof = {2: 0x0009, 3: 0x0209, 4: 0x0409}[version]
    out = record(bof, struct.pack("<HH", 0x0007, kind) + (b"" if version == 2 else b"\x00\x00"))
    if code_page is not None:
        out += record(0x0042, struct.pack("<H", code_page))
    if date1904:
        out += record(0x0022, struct.pack("<H", 1))
    for code in BUILT_IN + sheet.formats:
        prefix = b"\x00\x00" if version == 4 else b""
        out += record(0x041E if version == 4 else 0x001E, prefix + _short(code, encoding))
    font = struct.pack("<HH", 200, 0) if version == 2 else struct.pack("<HHH", 200, 0, 0x7FFF)
    out += record(0x0031 if version == 2 else 0x0231, font + _short("Arial", encoding))
    formats = len(BUILT_IN) + len(sheet.formats)
    if version > 2:  # one XF per number format: XF n shows format n
        for index in range(formats):
            body = bytes([0, index]) + bytes(10)
            out += record(0x0243 if version == 3 else 0x0443, body)
    else:
        for index in range(formats):
            out += record(0x0043, bytes([0, 0, index & 0x3F, 0]))
    return out


def _cell(version: int, row: int, column: int, value: Any, style: int, encoding: str) -> bytes:
    if version == 2:
        place = struct.pack("<HH", row, column) + bytes([0, style & 0x3F, 0])
    else:
        place = struct.pack("<HHH", row, column, style)
    formula = isinstance(value, Formula)
    shown = value.value if formula else value
    if isinstance(shown, datetime.date):
        shown = _serial(shown)
    if formula:
        return _formula(version, place, shown, encoding)
    if isinstance(shown, (bool, ErrorValue)):
        error = isinstance(shown, ErrorValue)
        code = ERROR_CODES[str(shown)] if error else int(shown)
        return record(0x0005 if version == 2 else 0x0205, place + bytes([code, int(error)]))
    if isinstance(shown, str):
        raw = shown.encode(encoding)
        if version == 2:
            return record(0x0004, place + bytes([len(raw)]) + raw)
        return record(0x0204, place + struct.pack("<H", len(raw)) + raw)
    if version == 2:
        if isinstance(shown, int) and 0 <= shown <= 0xFFFF:
            return record(0x0002, place + struct.pack("<H", shown))
        return record(0x0003, place + struct.pack("<d", shown))
    if isinstance(shown, int) and -(1 << 29) <= shown < (1 << 29):
        return record(0x027E, place + struct.pack("<I", (shown << 2 | 2) & 0xFFFFFFFF))
    return record(0x0203, place + struct.pack("<d", shown))


def _formula(version: int, place: bytes, value: Any, encoding: str) -> bytes:
    tokens = b"\x1e\x01\x00"  # tInt 1: the formula itself is not read
    if isinstance(value, str):
        result = bytes([0, 0, 0, 0, 0, 0, 0xFF, 0xFF])
    elif isinstance(value, bool):
        result = bytes([1, 0, int(value), 0, 0, 0, 0xFF, 0xFF])
    elif isinstance(value, ErrorValue):
        result = bytes([2, 0, ERROR_CODES[str(value)], 0, 0, 0, 0xFF, 0xFF])
    elif value is None:
        result = bytes([3, 0, 0, 0, 0, 0, 0xFF, 0xFF])
    else:
        result = struct.pack("<d", value)
    if version == 2:
        out = record(0x0006, place + result + bytes([0, len(tokens)]) + tokens)
    else:
        kind = 0x0206 if version == 3 else 0x0406
        out = record(kind, place + result + struct.pack("<HH", 0, len(tokens)) + tokens)
    if isinstance(value, str):
        raw = value.encode(encoding)
        if version == 2:
            out += record(0x0007, bytes([len(raw)]) + raw)
        else:
            out += record(0x0207, struct.pack("<H", len(raw)) + raw)
    return out


def _serial(day: datetime.date) -> float:
    if isinstance(day, datetime.datetime):
        delta = day - datetime.datetime(1899, 12, 30)
        return delta.days + delta.seconds / 86400
    return float((day - datetime.date(1899, 12, 30)).days)


def biff_workbook(sheets: list[OldSheet], *, encoding: str = "cp1252") -> bytes:
    """An Excel 4.0 workbook (.xlw, BIFF4W): globals naming the sheets, then each sheet behind
    a SHEETHDR giving its length and name, then the globals' EOF."""
    bodies = [(_short(sheet.name, encoding), biff(4, sheet, encoding=encoding)) for sheet in sheets]
    head = record(0x0409, struct.pack("<HHH", 0, 0x0100, 0x0DBB)) + record(
        0x0042, struct.pack("<H", 1252)
    )
    names = b"".join(record(0x0085, name) for name, _ in bodies)
    first = len(head) + 8 + len(names)
    out = head + record(0x008E, struct.pack("<i", first)) + names
    for name, body in bodies:
        out += record(0x008F, struct.pack("<i", len(body)) + name) + body
    return out + record(0x000A)


def workspace(version: int = 8) -> bytes:
    """An Excel workspace (.xlw): a bare BOF saying "workspace", the paths of its workbooks."""
    path = b"C:\\Data\\Elbonia 2023.xls"
    if version == 8:
        bof = record(0x0809, struct.pack("<HHHH", 0x0600, 0x0100, 0x2775, 0x07CD))
    else:
        bof = record(0x0209, struct.pack("<HHH", 0, 0x0100, 0))
    return bof + record(0x0017, bytes([len(path) + 1, 1]) + path) + record(0x000A)


# ------------------------------------------------------------------------------------------
# dBase, FoxPro


@dataclass
class Field:
    name: str
    type: str  # C N F L D I B Y T M
    length: int
    decimals: int = 0
    nullable: bool = False


def dbf(
    fields: list[Field],
    records: list[list[Any]],
    *,
    version: int = 0x03,
    language: int = 0x57,
    encoding: str = "cp1252",
    deleted: frozenset[int] = frozenset(),
    count: int | None = None,
) -> bytes:
    """A table as dBase (0x03, 0x83, 0x8B), FoxPro (0xF5), Visual FoxPro (0x30) or dBase 7
    (0x04) writes it; ``None`` is a blank (or, for a nullable Visual FoxPro field, null)."""
    visual = version == 0x30
    dbase7 = version == 0x04
    nullable = [f for f in fields if f.nullable and visual]
    written = list(fields)
    if nullable:
        written.append(Field("_NullFlags", "0", (len(nullable) + 7) // 8))
    record_length = 1 + sum(f.length for f in written)
    size = 48 if dbase7 else 32
    start = 68 if dbase7 else 32
    header_length = start + size * len(written) + 1 + (263 if visual else 0)
    head = struct.pack(
        "<BBBBIHH",
        version,
        124,
        5,
        17,
        len(records) if count is None else count,
        header_length,
        record_length,
    )
    head += bytes(17) + bytes([language]) + bytes(2)
    if dbase7:
        head += b"DBWINUS0".ljust(32, b"\x00") + bytes(4)
    for f in written:
        name = f.name.encode("ascii")
        if dbase7:
            head += name.ljust(32, b"\x00") + f.type.encode() + bytes([f.length, f.decimals])
            head += bytes(13)
        else:
            flags = 0x01 if f.type == "0" else 0x02 if f.nullable and visual else 0
            length = f.length & 0xFF
            decimals = f.length >> 8 if f.type == "C" else f.decimals
            head += name.ljust(11, b"\x00") + f.type.encode() + bytes(4)
            head += bytes([length, decimals, flags]) + bytes(13)
    head += b"\x0d" + bytes(263 if visual else 0)
    body = []
    for number, values in enumerate(records):
        body.append(b"*" if number in deleted else b" ")
        nulls = 0
        for f, value in zip(fields, values, strict=True):
            if f.nullable and visual and value is None:
                nulls |= 1 << nullable.index(f)
            body.append(_field(f, value, encoding, version))
        if nullable:
            body.append(nulls.to_bytes((len(nullable) + 7) // 8, "little"))
    return head + b"".join(body) + b"\x1a"


def _field(f: Field, value: Any, encoding: str, version: int) -> bytes:
    kind, length = f.type, f.length
    if kind == "C":
        return ("" if value is None else str(value)).encode(encoding)[:length].ljust(length)
    if kind in "NF":
        if value is None:
            return b" " * length
        text = f"{value:.{f.decimals}f}" if f.decimals else str(value)
        return text.rjust(length).encode("ascii")
    if kind == "L":
        return b"?" if value is None else (b"T" if value else b"F")
    if kind == "D":
        return b" " * 8 if value is None else value.strftime("%Y%m%d").encode("ascii")
    return _binary_field(f, value, version)


def _binary_field(f: Field, value: Any, version: int) -> bytes:
    """Visual FoxPro's and dBase 7's binary values, and a memo's block number."""
    kind, length = f.type, f.length
    if kind == "I":
        number = 0 if value is None else value
        if version == 0x04:  # big-endian, its sign bit flipped; a blank is zeros
            if value is None:
                return bytes(4)
            return ((number & 0xFFFFFFFF) ^ 0x80000000).to_bytes(4, "big")
        return struct.pack("<i", number)
    if kind == "B":
        return struct.pack("<d", 0.0 if value is None else value)
    if kind == "Y":
        return struct.pack("<q", round((value or 0) * 10000))
    if kind == "T":
        if value is None:
            return bytes(8)
        day = (value.date() - datetime.date(1970, 1, 1)).days + 2440588
        moment = value - datetime.datetime.combine(value.date(), datetime.time())
        return struct.pack("<ii", day, int(moment.total_seconds() * 1000))
    if kind == "M":
        return (b"" if value is None else str(value).encode("ascii")).rjust(length)
    raise ValueError(kind)


# ------------------------------------------------------------------------------------------
# Lotus 1-2-3, OpenOffice.org 1, KSpread, Works


def lotus(version: int, rows: list[list[Any]]) -> bytes:
    """A Lotus 1-2-3 file: BOF (release 2's two bytes, release 3's 26), cells, EOF."""
    if 0x1000 <= version < 0x2000:  # release 3 and later (Quattro Pro's 0x5120 is short)
        out = record(0x0000, struct.pack("<H", version) + bytes(24))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                text = b"'" + str(value).encode("cp1252") + b"\x00"
                out += record(0x0016, struct.pack("<HBB", r, 0, c) + text)
        return out + record(0x0001)
    out = record(0x0000, struct.pack("<H", version))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            text = b"'" + str(value).encode("cp437") + b"\x00"
            out += record(0x000F, struct.pack("<BHH", 0xFF, c, r) + text)
    return out + record(0x0001)


def office1(mimetype: str, content: bytes | None = None) -> bytes:
    """An OpenOffice.org 1 (or KSpread) package: its mimetype first, stored, then its XML,
    which names the DTD as those programs always wrote it."""
    if content is None:
        content = (
            b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE office:document-content '
            b'PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "office.dtd">\n'
            b'<office:document-content xmlns:office="http://openoffice.org/2000/office" '
            b'xmlns:table="http://openoffice.org/2000/table" office:class="spreadsheet">'
            b'<office:body><table:table table:name="Sheet1"/></office:body>'
            b"</office:document-content>"
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        name = "maindoc.xml" if "kspread" in mimetype else "content.xml"
        archive.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def xls_of(rows: list[list[Any]], name: str = "Sheet1") -> bytes:
    """An Excel 97-2003 workbook of one sheet (xlwt writes BIFF8 in a compound file)."""
    book = xlwt.Workbook()
    sheet = book.add_sheet(name)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def works(xls: bytes, stream: bytes | None = None) -> bytes:
    """An .xls as Microsoft Works 6 saves a spreadsheet (.xlr): the same compound file, its
    workbook stream named ``WksSSWorkBook``; with ``stream``, that stream's first bytes
    overwritten (a Works spreadsheet of Works' own records)."""
    old = "Workbook\x00".encode("utf-16-le")
    new = "WksSSWorkBook\x00".encode("utf-16-le")
    data = bytearray(xls)
    entry = next(i for i in range(0, len(data), 128) if data[i : i + len(old)] == old)
    data[entry : entry + 66] = new.ljust(64, b"\x00") + struct.pack("<H", len(new))
    if stream is not None:
        with olefile.OleFileIO(xls) as ole:
            first = xls.find(ole.openstream("Workbook").read(512))
        data[first : first + len(stream)] = stream
    return bytes(data)


ADDIN_TYPE = b"application/vnd.ms-excel.addin.macroEnabled.main+xml"
XLSX_TYPE = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def addin(workbook: bytes) -> bytes:
    """An .xlsx saved as an add-in: its workbook part typed as an add-in's, as Excel types it."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(workbook)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "[Content_Types].xml":
                content = content.replace(XLSX_TYPE, ADDIN_TYPE)
            target.writestr(info.filename, content)
    return buffer.getvalue()


# ------------------------------------------------------------------------------------------
# OpenOffice.org 1 and StarOffice 6-7 (.sxc)

SXC_MIMETYPE = "application/vnd.sun.xml.calc"
SXC_NAMESPACES = (
    'xmlns:office="http://openoffice.org/2000/office" '
    'xmlns:style="http://openoffice.org/2000/style" '
    'xmlns:text="http://openoffice.org/2000/text" '
    'xmlns:table="http://openoffice.org/2000/table" '
    'xmlns:number="http://openoffice.org/2000/datastyle" '
    'xmlns:fo="http://www.w3.org/1999/XSL/Format"'
)
SXC_DOCTYPE = (
    '<!DOCTYPE office:document-content PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" '
    '"office.dtd">'
)


def _sxc_cell(value: Any, typed_text: bool) -> str:
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, bool):
        shown = "TRUE" if value else "FALSE"
        return (
            f'<table:table-cell table:value-type="boolean" table:boolean-value='
            f'"{str(value).lower()}"><text:p>{shown}</text:p></table:table-cell>'
        )
    if isinstance(value, datetime.date):
        return (
            f'<table:table-cell table:value-type="date" table:date-value="{value.isoformat()}">'
            f"<text:p>{value.strftime('%d/%m/%Y')}</text:p></table:table-cell>"
        )
    if isinstance(value, int | float):
        return (
            f'<table:table-cell table:value-type="float" table:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    text = str(value).replace("&", "&amp;").replace("<", "&lt;")
    typed = ' table:value-type="string"' if typed_text else ""
    return f"<table:table-cell{typed}><text:p>{text}</text:p></table:table-cell>"


def sxc(
    sheets: list[tuple[str, list[list[Any]]]],
    *,
    mimetype: str = SXC_MIMETYPE,
    pretty: bool = False,
    typed_text: bool = False,
    doctype: str = SXC_DOCTYPE,
    hidden_rows: frozenset[int] = frozenset(),
) -> bytes:
    """A spreadsheet as OpenOffice.org 1.1 (or StarOffice 7) saves an .sxc: its mimetype,
    then ``content.xml`` naming the program's DTD, the sheets in ``office:body``, values and
    types in the table namespace, text cells untyped (or typed, as some writers type them)."""
    line = "\n" if pretty else ""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        doctype,
        f'<office:document-content {SXC_NAMESPACES} office:class="spreadsheet" '
        'office:version="1.0">',
        "<office:automatic-styles/>",
        "<office:body>",
    ]
    for name, rows in sheets:
        width = max((len(row) for row in rows), default=1)
        parts.append(f'<table:table table:name="{name}">')
        parts.append(f'<table:table-column table:number-columns-repeated="{width}"/>')
        for number, row in enumerate(rows):
            hidden = ' table:visibility="collapse"' if number in hidden_rows else ""
            cells = [_sxc_cell(v, typed_text) for v in row + [None] * (width - len(row))]
            parts.append(
                f"<table:table-row{hidden}>{line.join(['', *cells, ''])}</table:table-row>"
            )
        parts.append("</table:table>")
    parts += ["</office:body>", "</office:document-content>"]
    # OpenOffice.org wrote the prolog on lines of their own, the rest on one line (its
    # "size optimisation" default); pretty-printed, as other writers and editors leave it.
    content = "\n".join(parts[:2]) + "\n" + ("\n" if pretty else "").join(parts[2:])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(
            "styles.xml",
            f'<?xml version="1.0"?>{doctype}<office:document-styles {SXC_NAMESPACES}/>',
            compress_type=zipfile.ZIP_DEFLATED,
        )
    return buffer.getvalue()
