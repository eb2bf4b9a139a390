"""Tests for the upload guard: every fixture is built here, in memory, from a few bytes up.

Hostile files are made the way an attacker or an unlucky analyst would make them: real
workbooks from openpyxl, then edited part by part (a billion-laughs index, a missing part, a
bomb entry), hand-made zips, and hand-made compound-file headers for .xls and encrypted .xlsx.
"""

from __future__ import annotations

import io
import pickle
import re
import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path

import defusedxml
import defusedxml.ElementTree
import olefile
import openpyxl
import openpyxl.xml
import openpyxl.xml.functions
import pytest
import xlwt
from python_calamine import CalamineWorkbook

from components.ingest.file_guard import check_upload, openpyxl_uses_defusedxml
from components.ingest.limits import DEFAULT_LIMITS, MB, ReadLimits
from components.ingest.refusals import FileRejected
from tests.ingest.xlsb_support import BSheet, strict, xlsb

REPO_ROOT = Path(__file__).resolve().parents[2]

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
XLSM_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
XLTX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml"
XLSB_TYPE = "application/vnd.ms-excel.sheet.binary.macroEnabled.main"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"

CSV_TEXT = "country,year,capability,level\nKenya,2024,1,3\nKenya,2024,2,\n"


# ---------------------------------------------------------------------------------------------
# Fixture builders


@cache
def xlsx(sheets: int = 1) -> bytes:
    """A genuine, tiny workbook written by openpyxl."""
    workbook = openpyxl.Workbook()
    workbook.active.title = "Sheet 1"
    for number in range(2, sheets + 1):
        workbook.create_sheet(f"Sheet {number}")
    for sheet in workbook.worksheets:
        sheet.append(["country", "year", "capability", "level"])
        sheet.append(["Kenya", 2024, 1, 3])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def make_zip(
    entries: Mapping[str, bytes],
    *,
    stored: frozenset[str] = frozenset(),
    level: int = 9,
) -> bytes:
    """A zip of ``entries``, deflated except for the names in ``stored``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            method = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            archive.writestr(name, content, compress_type=method, compresslevel=level)
    return buffer.getvalue()


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def edited_xlsx(
    *,
    sheets: int = 1,
    replace: Mapping[str, bytes | None] | None = None,
    edit: Mapping[str, Callable[[str], str]] | None = None,
    stored: frozenset[str] = frozenset(),
) -> bytes:
    """A real workbook with parts replaced (``None`` drops one) or edited as text."""
    parts = members(xlsx(sheets))
    for name, new in (edit or {}).items():
        parts[name] = new(parts[name].decode("utf-8")).encode("utf-8")
    for name, content in (replace or {}).items():
        if content is None:
            parts.pop(name, None)
        else:
            parts[name] = content
    return make_zip(parts, stored=stored)


def with_workbook_type(content_type: str) -> Callable[[str], str]:
    return lambda text: text.replace(XLSX_TYPE, content_type)


def workbook_xml(sheet_names: list[str], *, prolog: str = "", namespace: str = MAIN_NS) -> bytes:
    sheets = "".join(
        f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>'
        for i, name in enumerate(sheet_names, start=1)
    )
    rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    return (
        f'<?xml version="1.0"?>{prolog}<workbook xmlns="{namespace}" xmlns:r="{rel_ns}">'
        f"<sheets>{sheets}</sheets></workbook>"
    ).encode()


BILLION_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">'
        for n in range(1, 10)
    )
    + "]>"
)
XXE = '<!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def content_types(overrides: Mapping[str, str]) -> bytes:
    items = "".join(
        f'<Override PartName="/{part}" ContentType="{kind}"/>' for part, kind in overrides.items()
    )
    return (
        f'<?xml version="1.0"?><Types xmlns="{CT_NS}">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{items}</Types>"
    ).encode()


def edited(package: bytes, part: str, content: bytes | None) -> bytes:
    """``package`` with ``part`` replaced (``None``: left out)."""
    parts = members(package)
    if content is None:
        del parts[part]
    else:
        parts[part] = content
    return make_zip(parts)


def ooxml_lookalike(main_part: str, content_type: str) -> bytes:
    """A .docx/.pptx/.xlsb-like package: declarations plus the main part."""
    return make_zip(
        {
            "[Content_Types].xml": content_types({main_part: content_type}),
            "_rels/.rels": b"<Relationships/>",
            main_part: b"<document/>",
        }
    )


def opendocument(kind: str) -> bytes:
    return make_zip(
        {
            "mimetype": f"application/vnd.oasis.opendocument.{kind}".encode(),
            "content.xml": b"<office:document-content/>",
            "META-INF/manifest.xml": b"<manifest:manifest/>",
        },
        stored=frozenset({"mimetype"}),
    )


ODS_CONTENT = (
    '<?xml version="1.0"?>{prolog}<office:document-content '
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
    '<office:spreadsheet><table:table table:name="Data">{rows}</table:table>'
    "</office:spreadsheet></office:body></office:document-content>"
)
ODS_ROWS = (
    '<table:table-row><table:table-cell office:value-type="string"><text:p>Country</text:p>'
    "</table:table-cell></table:table-row>"
    '<table:table-row table:number-rows-repeated="1048575"><table:table-cell '
    'table:number-columns-repeated="1024"/></table:table-row>'
)


def ods(*, prolog: str = "", rows: str = ODS_ROWS, manifest: bytes | None = None) -> bytes:
    """An OpenDocument spreadsheet as LibreOffice writes one, empty rows repeated to the end."""
    return make_zip(
        {
            "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
            "content.xml": ODS_CONTENT.format(prolog=prolog, rows=rows).encode(),
            "META-INF/manifest.xml": manifest or b"<manifest/>",
        },
        stored=frozenset({"mimetype"}),
    )


def xls(cells: tuple[tuple[int, int, object], ...] = (), sheets: int = 1) -> bytes:
    """A real Excel 97-2003 workbook (xlwt writes BIFF8 in a compound file), with ``cells`` as
    (row, column, value) on its first sheet besides a small table."""
    book = xlwt.Workbook()
    for number in range(sheets):
        sheet = book.add_sheet(f"Data {number + 1}")
        for column, header in enumerate(("Country", "Year", "Capability", "Level")):
            sheet.write(0, column, header)
        for column, value in enumerate(("Elbonia", 2024, "Leadership", 2)):
            sheet.write(1, column, value)
        if number == 0:
            for row, column, value in cells:
                sheet.write(row, column, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xls_blank_far() -> bytes:
    """Formatting far out (a bold blank cell at IV65536): not a value, no grid needed for it."""
    book = xlwt.Workbook()
    sheet = book.add_sheet("Data")
    for column, value in enumerate(("Country", "Year", "Elbonia", 2024)):
        sheet.write(column // 2, column % 2, value)
    sheet.write(65535, 255, None, xlwt.easyxf("font: bold on"))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xls_with_workbook_stream(stream: bytes) -> bytes:
    """A real .xls whose Workbook stream is replaced (same length, so the container holds)."""
    data = bytearray(xls())
    original = _workbook_stream_of(bytes(data))
    start = bytes(data).find(original[:512])
    data[start : start + len(stream)] = stream
    return bytes(data)


def _workbook_stream_of(data: bytes) -> bytes:
    with olefile.OleFileIO(data) as ole:
        return ole.openstream("Workbook").read()


def cfb(*streams: str) -> bytes:
    """A minimal but well-formed compound file (the container of .xls and encrypted .xlsx).

    Header, one FAT sector, one directory sector holding the root and the named streams (all
    empty); enough for anything that reads the header or the directory names.
    """
    end_of_chain, free, fat_sector, no_stream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x003E, 0x0003, 0xFFFE, 9, 6)
    struct.pack_into("<9I", header, 0x28, 0, 1, 1, 0, 4096, end_of_chain, 0, end_of_chain, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *([free] * 108))
    fat = struct.pack("<128I", fat_sector, end_of_chain, *([free] * 126))

    def entry(name: str, kind: int, right: int, child: int) -> bytes:
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        return struct.pack(
            "<64sHBBIII16sIQQIQ",
            encoded,
            len(encoded),
            kind,
            1,
            no_stream,
            right,
            child,
            bytes(16),
            0,
            0,
            0,
            end_of_chain,
            0,
        )

    names = list(streams)
    directory = entry("Root Entry", 5, no_stream, 1 if names else no_stream)
    for index, name in enumerate(names, start=1):
        directory += entry(name, 2, index + 1 if index < len(names) else no_stream, no_stream)
    directory = directory.ljust(512, b"\x00")
    assert len(directory) == 512, "the fixture holds at most three streams"
    return bytes(header) + fat + directory


def set_zip_encrypted_flag(data: bytes) -> bytes:
    """Mark every entry as encrypted, as a password-protected zip would.

    zipfile cannot write encrypted entries, so the flag bit is set in the headers directly.
    """
    patched = bytearray(data)
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        for match in re.finditer(re.escape(signature), data):
            patched[match.start() + flag_offset] |= 0x1
    return bytes(patched)


def many_entries(count: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number in range(count):
            archive.writestr(f"part{number}.xml", b"")
    return buffer.getvalue()


def with_lying_entry_count(data: bytes, declared: int) -> bytes:
    """Rewrite the end-of-archive record's entry counts; the central directory is unchanged."""
    start = data.rfind(b"PK\x05\x06")
    return data[: start + 8] + struct.pack("<HH", declared, declared) + data[start + 12 :]


def corrupt_stored_workbook() -> bytes:
    """Same length, different bytes: the CRC of the (uncompressed) workbook part fails."""
    data = edited_xlsx(stored=frozenset({"xl/workbook.xml"}))
    assert b"<sheets>" in data
    return data.replace(b"<sheets>", b"<sheetX>", 1)


def sheet_with_entities() -> bytes:
    """A workbook whose index is clean but whose sheet declares an entity (the reader's parse)."""
    bomb_sheet = (
        f'<?xml version="1.0"?>{BILLION_LAUGHS}<worksheet xmlns="{MAIN_NS}"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
        "</sheetData></worksheet>"
    ).encode()
    return edited_xlsx(replace={"xl/worksheets/sheet1.xml": bomb_sheet})


def deterministic_binary(size: int = 4096) -> bytes:
    return bytes((index * 7919 + 13) % 256 for index in range(size))


# ---------------------------------------------------------------------------------------------
# What is accepted, and as what

ACCEPTED: list[tuple[str, str, Callable[[], bytes], str]] = [
    ("xlsx", "assessment.xlsx", xlsx, "xlsx"),
    ("xls", "old.xls", xls, "xls"),
    ("xls renamed .xlsx", "old.xlsx", xls, "xls"),
    ("xls reaching the last row in 4 columns", "long.xls", lambda: xls(((65535, 3, 1),)), "xls"),
    ("xls formatted far out, values near", "styled.xls", xls_blank_far, "xls"),
    ("xls with 50 sheets, at the limit", "many.xls", lambda: xls(sheets=50), "xls"),
    ("ods", "calc.ods", ods, "ods"),
    ("ods renamed .xlsx", "calc.xlsx", ods, "ods"),
    ("xlsx named .csv", "assessment.csv", xlsx, "xlsx"),
    ("xlsx named .bin", "download.bin", xlsx, "xlsx"),
    ("xlsx without extension", "assessment", xlsx, "xlsx"),
    ("xlsx named .XLSX", "ASSESSMENT.XLSX", xlsx, "xlsx"),
    (
        "xlsm with macros",
        "assessment.xlsm",
        lambda: edited_xlsx(
            edit={"[Content_Types].xml": with_workbook_type(XLSM_TYPE)},
            replace={"xl/vbaProject.bin": b"\x00macro code that is never run\x00"},
        ),
        "xlsx",
    ),
    (
        "xltx template",
        "template.xltx",
        lambda: edited_xlsx(edit={"[Content_Types].xml": with_workbook_type(XLTX_TYPE)}),
        "xlsx",
    ),
    (
        "workbook declared as the default type",
        "assessment.xlsx",
        lambda: edited_xlsx(
            edit={
                "[Content_Types].xml": lambda t: re.sub(
                    r'<Override PartName="/xl/workbook.xml"[^>]*/>', "", t
                ).replace('ContentType="application/xml"', f'ContentType="{XLSX_TYPE}"')
            }
        ),
        "xlsx",
    ),
    ("50 sheets, at the limit", "many.xlsx", lambda: xlsx(50), "xlsx"),
    (
        "small part that compresses very well",
        "assessment.xlsx",
        lambda: edited_xlsx(replace={"xl/media/blank.bin": bytes(900 * 1024)}),
        "xlsx",
    ),
    ("csv utf-8", "assessment.csv", CSV_TEXT.encode, "csv"),
    ("csv utf-8 with BOM", "assessment.csv", lambda: b"\xef\xbb\xbf" + CSV_TEXT.encode(), "csv"),
    (
        "csv windows-1252",
        "assessment.csv",
        lambda: "country,level\nCôte d’Ivoire,3\n".encode("cp1252"),
        "csv",
    ),
    ("csv CRLF semicolons", "assessment.csv", lambda: b"country;level\r\nKenya;3\r\n", "csv"),
    ("tsv", "assessment.tsv", lambda: CSV_TEXT.replace(",", "\t").encode(), "csv"),
    ("txt", "assessment.txt", CSV_TEXT.encode, "csv"),
    # Excel's "Unicode Text": UTF-16 with its mark (little- or big-endian), or without one
    ("utf-16 txt (Unicode Text)", "unicode.txt", lambda: CSV_TEXT.encode("utf-16"), "csv"),
    (
        "utf-16 big-endian tsv",
        "unicode.tsv",
        lambda: b"\xfe\xff" + CSV_TEXT.encode("utf-16-be"),
        "csv",
    ),
    ("utf-16 without its mark", "unicode.csv", lambda: CSV_TEXT.encode("utf-16-le"), "csv"),
    (
        "utf-16 tab separated",
        "unicode.txt",
        lambda: CSV_TEXT.replace(",", "\t").encode("utf-16"),
        "csv",
    ),
    (
        "utf-16 big-endian without its mark",
        "unicode.txt",
        lambda: CSV_TEXT.encode("utf-16-be"),
        "csv",
    ),
    ("unknown extension, text", "assessment.dat", CSV_TEXT.encode, "csv"),
    ("no extension, text", "assessment", CSV_TEXT.encode, "csv"),
    ("csv named .xlsx", "export.xlsx", CSV_TEXT.encode, "csv"),
    ("text starting MZ", "codes.csv", lambda: b"MZ,value\nMZA,1\n", "csv"),
    ("csv with a cell line break", "a.csv", lambda: b'country,evidence\nKenya,"a\x0bb"\n', "csv"),
    # Read as the .xlsx made of them (tests/ingest/test_spreadsheet_xml.py, test_html_tables.py)
    (
        "html named .xls",
        "export.xls",
        lambda: b"<!DOCTYPE html>\n<html><body><table><tr><td>1</td></tr></table></body></html>",
        "html",
    ),
    (
        "bare html table named .xls",
        "export.xls",
        lambda: b"\r\n  <TABLE><TR><TD>Kenya</TD></TR></TABLE>",
        "html",
    ),
    (
        "utf-16 web page",
        "unicode.xls",
        lambda: "<html><body><table><tr><td>1</td></tr></table></body></html>".encode("utf-16"),
        "html",
    ),
    (
        "xhtml after an xml declaration",
        "export.xls",
        lambda: (
            b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><table/></body></html>'
        ),
        "html",
    ),
    # Excel's other workbook kinds, read as the .xlsx made of them (test_xlsb_books.py,
    # test_strict_xlsx.py)
    (
        "excel binary workbook",
        "binary.xlsb",
        lambda: xlsb([BSheet("Data", [["Kenya", 3]])]),
        "xlsb",
    ),
    (
        "excel binary workbook with macros",
        "macros.xlsb",
        lambda: xlsb([BSheet("Data", [["Kenya", 3]])], vba=True),
        "xlsb",
    ),
    (
        "excel binary workbook named .xlsx",
        "binary.xlsx",
        lambda: xlsb([BSheet("Data", [["Kenya", 3]])]),
        "xlsb",
    ),
    ("strict open xml", "strict.xlsx", lambda: strict(xlsx()), "strict"),
    (
        "strict open xml index alone",
        "strict.xlsx",
        lambda: edited_xlsx(replace={"xl/workbook.xml": workbook_xml(["S"], namespace=STRICT_NS)}),
        "strict",
    ),
    (
        "excel 2003 xml",
        "old.xml",
        lambda: (
            b'<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
            b'<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'
        ),
        "spreadsheetml",
    ),
]


@pytest.mark.parametrize(
    ("name", "factory", "expected"),
    [case[1:] for case in ACCEPTED],
    ids=[case[0] for case in ACCEPTED],
)
def test_accepted(name: str, factory: Callable[[], bytes], expected: str) -> None:
    data = factory()
    assert check_upload(name, data) == expected
    if expected == "xlsx":
        # Accepted means readable: openpyxl, as the reader calls it, opens the same bytes.
        workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True, keep_links=False)
        assert workbook.sheetnames
    if expected == "xls":
        # ...and calamine opens it, the table where it was written.
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        assert workbook.get_sheet_by_name(workbook.sheet_names[0]).to_python()[1][:2] == [
            "Elbonia",
            2024.0,
        ]
    if expected == "ods":
        # ...and calamine, which reads .ods, opens the same bytes (empty rows cost nothing).
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        assert workbook.get_sheet_by_name("Data").to_python() == [["Country"]]


# ---------------------------------------------------------------------------------------------
# What is rejected, why, and with which words

SMALL_FILE_LIMIT = ReadLimits(max_file_bytes=1 * MB)

REJECTED: list[tuple[str, str, Callable[[], bytes], ReadLimits, str, tuple[str, ...]]] = [
    # Empty and too large
    ("0 bytes", "a.csv", lambda: b"", DEFAULT_LIMITS, "empty", ("empty",)),
    ("whitespace", "a.csv", lambda: b"  \r\n\t \n", DEFAULT_LIMITS, "empty", ("empty",)),
    ("BOM and newlines", "a.csv", lambda: b"\xef\xbb\xbf\n\n", DEFAULT_LIMITS, "empty", ()),
    (
        "oversize csv",
        "big.csv",
        lambda: b"a,b\n" + b"1,2\n" * (3 * MB // 8),
        SMALL_FILE_LIMIT,
        "too_large",
        ("1.5 MB", "1 MB"),
    ),
    (
        "oversize pdf: size first",
        "big.pdf",
        lambda: b"%PDF-1.7\n" + bytes(MB + 1),
        SMALL_FILE_LIMIT,
        "too_large",
        ("1.1 MB", "1 MB"),
    ),
    # Old and protected Office files (compound files)
    (
        "compound file without a workbook",
        "x.xls",
        cfb,
        DEFAULT_LIMITS,
        "damaged",
        ("holds no workbook", ".xlsx"),
    ),
    (
        "xls with a workbook stream that is not a workbook",
        "x.xls",
        lambda: cfb("Workbook", "\x05SummaryInformation"),
        DEFAULT_LIMITS,
        "damaged",
        ("damaged", ".xlsx"),
    ),
    (
        "xls whose one cell far out asks for a gigabyte",
        "bomb.xls",
        lambda: xls(((65535, 255, "x"),)),
        DEFAULT_LIMITS,
        "too_far",
        ("row 65,536", "column 256", ".xlsx"),
    ),
    (
        "xls with too many sheets",
        "many.xls",
        lambda: xls(sheets=51),
        DEFAULT_LIMITS,
        "too_many_sheets",
        ("51 sheets", "50"),
    ),
    (
        "xls whose sheet records run past the stream",
        "cut.xls",
        # BOUNDSHEET: the sheet starts at byte 16; EOF of the globals; there, a BOF record
        # that claims 65,535 bytes the stream does not have.
        lambda: xls_with_workbook_stream(
            b"\x85\x00\x08\x00\x10\x00\x00\x00\x00\x00\x00\x00\x0a\x00\x00\x00\x09\x08\xff\xff"
        ),
        DEFAULT_LIMITS,
        "damaged",
        ("damaged",),
    ),
    (
        "ods locked with a password",
        "locked.ods",
        lambda: ods(
            manifest=b'<manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
            b'opendocument:xmlns:manifest:1.0"><manifest:file-entry><manifest:encryption-data/>'
            b"</manifest:file-entry></manifest:manifest>"
        ),
        DEFAULT_LIMITS,
        "encrypted",
        ("password", "LibreOffice"),
    ),
    (
        "ods with entity declarations",
        "bomb.ods",
        lambda: ods(prolog=BILLION_LAUGHS),
        DEFAULT_LIMITS,
        "unsafe_content",
        ("unsafe",),
    ),
    (
        "ods cell repeated a billion times",
        "repeat.ods",
        lambda: ods(
            rows='<table:table-row table:number-rows-repeated="1048576">'
            '<table:table-cell table:number-columns-repeated="16384" office:value-type="float" '
            'office:value="1"/></table:table-row>'
        ),
        DEFAULT_LIMITS,
        "too_far",
        ("row 1,048,576", "column 16,384"),
    ),
    (
        "ods without content",
        "empty.ods",
        lambda: make_zip(
            {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"},
            stored=frozenset({"mimetype"}),
        ),
        DEFAULT_LIMITS,
        "damaged",
        ("damaged",),
    ),
    (
        "entity declarations in a sheet",
        "sheet-bomb.xlsx",
        sheet_with_entities,
        DEFAULT_LIMITS,
        "unsafe_content",
        ("unsafe",),
    ),
    (
        "encrypted xlsx",
        "locked.xlsx",
        lambda: cfb("EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"),
        DEFAULT_LIMITS,
        "encrypted",
        ("password", "File > Info > Protect Workbook", "Encrypt with Password"),
    ),
    (
        "encrypted xlsm",
        "locked.xlsm",
        lambda: cfb("EncryptionInfo", "EncryptedPackage"),
        DEFAULT_LIMITS,
        "encrypted",
        ("password",),
    ),
    (
        "encrypted, odd name",
        "locked.bin",
        lambda: cfb("EncryptedPackage", "EncryptionInfo"),
        DEFAULT_LIMITS,
        "encrypted",
        ("password",),
    ),
    (
        "encrypted docx",
        "letter.docx",
        lambda: cfb("EncryptionInfo", "EncryptedPackage"),
        DEFAULT_LIMITS,
        "not_spreadsheet",
        ("Word",),
    ),
    (
        "doc",
        "letter.bin",
        lambda: cfb("WordDocument", "1Table"),
        DEFAULT_LIMITS,
        "not_spreadsheet",
        ("Word",),
    ),
    (
        "ppt",
        "slides.bin",
        lambda: cfb("PowerPoint Document"),
        DEFAULT_LIMITS,
        "not_spreadsheet",
        ("PowerPoint",),
    ),
    # Other zip packages
    (
        "docx",
        "letter.xlsx",
        lambda: ooxml_lookalike(
            "word/document.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        ),
        DEFAULT_LIMITS,
        "not_spreadsheet",
        ("Word document",),
    ),
    (
        "pptx",
        "slides.xlsx",
        lambda: ooxml_lookalike(
            "ppt/presentation.xml",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
        ),
        DEFAULT_LIMITS,
        "not_spreadsheet",
        ("PowerPoint",),
    ),
    # An Excel Binary Workbook is read (tests/ingest/test_xlsb_books.py); a broken one is not.
    (
        "xlsb whose index is not records",
        "binary.xlsb",
        lambda: ooxml_lookalike("xl/workbook.bin", XLSB_TYPE),
        DEFAULT_LIMITS,
        "damaged",
        (".xlsb", "damaged", "save it again"),
    ),
    (
        "xlsb cut short in its index",
        "binary.xlsb",
        lambda: edited(xlsb([BSheet("Data", [["Kenya", 3]])]), "xl/workbook.bin", b"\x9c\x01\x40"),
        DEFAULT_LIMITS,
        "damaged",
        (".xlsb",),
    ),
    (
        "xlsb without its index",
        "binary.xlsb",
        lambda: edited(xlsb([BSheet("Data", [["Kenya", 3]])]), "xl/workbook.bin", None),
        DEFAULT_LIMITS,
        "damaged",
        (".xlsb",),
    ),
    (
        "xlsb of too many sheets",
        "many.xlsb",
        lambda: xlsb([BSheet(f"S{n}", [["Kenya", n]]) for n in range(3)]),
        ReadLimits(max_sheets=2),
        "too_many_sheets",
        ("3 sheets",),
    ),
    (
        "xlsb of too many parts",
        "parts.xlsb",
        lambda: xlsb([BSheet("Data", [["Kenya", 3]])], extra={f"x/{n}": b"" for n in range(40)}),
        ReadLimits(max_zip_entries=30),
        "too_many_parts",
        ("internal parts",),
    ),
    (
        "encrypted xlsb",
        "locked.xlsb",
        lambda: cfb("EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"),
        DEFAULT_LIMITS,
        "encrypted",
        ("protected with a password", "Encrypt with Password"),
    ),
    (
        "odt",
        "text.odt",
        lambda: opendocument("text"),
        DEFAULT_LIMITS,
        "not_spreadsheet",
        ("OpenDocument text",),
    ),
    # An Apple Numbers spreadsheet is read (``test_numbers_books``); one whose archives are
    # no snappy chunks is damaged, whatever its name.
    (
        "apple numbers, damaged",
        "sheet.xlsx",
        lambda: make_zip({"Index/Document.iwa": b"\x00" * 10, "Metadata/Properties.plist": b""}),
        DEFAULT_LIMITS,
        "damaged",
        ("Apple Numbers spreadsheet", "damaged", "Export To > Excel"),
    ),
    (
        "plain zip holding a workbook",
        "bundle.zip",
        lambda: make_zip({"reports/report.xlsx": b"...", "notes.txt": b"hi"}),
        DEFAULT_LIMITS,
        "not_spreadsheet",
        ("compressed folder", "reports/report.xlsx"),
    ),
    (
        "empty zip",
        "empty.zip",
        lambda: make_zip({}),
        DEFAULT_LIMITS,
        "not_spreadsheet",
        ("compressed folder",),
    ),
    (
        "password-protected zip",
        "locked.zip",
        lambda: set_zip_encrypted_flag(make_zip({"a.txt": b"hello"})),
        DEFAULT_LIMITS,
        "encrypted",
        ("password",),
    ),
    # Zip bombs, from the central directory only
    (
        "one 50 MB entry of zeros",
        "bomb.xlsx",
        lambda: make_zip({"zeros.bin": bytes(50 * MB)}),
        DEFAULT_LIMITS,
        "compression_ratio",
        ("packed unusually tightly",),
    ),
    (
        "bomb inside a real workbook",
        "bomb.xlsx",
        lambda: edited_xlsx(replace={"xl/media/image1.png": bytes(50 * MB)}),
        DEFAULT_LIMITS,
        "compression_ratio",
        (),
    ),
    (
        "2,001 entries",
        "parts.xlsx",
        lambda: many_entries(2001),
        DEFAULT_LIMITS,
        "too_many_parts",
        ("2,001", "2,000"),
    ),
    (
        "2,001 entries behind a lying end record",
        "parts.xlsx",
        lambda: with_lying_entry_count(many_entries(2001), 1),
        DEFAULT_LIMITS,
        "too_many_parts",
        ("2,001",),
    ),
    (
        "entries over a custom limit",
        "assessment.xlsx",
        xlsx,
        ReadLimits(max_zip_entries=5),
        "too_many_parts",
        (),
    ),
    (
        "unpacked size over the limit",
        "assessment.xlsx",
        xlsx,
        ReadLimits(max_uncompressed_bytes=5000),
        "too_big_unpacked",
        ("unpacked", "5 KB"),
    ),
    # Damaged packages
    (
        "truncated xlsx",
        "cut.xlsx",
        lambda: xlsx()[: len(xlsx()) // 2],
        DEFAULT_LIMITS,
        "damaged",
        (),
    ),
    ("first 100 bytes", "cut.xlsx", lambda: xlsx()[:100], DEFAULT_LIMITS, "damaged", ("damaged",)),
    (
        "zip magic then junk",
        "x.xlsx",
        lambda: b"PK\x03\x04" + b"junk" * 50,
        DEFAULT_LIMITS,
        "damaged",
        (),
    ),
    ("bad CRC in the index", "x.xlsx", corrupt_stored_workbook, DEFAULT_LIMITS, "damaged", ()),
    (
        "declared workbook part missing",
        "x.xlsx",
        lambda: edited_xlsx(replace={"xl/workbook.xml": None}),
        DEFAULT_LIMITS,
        "damaged",
        (),
    ),
    (
        "workbook part not declared",
        "x.xlsx",
        lambda: edited_xlsx(
            edit={"[Content_Types].xml": lambda t: t.replace(XLSX_TYPE, "application/xml")}
        ),
        DEFAULT_LIMITS,
        "damaged",
        (),
    ),
    (
        "no content types at all",
        "x.xlsx",
        lambda: edited_xlsx(replace={"[Content_Types].xml": None}),
        DEFAULT_LIMITS,
        "damaged",
        (),
    ),
    (
        "index is not XML",
        "x.xlsx",
        lambda: edited_xlsx(replace={"xl/workbook.xml": b"<workbook><sheets>"}),
        DEFAULT_LIMITS,
        "damaged",
        (),
    ),
    (
        "index is not a workbook",
        "x.xlsx",
        lambda: edited_xlsx(replace={"xl/workbook.xml": b"<document/>"}),
        DEFAULT_LIMITS,
        "damaged",
        (),
    ),
    # The workbook index: sheets, variants, unsafe XML
    (
        "51 sheets",
        "many.xlsx",
        lambda: xlsx(51),
        DEFAULT_LIMITS,
        "too_many_sheets",
        ("51 sheets", "50"),
    ),
    (
        "3 sheets over a custom limit",
        "three.xlsx",
        lambda: xlsx(3),
        ReadLimits(max_sheets=2),
        "too_many_sheets",
        ("3 sheets",),
    ),
    (
        "no sheets",
        "x.xlsx",
        lambda: edited_xlsx(replace={"xl/workbook.xml": workbook_xml([])}),
        DEFAULT_LIMITS,
        "no_sheets",
        (),
    ),
    (
        "strict open xml of too many sheets",
        "strict.xlsx",
        lambda: strict(xlsx(3)),
        ReadLimits(max_sheets=2),
        "too_many_sheets",
        ("3 sheets",),
    ),
    (
        "strict open xml without sheets",
        "strict.xlsx",
        lambda: edited_xlsx(replace={"xl/workbook.xml": workbook_xml([], namespace=STRICT_NS)}),
        DEFAULT_LIMITS,
        "no_sheets",
        (),
    ),
    (
        "billion laughs in the index",
        "laughs.xlsx",
        lambda: edited_xlsx(
            replace={"xl/workbook.xml": workbook_xml(["&lol9;"], prolog=BILLION_LAUGHS)}
        ),
        DEFAULT_LIMITS,
        "unsafe_content",
        ("unsafe",),
    ),
    (
        "external entity in the index",
        "xxe.xlsx",
        lambda: edited_xlsx(replace={"xl/workbook.xml": workbook_xml(["&xxe;"], prolog=XXE)}),
        DEFAULT_LIMITS,
        "unsafe_content",
        ("unsafe",),
    ),
    (
        "bare DTD in the index",
        "dtd.xlsx",
        lambda: edited_xlsx(
            replace={"xl/workbook.xml": workbook_xml(["S"], prolog="<!DOCTYPE workbook>")}
        ),
        DEFAULT_LIMITS,
        "unsafe_content",
        (),
    ),
    (
        "billion laughs in the content types",
        "laughs.xlsx",
        lambda: edited_xlsx(
            edit={
                "[Content_Types].xml": lambda t: (
                    BILLION_LAUGHS + t.replace("<Types", "<Types a='&lol9;'")
                )
            }
        ),
        DEFAULT_LIMITS,
        "unsafe_content",
        (),
    ),
    (
        "oversized index part",
        "huge-index.xlsx",
        lambda: edited_xlsx(
            edit={"xl/workbook.xml": lambda t: t.replace("<sheets>", " " * (5 * MB) + "<sheets>")},
            stored=frozenset({"xl/workbook.xml"}),
        ),
        DEFAULT_LIMITS,
        "unsafe_content",
        ("unusually large",),
    ),
    # Recognisable non-spreadsheets
    (
        "pdf",
        "report.pdf",
        lambda: b"%PDF-1.7\n%\xe2\xe3\n1 0 obj",
        DEFAULT_LIMITS,
        "not_spreadsheet",
        ("PDF",),
    ),
    (
        "pdf named .xlsx",
        "report.xlsx",
        lambda: b"%PDF-1.4\n",
        DEFAULT_LIMITS,
        "not_spreadsheet",
        ("PDF",),
    ),
    (
        "png",
        "chart.png",
        lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        DEFAULT_LIMITS,
        "not_spreadsheet",
        ("image",),
    ),
    (
        "jpeg",
        "photo.csv",
        lambda: b"\xff\xd8\xff\xe0\x00\x10JFIF",
        DEFAULT_LIMITS,
        "not_spreadsheet",
        ("image",),
    ),
    (
        "gif",
        "a.gif",
        lambda: b"GIF89a\x01\x00\x01\x00",
        DEFAULT_LIMITS,
        "not_spreadsheet",
        ("image",),
    ),
    (
        "windows program",
        "setup.exe",
        lambda: b"MZ\x90\x00\x03\x00\x00\x00" + bytes(100),
        DEFAULT_LIMITS,
        "not_spreadsheet",
        ("program",),
    ),
    (
        "linux program",
        "run",
        lambda: b"\x7fELF\x02\x01\x01" + bytes(50),
        DEFAULT_LIMITS,
        "not_spreadsheet",
        ("program",),
    ),
    (
        "gzip",
        "a.csv.gz",
        lambda: b"\x1f\x8b\x08\x00" + bytes(20),
        DEFAULT_LIMITS,
        "not_spreadsheet",
        ("compressed",),
    ),
    (
        # A sign-in or error page saved instead of the export: nothing in it is a table
        "html without a table named .xls",
        "export.xls",
        lambda: b"<!DOCTYPE html>\n<html><body><h1>Session expired</h1></body></html>",
        DEFAULT_LIMITS,
        "not_spreadsheet",
        (".xls", "web page", "holds no table"),
    ),
    (
        "web page without a table",
        "report.html",
        lambda: b"<html><head><title>Report</title></head><body><p>No data</p></body></html>",
        DEFAULT_LIMITS,
        "not_spreadsheet",
        ("web page", "holds no table"),
    ),
    (
        "excel 2003 xml declaring entities",
        "old.xml",
        lambda: (
            b'<?xml version="1.0"?>\n<!DOCTYPE Workbook [<!ENTITY a "aaaa">]>\n'
            b'<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'
        ),
        DEFAULT_LIMITS,
        "unsafe_content",
        ("unsafe content", "It was not opened"),
    ),
    (
        # Read as the .ods it is (tests/ingest/test_flat_ods.py), and so refused as one
        "libreoffice flat xml spreadsheet without a sheet",
        "assessment.fods",
        lambda: (
            b'<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office='
            b'"urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.3" '
            b'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
            b"<office:body><office:spreadsheet/></office:body></office:document>"
        ),
        DEFAULT_LIMITS,
        "no_sheets",
        ("no sheets", "LibreOffice, choose File > Save As"),
    ),
    (
        "other xml",
        "data.xml",
        lambda: b'<?xml version="1.0"?><data/>',
        DEFAULT_LIMITS,
        "not_spreadsheet",
        ("XML",),
    ),
    (
        "rtf",
        "notes.rtf",
        lambda: rb"{\rtf1\ansi Hello}",
        DEFAULT_LIMITS,
        "not_spreadsheet",
        ("RTF",),
    ),
    # Text that is not a text table
    ("NUL bytes", "a.csv", lambda: b"a,b\n1,\x002\n", DEFAULT_LIMITS, "not_text", ("text table",)),
    ("binary, unknown extension", "blob.bin", deterministic_binary, DEFAULT_LIMITS, "not_text", ()),
    (
        "mostly control characters",
        "a.csv",
        lambda: bytes(range(1, 9)) * 200 + b"a,b\n",
        DEFAULT_LIMITS,
        "not_text",
        ("readable",),
    ),
    (
        "no code page gives words",
        "a.csv",
        # Mostly undefined in the Windows code pages, Cyrillic capitals then box drawing in
        # DOS 866 ("БНПРЭШ░▒█"), Mac Roman's "Åçèêùò∞±€": a word in none.
        lambda: b"a,b\n\x81\x8d\x8f\x90\x9d\x98\xb0\xb1\xdb,1\n",
        DEFAULT_LIMITS,
        "not_text",
        ("encoding",),
    ),
    (
        "utf-16 holding binary",
        "unicode.txt",
        lambda: CSV_TEXT.encode("utf-16") + "\x00\x01\x02".encode("utf-16-le") * 50,
        DEFAULT_LIMITS,
        "not_text",
        ("binary",),
    ),
    (
        "utf-16 cut in the middle of a character",
        "unicode.txt",
        lambda: CSV_TEXT.encode("utf-16")[:-1],
        DEFAULT_LIMITS,
        "damaged",
        ("Unicode Text", "CSV UTF-8"),
    ),
    (
        "utf-16 web page without a table",
        "unicode.xls",
        lambda: "<html><body><p>Nothing here</p></body></html>".encode("utf-16"),
        DEFAULT_LIMITS,
        "not_spreadsheet",
        ("web page", "holds no table"),
    ),
]


@pytest.mark.parametrize(
    ("name", "factory", "limits", "kind", "words"),
    [case[1:] for case in REJECTED],
    ids=[case[0] for case in REJECTED],
)
def test_rejected(
    name: str,
    factory: Callable[[], bytes],
    limits: ReadLimits,
    kind: str,
    words: tuple[str, ...],
) -> None:
    with pytest.raises(FileRejected) as caught:
        check_upload(name, factory(), limits)
    rejection = caught.value
    assert rejection.kind == kind, rejection.message
    text = f"{rejection.message} {rejection.fix}"
    for word in words:
        assert word.lower() in text.lower(), f"{word!r} missing from: {text}"
    # Plain words for an analyst: something to read and something to do, no internals.
    assert rejection.message.strip()
    assert rejection.fix.strip()
    for jargon in ("OLE", "CFB", "central directory", "Traceback", "Error", "DTD", "entity "):
        assert jargon not in text, f"{jargon!r} in: {text}"
    assert name not in rejection.message, "the caller shows the file name, not the message"


def test_rejection_is_a_plain_exception_that_survives_pickling() -> None:
    rejection = FileRejected("What is wrong.", "What to do.", kind="empty")
    assert (rejection.message, rejection.fix, rejection.kind) == (
        "What is wrong.",
        "What to do.",
        "empty",
    )
    assert str(rejection) == "What is wrong. What to do."
    copy = pickle.loads(pickle.dumps(rejection))  # noqa: S301 - our own object, round trip
    assert (copy.message, copy.fix, copy.kind) == ("What is wrong.", "What to do.", "empty")
    assert FileRejected("m", "f").kind == "other"


def test_check_upload_does_not_modify_its_input() -> None:
    data = bytearray(xlsx())
    before = bytes(data)
    assert check_upload("a.xlsx", bytes(data)) == "xlsx"
    assert bytes(data) == before


# ---------------------------------------------------------------------------------------------
# The rest of the workbook is parsed by openpyxl: it must parse through defusedxml too


def test_openpyxl_parses_xml_through_defusedxml() -> None:
    assert openpyxl.xml.DEFUSEDXML is True
    assert openpyxl_uses_defusedxml() is True
    # Sheets and shared strings are read with iterparse, the rest with fromstring.
    assert openpyxl.xml.functions.iterparse is defusedxml.ElementTree.iterparse
    if not openpyxl.xml.LXML:
        assert openpyxl.xml.functions.fromstring is defusedxml.ElementTree.fromstring


def test_guard_imports_neither_streamlit_nor_openpyxl() -> None:
    code = (
        "import sys, components.ingest.file_guard; "
        "print(sorted(m for m in ('streamlit', 'openpyxl') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
