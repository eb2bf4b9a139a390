"""How far an xlsx's sheets reach, checked before calamine builds them in memory.

calamine reads a sheet into one dense grid from its first to its last cell. That is what makes
it fast, and what a hostile (or merely odd) file can abuse: two cells, A1 and XFD1048576, in a
file of 5 KB, ask for 17 billion cells and abort the process. So before calamine sees a
workbook, ``plan_xlsx`` scans each sheet's XML (already bounded in size by the file guard) for
references that reach far: rows past ``FAST_ROWS`` or columns past ``FAST_COLUMNS``, or cells
and rows whose position is implied rather than written. Sheets without any are read by
calamine as they are (the usual case, at the cost of one byte scan). Otherwise the workbook is
read by openpyxl's streaming reader, which never holds more than a row, after cutting each
sheet at ``row_reach`` rows so that openpyxl's own size scan stays bounded too.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from components.ingest.limits import ReadLimits

# calamine's grid is at most FAST_ROWS x FAST_COLUMNS cells (9,999 x 300: about 100 MB at
# worst); anything reaching further is streamed instead.
FAST_ROWS = 9999
FAST_COLUMNS = 300
# Past the row limit, rows are looked at up to this many times the limit, in case data follows.
BLANK_ROWS_PAST_LIMIT = 10

# A reference beyond the fast grid: a row of five or more digits, a column of three letters, or
# of two letters past KN (column 300). Written as ``[A-Z]{1,3}\d{5}|[A-Z]{3}|[L-Z][A-Z]|K[O-Z]``
# would be, with the letters tried one at a time: most references fail at their first or second
# character then, instead of backtracking through each alternative (a third of the time).
_FAR_REFERENCE = re.compile(rb' r="(?:[L-Z][A-Z]|K[O-Z]|[A-Z](?:\d{5}|[A-Z](?:\d{5}|[A-Z])))')
_ROW_TAG = re.compile(rb'<(?:\w+:)?row\b[^>]*?\sr="(\d+)"')
_SHEET_DATA_START = re.compile(rb"<(\w+:)?sheetData\b")
_WORKSHEET_PREFIX = "xl/worksheets/"


@dataclass(frozen=True)
class XlsxPlan:
    """How to read a workbook: its bytes (sheets cut when they reach too far) and with what.

    ``stream`` means openpyxl's streaming reader; otherwise calamine. ``cut_at`` is the last row
    kept of a sheet that went on beyond it (``None`` when nothing was cut).
    """

    data: bytes
    stream: bool
    cut_at: int | None = None
    # Whether any sheet holds a formula (seen on the same pass): if none, no cell can be a
    # formula without a saved result, and the formulas pass is skipped.
    formulas: bool = True


def row_reach(limits: ReadLimits) -> int:
    """The last row looked at: data past the row limit is reported, empty rows are skipped."""
    return max(limits.max_rows_per_sheet * (BLANK_ROWS_PAST_LIMIT + 1), FAST_ROWS)


def plan_xlsx(data: bytes, limits: ReadLimits) -> XlsxPlan:
    """Decide how to read an xlsx that the file guard accepted (see the module's docstring)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [
            info
            for info in archive.infolist()
            if info.filename.startswith(_WORKSHEET_PREFIX) and info.filename.endswith(".xml")
        ]
        far, formulas = [], False
        for info in sheets:
            xml = archive.read(info)
            formulas = formulas or has_formula(xml)
            if _reaches_far(xml):
                far.append(info)
        if not far:
            return XlsxPlan(data, stream=False, formulas=formulas)
        reach = row_reach(limits)
        cut_at = None
        changed: dict[str, bytes] = {}
        for info in far:
            xml = archive.read(info)
            cut = _cut(xml, reach)
            if cut is not None:
                cut_at = reach
            bounded = _with_dimension(cut if cut is not None else xml)
            if bounded is not xml:
                changed[info.filename] = bounded
        if not changed:
            return XlsxPlan(data, stream=True, formulas=formulas)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as copy:
            for info in archive.infolist():
                copy.writestr(info.filename, changed.get(info.filename) or archive.read(info))
    return XlsxPlan(buffer.getvalue(), stream=True, cut_at=cut_at, formulas=formulas)


def has_formula(xml: bytes) -> bool:
    """Whether a sheet's XML holds a formula element (``<f>``, ``<f t="shared" .../>``), also
    with the namespace prefix its sheet data uses. One plain search: a regex over every tag
    costs more than the rest of the plan."""
    start = _SHEET_DATA_START.search(xml)
    prefix = (start.group(1) or b"") if start else b""
    for needle in dict.fromkeys((b"<f", b"<" + prefix + b"f")):
        found = xml.find(needle)
        while found != -1:
            # "<f>", "<f " or "<f/", not "<filters>" or "<firstHeader>".
            if xml[found + len(needle) : found + len(needle) + 1] in (b">", b" ", b"/"):
                return True
            found = xml.find(needle, found + 1)
    return False


def _with_dimension(xml: bytes) -> bytes:
    """The sheet with a ``<dimension>`` before its data (the same bytes when it has one).

    Without one, openpyxl parses the whole sheet just to learn its size before the first row
    is read; the reader reads rows lazily and never needs the size.
    """
    start = _SHEET_DATA_START.search(xml)
    if start is None or b"dimension" in xml[: start.start()]:
        return xml
    prefix = start.group(1) or b""
    return xml[: start.start()] + b"<" + prefix + b'dimension ref="A1"/>' + xml[start.start() :]


def _reaches_far(xml: bytes) -> bool:
    """Whether calamine's grid for this sheet could be larger than the fast grid."""
    start = _SHEET_DATA_START.search(xml)
    if start is None:
        return False  # no cells at all
    # The closing tag, found from the end (a regex from the start would visit every tag).
    end = xml.rfind(b"sheetData>")
    data = (start.end(), end if end > start.end() else len(xml))
    if _FAR_REFERENCE.search(xml, *data):
        return True
    # Every row and cell should say where it is (Excel, LibreOffice and openpyxl all do); a
    # position left implied cannot be bounded by the scan above. Within the sheet's data only
    # rows start "<row" and only cells "<c" ("<c ", "<c>", "<c/>"), so counting those against
    # the positions written finds any left implied. (A prefixed "<x:c" is not counted: such
    # sheets are streamed, as openpyxl reads them surely.)
    written = xml.count(b' r="', *data)
    return written != xml.count(b"<c", *data) + xml.count(b"<row", *data)


def _cut(xml: bytes, reach: int) -> bytes | None:
    """The sheet without its rows after ``reach``, or ``None`` when it has none."""
    for found in _ROW_TAG.finditer(xml):
        if int(found.group(1)) > reach:
            start = _SHEET_DATA_START.search(xml)
            prefix = start.group(1).decode() if start and start.group(1) else ""
            root = re.search(rb"<(\w+:)?worksheet\b", xml)
            root_prefix = root.group(1).decode() if root and root.group(1) else ""
            closing = f"</{prefix}sheetData></{root_prefix}worksheet>".encode()
            return xml[: found.start()] + closing
    return None
