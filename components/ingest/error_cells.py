"""Cells that show a formula error: ``#N/A`` (a lookup that found nothing), ``#REF!``, ….

calamine gives such a cell of a workbook back blank, so a message about it would say "B16 is
empty" of a cell that shows #N/A. ``shown_errors`` finds the errors a workbook's sheets store
(``t="e"`` cells), looked for only when a message needs one; ``formula_error`` tells one
apart in a csv's text, where it would otherwise be taken for a name ("#N/A" as a country).
"""

from __future__ import annotations

import io
import re
import zipfile

from components.ingest.xlsx_extent import sheet_paths

EXCEL_ERRORS = frozenset(
    {"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"}
)
# A cell of type error (its attributes), maybe its formula, then its stored value.
_ERROR_CELL = re.compile(
    rb'<(?:\w+:)?c\b([^>]*\st="e"[^>]*)>\s*(?:<(?:\w+:)?f\b[^>]*(?:/>|>[^<]*</(?:\w+:)?f>)\s*)?'
    rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>"
)
_REFERENCE = re.compile(rb'\sr="([A-Z]{1,3})(\d+)"')


def formula_error(value: object) -> str | None:
    """The error a cell's text shows ("#N/A"), else ``None``."""
    if not isinstance(value, str):
        return None
    text = value.strip().upper()
    return text if text in EXCEL_ERRORS else None


def shown_errors(data: bytes) -> dict[tuple[str, str], str]:
    """(sheet name, cell such as "B16") -> the error the cell shows, for every error cell of an xlsx
    (empty for a file that is not one)."""
    found: dict[tuple[str, str], str] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for path, name in sheet_paths(archive).items():
                xml = archive.read(path)
                if b't="e"' not in xml:
                    continue
                for cell in _ERROR_CELL.finditer(xml):
                    reference = _REFERENCE.search(cell.group(1))
                    if reference:
                        cell_name = (reference[1] + reference[2]).decode()
                        found[name, cell_name] = cell.group(2).decode("utf-8", "replace")
    except (zipfile.BadZipFile, KeyError, OSError):
        return {}
    return found
