"""Columns headed by a level of the scale or by "Not assessed": never a country's.

A published summary counts, for each capability, the countries at each level: ``No. |
Capability | Not in place | Building | … | Mature | Not assessed | Total`` with 4, 7 and 32
under them. Read as a wide table, "Not in place", "Mature" and "Not assessed" would become
countries and the counts (those that happen to be 0 to 4) their levels. A header that is a
level of the scale (written out: "Mature", "2 - Developing"; a bare "2" may be a round) or a
phrase for "not assessed" names no country, so:

* beside columns of countries, such a column is left out with a warning;
* when every column across is one, the table is a tick form or a count per level: a tick
  form is said by ``nothing_read``; counts of countries (a "Not assessed" or "Total" column
  beside them, or a title about countries) are refused with an error saying that no
  country's level can be told from them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from components.base.text import normalise
from components.ingest.column_roles import is_summary_column
from components.ingest.countries import iso3_in_any_language
from components.ingest.layout import ItemRows
from components.ingest.matching import is_plain_number
from components.ingest.nothing_read import say_blank_tick_form
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.values import parse_level
from components.ingest.vocabulary import default_vocabulary

# Words of a title saying that the numbers count countries (plural: "Country: Moldova" is a
# label of one country's sheet, whose counts are votes).
_COUNTRY_WORDS = frozenset({"countries", "paises", "states", "members", "economies", "nations"})
# A level column's header that is a number with a level word, no label: "Level 2", "Niveau3".
_NUMBERED = re.compile(r"^\s*(?:level|niveau|nivel|nível|score|note)?\s*\d+\s*$", re.IGNORECASE)
# Rows above the header looked at for a title.
_TITLE_ROWS = 5


def level_heading(ctx: ReadContext, value: Any) -> int | None:
    """The level a header names by its label ("Mature", "2 - Developing"; its number), -1 for
    "not assessed", else None: "Level 2" and Excel's "Level2" head a column of levels."""
    if not isinstance(value, str) or is_plain_number(value) or _NUMBERED.match(value):
        return None
    return ctx.cached("level heading", value, lambda text: _heading(ctx, text))


def _heading(ctx: ReadContext, text: str) -> int | None:
    if iso3_in_any_language(text) is not None:
        return None  # "NA" heads Namibia's column as well as "not assessed"
    if normalise(text) in default_vocabulary().not_assessed:
        return -1
    reading = parse_level(text, ctx.framework.scale)
    if reading.level is None or reading.error or reading.warning:
        return None
    return reading.level


def settle_level_columns(ctx: ReadContext, sheet: Sheet, layout: ItemRows) -> ItemRows | None:
    """``layout`` without its columns headed by a level or "not assessed" (each said); None
    when nothing else is across (said: a tick form, counts per level)."""
    header = layout.header
    headed = {
        c: level
        for c in (*layout.assessments, *layout.skipped)
        if (level := level_heading(ctx, sheet.value(header, c))) is not None
    }
    if not headed:
        return layout  # the usual case
    rest = tuple(c for c in layout.assessments if c not in headed)
    if not rest:
        levels = sorted(c for c, level in headed.items() if level >= 0)
        counted = _holds_numbers(sheet, header, list(headed))
        if counted and _counts_countries(sheet, header, headed):
            _say_counts(ctx, sheet, header, sorted(headed), counted=True)
        elif not say_blank_tick_form(ctx, sheet, header, levels):  # ticks, votes: said there
            _say_counts(ctx, sheet, header, sorted(headed), counted=counted)
        return None
    for column in sorted(headed):
        ctx.add(
            "warning",
            sheet,
            cell_address(header, column),
            f"The column headed {quoted(sheet.value(header, column))} is "
            + (
                "“not assessed”"
                if headed[column] < 0
                else f"a level of the scale ({headed[column]})"
            )
            + ", not a country; it was not read.",
            "Nothing to do if it holds no country's levels; if it does, head it with the "
            "country's name.",
        )
    skipped = tuple(c for c in layout.skipped if c not in headed)
    return replace(layout, assessments=rest, skipped=skipped)


def _counts_countries(sheet: Sheet, header: int, headed: dict[int, int]) -> bool:
    """Whether the level columns count countries: a "Not assessed" or a total column beside
    them, or a title or header about countries."""
    if any(level < 0 for level in headed.values()):
        return True
    if any(is_summary_column(v) for v in sheet.rows[header] if isinstance(v, str)):
        return True
    titles = [v for r in range(max(0, header - _TITLE_ROWS), header) for v in sheet.rows[r] if v]
    return any(isinstance(v, str) and set(normalise(v).split()) & _COUNTRY_WORDS for v in titles)


def _holds_numbers(sheet: Sheet, header: int, columns: list[int]) -> bool:
    """Whether the cells under ``columns`` hold numbers only, some of them."""
    values = [v for c in columns for v in sheet.column(c, header + 1, len(sheet.rows))]
    filled = [v for v in values if v is not None]
    return bool(filled) and all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in filled
    )


def _say_counts(
    ctx: ReadContext, sheet: Sheet, header: int, columns: list[int], *, counted: bool
) -> None:
    first, end = columns[0], columns[-1]
    what = (
        "count the countries at each level for each capability"
        if counted
        else "hold something other than one country's levels"
    )
    ctx.add(
        "error",
        sheet,
        f"{cell_address(header, first)}:{cell_address(header, end)}",
        f"The columns headed by the scale's levels ({quoted(sheet.value(header, first))} to "
        f"{quoted(sheet.value(header, end))}) {what}: no country's level can be told from "
        "them, so nothing was read. A column headed by a level is not a country, and a count "
        "is not a level.",
        "Upload the countries' own levels instead: a column per country with the capabilities "
        "down, or a table with Country, Capability and Level columns.",
    )
