"""SurveyMonkey's matrix exported one column per option.

A matrix question's export may give each capability several columns: the capability's title
over them ("1. Leadership", merged across), the options under it in the second header row
("Not in place | Building | … | Mature"), and in each response the chosen option's text (or a
tick) in its column, the others blank. ``option_levels`` sees that second row (each column of
a capability named by a different level); ``choose_options`` turns each response's choice into
the level, in the first column of the capability, for ``forms`` to read as one column per
capability. Two options chosen for one capability are reported, neither read.
"""

from __future__ import annotations

from typing import Any

from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.values import parse_level
from components.ingest.vocabulary import key_of

# What SurveyMonkey writes under a question that is not a matrix (and beside a matrix's
# options, for a comment).
PLACEHOLDERS = frozenset({"response", "open ended response", "other", "other please specify"})
# Cells of a tick column that say "not chosen" (a 0/1 or yes/no export).
_UNTICKED = frozenset({"0", "no", "false", "n"})


_MIN_OPTIONS = 3  # a capability's options side by side: at least this many


def option_levels(
    ctx: ReadContext, sheet: Sheet, named: dict[int, int], row: int
) -> dict[int, int]:
    """Column -> level of its option, when the row under the one naming the capabilities
    names an option (a level) under each column of every capability named more than once,
    each a different level; empty otherwise."""
    if row + 1 >= len(sheet.rows):
        return {}
    groups: dict[int, list[int]] = {}
    for column, number in named.items():
        groups.setdefault(number, []).append(column)
    groups = {n: columns for n, columns in groups.items() if len(columns) > 1}
    # A matrix gives each capability its options side by side, most of the scale's levels: a
    # capability named twice apart (a question whose group names another) is no matrix.
    if not groups or any(
        len(columns) < _MIN_OPTIONS or columns[-1] - columns[0] + 1 != len(columns)
        for columns in groups.values()
    ):
        return {}
    levels: dict[int, int] = {}
    for columns in groups.values():
        seen: set[int] = set()
        for column in columns:
            value = sheet.value(row + 1, column)
            if isinstance(value, str) and key_of(value) in PLACEHOLDERS:
                continue  # "Other (please specify)": a comment beside the options
            reading = parse_level(value, ctx.framework.scale) if value is not None else None
            if reading is None or reading.error or reading.warning or reading.level in seen:
                return {}
            seen.add(reading.level)
            levels[column] = reading.level
        if len(seen) < 2:
            return {}
    return levels


def _ticked(values: dict[int, Any]) -> list[int]:
    """The columns chosen among a capability's option cells: the one filled, or of several
    filled, the ones not saying "no" (a 0/1 export)."""
    filled = [c for c, v in values.items() if v is not None]
    if len(filled) <= 1:
        return filled
    return [c for c in filled if str(values[c]).strip().lower() not in _UNTICKED | {"0.0"}]


def choose_options(
    ctx: ReadContext,
    sheet: Sheet,
    *,
    header: int,
    first: int,
    named: dict[int, int],
    options: dict[int, int],
    tool: frozenset[int],
    rows: list[tuple[Any, ...]],
) -> dict[str, Any]:
    """Each response's chosen option written as its level into the capability's first
    column of ``rows`` (the other columns blanked; ``header`` is the row naming the options);
    what ``forms`` changes in its shape: the capabilities' columns, and the option columns
    left quietly."""
    groups: dict[int, list[int]] = {}
    for column, number in sorted(named.items()):
        groups.setdefault(number, []).append(column)
    groups = {n: cs for n, cs in groups.items() if any(c in options for c in cs)}
    for r in range(first, len(rows)):
        cells = list(rows[r]) + [None] * (max(named) + 1 - len(rows[r]))
        for number, columns in groups.items():
            ticked = _ticked({c: cells[c] for c in columns if c in options})
            for column in columns:
                cells[column] = None
            if len(ticked) == 1:
                cells[columns[0]] = options[ticked[0]]
            elif ticked:
                chosen = " and ".join(
                    f"{quoted(sheet.value(header, c))} ({cell_address(r, c)})" for c in ticked
                )
                ctx.add(
                    "error",
                    sheet,
                    cell_address(r, ticked[0]),
                    f"Row {r + 1} chooses more than one level for "
                    f"{ctx.capabilities.describe(number)}: {chosen}; which one is meant is not "
                    "clear, so it was not read.",
                    "Keep one option per capability in each response.",
                )
        rows[r] = tuple(cells)
    kept = {columns[0]: number for number, columns in groups.items()}
    left = {c for columns in groups.values() for c in columns[1:]}
    return {"named": {c: n for c, n in named.items() if c not in left} | kept, "tool": tool | left}
