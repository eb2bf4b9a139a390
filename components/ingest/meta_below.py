"""Rows just under a wide table's country headings that give each column's metadata.

A capabilities × countries table often says each country's year (or round, date, ISO3 code)
in a row of its own right under the countries: "Year | | 2023 | 2023", "Jahr;;2023;2023",
the label in the first column or in the capability column ("Year", "Année", "Año", "Ano",
"Round", "Date", "ISO3"), or a row of years with no label at all. Read as a capability row,
it has levels (2023) and no capability: the year was lost and the row reported as an error.

``MetaBelow`` finds such rows, from the first row under the header on, as long as each is one:
a single label naming a metadata column (``classify_header``: year, date, period, round,
ISO3) left of or in the capability column, and values in the assessments' columns; or no label
and a year alone in each filled cell. Each column's values are read as a long table's
metadata cells are (reported the same way when they cannot be), under what its heading says:
a heading's own year is kept, and a different year under it is said.
"""

from __future__ import annotations

from typing import Any

from components.ingest.drafts import Meta, MetaReader
from components.ingest.layout import ItemRows
from components.ingest.matching import Field, classify_header
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.year_groups import plain_year

_WHEN: frozenset[str] = frozenset({"year", "date", "when"})
_META: frozenset[str] = _WHEN | {"round", "iso3"}
# Metadata rows looked for under the header: a year, a date, a round and a code at most.
_MOST = 4


class MetaBelow:
    """The metadata rows under an ``ItemRows`` table's header: where the data starts, and
    each assessment column's metadata from them."""

    def __init__(self, ctx: ReadContext, sheet: Sheet, layout: ItemRows, reader: MetaReader):
        self.ctx, self.sheet, self.reader = ctx, sheet, reader
        self.cells: dict[int, dict[Field, tuple[Any, int, int]]] = {}
        self.header, self.first = layout.header, layout.header + 1
        columns = layout.assessments
        if not columns:
            return
        for row in range(layout.header + 1, min(len(sheet.rows), layout.header + 1 + _MOST)):
            name = _meta_row(sheet, row, columns)
            if name is None:
                break
            for column in columns:
                value = sheet.value(row, column)
                if value is not None:
                    self.cells.setdefault(column, {})[name] = (value, row, column)  # type: ignore[index]
            self.first = row + 1

    def under(self, column: int, meta: Meta) -> Meta:
        """``meta`` (what the column's heading says) with what the rows below it add."""
        cells = self.cells.get(column)
        if not cells:
            return meta
        found = self.reader.from_cells(cells)
        year, heading_year = found.when.year, meta.when.year
        if year is not None and heading_year is not None and year != heading_year:
            cell = next(cell_address(r, c) for n, (_, r, c) in cells.items() if n in _WHEN)
            self.ctx.add(
                "warning",
                self.sheet,
                cell,
                f"The year {year} in {cell} differs from the year {heading_year} in the "
                f"column's heading {quoted(self.sheet.value(self.header, column))}; "
                f"the heading's year, {heading_year}, was used.",
                "Correct whichever of the two is wrong.",
            )
        return meta.over(found)


def _meta_row(sheet: Sheet, row: int, columns: tuple[int, ...]) -> Field | None:
    """The metadata a row under the header gives each assessment column, if it is such a
    row: its one label's field, or "year" for a row of years alone with no label."""
    cells = sheet.rows[row]
    values = [sheet.value(row, c) for c in columns]
    if all(value is None for value in values):
        return None
    chosen = set(columns)
    labels = [v for c, v in enumerate(cells) if v is not None and c not in chosen]
    if not labels:
        filled = [value for value in values if value is not None]
        return "year" if all(plain_year(value) is not None for value in filled) else None
    if len(labels) != 1 or not isinstance(labels[0], str):
        return None
    name = classify_header(labels[0])
    return name if name in _META else None
