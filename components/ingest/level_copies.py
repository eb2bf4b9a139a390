"""Two level columns on one template sheet that a careful reader reads together.

Two shapes people make from the template by hand, each with a column headed like the level per
source, which the reader otherwise reads one of (losing the other's levels) or refuses:

* **a country per column**: a regional officer fills one sheet for two countries, "Level
  (Kenya)" beside "Level (Uganda)" (the Country cell "Kenya / Uganda", or one of them). When
  every such column's heading names a different country (in a language the reader knows, not a
  bare code, which may be an acronym), each column is that country's assessment: the table is
  read as capabilities down and countries across, the year from around the table;
* **two copies merged**: the Ministry of Justice and the Police each filled their rows of the
  template, and someone pasted them side by side, "Level (MoJ)" | "Level (Police)". When the
  columns are headed alike (the level, and a word saying whose: no year, round, draft,
  validation, target or time), every value in them is a level, no row gives two different
  levels, and one column gives levels in rows the other leaves blank, both are read as one
  assessment: each row's level from the column that gives it, with a warning naming both.
  Where they disagree the table stays refused (``left_out.say_several_levels``): which is
  right is the person's to say.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from components.base.text import normalise, word_set
from components.ingest.column_groups import Parse, Part, copy_of, read_parts
from components.ingest.column_roles import is_scorer
from components.ingest.drafts import Draft
from components.ingest.empty_levels import filled_levels
from components.ingest.layout import ItemTable, SeveralLevels
from components.ingest.matching import classify_header
from components.ingest.max_columns import maximum_column
from components.ingest.renamed_sheets import country_code
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.sub_headings import sub_heading
from components.ingest.values import parse_level

# "Level (Kenya)", "Niveau [Sénégal]": the level, then whose it is in brackets.
_BRACKETS = re.compile(r"^(?P<head>[^(\[]+?)\s*[(\[]\s*(?P<whose>[^)\]]+?)\s*[)\]]\s*$")
# "Level - Kenya", "Kenya: Level", "Level / Uganda": the two parts of a heading.
_SEPARATOR = re.compile(r"\s*[–—:|/]\s*|\s+-\s+")
# Words of a heading that say when or which version: columns so headed are no copies of one
# assessment ("Level (old)" beside "Level (new)"), whatever rows they fill.
_TIME_WORDS = word_set(
    "old new before after previous prior last earlier later current now initial original"
    " updated update draft proposed expected year month quarter q1 q2 q3 q4 v1 v2 v3 version"
    " ancien nouveau avant apres actuel anterior nuevo actual antes despues atual novo antigo"
)
# A column of the scale's levels in order on this many rows at least is its key.
_LEGEND_LEVELS = 3
# Rows of a warning named before "…".
_SHOWN = 5


def read_level_copies(
    ctx: ReadContext, sheet: Sheet, layout: ItemTable | SeveralLevels, parse: Parse
) -> list[Draft] | None:
    """The drafts of a table whose level columns are a country's each, or copies of one
    assessment to be read together (see the module); ``None`` when they are neither."""
    header = layout.header
    columns = _level_columns(sheet, header, layout)
    if len(columns) < 2:
        return None
    headings = {c: sheet.value(header, c) for c in columns}
    named = {c: _country_named(h) for c, h in headings.items()}
    if all(named.values()):
        codes = [found[1] for found in named.values() if found]
        if len(set(codes)) != len(codes):
            return None  # "Level (Kenya)" twice: whose each is, the person's to say
        return _by_country(ctx, sheet, header, named, parse)
    if any(named.values()) or not all(_plain_copy(h) for h in headings.values()):
        return None
    columns = filled_levels(sheet, header, columns)  # an empty one is no copy (``empty_levels``)
    levels = _levels(ctx, sheet, header, columns) if len(columns) > 1 else None
    if levels is None:
        return None
    return _together(ctx, sheet, header, columns, levels=levels, parse=parse)


def _level_columns(sheet: Sheet, header: int, layout: ItemTable | SeveralLevels) -> list[int]:
    """The columns of the header row headed like the level (the layout's own too), less
    those saying the scale's maximum ("Max score")."""
    own = layout.columns if isinstance(layout, SeveralLevels) else ()
    if isinstance(layout, ItemTable) and "level" in layout.columns:
        own = (layout.columns["level"],)
    found = {c for c, value in enumerate(sheet.rows[header]) if classify_header(value) == "level"}
    return sorted(c for c in found | set(own) if maximum_column(sheet, header, c) is None)


def _country_named(heading: Any) -> tuple[str, str] | None:
    """(the name as written, its ISO3 code) of the country a level heading names beside the
    level ("Level (Kenya)", "Kenya level", "Niveau - Sénégal"), else ``None``."""
    if not isinstance(heading, str):
        return None
    text = " ".join(heading.split())
    pairs: list[tuple[str, str]] = []
    if found := _BRACKETS.match(text):
        pairs.append((found["head"], found["whose"]))
    parts = _SEPARATOR.split(text)
    if len(parts) == 2:
        pairs += [(parts[0], parts[1]), (parts[1], parts[0])]
    words = text.split()
    for cut in range(1, len(words)):
        left, right = " ".join(words[:cut]), " ".join(words[cut:])
        pairs += [(left, right), (right, left)]
    for head, whose in pairs:
        if classify_header(head) == "level" and (code := country_code(whose)) is not None:
            return whose, code
    return None


def _plain_copy(heading: Any) -> bool:
    """A heading of the level with at most a word saying whose ("Level (MoJ)"): no year,
    round, draft, validation or target, no scorer's, nothing saying when."""
    if not isinstance(heading, str) or is_scorer(heading):
        return False
    found = sub_heading(heading)
    if found is None or found.role != "level" or found.year is not None or found.round:
        return False
    return not set(normalise(heading.replace("-", " ")).split()) & _TIME_WORDS


def _levels(
    ctx: ReadContext, sheet: Sheet, header: int, columns: list[int]
) -> dict[int, dict[int, int]] | None:
    """Each row's levels by column, when every value of the columns is a level, no row gives
    two different ones, and a later column gives levels where the first gives none; else
    ``None``."""
    scale = ctx.framework.scale
    rows: dict[int, dict[int, int]] = {}
    for column in columns:
        for row, value in enumerate(sheet.column(column, header + 1, len(sheet.rows)), header + 1):
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            reading = ctx.cached("level", value, lambda v: parse_level(v, scale))
            if reading.error or reading.level is None:
                return None  # a note, a word or "n/a": not a column of levels only
            rows.setdefault(row, {})[column] = reading.level
    if any(len(set(found.values())) > 1 for found in rows.values()):
        return None  # two levels for one row: the person's to choose
    if any(_is_legend([(r, found[c]) for r, found in rows.items() if c in found]) for c in columns):
        return None  # the scale's key beside the table, 0 to 4 down five rows
    first = columns[0]
    if not any(first not in found for found in rows.values()):
        return None  # the others add nothing: read as before
    return rows


def _is_legend(cells: list[tuple[int, int]]) -> bool:
    """Whether a column's levels (row, level) are the scale in order on rows one under another:
    its key, not an assessment's levels."""
    if len(cells) < _LEGEND_LEVELS:
        return False
    ordered = sorted(cells)
    rows = [row for row, _ in ordered]
    steps = {b - a for (_, a), (_, b) in itertools.pairwise(ordered)}
    return rows[-1] - rows[0] == len(rows) - 1 and len(steps) == 1 and steps <= {1, -1}


def _by_country(
    ctx: ReadContext,
    sheet: Sheet,
    header: int,
    named: dict[int, tuple[str, str] | None],
    parse: Parse,
) -> list[Draft]:
    """Each column read as its country's assessment: the sheet's copy headed by the
    countries' names, read as capabilities down and countries across."""
    rows = list(sheet.rows)
    cells = list(rows[header])
    for column, found in named.items():
        if found is not None:
            cells[column] = found[0]
    rows[header] = tuple(cells)
    copy = copy_of(sheet, rows, set())
    shown = ", ".join(
        f"{quoted(sheet.value(header, c))} ({cell_address(header, c)})" for c in named
    )
    drafts = read_parts(ctx, sheet, [Part(copy, None, "countries")], parse)
    ctx.add(
        "warning",
        sheet,
        cell_address(header, min(named)),
        f"The level columns {shown} each name a country: each was read as that country's "
        "assessment.",
        "Nothing to do if each column holds its country's levels; otherwise put each "
        "country's assessment on a sheet of its own, with its own Country cell.",
    )
    return drafts


def _together(
    ctx: ReadContext,
    sheet: Sheet,
    header: int,
    columns: list[int],
    *,
    levels: dict[int, dict[int, int]],
    parse: Parse,
) -> list[Draft]:
    """The assessments read from each column alone (the others' headings left out), joined:
    each item's level from the column that gives it."""
    start = len(ctx.problems)
    joined: dict[tuple[Any, ...], Draft] = {}
    order: list[Draft] = []
    for column in columns:
        rows = list(sheet.rows)
        rows[header] = tuple(
            None if c in columns and c != column else value for c, value in enumerate(rows[header])
        )
        part = Part(copy_of(sheet, rows, set()), None, str(sheet.value(header, column)))
        for draft in read_parts(ctx, sheet, [part], parse):
            key = (draft.key(), draft.response)
            if key not in joined:
                joined[key] = draft
                order.append(draft)
            else:
                _fill(joined[key], draft)
    _once(ctx, start)
    both = sorted(row + 1 for row, found in levels.items() if len(found) > 1)
    shown = ", ".join(
        f"{quoted(sheet.value(header, c))} ({cell_address(header, c)})" for c in columns
    )
    agree = (
        f"; where both give one they agree (row{'s' if len(both) > 1 else ''} "
        f"{', '.join(map(str, both[:_SHOWN]))}{', …' if len(both) > _SHOWN else ''})"
        if both
        else ""
    )
    ctx.add(
        "warning",
        sheet,
        cell_address(header, columns[0]),
        f"Levels are given in {_count(len(columns))} columns, {shown}, each in rows the "
        f"{'other leaves' if len(columns) == 2 else 'others leave'} blank{agree}: they were "
        "read together, as one assessment's levels.",
        "Nothing to do if they are parts of one assessment (copies of the template merged); "
        "otherwise put each on a sheet of its own, or choose the level column in “Fix how "
        "this file is read” below the file.",
    )
    return order


def _count(n: int) -> str:
    return {2: "two", 3: "three", 4: "four"}.get(n, str(n))


def _fill(draft: Draft, other: Draft) -> None:
    """``other``'s items given a level where ``draft``'s have none (the same assessment, read
    from another column)."""
    for kind in ("capability", "enabler"):
        ours = draft.items[kind]
        for number, answers in other.items[kind].items():
            if answers[0] is not None and (number not in ours or ours[number][0] is None):
                ours[number] = answers
                if (kind, number) in other.first_cell:
                    draft.first_cell[(kind, number)] = other.first_cell[(kind, number)]


def _once(ctx: ReadContext, start: int) -> None:
    """What reading each column said, said once (the same notes, labels and countries)."""
    said: set[tuple[object, ...]] = set()
    kept = []
    for problem in ctx.problems[start:]:
        key = (problem.severity, problem.sheet, problem.cell, problem.message)
        if key not in said:
            said.add(key)
            kept.append(problem)
    ctx.problems[start:] = kept
