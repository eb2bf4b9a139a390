"""A table whose first row is already data: a database dump or a copy without its headers.

``Kenya,KEN,2023,1,3`` on the first line says neither which column is the country nor which
the level, and guessing the columns from their values could read a year as a level or a
capability as a country. So nothing is read, and the sheet's message (``unrecognised``) says
the first row holds no column headings and which headings to add.
"""

from __future__ import annotations

from typing import Any

from components.ingest.column_roles import asks_country
from components.ingest.matching import classify_header
from components.ingest.sheets import Sheet, quoted

# Rows below the first compared with it: each must have text and numbers in the same columns.
_SAMPLE_ROWS = 5
_SHOWN = 6


def _kind(value: Any) -> str | None:
    """A cell as ``"number"`` or ``"text"``, or ``None`` when blank."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "text"
    if isinstance(value, int | float):
        return "number"
    text = str(value).strip().replace(",", ".")
    try:
        float(text)
    except ValueError:
        return "text"
    return "number"


def headerless(sheet: Sheet) -> str | None:
    """The message's end when the first row of ``sheet`` is data like the rows below it (text
    and numbers in the same columns, no word of a header), else ``None``."""
    if len(sheet.rows) < 2 or not sheet.rows[0]:
        return None
    first = sheet.rows[0]
    kinds = [_kind(v) for v in first]
    if "number" not in kinds or "text" not in kinds or None in kinds:
        return None
    if any(classify_header(v) is not None or asks_country(v) for v in first):
        return None
    below = sheet.rows[1 : 1 + _SAMPLE_ROWS]
    if any([_kind(v) for v in row[: len(first)]] != kinds for row in below):
        return None
    shown = ", ".join(quoted(v) for v in first[:_SHOWN])
    more = ", …" if len(first) > _SHOWN else ""
    return (
        f"its first row ({shown}{more}) holds data like the rows below it, not column "
        "headings, so which column holds the country, the capability and the level is not "
        "said. Insert a row above it with a heading over each column: Country, ISO3, Year, "
        "Capability and Level (those the table has, in its order)"
    )
