"""A second column of levels added beside a form's Level column: never left out without a word.

People add a column beside the template's Level column for a second year or a second opinion:
"Level 2024", "Niveau (2023)", "Validated level", "Agreed level", "Niveau validé", "Nivel
revisado". Reading the first Level column alone would lose the other's levels in silence, so:

- a column headed by the level and a year ("Level 2024", "Nivel 2023") when the Level
  column's own heading has none is that year's assessment, as a column per year is
  (``year_levels``: the table is read as capabilities down, a column per assessment);
- a column headed by the level with a word saying it settles it ("Validated", "Agreed",
  "Final", "Revised", "validé", "acordado", "revisto"), or beside one, that gives other levels
  than the Level column in any row: which is the assessment's is the person's choice, and the
  table is refused naming both (``settled_rivals``);
- any other column headed like the level that gives other levels in some rows is left out,
  with a warning naming it (``say_extra_levels``).

A second column giving the same level in every row loses nothing and is left aside quietly,
as are a column of the levels' labels ("3 | Established") and the scale's legend beside the
table (filled in a few rows only).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from components.base.text import normalise, word_set
from components.ingest.column_roles import holds_levels, is_target
from components.ingest.empty_levels import filled_levels, say_empty_levels
from components.ingest.level_labels import is_label_column
from components.ingest.matching import classify_header
from components.ingest.max_columns import maximum_column
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.values import parse_level, split_assessment_header

# Words of a level heading saying the levels were settled after a first round of scoring.
_SETTLED = word_set(
    "validated validation valid agreed final finalised finalized revised reviewed confirmed"
    " consensus corrected adjusted moderated verified official external independent"
    " valide validee definitif definitive finale revise revisee convenu convenue retenu retenue"
    " confirme confirmee corrige corrigee validado validada acordado acordada definitivo"
    " definitiva revisado revisada consensuado consensuada confirmado confirmada corregido"
    " corregida revisto revista consensual corrigido corrigida"
)
# Rows named in a warning before "and N more".
_SHOWN = 5


def _settled(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    return bool(set(normalise(value.replace("-", " ")).split()) & _SETTLED)


def _settled_level(value: Any) -> bool:
    """A heading of the level with a settled word that the vocabulary does not know whole
    ("Niveau final", "Nivel acordado", "Nível revisto")."""
    if not isinstance(value, str) or classify_header(value) is not None:
        return False
    words = normalise(value.replace("-", " ")).split()
    rest = [word for word in words if word not in _SETTLED]
    return 0 < len(rest) < len(words) and classify_header(" ".join(rest)) == "level"


def _level_heading(value: Any) -> bool:
    return classify_header(value) == "level" or _settled_level(value)


def _dated(sheet: Sheet, header: int, column: int) -> bool:
    return split_assessment_header(sheet.value(header, column))[1] is not None


def beside_levels(
    sheet: Sheet, header: int, levels: list[int], fields: Mapping[Any, int]
) -> tuple[list[int], dict[Any, int]]:
    """The level columns of the ``header`` row (``levels``, with ``fields``) with the settled
    ones the vocabulary does not know whole added, and those headed with a year left to
    ``year_levels`` when a level column has none."""
    cells = sheet.rows[header] if header < len(sheet.rows) else ()
    found = sorted({*levels, *(c for c, v in enumerate(cells) if _settled_level(v))})
    found = filled_levels(sheet, header, found)  # an empty one inserted before: ``empty_levels``
    undated = [c for c in found if not _dated(sheet, header, c)]
    if undated and len(undated) < len(found):
        found = undated
    fields = dict(fields)
    if found and fields.get("level") not in found:
        fields["level"] = found[0]
    return found, fields


def _differing(ctx: ReadContext, sheet: Sheet, header: int, first: int, other: int) -> list[int]:
    """The rows where ``other`` gives another level than ``first``, when ``other`` gives a
    level in at least half the rows ``first`` does (else none: a legend, a few notes)."""
    scale, last = ctx.framework.scale, len(sheet.rows)
    ours = [parse_level(v, scale).level for v in sheet.column(first, header + 1, last)]
    theirs = [parse_level(v, scale).level for v in sheet.column(other, header + 1, last)]
    both = [
        (row, a, b)
        for row, (a, b) in enumerate(zip(ours, theirs, strict=True), header + 1)
        if a is not None and b is not None
    ]
    filled = sum(level is not None for level in ours)
    if not both or len(both) * 2 < filled:
        return []
    return [row for row, a, b in both if a != b]


def _other_level(ctx: ReadContext, sheet: Sheet, header: int, first: int, column: int) -> bool:
    """Whether ``column`` holds levels of its own beside the level column ``first``."""
    return (
        holds_levels(sheet, header, column, ctx.framework.scale)
        and maximum_column(sheet, header, column) is None
        and not is_label_column(ctx, sheet, header, first, column)
    )


def settled_rivals(ctx: ReadContext, sheet: Sheet, header: int, levels: list[int]) -> list[int]:
    """The level columns after the first that differ from it in any row when either is
    headed as settled ("Validated level" beside "Self-assessed level")."""
    first = levels[0]
    rivals = []
    for column in levels[1:]:
        if not (_settled(sheet.value(header, first)) or _settled(sheet.value(header, column))):
            continue
        if _other_level(ctx, sheet, header, first, column) and _differing(
            ctx, sheet, header, first, column
        ):
            rivals.append(column)
    return rivals


def year_levels(
    ctx: ReadContext, sheet: Sheet, header: int, fields: Mapping[Any, int]
) -> tuple[int, ...]:
    """The columns headed by the level and a year ("Level 2024", "Niveau (2023)") holding
    levels, beside a level column whose heading has no year: each year's assessment."""
    level = fields.get("level")
    if level is None or split_assessment_header(sheet.value(header, level))[1] is not None:
        return ()
    used = set(fields.values())
    found = []
    for column, value in enumerate(sheet.rows[header]):
        if column in used or not isinstance(value, str) or not any(c.isdigit() for c in value):
            continue  # a year is written in digits
        if classify_header(value) not in (None, "level"):
            continue
        name, when, _ = split_assessment_header(value)
        if when is None or name is None or classify_header(name) != "level" or is_target(value):
            continue
        if _other_level(ctx, sheet, header, level, column):
            found.append(column)
    return tuple(found)


def say_extra_levels(
    ctx: ReadContext, sheet: Sheet, header: int, fields: Mapping[Any, int]
) -> None:
    """Warn of each column headed like the level, not read, that gives other levels than the
    level column in some rows: it is left out, and the person is told which and how."""
    level = fields.get("level")
    if level is None or header >= len(sheet.rows):
        return
    headed = [c for c, v in enumerate(sheet.rows[header]) if _level_heading(v)]
    say_empty_levels(ctx, sheet, header, fields, headed)  # "Score (1-5)" left empty
    used = set(fields.values())
    for column, value in enumerate(sheet.rows[header]):
        if column in used or classify_header(value) != "level":
            continue
        if not _other_level(ctx, sheet, header, level, column):
            continue
        rows = _differing(ctx, sheet, header, level, column)
        if not rows:
            continue
        shown = ", ".join(str(row + 1) for row in rows[:_SHOWN])
        more = f" and {len(rows) - _SHOWN} more" if len(rows) > _SHOWN else ""
        ctx.add(
            "warning",
            sheet,
            cell_address(header, column),
            f"The column headed {quoted(value)} ({cell_address(header, column)}) also holds "
            f"levels, different from those of {quoted(sheet.value(header, level))} "
            f"({cell_address(header, level)}) in rows {shown}{more}; it was not read. The "
            f"levels read are those of {quoted(sheet.value(header, level))}.",
            "If that column holds the assessment's levels, choose it in “Fix how this file is "
            "read” below the file, or head it with its year (e.g. “Level 2024”) to read it as "
            "that year's assessment, or rename it (e.g. “Notes”).",
        )
