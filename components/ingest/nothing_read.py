"""Assessments where no level could be read: said, never kept without a word.

A form filled in with colours only (each Level cell shaded red to green, or the reached
level's box shaded in a tick form), or with its levels left blank, gives an assessment with a
country and a year and nothing else. Kept without a word, it would look like an assessment
with every capability "not assessed". The reader reads values, never colours, so:

* an assessment with no level (no capability's, no enabler's) and no action plan, whose
  level cells are all empty, is not kept: an error says the level column is empty, that
  levels shown as pictures or colours are lost when a PDF is converted, when colours are read,
  and what to do (a file of nothing else is then "Nothing could be used" on the upload page);
  level cells already reported (a value that is no level, a formula without a saved result,
  levels given twice that differ) say why instead, and the assessment stays; so does one
  none of whose rows named a capability the app knows (the mapping step may read it), with
  a warning;
* when another column of its rows holds levels written out ("3 - Established" typed into the
  template's Description column), that is said instead (``levels_beside``);
* a tick form (a column per level of the scale) whose boxes are all empty is said to be one,
  rather than each level's column being reported as a country's column without levels.

An assessment of enablers only is an assessment: no word. One of an action plan only is kept
with a warning naming it: nothing else says that no level was given.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from components.ingest.counted_levels import say_counted_levels
from components.ingest.drafts import Draft
from components.ingest.levels_beside import say_levels_beside
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.values import parse_level

# A tick form lists at least this many of the scale's levels across its header.
_MIN_TICK_LEVELS = 3
# Colours are read only where they cannot be mistaken (``colour_levels``, ``shaded_boxes``).
_COLOURS = (
    "Cell colours alone are read as levels only with a colour key in the file (a cell filled "
    "with each colour next to its level), or as one shaded box per row of a tick form"
)


def say_no_levels(
    ctx: ReadContext,
    assessments: Sequence[tuple[Sequence[Any], Draft]],
    plans: pd.DataFrame,
) -> set[str]:
    """The ids of the assessments with no level at all (no capability's, no enabler's) whose
    level cells are empty: each said in an error, and not to be kept (one with an action plan
    is kept, and said to have only its plan). When
    a problem was reported at one of its level cells (a value that is no level, a formula
    without a saved result), that already says it. An assessment whose capabilities have no
    level while another column of their rows holds levels gets an error saying so instead
    (``levels_beside``), even when its enablers have levels."""
    beside = {
        id(draft)
        for _, draft in assessments
        if not has_level(draft, ("capability",))
        and (span := _level_cells(draft))
        and say_levels_beside(ctx, draft, span)
    }
    unscored = [(head, draft) for head, draft in assessments if not has_level(draft)]
    empty: set[str] = set()
    if not unscored:
        return empty  # the usual case: the plans' table is not looked at
    planned = plans["assessment_id"].value_counts().to_dict() if len(plans) else {}
    for head, draft in unscored:
        cells = {cell for (kind, _), cell in draft.first_cell.items()}
        if any(p.sheet == draft.sheet.name and p.cell in cells for p in ctx.problems):
            continue
        if cells and not _all_blank(draft, cells):
            continue  # its levels were given, and refused where said (two views that differ)
        span = _level_cells(draft)
        where = f" (the level cells {span} are empty)" if span else ""
        if span and id(draft) in beside:
            continue
        if head[0] in planned:  # a plan and no level: kept, and said
            rows = planned[head[0]]
            ctx.add(
                "warning",
                draft.sheet,
                span,
                f"No capability or enabler of {draft.name} has a level{where}: only its action "
                f"plan ({rows} row{'' if rows == 1 else 's'}) was read, and every capability "
                "shows as not assessed.",
                "Nothing to do if only the plan was meant; otherwise type each capability's "
                "level in its Level cell, and upload the file again.",
            )
            continue
        if not cells:  # no row named a capability the app knows: the mapping step may read it
            ctx.add(
                "warning",
                draft.sheet,
                None,
                f"No capability or enabler of {draft.name} has a level: it was read with every "
                f"capability not assessed. {_COLOURS}.",
                "Type each capability's level (0 to 4, or its label, such as “2 - Developing”) "
                "in its Level cell, and upload the file again.",
            )
            continue
        empty.add(head[0])
        ctx.add(
            "error",
            draft.sheet,
            span,
            f"No capability or enabler of {draft.name} has a level{where}, so nothing of it "
            "was kept. Levels shown as pictures or colours (gauges, filled circles, coloured "
            f"cells) are lost when a PDF or a web page is converted to Excel. {_COLOURS}.",
            "Type each capability's level (0 to 4, or its label, such as “2 - Developing”) "
            "in its Level cell, from the original document if the file was converted from "
            "one, and upload the file again.",
        )
    return empty


def without_assessments(
    capabilities: pd.DataFrame, enablers: pd.DataFrame, ids: set[str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The tidy tables less the rows of the assessments ``ids`` (none: the tables as they
    are)."""
    if not ids:
        return capabilities, enablers
    return tuple(  # type: ignore[return-value]
        frame[~frame["assessment_id"].isin(ids)].reset_index(drop=True)
        for frame in (capabilities, enablers)
    )


def has_level(draft: Draft, kinds: Sequence[str] = ("capability", "enabler")) -> bool:
    """Whether any capability or enabler (of ``kinds``) of the draft has a level (a loop: this
    runs for each of a long table's assessments, and the first item usually has one)."""
    for kind in kinds:
        for answers in draft.items.get(kind, {}).values():
            if answers[0] is not None:
                return True
    return False


def _all_blank(draft: Draft, cells: set[str]) -> bool:
    """Whether the draft's level ``cells`` are blank on its sheet (none holds a value that
    was read and then refused elsewhere, as two views' levels that differ are)."""
    for cell in cells:
        letters, row = coordinate_from_string(cell)
        if draft.sheet.value(row - 1, column_index_from_string(letters) - 1) is not None:
            return False
    return True


def _level_cells(draft: Draft) -> str | None:
    """The range of the draft's capability level cells when they run down one column
    ("E11:E31"), else ``None``."""
    cells = [
        coordinate_from_string(cell)
        for (kind, _), cell in draft.first_cell.items()
        if kind == "capability"
    ]
    if not cells or len({letters for letters, _ in cells}) != 1:
        return None
    letters = cells[0][0]
    rows = sorted(row for _, row in cells)
    return f"{letters}{rows[0]}" if len(rows) == 1 else f"{letters}{rows[0]}:{letters}{rows[-1]}"


def say_blank_tick_form(
    ctx: ReadContext, sheet: Sheet, header: int, columns: Sequence[int]
) -> bool:
    """Whether the columns a wide table took for assessments are a tick form's level columns
    ("0 Not in place" … "4 Mature"), never countries; if so, said once (an error: nothing was
    read): no box ticked, or (``counted_levels``) counts per level and no agreed level."""
    levels: dict[int, int] = {}
    for column in columns:
        reading = parse_level(sheet.value(header, column), ctx.framework.scale)
        if reading.level is None or reading.error or reading.warning:
            return False
        levels[column] = reading.level
    if len(levels) < _MIN_TICK_LEVELS or len(set(levels.values())) != len(levels):
        return False
    last = len(sheet.rows)
    if any(v is not None for c in columns for v in sheet.column(c, header + 1, last)):
        return say_counted_levels(ctx, sheet, header, columns)  # votes per level
    first, end = min(columns), max(columns)
    span = f"{cell_address(header, first)}:{cell_address(header, end)}"
    ctx.add(
        "error",
        sheet,
        span,
        f"The table has a column for each level ({quoted(sheet.value(header, first))} to "
        f"{quoted(sheet.value(header, end))}), but no box under them is ticked, so no level "
        f"was read. {_COLOURS}.",
        "Type an “x” in the box of the level each capability reached (one per row), or write "
        "the level in a single Level column.",
    )
    return True
