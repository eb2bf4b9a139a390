"""Rows of a table of countries that are about a group of them: never a country's assessment.

* A row whose country cell names a region or a group of countries, or its figure ("West and
  Central Africa", "Low income", "West and Central Africa (regional average)", "Regional
  average – Middle East and North Africa": ``region_names``) is left out, with one warning
  per name (a long table gives it on 21 rows). A statistic of no group ("Total", "Regional
  average", "All countries – median") is said row by row (``country_sources.summary_row``).
* A row headed by a level of the scale or "Not assessed" (a count per level turned on its
  side) is left out with a warning (``level_headed``).
* A row with no country whose label to the left of the country column sums up the rows
  above, as Excel's Data > Subtotal writes them ("Eastern and Southern Africa Average" in the
  Region column, "Grand Average"), is left out with a warning, not reported as a row that
  lacks its country.
"""

from __future__ import annotations

from components.ingest.countries import iso3_in_any_language
from components.ingest.heading_rows import is_subtotal_label
from components.ingest.level_headed import level_heading
from components.ingest.matching import is_summary
from components.ingest.region_names import names_a_group
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted


def group_row(ctx: ReadContext, sheet: Sheet, row: int, column: int) -> bool:
    """Whether ``row`` is about a group of countries, not one (said); ``column`` is the
    table's country column."""
    value = sheet.value(row, column)
    if value is None:
        return _subtotal_without_country(ctx, sheet, row, column)
    if level_heading(ctx, value) is not None:
        ctx.add(
            "warning",
            sheet,
            cell_address(row, column),
            f"Row {row + 1} ({quoted(value)}) is headed by a level of the scale (or “not "
            "assessed”), not a country; it was not read as an assessment.",
            "Nothing to do if the row counts or describes a level; if it is a country's row, "
            f"write the country's name in {cell_address(row, column)}.",
        )
        return True
    if not isinstance(value, str) or is_summary(value) or not names_a_group(value):
        return False
    if iso3_in_any_language(value) is not None:
        return False  # a country named like a region by no list today; a country all the same
    if ctx.once((sheet.name, "group row", value)):
        cell = cell_address(row, column)
        ctx.add(
            "warning",
            sheet,
            cell,
            f"{quoted(value)} names a region or its average, not one country; its levels "
            "were not read as an assessment.",
            "Nothing to do if it is a regional figure; if it is one country's assessment, "
            f"write that country's name in {cell}.",
        )
    return True


def _subtotal_without_country(ctx: ReadContext, sheet: Sheet, row: int, column: int) -> bool:
    """Whether the row, its country cell empty, is a subtotal labelled to the left of it."""
    labels = [(c, v) for c, v in enumerate(sheet.rows[row][:column]) if is_subtotal_label(v)]
    if not labels:
        return False
    at, label = labels[-1]
    ctx.add(
        "warning",
        sheet,
        cell_address(row, at),
        f"Row {row + 1} ({quoted(label)}) sums up other rows; it was not read as an assessment.",
        "Nothing to do if it is a subtotal or an average; if it is a country's row, write the "
        f"country's name in {cell_address(row, column)}.",
    )
    return True
