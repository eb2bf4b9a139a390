"""A level written with a unit: "3 pts", "3 points", "1 pt", "3 puntos", "3 pontos".

A scoring sheet totals points, and some people type the unit after each level. The number is
the level when it is on the scale; the unit says nothing more, so the level is read with one
warning per column and assessment (``drafts.read_answers`` says it once), not one per cell. A
number off the scale ("5 pts") is left to the caller, which reports the cell.
"""

from __future__ import annotations

import re

from components.framework.model import Scale

# The number, then the unit (English, French, Spanish, Portuguese), an optional full stop.
_WITH_UNIT = re.compile(
    r"(?P<number>\d+)(?:[.,]0+)?\s*(?P<unit>pts?|points?|puntos?|pontos?|ptos?)\.?",
    re.IGNORECASE,
)


def level_with_unit(text: str, scale: Scale) -> tuple[int, str] | None:
    """(level, warning) for a level on ``scale`` written with a unit, or ``None``."""
    found = _WITH_UNIT.fullmatch(text.strip())
    if found is None:
        return None
    level = int(found["number"])
    if not scale.minimum <= level <= scale.maximum:
        return None
    return level, (
        f"“{text.strip()}” was read as level {level} without the unit "
        f"“{found['unit']}”; the other levels of this assessment written with a unit in this "
        "column were read the same way"
    )
