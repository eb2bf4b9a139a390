"""Rows given twice because a column that tells them apart was not read: that column named.

A long table whose year or country column has a heading the reader does not know ("Survey
wave", "Pays ISO-3166") reads the rows of two assessments as one: each capability then
appears twice. Saying so per capability blames duplicate rows, when the cause is one column.
So when every row given again differs from the row it repeats in one column, and that
column's values are years or country codes or names, one message names the column, what it
holds and what to head it; the capabilities given different levels are still not used
(which assessment each belongs to is not known), as for any row given twice.
"""

from __future__ import annotations

import re
from typing import Any

from components.ingest.countries import country_of_code, iso3_in_any_language
from components.ingest.drafts import Draft
from components.ingest.sheets import ReadContext, cell_address, quoted
from components.ingest.year_groups import plain_year

_CELL = re.compile(r"^([A-Z]+)(\d+)$")
# A column is named only when at least this many rows are given again: one or two repeated
# rows are a typo, not another assessment.
_ENOUGH = 3


def said_unread_column(ctx: ReadContext, draft: Draft, events: list[tuple]) -> bool:
    """Say the column that tells ``draft``'s repeated rows apart, if there is one (see the
    module), and drop the items those rows give different levels; ``False`` when there is
    none, and nothing was done."""
    pairs = [p for e in events if (p := repeated_rows(draft, e)) is not None]
    if len(pairs) < _ENOUGH or len(pairs) != len(events):
        return False
    sheet = draft.sheet
    found = None
    for column in range(sheet.width()):
        what = _tells_apart(sheet, column, pairs)
        if what is not None:
            if found is not None:
                return False  # two such columns: which one is not certain
            found = (column, what)
    if found is None:
        return False
    column, what = found
    top = min(first for first, _ in pairs)
    header = next(
        (r for r in range(top - 1, -1, -1) if isinstance(sheet.value(r, column), str)), None
    )
    if header is None:
        return False
    differ = set()
    for kind, number, _, level in events:
        if (kind, number) in differ or draft.items[kind].get(number, (None,))[0] != level:
            draft.items[kind].pop(number, None)
            differ.add((kind, number))
    values = sorted({str(_plain(sheet.value(r, column))) for pair in pairs for r in pair})
    shown = ", ".join(quoted(v) for v in values[:4]) + (", …" if len(values) > 4 else "")
    codes = all(country_of_code(v) is not None for v in values)
    heading = "Year" if what == "years" else "ISO3" if codes else "Country"
    ctx.add(
        "error",
        sheet,
        cell_address(header, column),
        f"{len(events)} rows give capabilities of {draft.name} a second time. They differ in the "
        f"column headed {quoted(sheet.value(header, column))}, which holds {what} ({shown}) "
        "but was not read, so the rows of different assessments were taken as one; the "
        f"{len(differ)} capabilities given different levels were not used.",
        f"Head that column “{heading}”, then upload the file again: each of its {what} is "
        "then read as an assessment of its own.",
    )
    return True


def repeated_rows(draft: Draft, event: tuple) -> tuple[int, int] | None:
    """The 0-based rows of an item's first row and of the row giving it again, in one column."""
    kind, number, cell, _ = event
    first = _CELL.match(draft.first_cell.get((kind, number), ""))
    here = _CELL.match(cell)
    if not first or not here or first[1] != here[1] or first[2] == here[2]:
        return None
    return int(first[2]) - 1, int(here[2]) - 1


def _tells_apart(sheet: Any, column: int, pairs: list[tuple[int, int]]) -> str | None:
    """ "years" or "countries" when the column holds them and differs in every pair."""
    kinds = set()
    for first, again in pairs:
        a, b = sheet.value(first, column), sheet.value(again, column)
        if a is None or b is None or _plain(a) == _plain(b):
            return None
        kinds.add(_kind(a))
        kinds.add(_kind(b))
    return kinds.pop() if len(kinds) == 1 and None not in kinds else None


def _kind(value: Any) -> str | None:
    if plain_year(value) is not None:
        return "years"
    if isinstance(value, str) and iso3_in_any_language(value) is not None:
        return "countries"
    return None


def _plain(value: Any) -> Any:
    year = plain_year(value)
    return year if year is not None else value
