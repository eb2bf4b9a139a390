"""A table of targets beside the table of levels: "CURRENT LEVELS (2023)" | "TARGET LEVELS (2027)".

A plan tracker puts two tables of the same shape side by side on one sheet, each under its
title: the levels reached, and the levels aimed at. Read as one table, the sheet has two
Country columns and each capability twice, and is refused. A careful reader reads the
current table and sets the targets aside (a target is no assessment): the target table's
columns are left out of the sheet before it is read, with a warning naming its title. A
table stacked under another and titled so is left out by ``stacked``.
"""

from __future__ import annotations

from dataclasses import replace

from openpyxl.utils import get_column_letter

from components.ingest.matching import exact_reference
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.stacked import target_title

# Titles are looked for this far down; a title row holds a few titles and nothing else.
_SCAN_ROWS = 30
_MAX_TITLES = 4
# A table under a title has a header row this near it, of at least this many headings.
_HEADER_GAP = 3
_MIN_HEADINGS = 3
# The rows of a table under its title looked at for the capabilities it names.
_TABLE_ROWS = 30


def without_target_tables(ctx: ReadContext, sheets: list[Sheet]) -> list[Sheet]:
    """The sheets with each table of targets that stands beside another table left out."""
    return [_without_targets(ctx, sheet) for sheet in sheets]


def _without_targets(ctx: ReadContext, sheet: Sheet) -> Sheet:
    # Whether a text titles targets, read once per distinct text of the sheet (a title
    # merged across columns repeats along its row).
    titled: dict[str, bool] = {}
    for row in range(min(len(sheet.rows), _SCAN_ROWS)):
        cells = sheet.rows[row]
        if not 2 <= len(cells) - cells.count(None) <= _MAX_TITLES:
            continue  # counted in C: most rows are a table's, or blank
        titles = [(c, v) for c, v in enumerate(cells) if v is not None]
        if not all(isinstance(v, str) for _, v in titles):
            continue
        targets = [c for c, v in titles if _target(titled, v)]
        if not targets or len(targets) == len(titles):
            continue
        starts = [c for c, _ in titles]
        ends = [*starts[1:], sheet.width()]
        blocks = list(zip(starts, ends, strict=True))
        if not all(_headed(sheet, row, start, end) for start, end in blocks):
            continue
        aimed = [b for b in blocks if b[0] in targets]
        if not all(_names_capabilities(ctx, sheet, row, *block) for block in aimed):
            continue  # a plan's table of actions beside the levels is the plan's to read
        return _left_out(ctx, sheet, row, aimed)
    return sheet


def _target(titled: dict[str, bool], text: str) -> bool:
    if (found := titled.get(text)) is None:
        found = titled[text] = target_title(text)
    return found


def _headed(sheet: Sheet, row: int, start: int, end: int) -> bool:
    """Whether a table's header row is under the title at ``row``, in columns ``start`` to
    ``end - 1``."""
    for below in range(row + 1, min(len(sheet.rows), row + 1 + _HEADER_GAP)):
        cells = sheet.rows[below][start:end]
        if sum(value is not None for value in cells) >= _MIN_HEADINGS:
            return True
    return False


def _names_capabilities(ctx: ReadContext, sheet: Sheet, row: int, start: int, end: int) -> bool:
    """Whether the table under the title at ``row`` (columns ``start`` to ``end - 1``) names
    capabilities, across its header or down a column: a table of levels, not a plan's."""
    named: set[int] = set()
    for cells in sheet.rows[row + 1 : row + 1 + _TABLE_ROWS]:
        for value in cells[start:end]:
            # Titles and codes ("C1"), not bare numbers: a column of levels holds those too.
            if isinstance(value, str) and (number := exact_reference(value, ctx.capabilities)):
                named.add(number)
        if len(named) >= _MIN_HEADINGS:
            return True
    return False


def _left_out(ctx: ReadContext, sheet: Sheet, row: int, blocks: list[tuple[int, int]]) -> Sheet:
    rows = list(sheet.rows)
    for start, end in blocks:
        title = sheet.value(row, start)
        last = max(
            (c for r in rows[row:] for c in range(start, min(end, len(r))) if r[c] is not None),
            default=start,
        )
        ctx.add(
            "warning",
            sheet,
            cell_address(row, start),
            f"The table under {quoted(title)} (columns {get_column_letter(start + 1)} to "
            f"{get_column_letter(last + 1)}) holds target levels, not an assessment: it was "
            "not read as one.",
            "To keep the targets, give them as the action plan: a Target level column beside "
            'the levels, or an "Action plan" sheet.',
        )
        for index in range(row, len(rows)):
            cells = rows[index]
            if len(cells) > start:
                kept = (*cells[:start], *([None] * (min(end, len(cells)) - start)), *cells[end:])
                while kept and kept[-1] is None:
                    kept = kept[:-1]
                rows[index] = tuple(kept)
    return replace(sheet, rows=rows, columns=None)
