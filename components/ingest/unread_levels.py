"""Level cells that look empty to the reader but are not: said for what they hold.

A row or a column of a countries table with no level, or an assessment with no level at all,
usually means "not assessed yet". But when most of its level cells hold something the reader
does not read (``cell_contents``), the levels are there for the person and were lost: formulas
whose results were never saved (a file written by a script), error values (a row of
``#REF!`` from Google Sheets' IMPORTRANGE), notes holding the levels, or only fill colours.
Then that is said, as an error, with how to get the levels read, instead of "has no level".

An assessment whose level cells hold formulas without saved results or notes is not kept
(an empty assessment would look like "nothing assessed"); it is said once for its cells,
unless the formulas pass (``formulas``) said it cell by cell already.

Sheets cut at the row or column limit: the cut is an error only where a table was read from
the sheet; a sheet that held none (a long change log, a wide helper sheet) gets a warning.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from components.ingest.cell_contents import COLOUR, FORMULA, NOTE, blank_kinds
from components.ingest.drafts import Draft
from components.ingest.error_cells import errors_shown
from components.ingest.error_levels import cell_position, refuse_error_levels
from components.ingest.mark_reports import say_marks
from components.ingest.nothing_read import has_level
from components.ingest.sheets import WORKBOOK_KEY, ReadContext, Sheet, cell_address, quoted

_ERROR = "error"
_TYPE_LEVELS = "Type each level (0 to 4, or its label, such as “2 - Developing”) in its cell"
_FIXES = {
    FORMULA: "Open the file in Excel or LibreOffice and save it again (that stores the "
    "formulas' results), then upload it again; or type the levels instead of the formulas.",
    _ERROR: "Correct the formulas, or what they read from (a deleted sheet, a link that was "
    "not allowed such as Google Sheets' IMPORTRANGE), until the cells show levels, or type the "
    "levels instead; then upload the file again.",
    NOTE: f"{_TYPE_LEVELS}, not in a note, and upload the file again.",
    COLOUR: f"{_TYPE_LEVELS} (the colour can stay), and upload the file again.",
}
# What a cut sheet's error says (``sheets``): a warning where no table was read.
_CUT = ("The sheet has more than ", "The sheet has data beyond column ")


def say_unread_row(
    ctx: ReadContext, sheet: Sheet, row: int, columns: Iterable[int], name: Any
) -> bool:
    """Whether a row's level cells (in ``columns``) hold levels the reader does not read:
    if so, said (an error)."""
    lead = f"Row {row + 1} names {quoted(name)}, but its level cells"
    return _say(ctx, sheet, [(row, column) for column in columns], lead)


def say_unread_column(ctx: ReadContext, sheet: Sheet, header: int, column: int) -> bool:
    """Whether a column's cells under the header hold levels the reader does not read."""
    cells = [(row, column) for row in range(header + 1, len(sheet.rows))]
    lead = f"The column headed {quoted(sheet.value(header, column))} has no level read: its cells"
    return _say(ctx, sheet, cells, lead)


def settle_unread(
    ctx: ReadContext, drafts: list[Draft], plan_sheets: Sequence[tuple[Sheet, Any]]
) -> list[Draft]:
    """The drafts without those whose level cells all look empty but hold formulas without
    saved results or notes (said), and those whose level cells hold only a program's mark of
    a missing value ("NULL": ``mark_reports``); cut sheets' errors made warnings where nothing
    was read."""
    drafts = say_marks(ctx, refuse_error_levels(ctx, drafts))  # "#ERROR!" in every level cell
    read = {draft.sheet.name for draft in drafts} | {sheet.name for sheet, _ in plan_sheets}
    ctx.problems[:] = [
        replace(p, severity="warning")
        if p.severity == "error" and p.message.startswith(_CUT) and p.sheet not in read
        else p
        for p in ctx.problems
    ]
    if WORKBOOK_KEY not in ctx.memo:
        return drafts
    kept = []
    for draft in drafts:
        if has_level(draft) or not draft.first_cell:
            kept.append(draft)
            continue
        addresses = list(dict.fromkeys(draft.first_cell.values()))
        cells = [cell_position(address) for address in addresses]
        said = {p.cell for p in ctx.problems if p.sheet == draft.sheet.name}
        if said & set(addresses):
            # Formulas said cell by cell already: the assessment is not kept empty.
            if _kind(ctx, draft.sheet, cells)[0] != FORMULA:
                kept.append(draft)
            continue
        lead = f"The level cells of {draft.name}"
        if not _say(ctx, draft.sheet, cells, lead, kinds=(FORMULA, NOTE)):
            kept.append(draft)
    return kept


def _say(
    ctx: ReadContext,
    sheet: Sheet,
    cells: list[tuple[int, int]],
    lead: str,
    kinds: Sequence[str] = (FORMULA, _ERROR, NOTE, COLOUR),
) -> bool:
    kind, found = _kind(ctx, sheet, cells)
    if kind not in kinds:
        return False
    span = _span(found)
    if kind == FORMULA:
        what = "hold formulas with no saved result, so no level could be read"
    elif kind == _ERROR:
        shown = " or ".join(
            dict.fromkeys(_errors(ctx)[sheet.name, cell_address(*c)] for c in found)
        )
        what = f"show {shown}, a formula error, so no level could be read"
    elif kind == NOTE:
        what = (
            "are empty but carry notes (comments): the levels seem to be written in the "
            "notes, and notes are not read, so no level was read"
        )
    else:
        what = "are only coloured in. Cell colours and shading are not read, so no level was read"
    message = f"{lead} ({span}) {what}; it was not read as an assessment."
    ctx.add("error", sheet, span, message, _FIXES[kind])
    return True


def _kind(
    ctx: ReadContext, sheet: Sheet, cells: list[tuple[int, int]]
) -> tuple[str | None, list[tuple[int, int]]]:
    """What most of the (blank) cells hold, and which cells hold it; ``None`` when most hold
    nothing the reader knows of."""
    if not cells or sheet.name is None:
        return None, []
    kinds = blank_kinds(ctx, sheet.name)
    errors = _errors(ctx)
    held: dict[tuple[int, int], str] = {}
    for cell in cells:
        if (sheet.name, cell_address(*cell)) in errors:
            held[cell] = _ERROR
        elif cell in kinds:
            held[cell] = kinds[cell]
    if not held:
        return None, []
    kind, count = Counter(k.partition(":")[0] for k in held.values()).most_common(1)[0]
    if 2 * count < len(cells):
        return None, []
    found = [cell for cell in cells if held.get(cell, "").partition(":")[0] == kind]
    if kind in (NOTE, COLOUR) and len(found) > 1 and len({held[c] for c in found}) < 2:
        # One colour or one note on every cell: a template's input shading or instructions,
        # not levels (these differ from cell to cell).
        return None, []
    return kind, found


def _errors(ctx: ReadContext) -> dict[tuple[str, str], str]:
    return errors_shown(ctx.memo)


def _span(cells: list[tuple[int, int]]) -> str:
    first, last = min(cells), max(cells)
    if first == last:
        return cell_address(*first)
    return f"{cell_address(*first)}:{cell_address(*last)}"
