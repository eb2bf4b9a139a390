"""Formulas without a saved result, in the cells the reader needed.

The reader reads cached values only. A used cell that came back blank may hold a formula that
was never calculated (files written by scripts, not by Excel); a second, formulas-visible pass
over just those cells reports each one, instead of treating it as blank. In a workbook that
asks for its formulas to be calculated on opening, every formula cell comes back blank (its
stored "result" is a placeholder: see ``xlsx_extent``) and is reported the same way.
"""

from __future__ import annotations

import io
from typing import Any

from openpyxl import load_workbook
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from components.ingest.report import Problem
from components.ingest.sheets import ReadContext, cell_address, quoted


def report_unsaved_formulas(ctx: ReadContext, data: bytes) -> None:
    """Second, formulas-visible pass over only the used cells that came back blank."""
    if not ctx.formula_cells or not ctx.formulas:
        return
    wanted: dict[str, dict[int, list[int]]] = {}
    for sheet_name, row, column in ctx.formula_cells:
        wanted.setdefault(sheet_name, {}).setdefault(row, []).append(column)
    workbook = load_workbook(
        io.BytesIO(data), read_only=True, data_only=False, keep_links=False, keep_vba=False
    )
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
                    if formula is None:
                        continue
                    meaning = ctx.formula_cells[(sheet_name, row, column)]
                    ctx.problems.append(
                        Problem(
                            "error",
                            ctx.file,
                            sheet_name,
                            cell_address(row, column),
                            _message(formula, meaning, recalculate=ctx.recalculate),
                            "Open the file in Excel or LibreOffice and save it again (that "
                            "stores the results), or type the value instead of the formula.",
                        )
                    )
    finally:
        workbook.close()


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
