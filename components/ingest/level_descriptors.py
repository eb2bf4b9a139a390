"""A level's label followed by its descriptor: "Established – In place nationally …".

Online forms offer each level as a choice that says what it means, so their exports hold the
label and (a part of) the framework's descriptor in one answer. ``label_then_words`` tells
``values.parse_level`` which level such an answer names, and whether the words after the
label are the descriptor's (read as they are), other words (read, with a warning said once
for the column: a drop-down repeats its own wording in every cell) or hold another level's
label (an error: the answer says two levels).

The words follow a dash or a colon ("Established – in place nationally") or stand in
brackets ("Established (policy adopted and funded)", "3 – Establecido (política adoptada)").

A bilingual team's template gives the label with its translation in the same places
("Establecido (Established)", "Established - Établi", "Em desenvolvimento (Developing)"):
when the words are, whole, a label of the same level in a language the app knows, the cell
is that level with nothing assumed; when they are, whole, another level's label, the cell is
refused naming both levels. Words that only contain a label ("Established (not yet mature)")
are a remark, as before, never a second label.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import Literal

from components.base.text import normalise
from components.framework.model import Scale

_LABEL_THEN_WORDS = re.compile(r"^(?P<label>[^\d\-–—:]+?)\s*[-–—:]\s*(?P<rest>\S.*)$", re.DOTALL)
# The label, then its words in brackets: the closing one may be cut off by the caller, which
# reads "3 – Established (funded)" as a number and "Established (funded".
_LABEL_THEN_BRACKET = re.compile(
    r"^(?P<label>[^\d\-–—:()\[\]]+?)\s*[(\[](?P<rest>[^()\[\]]*\S[^()\[\]]*)[)\]]?\s*$",
    re.DOTALL,
)

Verdict = Literal["descriptor", "translation", "other words", "other label"]


def label_then_words(
    text: str, scale: Scale, labels: Mapping[str, int]
) -> tuple[int, Verdict, int | None] | None:
    """The level whose label starts ``text`` ("Established – …", "Building: …"), what the
    words after it are, and the level they name when they are, whole, a label ("Establecido
    (Established)": 3, its translation); ``None`` when ``text`` does not start with a label and
    a dash, a colon or a bracket."""
    for pattern in (_LABEL_THEN_WORDS, _LABEL_THEN_BRACKET):
        found = pattern.match(text)
        level = labels.get(normalise(found["label"])) if found else None
        if found and level is not None:
            break
    else:
        return None
    rest = normalise(found["rest"])
    if not rest:
        return None
    if rest in labels:  # the label again, in another language, or another level's
        return level, ("translation" if labels[rest] == level else "other label"), labels[rest]
    descriptor = set(normalise(scale.level(level).descriptor or "").split())
    if set(rest.split()) <= descriptor:
        return level, "descriptor", None
    # "Established (not yet mature)": another level named in the words, which is meant is
    # not certain.
    words = f" {rest} "
    if any(f" {name} " in words for name, other in labels.items() if other != level):
        return level, "other label", None
    return level, "other words", None


def described_level(
    text: str, scale: Scale, level: int, verdict: Verdict, other: int | None = None
) -> tuple[int | None, str, str, str, bool]:
    """How ``values.parse_level`` reads a label followed by words: (level, error, warning,
    fix, said once for the column), the fields of its ``LevelReading``; ``other`` is the level
    the words name when they are a label."""
    if verdict in ("descriptor", "translation"):
        return level, "", "", "", False
    if verdict == "other label" and other is not None:
        first, second = scale.level(level).label, scale.level(other).label
        return (
            None,
            f"“{text}” gives the labels of two different levels, {level} (“{first}”) and "
            f"{other} (“{second}”)",
            "",
            "",  # the scale's own fix: use one of its levels
            False,
        )
    if verdict == "other label":
        return None, f"“{text}” gives the labels of two levels", "", "", False
    return (
        level,
        "",
        f"“{text}”: the words after the label do not match the descriptor of level {level} "
        f"“{scale.level(level).label}”; the label was used, here and in this assessment's "
        "other levels written with their own words after the label",
        "Nothing to do if the label is right. The words after it were not kept: to keep them, "
        "write them in the Evidence column.",
        True,
    )


def as_number_first(found: re.Match[str] | None, not_assessed: Collection[str]) -> str | None:
    """ "Avançado (4)", "Consolidado - 3": a label in the file's own words, then its number, as
    ``values.parse_level`` reads it: "4 - Avançado" (the number is the level, and the words are
    checked against its label as after a number: another level's label is an error, other
    words are said). ``None`` when ``found`` (``values``' label-first match) is ``None`` or its
    words mean not assessed (``not_assessed``, normalised)."""
    if found is None or normalise(found["label"]) in not_assessed:
        return None  # "N/A - 3": not assessed, or level 3? Said as an error, never assumed
    return f"{found['num'] or found['num2']} - {found['label']}"
