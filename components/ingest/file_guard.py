"""The gate in front of every parser: decide from the raw bytes whether an upload may be parsed.

Uploaded files are hostile until proven otherwise (see "The workbook contract" in the design).
``check_upload`` looks only at cheap, bounded things (magic bytes, the zip central directory,
one small XML part read through ``defusedxml``) and either names the format the reader should
use, ``"xlsx"`` or ``"csv"``, or raises ``FileRejected`` with a plain-words message and a fix an
NGO analyst can act on. It never extracts a whole archive and never parses a sheet: limits on
rows and columns are the reader's job (``ReadLimits.max_rows_per_sheet``, ``max_columns``).

The content decides, not the extension: people rename files, and some systems export "Excel"
files that are really web pages or CSV text. A real workbook named ``.csv`` is read as a
workbook; a CSV named ``.xls`` is read as CSV.

What the guard relies on from the rest of the stack, so that parts it does not read are safe:

* ``zipfile`` reads a member at most up to the uncompressed size declared in the central
  directory (``ZipExtFile`` truncates to it and then fails the CRC check), so the size and
  ratio limits checked here also bound what openpyxl can inflate later.
* openpyxl parses every XML part through ``defusedxml`` when it is installed
  (``openpyxl.xml.DEFUSEDXML``); ``openpyxl_uses_defusedxml`` reports whether that holds.
* The reader opens workbooks with ``keep_vba=False`` and ``keep_links=False``: macros are never
  run and external links are never followed, which is why ``.xlsm`` is accepted.
"""

from __future__ import annotations

import io
import logging
import math
import os
import re
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Literal

import defusedxml
import defusedxml.ElementTree as SafeET

if TYPE_CHECKING:
    # Only the type: every parse in this module goes through defusedxml.
    from xml.etree.ElementTree import Element

_LOG = logging.getLogger(__name__)

MB = 1024 * 1024

#: Environment variables read by ``limits_from_env``.
ENV_MAX_UPLOAD_MB = "MNR_MAX_UPLOAD_MB"
ENV_MAX_ROWS_PER_SHEET = "MNR_MAX_ROWS_PER_SHEET"

# A genuine workbook index (``xl/workbook.xml``) is a few kilobytes even with hundreds of
# defined names; anything near this size is not something Excel wrote for a survey.
_MAX_INDEX_PART_BYTES = 4 * MB
# OpenDocument's "mimetype" member is one short line; a big one is not OpenDocument's.
_MAX_MIMETYPE_BYTES = 1024
# A compressed member must both expand a lot *and* be big before its ratio counts as a bomb:
# tiny parts (styles, empty sheets) routinely compress 100x and are harmless.
_RATIO_MIN_UNCOMPRESSED_BYTES = 1 * MB
# Share of control characters above which decoded "text" is really binary. Real tables have
# next to none; random binary decoded as cp1252 has about one in ten.
_MAX_CONTROL_CHAR_SHARE = 0.05
_TEXT_SAMPLE_CHARS = 256 * 1024
# When an operator raises the upload limit, the expansion limit follows so that a larger, real
# workbook is not refused for unpacking to ordinary xlsx proportions (about 10x).
_UNCOMPRESSED_PER_UPLOAD_BYTE = 10

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_ZIP_EOCD = b"PK\x05\x06"
_ZIP_EOCD_SIZE = 22
_ZIP_MAX_COMMENT = 0xFFFF
_ZIP_FLAG_ENCRYPTED = 0x1


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


# Stream names in a compound file (CFB) directory are stored as UTF-16LE. Searching the bytes
# for them is enough to tell the few CFB kinds people upload apart without parsing the FAT.
# Encrypted OOXML (any "Encrypt with Password" .xlsx/.docx/.pptx) always has both streams.
_CFB_ENCRYPTED_MARKERS = (_utf16("EncryptionInfo"), _utf16("EncryptedPackage"))
_CFB_WORD_MARKER = _utf16("WordDocument")
_CFB_POWERPOINT_MARKER = _utf16("PowerPoint Document")

# The workbook content types openpyxl looks for, in its own order (openpyxl.reader.excel).
_WORKBOOK_CONTENT_TYPES = (
    "application/vnd.ms-excel.template.macroEnabled.main+xml",  # .xltm
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",  # .xltx
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",  # .xlsm
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",  # .xlsx
)
_XLSB_CONTENT_TYPE = "application/vnd.ms-excel.sheet.binary.macroEnabled.main"
_DEFAULT_WORKBOOK_PART = "xl/workbook.xml"
_CONTENT_TYPES_PART = "[Content_Types].xml"
_STRICT_SPREADSHEET_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main"
_ODF_MIMETYPE_PREFIX = "application/vnd.oasis.opendocument."

_WORD_EXTENSIONS = frozenset({"doc", "docx", "docm", "dot", "dotx", "odt", "rtf"})
_POWERPOINT_EXTENSIONS = frozenset({"ppt", "pptx", "pptm", "pps", "ppsx", "odp"})

# Errors zipfile and its decompressors raise on damaged or unsupported archives. Listed, not
# caught broadly, so that a genuine bug in this module still surfaces as a bug.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    IndexError,
    KeyError,
)

_ANY_WHITESPACE = re.compile(rb"(?:\xef\xbb\xbf)?[ \t\r\n\f\v]*")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

_FIX_UPLOAD_SPREADSHEET = (
    "Upload the assessment as an Excel workbook (.xlsx) or a CSV file. "
    "You can download the template from this page and fill it in."
)
_FIX_SAVE_AS_XLSX = (
    "Open it in Excel, choose File > Save As, pick “Excel Workbook (*.xlsx)”, "
    "and upload the new file."
)
_FIX_RESAVE = (
    "Open the file in Excel to check it, save it again as an Excel Workbook (.xlsx), and "
    "upload the new copy. If the upload was interrupted, simply try again."
)
_FIX_SHRINK = (
    "If this is a real workbook, delete sheets, pictures and large empty formatted areas you "
    "do not need (or copy just the data into a new workbook), save, and upload again. "
    "You can also split the assessments into several smaller files."
)
_FIX_CSV_TEXT = (
    "Open it in Excel and save it as “CSV UTF-8 (Comma delimited) (*.csv)” or as an Excel "
    "Workbook (.xlsx), then upload that file."
)

# (leading bytes, what the file is, how to fix it) for formats that are never a table.
_BINARY_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (
        b"%PDF-",
        "a PDF document",
        "The dashboard cannot read tables inside a PDF. Copy the table into Excel (or into "
        "the template from this page), save it as .xlsx, and upload that file.",
    ),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", _FIX_UPLOAD_SPREADSHEET),
    (b"\xff\xd8\xff", "a JPEG image (photo)", _FIX_UPLOAD_SPREADSHEET),
    (b"GIF87a", "a GIF image", _FIX_UPLOAD_SPREADSHEET),
    (b"GIF89a", "a GIF image", _FIX_UPLOAD_SPREADSHEET),
    (b"II*\x00", "a TIFF image", _FIX_UPLOAD_SPREADSHEET),
    (b"MM\x00*", "a TIFF image", _FIX_UPLOAD_SPREADSHEET),
    (b"\x7fELF", "a program", _FIX_UPLOAD_SPREADSHEET),
    (b"\xcf\xfa\xed\xfe", "a program", _FIX_UPLOAD_SPREADSHEET),
    (b"\xfe\xed\xfa\xcf", "a program", _FIX_UPLOAD_SPREADSHEET),
    (b"\xca\xfe\xba\xbe", "a program", _FIX_UPLOAD_SPREADSHEET),
    (b"\x1f\x8b", "a compressed archive (.gz)", "Unpack it and upload the spreadsheet inside."),
    (b"7z\xbc\xaf\x27\x1c", "a compressed archive (.7z)", "Unpack it and upload the file inside."),
    (b"Rar!\x1a\x07", "a compressed archive (.rar)", "Unpack it and upload the file inside."),
    (b"\xfd7zXZ\x00", "a compressed archive (.xz)", "Unpack it and upload the file inside."),
    (b"SQLite format 3\x00", "a database file", _FIX_UPLOAD_SPREADSHEET),
    (
        b"{\\rtf",
        "a word-processor document (RTF)",
        "Put the assessment in an Excel workbook or a CSV file (the template on this page is a "
        "good start) and upload that.",
    ),
)

_HTML_STARTS = ("<!doctype html", "<html", "<table", "<head", "<body", "<meta")
_EXCEL_2003_XML_NS = "urn:schemas-microsoft-com:office:spreadsheet"


@dataclass(frozen=True)
class ReadLimits:
    """How much an upload may cost before anything parses it.

    The guard enforces the byte, archive and sheet-count limits; the reader enforces rows and
    columns because only it sees them. Every limit must be positive.
    """

    max_file_bytes: int = 20 * MB
    max_uncompressed_bytes: int = 200 * MB
    max_zip_entries: int = 2000
    max_compression_ratio: float = 200.0
    max_rows_per_sheet: int = 5000  # enforced by the reader, not by the guard
    max_columns: int = 300  # enforced by the reader
    max_sheets: int = 50  # checked by the guard from xl/workbook.xml

    def __post_init__(self) -> None:
        # A zero or negative limit is a configuration mistake that would reject every file (or,
        # for the ratio, none); say so at start-up rather than in front of an analyst.
        for field in fields(self):
            value = getattr(self, field.name)
            if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
                msg = f"ReadLimits.{field.name} must be a positive number, got {value!r}"
                raise ValueError(msg)


DEFAULT_LIMITS = ReadLimits()


class FileRejected(Exception):  # noqa: N818 - the name is part of the agreed interface
    """An upload that must not be parsed, with what is wrong and how to fix it, in plain words.

    ``message`` says what is wrong and ``fix`` what to do; neither repeats the file name (the
    caller shows it) and neither contains text taken from the file. ``kind`` is a stable,
    machine-readable label for logs and tests (see ``check_upload`` for the values); code that
    raises ``FileRejected`` for its own reasons may leave it as ``"other"``.
    """

    def __init__(self, message: str, fix: str, *, kind: str = "other") -> None:
        # Both strings go into ``args`` so that the exception pickles and copies faithfully.
        super().__init__(message, fix)
        self.message = message
        self.fix = fix
        self.kind = kind

    def __str__(self) -> str:
        return f"{self.message} {self.fix}"


def check_upload(
    name: str, data: bytes, limits: ReadLimits = DEFAULT_LIMITS
) -> Literal["xlsx", "csv"]:
    """Decide, BEFORE any parser touches the bytes, whether the file may be parsed and as what.

    Returns ``"xlsx"`` for an Excel workbook (.xlsx, .xlsm, .xltx, .xltm, whatever its name) and
    ``"csv"`` for a text table (comma, semicolon or tab separated; UTF-8 or Windows-1252).
    Raises ``FileRejected`` otherwise, with one of these ``kind`` values:

    ``empty``, ``too_large``, ``legacy_xls``, ``encrypted``, ``unsupported_spreadsheet`` (.ods,
    .xlsb, Strict Open XML, Excel 2003 XML, Apple Numbers, UTF-16 text), ``not_spreadsheet``
    (Word, PowerPoint, PDF, images, web pages, programs, other archives), ``damaged``,
    ``too_many_parts``, ``too_big_unpacked``, ``compression_ratio``, ``too_many_sheets``,
    ``no_sheets``, ``unsafe_content``, ``not_text``.

    ``name`` is used only for its extension, to word a message well (an encrypted ``.xlsx``
    versus an encrypted Word file); the bytes decide the outcome.
    """
    extension = _extension(name)
    if not data:
        raise _empty()
    if len(data) > limits.max_file_bytes:
        size, limit = _size_and_limit(len(data), limits.max_file_bytes)
        raise FileRejected(
            f"This file is {size}; the largest file the dashboard accepts is {limit}.",
            "Remove what the assessment does not need (extra sheets, pictures, large empty "
            "formatted areas), or split the assessments into several smaller files, and "
            "upload again.",
            kind="too_large",
        )
    if _ANY_WHITESPACE.fullmatch(data):
        raise _empty()
    if data.startswith(_CFB_MAGIC):
        raise _reject_compound_file(data, extension)
    if data.startswith(_ZIP_MAGICS):
        return _check_zip(data, limits)
    _reject_known_binary(data)
    return _check_text(data)


def limits_from_env(environ: Mapping[str, str] | None = None) -> ReadLimits:
    """Limits with optional overrides from the environment (``os.environ`` by default).

    * ``MNR_MAX_UPLOAD_MB``: largest upload in megabytes (MiB), a positive number such as
      ``20`` or ``7.5``. Raising it above the default also raises the unpacked-size limit to
      ten times the upload limit, so a larger real workbook is not then refused for expanding.
    * ``MNR_MAX_ROWS_PER_SHEET``: a positive whole number.

    A missing or blank value means the default. An invalid one (not a number, zero, negative,
    infinite, a fraction of a row) also falls back to the default, and logs a warning: a typo in
    deployment settings must not take the upload page down, nor pass unnoticed.
    """
    env = os.environ if environ is None else environ
    defaults = DEFAULT_LIMITS

    max_file_bytes = defaults.max_file_bytes
    upload_mb = _positive_number(env, ENV_MAX_UPLOAD_MB)
    if upload_mb is not None:
        max_file_bytes = max(1, int(upload_mb * MB))

    max_rows = defaults.max_rows_per_sheet
    rows = _positive_number(env, ENV_MAX_ROWS_PER_SHEET, whole=True)
    if rows is not None:
        max_rows = int(rows)

    max_uncompressed = max(
        defaults.max_uncompressed_bytes, max_file_bytes * _UNCOMPRESSED_PER_UPLOAD_BYTE
    )
    return ReadLimits(
        max_file_bytes=max_file_bytes,
        max_uncompressed_bytes=max_uncompressed,
        max_rows_per_sheet=max_rows,
    )


def openpyxl_uses_defusedxml() -> bool:
    """Whether openpyxl parses workbook XML through defusedxml in this process.

    openpyxl switches to defusedxml when it is importable, unless ``OPENPYXL_DEFUSEDXML`` is set
    to something other than ``"True"``. The guard parses only the workbook index itself; this is
    what keeps the reader's parse of every other part safe, so the app can assert it at start-up.
    Imported lazily: the guard itself does not need openpyxl.
    """
    import openpyxl.xml  # noqa: PLC0415 - keep the guard importable without loading openpyxl
    import openpyxl.xml.functions  # noqa: PLC0415

    from_defusedxml = openpyxl.xml.functions.iterparse is SafeET.iterparse
    return bool(openpyxl.xml.DEFUSEDXML) and from_defusedxml


# --------------------------------------------------------------------------------------------
# Compound files (old Office formats and password-protected new ones)


def _reject_compound_file(data: bytes, extension: str) -> FileRejected:
    if any(marker in data for marker in _CFB_ENCRYPTED_MARKERS):
        if extension in _WORD_EXTENSIONS or extension in _POWERPOINT_EXTENSIONS:
            return _not_spreadsheet("a password-protected Word or PowerPoint file")
        what = (
            "This workbook is protected with a password"
            if extension in {"xlsx", "xlsm", "xltx", "xltm", "xlsb", "xls", ""}
            else "This file is locked with a password (it looks like a protected Excel file)"
        )
        return FileRejected(
            f"{what}, so the dashboard cannot open it.",
            "Open it in Excel, go to File > Info > Protect Workbook > Encrypt with Password, "
            "delete the password and press OK, save, and upload the file again. "
            "(A password that only protects sheets from editing is fine; this is the one "
            "asked for when the file is opened.)",
            kind="encrypted",
        )
    if _CFB_WORD_MARKER in data or extension in _WORD_EXTENSIONS:
        return _not_spreadsheet("an older Word document (.doc)")
    if _CFB_POWERPOINT_MARKER in data or extension in _POWERPOINT_EXTENSIONS:
        return _not_spreadsheet("an older PowerPoint file (.ppt)")
    return FileRejected(
        "This is an old-style Excel file (Excel 97-2003, .xls), which the dashboard cannot "
        "read safely.",
        _FIX_SAVE_AS_XLSX,
        kind="legacy_xls",
    )


# --------------------------------------------------------------------------------------------
# Zip packages: xlsx and its look-alikes


def _check_zip(data: bytes, limits: ReadLimits) -> Literal["xlsx"]:
    _precheck_entry_count(data, limits)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS:
        raise _damaged() from None
    with archive:
        infos = archive.infolist()
        _check_expansion(infos, limits)
        if any(info.flag_bits & _ZIP_FLAG_ENCRYPTED for info in infos):
            raise FileRejected(
                "This file is locked with a password, so the dashboard cannot open it.",
                "Remove the password (or unpack the file without one) and upload again.",
                kind="encrypted",
            )
        members = {info.filename: info for info in infos}
        workbook_part = _classify_package(archive, members)
        _check_workbook_index(archive, members[workbook_part], limits)
    return "xlsx"


def _precheck_entry_count(data: bytes, limits: ReadLimits) -> None:
    """Refuse a huge entry count from the end-of-archive record, before zipfile lists them.

    Listing is cheap per entry, but a 20 MB archive can hold some 400,000 empty entries; the
    record states the count in two bytes we can read first. Zip64 archives store 0xFFFF here
    and are counted after listing instead.
    """
    start = data.rfind(_ZIP_EOCD, max(0, len(data) - _ZIP_EOCD_SIZE - _ZIP_MAX_COMMENT))
    if start < 0 or len(data) < start + _ZIP_EOCD_SIZE:
        return  # no usable record: zipfile will call it damaged
    declared = int.from_bytes(data[start + 10 : start + 12], "little")
    if declared != 0xFFFF:
        _check_entry_count(declared, limits)


def _check_entry_count(count: int, limits: ReadLimits) -> None:
    if count > limits.max_zip_entries:
        raise FileRejected(
            f"This file is made of {count:,} internal parts (an Excel file is a package of "
            f"parts, usually a few dozen); the dashboard accepts at most "
            f"{limits.max_zip_entries:,}, so it was not opened, for safety.",
            _FIX_SHRINK,
            kind="too_many_parts",
        )


def _check_expansion(infos: list[zipfile.ZipInfo], limits: ReadLimits) -> None:
    """Zip-bomb defences from the central directory alone: nothing is decompressed here."""
    _check_entry_count(len(infos), limits)
    total = sum(info.file_size for info in infos)
    if total > limits.max_uncompressed_bytes:
        size, limit = _size_and_limit(total, limits.max_uncompressed_bytes)
        raise FileRejected(
            f"Once unpacked, this file would take {size}, more than the {limit} the dashboard "
            "allows (an Excel file is stored compressed), so it was not opened, for safety.",
            _FIX_SHRINK,
            kind="too_big_unpacked",
        )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_MIN_UNCOMPRESSED_BYTES and ratio > limits.max_compression_ratio:
            raise FileRejected(
                f"Part of this file is packed unusually tightly: it expands {ratio:,.0f} times "
                f"when opened (the limit is {limits.max_compression_ratio:,.0f}). Harmful files "
                "use this trick, so it was not opened, for safety.",
                _FIX_SHRINK,
                kind="compression_ratio",
            )


def _classify_package(archive: zipfile.ZipFile, members: Mapping[str, zipfile.ZipInfo]) -> str:
    """Return the workbook part's name if the package is a workbook openpyxl can read.

    Otherwise raise, naming what the package looks like. The workbook part is found the way
    openpyxl finds it (a content-type override, else a default), so "accepted here" means
    "openpyxl will find the workbook" and not just "a file called xl/workbook.xml exists".
    """
    mimetype = members.get("mimetype")
    if mimetype is not None and mimetype.file_size <= _MAX_MIMETYPE_BYTES:
        _reject_opendocument(_read_part(archive, mimetype, _MAX_MIMETYPE_BYTES))
    if _CONTENT_TYPES_PART in members:
        content_types = _parse_xml(_read_part(archive, members[_CONTENT_TYPES_PART]))
        overrides, defaults = _content_types(content_types)
        part = _find_workbook_part(overrides, defaults)
        if part is not None:
            if part not in members:
                raise _damaged()
            return part
        types = set(overrides.values()) | set(defaults)
        if _XLSB_CONTENT_TYPE in types or "xl/workbook.bin" in members:
            raise FileRejected(
                "This is an Excel Binary Workbook (.xlsb), a format the dashboard cannot read.",
                _FIX_SAVE_AS_XLSX,
                kind="unsupported_spreadsheet",
            )
        if any("wordprocessingml" in t for t in types) or "word/document.xml" in members:
            raise _not_spreadsheet("a Word document")
        if any("presentationml" in t for t in types) or "ppt/presentation.xml" in members:
            raise _not_spreadsheet("a PowerPoint presentation")
        if _DEFAULT_WORKBOOK_PART not in members:
            raise _not_spreadsheet("an Office file of a kind that is not a spreadsheet")
    if _DEFAULT_WORKBOOK_PART in members:
        # A workbook part that the package does not declare (or no declarations at all):
        # openpyxl would refuse it too, and Excel never writes one, so it is a broken file.
        raise _damaged()
    if any(name.startswith("Index/") and name.endswith(".iwa") for name in members):
        raise FileRejected(
            "This is an Apple Numbers spreadsheet, a format the dashboard cannot read.",
            "In Numbers, choose File > Export To > Excel, and upload the .xlsx file it makes.",
            kind="unsupported_spreadsheet",
        )
    inside = [n for n in members if n.lower().endswith((".xlsx", ".xlsm", ".csv"))][:3]
    fix = "Unpack it and upload the spreadsheet inside"
    fix += f" ({', '.join(inside)})." if inside else "."
    raise FileRejected(
        "This is a compressed folder (.zip), not a spreadsheet.", fix, kind="not_spreadsheet"
    )


def _reject_opendocument(raw: bytes) -> None:
    mimetype = raw.decode("ascii", errors="replace").strip()
    if not mimetype.startswith(_ODF_MIMETYPE_PREFIX):
        return
    if mimetype.startswith(_ODF_MIMETYPE_PREFIX + "spreadsheet"):
        raise FileRejected(
            "This is an OpenDocument spreadsheet (.ods, from LibreOffice or OpenOffice), a "
            "format the dashboard cannot read.",
            "In LibreOffice, choose File > Save As, pick “Excel 2007-365 (.xlsx)” as the file "
            "type, and upload that file.",
            kind="unsupported_spreadsheet",
        )
    if mimetype.startswith(_ODF_MIMETYPE_PREFIX + "text"):
        raise _not_spreadsheet("an OpenDocument text document (.odt)")
    if mimetype.startswith(_ODF_MIMETYPE_PREFIX + "presentation"):
        raise _not_spreadsheet("an OpenDocument presentation (.odp)")
    raise _not_spreadsheet("an OpenDocument file that is not a spreadsheet")


def _content_types(root: Element) -> tuple[dict[str, str], dict[str, str]]:
    """({part name without leading slash: type}, {extension: type}) from [Content_Types].xml."""
    overrides: dict[str, str] = {}
    defaults: dict[str, str] = {}
    for element in root:
        tag = _local_name(element.tag)
        content_type = element.get("ContentType", "")
        if tag == "Override":
            overrides[element.get("PartName", "").lstrip("/")] = content_type
        elif tag == "Default":
            defaults[content_type] = element.get("Extension", "")
    return overrides, defaults


def _find_workbook_part(overrides: Mapping[str, str], defaults: Mapping[str, str]) -> str | None:
    for content_type in _WORKBOOK_CONTENT_TYPES:
        for part, declared in overrides.items():
            if declared == content_type:
                return part
    # Some writers make the workbook type the default for .xml; openpyxl then assumes the
    # conventional part name, and so do we.
    if any(content_type in defaults for content_type in _WORKBOOK_CONTENT_TYPES):
        return _DEFAULT_WORKBOOK_PART
    return None


def _check_workbook_index(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: ReadLimits
) -> None:
    """Parse the workbook index safely and count its sheets."""
    root = _parse_xml(_read_part(archive, info))
    namespace = root.tag[1:].partition("}")[0] if root.tag.startswith("{") else ""
    if namespace == _STRICT_SPREADSHEET_NS:
        raise FileRejected(
            "This workbook was saved as “Strict Open XML Spreadsheet”, a variant of .xlsx the "
            "dashboard cannot read.",
            _FIX_SAVE_AS_XLSX,
            kind="unsupported_spreadsheet",
        )
    if _local_name(root.tag) != "workbook":
        raise _damaged()
    sheets = [
        sheet
        for child in root
        if _local_name(child.tag) == "sheets"
        for sheet in child
        if _local_name(sheet.tag) == "sheet"
    ]
    if not sheets:
        raise FileRejected(
            "This workbook has no sheets, so there is nothing to read.",
            _FIX_RESAVE,
            kind="no_sheets",
        )
    if len(sheets) > limits.max_sheets:
        raise FileRejected(
            f"This workbook has {len(sheets):,} sheets; the dashboard reads at most "
            f"{limits.max_sheets:,} from one file.",
            f"Delete sheets you do not need, or split the assessments into several workbooks "
            f"of at most {limits.max_sheets:,} sheets each, and upload them one by one.",
            kind="too_many_sheets",
        )


def _read_part(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int = _MAX_INDEX_PART_BYTES
) -> bytes:
    """One member's bytes, never more than ``cap``, whatever its header claims."""
    if info.file_size > cap:
        raise _unsafe("one of its internal index parts is unusually large")
    try:
        with archive.open(info) as member:
            raw = member.read(cap + 1)
    except _ZIP_ERRORS:
        raise _damaged() from None
    if len(raw) > cap:
        raise _unsafe("one of its internal index parts is unusually large")
    return raw


def _parse_xml(raw: bytes) -> Element:
    """Parse with defusedxml, refusing any DTD: Excel never writes one, attacks always do."""
    try:
        return SafeET.fromstring(raw, forbid_dtd=True)
    except defusedxml.DefusedXmlException:
        raise _unsafe(
            "it carries hidden instructions (XML declarations) that Excel never writes and "
            "that are used to attack web services"
        ) from None
    except SafeET.ParseError:
        raise _damaged() from None


def _local_name(tag: str) -> str:
    return tag.rpartition("}")[2]


# --------------------------------------------------------------------------------------------
# Everything else: recognisable binaries, and text tables


def _reject_known_binary(data: bytes) -> None:
    head = data[:64]
    for prefix, what, fix in _BINARY_SIGNATURES:
        if head.startswith(prefix):
            raise _not_spreadsheet(what, fix)
    # "MZ" alone could start a CSV cell; a Windows program's header always has NUL bytes.
    if head.startswith(b"MZ") and b"\x00" in head:
        raise _not_spreadsheet("a Windows program")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        raise _not_spreadsheet("a WebP image")


def _check_text(data: bytes) -> Literal["csv"]:
    if data.startswith(_UTF16_BOMS) or _looks_like_utf16(data):
        raise FileRejected(
            "This text file is saved as “Unicode Text” (UTF-16), which the dashboard cannot read.",
            _FIX_CSV_TEXT,
            kind="unsupported_spreadsheet",
        )
    if b"\x00" in data:
        raise _not_text("it contains binary data")
    text = _decode(data)
    if text is None:
        raise _not_text(
            "its characters are in an encoding the dashboard does not know", _FIX_CSV_TEXT
        )
    sample = text[:_TEXT_SAMPLE_CHARS]
    if len(_CONTROL_CHARS.findall(sample)) > _MAX_CONTROL_CHAR_SHARE * len(sample):
        raise _not_text("most of it is not readable text")
    _reject_markup(sample.lstrip("\ufeff \t\r\n").lower())
    return "csv"


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: NUL in nearly every other byte, on one side only."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return False
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return (odd > 0.4 * pairs and even < 0.05 * pairs) or (
        even > 0.4 * pairs and odd < 0.05 * pairs
    )


def _decode(data: bytes) -> str | None:
    """The text, trying the encodings the reader tries (UTF-8 covers UTF-8 with a BOM)."""
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _reject_markup(head: str) -> None:
    if head.startswith("<?xml"):
        if _EXCEL_2003_XML_NS in head:
            raise FileRejected(
                "This is an “XML Spreadsheet 2003” file, an old Excel format the dashboard "
                "cannot read.",
                _FIX_SAVE_AS_XLSX,
                kind="unsupported_spreadsheet",
            )
        if "<html" not in head:
            raise _not_spreadsheet("an XML data file", _FIX_SAVE_AS_XLSX)
        raise _web_page()
    if head.startswith(_HTML_STARTS):
        raise _web_page()


# --------------------------------------------------------------------------------------------
# Messages used in several places


def _empty() -> FileRejected:
    return FileRejected(
        "This file is empty.",
        "Check that you picked the right file and that it was saved with its data, then upload "
        "it again.",
        kind="empty",
    )


def _damaged() -> FileRejected:
    return FileRejected(
        "This file seems to be damaged or incomplete, so it could not be opened as a workbook.",
        _FIX_RESAVE,
        kind="damaged",
    )


def _unsafe(why: str) -> FileRejected:
    return FileRejected(
        f"This file contains unsafe content: {why}. It was not opened.",
        "Copy the data into a new workbook (or into the template from this page), save it as "
        ".xlsx, and upload that file.",
        kind="unsafe_content",
    )


def _not_spreadsheet(what: str, fix: str = _FIX_UPLOAD_SPREADSHEET) -> FileRejected:
    return FileRejected(f"This file is {what}, not a spreadsheet.", fix, kind="not_spreadsheet")


def _web_page() -> FileRejected:
    return FileRejected(
        "This file is a web page (HTML), not a spreadsheet. Some systems export web pages "
        "with an Excel-like name.",
        _FIX_SAVE_AS_XLSX,
        kind="not_spreadsheet",
    )


def _not_text(why: str, fix: str = _FIX_UPLOAD_SPREADSHEET) -> FileRejected:
    return FileRejected(
        f"This file is not a spreadsheet or a text table: {why}.", fix, kind="not_text"
    )


# --------------------------------------------------------------------------------------------
# Small helpers


def _extension(name: str) -> str:
    """Lower-case extension without the dot; "" when there is none. Handles either slash."""
    base = name.replace("\\", "/").rpartition("/")[2]
    stem, dot, extension = base.rpartition(".")
    return extension.lower().strip() if dot and stem else ""


def _size_text(size: float, *, round_up: bool = False) -> str:
    """Sizes as people read them: "23.4 MB", "600 KB", "900 bytes"."""
    if size < 1024:
        count = math.ceil(size)
        return f"{count:,} byte" + ("" if count == 1 else "s")
    unit, scale = ("KB", 1024) if size < MB // 10 else ("MB", MB)
    steps = 1 if unit == "KB" else 10  # whole kilobytes, tenths of a megabyte
    scaled = size * steps / scale
    rounded = math.ceil(scaled) if round_up else math.floor(scaled + 0.5)
    text = f"{rounded / steps:,.1f}" if steps > 1 else f"{rounded:,}"
    return text.removesuffix(".0") + " " + unit


def _size_and_limit(size: int, limit: int) -> tuple[str, str]:
    """Both sizes for an "is over the limit" message, never reading as equal.

    Rounding alone could print "20 MB; the limit is 20 MB" for a file a few bytes over; the
    file's size is then rounded up instead.
    """
    size_text, limit_text = _size_text(size), _size_text(limit)
    if size_text == limit_text:
        size_text = _size_text(size, round_up=True)
    if size_text == limit_text:
        size_text = f"{size:,} bytes"
        limit_text = f"{limit:,} bytes"
    return size_text, limit_text


def _positive_number(env: Mapping[str, str], key: str, *, whole: bool = False) -> float | None:
    raw = env.get(key)
    if raw is None or not raw.strip():
        return None
    try:
        value = float(int(raw)) if whole else float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value <= 0:
        _LOG.warning("Ignoring %s=%r: expected a positive number; using the default.", key, raw)
        return None
    return value
