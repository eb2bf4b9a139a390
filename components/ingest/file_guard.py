"""The gate in front of every parser: decide from the raw bytes whether an upload may be parsed.

Uploaded files are hostile until proven otherwise (see "The workbook contract" in the design).
``check_upload`` looks only at cheap, bounded things (magic bytes, the zip central directory,
one small XML part read through ``defusedxml``) and either names the format the reader should
use (``"xlsx"``, ``"csv"``, …), or raises ``FileRejected`` with a plain-words message and a fix an
NGO analyst can act on. It never extracts a whole archive and never parses a sheet: limits on
rows and columns are the reader's job (``ReadLimits.max_rows_per_sheet``, ``max_columns``).

Here: the order of the checks, old Office files, recognisable binaries and text tables (old
spreadsheets' binaries, read or refused by name, in ``old_formats``). Zip
packages (xlsx and its look-alikes) are checked in ``zip_guard`` (.ods in ``ods_guard``, and a
flat .fods as the .ods it is, ``flat_ods``; an Apple Numbers spreadsheet, known by its parts,
in ``numbers_guard``, and read as the .xlsx ``numbers_books`` makes of it; an .xlsb's index in
``xlsb_books``; a Strict Open XML workbook as any .xlsx, then read renamed, ``strict_xlsx``), the
sheets of an .xls in ``xls_guard``; Excel's "XML Spreadsheet 2003" is recognised in
``spreadsheet_xml``, a web page with a table in ``html_tables`` and a web archive (.mht) in
``web_archive``, SYLK in ``sylk``, DIF in ``dif`` and a Gnumeric workbook (gzip'd or not) in
``gnumeric`` (all read as the .xlsx made of them, ``markup_books``); the limits live in
``limits`` and the refusal with its shared wording in ``refusals``.

The content decides, not the extension: people rename files, and some systems export "Excel"
files that are really web pages or CSV text. A real workbook named ``.csv`` is read as a
workbook; a CSV named ``.xls`` is read as CSV; a web page named ``.xls`` is read for its
tables.

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

import json
import re
from typing import Literal

import defusedxml.ElementTree as SafeET

from components.ingest.dif import DIF, is_dif
from components.ingest.flat_ods import check_fods, flat_document
from components.ingest.gnumeric import (
    GNUMERIC,
    check_gnumeric_xml,
    gzipped_gnumeric,
    is_gnumeric,
    is_gzip,
)
from components.ingest.html_tables import WEB_PAGE, check_web_page, is_web_page
from components.ingest.limits import DEFAULT_LIMITS, ReadLimits
from components.ingest.misnamed import (
    WORKBOOK_EXTENSIONS,
    extension_of,
    not_workbook,
    plain_text,
    reads_as_table,
)
from components.ingest.old_formats import (
    WORKS,
    OldKind,
    check_old_binary,
    old_compound_file,
    works_as_xls,
)
from components.ingest.refusals import (
    FIX_SAVE_AS_XLSX,
    FIX_UPLOAD_SPREADSHEET,
    FileRejected,
    not_spreadsheet,
    size_and_limit,
)
from components.ingest.spreadsheet_xml import (
    SPREADSHEET_XML,
    check_spreadsheet_xml,
    is_spreadsheet_xml,
)
from components.ingest.sylk import SYLK, is_sylk
from components.ingest.text_encoding import decode_text
from components.ingest.unicode_text import utf16_codec, utf16_text
from components.ingest.web_archive import (
    WEB_ARCHIVE,
    check_saved_frameset,
    check_web_archive,
    is_web_archive,
)
from components.ingest.xls_guard import check_xls
from components.ingest.zip_guard import check_zip

# Share of control characters above which decoded "text" is really binary. Real tables have
# next to none; random binary decoded as cp1252 has about one in ten.
_MAX_CONTROL_CHAR_SHARE = 0.05
_TEXT_SAMPLE_CHARS = 256 * 1024

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


# Stream names in a compound file (CFB) directory are stored as UTF-16LE. Searching the bytes
# for them is enough to tell the few CFB kinds people upload apart without parsing the FAT.
# Encrypted OOXML (any "Encrypt with Password" .xlsx/.docx/.pptx) always has both streams.
_CFB_ENCRYPTED_MARKERS = (_utf16("EncryptionInfo"), _utf16("EncryptedPackage"))
_CFB_WORD_MARKER = _utf16("WordDocument")
# The workbook stream of Excel 97-2003 ("Workbook") and Excel 5/95 ("Book").
_CFB_WORKBOOK_MARKERS = (_utf16("Workbook"), _utf16("Book\x00"))
_CFB_POWERPOINT_MARKER = _utf16("PowerPoint Document")

_WORD_EXTENSIONS = frozenset({"doc", "docx", "docm", "dot", "dotx", "odt", "rtf"})
_POWERPOINT_EXTENSIONS = frozenset({"ppt", "pptx", "pptm", "pps", "ppsx", "odp"})

_ANY_WHITESPACE = re.compile(rb"(?:\xef\xbb\xbf)?[ \t\r\n\f\v]*")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")

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
    (b"\x89PNG\r\n\x1a\n", "a PNG image", FIX_UPLOAD_SPREADSHEET),
    (b"\xff\xd8\xff", "a JPEG image (photo)", FIX_UPLOAD_SPREADSHEET),
    (b"GIF87a", "a GIF image", FIX_UPLOAD_SPREADSHEET),
    (b"GIF89a", "a GIF image", FIX_UPLOAD_SPREADSHEET),
    (b"II*\x00", "a TIFF image", FIX_UPLOAD_SPREADSHEET),
    (b"MM\x00*", "a TIFF image", FIX_UPLOAD_SPREADSHEET),
    (b"\x7fELF", "a program", FIX_UPLOAD_SPREADSHEET),
    (b"\xcf\xfa\xed\xfe", "a program", FIX_UPLOAD_SPREADSHEET),
    (b"\xfe\xed\xfa\xcf", "a program", FIX_UPLOAD_SPREADSHEET),
    (b"\xca\xfe\xba\xbe", "a program", FIX_UPLOAD_SPREADSHEET),
    (b"\x1f\x8b", "a compressed archive (.gz)", "Unpack it and upload the spreadsheet inside."),
    (b"7z\xbc\xaf\x27\x1c", "a compressed archive (.7z)", "Unpack it and upload the file inside."),
    (b"Rar!\x1a\x07", "a compressed archive (.rar)", "Unpack it and upload the file inside."),
    (b"\xfd7zXZ\x00", "a compressed archive (.xz)", "Unpack it and upload the file inside."),
    (b"SQLite format 3\x00", "a database file", FIX_UPLOAD_SPREADSHEET),
    (
        b"{\\rtf",
        "a word-processor document (RTF)",
        "Put the assessment in an Excel workbook or a CSV file (the template on this page is a "
        "good start) and upload that.",
    ),
)


# What ``check_upload`` names a file it lets through (``OldKind``: old formats, ``old_formats``;
# the exchange formats SYLK, DIF and Gnumeric: ``sylk``, ``dif``, ``gnumeric``).
UploadKind = (
    Literal[
        "xlsx", "xlsb", "strict", "xls", "ods", "fods", "numbers", "spreadsheetml", "html", "mht"
    ]
    | Literal["csv"]
    | OldKind
    | Literal["sylk", "dif", "gnumeric"]
)


def check_upload(name: str, data: bytes, limits: ReadLimits = DEFAULT_LIMITS) -> UploadKind:
    """Decide, BEFORE any parser touches the bytes, whether the file may be parsed and as what.

    Returns ``"xlsx"`` for an Excel workbook (.xlsx, .xlsm, .xltx, .xltm, whatever its name),
    ``"xlsb"`` for an Excel Binary Workbook (read as the .xlsx made of its values:
    ``xlsb_books``), ``"strict"`` for one saved as "Strict Open XML Spreadsheet" (read as the
    .xlsx it is once its names are Transitional's: ``strict_xlsx``), ``"xls"`` for an Excel
    97-2003 workbook, ``"ods"`` for an OpenDocument spreadsheet,
    ``"fods"`` for one saved as flat XML (read as the .ods it is: ``flat_ods.ods_package``,
    vetted here as an .ods is), ``"numbers"`` for an Apple Numbers spreadsheet (known by its
    archives, whatever its name; a locked one refused, see ``numbers_guard``; read as the .xlsx
    ``numbers_books`` makes of it), ``"spreadsheetml"`` for Excel's "XML Spreadsheet 2003" (one
    declaring a DTD refused), ``"html"`` for a web page holding a table (what web systems
    "export to Excel"), ``"mht"`` for a web archive (.mht, Excel's "Single File Web Page", a
    browser's saved page) holding one (``web_archive``; the three read as the .xlsx
    ``markup_books.as_workbook`` makes of them), ``"sylk"`` for a SYLK file (``sylk``),
    ``"dif"`` for a DIF file (``dif``) and ``"gnumeric"`` for a Gnumeric workbook, gzip'd or
    not (``gnumeric``: unpacked in steps within the limits), each whatever its name and read
    the same way, and
    ``"csv"`` for a text table (comma, semicolon, tab or pipe separated; UTF-8, UTF-16 as
    Excel's "Unicode Text" writes it (``unicode_text``), or a legacy code page such as
    Windows-1252, see ``text_encoding``); and for old formats (``old_formats``): ``"biff"`` for
    an Excel 2.x-4.0 sheet or Excel 4.0 workbook (``biff_records``), ``"dbf"`` for a dBase or
    FoxPro table (``dbase_tables``), ``"xlr"`` for a Works spreadsheet holding an .xls's
    stream, ``"xlam"`` for an Excel add-in (``old_books``) and ``"sxc"`` for an OpenOffice.org
    1 spreadsheet (``sxc_books``). Raises ``FileRejected``
    otherwise, with one of these ``kind`` values:

    ``empty``, ``too_large``, ``encrypted`` (a password-protected .xlsx, .xlsb or Numbers
    file too), ``too_far`` (an .ods sheet whose cells reach too far),
    ``not_spreadsheet`` (Word, PowerPoint, PDF, images, a web page without a table, other
    XML, JSON, web queries, programs, other archives, a web archive without a table, the main
    page of a workbook saved as "Web Page" without its sheets),
    ``damaged``,
    ``too_many_parts``, ``too_big_unpacked``, ``compression_ratio``, ``too_many_sheets``,
    ``no_sheets`` (a dBase table without records too), ``unsafe_content``, ``not_text``,
    ``not_workbook`` (text that is no table under a workbook's name),
    ``unsupported_spreadsheet`` (Lotus 1-2-3, Quattro Pro, Works, StarOffice 5, KSpread:
    named, with how to convert it). A file named as a workbook that is something else is refused
    saying so first (``misnamed``); a text table under such a name is returned as ``"csv"``.

    ``name`` is used only for its extension, to word a message well (an encrypted ``.xlsx``
    versus an encrypted Word file); the bytes decide the outcome.
    """
    extension = extension_of(name)
    if not data:
        raise _empty()
    if len(data) > limits.max_file_bytes:
        size, limit = size_and_limit(len(data), limits.max_file_bytes)
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
        kind = old_compound_file(data) or _check_compound_file(data, extension)  # Works, Quattro
        check_xls(works_as_xls(data) if kind == WORKS else data, limits)
        return kind
    try:
        if data.startswith(_ZIP_MAGICS):
            return check_zip(data, limits)
        if is_gzip(data) and gzipped_gnumeric(data, limits):
            return GNUMERIC  # a Gnumeric workbook, gzip'd as Gnumeric saves it
        if (old := check_old_binary(data, extension, limits)) is not None:
            return old  # Excel 2.x-4.0, dBase (Lotus 1-2-3 and others refused, named)
        _reject_known_binary(data)
        return _check_text(data, extension, limits)
    except FileRejected as rejected:
        raise not_workbook(extension, rejected) from None


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


def _check_compound_file(data: bytes, extension: str) -> Literal["xls"]:
    """``"xls"`` for an Excel 97-2003 workbook; raise for locked, Word, PowerPoint or damaged."""
    if any(marker in data for marker in _CFB_ENCRYPTED_MARKERS):
        if extension in _WORD_EXTENSIONS or extension in _POWERPOINT_EXTENSIONS:
            raise not_spreadsheet("a password-protected Word or PowerPoint file")
        what = (
            "This workbook is protected with a password"
            if extension in {"xlsx", "xlsm", "xltx", "xltm", "xlsb", "xls", ""}
            else "This file is locked with a password (it looks like a protected Excel file)"
        )
        raise FileRejected(
            f"{what}, so the dashboard cannot open it.",
            "Open it in Excel, go to File > Info > Protect Workbook > Encrypt with Password, "
            "delete the password and press OK, save, and upload the file again. "
            "(A password that only protects sheets from editing is fine; this is the one "
            "asked for when the file is opened.)",
            kind="encrypted",
        )
    if _CFB_WORD_MARKER in data or extension in _WORD_EXTENSIONS:
        raise not_spreadsheet("an older Word document (.doc)")
    if _CFB_POWERPOINT_MARKER in data or extension in _POWERPOINT_EXTENSIONS:
        raise not_spreadsheet("an older PowerPoint file (.ppt)")
    if not any(marker in data for marker in _CFB_WORKBOOK_MARKERS):
        raise FileRejected(
            "This file looks like an old Office file, but it holds no workbook, so there is "
            "nothing to read.",
            FIX_SAVE_AS_XLSX,
            kind="damaged",
        )
    return "xls"


# --------------------------------------------------------------------------------------------
# Everything else: recognisable binaries, and text tables


def _reject_known_binary(data: bytes) -> None:
    head = data[:64]
    for prefix, what, fix in _BINARY_SIGNATURES:
        if head.startswith(prefix):
            raise not_spreadsheet(what, fix)
    # "MZ" alone could start a CSV cell; a Windows program's header always has NUL bytes.
    if head.startswith(b"MZ") and b"\x00" in head:
        raise not_spreadsheet("a Windows program")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        raise not_spreadsheet("a WebP image")


def _check_text(
    data: bytes, extension: str = "", limits: ReadLimits = DEFAULT_LIMITS
) -> Literal["csv", "fods", "spreadsheetml", "html", "mht", "sylk", "dif", "gnumeric"]:
    raw = data  # a .fods is vetted in its own bytes: its declaration names their encoding
    data = _unicode_as_utf8(data)
    if b"\x00" in data:
        raise _not_text("it contains binary data")
    decoded = decode_text(_text_sample(data))
    if not decoded.fits:
        raise _not_text(
            "its characters are in an encoding the dashboard does not know", _FIX_CSV_TEXT
        )
    sample = decoded.text[:_TEXT_SAMPLE_CHARS]
    if len(_CONTROL_CHARS.findall(sample)) > _MAX_CONTROL_CHAR_SHARE * len(sample):
        raise _not_text("most of it is not readable text")
    head = sample.lstrip("\ufeff \t\r\n")
    if head.startswith("<"):  # markup: a flat .fods, Excel's XML, a web page, other XML
        if flat_document(head) is not None:
            check_fods(raw, head, limits)  # a LibreOffice .fods
            return "fods"
        if is_spreadsheet_xml(head):
            check_spreadsheet_xml(data)  # Excel's "XML Spreadsheet 2003" (a DTD refused)
            return SPREADSHEET_XML
        if is_gnumeric(head):
            check_gnumeric_xml(data)  # a Gnumeric workbook saved uncompressed
            return GNUMERIC
        if is_web_page(head):
            check_saved_frameset(data)  # a workbook's "Web Page" without its sheets' folder
            check_web_page(data)  # refused when it holds no table
            return WEB_PAGE
        _reject_markup(head.lower())
    if is_web_archive(head):  # a "Single File Web Page" (.mht): Excel's, a browser's
        check_web_archive(data, limits)
        return WEB_ARCHIVE
    if is_sylk(head):  # SYLK ("ID;P…" records), whatever its name (.slk, .csv)
        return SYLK
    if is_dif(head):  # DIF ("TABLE", "0,1", …), whatever its name (.dif, .txt)
        return DIF
    _reject_data_formats(data, head, extension)
    if extension in WORKBOOK_EXTENSIONS and not reads_as_table(sample):
        raise plain_text(extension)
    return "csv"


def _unicode_as_utf8(data: bytes) -> bytes:
    """Excel's "Unicode Text" (UTF-16), or UTF-32, as the UTF-8 of the text it holds, checked
    as any text then; other bytes as they are."""
    codec = utf16_codec(data)
    if codec is None:
        return data
    text = utf16_text(data, codec)
    if text is None:
        saved = "“Unicode Text” (UTF-16)" if codec.startswith("utf-16") else "UTF-32"
        raise FileRejected(
            f"This text file is saved as {saved}, but it ends in the "
            "middle of a character or holds damaged characters, so it cannot be read.",
            _FIX_CSV_TEXT,
            kind="damaged",
        )
    return text.encode("utf-8")


def _text_sample(data: bytes) -> bytes:
    """The file's first lines: enough to tell text from binary, never a character cut in two."""
    if len(data) <= 4 * _TEXT_SAMPLE_CHARS:
        return data
    head = data[: 4 * _TEXT_SAMPLE_CHARS]
    end = max(head.rfind(b"\n"), head.rfind(b"\r"))
    if end >= len(head) // 2:
        return head[: end + 1]
    # Few line breaks (XML written on one line): cut before a UTF-8 character cut in two.
    cut = len(head)
    while cut and 0x80 <= head[cut - 1] < 0xC0:
        cut -= 1
    return head[: cut - 1] if cut and head[cut - 1] >= 0xC0 else head[:cut]


def _reject_markup(head: str) -> None:
    if head.startswith("<?xml"):
        raise not_spreadsheet("an XML data file", FIX_SAVE_AS_XLSX)


# An Excel web query (.iqy, SharePoint's "Export to Excel"): "WEB", a version, then the URL.
_WEB_QUERY = re.compile(r"WEB[ \t]*\r?\n(?:[^\r\n]*\r?\n){0,2}[ \t]*https?://", re.IGNORECASE)
_FIX_JSON = (
    "Export the data as an Excel workbook (.xlsx) or a CSV file instead (online form tools "
    "such as KoboToolbox, ODK and SurveyCTO offer both), and upload that."
)
_FIX_WEB_QUERY = (
    "It holds only a link to the data: open it in Excel, which fetches the data, then choose "
    "File > Save As, pick “Excel Workbook (*.xlsx)”, and upload the new file."
)


def _reject_data_formats(data: bytes, head: str, extension: str) -> None:
    """JSON (an online form's export) and an Excel web query, which are text but no table."""
    if _WEB_QUERY.match(head):
        raise not_spreadsheet(
            "an Excel web query (.iqy), as SharePoint's “Export to Excel” saves", _FIX_WEB_QUERY
        )
    if not head.startswith(("{", "[")):
        return
    if extension != "json":
        try:
            json.loads(data.decode("utf-8-sig"))
        except ValueError:
            return  # a table whose first cell starts with a bracket
    raise not_spreadsheet("JSON data (such as an online form's export)", _FIX_JSON)


# --------------------------------------------------------------------------------------------
# Messages


def _empty() -> FileRejected:
    return FileRejected(
        "This file is empty.",
        "Check that you picked the right file and that it was saved with its data, then upload "
        "it again.",
        kind="empty",
    )


def _not_text(why: str, fix: str = FIX_UPLOAD_SPREADSHEET) -> FileRejected:
    return FileRejected(
        f"This file is not a spreadsheet or a text table: {why}.", fix, kind="not_text"
    )
