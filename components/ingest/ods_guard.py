"""The file guard's checks of an OpenDocument spreadsheet (.ods), before calamine reads it.

An .ods is a zip package (its size, entry count and expansion are checked in ``zip_guard``)
whose cells live in ``content.xml``. Here: a password (``manifest.xml`` declares encryption
data), and how far the sheets reach. calamine builds each sheet as one dense grid, and
OpenDocument can repeat a cell or a row any number of times with one attribute
(``number-columns-repeated``), so a few bytes can ask for billions of cells. ``content.xml`` is
parsed through defusedxml, refusing any DTD, and the grid each sheet would need is computed
from its filled cells, repeats included, before anything else touches it.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping

import defusedxml
import defusedxml.ElementTree as SafeET

from components.ingest.limits import ReadLimits
from components.ingest.refusals import FileRejected, no_sheets, too_many_sheets
from components.ingest.xlsx_extent import FAST_COLUMNS, FAST_ROWS

_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TABLE = f"{{{_TABLE_NS}}}table"
_ROW = f"{{{_TABLE_NS}}}table-row"
_CELL = f"{{{_TABLE_NS}}}table-cell"
_COVERED = f"{{{_TABLE_NS}}}covered-table-cell"
_ROWS_REPEATED = f"{{{_TABLE_NS}}}number-rows-repeated"
_COLUMNS_REPEATED = f"{{{_TABLE_NS}}}number-columns-repeated"
_VALUE_TYPE = f"{{{_OFFICE_NS}}}value-type"
# The grid calamine may build for one sheet: the same bound as for xlsx sheets.
MAX_GRID_CELLS = FAST_ROWS * FAST_COLUMNS

FIX_SAVE_AS_XLSX_FROM_CALC = (
    "In LibreOffice, choose File > Save As, pick “Excel 2007-365 (.xlsx)”, and upload that file."
)


def check_ods(
    archive: zipfile.ZipFile, members: Mapping[str, zipfile.ZipInfo], limits: ReadLimits
) -> None:
    """Refuse an .ods that is locked, unsafe, damaged or reaches too far; return if it is fine."""
    manifest = members.get("META-INF/manifest.xml")
    if manifest is not None and b"encryption-data" in _read(archive, manifest):
        raise FileRejected(
            "This spreadsheet is protected with a password, so the dashboard cannot open it.",
            "Open it in LibreOffice, choose File > Properties > Security (or save it again "
            "without “Save with password”), and upload the file again.",
            kind="encrypted",
        )
    content = members.get("content.xml")
    if content is None:
        raise _damaged()
    sheets = _sheet_extents(archive, content)
    if not sheets:
        raise no_sheets(FIX_SAVE_AS_XLSX_FROM_CALC, "This spreadsheet")
    if len(sheets) > limits.max_sheets:
        raise too_many_sheets(len(sheets), limits.max_sheets, "This spreadsheet")
    for rows, columns in sheets:
        if rows * columns > MAX_GRID_CELLS:
            raise FileRejected(
                f"One of its sheets has cells filled as far as row {rows:,} and column "
                f"{columns:,}, more than the dashboard reads, so it was not opened, for safety.",
                "Delete what lies far outside the table (or copy the table into a new file), "
                "save, and upload again.",
                kind="too_far",
            )


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise _damaged() from None


def _sheet_extents(archive: zipfile.ZipFile, content: zipfile.ZipInfo) -> list[tuple[int, int]]:
    """(last filled row, last filled column) of every sheet, repeats included."""
    extents: list[tuple[int, int]] = []
    rows = last_row = last_column = 0
    try:
        with archive.open(content) as source:
            for event, element in SafeET.iterparse(
                source, events=("start", "end"), forbid_dtd=True
            ):
                tag = element.tag
                if event == "start":
                    if tag == _TABLE:
                        rows = last_row = last_column = 0
                    continue
                if tag == _ROW:
                    repeat = _repeat(element, _ROWS_REPEATED)
                    column = filled = 0
                    for cell in element:
                        if cell.tag not in (_CELL, _COVERED):
                            continue
                        span = _repeat(cell, _COLUMNS_REPEATED)
                        column += span
                        if cell.get(_VALUE_TYPE) is not None or len(cell):
                            filled = column
                    if filled:
                        last_row = rows + repeat
                        last_column = max(last_column, filled)
                    rows += repeat
                    element.clear()
                elif tag == _TABLE:
                    extents.append((last_row, last_column))
                    element.clear()
    except defusedxml.DefusedXmlException:
        raise FileRejected(
            "This file contains unsafe content: it carries hidden instructions (XML "
            "declarations) that spreadsheet programs never write and that are used to attack "
            "web services. It was not opened.",
            FIX_SAVE_AS_XLSX_FROM_CALC,
            kind="unsafe_content",
        ) from None
    except (SafeET.ParseError, zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise _damaged() from None
    return extents


def _repeat(element: object, attribute: str) -> int:
    raw = element.get(attribute)  # type: ignore[attr-defined]
    try:
        return max(1, int(raw)) if raw is not None else 1
    except ValueError:
        raise _damaged() from None


def _damaged() -> FileRejected:
    return FileRejected(
        "This file seems to be damaged or incomplete, so it could not be opened as a spreadsheet.",
        FIX_SAVE_AS_XLSX_FROM_CALC,
        kind="damaged",
    )
