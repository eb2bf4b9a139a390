"""One country's table turned on its side: a row per year, the capabilities across.

A report's table of one country's rounds, extracted from a PDF by Camelot or Tabula, or
laid out so by hand, has a Year column and a column per capability ("Year | 1 | 2 | … | 21",
the titles perhaps on the row under the numbers), one row per year, and no Country column:
the country is the report's, named in its title, the sheet's name or the file's name
("camelot_Guatemala_transposed_years.csv"). Read as the countries-as-rows table it is, each
row needs a country. ``give_year_rows_country`` gives each year's row the country the title,
the sheet's name or the file's name names (one country, as for any table: ``context``), in a
Country column added to the right of the table, with a warning saying where it came from.
A sheet whose Year cells repeat a year (two countries' rows, perhaps) or name none, or with
no country around it, is left as it is (the reader then asks for a Country column).
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from components.ingest.column_roles import header_item
from components.ingest.context import Found, assessment_context
from components.ingest.drafts import MetaReader
from components.ingest.layout import MIN_KEY_MATCHES
from components.ingest.matching import classify_header
from components.ingest.sheets import ReadContext, Sheet, quoted
from components.ingest.title_countries import names_a_country

# A year as a table writes it: 2024, "2024", "2024.0".
_YEAR = re.compile(r"^\s*((?:19|20)\d\d)(?:\.0)?\s*$")
# A header is near the top of a sheet; a sheet of many rows is no country's rounds.
_HEADER_ROWS = 10
_MOST_ROWS = 60


def give_year_rows_country(ctx: ReadContext, sheets: list[Sheet]) -> list[Sheet]:
    """``sheets`` with each one-country table of years given its country (see the module)."""
    return [_given(ctx, sheet) for sheet in sheets]


def _given(ctx: ReadContext, sheet: Sheet) -> Sheet:
    if len(sheet.rows) > _MOST_ROWS:
        return sheet
    found = _header(ctx, sheet)
    if found is None:
        return sheet
    header, year = found
    rows = [r for r in range(header + 1, len(sheet.rows)) if _year(sheet.value(r, year))]
    years = [_year(sheet.value(r, year)) for r in rows]
    if not rows or len(set(years)) != len(years):
        return sheet
    start = len(ctx.problems)
    where = _country_around(ctx, sheet, header)
    del ctx.problems[start:]  # what is taken is said below, once
    if where is None or where.country is None:
        return sheet
    width = sheet.width()
    cells = [list(r) + [None] * (width - len(r)) for r in sheet.rows]
    for row in range(header + 1, rows[0]):
        if _names_items(ctx, sheet.rows[row]):
            cells[row] = []  # the titles under the numbers: the header's second line
    cells[header].append("Country")
    for row in rows:
        cells[row].append(where.country)
    ctx.add(
        "warning",
        sheet,
        where.cell,
        "No column gives the country of the table's rows, one a year "
        f"({', '.join(map(str, years))}): the country {quoted(where.country)} was taken from "
        f"{where.where} for each of them.",
        "If that is wrong, add a Country column with each row's country.",
    )
    return dataclasses.replace(sheet, rows=[tuple(r) for r in cells], columns=None)


def _country_around(ctx: ReadContext, sheet: Sheet, header: int) -> Found | None:
    """The country a Country label above the table gives (an empty one: none, for the person
    to fill in), else the title, the sheet's name or the file's name."""
    reader = MetaReader(ctx, sheet)
    labelled = reader.labelled(header, sheet.width())
    if labelled.country is not None:
        return Found(labelled.country, where="the Country label above the table")
    if "country" in reader.empty:
        return None
    around = assessment_context(ctx, sheet, header)
    return next((f for f in around if f.country and names_a_country(f.country)), None)


def _header(ctx: ReadContext, sheet: Sheet) -> tuple[int, int] | None:
    """The header row naming the capabilities across, and its one Year column; ``None`` when
    the sheet has none, or a Country column."""
    for row, cells in enumerate(sheet.rows[:_HEADER_ROWS]):
        if len(cells) - cells.count(None) <= MIN_KEY_MATCHES:
            continue  # a title or a label: no header of a year and the capabilities
        fields = [classify_header(v) if isinstance(v, str) else None for v in cells]
        if "year" not in fields and "when" not in fields:
            continue  # found fast: most headers have a Country column or no Year one
        if not _names_items(ctx, cells):
            continue
        if "country" in fields or "iso3" in fields:
            return None
        years = [c for c, f in enumerate(fields) if f in ("year", "when")]
        return (row, years[0]) if len(years) == 1 else None
    return None


def _names_items(ctx: ReadContext, cells: tuple[Any, ...]) -> bool:
    """Whether a row heads columns with capabilities (their numbers or titles)."""
    across = [v for v in cells if header_item(_text(v), ctx.capabilities) is not None]
    return len(across) >= MIN_KEY_MATCHES


def _text(value: Any) -> Any:
    """A header cell as text ("1" for a number 1: a capability's number heading its column)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value) if isinstance(value, int) else value


def _year(value: Any) -> int | None:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    found = _YEAR.match(str(value)) if value is not None else None
    return int(found.group(1)) if found else None
