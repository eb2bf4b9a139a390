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

``errors_shown`` gives the errors a read's workbook shows, whatever its kind: an .xls's and an
.ods's come from ``book_errors``, as calamine reads their error cells as blank too.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from components.ingest.book_errors import ods_errors, xls_errors
from components.ingest.online_errors import online_error, online_error_kind
from components.ingest.xlsx_extent import sheet_paths

# A read's memo key (``ReadContext.memo``) for the workbook's kind and bytes, and for the errors
# its cells show.
WORKBOOK_KEY = ("workbook bytes",)
_ERRORS_KEY = "errors"

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
# As Excel shows them in French, Spanish and Portuguese: what a csv it saved, or a value
# pasted as text, holds.
_LOCALISED_ERRORS = frozenset(
    {"#VALEUR!", "#NOM?", "#NOMBRE!", "#NUL!", "#¡VALOR!", "#¡REF!", "#¡DIV/0!", "#¿NOMBRE?"}
    | {"#¡NUM!", "#¡NULO!", "#N/D", "#VALOR!", "#NOME?", "#NÚM!", "#NULO!"}
)
# LibreOffice's own error values ("Err:502"), beside Excel's, which it shows too.
_LIBREOFFICE_ERROR = re.compile(r"err:(\d{3})", re.IGNORECASE)
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
    """The error a cell's text shows ("#N/A", "#VALEUR!", LibreOffice's "Err:502"), else
    ``None``."""
    if not isinstance(value, str):
        return None
    text = value.strip().upper()
    if text in EXCEL_ERRORS or text in _LOCALISED_ERRORS:
        return text
    if text.startswith("#") and (online := online_error(text)) is not None:
        return online  # "#ERROR!" of Airtable or Google Sheets, Smartsheet's "#UNPARSEABLE"
    own = _LIBREOFFICE_ERROR.fullmatch(text)
    return f"Err:{own[1]}" if own else None


def errors_shown(memo: dict[Any, Any]) -> dict[tuple[str, str], str]:
    """(sheet name, cell such as "B16") -> the error the cell shows, for the workbook of the
    read whose ``memo`` this is (.xlsx, .xls or .ods; none for a csv), looked for once."""
    if _ERRORS_KEY not in memo:
        kind, data = memo.get(WORKBOOK_KEY, (None, b""))
        reader = {"xlsx": shown_errors, "xls": xls_errors, "ods": ods_errors}.get(kind)
        memo[_ERRORS_KEY] = reader(data) if reader is not None else {}
    found: dict[tuple[str, str], str] = memo[_ERRORS_KEY]
    return found


def error_kind(shown: str, memo: dict[Any, Any] | None = None) -> str:
    """What an error value is, in words: an online tool's ("#ERROR!", ``online_errors``),
    LibreOffice's (its own "Err:502", or any error an .ods shows, when ``memo`` is its
    read's), else Excel's."""
    if (online := online_error_kind(shown)) is not None:
        return online
    kind = (memo or {}).get(WORKBOOK_KEY, (None,))[0]
    own = shown.startswith("Err:") or kind == "ods"
    return "a LibreOffice error value" if own else "an Excel error value"


def error_fix(cell: str | None = None) -> str:
    """What to do about a level cell (``cell``, when known) that shows an error value."""
    return (
        f"Type the level{f' in {cell}' if cell else ''}, or leave the cell empty if it was not "
        "assessed. If a formula gave the error (a lookup that found nothing shows #N/A), "
        "correct it and save the file again; if the levels were pasted from such formulas, "
        "correct the formulas first, then copy them and use Paste Special > Values again."
    )


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
