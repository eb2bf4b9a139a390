"""Levels typed into cells formatted as percentages: 3 typed in a "0%" cell is stored as 0.03.

Excel turns a number typed into a percent-formatted cell into its hundredth: the cell shows
"3%" and holds 0.03. A level column so typed is refused whole as fractions
(``level_columns``), and nothing is converted: 0.03 could also be a real 3%. When every
number of the column is a level of the scale divided by 100 and every such cell of the
workbook is formatted as a percentage, the refusal says what most likely happened and how to
undo it (format the column as Number and type the levels again).

``note_percent_levels`` remembers a refused column whose numbers are of that shape (while the
sheet is read, without the workbook's formats); ``hint_percent_levels`` looks at the cells'
number formats once the whole xlsx file is read, and adds the hint to that refusal.
"""

from __future__ import annotations

import dataclasses
import math
from io import BytesIO
from typing import Any

from openpyxl import load_workbook

from components.framework.model import Scale
from components.ingest.sheets import ReadContext, Sheet

_KEY = ("percent levels",)


def note_percent_levels(
    ctx: ReadContext, sheet: Sheet, header: int, columns: list[int], values: list[Any]
) -> None:
    """Remember the refusal just reported for ``columns`` when their numbers are all levels
    divided by 100 (a workbook's sheet only: a csv keeps no number format)."""
    example = _hundredths_of_levels(values, ctx.framework.scale)
    if sheet.name is None or example is None:
        return
    noted = ctx.memo.setdefault(_KEY, [])
    # The refusal itself, not its index: problems of a sheet may be dropped after (info_sheets).
    noted.append((ctx.problems[-1], sheet.name, header, tuple(columns), example))


def hint_percent_levels(ctx: ReadContext, data: bytes) -> None:
    """Add the hint to each remembered refusal whose number cells are formatted as percent."""
    noted = ctx.memo.get(_KEY)
    if not noted:
        return
    try:
        workbook = load_workbook(BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - the hint is a courtesy: the refusal stands without it
        return
    try:
        for problem, sheet_name, header, columns, example in noted:
            index = next((i for i, p in enumerate(ctx.problems) if p is problem), None)
            if (
                index is not None
                and sheet_name in workbook.sheetnames
                and _all_percent(workbook[sheet_name], header, columns)
            ):
                ctx.problems[index] = _with_hint(problem, example, ctx.framework.scale)
    finally:
        workbook.close()


def _hundredths_of_levels(values: list[Any], scale: Scale) -> float | None:
    """The largest number when every number is a level divided by 100 (not all 0), else None."""
    numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    numbers = [v for v in numbers if not math.isnan(v)]
    if not numbers or not any(numbers):
        return None
    if all(
        abs(n * 100 - round(n * 100)) < 1e-6 and round(n * 100) in scale.values for n in numbers
    ):
        return max(numbers)
    return None


def _all_percent(worksheet: Any, header: int, columns: tuple[int, ...]) -> bool:
    """Whether every number below ``header`` in ``columns`` (0-based) is formatted as percent."""
    seen = False
    for row in worksheet.iter_rows(
        min_row=header + 2, min_col=min(columns) + 1, max_col=max(columns) + 1
    ):
        for cell in row:
            if getattr(cell, "column", None) is None or cell.column - 1 not in columns:
                continue
            value = cell.value
            if isinstance(value, int | float) and not isinstance(value, bool):
                if "%" not in (cell.number_format or ""):
                    return False
                seen = True
    return seen


def _with_hint(problem: Any, example: float, scale: Scale) -> Any:
    level = round(example * 100)
    message = (
        f"{problem.message} Its cells are formatted as percentages: {example:g} shows as "
        f"{level}% in Excel, so it looks like {level} typed into a cell formatted as a "
        "percentage."
    )
    fix = (
        "Format the column as Number (Format Cells > Number) and type the levels again, from "
        f"{scale.minimum} to {scale.maximum}. The app does not convert them: {example:g} could "
        f"also be a real {level}%."
    )
    return dataclasses.replace(problem, message=message, fix=fix)
