"""A csv written with R's row names: the header row one field short.

R's ``write.table(df, row.names = TRUE)`` (its default) writes each row's name (1, 2, 3 …)
as the first field of the row but no field for it in the header, so the header has one field
fewer than every data row, and each header stands over the column left of its data: "Country"
over the row numbers, "Year" over the countries. Read as it stands, every row is misread.

When the first line is a header whose every field is filled, every data row has exactly one
field more (the last one filled: R writes every field, "NA" for a missing value), and the first
fields are the row numbers 1, 2, 3 … in order, the header is read one column to the right, over
the data it names, and a warning says so. A table whose data rows are one field longer but whose
first fields are not row numbers, or are numbers under a header they fit ("No", "Capability"),
is left as it is: an unheaded last column of notes is common.
"""

from __future__ import annotations

from typing import Any

from components.ingest.matching import classify_header

# Data rows needed to tell R's row numbers from a column of levels (0 to 4).
_MIN_ROWS = 6
# Headers under which the numbers 1, 2, 3 … are data: the capabilities' numbers.
_NUMBERED = frozenset({"number", "capability", "enabler"})


def shift_short_header(rows: list[tuple[Any, ...]]) -> tuple[str, str] | None:
    """Put a header one field short (R's row names) over the data it names, in ``rows``; the
    warning and its fix to show when it was done."""
    if not rows or not rows[0] or not all(_filled(v) for v in rows[0]):
        return None
    header = rows[0]
    data = [row for row in rows[1:] if row]
    width = len(header) + 1
    if len(data) < _MIN_ROWS or any(len(row) != width or not _filled(row[-1]) for row in data):
        return None
    if classify_header(header[0]) in _NUMBERED:
        return None  # "No" or "Capability" over numbers, its notes unheaded at the end
    names = [str(row[0]).strip() for row in data]
    if names != [str(number) for number in range(1, len(data) + 1)]:
        return None
    rows[0] = (None, *header)
    return (
        f"The header row has {len(header)} fields but every row below it has {width}, the "
        "first a row number (1, 2, 3 …), as R writes a table with its row names: each "
        "header was read over the column right of it, and the row numbers were not read.",
        "If the data look right, there is nothing to do. To avoid this note, write the file "
        "without row names: write.csv(df, row.names = FALSE) in R.",
    )


def _filled(value: object) -> bool:
    return value is not None and str(value).strip() != ""
