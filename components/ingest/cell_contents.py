"""What a cell that came back blank holds: a formula with no saved result, a note, a colour.

The reader reads the values a file stores. A level cell can look empty to it and still carry
the level for the person: a formula whose result was never saved (files written by scripts:
openpyxl and xlwt store none, an .ods from a script has ``table:formula`` and no
``office:value``), a note (comment) holding "Level 3", or only a fill colour. ``blank_kinds``
says, for the cells of one sheet, which of these each holds, looked at only when a message
needs it (a row, a column or an assessment with no level at all): once per file.

* xlsx: a ``<c>`` with an ``<f>`` (its saved result is missing, or a placeholder the reader
  left blank; an empty-text result of a workbook not asking for recalculation is a result),
  its style's fill, and the sheet's comments part;
* ods: ``table:formula`` with no ``office:value-type``, and ``office:annotation``;
* xls: a FORMULA record whose saved result is the empty string (what xlwt stores), and NOTE.

Error values a cell shows (``#REF!``) come from ``error_cells.errors_shown``.
"""

from __future__ import annotations

import html
import io
import posixpath
import re
import struct
import zipfile
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET

from components.ingest.book_errors import FORMULA_RECORD, NOTE_RECORD, ods_cells, xls_records
from components.ingest.sheets import WORKBOOK_KEY, ReadContext
from components.ingest.xlsx_extent import column_index, sheet_paths

FORMULA = "formula"
NOTE = "note"
COLOUR = "colour"
_MEMO_KEY = ("blank cell kinds",)

_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.DOTALL)
_REFERENCE = re.compile(rb'\sr="([A-Z]{1,3})(\d+)"')
_STYLE = re.compile(rb'\ss="(\d+)"')
_FORMULA = re.compile(rb"<(?:\w+:)?f\b")
_VALUE = re.compile(rb"<(?:\w+:)?v>[^<]")
_TEXT_TYPE = re.compile(rb'\st="str"')
_COMMENT = re.compile(
    rb'<(?:\w+:)?comment\b[^>]*\sref="([A-Z]{1,3})(\d+)"[^>]*>(.*?)</(?:\w+:)?comment>', re.DOTALL
)
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)>")
_ATTRIBUTE = re.compile(rb'([\w:]+)="([^"]*)"')
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_EMPTY_TEXT_RESULT = b"\x03"  # FORMULA's result bytes: type 3 (empty text), then 0xFFFF


def blank_kinds(ctx: ReadContext, sheet_name: str | None) -> dict[tuple[int, int], str]:
    """(row, column) -> FORMULA, or NOTE or COLOUR then ":" and the note's text or the fill,
    for the cells of the sheet that hold one (empty for a csv or a file not looked into)."""
    if sheet_name is None:
        return {}
    if _MEMO_KEY not in ctx.memo:
        kind, data = ctx.memo.get(WORKBOOK_KEY, (None, b""))
        try:
            if kind == "xlsx":
                found = _xlsx_kinds(data, recalculate=ctx.recalculate)
            elif kind == "ods":
                found = _ods_kinds(data)
            elif kind == "xls":
                found = _xls_kinds(data)
            else:
                found = {}
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError, struct.error):
            found = {}
        except Exception:  # noqa: BLE001 - a message's detail must never break the read
            found = {}
        ctx.memo[_MEMO_KEY] = found
    return ctx.memo[_MEMO_KEY].get(sheet_name, {})  # type: ignore[no-any-return]


def _xlsx_kinds(data: bytes, *, recalculate: bool) -> dict[str, dict[tuple[int, int], str]]:
    found: dict[str, dict[tuple[int, int], str]] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        filled = _filled_styles(archive)
        for path, name in sheet_paths(archive).items():
            kinds = found.setdefault(name, {})
            for comment in _COMMENT.finditer(_comments_xml(archive, path)):
                text = html.unescape(
                    re.sub(rb"<[^>]*>", b"", comment[3]).decode("utf-8", "replace")
                )
                kinds[int(comment[2]) - 1, column_index(comment[1])] = f"{NOTE}:{text.strip()}"
            for cell in _CELL.finditer(archive.read(path)):
                attributes, content = cell.group(1), cell.group(2) or b""
                reference = _REFERENCE.search(attributes)
                if reference is None:
                    continue
                at = (int(reference[2]) - 1, column_index(reference[1]))
                if _FORMULA.search(content):
                    # An empty text result is a result, unless every result is a placeholder.
                    saved = _TEXT_TYPE.search(attributes) or _VALUE.search(content)
                    if recalculate or not saved:
                        kinds[at] = FORMULA
                elif (
                    at not in kinds
                    and (style := _STYLE.search(attributes))
                    and (fill := filled.get(int(style[1]))) is not None
                    and not _VALUE.search(content)
                ):
                    kinds[at] = f"{COLOUR}:{fill}"
    return found


def _filled_styles(archive: zipfile.ZipFile) -> dict[int, int]:
    """The cell styles (``s=`` numbers) that fill their cell with a colour -> the fill."""
    try:
        styles = SafeET.fromstring(archive.read("xl/styles.xml"))
    except KeyError:
        return {}
    fills = styles.find(f"{_MAIN}fills")
    coloured = set()
    for number, fill in enumerate(fills if fills is not None else ()):
        pattern = fill.find(f"{_MAIN}patternFill")
        kind = pattern.get("patternType") if pattern is not None else None
        if fill.find(f"{_MAIN}gradientFill") is not None or kind not in (None, "none", "gray125"):
            coloured.add(number)
    formats = styles.find(f"{_MAIN}cellXfs")
    fill_of = [int(xf.get("fillId", "0") or 0) for xf in (formats if formats is not None else ())]
    return {number: fill for number, fill in enumerate(fill_of) if fill in coloured}


def _comments_xml(archive: zipfile.ZipFile, sheet_path: str) -> bytes:
    """The sheet's comments part (notes), from its relationships; empty when it has none."""
    folder, file = posixpath.split(sheet_path)
    try:
        rels = archive.read(posixpath.join(folder, "_rels", f"{file}.rels"))
    except KeyError:
        return b""
    for found in _RELATIONSHIP.finditer(rels):
        attributes = dict(_ATTRIBUTE.findall(found.group(1)))
        if not attributes.get(b"Type", b"").endswith(b"/comments"):
            continue
        target = html.unescape(attributes.get(b"Target", b"").decode("utf-8", "replace"))
        if target.startswith("/"):
            path = target.lstrip("/")
        else:
            path = posixpath.normpath(posixpath.join(folder, target))
        try:
            return archive.read(path)
        except KeyError:
            return b""
    return b""


def _ods_kinds(data: bytes) -> dict[str, dict[tuple[int, int], str]]:
    found: dict[str, dict[tuple[int, int], str]] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content = archive.read("content.xml")
    if b"table:formula" not in content and b"annotation" not in content:
        return found
    return ods_cells(content, _ods_kind)


def _ods_kind(cell: Element) -> str | None:
    """A formula never calculated, or a note's text, of an .ods cell element; else ``None``."""
    if cell.get(f"{_TABLE}formula") and cell.get(f"{_OFFICE}value-type") is None:
        return FORMULA
    if (note := cell.find(f"{_OFFICE}annotation")) is not None:
        return f"{NOTE}:{' '.join(note.itertext()).strip()}"
    return None


def _xls_kinds(data: bytes) -> dict[str, dict[tuple[int, int], str]]:
    found: dict[str, dict[tuple[int, int], str]] = {}
    for name, kind, payload in xls_records(data, frozenset({FORMULA_RECORD, NOTE_RECORD})):
        kinds = found.setdefault(name, {})
        if kind == FORMULA_RECORD and len(payload) >= 14:
            result = payload[6:14]
            if result[:1] == _EMPTY_TEXT_RESULT and result[6:] == b"\xff\xff":
                kinds[struct.unpack_from("<HH", payload)] = FORMULA
        elif kind == NOTE_RECORD and len(payload) >= 4:
            at = struct.unpack_from("<HH", payload)
            kinds.setdefault(at, f"{NOTE}:{at}")  # its text is elsewhere: each one its own
    return found
