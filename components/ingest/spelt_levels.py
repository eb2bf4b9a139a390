"""A number written as a word, alone, in a level column: "deux", "Tres", "Zéro", "два", "dua".

``values.parse_level`` reads a number word only after a level word ("Niveau deux", "Nivel
dos"): alone, a word such as "un" or "dos" could be anything where no level is expected. In a
level column it can only be the level, so there such a word, in any language of
``mnr_data/headers.toml`` (``level_words.NUMBER_WORDS``), is read as the number it spells, with
one warning per assessment saying so. A number word outside the scale ("cinq"), or one that is
also a word of another language ("due"), stays refused.
"""

from __future__ import annotations

from typing import Any

from components.base.text import normalise
from components.framework.model import Scale
from components.ingest.level_words import spelt_number
from components.ingest.values import LevelReading

# Number words that are also a word of another language ("due" in English): read after a level
# word only ("Livello due"), never alone.
_NOT_ALONE = frozenset({"due"})


def spelt_level(value: Any, scale: Scale) -> LevelReading | None:
    """The level a level column's cell spells as a word alone ("deux": 2), said once per
    assessment; ``None`` when the cell is no such word or the number is off the scale."""
    if not isinstance(value, str) or normalise(value) in _NOT_ALONE:
        return None
    if (number := spelt_number(value.strip())) is None:
        return None
    level = int(number)
    if level not in {known.value for known in scale.levels}:
        return None
    return LevelReading(
        level,
        warning=f"“{value.strip()}” was read as level {level}, the number it spells (levels "
        "written as words were read so for this assessment)",
        fix="Write each level as a number (the number alone is enough).",
        once=True,
    )
