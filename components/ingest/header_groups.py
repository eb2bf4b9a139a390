"""A header written over two rows: a group label above the real headings.

A form often heads its answer columns with a label merged (or written) over them: "Assessment"
over "Level (0 = …)" | "Justification" ("Évaluation" over "Niveau" | "Justification",
"Evaluación" over "Nivel", "Avaliação" over "Nível"), while the capability's number and title
are headed in the upper row, often merged down over both. Neither row alone names both the
capability and the level; together they do. Read alone, the upper row takes the group label for
the level column's header (a country called "Assessment"), or the lower row for a capability
left out; with domain rows between the capabilities, the table was not found at all.

``two_row_fields`` joins the two rows' header words, the lower row's over the label above them,
so that the table is read with its header at the lower row.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from components.ingest.matching import Field

_KEYS = frozenset({"number", "capability", "enabler"})


def two_row_fields(
    sheet: Any,
    row: int,
    fields: Mapping[Field, int],
    header_fields: Callable[[tuple[Any, ...]], dict[Field, int]],
) -> dict[Field, int] | None:
    """The header fields of ``row`` and the row below joined, when the row below heads the
    level column (naming no capability itself), ``row`` names the capability, and the columns
    ``row`` heads for the capability are empty below it (merged down) or say the same again;
    ``None`` otherwise."""
    if row + 1 >= len(sheet.rows) or not fields.keys() & _KEYS:
        return None
    upper, lower = sheet.rows[row], sheet.rows[row + 1]
    below = header_fields(lower)
    if "level" not in below or below.keys() & _KEYS:
        return None
    for name, column in fields.items():
        if name in _KEYS and column < len(lower) and lower[column] not in (None, upper[column]):
            return None  # the row below holds something else there: a row of data
    taken = set(below.values())
    joined = {
        name: column for name, column in fields.items() if name not in below and column not in taken
    }
    return {**joined, **below}
