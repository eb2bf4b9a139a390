"""A database's "state" column of a record's state ("open", "closed"): no country.

"State" heads a country's (or a member state's) column in many tables, so the reader takes
it for the country. A case management tool's export (CommCare HQ's case export, a CRM's
records) also has a "state" column: whether the record is open or closed. Read as the
country, every row was "open", and the real country column (an ISO3 "country_code") was
not read. So before a sheet is read, a column headed as the country whose every value is a
record's state is set apart, said once; the table is then read by its other columns.
"""

from __future__ import annotations

from dataclasses import replace

from components.base.text import normalise
from components.ingest.matching import classify_header
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.values import is_blank

# A record's states, as case and record tools write them.
_STATES = frozenset(
    {"open", "closed", "active", "inactive", "archived", "deleted", "pending", "opened"}
)
# Header rows looked at, and rows of values under a header looked at.
_HEADER_ROWS = 5
_SAMPLE = 60


def without_case_states(ctx: ReadContext, sheets: list[Sheet]) -> list[Sheet]:
    """``sheets``, a country-headed column of records' states in each left unheaded."""
    return [_without(ctx, sheet) for sheet in sheets]


def _without(ctx: ReadContext, sheet: Sheet) -> Sheet:
    for row in range(min(_HEADER_ROWS, len(sheet.rows))):
        cells = sheet.rows[row]
        for column, value in enumerate(cells):
            # "state" first: nearly every header cell is another word.
            if not (isinstance(value, str) and "state" in value.casefold()):
                continue
            if classify_header(value) != "country" or not _states(sheet, row, column):
                continue
            seen = sorted({normalise(str(v)) for v in _values(sheet, row, column)})
            ctx.add(
                "warning",
                sheet,
                cell_address(row, column),
                f"The column headed {quoted(value)} holds the state of each record "
                f"({', '.join(quoted(s) for s in seen)}), as a case management tool exports "
                "it, not a country; it was not read as the country.",
                "Nothing to do if the countries are in another column (a country code or "
                "name); otherwise add a column headed Country.",
            )
            rows = list(sheet.rows)
            headed = list(rows[row])
            headed[column] = None
            rows[row] = tuple(headed)
            return replace(sheet, rows=rows, columns=None)
    return sheet


def _values(sheet: Sheet, row: int, column: int) -> list[object]:
    return [v for v in sheet.column(column, row + 1, row + 1 + _SAMPLE) if not is_blank(v)]


def _states(sheet: Sheet, row: int, column: int) -> bool:
    values = _values(sheet, row, column)
    return bool(values) and all(normalise(str(v)) in _STATES for v in values)
