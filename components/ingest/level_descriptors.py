"""A level's label followed by its descriptor: "Established – In place nationally …".

Online forms offer each level as a choice that says what it means, so their exports hold the
label and (a part of) the framework's descriptor in one answer. ``label_then_words`` tells
``values.parse_level`` which level such an answer names, and whether the words after the
label are the descriptor's (read as they are), other words (read, with a warning) or another
level's label (an error: the answer says two levels).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal

from components.base.text import normalise
from components.framework.model import Scale

_LABEL_THEN_WORDS = re.compile(r"^(?P<label>[^\d\-–—:]+?)\s*[-–—:]\s*(?P<rest>\S.*)$", re.DOTALL)

Verdict = Literal["descriptor", "other words", "other label"]


def label_then_words(
    text: str, scale: Scale, labels: Mapping[str, int]
) -> tuple[int, Verdict] | None:
    """The level whose label starts ``text`` ("Established – …", "Building: …") and what the
    words after it are; ``None`` when ``text`` does not start with a label and a dash or colon."""
    found = _LABEL_THEN_WORDS.match(text)
    if not found:
        return None
    level = labels.get(normalise(found["label"]))
    if level is None:
        return None
    rest = normalise(found["rest"])
    if not rest:
        return None
    if rest in labels:
        return level, "other label"
    descriptor = set(normalise(scale.level(level).descriptor or "").split())
    return level, "descriptor" if set(rest.split()) <= descriptor else "other words"
