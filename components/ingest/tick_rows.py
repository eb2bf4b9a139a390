"""A tick form's rows beyond one mark under one country: a Country (and Year) column on every
row, and boxes ticked as a ladder.

- A tick form (one column per level, "0 Not in place" … "4 Mature", the level reached marked
  with "x", "✓", TRUE) may carry the country and the year on every row, as a Google Sheet of
  checkboxes with a row per country and capability does: each row belongs to its own country's
  and year's assessment, as in a long table (``meta_columns``); several countries in one file
  are several assessments.
- Checkboxes are often ticked as a ladder: every level up to the one reached ("0", "1", "2"
  ticked for level 2). When every marked row is such a ladder, from the lowest level (or the
  one above it, level 0 left unticked) up with no gap, the highest tick is the level, said once
  in a warning (``ladder_rows``). A row with a gap or two separate ticks is no ladder: the
  table is read as one tick a row, and each row with several ticks is an error naming it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from components.base.text import normalise
from components.ingest.column_roles import asks_country
from components.ingest.matching import METADATA_FIELDS, Field, classify_header
from components.ingest.sheets import ReadContext, Sheet, cell_address


def meta_columns(
    sheet: Sheet, header: int, levels: Mapping[int, int], key: int
) -> dict[Field, int]:
    """The Country, ISO3, Year, Date and Round columns headed in the tick form's header row."""
    found: dict[Field, int] = {}
    for column, value in enumerate(sheet.rows[header]):
        if column in levels or column == key or value is None:
            continue
        name = classify_header(value) or ("country" if asks_country(value) else None)
        if name in METADATA_FIELDS and name not in found:
            found[name] = column
    return found


def _start(marked: Sequence[int], lowest: int) -> int | None:
    """Where the ticked levels start, when they run without a gap from ``lowest`` (or the level
    above it) to the highest; None otherwise."""
    ordered = sorted(marked)
    if ordered[0] not in (lowest, lowest + 1):
        return None
    return ordered[0] if ordered == list(range(ordered[0], ordered[-1] + 1)) else None


def _mark(value: Any) -> str:
    return normalise(str(value))


def is_ladder(ticked: Mapping[int, Any], lowest: int) -> bool:
    """Several levels (level -> the cell's mark) ticked from the lowest (or the one above) up,
    with no gap, all with the same mark (a count beside a word is no tick)."""
    marks = {_mark(v) for v in ticked.values()}
    return len(ticked) > 1 and len(marks) == 1 and _start(list(ticked), lowest) is not None


def ladder_rows(
    ctx: ReadContext,
    sheet: Sheet,
    header: int,
    levels: Mapping[int, int],
    marks: Mapping[int, list[int]],
) -> bool:
    """Whether the rows' ticks (row -> the marked columns) are ladders, to be read as their
    highest tick: every row with several ticks a ladder from the same start, and every row
    with one tick at that start or at the lowest level; said once when so."""
    lowest = min(levels.values())
    ladders = {row: [levels[c] for c in cols] for row, cols in marks.items() if len(cols) > 1}
    starts = {_start(marked, lowest) for marked in ladders.values()}
    first = min(levels)
    odd = [levels[cols[0]] for cols in marks.values() if len(cols) == 1]
    kinds = {_mark(sheet.value(r, c)) for r, cols in marks.items() for c in cols}
    tops = {max(marked) for marked in ladders.values()}
    if not ladders or len(kinds) != 1 or len(tops) < 2:
        return False  # another mark than a tick's, or every box of every row filled
    if len(starts) != 1 or None in starts or set(odd) - {lowest, *starts}:
        if len(ladders) * 2 >= sum(bool(cols) for cols in marks.values()):
            broken = [r + 1 for r, marked in ladders.items() if _start(marked, lowest) is None]
            rows = ", ".join(map(str, broken))
            where = f" (row {rows}: a gap, or separate ticks)" if broken else ""
            ctx.add(
                "error",
                sheet,
                cell_address(header, first),
                f"{len(ladders)} rows of the table have several levels ticked, and not every "
                f"row is ticked from the lowest level up to the one reached{where}, so no "
                "row's level can be told from its ticks; those rows were not used.",
                "Tick only the level reached, one box a row, then upload the file again.",
            )
        return False
    start = starts.pop()
    ctx.add(
        "warning",
        sheet,
        cell_address(header, first),
        f"Every row of the table has its boxes ticked up to the level reached (level {start} "
        "and each level above it, as a ladder); the highest tick in each row was read as its "
        "level.",
        "Check the levels read. In the form, tick only the level reached, one box a row.",
    )
    return True
