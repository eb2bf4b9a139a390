"""A level label abbreviated as people shorten words: "Est.", "Dev", "Mat.", "Estab.", "En dév.".

Someone typing levels rather than choosing them from the template's drop-down shortens the
label, with a full stop or without one. ``level_slips`` reads a label cut after five letters or
more (a word broken over two cells); an abbreviation is shorter. A careful reader reads it when
it can mean one level only: the text (letters, a full stop after any word allowed, its last
word of three letters at least) starts the labels of one level alone, ending inside a word, in
any language of the scale (``mnr_data/framework.toml``'s labels and aliases), by three letters
at least of the scale's own label or four of another language's, and starts no "not assessed"
word ("Not" could be "Not assessed"). It is read with a warning naming the label. When the
labels it starts belong to two levels or more ("Sud.": Indonesian "Sudah mapan", level 3, or
"Sudah matang", level 4), it is refused naming them: which was meant is the person's to say.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from components.base.text import normalise
from components.framework.model import Scale

# Fewer letters than this say too little: "De" starts "Developing" and "Desarrollo" alike.
MIN_LETTERS = 3
# Of a label in another language (an alias), a three-letter start may be a word of the
# person's own language ("Bas", French for "low", starts Turkish "Başlangıç"): four at least.
MIN_ALIAS_LETTERS = 4


@cache
def _labels(scale: Scale) -> tuple[tuple[str, int, str], ...]:
    """Each label and alias of the scale: (normalised, level, as written)."""
    return tuple(
        (normalise(name), level.value, name)
        for level in scale.levels
        for name in (level.label, *level.aliases)
    )


def _abbreviation(text: str) -> str | None:
    """The normalised letters of ``text`` when it is written as an abbreviation (words of
    letters, each ended by a full stop or not, the last of three letters at least), else
    ``None``."""
    words = [word.rstrip(".") for word in text.replace(".", ". ").split()]
    if not words or any(not word.isalpha() for word in words) or len(words[-1]) < MIN_LETTERS:
        return None  # "Not i", "En c.": a letter is no abbreviation of a word
    return normalise(" ".join(words))


def abbreviated_level(
    text: str, scale: Scale, not_assessed: Iterable[str]
) -> tuple[int | None, str, str] | None:
    """``(level, "", warning)`` for an abbreviation of one level's labels, ``(None, error,
    "")`` for one that starts the labels of several levels, ``None`` for text that is no
    abbreviation of a label (the caller's error stands)."""
    key = _abbreviation(text)
    if key is None or any(normalise(word).startswith(key) for word in not_assessed):
        return None
    # Cut inside a word ("Dev" of "Developing"): a whole word alone is a word of its own
    # ("Partially" is no "Partially in place"), as for a label cut short (``level_slips``).
    started = [
        (level, written)
        for name, level, written in _labels(scale)
        if name.startswith(key) and len(name) > len(key) and name[len(key)] != " "
    ]
    levels = sorted({level for level, _ in started})
    if not levels:
        return None
    shown = text.strip()
    if len(levels) == 1:
        level = levels[0]
        own = normalise(scale.level(level).label).startswith(key)
        if not own and len(key.replace(" ", "")) < MIN_ALIAS_LETTERS:
            return None  # "Bas": French for "low" before Turkish "Başlangıç"
        return (
            level,
            "",
            f"“{shown}” was read as level {level} (“{scale.level(level).label}”), as short "
            f"for {_named(level, started, scale)}, the only level whose label starts so",
        )
    options = " or ".join(f"{_named(level, started, scale)} (level {level})" for level in levels)
    return (
        None,
        f"“{shown}” could be short for {options}, so which level is meant is not clear",
        "",
    )


def _named(level: int, started: list[tuple[int, str]], scale: Scale) -> str:
    """The label of ``level`` an abbreviation starts, quoted: the scale's own when it is one,
    else the first alias (in the language it was typed in)."""
    names = [written for value, written in started if value == level]
    own = scale.level(level).label
    return f"“{own}”" if own in names else f"“{names[0]}”"
