"""A column of work states ("To Do", "In Progress", "Done", "Working on it", "Stuck"): where a
task stands, never its level.

Project tools (Jira, monday.com, Asana, Trello, ClickUp, Planner, Smartsheet) export every
task with its workflow state, in a column headed "Status" (a word the vocabulary reads as the
level: "Current status" heads many a template's level column) or "Progress". An assessment
kept in such a tool has its level in a column of its own ("Custom field (MNR Level)",
"Current level", "Maturity score"). Taken for the level column, the states made every level
"“Done” is not a level", and the levels were not read at all. ``is_state_column`` tells the
states' column apart by its values; ``level_candidates`` leaves it out of the level columns of
a header when another one remains, as it does a column of other text, and puts a level column
with something in it (values, or cells showing a formula's error) before one left empty
("Score (raw)" empty beside "Level").

A column of states alone (a work plan with no levels) stays what it was: its cells are
reported as no levels, and no level is invented.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from components.base.text import normalise
from components.ingest.column_roles import holds_text
from components.ingest.error_cells import errors_shown
from components.ingest.max_columns import level_columns
from components.ingest.sheets import ReadContext, Sheet, cell_address
from components.ingest.values import parse_level

# Rows below the header looked at.
_SAMPLE_ROWS = 60
# The states of the tools' workflows, and the words people give them, normalised.
WORK_STATES = frozenset(
    {
        # Jira, Trello, Asana, ClickUp, Planner, Kanban boards
        "to do", "todo", "doing", "done", "in progress", "in review", "review", "under review",
        "ready", "ready for review", "backlog", "selected for development", "open", "reopened",
        "closed", "resolved", "complete", "completed", "incomplete", "not started", "started",
        "blocked", "on hold", "waiting", "cancelled", "canceled", "won t do", "wont do",
        "new", "draft", "approved", "rejected", "archived", "deferred", "in testing", "qa",
        "scheduled", "overdue", "late", "at risk", "on track", "off track", "planned",
        # monday.com's default labels
        "working on it", "stuck", "waiting for review", "pending review",
        # French, Spanish, Portuguese, German
        "a faire", "en cours", "termine", "terminee", "fait", "bloque", "en attente",
        "por hacer", "en progreso", "hecho", "terminado", "completado", "bloqueado",
        "pendiente", "a fazer", "em andamento", "feito", "concluido",
        "zu erledigen", "in bearbeitung", "erledigt", "abgeschlossen", "blockiert",
    }
)  # fmt: skip


def is_work_state(value: object) -> bool:
    """Whether a cell holds a workflow state ("Done", "Working on it"), in any case."""
    return isinstance(value, str) and len(value) <= 40 and normalise(value) in WORK_STATES


def is_state_column(ctx: ReadContext, sheet: Sheet, header: int, column: int) -> bool:
    """Whether ``column`` holds work states below ``header``: most of its filled cells are
    states, and none reads as a level."""
    values = [
        v for v in sheet.column(column, header + 1, header + 1 + _SAMPLE_ROWS) if v is not None
    ]
    states = sum(is_work_state(v) for v in values)
    if not values or states * 2 < len(values):
        return False
    scale = ctx.framework.scale
    return not any(parse_level(v, scale).level is not None for v in values if not is_work_state(v))


def headed_levels(
    ctx: ReadContext, sheet: Sheet, header: int, fields: Mapping[Any, int]
) -> tuple[list[int], dict[Any, int]]:
    """``max_columns.level_columns`` (the header's columns headed like the level, less those
    saying the maximum) less the columns of work states, while another is left: an empty
    "Custom field (MNR Level)" beside a "Status" of "To Do" is still the level column, not
    set aside as empty beside one that holds something (``empty_levels``)."""
    levels, fields = level_columns(sheet, header, fields)
    if len(levels) < 2:
        return levels, fields  # the usual case: one level column, or none
    kept = [c for c in levels if not is_state_column(ctx, sheet, header, c)]
    if not kept or len(kept) == len(levels):
        return levels, fields
    return kept, {**fields, "level": kept[0]} if fields.get("level") not in kept else fields


def level_candidates(ctx: ReadContext, sheet: Sheet, header: int, levels: list[int]) -> list[int]:
    """The columns of ``levels`` (a header's columns headed like the level) that may be its
    level column: those of text or work states left out while one is left, those with
    something in them first."""
    scale = ctx.framework.scale
    kept = [c for c in levels if not holds_text(sheet, header, c, scale)] or levels
    kept = [c for c in kept if not is_state_column(ctx, sheet, header, c)] or kept
    filled = [c for c in kept if _filled(ctx, sheet, header, c)]
    return [*filled, *(c for c in kept if c not in filled)]


def _filled(ctx: ReadContext, sheet: Sheet, header: int, column: int) -> bool:
    """Whether a column has something below ``header``: a value, or a workbook's error cell
    (read blank, it shows "#N/A": a level a formula failed to give)."""
    values = sheet.column(column, header + 1, header + 1 + _SAMPLE_ROWS)
    if any(v is not None for v in values):
        return True
    shown = errors_shown(ctx.memo)
    return bool(shown) and any(
        (sheet.name or "", cell_address(row, column)) in shown
        for row in range(header + 1, header + 1 + len(values))
    )
