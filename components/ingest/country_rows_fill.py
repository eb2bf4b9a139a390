"""A country written once over its rows in a table of one assessment per row.

pandas writes a table indexed by (country, year) with the country merged down over its
years, and people merge a country's cells by hand, or leave them blank below the first, as
a report shows it ("Kenya | 2021", "  | 2023"). The country belongs to each of its rows:
a merged cell's value is filled down (what the person sees beside every row); a blank cell
is filled only when its row is plainly the country's next assessment: right under the
country's rows, with a year of its own that the country has not had yet. That is said in
a warning, with the cells, so that a forgotten country is caught by the person.
"""

from __future__ import annotations

from typing import Any

from components.ingest.layout import CountryRows
from components.ingest.redcap_repeats import other_record
from components.ingest.sheets import ReadContext, Sheet, cell_address, fill_down, quoted

# The columns that date a row, by preference.
_WHEN = ("year", "date", "when")


def fill_country_down(ctx: ReadContext, sheet: Sheet, layout: CountryRows) -> None:
    """Give the rows under a country merged or written once over them that country."""
    when = next((layout.columns[f] for f in _WHEN if f in layout.columns), None)
    fill_down(sheet, [layout.country] + ([] if when is None else [when]))
    if when is None:
        return  # nothing tells a next assessment from a row whose country was forgotten
    country = layout.country
    current: Any = None
    source = layout.header
    years: set[str] = set()
    filled: list[int] = []
    for row in range(layout.header + 1, len(sheet.rows)):
        name, year = sheet.value(row, country), sheet.value(row, when)
        answered = any(sheet.value(row, c) is not None for c in layout.items)
        if name is not None:
            current, years, source = name, {_key(year)}, row
            continue
        if not answered or current is None or year is None or _key(year) in years:
            current = None  # a gap, a note or a repeated year: the run is over
            continue
        if other_record(sheet, layout.header, row, source):
            current = None  # a REDCap record's rows never take another record's country
            continue
        cells = list(sheet.rows[row])
        cells.extend([None] * (country + 1 - len(cells)))
        cells[country] = current
        sheet.rows[row] = tuple(cells)
        sheet.columns = None  # the rows changed: the columns no longer say the same
        years.add(_key(year))
        filled.append(row)
    if filled:
        _say_filled(ctx, sheet, country, filled)


def _key(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip().casefold()


def _say_filled(ctx: ReadContext, sheet: Sheet, country: int, rows: list[int]) -> None:
    shown = ", ".join(cell_address(r, country) for r in rows[:6])
    more = f" and {len(rows) - 6} more" if len(rows) > 6 else ""
    first = rows[0]
    above = next(r for r in range(first - 1, -1, -1) if sheet.value(r, country) is not None)
    ctx.add(
        "warning",
        sheet,
        cell_address(first, country),
        f"The country cell{'s' if len(rows) > 1 else ''} {shown}{more} "
        f"{'are' if len(rows) > 1 else 'is'} empty: each such row was read as another year of "
        f"the country above it ({quoted(sheet.value(above, country))} in "
        f"{cell_address(above, country)}), as a table that writes each country once over its "
        "rows shows it.",
        "If a row is another country's, write its country in the empty cell.",
    )
