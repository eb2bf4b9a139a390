"""A column of countries' names under a business system's own heading ("Account Name").

A CRM or a case system exports its records under its own field names: Salesforce's report
keeps each row's country as the "Account Name" it is filed under, beside an assessment's code
("MNR-CIV-2023"). With no column headed Country, the table was refused. When a column that
no heading names holds only countries' names the app knows (in any language it reads, or
by another name such as "DRC"), each repeated down its rows as an assessment's key is, it is
the table's country column, and a warning says which column was read so. Only under a
heading that names a record ("Account Name", "Account", "Organisation", "Entity name"): a
column under another unknown heading ("Member", "cc") is ``unread_columns``'s to name, as
the reader cannot tell what its names are there; and only names, not codes ("PER" may be a
word).
"""

from __future__ import annotations

from collections.abc import Mapping

from openpyxl.utils import get_column_letter

from components.base.text import normalise
from components.ingest.countries import iso3_in_any_language
from components.ingest.country_aliases import alias_of
from components.ingest.matching import classify_header
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.vocabulary import Field

# Headings of a business system's record, besides those ending in "Name".
_RECORDS = frozenset({"account", "organisation", "organization", "entity", "office"})
# At most this many countries in one column, each on two rows or more.
_MAX_COUNTRIES = 50


def country_names_column(
    ctx: ReadContext, sheet: Sheet, header: int, columns: Mapping[Field, int], end: int
) -> int | None:
    """The column of a table without a Country column that holds only countries' names,
    reported; ``None`` when no column does (or several do: which is meant is not guessed)."""
    claimed = set(columns.values())
    cells = sheet.rows[header] if header < len(sheet.rows) else ()
    # The rows that give a capability: a report's footer lines under the table are none.
    key = columns.get("capability", columns.get("number"))
    if key is None:
        return None
    keyed = [v is not None for v in sheet.column(key, header + 1, end)]
    found = []
    for column in range(len(cells)):
        heading = cells[column]
        if column in claimed or not _record_heading(heading):
            continue
        column_values = sheet.column(column, header + 1, end)
        values = [v for v, k in zip(column_values, keyed, strict=False) if k and v is not None]
        distinct = set(values)
        if not values or len(values) < 2 * len(distinct) or len(distinct) > _MAX_COUNTRIES:
            continue
        if 2 * len(values) < sum(keyed):
            continue
        if all(isinstance(v, str) and _known(v) for v in distinct):
            found.append(column)
    if len(found) != 1:
        return None
    column = found[0]
    heading = cells[column]
    named = f"headed {quoted(heading)}" if heading is not None else "with no heading"
    example = next(v for v in sheet.column(column, header + 1, end) if v is not None)
    ctx.add(
        "warning",
        sheet,
        cell_address(header, column),
        f"The table has no Country column; column {get_column_letter(column + 1)}, {named}, "
        f"holds only countries' names (such as {quoted(example)}), so it was read as the "
        "Country column.",
        "If that is wrong, add a column headed “Country” with each row's country.",
    )
    return column


def _record_heading(heading: object) -> bool:
    """A heading that names a record of a business system ("Account Name")."""
    if not isinstance(heading, str) or classify_header(heading) is not None:
        return False
    words = normalise(heading).split()
    return bool(words) and (words[-1] == "name" or " ".join(words) in _RECORDS)


def _known(name: str) -> bool:
    """A country's name (not a code: "PER", "COL" may be words)."""
    text = name.strip()
    if len(text) <= 3 and alias_of(text) is None:
        return False
    return iso3_in_any_language(text) is not None or alias_of(text) is not None
