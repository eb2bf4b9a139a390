"""Level words that reached the file damaged: a typo, a word cut in two, an OCR slip.

``values.parse_level`` falls back on ``slipped_level`` for text that is no level as written,
and reads it only when exactly one level can be meant, always with a warning:

* a small typo of a label ("Devloping", "Establised": see ``level_words.typo_level``);
* the start of a label, as a PDF converter leaves a word broken over two cells ("Develop" |
  "ing", "Not in" | "place", "Établi" | "e"): read when the start is long enough (5 letters and
  half the label at least), ends inside a word or after two words ("Partially" alone is a
  word of its own, not "Partially in place"), and begins one level's labels only, in any
  language of the vocabulary, and no "not assessed" word; ``joined_level`` reads the two
  cells joined when they make a label exactly;
* a label abbreviated ("Est.", "Dev", "Mat."): see ``level_abbreviations``;
* a label read by OCR with a digit or a bar for a letter ("Estab1ished", "Deve1oping", "Not in
  p1ace"): read when the text with ``1``, ``|`` as ``l`` and ``0`` as ``o`` is a
  label exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from components.base.text import normalise
from components.framework.model import Scale
from components.ingest.level_abbreviations import abbreviated_level
from components.ingest.level_words import level_names, typo_level, without_fillers

_MIN_LETTERS = 5
_OCR = str.maketrans({"1": "l", "|": "l", "0": "o"})


def slipped_level(
    text: str, key: str, scale: Scale, labels: Mapping[str, int], not_assessed: Iterable[str]
) -> tuple[int | None, str, str] | None:
    """``(level, "", warning)``, a ``values.LevelReading``'s first fields, for a label with a
    typo, cut short, abbreviated or misread by OCR; ``(None, error, "")`` for an abbreviation
    of several levels' labels; ``None`` when the text is none of these or a slip of more than
    one level."""
    if not any(ch.isdigit() for ch in text):
        level = typo_level(key, labels, not_assessed)
        if level is not None:  # "Devloping", "Mautre", "not inplace"
            return _said(text, scale, level, "the only label it is close to")
        level = label_start(key, labels, not_assessed)
        if level is not None:  # "Develop", "Not in": a word broken over two cells
            return _said(text, scale, level, "the only label that starts that way")
        if (short := abbreviated_level(text, scale, not_assessed)) is not None:
            return short  # "Est.", "Dev", "Mat.": see ``level_abbreviations``
    level = ocr_label(text, labels)
    if level is not None:
        return _said(text, scale, level, "reading the digit 1, 0 or the bar | as the letter l or o")
    return None


def label_start(key: str, labels: Mapping[str, int], not_assessed: Iterable[str]) -> int | None:
    """The level whose labels alone start with ``key`` (normalised), or ``None``."""
    squeezed = key.replace(" ", "")
    if len(squeezed) < _MIN_LETTERS or not squeezed.isalpha():
        return None
    found = {
        level
        for name, level in labels.items()
        if len(name) > len(key)
        and name.startswith(key)
        and 2 * len(squeezed) >= len(name.replace(" ", ""))
        # Cut inside a word ("Develop"), or after two words at least ("Not in"): a whole word
        # alone is a word of its own ("Partially" is no "Partially in place").
        and (name[len(key)] != " " or " " in key)
    }
    if len(found) != 1 or any(normalise(word).startswith(key) for word in not_assessed):
        return None
    # No other level's label may start that way, however short the match would be there.
    if any(name.startswith(key) and level not in found for name, level in labels.items()):
        return None
    return found.pop()


def ocr_label(text: str, labels: Mapping[str, int]) -> int | None:
    """The level a label misread by OCR names ("Estab1ished" -> 3), or ``None``."""
    if not any(ch in "10|" for ch in text) or sum(ch.isalpha() for ch in text) < _MIN_LETTERS:
        return None
    fixed = text.translate(_OCR)
    if any(ch.isdigit() for ch in fixed):
        return None
    key = normalise(fixed)
    return labels.get(key, labels.get(without_fillers(key)))


def _said(text: str, scale: Scale, level: int, how: str) -> tuple[int, str, str]:
    return (
        level,
        "",
        f"“{text}” is not on the scale as written; it was read as level {level} "
        f"(“{scale.level(level).label}”), {how}",
    )


def joined_level(value: object, rest: object, scale: Scale) -> tuple[int, str, str] | None:
    """``(level, "", warning)`` for a label a PDF converter broke over a level cell and the
    next one ("Establish" | "ed", "Not in" | "place", "En dévelop" | "pement"): read when the
    two joined (with or without a space) are a label exactly; ``None`` otherwise."""
    if not isinstance(value, str) or not isinstance(rest, str):
        return None
    start, end = value.strip(), rest.strip()
    if not start or not end or len(end) > 12 or not end.replace(" ", "").isalpha():
        return None
    labels = level_names(scale)
    for joined in (start + end, f"{start} {end}"):
        level = labels.get(normalise(joined))
        if level is not None:
            return (
                level,
                "",
                f"“{start}” and “{end}” in the next cell were read together as “{joined}”, "
                f"level {level} (“{scale.level(level).label}”): a word broken over two cells, "
                "as a PDF converter leaves it",
            )
    return None
