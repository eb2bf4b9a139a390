"""An assessment whose country, round or assessor is very long: more likely a pasted note."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from components.ingest.report import ASSESSMENT_COLUMNS, SOURCE_SEPARATOR, Problem
from components.ingest.sheets import ReadContext

# Longer than this, a country, round or "assessed by" is more likely a pasted note than a name.
LONG_NAME_CHARS = 200
_NAMED = {"country": "country", "round": "round", "assessed_by": "“assessed by”"}


def warn_long_names(ctx: ReadContext, heads: Sequence[tuple[Any, ...]]) -> None:
    """A warning for each assessment whose country, round or assessor is very long.

    ``heads`` are the assessments' rows of assessment columns (``ASSESSMENT_COLUMNS``), in the
    tables' order: looked at there, once per assessment, not in the tables' columns.
    """
    positions = {column: ASSESSMENT_COLUMNS.index(column) for column in _NAMED}
    source_at = ASSESSMENT_COLUMNS.index("source")
    # Each assessment once (its first row, as the tables' first row of it).
    first: dict[Any, tuple[Any, ...]] = {}
    for head in heads:
        first.setdefault(head[0], head)
    for column, what in _NAMED.items():
        for head in first.values():
            value = head[positions[column]]
            if isinstance(value, str) and len(value) > LONG_NAME_CHARS:
                sheet = str(head[source_at]).rpartition(SOURCE_SEPARATOR)[2] or None
                ctx.problems.append(
                    Problem(
                        "warning",
                        ctx.file,
                        sheet if sheet != ctx.file else None,
                        None,
                        f"The {what} is {len(value):,} characters long, more than a name usually "
                        f"is; pages show its first characters, tables all of it.",
                        f"Check that the {what} cell holds only the name; put notes in the "
                        "evidence column.",
                    )
                )
