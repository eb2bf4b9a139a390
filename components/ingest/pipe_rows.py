"""A Markdown table's rows in one cell each: "| 3 | Legislation | 2 | |".

A table copied from Obsidian, a wiki, a README or a chat and pasted into a sheet lands one line
a cell in column A; saved as a csv, the lines are split at the pipes, except those holding a
comma, which the spreadsheet put in quotes whole ("| 10 | Compensation, Remedies and
Complaints Arrangements | 2 | |") and which stay one cell: their levels were read as missing,
without a word. ``split_pipe_rows`` splits each such cell at its pipes into the columns to
its right, as the other lines were, so that the table is read whole (the first pipe of a
Markdown row leaves an empty column before the first value, as the csv's split lines have):
the rows of a table whose header is itself such a cell, or that sit under a header in cells of
their own (a csv's split header), one row being enough there. The rule line under the header,
``|---|:---:|``, is no row. A pipe escaped as ``\\|`` stays in its value; a row in a cell beside
other filled cells (a note that quotes a table) is left alone. A warning names the cells.
"""

from __future__ import annotations

import re
from typing import Any

from components.ingest.column_values import has_text_with
from components.ingest.rule_lines import blank_rule_lines
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.tab_rows import TabSplitSheet, _fitted, _is_header

# A Markdown table's row: starts with a pipe, or has two pipes between values at least.
_ROW = re.compile(r"\s*\|.*\|.*|[^|]*[^|\\\s]\s*\|[^|]+\|.*")
_PIPE = re.compile(r"(?<!\\)\|")
# How many split cells a warning names, and how far above the rows their header is looked for.
_SHOWN = 3
_HEADER_ROWS = 60


def split_pipe_rows(ctx: ReadContext, sheets: list[Sheet]) -> list[Sheet]:
    """``sheets``, those holding a Markdown table's rows in one cell each split at the pipes
    (said)."""
    return [_split(ctx, sheet) or sheet for sheet in sheets]


def _parts(text: str) -> list[str | None]:
    """A Markdown row's values (``None`` where empty), the empty one before its first pipe
    kept, the one after its last left out."""
    parts = [part.strip().replace("\\|", "|") or None for part in _PIPE.split(text.strip())]
    while parts and parts[-1] is None:
        parts.pop()
    return parts


def _one_cell_rows(sheet: Sheet) -> dict[int, tuple[int, list[str | None]]]:
    """row -> (the column of its one filled cell, that cell's values) for each row whose one
    filled cell is a Markdown table's row (a rule line's values are none)."""
    found: dict[int, tuple[int, list[str | None]]] = {}
    for row, cells in enumerate(sheet.rows):
        # Quick tests first: most rows have several cells filled (a row's last cell is its last
        # filled one: rows are trimmed).
        if not cells or (len(cells) > 1 and (cells[0] is not None or cells[-2] is not None)):
            continue
        if not isinstance(last := cells[-1], str) or "|" not in last:
            continue
        if any(value is not None for value in cells[:-1]) or not _ROW.fullmatch(last):
            continue
        parts = _parts(last)
        if not blank_rule_lines([tuple(parts)])[0]:
            found[row] = (len(cells) - 1, [])  # "|---|---|": no row
        elif sum(part is not None for part in parts) >= 2:
            found[row] = (len(cells) - 1, parts)
    return found


def _header_above(ctx: ReadContext, sheet: Sheet, row: int) -> tuple[Any, ...] | None:
    """The header in cells of their own at the top of the table ``row`` is in, else ``None``:
    the rows up to two blank ones (the rule line under a Markdown header is left blank)."""
    blank = 0
    for above in range(row - 1, max(-1, row - 1 - _HEADER_ROWS), -1):
        cells = sheet.rows[above]
        if not any(value is not None for value in cells):
            blank += 1
            if blank == 2:
                return None
            continue
        blank = 0
        if _is_header(ctx, list(cells)):
            return cells
    return None


def _split(ctx: ReadContext, sheet: Sheet) -> TabSplitSheet | None:
    if not has_text_with(ctx, sheet, "|"):
        return None  # exact: a row is found only when its cell's text holds a pipe
    # Quick test first, in C: a row in one cell leaves its first or its second cell empty.
    size = len(sheet.rows)
    if None not in sheet.column(0, 0, size) and None not in sheet.column(1, 0, size):
        return None
    joined = _one_cell_rows(sheet)
    filled = {row: found for row, found in joined.items() if found[1]}
    if not filled:
        return None  # the usual case: no row in one cell holds pipes
    headers = [row for row, (_, parts) in sorted(filled.items()) if _is_header(ctx, parts)]
    first = min(filled)
    if headers:
        header: list[Any] = filled[headers[0]][1]
        if len(filled) < 2:
            return None
    elif (above := _header_above(ctx, sheet, first)) is not None:
        start = next(c for c, value in enumerate(above) if value is not None)
        # Under a header in cells, a row in one cell is the table's when it starts the row as
        # the table does (in its first column, or the one before, a Markdown row's first pipe
        # leaving it empty): a note quoting pipes further right is not.
        filled = {r: found for r, found in filled.items() if found[0] <= start}
        joined = {r: found for r, found in joined.items() if r in filled or not found[1]}
        if not filled:
            return None
        first = min(filled)
        header = list(above[filled[first][0] :])
    else:
        return None  # lines of text with pipes, no table
    rows = list(sheet.rows)
    for row, (column, parts) in joined.items():
        rows[row] = (*rows[row][:column], *_fitted(ctx, parts, header)) if parts else ()
    split = TabSplitSheet(
        sheet.name,
        rows,
        hidden=sheet.hidden,
        merged_down=list(sheet.merged_down),
        cut=sheet.cut,
        split_from={row: column for row, (column, _) in filled.items()},
    )
    _say(ctx, split, filled, sheet.value(first, filled[first][0]), whole=bool(headers))
    return split


def _say(
    ctx: ReadContext,
    sheet: Sheet,
    joined: dict[int, tuple[int, list[str | None]]],
    first_text: Any,
    *,
    whole: bool,
) -> None:
    cells = [cell_address(row, column) for row, (column, _) in sorted(joined.items())]
    first_row, (first_column, _) = min(joined.items())
    example = quoted(" ".join(str(first_text).split()))
    shown = ", ".join(cells[:_SHOWN]) + (", …" if len(cells) > _SHOWN else "")
    count = f"{len(cells)} cell{'s' if len(cells) > 1 else ''} ({shown})"
    how = (
        "as a table copied from a Markdown note (Obsidian, a wiki, a chat) and pasted into one "
        "column gives"
        if whole
        else "as a spreadsheet saves in quotes a line of a pasted Markdown table that holds a "
        "comma, while the table's other lines were split"
    )
    ctx.add(
        "warning",
        sheet,
        cell_address(first_row, first_column),
        f"{count} each held a whole row of a Markdown table ({example} in {cells[0]}), {how}. "
        "They were split at the “|” into columns and read with the table.",
        "Check what was read. To be sure, select the column, use Data > Text to Columns "
        "(Delimited, split at “|”, Other) so that each value has a column, and upload the file "
        "again.",
    )
