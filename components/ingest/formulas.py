"""Formulas without a saved result, in the cells the reader needed.

The reader reads cached values only. A used cell that came back blank may hold a formula that
was never calculated (files written by scripts, not by Excel); a second, formulas-visible pass
over just those cells reports each one, instead of treating it as blank. In a workbook that
asks for its formulas to be calculated on opening, every formula cell comes back blank (its
stored "result" is a placeholder: see ``xlsx_extent``) and is reported the same way.

A formula whose saved result is empty text (Excel's ``=IF(A1="","",A1)`` on an empty A1,
stored as ``t="str"`` with an empty ``<v>``) has a result: the cell is not assessed, not in
error. Only in a workbook that asks for recalculation is that stored result a placeholder too.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from typing import Any

from openpyxl import load_workbook
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from components.ingest.drafts import Draft
from components.ingest.error_values import report_error_levels
from components.ingest.formula_refs import read_plain_formulas
from components.ingest.report import Problem
from components.ingest.sheets import ReadContext, cell_address, quoted
from components.ingest.xlsx_extent import column_index, sheet_paths

# A cell holding a formula then a saved result that is empty: its attributes.
_EMPTY_RESULT = re.compile(
    rb"<(?:\w+:)?c\b([^>]*)>\s*<(?:\w+:)?f\b[^>]*(?:/>|>[^<]*</(?:\w+:)?f>)\s*"
    rb"<(?:\w+:)?v\s*(?:/>|>\s*</(?:\w+:)?v>)"
)
_TEXT_TYPE = re.compile(rb'\st="str"')
_REFERENCE = re.compile(rb'\sr="([A-Z]{1,3})(\d+)"')


def report_unsaved_formulas(ctx: ReadContext, data: bytes, drafts: Sequence[Draft]) -> None:
    """Second, formulas-visible pass over only the used cells that came back blank (a level
    cell showing an error value is reported as such first: see ``error_values``); a level
    cell whose formula only repeats a plain value is read into its draft (``formula_refs``)."""
    report_error_levels(ctx)
    if not ctx.formula_cells or not ctx.formulas:
        return
    saved = set() if ctx.recalculate else _empty_text_results(data, ctx.formula_cells)
    wanted: dict[str, dict[int, list[int]]] = {}
    for sheet_name, row, column in ctx.formula_cells:
        if (sheet_name, row, column) not in saved:
            wanted.setdefault(sheet_name, {}).setdefault(row, []).append(column)
    workbook = load_workbook(
        io.BytesIO(data), read_only=True, data_only=False, keep_links=False, keep_vba=False
    )
    found: dict[tuple[str, int, int], str] = {}
    try:
        for sheet_name, rows in wanted.items():
            worksheet = workbook[sheet_name]
            worksheet.reset_dimensions()
            last_row = max(rows) + 1
            last_column = max(c for columns in rows.values() for c in columns) + 1
            cells = worksheet.iter_rows(
                min_row=1, max_row=last_row, max_col=last_column, values_only=True
            )
            for row, values in enumerate(cells):
                for column in rows.get(row, ()):
                    formula = _formula_text(values[column] if column < len(values) else None)
                    if formula is not None:
                        found[sheet_name, row, column] = formula
        read_plain_formulas(ctx, workbook, found, drafts)  # "=data!B2": see ``formula_refs``
    finally:
        workbook.close()
    for (sheet_name, row, column), formula in found.items():
        meaning = ctx.formula_cells[(sheet_name, row, column)]
        ctx.problems.append(
            Problem(
                "error",
                ctx.file,
                sheet_name,
                cell_address(row, column),
                _message(formula, meaning, recalculate=ctx.recalculate),
                "Open the file in Excel or LibreOffice and save it again (that stores the "
                "results), or type the value instead of the formula.",
            )
        )


def _empty_text_results(
    data: bytes, cells: dict[tuple[str, int, int], str]
) -> set[tuple[str, int, int]]:
    """Which of ``cells`` hold a formula whose saved result is empty text (not assessed)."""
    names = {name for name, _, _ in cells}
    found = set()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for path, name in sheet_paths(archive).items():
                if name not in names:
                    continue
                for attributes in _EMPTY_RESULT.findall(archive.read(path)):
                    reference = _REFERENCE.search(attributes)
                    if reference and _TEXT_TYPE.search(attributes):
                        cell = (name, int(reference[2]) - 1, column_index(reference[1]))
                        found.add(cell)
    except (zipfile.BadZipFile, KeyError):
        return set()
    return found & set(cells)


def _message(formula: str, meaning: str, *, recalculate: bool) -> str:
    if recalculate:
        # Written by a program that stores a placeholder (0) for every formula's result.
        return (
            f"The cell holds a formula ({quoted(formula)}) whose saved result cannot be "
            "trusted: the file asks for its formulas to be calculated when it is opened, as "
            "programs that save without calculating them do (their saved results are "
            f"placeholders, often 0). So {meaning} could not be read."
        )
    return (
        f"The cell holds a formula ({quoted(formula)}) with no saved result, so {meaning} "
        "could not be read."
    )


def _formula_text(value: Any) -> str | None:
    if isinstance(value, ArrayFormula):
        return str(value.text)
    if isinstance(value, DataTableFormula):
        return "data table"
    if isinstance(value, str) and value.startswith("="):
        return value
    return None
