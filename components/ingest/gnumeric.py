"""Gnumeric workbooks (.gnumeric): XML, gzip-compressed as Gnumeric saves them, or not.

Gnumeric (the GNOME spreadsheet, on Linux desktops in ministries, universities and statistics
offices) saves its workbooks as one XML document, compressed with gzip::

    <gnm:Workbook xmlns:gnm="http://www.gnumeric.org/v10.dtd">
      <gnm:Sheets>
        <gnm:Sheet Visibility="GNM_SHEET_VISIBILITY_VISIBLE">
          <gnm:Name>Kenya</gnm:Name>
          <gnm:Cols> <gnm:ColInfo No="3" Hidden="1" Count="2"/> </gnm:Cols>
          <gnm:Rows> <gnm:RowInfo No="7" Hidden="1"/> </gnm:Rows>
          <gnm:Styles> <gnm:StyleRegion startCol="3" startRow="0" endCol="3" endRow="40">
            <gnm:Style Format="0%"/> </gnm:StyleRegion> </gnm:Styles>
          <gnm:Cells>
            <gnm:Cell Row="0" Col="0" ValueType="60">Country</gnm:Cell>
            <gnm:Cell Row="1" Col="1" ValueType="40">2023</gnm:Cell>
            <gnm:Cell Row="4" Col="3">=AVERAGE(B5:C5)</gnm:Cell>
          </gnm:Cells>
          <gnm:MergedRegions> <gnm:Merge>A1:B1</gnm:Merge> </gnm:MergedRegions>

``gnumeric_sheets`` reads each sheet as a ``BookSheet`` (``markup_books`` writes them as the
.xlsx they are then read as): cells by ``Row`` and ``Col`` (0-based), typed by ``ValueType``
(20 a truth value, 30 and 40 numbers, 50 an error value, 60 text; older files' ``Content``
child read too), merges, hidden sheets, rows and columns, the number format a cell's style
gives (percentages and dates, so they read as an .xlsx's do), comments as notes. Gnumeric
saves no formula's result: a formula is kept as one without a result (``Formula``), which the
reader reports, as it does of an .xlsx's never calculated.

Hostile files cost nothing: the gzip stream is unpacked in steps, never past the unpacked-size
limit nor an unusual ratio (a gzip bomb is refused before it is unpacked whole); the XML is
parsed through defusedxml, element by element (a DTD refused), each cell let go once read;
cells past the limits are dropped by ``BookSheet``.
"""

from __future__ import annotations

import io
import math
import re
import zlib
from collections.abc import Iterator
from typing import Any
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as SafeET

from components.ingest.book_sheets import BookSheet, ErrorValue, Formula, new_sheet
from components.ingest.flat_ods import after_prolog
from components.ingest.limits import ReadLimits
from components.ingest.refusals import FileRejected, no_sheets, size_and_limit

#: The kind ``check_upload`` names this format (read as the .xlsx made of it: ``markup_books``).
GNUMERIC = "gnumeric"

_GZIP_MAGIC = b"\x1f\x8b"
# Gnumeric's namespaces: today's ("http://www.gnumeric.org/v10.dtd") and older ones'.
_NAMESPACES = ("http://www.gnumeric.org/", "http://www.gnome.org/gnumeric/")
_ROOT = re.compile(r"\s*<(?:[\w.-]+:)?Workbook(?=[\s/>])([^>]*)>")
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
# How much of an unpacked file is looked at to tell what it is, and the step it is unpacked in.
_HEAD_BYTES = 64 * 1024
_STEP_BYTES = 1024 * 1024
# Unpacked past this, a ratio above the limit is a bomb (small XML often packs 50 times).
_RATIO_MIN_UNPACKED_BYTES = 1024 * 1024
_VALUE_TYPES = {"20": "bool", "30": "number", "40": "number", "50": "error", "60": "text"}
_HIDDEN_SHEET = frozenset({"GNM_SHEET_VISIBILITY_HIDDEN", "GNM_SHEET_VISIBILITY_VERY_HIDDEN"})
_REFERENCE = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")
_DATE_CODES = re.compile(r"[dmy]", re.IGNORECASE)
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
# Style regions with a number format kept per sheet: a sheet styled cell by cell has
# thousands; the first ones cover a table's columns.
_MAX_FORMAT_REGIONS = 2000
_DAYS_1904 = 1462
_FIX = (
    "Open it in Gnumeric or LibreOffice, save it as an Excel Workbook (.xlsx) (File > Save As), "
    "and upload that file."
)


def is_gzip(data: bytes) -> bool:
    return data.startswith(_GZIP_MAGIC)


def is_gnumeric(head: str) -> bool:
    """Whether ``head`` (an XML file's first text) opens a Gnumeric workbook: its root is
    ``Workbook`` in one of Gnumeric's namespaces."""
    root = _ROOT.match(head, after_prolog(head))
    return root is not None and any(space in root.group(1) for space in _NAMESPACES)


def gzipped_gnumeric(data: bytes, limits: ReadLimits) -> bool:
    """Whether the gzip file ``data`` holds a Gnumeric workbook; when it does, it is unpacked
    in steps (never kept whole) and refused if it unpacks past the limits or holds a DTD."""
    chunks = _unpacked(data, limits)
    head = b""
    try:
        while len(head) < _HEAD_BYTES and (chunk := next(chunks, None)) is not None:
            head += chunk
    except FileRejected:
        return False  # no workbook's start: a compressed archive, refused as one
    if not _gnumeric_head(head):
        return False
    check_gnumeric_xml(head)
    for _ in chunks:  # the rest, unpacked only to be measured (a bomb is refused)
        pass
    return True


def check_gnumeric_xml(data: bytes) -> None:
    """Refuse a Gnumeric file that declares a DTD (entities), which Gnumeric never writes."""
    if _DTD.search(data[:_HEAD_BYTES]):
        raise _unsafe()


def gnumeric_sheets(data: bytes, limits: ReadLimits) -> list[BookSheet]:
    """Every sheet of the Gnumeric workbook ``data`` (gzip-compressed or not), in order, within
    ``limits``. Raises ``FileRejected`` for a bomb, a DTD, damaged XML or no sheet."""
    stream: io.RawIOBase | io.BytesIO
    stream = _Unpacking(data, limits) if is_gzip(data) else io.BytesIO(data)
    reading = _Reading(limits)
    try:
        events = SafeET.iterparse(
            stream, events=("start", "end"), forbid_dtd=True, forbid_entities=True
        )
        for event, element in events:
            if event == "start":
                reading.start(element)
            else:
                reading.end(element)
    except defusedxml.DefusedXmlException:
        raise _unsafe() from None
    except (ParseError, ValueError, LookupError, EOFError, zlib.error):
        raise _damaged() from None
    if not reading.sheets:
        raise no_sheets(_FIX, "This Gnumeric workbook")
    return reading.sheets


class _Reading:
    """Where the parse is: the path of elements open, the sheet and its formats."""

    def __init__(self, limits: ReadLimits) -> None:
        self.limits = limits
        self.sheets: list[BookSheet] = []
        self.path: list[str] = []
        self.elements: list[Element] = []
        self.sheet: BookSheet | None = None
        self.region: tuple[int, int, int, int] | None = None  # the style region being read
        self.formats: list[tuple[int, int, int, int, str]] = []  # the sheet's, by region
        self.shared: dict[str, str] = {}  # a shared formula's text by its ExprID
        self.mac_dates = False

    def start(self, element: Element) -> None:
        name = _local(element.tag)
        parent = self.path[-1] if self.path else None
        self.path.append(name)
        self.elements.append(element)
        if name == "StyleRegion":
            self.region = _region(element)
        elif name == "Sheet" and parent == "Sheets":
            hidden = element.get("Visibility") in _HIDDEN_SHEET
            self.sheet = new_sheet(f"Sheet{len(self.sheets) + 1}", self.limits, hidden=hidden)
            self.sheets.append(self.sheet)
            self.formats, self.shared = [], {}

    def end(self, element: Element) -> None:
        name = self.path.pop()
        self.elements.pop()
        parent = self.path[-1] if self.path else None
        sheet = self.sheet
        if name == "DateConvention" and "1904" in (element.text or ""):
            self.mac_dates = True
        if sheet is None:
            return
        if name == "Name" and parent == "Sheet":
            sheet.name = (element.text or "").strip() or sheet.name
        elif name == "Cell" and parent == "Cells":
            self._cell(sheet, element)
            self.elements[-1].clear()  # the sheet's cells let go of the cells read
        elif name == "Merge" and parent == "MergedRegions":
            _merge(sheet, element.text or "")
        elif name in {"RowInfo", "ColInfo"} and element.get("Hidden") in {"1", "true"}:
            _hide(sheet, element, columns=name == "ColInfo")
        elif name == "Style" and parent == "StyleRegion":
            self._style(element)
        elif name == "CellComment" and parent == "Objects":
            _note(sheet, element)
        elif name == "Sheet" and parent == "Sheets":
            self.sheet = None

    def _style(self, element: Element) -> None:
        shown = element.get("Format") or ""
        if not ("%" in shown or _DATE_CODES.search(_QUOTED.sub("", shown))):
            return
        if len(self.formats) >= _MAX_FORMAT_REGIONS or shown.lower() == "general":
            return
        if self.region is not None:
            self.formats.append((*self.region, shown))

    def _cell(self, sheet: BookSheet, element: Element) -> None:
        row, column = _whole(element.get("Row")), _whole(element.get("Col"))
        if row is None or column is None:
            return
        content = next((child for child in element if _local(child.tag) == "Content"), None)
        text = (content.text if content is not None else element.text) or ""
        kind = _VALUE_TYPES.get(element.get("ValueType") or "")
        value: Any
        if kind is None:
            expression = element.get("ExprID")
            if text.startswith("="):
                value = Formula(text)
                if expression is not None:
                    self.shared[expression] = text
            elif expression is not None and expression in self.shared:
                value = Formula(self.shared[expression])
            else:
                value = text or None
        else:
            value = _value(kind, text)
        shown = element.get("ValueFormat") or self._format_at(row, column)
        if isinstance(value, int | float) and not isinstance(value, bool) and shown:
            if self.mac_dates and "%" not in shown:
                value += _DAYS_1904
            sheet.put(row, column, value, shown if "%" not in shown else "0%")
        else:
            sheet.put(row, column, value)

    def _format_at(self, row: int, column: int) -> str | None:
        for top, left, bottom, right, shown in self.formats:
            if top <= row <= bottom and left <= column <= right:
                return shown
        return None


def _value(kind: str, text: str) -> Any:
    if kind == "text":
        return text or None
    if kind == "bool":
        return text.strip().upper() == "TRUE"
    if kind == "error":
        return ErrorValue(text.strip()) if text.strip() else None
    try:
        number = float(text)
    except ValueError:
        return text or None
    if not math.isfinite(number):
        return text
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def _hide(sheet: BookSheet, element: Element, *, columns: bool) -> None:
    """The rows (or columns) a ``RowInfo`` (``ColInfo``) hides: ``Count`` of them from ``No``."""
    first = _whole(element.get("No"))
    if first is None:
        return
    last = first + max(1, _whole(element.get("Count")) or 1) - 1
    if columns:
        sheet.hide_columns(first, last)
    else:
        for row in range(first, min(last, sheet.max_rows - 1) + 1):
            sheet.hide_row(row)


def _note(sheet: BookSheet, element: Element) -> None:
    """A comment (``CellComment``) as the note of the cell it is bound to ("B3")."""
    place = _REFERENCE.fullmatch(element.get("ObjectBound") or "")
    if place is not None:
        row, column = _place(place)
        sheet.note(row, column, element.get("Text") or "")


def _region(element: Element) -> tuple[int, int, int, int] | None:
    """A style region's top, left, bottom and right (0-based, inclusive)."""
    top, left = _whole(element.get("startRow")), _whole(element.get("startCol"))
    bottom, right = _whole(element.get("endRow")), _whole(element.get("endCol"))
    if top is None or left is None or bottom is None or right is None:
        return None
    return top, left, bottom, right


def _merge(sheet: BookSheet, text: str) -> None:
    """A merge written "A1:B2" (its two corners)."""
    corners = [_REFERENCE.fullmatch(part.strip()) for part in text.split(":")]
    if len(corners) != 2 or None in corners:
        return
    (top, left), (bottom, right) = (_place(corner) for corner in corners if corner)
    sheet.merge(min(top, bottom), min(left, right), max(top, bottom), max(left, right))


def _place(reference: re.Match[str]) -> tuple[int, int]:
    letters, digits = reference.group(1).upper(), reference.group(2)
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - 64
    return int(digits) - 1, column - 1


def _whole(value: str | None) -> int | None:
    """A 0-based index attribute; one past a billion (past every limit) read as a billion."""
    if value is None:
        return None
    text = value.strip()
    if not text.isdigit():
        return None
    return int(text) if len(text) <= 10 else 10**10


def _local(tag: Any) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _gnumeric_head(head: bytes) -> bool:
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    return text.startswith("<") and is_gnumeric(text)


def _unpacked(data: bytes, limits: ReadLimits) -> Iterator[bytes]:
    """The gzip file's bytes, unpacked a step at a time; refused past the unpacked-size limit
    or an unusual ratio, before more is unpacked."""
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    total = 0
    pending = data
    try:
        while pending or not inflater.eof:
            chunk = inflater.decompress(pending, _STEP_BYTES)
            pending = inflater.unconsumed_tail
            total += len(chunk)
            _check_size(total, len(data), limits)
            if chunk:
                yield chunk
            elif not pending:
                break
    except zlib.error:
        raise _damaged() from None


def _check_size(total: int, packed: int, limits: ReadLimits) -> None:
    if total > limits.max_uncompressed_bytes:
        size, limit = size_and_limit(total, limits.max_uncompressed_bytes)
        raise FileRejected(
            f"Once unpacked, this Gnumeric workbook would take more than {size}, more than "
            f"the {limit} the dashboard allows, so it was not opened, for safety.",
            "Remove what the assessment does not need, or split it into smaller workbooks, "
            "save each as an Excel Workbook (.xlsx), and upload them.",
            kind="too_big_unpacked",
        )
    ratio = total / max(packed, 1)
    if total > _RATIO_MIN_UNPACKED_BYTES and ratio > limits.max_compression_ratio:
        raise FileRejected(
            f"This file is packed unusually tightly: it expands more than {ratio:,.0f} times "
            f"when opened (the limit is {limits.max_compression_ratio:,.0f}). Harmful files "
            "use this trick, so it was not opened, for safety.",
            _FIX,
            kind="compression_ratio",
        )


class _Unpacking(io.RawIOBase):
    """The gzip file's unpacked bytes as a stream for the XML parser, unpacked as it reads."""

    def __init__(self, data: bytes, limits: ReadLimits) -> None:
        self._chunks = _unpacked(data, limits)
        self._buffer = b""

    def readable(self) -> bool:
        return True

    def readinto(self, target: Any) -> int:
        while not self._buffer:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._buffer = chunk
        size = min(len(target), len(self._buffer))
        target[:size] = self._buffer[:size]
        self._buffer = self._buffer[size:]
        return size


def _unsafe() -> FileRejected:
    return FileRejected(
        "This file contains unsafe content: it carries hidden instructions (XML declarations) "
        "that Gnumeric never writes and that are used to attack web services. It was not "
        "opened.",
        _FIX,
        kind="unsafe_content",
    )


def _damaged() -> FileRejected:
    return FileRejected(
        "This Gnumeric workbook is damaged or incomplete (it does not unpack or its XML does "
        "not read to the end), so it could not be opened.",
        _FIX,
        kind="damaged",
    )
