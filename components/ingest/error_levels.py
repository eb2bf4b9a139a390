"""An assessment whose every level cell shows an error value written as text: "#ERROR!".

A level computed by a formula field (Airtable's, Google Sheets', Smartsheet's) that broke
shows its error value on every row; exported to a csv, or pasted as values, that value is text
("#ERROR!", "#N/A", "#REF!", "#UNPARSEABLE"). Each cell was refused on its own, twenty-one
times the same error, and the assessment kept with nothing assessed. ``refuse_error_levels``
says it once, as what it is: the level cells of that assessment show a formula's error value,
so no level could be read, and the assessment is not kept (an empty assessment would look like
"nothing assessed"). An assessment some of whose levels were read keeps them, each error cell
said on its own.
"""

from __future__ import annotations

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from components.ingest.drafts import Draft
from components.ingest.error_cells import error_kind, errors_shown, formula_error
from components.ingest.marked_levels import tallied
from components.ingest.nothing_read import has_level
from components.ingest.sheets import ReadContext, Sheet

# An assessment has at least this many level cells showing errors to be said so.
_FEWEST = 2


def refuse_error_levels(ctx: ReadContext, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` less those whose level cells are (mostly) error values and give no level,
    each said with one error in place of its cells' own."""
    if not any(p.severity == "error" for p in ctx.problems):
        return drafts  # the usual case: no cell was refused, none shows an error value
    return [d for d in drafts if not _refused(ctx, d)]


def _refused(ctx: ReadContext, draft: Draft) -> bool:
    if not draft.first_cell or has_level(draft):
        return False
    addresses = list(dict.fromkeys(draft.first_cell.values()))
    name = draft.sheet.name
    in_book = errors_shown(ctx.memo)  # a workbook's error cells, which come back blank
    # An #N/A typed with no formula is a program's "no value" (``marked_levels``): not ours.
    marks = {place for cells in tallied(ctx).values() for place in cells}
    shown = {
        a: e
        for a in addresses
        if (name, a) not in marks
        and (e := formula_error(_value(draft.sheet, a)) or in_book.get((name or "", a)))
    }
    filled = [a for a in addresses if _value(draft.sheet, a) is not None or a in shown]
    if len(shown) < _FEWEST or 2 * len(shown) < len(filled):
        return False
    said = set(shown)
    ctx.problems[:] = [
        p
        for p in ctx.problems
        if not (p.severity == "error" and p.sheet == name and p.cell in said)
    ]
    for address in said:  # said here: not again cell by cell (``error_values``)
        ctx.formula_cells.pop((name, *cell_position(address)), None)
    cells = sorted(shown, key=cell_position)
    span = cells[0] if len(cells) == 1 else f"{cells[0]}:{cells[-1]}"
    values = list(dict.fromkeys(shown.values()))
    kind = error_kind(values[0], ctx.memo)
    ctx.add(
        "error",
        draft.sheet,
        span,
        f"The level cells of {draft.name} ({span}) show {' or '.join(values)}, {kind}, in "
        f"{'every row' if len(shown) == len(filled) else 'most rows'}: the formula that gives "
        "the levels failed, so no level could be read; it was not read as an assessment.",
        "Correct the formula, or what it reads from (a field or a sheet that was deleted or "
        "renamed, a link that was not allowed such as Google Sheets' IMPORTRANGE), until the "
        "cells show levels, or type the levels instead; then upload the file again.",
    )
    return True


def _value(sheet: Sheet, address: str) -> object:
    return sheet.value(*cell_position(address))


def cell_position(address: str) -> tuple[int, int]:
    """(row, column), 0-based, of a cell address such as "B16"."""
    letters, row = coordinate_from_string(address)
    return row - 1, column_index_from_string(letters) - 1
