"""A level column's header that keys its own scale: "Rating (1 = lowest, 5 = highest)", "Level
(1 = not in place, 4 = fully in place)", "Maturity (0 = none, 3 = full)".

Such a header says which number its lowest or highest level has. When that is not the
framework's (0 for "Not in place", 4 for "Mature"), the column's numbers are on another scale
even where each looks like a level: a column keyed 1 = lowest that holds 1 to 4 is every level
one step too high. ``level_columns`` then refuses the column whole, as it does a header naming
another scale's range ("Score (1-5)"). A key the header gives in the framework's own terms
("Level (0 = not in place, 4 = mature)") is no problem; words that say neither end nor any
level ("Q3: current") are not a key.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from components.base.text import normalise
from components.framework.model import Scale
from components.ingest.level_words import level_names

# "1 = lowest", "5: highest", "1 - not in place": a number, then words (a range "1-5" is not),
# the number first in its text or its part of it (after a bracket, a comma, a colon, a line):
# "Round 2: complete", "Section 1 - None" and "FY2 - high" number something else.
_PAIR = re.compile(
    r"(?:^|[(\[,;:/·•\n]\s*)(?P<number>\d{1,2})\s*(?P<sep>=|:|-|–|—)\s*"
    r"(?P<words>[^\W\d_][^,;=()\d/\n]*)"
)
_DIGIT = re.compile(r"\d")
# Words that name the lowest or the highest level of a scale, in the languages read.
_BOTTOM = frozenset(
    {
        "lowest", "low", "least", "minimum", "min", "worst", "none", "no", "nothing", "absent",
        "nonexistent", "non existent", "not in place", "not started", "poor", "very weak",
        "weakest", "le plus bas", "faible", "inexistant", "aucun", "nul", "pas en place",
        "bajo", "mas bajo", "minimo", "nulo", "ninguno", "inexistente", "baixo", "nenhum",
    }
)  # fmt: skip
_TOP = frozenset(
    {
        "highest", "high", "most", "maximum", "max", "best", "full", "fully", "fully in place",
        "complete", "completely", "strong", "strongest", "very strong", "excellent", "optimal",
        "le plus haut", "eleve", "tres eleve", "complet", "alto", "mas alto",
        "maximo", "completo", "pleno", "elevado",
    }
)  # fmt: skip


# Ends of a scale in a level column's header, but of confidence, priority or risk elsewhere.
_LOOSE = frozenset({"low", "high", "least", "most", "min", "max", "no", "poor"})


def header_key_problem(header: str, scale: Scale) -> str | None:
    """What is wrong with the scale a header keys, completing "The column headed “…” …"
    ("keys its own scale (1 = lowest, 5 = highest), not this framework's 0 to 4"), or ``None``
    when it keys none or the framework's."""
    pairs = key_pairs(header)
    if len(pairs) == 1 and "=" not in header:
        return None  # one "N: word" alone says too little ("Level 2: complete")
    if not numbered_otherwise(pairs, scale, in_header=True):
        return None
    keyed = ", ".join(
        f"{number} = {words}" for number, words in pairs if is_scale_word(words, scale)
    )
    return (
        f"keys its own scale ({keyed}), not this framework's {scale.minimum} to "
        f"{scale.maximum} ({_framework_ends(scale)})"
    )


def numbered_otherwise(
    pairs: Sequence[tuple[int, str]], scale: Scale, *, in_header: bool = False
) -> bool:
    """Whether a key's (number, words) entries number the levels otherwise than the framework:
    one of its labels at another number ("1 = Not in place"), or the key's lowest entry naming
    the bottom ("1 = lowest", "1 Absent") or its highest the top ("5 = highest", "3 = Full")
    at a number that is not the framework's lowest or highest level. Outside a level column's
    own header (``in_header``) both ends must be named, and "low" and "high" do not count:
    there they key a confidence, a priority or a coverage."""
    if not pairs:
        return False
    labels = level_names(scale)  # the framework's labels, in the languages read
    if any(labels.get(normalise(words), number) != number for number, words in pairs):
        return True
    lowest, highest = min(pairs), max(pairs)
    if in_header:  # the level column's own header: one end is enough
        return (normalise(lowest[1]) in _BOTTOM and lowest[0] != scale.minimum) or (
            normalise(highest[1]) in _TOP and highest[0] != scale.maximum
        )
    # Elsewhere both ends must say so: "1 None … 4 National" keys a coverage, not a scale.
    ends = normalise(lowest[1]) in _BOTTOM - _LOOSE and normalise(highest[1]) in _TOP - _LOOSE
    return ends and (lowest[0], highest[0]) != (scale.minimum, scale.maximum)


def is_scale_word(words: str, scale: Scale) -> bool:
    """Whether ``words`` name an end of a scale ("lowest", "Full") or a framework label."""
    key = normalise(words)
    return key in _BOTTOM or key in _TOP or key in level_names(scale)


def key_pairs(text: str) -> list[tuple[int, str]]:
    """The (number, words) entries of a key written in a text ("1 = lowest, 5 = highest")."""
    if _DIGIT.search(text) is None:
        return []  # most texts: no number, found in C
    return [
        (int(found["number"]), " ".join(found["words"].split()).rstrip(" ."))
        for found in _PAIR.finditer(text)
    ]


def _framework_ends(scale: Scale) -> str:
    lowest, highest = scale.level(scale.minimum), scale.level(scale.maximum)
    return f"{lowest.value} = {lowest.label}, {highest.value} = {highest.label}"
