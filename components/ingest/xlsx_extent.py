"""How far an xlsx's sheets reach, checked before calamine builds them in memory.

calamine reads a sheet into one dense grid from its first to its last cell. That is what makes
it fast, and what a hostile (or merely odd) file can abuse: two cells, A1 and XFD1048576, in a
file of 5 KB, ask for 17 billion cells and abort the process. So before calamine sees a
workbook, ``plan_xlsx`` scans each sheet's XML (already bounded in size by the file guard) for
references that reach far: columns past ``FAST_COLUMNS``, rows past ``FAST_ROWS`` in a sheet
with a column past Z, rows past ``LONG_ROWS``, or cells and rows whose position is implied rather
than written. Sheets without any are read by
calamine as they are (the usual case, at the cost of one byte scan). Otherwise the workbook is
read by openpyxl's streaming reader, which never holds more than a row, after cutting each
sheet at ``row_reach`` rows so that openpyxl's own size scan stays bounded too.

A workbook that asks for its formulas to be calculated when opened (``fullCalcOnLoad``, as
xlsxwriter and openpyxl write) was saved by a program that did not calculate them: the results
stored with its formulas (xlsxwriter stores 0) are not results. ``plan_xlsx`` then finds its
formula cells (``XlsxPlan.untrusted``), which the sheet reader leaves blank, so that the
formulas pass reports each one the reader needed instead of reading a made-up 0.
"""

from __future__ import annotations

import html
import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from components.ingest.limits import ReadLimits

# calamine's grid is at most FAST_ROWS x FAST_COLUMNS cells (9,999 x 300: about 100 MB at
# worst), or LONG_ROWS x 26 (a long table's few columns, A to Z, down 99,999 rows: fewer
# cells still); anything reaching further is streamed instead, which takes several times longer.
FAST_ROWS = 9999
FAST_COLUMNS = 300
LONG_ROWS = 99999
LONG_COLUMNS = 26
# Past the row limit, rows are looked at up to this many more at most, in case data follows.
MAX_ROWS_PAST_LIMIT = 100_000
# Past the row limit, rows are looked at up to this many times the limit, in case data follows.
BLANK_ROWS_PAST_LIMIT = 10

# A reference beyond both grids (the search's way): a row of six or more digits, a column of
# three letters, or of two letters past KN. Written as ``[A-Z]{1,3}\d{6}|[A-Z]{3}|[L-Z][A-Z]|
# K[O-Z]`` would be, with the letters tried one at a time: most references fail at their first
# or second character then, instead of backtracking through each alternative.
_FAR_REFERENCE = re.compile(rb' r="(?:[L-Z][A-Z]|K[O-Z]|[A-Z](?:\d{6}|[A-Z](?:\d{6}|[A-Z])))')
# A row of five digits (beyond the fast grid, within the long one), and a column of two letters
# (beyond the long grid): a sheet with both reaches far.
_LONG_REFERENCE = re.compile(rb' r="[A-Z]{1,2}\d{5}')
_WIDE_REFERENCE = re.compile(rb' r="[A-Z][A-Z]')
# Any of these (a row of five digits or more, a column past KN): what is looked for first, in
# one search, as nearly every sheet has none.
_ANY_REFERENCE = re.compile(rb' r="(?:[L-Z][A-Z]|K[O-Z]|[A-Z](?:\d{5}|[A-Z](?:\d{5}|[A-Z])))')
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
    # Whether any sheet may hold a cell of type error ("#N/A", "#SPILL!": see ``error_values``).
    errors: bool = False
    # When the workbook asks for its formulas to be recalculated on opening: each sheet's
    # formula cells (0-based row, column), whose stored results are not to be trusted.
    untrusted: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


def row_reach(limits: ReadLimits) -> int:
    """The last row looked at: data past the row limit is reported, empty rows are skipped."""
    limit = limits.max_rows_per_sheet
    return max(min(limit * (BLANK_ROWS_PAST_LIMIT + 1), limit + MAX_ROWS_PAST_LIMIT), FAST_ROWS)


def plan_xlsx(data: bytes, limits: ReadLimits) -> XlsxPlan:
    """Decide how to read an xlsx that the file guard accepted (see the module's docstring)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [
            info
            for info in archive.infolist()
            if info.filename.startswith(_WORKSHEET_PREFIX) and info.filename.endswith(".xml")
        ]
        far, formulas, errors = [], False, False
        for info in sheets:
            xml = archive.read(info)
            scan = scan_sheet(xml)
            formulas = formulas or scan.formulas
            errors = errors or b't="e"' in xml
            if scan.far:
                far.append(info)
        untrusted = _untrusted_formulas(archive, sheets) if formulas else {}
        if not far:
            return XlsxPlan(
                data, stream=False, formulas=formulas, errors=errors, untrusted=untrusted
            )
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
            return XlsxPlan(
                data, stream=True, formulas=formulas, errors=errors, untrusted=untrusted
            )
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as copy:
            for info in archive.infolist():
                copy.writestr(info.filename, changed.get(info.filename) or archive.read(info))
    return XlsxPlan(
        buffer.getvalue(),
        stream=True,
        cut_at=cut_at,
        formulas=formulas,
        errors=errors,
        untrusted=untrusted,
    )


_FULL_CALC_ON_LOAD = re.compile(rb'<(?:\w+:)?calcPr\b[^>]*\sfullCalcOnLoad="(?:1|true)"')
_SHEET_TAG = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)>")
_RELATIONSHIP_TAG = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)>")
_ATTRIBUTE = re.compile(rb'([\w:]+)="([^"]*)"')
# A cell whose first child is a formula: its column letters and row.
_FORMULA_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*?\sr="([A-Z]{1,3})(\d+)"[^>/]*>\s*<(?:\w+:)?f\b')


def _untrusted_formulas(
    archive: zipfile.ZipFile, sheets: list[zipfile.ZipInfo]
) -> dict[str, list[tuple[int, int]]]:
    """Each sheet's formula cells (by sheet name), when the workbook asks for its formulas to
    be recalculated on opening; empty otherwise (the usual case: one look at workbook.xml)."""
    try:
        workbook = archive.read("xl/workbook.xml")
    except KeyError:
        return {}
    if not _FULL_CALC_ON_LOAD.search(workbook):
        return {}
    paths = sheet_paths(archive)
    untrusted = {}
    for info in sheets:
        name = paths.get(info.filename)
        if name is None:
            continue
        cells = [
            (int(row) - 1, column_index(letters))
            for letters, row in _FORMULA_CELL.findall(archive.read(info))
        ]
        if cells:
            untrusted[name] = cells
    return untrusted


def sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet's part in the archive -> its name ("xl/worksheets/sheet1.xml": "Form")."""
    try:
        workbook = archive.read("xl/workbook.xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return {}
    targets = {}
    for found in _RELATIONSHIP_TAG.finditer(rels):
        attributes = dict(_ATTRIBUTE.findall(found.group(1)))
        target = html.unescape(attributes.get(b"Target", b"").decode("utf-8", "replace"))
        path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        targets[attributes.get(b"Id")] = posixpath.normpath(path)
    paths = {}
    for found in _SHEET_TAG.finditer(workbook):
        # "r:id" (any prefix) as "id".
        attributes = {
            key.rpartition(b":")[2]: value for key, value in _ATTRIBUTE.findall(found.group(1))
        }
        path = targets.get(attributes.get(b"id"))
        if path is not None and b"name" in attributes:
            paths[path] = html.unescape(attributes[b"name"].decode("utf-8", "replace"))
    return paths


def column_index(letters: bytes) -> int:
    """0-based column of Excel's letters: b"A" -> 0, b"AA" -> 26."""
    index = 0
    for letter in letters:
        index = index * 26 + letter - 64
    return index - 1


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


@dataclass(frozen=True)
class SheetScan:
    """What one look at a sheet's XML found: whether it holds a formula element, and whether
    calamine's grid for it could be larger than the fast grid (``far``)."""

    formulas: bool
    far: bool


# Sheets smaller than this are scanned by searches, larger ones with numpy (see scan_sheet).
_SMALL_SHEET_BYTES = 32 * 1024
# numpy looks at the XML in windows of this many bytes, so that the scan's own arrays stay
# small next to a sheet of up to the file guard's 200 MB.
_WINDOW = 4 * 1024 * 1024
# Each window is a copy padded with the bytes after it (or zeros past the end): as many as a
# needle or a reference can span (plus the namespace prefix's length).
_LOOK_AHEAD = 16
_SPACE, _SLASH, _GT = b" />"
_A, _K, _L, _O, _Z, _0, _9 = b"AKLOZ09"


def scan_sheet(xml: bytes) -> SheetScan:
    """Whether a sheet's XML holds a formula, and whether it reaches far (see the module's
    docstring).

    A reference reaches far when it has a row of six or more digits, a column of three
    letters, or a column of two letters past KN (column 300); and a sheet whose references
    have both a row of five digits and a column of two letters reaches far. Every row and
    cell should say where it is (Excel, LibreOffice and openpyxl all do); a position left
    implied cannot be bounded that way, so a sheet whose rows and cells outnumber their
    ``r="`` reaches far too.
    Within the sheet's data only rows start "<row" and only cells "<c" ("<c ", "<c>", "<c/>");
    a prefixed "<x:c" is not counted, so such sheets are streamed, as openpyxl reads them
    surely.

    Two ways to the same answer (the tests hold them to it): a regular expression and byte
    searches for a small sheet, numpy for a large one. The searches step through the bytes
    several times over (about 4 ms on a long table's 600 kB, against 1.5 ms with numpy);
    numpy's fixed cost per call (about 0.2 ms) is more than the searches take on a sheet of a
    few kilobytes (a template's).
    """
    start = _SHEET_DATA_START.search(xml)
    prefix = (start.group(1) or b"") if start else b""
    if start is None:
        data = None  # no cells at all
    else:
        # The data's closing tag, found from the end (a search from the start visits every tag).
        closing = xml.rfind(b"sheetData>")
        data = (start.end(), closing if closing > start.end() else len(xml))
    scan = _scan_by_search if len(xml) < _SMALL_SHEET_BYTES else _scan_with_numpy
    return scan(xml, prefix, data)


def _scan_by_search(xml: bytes, prefix: bytes, data: tuple[int, int] | None) -> SheetScan:
    """``scan_sheet`` with a regular expression and byte searches."""
    formulas = False
    for needle in dict.fromkeys((b"<f", b"<" + prefix + b"f")):
        found = xml.find(needle)
        while found != -1 and not formulas:
            # "<f>", "<f " or "<f/", not "<filters>" or "<firstHeader>".
            formulas = xml[found + len(needle) : found + len(needle) + 1] in (b">", b" ", b"/")
            found = xml.find(needle, found + 1)
    if data is None:
        return SheetScan(formulas, far=False)
    if _ANY_REFERENCE.search(xml, *data) and (
        _FAR_REFERENCE.search(xml, *data)
        or (_LONG_REFERENCE.search(xml, *data) and _WIDE_REFERENCE.search(xml, *data))
    ):
        return SheetScan(formulas, far=True)
    written = xml.count(b' r="', *data)
    return SheetScan(formulas, far=written != xml.count(b"<c", *data) + xml.count(b"<row", *data))


def _scan_with_numpy(xml: bytes, prefix: bytes, data: tuple[int, int] | None) -> SheetScan:
    """``scan_sheet`` with numpy, over the bytes read as 2- or 4-byte words (see
    ``_occurrences``), the few bytes after each reference looked at."""
    look = _LOOK_AHEAD + len(prefix)
    formulas = False
    needles = dict.fromkeys((b"<f", b"<" + prefix + b"f"))
    for window, starts in _windows(xml, 0, len(xml), look):
        for needle in needles:
            after = window[_occurrences(window, starts, needle) + len(needle)]
            formulas = bool(((after == _GT) | (after == _SPACE) | (after == _SLASH)).any())
            if formulas:
                break
        if formulas:
            break  # one formula is enough: the rest of the XML is not searched for more
    if data is None:
        return SheetScan(formulas, far=False)
    written = tags = 0
    long = wide = False
    for window, starts in _windows(xml, *data, look):
        references = _occurrences(window, starts, b' r="')
        far, five_digits, two_letters = _far_references(window, references + 4)
        long, wide = long or bool(five_digits.any()), wide or bool(two_letters.any())
        if far.any() or (long and wide):
            return SheetScan(formulas, far=True)
        written += len(references)
        tags += len(_occurrences(window, starts, b"<c"))
        tags += len(_occurrences(window, starts, b"<row"))
    return SheetScan(formulas, far=written != tags)


def _windows(xml: bytes, first: int, end: int, look: int) -> Iterator[tuple[np.ndarray, int]]:
    """``xml[first:end]`` in windows: each a copy of its bytes and the ``look`` bytes after
    them (zeros past ``end``, which match nothing), with how many positions start in it."""
    for low in range(first, end, _WINDOW):
        high = min(low + _WINDOW, end)
        copied = min(high + look, end) - low
        window = np.zeros(high - low + look, np.uint8)
        window[:copied] = np.frombuffer(xml, np.uint8, copied, low)
        yield window, high - low


def _occurrences(window: np.ndarray, starts: int, needle: bytes) -> np.ndarray:
    """Where ``needle`` (two bytes or more, no zero byte) starts among the first ``starts``
    positions of ``window``.

    Its first two or four bytes are compared as one word, the window read as words from each
    of two or four starting points (a few passes in C, without a copy); the rest of the
    needle is checked at the few places found.
    """
    width = 4 if len(needle) >= 4 else 2
    dtype = np.dtype(f"<u{width}")
    word = int.from_bytes(needle[:width], "little")
    parts = []
    for shift in range(width):
        count = (starts - shift + width - 1) // width
        if count > 0:
            words = np.frombuffer(window, dtype, count, shift)
            parts.append(np.flatnonzero(words == word) * width + shift)
    found = np.concatenate(parts) if parts else np.empty(0, np.intp)
    for offset in range(width, len(needle)):
        found = found[window[found + offset] == needle[offset]]
    return found


def _far_references(
    window: np.ndarray, values: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each reference starting at ``values`` in ``window``: whether it reaches past both
    grids, whether its row has five digits, and whether its column has two letters."""
    chars = [window[values + offset] for offset in range(8)]
    letter = [(c >= _A) & (c <= _Z) for c in chars[:3]]
    digit = [(c >= _0) & (c <= _9) for c in chars[1:]]
    five_digits_from_1 = digit[0] & digit[1] & digit[2] & digit[3] & digit[4]
    five_digits_from_2 = digit[1] & digit[2] & digit[3] & digit[4] & digit[5]
    first, second = chars[0], chars[1]
    two_letters_past_kn = (first >= _L) | ((first == _K) & (second >= _O))
    far = letter[0] & (
        (five_digits_from_1 & digit[5])
        | (letter[1] & (two_letters_past_kn | letter[2] | (five_digits_from_2 & digit[6])))
    )
    five_digits = letter[0] & (five_digits_from_1 | (letter[1] & five_digits_from_2))
    return far, five_digits, letter[0] & letter[1]


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
