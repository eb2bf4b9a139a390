"""A table of enablers beside the capabilities: "No. | Enabler | Level" to the right.

People fit a form onto one printed page by putting the enablers' table to the right of the
capabilities', on the same rows, after a blank column (sometimes under an "Enablers" title).
Read as one table, the second block's columns are not the capabilities' and its rows were
lost without a word. So when the sheet's one assessment has capabilities and no enablers,
and a header row has, right of a blank cell that follows the capabilities' header, a block
with an enabler column and a level column, that block is read on its own (the sheet with the
columns left of it blanked: its cells keep their addresses) and its enablers are given to the
assessment. When no enabler level can be read from it, a warning names its range.
"""

from __future__ import annotations

from collections.abc import Callable

from openpyxl.utils import get_column_letter

from components.ingest.drafts import Draft
from components.ingest.matching import classify_header
from components.ingest.sheets import ReadContext, Sheet, cell_address
from components.ingest.values import is_blank

# How far down a sheet a header row of enablers is looked for.
_SCAN_ROWS = 300


def read_side_enablers(
    ctx: ReadContext,
    sheet: Sheet,
    drafts: list[Draft],
    parse: Callable[[ReadContext, Sheet], list[Draft]],
) -> None:
    """Give the sheet's one assessment the enablers of a table beside its capabilities
    (``parse`` reads a sheet: the reader's ``parse_sheet``), or warn that it was not read."""
    owners = [d for d in drafts if d.sheet is sheet and d.items["capability"]]
    if len(owners) != 1 or owners[0].items["enabler"] or not sheet.rows:
        return
    found = _side_header(sheet)
    if found is None:
        return
    row, start = found
    width = sheet.width()
    side = Sheet(
        sheet.name,
        sheet.rows[:row] + [(None,) * start + tuple(r[start:]) for r in sheet.rows[row:]],
        sheet.hidden,
    )
    problems, unmatched = len(ctx.problems), len(ctx.unmatched)
    reported = set(ctx.reported)
    read = parse(ctx, side)
    enablers = {
        number: answers
        for draft in read
        for number, answers in draft.items["enabler"].items()
        if answers[0] is not None
    }
    owner = owners[0]
    if enablers and not any(d.items["capability"] for d in read):
        del ctx.problems[problems:]  # the labels above were read with the capabilities
        del ctx.unmatched[unmatched:]
        ctx.reported = reported
        for draft in read:
            for number, answers in draft.items["enabler"].items():
                owner.items["enabler"].setdefault(number, answers)
                cell = draft.first_cell.get(("enabler", number))
                if cell is not None:
                    owner.first_cell.setdefault(("enabler", number), cell)
        return
    del ctx.problems[problems:]
    del ctx.unmatched[unmatched:]
    ctx.reported = reported
    last = _last_row(sheet, row, start)
    where = f"{cell_address(row, start)}:{get_column_letter(width)}{last + 1}"
    ctx.add(
        "warning",
        sheet,
        where,
        f"A table of enablers beside the capabilities ({where}) was not read: no enabler's "
        "level could be read from it.",
        "Give each enabler its level (0 to 4) in the table's Level column, or put the "
        "enablers on a sheet of their own with No., Enabler and Level headers.",
    )


def _side_header(sheet: Sheet) -> tuple[int, int] | None:
    """(row, first column) of a header block naming an enabler and a level, right of a blank
    cell that has header cells left of it; ``None`` when there is none."""
    for row, cells in enumerate(sheet.rows[:_SCAN_ROWS]):
        fields = [classify_header(value) for value in cells]
        if "enabler" not in fields or fields.count("level") < 1:
            continue
        column = fields.index("enabler")
        start = column
        while start > 0 and not is_blank(cells[start - 1]):
            start -= 1
        if start < 2 or not any(fields[:start]):  # nothing beside it on the left
            continue
        if "level" in fields[column:] and "enabler" not in fields[: start - 1]:
            return row, start
    return None


def _last_row(sheet: Sheet, row: int, start: int) -> int:
    """The last row of the block below its header (the first row blank right of ``start``)."""
    last = row
    for index in range(row + 1, len(sheet.rows)):
        if all(is_blank(value) for value in sheet.rows[index][start:]):
            break
        last = index
    return last
