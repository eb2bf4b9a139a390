"""A form's question asked twice per capability: the current level and the target.

Survey tools' array questions often ask two things of each capability, one column each,
the answer's heading in brackets after the capability: LimeSurvey's "C01[SQ001]. 1.
Leadership – … [Current level]" beside "C01[SQ002]. 1. Leadership – … [Target level
(2027)]", or "Leadership [Now]" and "Leadership [To be]". The capability is the heading
less its bracket; the bracket says which state the column's levels describe
(``state_words``). The current level is the assessment: a careful reader reads it and sets
the target (or an earlier level) aside, said once for all such columns. Where a capability
has no current column, nothing is set aside, and the columns are reported as asking about
it twice (``forms``).
"""

from __future__ import annotations

import re
from typing import Any

from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.state_words import state_of

# The heading's last bracket, and a year inside it: "[Target level (2027)]".
_LAST_BRACKET = re.compile(r"\s*\[(?P<inner>[^\[\]]+)\]\s*$")
_YEAR = re.compile(r"\(?\b(?:19|20)\d{2}\b\)?")


def without_state(value: str) -> tuple[str, str] | None:
    """(the heading less its last bracket, the state the bracket names: "current",
    "previous" or "target") when the bracket names one; ``None`` otherwise."""
    if not value.endswith("]"):
        return None
    bracket = _LAST_BRACKET.search(value)
    if bracket is None:
        return None
    state = state_of(_YEAR.sub(" ", bracket["inner"]).strip())
    return (value[: bracket.start()], state) if state else None


def set_aside(
    ctx: ReadContext, sheet: Sheet, row: int, named: dict[int, int], cells: tuple[Any, ...]
) -> tuple[dict[int, int], frozenset[int]]:
    """``named`` (column -> capability) without the columns of a target or earlier level
    of a capability that has a current column too, and those columns (said once)."""
    states = {
        c: found[1]
        for c in named
        if isinstance(cells[c], str) and (found := without_state(cells[c])) is not None
    }
    if not states:
        return named, frozenset()
    current = {n for c, n in named.items() if states.get(c, "current") == "current"}
    aside = frozenset(
        c for c, state in states.items() if state != "current" and named[c] in current
    )
    if not aside:
        return named, frozenset()
    first = min(aside)
    kinds = sorted({states[c] for c in aside})
    ctx.add(
        "warning",
        sheet,
        cell_address(row, first),
        f"The form asks each capability's current level and its {' and '.join(kinds)} level "
        f"in columns of their own: the current levels were read, and the {len(aside)} "
        f"columns of the {' and '.join(kinds)} levels (such as {quoted(cells[first])}, "
        f"{cell_address(row, first)}) were set aside, as they are no assessment.",
        "Nothing to do if that is right. To record the targets, add them in the action plan.",
    )
    return {c: n for c, n in named.items() if c not in aside}, aside
