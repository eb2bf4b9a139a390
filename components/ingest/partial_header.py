"""Header rows that say less, or other, than a wide table's usually does.

A Country column of names beside the capabilities is a long table's: its level column is
under a header the reader does not know ("Punkte"), and no column header is a country
(``countries_down``), so the table is refused with its header named rather than read as a
country called "Punkte". A table of one assessment per row with two capabilities across
(one sheet per domain, and a domain of two) is read when the header has a Country column and
names the two by their titles, levels below each (``two_titled``): three or more are needed
otherwise, since two numbers across could be anything. An Enablers sheet of the same shape
(a Country column, three or more enablers named by their titles, levels below) is read too
(``few_but_titled``): its rows join each country's capability assessment; and so is one whose
capabilities are field names cut short (``short_headers.short_header_row``).
"""

from __future__ import annotations

from collections.abc import Mapping

from components.ingest.column_roles import holds_levels, holds_text
from components.ingest.matching import Catalogue, Field, is_plain_number
from components.ingest.sheets import ReadContext, Sheet
from components.ingest.short_headers import short_header_row


def countries_down(
    ctx: ReadContext, sheet: Sheet, row: int, fields: Mapping[Field, int], key: int
) -> bool:
    """Whether the header row ``row`` has a Country column, other than ``key``, of names."""
    country = fields.get("country")
    return (
        country is not None
        and country != key
        and holds_text(sheet, row, country, ctx.framework.scale)
    )


def two_titled(
    ctx: ReadContext,
    sheet: Sheet,
    row: int,
    fields: Mapping[Field, int],
    items: Mapping[int, tuple[Catalogue, int]],
) -> bool:
    """A Country column and two capabilities named by their titles, with levels below."""
    capabilities = [c for c, (catalogue, _) in items.items() if catalogue.kind == "capability"]
    return "country" in fields and len(capabilities) == 2 and _titled(ctx, sheet, row, capabilities)


def few_but_titled(
    ctx: ReadContext,
    sheet: Sheet,
    row: int,
    fields: Mapping[Field, int],
    items: Mapping[int, tuple[Catalogue, int]],
) -> bool:
    """A header of one assessment per row naming fewer than three capabilities that is read
    all the same: two capabilities by their titles (``two_titled``), or a Country column and
    three or more enablers by their titles, with levels below each."""
    if two_titled(ctx, sheet, row, fields, items) or short_header_row(ctx, sheet, row, fields):
        return True  # two titles; or field names cut short ("LAWENFORCE"), ``short_headers``
    enablers = [c for c, (catalogue, _) in items.items() if catalogue.kind == "enabler"]
    return "country" in fields and len(enablers) >= 3 and _titled(ctx, sheet, row, enablers)


def _titled(ctx: ReadContext, sheet: Sheet, row: int, columns: list[int]) -> bool:
    """Whether each of ``columns`` is headed by a title (not a bare number) over levels."""
    scale = ctx.framework.scale
    return all(
        not is_plain_number(sheet.value(row, c)) and holds_levels(sheet, row, c, scale)
        for c in columns
    )
