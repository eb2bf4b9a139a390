"""Confidence values that are not low, medium or high: said once for their column.

A "Confidence (%)" column (60%, 80%, 100%) or one of scores holds no low, medium or high in any
row: one warning per row would say the same thing 21 times. The first such cell of a column
gives the warning; each later one updates it (how many, down to which cell), so the person
reads one message naming the column, the cells and what to do.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from openpyxl.utils import get_column_letter

from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.values import parse_confidence

# How far above the first cell the column's header is looked for.
_HEADER_ROWS = 30


def say_bad_confidence(ctx: ReadContext, sheet: Sheet, row: int, column: int, raw: Any) -> None:
    """Report the confidence ``raw`` at (``row``, ``column``) that is not low, medium or high:
    a warning for the column's first such cell, updated for each later one."""
    key = ("bad-confidence", sheet.name, column)
    said: dict[str, Any] | None = ctx.memo.get(key)
    cell = cell_address(row, column)
    index = said["index"] if said is not None else -1
    if said is not None and index < len(ctx.problems) and ctx.problems[index] is said["problem"]:
        said["count"] += 1
        said["last"] = cell
        message, fix = _message(sheet, said)
        said["problem"] = ctx.problems[index] = replace(
            said["problem"], cell=f"{said['first']}:{cell}", message=message, fix=fix
        )
        return
    said = {"first": cell, "last": cell, "count": 1, "raw": raw, "row": row, "column": column}
    message, fix = _message(sheet, said)
    ctx.add("warning", sheet, cell, message, fix)
    said["problem"], said["index"] = ctx.problems[-1], len(ctx.problems) - 1
    ctx.memo[key] = said


def _message(sheet: Sheet, said: dict[str, Any]) -> tuple[str, str]:
    header = _header(sheet, said["row"], said["column"])
    column = f"The column headed {quoted(header)}" if header is not None else "The column"
    raw, first = quoted(said["raw"]), said["first"]
    if said["count"] == 1:
        where = f"holds {raw} in {first}, not a confidence of low, medium or high; it was"
    else:
        where = (
            f"holds {said['count']} values that are not a confidence of low, medium or high "
            f"({raw} in {first}, down to {said['last']}); they were"
        )
    number = isinstance(said["raw"], int | float) or str(said["raw"]).strip().endswith("%")
    kind = " Numbers and percentages are not read as a confidence." if number else ""
    return (
        f"{column} ({get_column_letter(said['column'] + 1)}) {where} left empty (the levels "
        f"were kept).{kind}",
        "Nothing to do if the levels are right. To keep the confidence, write low, medium or "
        "high in the column; otherwise leave it as it is or delete it.",
    )


def _header(sheet: Sheet, row: int, column: int) -> Any:
    for above in range(row - 1, max(row - _HEADER_ROWS, 0) - 1, -1):
        value = sheet.value(above, column)
        if isinstance(value, str) and value.strip() and not parse_confidence(value)[0]:
            return value
    return None
