"""A form's matrix question answered in one cell: "Leadership: Established, Legislation: 2".

Some form tools (Jotform) export a matrix question as one cell per respondent, its rows as
"capability: answer" pairs separated by line breaks or commas. ``spread_matrix_cells`` reads
such a column when each of its cells is pairs only, each pair naming a capability for certain
(by title or code, never a bare number) and a level: the levels go to columns of their own
after the table's last, one per capability, as a form's export with a question per capability
would have them, one respondent a row with its country from the Country column. A column of
pairs that are not all readable is reported, saying what it holds; nothing of it is guessed.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from components.ingest.layout import _header_fields as header_fields
from components.ingest.matching import exact_reference, is_plain_number
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.values import parse_level

# How far down the header row (with its Country column) is looked for.
_HEADER_ROWS = 20
# Fewer pairs than this in a cell is no matrix answer ("Note: see annex").
_MIN_PAIRS = 3
# The cells below the header looked at before the whole column is.
_SAMPLE_ROWS = 10
_SPLIT = re.compile(r"\r?\n|;|,")


def pairs_of(value: Any) -> list[tuple[str, str]] | None:
    """The "name: answer" pairs of a cell, when it holds at least three and nothing else."""
    if not isinstance(value, str) or value.count(":") < _MIN_PAIRS:
        return None
    pairs: list[tuple[str, str]] = []
    pending = ""
    for part in _SPLIT.split(value):
        # A comma inside a title ("Research, Analysis and Monitoring: 2") joins the parts.
        if ":" not in part:
            if part.strip():
                pending += part + ","
            continue
        name, _, answer = (pending + part).rpartition(":")
        pending = ""
        if not name.strip() or not answer.strip():
            return None
        pairs.append((name.strip(), answer.strip()))
    return pairs if len(pairs) >= _MIN_PAIRS and not pending else None


def spread_matrix_cells(ctx: ReadContext, sheets: list[Sheet]) -> list[Sheet]:
    """The sheets, each matrix column read into a column per capability."""
    return [_spread(ctx, sheet) for sheet in sheets]


def _spread(ctx: ReadContext, sheet: Sheet) -> Sheet:
    for header in range(min(len(sheet.rows), _HEADER_ROWS)):
        fields = header_fields(sheet.rows[header])
        if "country" in fields:
            break
    else:
        return sheet
    if fields.keys() & {"number", "capability", "level"}:
        return sheet
    for column in range(len(sheet.rows[header])):
        sample = sheet.column(column, header + 1, header + 1 + _SAMPLE_ROWS)
        if column in fields.values() or not any(pairs_of(v) for v in sample):
            continue
        cells = [(r, sheet.value(r, column)) for r in range(header + 1, len(sheet.rows))]
        cells = [(r, v) for r, v in cells if v is not None]
        answers = [(r, pairs_of(v)) for r, v in cells]
        if not cells or not any(p for _, p in answers):
            continue
        levels, bad = _levels(ctx, answers)
        if bad is None:
            ctx.add(
                "warning",
                sheet,
                cell_address(header, column),
                f"The levels were read from the “capability: level” pairs in the cells of the "
                f"column headed {quoted(sheet.rows[header][column])}, one respondent a row.",
                "Check the levels read; a column per capability holding its level says the "
                "same without pairs.",
            )
            return _with_columns(ctx, sheet, header, column, levels)
        row, said = bad
        ctx.add(
            "warning",
            sheet,
            cell_address(row, column),
            f"The cells of the column headed {quoted(sheet.rows[header][column])} hold "
            "capability and level pairs in one cell (a form's matrix answer), but "
            f"{said}; the column was not read.",
            "Give each capability a column of its own (headed with its number or title) "
            "holding its level, or write each pair as “capability title: level” with the "
            "framework's titles.",
        )
        return sheet
    return sheet


def _levels(
    ctx: ReadContext, answers: list[tuple[int, list[tuple[str, str]] | None]]
) -> tuple[dict[int, dict[int, int]], tuple[int, str] | None]:
    """Each row's levels by capability; or the first row that cannot be read, and why."""
    levels: dict[int, dict[int, int]] = {}
    for row, pairs in answers:
        if pairs is None:
            return levels, (row, "this cell is not pairs of “capability: level” only")
        found: dict[int, int] = {}
        for name, answer in pairs:
            number = None if is_plain_number(name) else exact_reference(name, ctx.capabilities)
            if number is None:
                return levels, (row, f"{quoted(name)} names no capability for certain")
            if number in found:
                return levels, (row, f"capability {number} is given twice in this cell")
            reading = parse_level(answer, ctx.framework.scale)
            if reading.error or reading.warning or reading.level is None:
                return levels, (row, f"{quoted(answer)} is not a level from 0 to 4")
            found[number] = reading.level
        levels[row] = found
    return levels, None


def _with_columns(
    ctx: ReadContext, sheet: Sheet, header: int, column: int, levels: dict[int, dict[int, int]]
) -> Sheet:
    """The sheet, a column per capability after its last, the pairs' column unheaded (read)."""
    numbers = sorted({n for found in levels.values() for n in found})
    width = sheet.width()
    rows = list(sheet.rows)
    titles = [f"{n}. {ctx.capabilities.titles[n]}" for n in numbers]
    cells = (*rows[header][:column], None, *rows[header][column + 1 :])
    rows[header] = (*cells, *[None] * (width - len(cells)), *titles)
    for row, found in levels.items():
        cells = rows[row]
        rows[row] = (*cells, *[None] * (width - len(cells)), *[found.get(n) for n in numbers])
    return dataclasses.replace(sheet, rows=rows, columns=None)
