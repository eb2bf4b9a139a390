"""A database's or web app's record id is never the capability's number.

"Id" is, in the vocabulary, a header of the capability's number ("ID | Capability | Level"),
and a header row's first column of a field wins. A database or web-app dump starts with its
records' own id: a uuid ("3f2c0001-9b1e-…"), or a row number running past the 21
capabilities, beside the column that really names the capability ("capability_code" holding
"CAP-04", or a title column). Read as the capability's number, every row would be reported as
naming no capability. ``record_id_fields`` looks at the values: among the columns whose header
names the number, the one whose values name capabilities is taken (on a tie, the one whose
header says "capability"); a number column whose values name none, beside a column of titles,
is left unread.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from components.ingest.matching import Field, classify_header, exact_reference
from components.ingest.sheets import ReadContext, Sheet
from components.ingest.vocabulary import key_of

# Values looked at below the header.
SAMPLE_ROWS = 40
# Words of a header that tie a number column to the capabilities, in the vocabulary's languages.
_CAPABILITY_WORDS = frozenset(
    {"capability", "cap", "mnr", "capacite", "capacidad", "capacidade", "fahigkeit"}
)


def record_id_fields(
    ctx: ReadContext, sheet: Sheet, row: int, fields: Mapping[Field, int]
) -> dict[Field, int]:
    """``fields`` with the number column that names capabilities (not a record id)."""
    found = dict(fields)
    first = found.get("number")
    if first is None:
        return found
    cells = sheet.rows[row]
    candidates = [
        column
        for column, value in enumerate(cells)
        if column >= first and classify_header(value) == "number"
    ]
    if len(candidates) == 1 and "capability" not in found:
        return found  # the only column that could name the capability
    scores = {column: _score(ctx, sheet, row, column, cells[column]) for column in candidates}
    best = max(candidates, key=lambda column: scores[column])  # max keeps the first of ties
    if scores[best][0] == 0:
        if "capability" in found and scores[first][1] > 0:
            del found["number"]  # record ids beside the titles: the titles name the capability
        return found
    found["number"] = best
    return found


def _score(ctx: ReadContext, sheet: Sheet, row: int, column: int, header: Any) -> tuple[float, int]:
    """(the share of the values that name a capability, when all or most do, with a bonus for
    a header saying "capability"; how many values there are)."""
    values = [v for v in sheet.column(column, row + 1, row + 1 + SAMPLE_ROWS) if v is not None]
    if not values:
        return 0.0, 0
    named = sum(exact_reference(v, ctx.capabilities) is not None for v in values) / len(values)
    if named < 0.5:
        return 0.0, len(values)
    words = set(key_of(header).split()) if isinstance(header, str) else set()
    return named + (0.5 if words & _CAPABILITY_WORDS else 0.0), len(values)
