"""Error values in the level cells of a workbook: ``#N/A``, ``#REF!``, ``#SPILL!``, ….

A cell can show an error with no formula behind it: Paste Special > Values over a lookup
column leaves its errors as they were shown, and some programs (R's openxlsx, for NA) write
them. calamine gives such a cell back blank, as it does a formula's failed result, so a level
cell showing ``#N/A`` would read as "not assessed". ``report_error_levels`` reports each level
cell the reader needed that came back blank and shows an error (see ``error_cells``): the
level of that capability could not be read. The one exception is an #N/A typed with no
formula behind it, the mark programs write for a missing value: not assessed, said once per
file (``marked_levels``); a formula's #N/A, and every other error value, stays an error. The
same holds for an Excel 97-2003 workbook (.xls) and a LibreOffice sheet (.ods, where
LibreOffice's own "Err:502" is an error value too): see ``book_errors``.

The newer error values (``#SPILL!``, ``#CALC!``, …) calamine does not know are read as the
others are: see ``error_cells.for_calamine``.

A Country cell holding a linked data type (Excel's Geography, a cell with a ``vm=``
attribute) is stored as ``#VALUE!`` for programs that do not know the type: ``linked_type``
says so, for the message about that cell.
"""

from __future__ import annotations

import io
import re
import zipfile

from components.ingest.error_cells import (
    WORKBOOK_KEY,
    cells_matching,
    error_fix,
    error_kind,
    errors_shown,
)
from components.ingest.marked_levels import typed_na
from components.ingest.missing_marks import TYPED_NA
from components.ingest.report import Problem
from components.ingest.sheets import ReadContext, cell_address
from components.ingest.xlsx_extent import sheet_paths

_LINKED_CELL = re.compile(rb'<(?:\w+:)?c\b([^>]*\svm="[^>]*)>')


def report_error_levels(ctx: ReadContext) -> None:
    """Each needed level cell that came back blank but shows an error, reported as an error
    (and left out of the formulas pass, which would say it has no saved result)."""
    if not ctx.formula_cells or _no_error_cells(ctx):
        return
    for (sheet_name, row, column), meaning in list(ctx.formula_cells.items()):
        if not meaning.startswith("the level of "):
            continue
        cell = cell_address(row, column)
        shown = shown_error(ctx, sheet_name, cell)
        if shown is None:
            continue
        del ctx.formula_cells[sheet_name, row, column]
        if shown == TYPED_NA and typed_na(ctx, sheet_name, cell):
            continue  # R's NA as openxlsx writes it: not assessed, said once (``marked_levels``)
        ctx.problems.append(
            Problem(
                "error",
                ctx.file,
                sheet_name,
                cell,
                f"{cell} shows {shown}, {error_kind(shown, ctx.memo)}, not a level, so "
                f"{meaning} could not be read.",
                error_fix(cell),
            )
        )


def _no_error_cells(ctx: ReadContext) -> bool:
    """Whether the xlsx read is known to hold no error cell, without reading its sheets again.

    Exact: ``ctx.formulas`` is False only when the scan of every ``xl/worksheets/*.xml`` part
    (``xlsx_extent.plan_xlsx``, over the bytes ``errors_shown`` reads) found neither a formula
    nor a ``t="e"``; ``errors_shown`` looks for ``t="e"`` in the parts the workbook names as
    its sheets, so when each of those is such a part it would find nothing. A sheet kept
    elsewhere in the package (possible, never written so by Excel) is read as before.
    """
    kind, data = ctx.memo.get(WORKBOOK_KEY, (None, b""))
    if kind != "xlsx" or ctx.formulas:
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            paths = sheet_paths(archive)
    except (zipfile.BadZipFile, KeyError, OSError):
        return False
    return all(p.startswith("xl/worksheets/") and p.endswith(".xml") for p in paths)


def shown_error(ctx: ReadContext, sheet_name: str | None, cell: str) -> str | None:
    """The error a workbook's cell shows ("#N/A"), else ``None`` (looked for once per read)."""
    return errors_shown(ctx.memo).get((sheet_name or "", cell))


def linked_type(ctx: ReadContext, sheet_name: str | None, cell: str) -> bool:
    """Whether an xlsx's cell holds a linked data type (Geography, Stocks: a ``vm=`` cell)."""
    if "linked types" not in ctx.memo:
        ctx.memo["linked types"] = _linked_type_cells(ctx.xlsx_data)
    return (sheet_name, cell) in ctx.memo["linked types"]


def _linked_type_cells(data: bytes | None) -> frozenset[tuple[str, str]]:
    """(sheet name, cell) of every cell holding a linked data type."""
    if data is None:
        return frozenset()
    return frozenset(
        (sheet, cell) for sheet, cell, _ in cells_matching(data, b' vm="', _LINKED_CELL)
    )
