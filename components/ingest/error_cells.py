"""Cells that show a formula error: ``#N/A`` (a lookup that found nothing), ``#REF!``, ….

calamine gives such a cell of a workbook back blank, so a message about it would say "B16 is
empty" of a cell that shows #N/A. ``shown_errors`` finds the errors a workbook's sheets store
(``t="e"`` cells), looked for only when a message needs one; ``formula_error`` tells one
apart in a csv's text, where it would otherwise be taken for a name ("#N/A" as a country).

calamine knows only the seven classic error values; one of the newer ones (``#SPILL!``,
``#CALC!``, ``#FIELD!``, ``#GETTING_DATA``, … from dynamic arrays and linked data) anywhere in
a workbook makes it refuse the whole file. ``for_calamine`` gives calamine a copy where such
values are written as ``#N/A`` (read as blank, as every error is); what a cell shows is still
taken from the file itself when a message needs it.
"""

from __future__ import annotations

import io
import re
import zipfile

from components.ingest.xlsx_extent import sheet_paths

# The seven classic error values, which calamine reads (as blank cells).
_CALAMINE_ERRORS = frozenset({"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!"})
# With the newer ones: dynamic arrays (#SPILL!, #CALC!), linked data and connections.
EXCEL_ERRORS = _CALAMINE_ERRORS | {
    "#SPILL!",
    "#CALC!",
    "#FIELD!",
    "#GETTING_DATA",
    "#BLOCKED!",
    "#CONNECT!",
    "#BUSY!",
    "#UNKNOWN!",
    "#PYTHON!",
    "#TIMEOUT!",
    "#EXTERNAL!",
}
# A cell of type error (its attributes), maybe its formula, then its stored value.
_ERROR_CELL = re.compile(
    rb'<(?:\w+:)?c\b([^>]*\st="e"[^>]*)>\s*(?:<(?:\w+:)?f\b[^>]*(?:/>|>[^<]*</(?:\w+:)?f>)\s*)?'
    rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>"
)
_REFERENCE = re.compile(rb'\sr="([A-Z]{1,3})(\d+)"')
# An error cell's stored value (maybe after its formula): what comes before it, and the value.
_ERROR_VALUE = re.compile(
    rb'(<(?:\w+:)?c\b[^>]*\st="e"[^>]*>\s*(?:<(?:\w+:)?f\b[^>]*(?:/>|>[^<]*</(?:\w+:)?f>)\s*)?'
    rb"<(?:\w+:)?v>)([^<]*)(?=</(?:\w+:)?v>)"
)
_SHEET_PART = re.compile(r"xl/worksheets/[^/]+\.xml")


def formula_error(value: object) -> str | None:
    """The error a cell's text shows ("#N/A"), else ``None``."""
    if not isinstance(value, str):
        return None
    text = value.strip().upper()
    return text if text in EXCEL_ERRORS else None


def shown_errors(data: bytes) -> dict[tuple[str, str], str]:
    """(sheet name, cell such as "B16") -> the error the cell shows, for every error cell of an xlsx
    (empty for a file that is not one)."""
    return {
        (sheet, cell): match.group(2).decode("utf-8", "replace")
        for sheet, cell, match in cells_matching(data, b't="e"', _ERROR_CELL)
    }


def cells_matching(
    data: bytes, marker: bytes, cell: re.Pattern[bytes]
) -> list[tuple[str, str, re.Match[bytes]]]:
    """(sheet name, cell such as "B16", the match) for each cell of an xlsx that ``cell``
    matches (its first group: the cell's attributes), in the sheets whose XML holds ``marker``
    (a quick test that skips the others); empty for a file that is not an xlsx."""
    found: list[tuple[str, str, re.Match[bytes]]] = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for path, name in sheet_paths(archive).items():
                xml = archive.read(path)
                if marker not in xml:
                    continue
                for match in cell.finditer(xml):
                    reference = _REFERENCE.search(match.group(1))
                    if reference:
                        found.append((name, (reference[1] + reference[2]).decode(), match))
    except (zipfile.BadZipFile, KeyError, OSError):
        return []
    return found


def for_calamine(data: bytes) -> bytes:
    """The xlsx with every error value calamine does not know written as ``#N/A`` (the same
    bytes when it holds none)."""
    changed: dict[str, bytes] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if not _SHEET_PART.fullmatch(info.filename):
                continue
            xml = archive.read(info)
            if b't="e"' not in xml:
                continue
            known = _ERROR_VALUE.sub(_known_error, xml)
            if known != xml:
                changed[info.filename] = known
        if not changed:
            return data
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as copy:
            for info in archive.infolist():
                copy.writestr(info, changed.get(info.filename) or archive.read(info))
    return buffer.getvalue()


def _known_error(found: re.Match[bytes]) -> bytes:
    value = found.group(2).decode("utf-8", "replace").strip()
    return found.group(0) if value in _CALAMINE_ERRORS else found.group(1) + b"#N/A"
