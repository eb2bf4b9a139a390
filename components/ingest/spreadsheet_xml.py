"""Excel's "XML Spreadsheet 2003" (SpreadsheetML): a workbook as one XML document.

Excel writes it on "Save As > XML Spreadsheet 2003", and so do many older systems, SharePoint
lists, reporting tools (SSRS) and scripts, under an .xml or an .xls name::

    <?xml version="1.0"?>
    <?mso-application progid="Excel.Sheet"?>
    <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
     xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" ...>
     <Worksheet ss:Name="Assessment">
      <Table>
       <Row><Cell><Data ss:Type="String">Country</Data></Cell> ...</Row>

``spreadsheet_sheets`` reads each ``Worksheet`` as a ``BookSheet`` (``markup_books`` writes it
as the .xlsx it is then read as): ``Row``/``Cell`` ``ss:Index`` skips, ``ss:MergeAcross`` and
``ss:MergeDown`` merges, ``Data`` typed by ``ss:Type`` (Number, DateTime, Boolean, String, and
Error, an error cell as an .xlsx's), a formula's saved value (its ``ss:Formula`` itself is not
kept), rich text as its text (words struck through marked ``~~`` as ``struck_levels`` reads
them), hidden sheets (``<WorksheetOptions><Visible>SheetHidden``) and rows (``ss:Hidden``),
percent number formats (for ``percent_levels``); a ``Comment`` is left out.

Parsed through defusedxml, element by element (a row is let go once read): a DTD is refused,
so no entity is ever declared, let alone expanded.
"""

from __future__ import annotations

import datetime
import io
import math
import re
from typing import Any
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as SafeET

from components.ingest.book_sheets import BookSheet, ErrorValue, new_sheet
from components.ingest.flat_ods import after_prolog
from components.ingest.limits import ReadLimits
from components.ingest.refusals import FIX_SAVE_AS_XLSX, FileRejected, no_sheets

#: The kind ``check_upload`` names this format (read as the .xlsx made of it: ``markup_books``).
SPREADSHEET_XML = "spreadsheetml"
SPREADSHEET_NS = "urn:schemas-microsoft-com:office:spreadsheet"
_SS = "{" + SPREADSHEET_NS + "}"

# What comes before the root element: the XML declaration, instructions (Excel's
# ``<?mso-application progid="Excel.Sheet"?>``), comments, a DTD (refused, once recognised).
_ROOT = re.compile(r"\s*<(?:[\w.-]+:)?Workbook(?=[\s/>])([^>]*)>")
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_PERCENT = "Percent"  # Excel's named percent format; others are written out ("0.0%")
_HIDDEN_SHEET = frozenset({"SheetHidden", "SheetVeryHidden"})
_FIX = (
    "Open it in Excel, choose File > Save As, pick “Excel Workbook (*.xlsx)”, and upload the "
    "new file. If a system exported it, export it again."
)


def is_spreadsheet_xml(head: str) -> bool:
    """Whether ``head`` (a file's first text) opens an XML Spreadsheet 2003 workbook: its root
    is ``Workbook`` in SpreadsheetML's namespace."""
    root = _ROOT.match(head, after_prolog(head))
    return root is not None and SPREADSHEET_NS in root.group(1)


def check_spreadsheet_xml(data: bytes) -> None:
    """Refuse a SpreadsheetML file that declares a DTD (entities), which Excel never writes."""
    if _DTD.search(data):
        raise _unsafe()


def spreadsheet_sheets(data: bytes, limits: ReadLimits) -> list[BookSheet]:
    """Every worksheet of the SpreadsheetML workbook ``data``, in order, within ``limits``.
    Raises ``FileRejected`` for a DTD, damaged XML, or a workbook without a worksheet."""
    check_spreadsheet_xml(data)
    reading = _Reading(limits)
    try:
        events = SafeET.iterparse(
            io.BytesIO(data), events=("start", "end"), forbid_dtd=True, forbid_entities=True
        )
        for event, element in events:
            if event == "start":
                reading.start(element)
            else:
                reading.end(element)
    except defusedxml.DefusedXmlException:
        raise _unsafe() from None
    except (ParseError, ValueError, LookupError):
        raise _damaged() from None
    if not reading.sheets:
        raise no_sheets(_FIX, "This XML Spreadsheet 2003 file")
    return reading.sheets


class _Reading:
    """Where the parse is: the path of elements open, the sheet, row and column being read."""

    def __init__(self, limits: ReadLimits) -> None:
        self.limits = limits
        self.sheets: list[BookSheet] = []
        self.path: list[str] = []  # local names of the open elements
        self.elements: list[Element] = []
        self.sheet: BookSheet | None = None
        self.row = -1  # the 0-based row being read (or last read)
        self.column = -1  # the 0-based column of the cell last read in it
        self.percent_styles: set[str] = set()
        self.style: str | None = None  # the ss:ID of the style being read

    def start(self, element: Element) -> None:
        name = _local(element.tag)
        parent = self.path[-1] if self.path else None
        self.path.append(name)
        self.elements.append(element)
        if name == "Worksheet" and parent == "Workbook":
            number = len(self.sheets) + 1
            sheet_name = _attribute(element, "Name") or f"Sheet{number}"
            hidden = _attribute(element, "Visible") in _HIDDEN_SHEET
            self.sheet = new_sheet(sheet_name, self.limits, hidden=hidden)
            self.sheets.append(self.sheet)
            self.row = -1
        elif name == "Row" and parent == "Table" and self.sheet is not None:
            self.row = _index(element, self.row)
            self.column = -1
            if _attribute(element, "Hidden") == "1":
                self.sheet.hide_row(self.row)
        elif name == "Style" and parent == "Styles":
            self.style = _attribute(element, "ID")

    def end(self, element: Element) -> None:
        name = self.path.pop()
        self.elements.pop()
        parent = self.path[-1] if self.path else None
        if name == "Cell" and parent == "Row" and self.sheet is not None:
            self._cell(element)
            element.clear()
        elif name == "Row" and parent == "Table" and self.sheet is not None:
            # ss:Span: that many more rows alike (formatting only) follow this one.
            self.row += _span(_attribute(element, "Span"), self.limits.max_rows_per_sheet)
            self.elements[-1].clear()  # the table lets go of the rows read
        elif name == "Worksheet" and parent == "Workbook":
            self.sheet = None
        elif name == "Visible" and parent == "WorksheetOptions" and self.sheet is not None:
            if (element.text or "").strip() in _HIDDEN_SHEET:
                self.sheet.hidden = True
        elif name == "NumberFormat" and parent == "Style" and self.style is not None:
            shown = _attribute(element, "Format") or ""
            if shown == _PERCENT or "%" in shown:
                self.percent_styles.add(self.style)

    def _cell(self, element: Element) -> None:
        sheet = self.sheet
        assert sheet is not None  # noqa: S101 - only called inside a worksheet
        column = _index(element, self.column)
        across = _span(_attribute(element, "MergeAcross"), self.limits.max_columns)
        down = _span(_attribute(element, "MergeDown"), self.limits.max_rows_per_sheet)
        self.column = column + across  # the next cell, unless its ss:Index says, is after it
        data = next((child for child in element if _local(child.tag) == "Data"), None)
        if data is not None:
            value = _value(_attribute(data, "Type"), _text(data))
            percent = isinstance(value, float | int) and _attribute(element, "StyleID") in (
                self.percent_styles
            )
            sheet.put(self.row, column, value, "0%" if percent else None)
        if across or down:
            sheet.merge(self.row, column, self.row + down, column + across)


def _value(kind: str | None, text: str) -> Any:
    """A ``Data`` element's value, by its ``ss:Type``; text when it does not read as its type."""
    if not text:
        return None
    if kind == "Number":
        try:
            number = float(text)
        except ValueError:
            return text
        if not math.isfinite(number):
            return text
        return int(number) if number.is_integer() and abs(number) < 2**53 else number
    if kind == "DateTime":
        return _date_time(text)
    if kind == "Boolean":
        return {"1": True, "0": False, "true": True, "false": False}.get(text.strip().lower(), text)
    if kind == "Error":
        return ErrorValue(text.strip()) if text.strip() else None
    return text


def _date_time(text: str) -> Any:
    """Excel's "2024-03-15T00:00:00.000" as a date and time (a time of day alone is written on
    Excel's day zero, 1899-12-31); the text itself when it is none."""
    try:
        moment = datetime.datetime.fromisoformat(text.strip())
    except ValueError:
        return text
    if moment.tzinfo is not None:
        moment = moment.replace(tzinfo=None)
    if moment.date() <= datetime.date(1899, 12, 31):
        return moment.time() if moment.date() == datetime.date(1899, 12, 31) else text
    return moment


def _text(element: Element) -> str:
    """An element's text with its children's (rich text: ``<B>``, ``<Font>``), words struck
    through (``<S>``) marked ``~~`` as ``struck_levels`` reads them. Walked without recursion:
    rich text nested a thousand deep is still text."""
    out: list[str] = []
    stack: list[Element | str] = [element]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
            continue
        mark = "~~" if item is not element and _local(item.tag) == "S" else ""
        pieces: list[Element | str] = [mark, item.text or ""]
        for child in item:
            pieces += [child, child.tail or ""]
        pieces.append(mark)
        stack.extend(reversed(pieces))
    return "".join(out)


def _attribute(element: Element, name: str) -> str | None:
    """An ``ss:`` attribute (or one written without its prefix, as some scripts do)."""
    value = element.get(_SS + name)
    return value if value is not None else element.get(name)


def _index(element: Element, previous: int) -> int:
    """The 0-based place an ``ss:Index`` (1-based) gives; else the one after ``previous``.
    An index that goes back (which Excel refuses) is read as the next place."""
    index = _whole(_attribute(element, "Index"))
    return index - 1 if index is not None and index - 1 > previous else previous + 1


def _span(value: str | None, limit: int) -> int:
    """How many more rows or columns a merge covers, at most ``limit`` (never more is read)."""
    return max(0, min(_whole(value) or 0, limit))


def _whole(value: str | None) -> int | None:
    if value is None:
        return None
    text = value.strip()
    # A billion is no more than the limits allow; a thousand digits would cost int() time.
    if not text.isdigit() or len(text) > 12:
        return 10**12 if text.isdigit() else None
    return int(text)


def _local(tag: str) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _unsafe() -> FileRejected:
    return FileRejected(
        "This file contains unsafe content: it carries hidden instructions (XML declarations) "
        "that Excel never writes and that are used to attack web services. It was not opened.",
        FIX_SAVE_AS_XLSX,
        kind="unsafe_content",
    )


def _damaged() -> FileRejected:
    return FileRejected(
        "This XML Spreadsheet 2003 file is damaged or incomplete (its XML does not read to the "
        "end), so it could not be opened.",
        _FIX,
        kind="damaged",
    )
