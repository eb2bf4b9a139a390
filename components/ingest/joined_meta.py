"""A column that holds each row's country and year together: "Ghana 2022", "Ghana – 2024".

A table with one row per capability and no Country column sometimes names each row's
assessment in a column of its own ("Assessment", "Survey", or unheaded): the country and the
year in one cell. When every cell of such a column is a country pycountry knows followed by a
year, the column is read as the country column (``drafts.MetaReader`` takes a year from a
country cell when there is no Year column), and that is said. When the names are not known
countries, nothing is guessed: a table whose rows name several such assessments is refused
with what to do, rather than read as one assessment with every capability twice.
"""

from __future__ import annotations

from collections.abc import Mapping

from openpyxl.utils import get_column_letter

from components.ingest.code_countries import with_code_column
from components.ingest.countries import country_of_code, iso3_of
from components.ingest.country_columns import country_column
from components.ingest.layout import ItemTable
from components.ingest.listed_names import listed_country_column, named_years
from components.ingest.matching import METADATA_FIELDS, classify_header, is_summary
from components.ingest.named_columns import country_names_column
from components.ingest.quick_rows import ROW_WHEN
from components.ingest.record_times import without_record_times
from components.ingest.sheets import ReadContext, Sheet, cell_address, fill_down, quoted
from components.ingest.values import split_assessment_header
from components.ingest.vocabulary import Field

# A column of the assessments' names holds at most this many, each on two rows or more, on at
# least half the table's rows: not notes.
_MAX_ASSESSMENTS = 50


def with_joined_column(
    ctx: ReadContext, sheet: Sheet, layout: ItemTable, end: int
) -> Mapping[Field, int] | None:
    """The columns of a capability table without a Country column, with a column of
    "Country Year" cells as its country column when there is one; ``None`` when the table is
    refused for one that cannot be read with certainty (reported)."""
    # A tool's "Created on", "UpdatedAt": no assessment's date (``record_times``).
    columns = without_record_times(ctx, sheet, layout.header, layout.columns, end)
    # Rows keyed by their ISO3 codes alone: each row's country is its code's.
    columns = with_code_column(ctx, sheet, layout.header, columns, end)
    if layout.catalogue != "capability":
        return columns
    header = layout.header
    if "country" not in columns:
        # A column of countries under a system's own heading ("Account Name"): ``named_columns``;
        # under any other ("Countries", "Place", "Lane"): ``country_columns``; a list's name
        # ("Sri Lanka – MNR 2024"): ``listed_names``.
        named = country_names_column(ctx, sheet, header, columns, end)
        named = named if named is not None else country_column(ctx, sheet, header, columns, end)
        if named is None:
            named = listed_country_column(ctx, sheet, header, columns, end)
        if named is None:
            named, refused = joined_country_column(ctx, sheet, header, columns, end)
            if refused:
                return None
        columns = columns if named is None else {**columns, "country": named}
    # A board's or a record's name giving the year ("MNR 2025"), with no Year column.
    return named_years(ctx, sheet, header, columns, end)


def joined_country_column(
    ctx: ReadContext, sheet: Sheet, header: int, columns: Mapping[Field, int], end: int
) -> tuple[int | None, bool]:
    """(the column holding "Country Year" cells to read as the country column, or ``None``;
    whether the table is refused for one that cannot be read with certainty, reported)."""
    claimed = set(columns.values())
    cells = sheet.rows[header] if header < len(sheet.rows) else ()
    for column in range(len(cells)):
        heading = cells[column]
        if column in claimed or classify_header(heading) is not None or is_summary(heading):
            continue
        values = [v for v in sheet.column(column, header + 1, end) if v is not None]
        distinct = set(values)
        rows = end - header - 1
        # An assessment's name repeats down its rows; notes seldom do.
        if len(values) < 2 * len(distinct) or len(distinct) > _MAX_ASSESSMENTS:
            continue
        if 2 * len(values) < rows:
            continue
        split = [_country_and_year(v) for v in distinct]
        if not all(split):
            continue
        example = next(v for v in values if isinstance(v, str))
        where = cell_address(header, column)
        named = (
            f"the column headed {quoted(heading)}"
            if heading is not None
            else f"column {get_column_letter(column + 1)}"
        )
        if all(iso3_of(name) or country_of_code(name) for name in split):
            ctx.add(
                "warning",
                sheet,
                where,
                f"{named[0].upper()}{named[1:]} holds each row's country and year together (such "
                f"as {quoted(example)}); the country and the year were read from it.",
                "If that is wrong, use a Country column and a Year column.",
            )
            return column, False
        if len(distinct) < 2:
            continue
        ctx.add(
            "error",
            sheet,
            where,
            f"The table has no Country or Year column: {named} seems to "
            f"hold both together (such as {quoted(example)}), but its names are not countries "
            "the reader knows, so the table was not read.",
            "Head that column “Country” (a country cell may hold the year too), or split it "
            "into a Country column and a Year column.",
        )
        return None, True
    return None, False


def _country_and_year(value: object) -> str | None:
    """The country of a cell "Ghana 2022" (a name of letters, at most four words, then a
    year), else ``None``."""
    if not isinstance(value, str):
        return None
    country, when, _ = split_assessment_header(value)
    if country is None or when is None or len(country.split()) > 4:
        return None
    if not any(c.isalpha() for c in country) or any(c.isdigit() for c in country):
        return None
    return country


# A Year, Date or Round column tells a table's assessments apart when each of its values is
# on this many rows or more on average: a date per capability ("date reviewed") does not.
_ROWS_PER_ASSESSMENT = 4


def rows_apart(
    ctx: ReadContext, sheet: Sheet, layout: ItemTable, columns: Mapping[Field, int], end: int
) -> tuple[bool, bool]:
    """(whether the table's rows find their assessment by their own metadata, a long table;
    whether by a Year, Date or Round column: the year is then the table's own, not the
    title's). A value merged down its rows is each row's.

    A capability table without a Country column takes the country from around the table and
    its rows' years (or rounds) from the column, one assessment per year; a column with a
    different value on most rows is no assessment's, and is said to be left; an empty one (a
    task's "Start date" never filled in) says nothing, and the year is the table's own.
    """
    timed = layout.catalogue == "capability" and not columns.keys().isdisjoint(ROW_WHEN)
    if "country" not in columns and not timed:
        return False, False
    fill_down(sheet, (c for f, c in columns.items() if f in METADATA_FIELDS))
    if "country" in columns or not timed:
        return "country" in columns, timed
    fields = [f for f in columns if f in ROW_WHEN]
    keys = zip(*(sheet.column(columns[f], layout.header + 1, end) for f in fields), strict=True)
    present = [key for key in keys if any(v is not None for v in key)]
    if not present:
        return False, False  # an empty "Start date": no row's, the year is the table's own
    distinct = set(present)
    if len(distinct) <= 1 or len(present) >= _ROWS_PER_ASSESSMENT * len(distinct):
        return True, True
    field_name = fields[0]
    cell = cell_address(layout.header, columns[field_name])
    ctx.add(
        "warning",
        sheet,
        cell,
        f"The column headed {quoted(sheet.value(layout.header, columns[field_name]))} holds a "
        "different value on most rows, so it does not say which assessment a row belongs to; "
        "it was not read.",
        "If the rows are one assessment, write its year (or date) beside a Year label above "
        "the table; if several, give each row its assessment's year.",
    )
    return False, False
