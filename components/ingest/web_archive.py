"""Excel workbooks saved as web pages: a "Single File Web Page" (.mht, .mhtml) read, the main
page of a "Web Page" (.htm) whose sheets were left behind refused saying what it is.

Excel's File > Save As > "Single File Web Page" writes a MIME message (``MIME-Version: 1.0``,
``Content-Type: multipart/related; boundary=…``) whose parts are quoted-printable HTML: a
frameset page naming the sheets in Excel's settings (``<x:ExcelWorksheet><x:Name>``, each with
``<x:WorksheetSource HRef="Book1_files/sheet001.htm"/>``, hidden ones ``<x:Visible>``), a page
per sheet (``Content-Location: file:///C:/…/Book1_files/sheet001.htm``), ``tabstrip.htm``,
``stylesheet.css`` (the classes giving the cells' number formats) and ``filelist.xml``. Browsers
("Save page as > Web page, single file") and web systems write one HTML part and its images.
``archive_sheets`` reads each sheet's page as ``html_tables`` reads a web page, in the order the
settings give, named and hidden as they say; a page with no sheets listed is read as one page.

The message is parsed by the standard library's ``email`` package (its default policy; nothing
is fetched): only HTML and CSS parts are decoded (quoted-printable, base64, in the charset the
part names; images are never decoded), the parts are counted before anything is parsed and the
decoded text is held to the file limit, so a hostile message costs no more than its size.

A workbook saved as "Web Page" (.htm) is a frameset whose sheets are files in a folder beside
it ("Book1_files"), which cannot be uploaded with it: ``check_saved_frameset`` refuses it
naming its sheets and saying how to save the workbook as one file.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from email import policy
from email.errors import MessageError
from email.parser import BytesHeaderParser, BytesParser
from functools import lru_cache
from urllib.parse import unquote

from components.ingest.book_sheets import BookSheet
from components.ingest.html_page import page_text
from components.ingest.html_tables import page_sheets
from components.ingest.limits import ReadLimits
from components.ingest.refusals import FileRejected

#: The kind ``check_upload`` names a web archive (read as the .xlsx made of its pages).
WEB_ARCHIVE = "mht"

# A saved page has a part per sheet, picture or file: far fewer than this.
_MAX_PARTS = 2000
# Pages nest a message in a part at most once or twice; more is no saved page.
_MAX_BOUNDARIES = 8
_HEAD_CHARS = 8192
_HEADER_LINE = re.compile(r"[!-9;-~]+[ \t]*:.*|[ \t].*")
_MULTIPART_RELATED = re.compile(r"^content-type[ \t]*:[ \t]*multipart/related", re.I | re.M)
_BOUNDARY = re.compile(rb"""boundary[ \t]*=[ \t]*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))""", re.I)
_TABLE_TAG = re.compile(r"<table(?=[\s/>])", re.IGNORECASE)
_FRAMESET = re.compile(rb"<frameset(?=[\s/>])", re.IGNORECASE)
_PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_ASCII = frozenset({"us-ascii", "ascii", "iso-8859-1", "latin1", "latin-1"})  # Excel's label
# Excel's settings: a sheet's block, its name, whether hidden, where its page is.
# (Each bounded, so that text made to look like many unclosed settings is read in one pass.)
_WORKSHEET = re.compile(r"<x:ExcelWorksheet\b", re.IGNORECASE)
_WORKSHEET_END = re.compile(r"</x:ExcelWorksheet\s*>", re.IGNORECASE)
_NAME = re.compile(r"<x:Name>(.{0,1000}?)</x:Name\s*>", re.IGNORECASE | re.DOTALL)
_HIDDEN = re.compile(r"<x:Visible>\s{0,100}Sheet(?:Very)?Hidden\s{0,100}</x:Visible", re.I)
_SOURCE = re.compile(
    r"""<x:WorksheetSource\b[^>]{0,500}?\bHRef\s{0,20}=\s{0,20}["']?([^"'\s>]{1,1000})""", re.I
)
_FRAME_SOURCE = re.compile(
    r"""<frame\b[^>]{0,200}?\bsrc\s{0,20}=\s{0,20}["']?([^"'\s>]{1,1000})""", re.IGNORECASE
)
# A workbook's main page is its settings and the frames: a few kilobytes, a few hundred with
# hundreds of sheets. Only so much of a page is looked at for them.
_FRAMESET_BYTES = 512 * 1024
_EXCEL_FRAMESET = re.compile(r"<meta\s+name\s*=\s*[\"']?Excel Workbook Frameset", re.I)
_NAMES_SHOWN = 5

_FIX_NO_TABLE = (
    "If Excel saved it, open it in Excel, choose File > Save As, pick “Excel Workbook "
    "(*.xlsx)”, and upload the new file. If a browser saved a page of a system, check that the "
    "page showed your table when it was saved (a sign-in or error page is sometimes saved "
    "instead), or export the data from the system as .xlsx or .csv and upload that."
)
_FIX_FRAMESET = (
    "Upload the workbook itself (.xlsx) if you have it. Otherwise open this page in Excel (with "
    "its folder beside it), choose File > Save As, pick “Excel Workbook (*.xlsx)” or “Single "
    "File Web Page (*.mht; *.mhtml)”, and upload the new file."
)


@dataclass(frozen=True)
class _Part:
    location: str  # its Content-Location, as a key (``_key``)
    content_id: str
    text: str  # decoded: a page's text or a style sheet's
    is_page: bool


def is_web_archive(head: str) -> bool:
    """Whether ``head`` (a file's first text) opens a MIME message of related parts: the
    headers Excel, browsers and web systems write a .mht with."""
    block = re.split(r"\r?\n[ \t]*\r?\n", head[:_HEAD_CHARS].lstrip("\ufeff \t\r\n"), maxsplit=1)
    lines = block[0].splitlines()
    return (
        len(block) == 2
        and all(_HEADER_LINE.fullmatch(line) for line in lines)
        and _MULTIPART_RELATED.search(block[0]) is not None
    )


def check_web_archive(data: bytes, limits: ReadLimits) -> None:
    """Refuse a web archive that cannot be read (damaged, too many parts) or that holds no
    table in any of its pages."""
    if not any(part.is_page and _TABLE_TAG.search(part.text) for part in _parts(data, limits)):
        raise _no_table()


def archive_sheets(data: bytes, limits: ReadLimits) -> list[BookSheet]:
    """The web archive ``data``'s sheets: each of Excel's worksheets' tables, in order, named
    and hidden as Excel's settings say; else the tables of its main page. Raises
    ``FileRejected`` for one that holds no table or cannot be read."""
    parts = _parts(data, limits)
    pages = [part for part in parts if part.is_page]
    if not pages:
        raise _no_table()
    css = tuple(part.text for part in parts if not part.is_page)
    main = pages[0]
    sheets: list[BookSheet] = []
    listed = _listed_pages(main, pages)
    for name, hidden, page in listed:
        try:
            found = page_sheets(page.text, limits, css)
        except FileRejected:
            continue  # a sheet with nothing on it, or a chart's: no table
        found[0].name = name or found[0].name
        for sheet in found:
            sheet.hidden = sheet.hidden or hidden
        sheets.extend(found)
    if not listed:
        try:
            sheets = page_sheets(main.text, limits, css)
        except FileRejected as rejected:
            raise (_no_table() if rejected.kind == "not_spreadsheet" else rejected) from None
    if not sheets:
        raise _no_table()
    return sheets


def _listed_pages(main: _Part, pages: list[_Part]) -> list[tuple[str, bool, _Part]]:
    """The sheets Excel's settings in the main page list: each one's name, whether hidden, and
    its page. When no page is where the settings say (a generator's own places), the pages
    after the main one in order, the tab strip aside, named by the settings if as many."""
    listed = [sheet for sheet in worksheets(main.text) if sheet[2]]
    found = [
        (name, hidden, page)
        for name, hidden, source in listed
        if (page := _find(source, pages)) is not None and page is not main
    ]
    if found or not listed:
        return found
    others = [page for page in pages[1:] if not page.location.endswith("tabstrip.htm")]
    named = listed if len(listed) == len(others) else [("", False, "")] * len(others)
    return [(name, hidden, page) for (name, hidden, _), page in zip(named, others, strict=True)]


def worksheets(text: str) -> list[tuple[str, bool, str]]:
    """Excel's settings in a page: each sheet's name, whether it is hidden, and where its page
    is (empty when the page holds it)."""
    found: list[tuple[str, bool, str]] = []
    starts = [start.start() for start in _WORKSHEET.finditer(text)]
    if not starts:
        return found
    for start, following in zip(starts, [*starts[1:], len(text)], strict=True):
        closed = _WORKSHEET_END.search(text, start, following)
        block = text[start : closed.end() if closed else following]
        name = _NAME.search(block)
        source = _SOURCE.search(block)
        found.append(
            (
                _unescape(name.group(1)) if name else "",
                _HIDDEN.search(block) is not None,
                _unescape(source.group(1)) if source else "",
            )
        )
    return found


def check_saved_frameset(data: bytes) -> None:
    """Refuse the main page of a workbook saved as "Web Page": a frameset whose sheets are
    files in a folder beside it, not in it."""
    if _FRAMESET.search(data, 0, _FRAMESET_BYTES) is None:
        return
    text = page_text(data[:_FRAMESET_BYTES])
    sheets = worksheets(text)
    if not sheets and _EXCEL_FRAMESET.search(text) is None:
        return  # a site's frames, not a workbook's
    sources = [source for _, _, source in sheets if source] or _FRAME_SOURCE.findall(text)
    names = [name for name, _, _ in sheets if name]
    shown = ", ".join(f"“{name}”" for name in names[:_NAMES_SHOWN])
    if len(names) > _NAMES_SHOWN:
        shown += f" and {len(names) - _NAMES_SHOWN} more"
    folder = next((s.replace("\\", "/").rpartition("/")[0] for s in sources if "/" in s), "")
    where = f"in the folder “{unquote(folder)}”" if folder else "in a folder"
    raise FileRejected(
        "This file is the main page of an Excel workbook saved as a web page (“Web Page”): "
        + (f"its sheets ({shown}) are " if shown else "its sheets are ")
        + f"separate files {where} saved beside it, which cannot be uploaded with it, so there "
        "is no table in this file to read.",
        _FIX_FRAMESET,
        kind="not_spreadsheet",
    )


# --------------------------------------------------------------------------------------------
# The message's parts


@lru_cache(maxsize=1)  # the guard and the reader read the same upload, one after the other
def _parts(data: bytes, limits: ReadLimits) -> tuple[_Part, ...]:
    """The message's pages and style sheets, decoded, in order (the main page first)."""
    # A byte order mark or blank lines before the headers (a script's output) would make the
    # parser read the headers as the body.
    data = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    _check_part_count(data)
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
        if not message.is_multipart():
            raise _damaged()
        parts: list[_Part] = []
        decoded = 0
        for part in message.iter_parts():
            kind = part.get_content_type()
            if kind not in _PAGE_TYPES and kind != "text/css":
                continue  # pictures, filelist.xml, scripts: never decoded
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):
                continue
            decoded += len(payload)
            if decoded > limits.max_file_bytes:
                raise _damaged()
            charset = (part.get_content_charset() or "").lower()
            parts.append(
                _Part(
                    _key(str(part.get("Content-Location") or "")),
                    str(part.get("Content-ID") or "").strip().strip("<>").lower(),
                    _decoded(payload, charset, page=kind in _PAGE_TYPES),
                    kind in _PAGE_TYPES,
                )
            )
    except (MessageError, ValueError, LookupError, IndexError, TypeError, AttributeError):
        raise _damaged() from None
    except RecursionError:  # parts nested past any saved page's
        raise _damaged() from None
    return _main_first(message.get_param("start") or "", parts)


def _check_part_count(data: bytes) -> None:
    """Refuse a message of more parts (or nested messages) than a saved page has, before the
    parser builds one object per part."""
    header = BytesHeaderParser(policy=policy.default).parsebytes(data[: _HEAD_CHARS * 4])
    boundary = header.get_boundary()
    if not boundary:
        raise _damaged()
    declared = {found.group(1) or found.group(2) for found in _BOUNDARY.finditer(data)}
    if len(declared) > _MAX_BOUNDARIES:
        raise _damaged()
    # Each delimiter line opens a part, but the one closing the message ("--boundary--").
    count = sum(data.count(b"\n--" + g) - data.count(b"\n--" + g + b"--") for g in declared)
    if count > _MAX_PARTS:
        raise FileRejected(
            f"This web archive (.mht) holds {count:,} parts; the dashboard reads one of at most "
            f"{_MAX_PARTS:,}.",
            "Open it in Excel, choose File > Save As, pick “Excel Workbook (*.xlsx)”, and "
            "upload the new file.",
            kind="too_many_parts",
        )


def _decoded(payload: bytes, charset: str, *, page: bool) -> str:
    """A part's text: in the charset its header names (as a browser reads it); a page labelled
    ASCII, as Excel labels every part, or not at all, as the page itself says."""
    if charset and charset not in _ASCII:
        try:
            return payload.decode(charset, errors="replace")
        except LookupError:
            pass
    return page_text(payload) if page else payload.decode("utf-8", errors="replace")


def _main_first(start: str, parts: list[_Part]) -> tuple[_Part, ...]:
    """The parts, the main page first: the one the message's ``start`` names, else the first."""
    start = start.strip().strip("<>").lower()
    main = next((p for p in parts if start and p.is_page and p.content_id == start), None)
    if main is None:
        return tuple(parts)
    return (main, *(part for part in parts if part is not main))


def _key(location: str) -> str:
    """A location as parts are matched by it: no scheme, forward slashes, any case."""
    location = unquote(location.strip()).replace("\\", "/").lower()
    return re.sub(r"^(?:file|https?):/*(?:[a-z]:/)?", "", location)


def _find(source: str, pages: list[_Part]) -> _Part | None:
    """The page a sheet's ``HRef`` names ("Book1_files/sheet001.htm", "cid:…")."""
    if source.lower().startswith("cid:"):
        wanted = source[4:].strip("<>").lower()
        return next((page for page in pages if page.content_id == wanted), None)
    target = re.sub(r"^(?:\.\.?/)+", "", _key(source))
    if not target:
        return None
    for page in pages:
        if page.location == target or page.location.endswith("/" + target):
            return page
    name = target.rpartition("/")[2]
    alike = [page for page in pages if page.location.rpartition("/")[2] == name]
    return alike[0] if len(alike) == 1 else None


def _unescape(text: str) -> str:
    """A name or place from Excel's settings (written with their entities), on one line."""
    return " ".join(html.unescape(text).split())


def _no_table() -> FileRejected:
    return FileRejected(
        "This file is a web archive (.mht, a “Single File Web Page”), not a spreadsheet, and "
        "none of its pages holds a table, so there is nothing to read.",
        _FIX_NO_TABLE,
        kind="not_spreadsheet",
    )


def _damaged() -> FileRejected:
    return FileRejected(
        "This file looks like a web archive (.mht, a “Single File Web Page”), but it is "
        "damaged, so it could not be read.",
        "Open it in Excel, choose File > Save As, pick “Excel Workbook (*.xlsx)”, and upload "
        "the new file; or save the page again and upload the new file.",
        kind="damaged",
    )
