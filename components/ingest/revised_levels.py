"""Levels struck through in their cells, with the new level in a "Revised" column beside.

A reviewer who changes a draft's levels often keeps the draft visible: the old level's cell is
formatted as strikethrough (the whole cell, not a part of its text: ``struck_levels`` reads
"~~2~~ 1") and the new level is typed in a column added beside it, headed "Revised", "New",
"Updated", "Corrected" (or "Nouveau", "Revisado" …), filled only in the rows that changed. Read
as values, the struck draft is the assessment and the new column is lost, in silence. A person
reads:

* the new column's level where it gives one (struck or not, its row was revised);
* a struck level with no new one beside it as crossed out: not assessed ("withdrawn");
* every other level as it is.

Only a table whose level column has a cell struck through whole and a correction column
right of it (within a few columns, headed by such a word alone or with "level") is read so,
with a warning naming the cells; the formats are read only once such a heading is found.
"""

from __future__ import annotations

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from components.base.text import normalise, word_set
from components.ingest.cell_formats import struck_cells
from components.ingest.column_values import sheet_texts
from components.ingest.drafts import Draft
from components.ingest.sheets import WORKBOOK_KEY, ReadContext, Sheet, cell_address, quoted
from components.ingest.values import is_blank, parse_level

# Words saying a column holds the levels as changed after the draft (normalised).
_REVISED = word_set(
    "revised revision new updated update corrected correction amended changed"
    " nouveau nouvelle nouveaux revise revisee corrige corrigee modifie modifiee"
    " nuevo nueva revisado revisada corregido corregida actualizado actualizada modificado"
    " novo nova revisto corrigido atualizado neu neue neuer"
)
# Words that may go with them in the heading ("New level", "Level (revised)").
_LEVEL = word_set("level levels score rating niveau nivel nivell nivea stufe to value")
_REACH = 3  # columns right of the level column a correction column may be


def read_revised_levels(ctx: ReadContext, drafts: list[Draft]) -> None:
    """Give each draft whose level column has levels struck through, with a correction
    column beside it, the new levels (and struck ones with none beside: not assessed), said."""
    if WORKBOOK_KEY not in ctx.memo:
        return  # a csv has no format
    headed: dict[int, bool] = {}  # sheet -> whether a text of it may head a correction
    for draft in drafts:
        sheet = draft.sheet
        if (may := headed.get(id(sheet))) is None:
            texts = sheet_texts(ctx, sheet)
            may = headed[id(sheet)] = texts is None or any(map(_revision_heading, texts))
        # Exact: a correction column is headed by a text with a revision's word; a sheet with
        # none has no correction column for any of its drafts.
        found = _correction_column(draft) if may else None
        if found is not None:
            _revise(ctx, draft, *found)


def _correction_column(draft: Draft) -> tuple[int, int, int] | None:
    """(header row, level column, correction column) of the draft's table, when a column
    right of its level column is headed as a correction (looked at from its first level cell
    alone: this runs for each of a long table's assessments)."""
    if len(draft.first_cell) < 2:
        return None
    top, column = _position(next(iter(draft.first_cell.values())))
    sheet = draft.sheet
    header = next(
        (row for row in range(top - 1, max(-1, top - 4), -1) if _text(sheet, row, column)), None
    )
    if header is None:
        return None
    for other in range(column + 1, column + 1 + _REACH):
        if _revision_heading(_text(sheet, header, other)):
            return header, column, other
    return None


def _revision_heading(text: str) -> bool:
    """Whether a heading names a correction column ("Revised", "New level")."""
    words = normalise(text.strip()).split()
    return bool(words) and bool(set(words) & _REVISED) and set(words) <= _REVISED | _LEVEL


def _revise(ctx: ReadContext, draft: Draft, header: int, column: int, revised: int) -> None:
    sheet = draft.sheet
    struck = struck_cells(ctx, sheet.name)
    rows = {
        item: row
        for item, address in draft.first_cell.items()
        for row, at in [_position(address)]
        if at == column
    }
    if not any((row, column) in struck for row in rows.values()):
        return  # nothing crossed out: the column is not a revision of this one
    new: dict[tuple[str, int], int] = {}
    for item, row in rows.items():
        value = sheet.value(row, revised)
        if is_blank(value):
            continue
        reading = parse_level(value, ctx.framework.scale)
        if reading.error or reading.warning:
            return  # a column of other things than levels: not read as the new levels
        if reading.level is not None:
            new[item] = reading.level
    changed, withdrawn = [], []
    for item, row in rows.items():
        kind, number = item
        _, evidence, confidence = draft.items[kind].get(number, (None, None, None))
        if item in new:
            draft.items[kind][number] = (new[item], evidence, confidence)
            changed.append(cell_address(row, revised))
        elif (row, column) in struck:
            draft.items[kind][number] = (None, evidence, confidence)
            withdrawn.append(cell_address(row, column))
    crossed = sorted(row for row in rows.values() if (row, column) in struck)
    parts = [
        f"The column headed {quoted(sheet.value(header, column))} has levels struck through "
        f"({_cells([cell_address(r, column) for r in crossed])}) and the column headed "
        f"{quoted(sheet.value(header, revised))} gives new ones"
    ]
    if changed:
        parts.append(f"the new level was read where one is given ({_cells(changed)})")
    if withdrawn:
        parts.append(
            f"a struck level with no new one beside it ({_cells(withdrawn)}) was read as "
            "not assessed (crossed out)"
        )
    ctx.add(
        "warning",
        sheet,
        cell_address(header, revised),
        "; ".join(parts) + ".",
        "If that is wrong, delete the struck-through levels and write each capability's "
        "current level in one Level column, then upload the file again.",
    )


def _text(sheet: Sheet, row: int, column: int) -> str:
    value = sheet.value(row, column)
    return value.strip() if isinstance(value, str) else ""


def _cells(addresses: list[str]) -> str:
    return ", ".join(addresses[:6]) + (" …" if len(addresses) > 6 else "")


def _position(address: str) -> tuple[int, int]:
    letters, row = coordinate_from_string(address)
    return row - 1, column_index_from_string(letters) - 1
