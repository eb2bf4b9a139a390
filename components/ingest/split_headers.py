"""A header whose headings run on into the row under it: "Current" over "level".

A narrow column's heading is often typed over two rows instead of wrapped in one cell:
"No. | Capability | Current | Target | Responsible" with "level | level (2026) | agency" under
the last three, and the capability's columns headed in the upper row only. Neither row alone
names the level column ("Current" is no heading the reader knows; "level" alone sits in a row
with no capability column), so the table was taken for an action plan with no assessment, or
not found. Read together, as a person reads them, the headings are "Current level", "Target
level (2026)" and "Responsible agency".

``join_split_headers`` joins them, before the sheets are read, only where it is certain: the
upper row names the capability (or its number) and no level column; the row under it holds
text only, at least two cells, each under a heading of the upper row and none under the
capability's columns; and joined, the headings name a level column. The joined header takes
the lower row's place (next to the data, as the reader expects) and the upper row is left
blank. A label over several headings (merged, or written again over each) is a group's:
``header_groups``' and ``sub_columns``'.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from components.ingest.matching import classify_header
from components.ingest.sheets import Sheet
from components.ingest.values import is_blank

_SEARCH_ROWS = 30  # a header is near the top of its sheet
_ITEM_FIELDS = frozenset({"capability", "number", "enabler"})
_MIN_JOINED = 2


def join_split_headers(sheets: list[Sheet]) -> list[Sheet]:
    """The sheets, with a header split over two rows joined into the lower row."""
    for sheet in sheets:
        for index in range(min(_SEARCH_ROWS, len(sheet.rows) - 1)):
            joined = _joined(sheet.rows[index], sheet.rows[index + 1])
            if joined is not None:
                sheet.rows[index] = tuple(None for _ in sheet.rows[index])
                sheet.rows[index + 1] = joined
                sheet.columns = None  # the rows changed: the column cache is stale
                break
    return sheets


def _joined(upper: Sequence[Any], lower: Sequence[Any]) -> tuple[Any, ...] | None:
    # The usual case, cheaply (counted in C): the row under is data, or a header of its own.
    filled = len(lower) - lower.count(None)
    if filled < _MIN_JOINED or filled >= len(upper) - upper.count(None):
        return None
    below = {column: value for column, value in enumerate(lower) if value is not None}
    if not all(isinstance(v, str) for v in below.values()):
        return None
    fields = [classify_header(value) for value in upper]
    items = {column for column, field in enumerate(fields) if field in _ITEM_FIELDS}
    if not items or "level" in fields:
        return None  # with its level column named, the upper row is a header alone
    below = {column: value for column, value in below.items() if not is_blank(value)}
    if len(below) < _MIN_JOINED or items & set(below):
        return None
    over = [upper[c] if c < len(upper) else None for c in below]
    if len(set(over)) < len(over):
        return None  # one label over several headings: a group's (``header_groups``)
    width = max(len(upper), len(lower))
    joined = [upper[c] if c < len(upper) else None for c in range(width)]
    for column, value in below.items():
        above = joined[column]
        if not isinstance(value, str) or not isinstance(above, str) or not above.strip():
            return None
        joined[column] = f"{above.strip()} {value.strip()}"
    if not any(classify_header(joined[column]) == "level" for column in below):
        return None
    return tuple(joined)
