"""What the read says of the marks of a missing value its cells held, once the file is read.

``marked_levels`` reads a level, ISO3 code or year cell holding a program's mark of a missing
value ("NULL", "\\N", ".", a typed #N/A: ``missing_marks``) as no value and tallies it. Here,
once every sheet is read:

* one warning per mark and file, naming it, who writes it, how many level cells hold it and
  the first of them (and the ISO3 and year cells), never one per cell;
* an assessment whose every level cell that is not empty holds a mark gives no level: it is
  refused ("No level is given"), with an error when nothing else of the file was read, else a
  warning; never kept with every capability "not assessed" as if it had been assessed so,
  nor read as zeros.
"""

from __future__ import annotations

from collections.abc import Sequence

from components.ingest.drafts import Draft
from components.ingest.marked_levels import tallied
from components.ingest.missing_marks import TYPED_NA, WRITERS
from components.ingest.nothing_read import has_level
from components.ingest.sheets import ReadContext

Place = tuple[str | None, str]  # (sheet name, cell)
# Cells a message names, at most.
_SHOWN = 3
# A typed #N/A may also be a failed lookup's, pasted as a value: what to do then.
_LOOKUP = (
    " If the cells were pasted from lookups that found nothing (Paste Special > Values), "
    "correct the lookups, then copy and paste their values again."
)


def say_marks(ctx: ReadContext, drafts: list[Draft]) -> list[Draft]:
    """The drafts less those whose level cells hold nothing but marks, each said; one warning
    per mark for the level cells of the others (and the ISO3 and year cells) holding it."""
    tally = tallied(ctx)
    if not tally:
        return drafts
    marks = {place: mark for mark, cells in tally.items() for place in cells}
    kept, refused = [], []
    for draft in drafts:
        cells = {(draft.sheet.name, cell) for cell in draft.first_cell.values()}
        if draft.needs_owner or has_level(draft) or not cells & marks.keys():
            kept.append(draft)
        else:
            refused.append((draft, sorted(cells & marks.keys(), key=_place_order)))
    _say_refused(ctx, refused, marks, nothing_else=not any(map(has_level, kept)))
    used = {(d.sheet.name, cell) for d in kept for cell in d.first_cell.values()}
    sheets = {d.sheet.name for d in kept}
    for mark, cells in tally.items():
        levels = [p for p, what in cells.items() if what == "level" and p in used]
        others = [(p, what) for p, what in cells.items() if what != "level" and p[0] in sheets]
        if levels or others:
            _say_mark(ctx, drafts, mark, sorted(levels, key=_place_order), others)
    return kept


def _place_order(place: Place) -> tuple[str, int, str]:
    sheet, cell = place
    letters = cell.rstrip("0123456789")
    return (sheet or "", int(cell[len(letters) :] or 0), letters.rjust(3))


def _cells(places: Sequence[Place]) -> str:
    shown = ", ".join(cell for _, cell in places[:_SHOWN])
    return shown + (", …" if len(places) > _SHOWN else "")


def _say_refused(
    ctx: ReadContext,
    refused: list[tuple[Draft, list[Place]]],
    marks: dict[Place, str],
    *,
    nothing_else: bool,
) -> None:
    for draft, places in refused:
        held = " and ".join(dict.fromkeys(f"“{marks[p]}”" for p in places))
        writers = "; ".join(dict.fromkeys(WRITERS[marks[p]] for p in places))
        count = f"{len(places)} level cell{'s' if len(places) > 1 else ''}"
        ctx.add(
            "error" if nothing_else else "warning",
            draft.sheet,
            places[0][1],
            f"No level is given for {draft.name}: its {count} ({_cells(places)}) hold {held}, "
            f"the mark {writers}, and no other holds a level, so it was not read.",
            "If the assessment has been made, export it again once its levels are entered, or "
            "type each level (0 to 4) in its cell; a mark of a missing value is never read as a "
            "level.",
        )


def _say_mark(
    ctx: ReadContext,
    drafts: list[Draft],
    mark: str,
    levels: list[Place],
    others: list[tuple[Place, str]],
) -> None:
    parts = []
    if levels:
        count = f"{len(levels)} level cell{'s' if len(levels) > 1 else ''}"
        parts.append(f"{count} ({_cells(levels)}) as not assessed, never as a level")
    for what in dict.fromkeys(what for _, what in others):
        places = [place for place, kind in others if kind == what]
        parts.append(f"{_cells(places)} as no {what}")
    first = (levels or [place for place, _ in others])[0]
    sheet = next((d.sheet for d in drafts if d.sheet.name == first[0]), None)
    ctx.add(
        "warning",
        sheet,
        first[1],
        f"“{mark}” is the mark {WRITERS[mark]}; it was read as no value: {'; '.join(parts)}.",
        (
            "Nothing to do if those capabilities were not assessed; otherwise write each level in "
            "its cell." + (_LOOKUP if mark == TYPED_NA else "")
        )
        if levels
        else "Nothing to do if those values are missing; otherwise write them in their cells.",
    )
