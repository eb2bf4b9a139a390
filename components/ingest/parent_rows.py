"""A country's parent row over its capabilities' rows, as project tools write a hierarchy.

Smartsheet, MS Project, Asana and Wrike keep a plan as a tree: a country's row ("Kenya (2023)",
"Jordan 2024"), its domains indented under it, its capabilities under those; exported to Excel
or CSV the tree becomes rows one under another, the parent's row holding the country's name
in the task column (and the tool's roll-ups beside it: dates, "% Complete", an average). A
person reads the rows under a country's row as that country's, up to the next country's row.
Read as rows, each country's capabilities were the same table's twice, "for no country".

``country_parent_rows`` sees such rows before the sheets are read: in one column, rows that
name a country the app knows, perhaps with a year or a round ("Kenya (2023)", "Ghana – Baseline
2021"), and nothing more in that column, each followed by rows naming capabilities, with no
capability's row before the first (under the table's header). Each is left out, and its
country (and year, and round) written into the rows under it, in columns added at the table's
right ("Country", "Year", "Round"); a warning says so. A table with a Country column of its own
is left as it is, and so is a table whose header comes again between two countries (tables
stacked one under another, each under its own title: ``stacked`` reads those). A column
naming each row's parent row instead ("Parent": a domain's row under the country, a
capability's under its domain) is ``parent_links``'.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from itertools import pairwise
from typing import Any

from components.base.text import normalise
from components.ingest.column_values import distinct
from components.ingest.countries import _iso3_by_any_name as names_in_any_language
from components.ingest.countries import iso3_in_any_language
from components.ingest.country_aliases import alias_of, country_aliases
from components.ingest.matching import classify_header, exact_reference
from components.ingest.parent_links import give_linked_country
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.values import split_assessment_header
from components.ingest.vocabulary import default_vocabulary

# The task column is among a sheet's first columns.
_FIRST_COLUMNS = 6
_MAX_CHARS = 60
# A country's block holds at least this many capabilities' rows.
_MIN_ITEMS = 2

Heading = tuple[str, str | None, str | None]  # country, year, round


def country_parent_rows(ctx: ReadContext, sheets: list[Sheet]) -> list[Sheet]:
    """The sheets, each country's parent row given to the rows under it (see the module)."""
    for sheet in sheets:
        if len(sheet.rows) < 4:
            continue
        # Most sheets name no country in a text of its own: looked at no further.
        wide = sheet.width()
        named = [c for c in range(wide) if _names_country(ctx, _values(sheet, c))]
        if named:
            for column in range(min(wide, _FIRST_COLUMNS)):
                if _task_column(ctx, sheet, column, named):
                    break  # the column naming the capabilities: the one to look at
    return sheets


def _values(sheet: Sheet, column: int) -> Sequence[Any]:
    """A column's values, as the sheet holds them when it can (no copy of a long column)."""
    if sheet.columns is not None and column < len(sheet.columns):
        return sheet.columns[column]
    return sheet.column(column, 0, len(sheet.rows))


def _names_country(ctx: ReadContext, values: Sequence[Any]) -> bool:
    """Whether a text of the column reads as a country's (perhaps with a year)."""
    return any(_heading(ctx, v) is not None for v in distinct(ctx, values))


def _heading(ctx: ReadContext, value: Any) -> Heading | None:
    """(country, year, round) of a parent row's text ("Kenya (2023)"), else ``None``."""
    if not isinstance(value, str) or len(value) > _MAX_CHARS:
        return None
    return _text_heading(value)


# Once per distinct text in the process (bounded: user text), not once per read: what a text
# reads as depends on the text and on the app's own lists of names only (loaded once), and
# every sheet's columns pass here (a template's headings come back in every upload).
@lru_cache(maxsize=8192)
def _text_heading(value: str) -> Heading | None:
    words = normalise(value).split()
    if not words or words[0] not in _first_words():
        return None  # a glance: no country's name begins so
    return _read_heading(value)


@cache
def _first_words() -> frozenset[str]:
    """The first words of the countries' names the app knows, in any language it reads, and
    of their other names ("DRC"): what a parent row's text begins with."""
    names = [*names_in_any_language(), *country_aliases()]
    return frozenset(name.split()[0] for name in names if name.split())


def _read_heading(value: str) -> Heading | None:
    country, when, round_label = split_assessment_header(value)
    if country is not None and not _known(country):
        country = _without_title_words(country)  # "Jordan – MNR": the country's name alone
    if country is None or not _known(country):
        return None
    return country, when, round_label


def _known(name: str) -> bool:
    """A country's name (not a code: "PER" may be a word)."""
    if len(name) <= 3 and alias_of(name) is None:
        return False
    return iso3_in_any_language(name) is not None or alias_of(name) is not None


def _without_title_words(text: str) -> str | None:
    """``text`` less a title's words ("MNR", "self-assessment") and dashes at its end."""
    words = default_vocabulary().title_words
    parts = [p for p in re.split(r"[\s–—|:]+", text) if p]
    while parts and (normalise(parts[-1]) in words or not normalise(parts[-1])):
        parts.pop()
    return " ".join(parts) or None


def _task_column(ctx: ReadContext, sheet: Sheet, column: int, named: list[int]) -> bool:
    """Whether ``column`` names capabilities (a task column); if so, its countries' parent
    rows, if any, are given to their rows, or else the countries a column of ``named`` (those
    naming a country) leads its rows to."""
    values = _values(sheet, column)
    # Each distinct text looked at once: a long table's column repeats a few names.
    texts = {v for v in distinct(ctx, values) if isinstance(v, str) and len(v) <= _MAX_CHARS}
    titles = {v for v in texts if _names_item(ctx, v)}
    if len(titles) < _MIN_ITEMS:
        return False  # no task column: most columns, looked at no further
    # A domain's heading or a header's word is no country's: not looked at further.
    rest = [
        v
        for v in texts - titles
        if classify_header(v) is None and normalise(v) not in ctx.domain_names
    ]
    headings = {v: h for v in rest if (h := _heading(ctx, v)) is not None}
    if headings:
        _give_parents(ctx, sheet, column, values=values, headings=headings, titles=titles)
    else:  # a "Parent" column naming each row's parent instead (``parent_links``)
        give_linked_country(
            ctx,
            sheet,
            column,
            links=[c for c in named if c != column],
            values=values,
            titles=titles,
            country_of=lambda v: _country(ctx, v),
        )
    return True


def _country(ctx: ReadContext, value: Any) -> str | None:
    heading = _heading(ctx, value)
    return heading[0] if heading is not None else None


def _give_parents(
    ctx: ReadContext,
    sheet: Sheet,
    column: int,
    *,
    values: Sequence[Any],
    headings: dict[Any, Heading],
    titles: set[Any],
) -> None:
    """The parent rows of ``column`` given to their rows, when they are parents indeed."""
    parents = {r: headings[v] for r, v in enumerate(values) if v in headings}
    if any(_names_others(ctx, sheet.rows[r], column) for r in parents):
        return  # countries across a row: a header's, not a parent's
    items = [r for r, v in enumerate(values) if v in titles]
    first = min(parents)
    header = _header_above(sheet, first)
    if header is None or len(items) < _MIN_ITEMS or any(header < r < first for r in items):
        return
    head = sheet.rows[header]
    if any(classify_header(v) == "country" for v in head):
        return  # the rows give their country themselves
    bounds = [*sorted(parents), len(sheet.rows)]
    blocks = list(pairwise(bounds))
    for top, bottom in blocks:
        if sum(top < r < bottom for r in items) < _MIN_ITEMS:
            return
        if any(sheet.rows[r] == head for r in range(top + 1, bottom)):
            return  # the header again: tables stacked, each under its title
    _give(ctx, sheet, column, header=header, parents=parents, blocks=blocks)


def _names_item(ctx: ReadContext, value: str) -> bool:
    """A capability's title (or code) in words: a number may be a level."""
    return exact_reference(value, ctx.capabilities) is not None


def _names_others(ctx: ReadContext, cells: tuple[Any, ...], column: int) -> bool:
    """Whether a row names a country in another cell than ``column``'s too."""
    return any(
        c != column and _heading(ctx, v) is not None for c, v in enumerate(cells) if v is not None
    )


def _header_above(sheet: Sheet, row: int) -> int | None:
    """The table's header: the nearest row above ``row`` with two cells or more, all text."""
    for above in range(row - 1, -1, -1):
        cells = [v for v in sheet.rows[above] if v is not None]
        if cells:
            return above if len(cells) >= 2 and all(isinstance(v, str) for v in cells) else None
    return None


def _give(
    ctx: ReadContext,
    sheet: Sheet,
    column: int,
    *,
    header: int,
    parents: dict[int, Heading],
    blocks: Sequence[tuple[int, int]],
) -> None:
    """Each parent row's country (year, round) written into its rows, in columns added at
    the table's right; the parent rows left out; said."""
    head = sheet.rows[header]
    fields = ["Country"]
    if any(h[1] for h in parents.values()) and not any(
        classify_header(v) in {"year", "date", "when"} for v in head
    ):
        fields.append("Year")
    if any(h[2] for h in parents.values()) and not any(classify_header(v) == "round" for v in head):
        fields.append("Round")
    width = max(len(sheet.rows[r]) for r in range(header, len(sheet.rows)))
    _put(sheet, header, width, fields)
    for top, bottom in blocks:
        country, year, round_label = parents[top]
        given = {"Country": country, "Year": year, "Round": round_label}
        for row in range(top + 1, bottom):
            if any(v is not None for v in sheet.rows[row]):
                _put(sheet, row, width, [given[f] for f in fields])
    first = min(parents)
    example = sheet.value(first, column)
    for row in parents:
        sheet.rows[row] = ()
    sheet.columns = None  # the rows changed
    what = " and ".join(f.lower() for f in fields)
    ctx.add(
        "warning",
        sheet,
        cell_address(first, column),
        f"{len(parents)} row{'s' if len(parents) > 1 else ''} name a country (such as "
        f"{quoted(example)}, row {first + 1}) above the capabilities' rows, as a project "
        f"plan's parent rows do; the rows under each were read as its {what}, up to the next.",
        "Nothing to do if the rows were read right; otherwise add a Country column with each "
        "row's country.",
    )


def _put(sheet: Sheet, row: int, column: int, values: list[Any]) -> None:
    cells = list(sheet.rows[row])
    cells.extend([None] * (column + len(values) - len(cells)))
    cells[column : column + len(values)] = values
    sheet.rows[row] = tuple(cells)
