"""Level words as people write them: numbers spelt out, filler words, and small typos.

``values.parse_level`` reads the forms it knows exactly; this module adds three readings it
falls back on, each strict about what could mean two things:

* a number written as a word after a level word, in the vocabulary's languages ("Level two",
  "Niveau deux", "Nivel dos", "Nível dois"; the word alone, "two", stays no level);
* a label with a word that only stresses it ("Not yet in place", "Not in place yet",
  "Fully mature"): the word is dropped and the rest must be a label exactly;
* a small typo of a label ("Devloping", "Establised", "Mautre", "not inplace"): read only when
  one level's label (or alias) is that close and no other level's comes near, and never when
  the text is as close to a "not assessed" word. The caller warns, saying what was assumed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache, lru_cache

from components.base.text import normalise
from components.framework.model import Scale

# 0-5 in each language the vocabulary covers (5: "Level five" is then "outside the scale",
# not "not a level"). Compared normalised (``NUMBER_WORDS``).
_SPELT: Mapping[str, int] = {
    **{w: i for i, w in enumerate(("zero", "one", "two", "three", "four", "five"))},
    **{w: i for i, w in enumerate(("zero", "un", "deux", "trois", "quatre", "cinq"))},
    "une": 1,
    **{w: i for i, w in enumerate(("cero", "uno", "dos", "tres", "cuatro", "cinco"))},
    "una": 1,
    **{w: i for i, w in enumerate(("zero", "um", "dois", "tres", "quatro", "cinco"))},
    "uma": 1,
    "duas": 2,
    # The other languages of mnr_data/headers.toml. Left out: Vietnamese, whose number words
    # are words of other languages once accents are dropped ("bốn" as French "bon", "không"
    # as "no"). Italian "due" is read after a level word only (``spelt_levels``).
    **{w: i for i, w in enumerate(("zero", "uno", "due", "tre", "quattro", "cinque"))},
    **{w: i for i, w in enumerate(("nul", "een", "twee", "drie", "vier", "vijf"))},
    **{w: i for i, w in enumerate(("null", "eins", "zwei", "drei", "vier", "funf"))},
    **{w: i for i, w in enumerate(("ноль", "один", "два", "три", "четыре", "пять"))},
    "нуль": 0,
    "одна": 1,
    "две": 2,
    **{w: i for i, w in enumerate(("nol", "satu", "dua", "tiga", "empat", "lima"))},
    "kosong": 0,
    "sifar": 0,
    **{w: i for i, w in enumerate(("sıfır", "bir", "iki", "üç", "dört", "beş"))},
    "sifir": 0,
    **{w: i for i, w in enumerate(("sifuri", "moja", "mbili", "tatu", "nne", "tano"))},
    **{w: i for i, w in enumerate(("صفر", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة"))},
    "اثنين": 2,
    **{w: i for i, w in enumerate(("صفر", "ایک", "دو", "تین", "چار", "پانچ"))},
    **{w: i for i, w in enumerate(("صفر", "یک", "دو", "سه", "چهار", "پنج"))},
    **{w: i for i, w in enumerate(("ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า"))},
    **{w: i for i, w in enumerate(("零", "一", "二", "三", "四", "五"))},
    "两": 2,
    "兩": 2,
}
NUMBER_WORDS: Mapping[str, int] = {normalise(word): value for word, value in _SPELT.items()}

# Words that only stress a label: "Not yet in place" is "Not in place", "Fully mature" is
# "Mature". A label with any other word added ("Not yet established", "Partly mature") is not.
FILLER_WORDS = frozenset(
    {
        "yet",
        "fully",
        "still",
        "encore",
        "pleinement",
        "toujours",
        "aun",
        "todavia",
        "plenamente",
        "ainda",
    }
)

# A typo is this many edits (a letter added, dropped, changed, or two swapped) at most: one
# for a label of up to 7 letters, two for a longer one; labels shorter than 5 letters never.
_MIN_LETTERS = 5
_LONG_LABEL = 8
# Edits are counted up to this (enough to tell a close second from a clear one).
_CAP = 4


def spelt_number(text: str) -> str | None:
    """ "two" -> "2", "Deux" -> "2", "três" -> "3"; ``None`` when the text is not one."""
    value = NUMBER_WORDS.get(normalise(text))
    return None if value is None else str(value)


def without_fillers(key: str) -> str:
    """A normalised text less its filler words ("not yet in place" -> "not in place")."""
    return " ".join(word for word in key.split() if word not in FILLER_WORDS)


def typo_level(key: str, names: Mapping[str, int], not_assessed: Iterable[str]) -> int | None:
    """The level whose label ``key`` (normalised) is a small typo of, or ``None``.

    ``None`` also when two levels' names are about as close, or when a "not assessed" word is
    as close: a typo that could be either is reported, not guessed.
    """
    squeezed = key.replace(" ", "")
    if len(squeezed) < _MIN_LETTERS or any(ch.isdigit() for ch in squeezed):
        return None
    # Kept per text: every header and label cell of a file is tried as a level, and comparing
    # it with each level's names letter by letter is the slow part.
    return _typo_level(squeezed, frozenset(names.items()), frozenset(not_assessed), _negative(key))


# A word that turns a label into its opposite: "implementado" is no typo of "No implementado",
# nor "mis en place" of "Pas mis en place".
_NEGATIONS = frozenset({"no", "not", "non", "nao", "pas", "sin", "sem", "ni"})


def _negative(key: str) -> bool:
    return any(word in _NEGATIONS for word in key.split())


def _same_sense(squeezed: str, name: str, negative: bool) -> bool:
    """Whether a text and a label are both negated or neither ("notinplace", "None in place"
    and "Not in place" are)."""
    if not _negative(name):
        return not negative
    return negative or squeezed.startswith(name[:2])


@lru_cache(maxsize=4096)
def _typo_level(
    squeezed: str,
    names: frozenset[tuple[str, int]],
    not_assessed: frozenset[str],
    negative: bool = False,
) -> int | None:
    best: dict[int, tuple[int, int]] = {}  # level -> (edits, edits allowed for that name)
    for name, level in names:
        target = name.replace(" ", "")
        if len(target) < _MIN_LETTERS or not _same_sense(squeezed, name, negative):
            continue
        found = (_edits(squeezed, target, _CAP), _allowed(target))
        best[level] = min(best.get(level, found), found)
    ranked = sorted(best.items(), key=lambda item: item[1])
    if not ranked or ranked[0][1][0] > ranked[0][1][1]:
        return None
    level, (distance, _) = ranked[0]
    if len(ranked) > 1 and ranked[1][1][0] < distance + 2:
        return None
    for word in not_assessed:
        if _edits(squeezed, word.replace(" ", ""), distance + 2) < distance + 2:
            return None
    return level


def _allowed(target: str) -> int:
    return 1 if len(target) < _LONG_LABEL else 2


def _edits(a: str, b: str, cap: int) -> int:
    """Edits from ``a`` to ``b`` (optimal string alignment: a swap of two neighbours is one),
    or ``cap`` when there are at least that many."""
    if abs(len(a) - len(b)) >= cap:
        return cap
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) >= cap:
            return cap
        before, row = row, current
    return min(row[-1], cap)


@cache
def level_names(scale: Scale) -> dict[str, int]:
    """Each level's label and aliases, normalised -> the level's value (kept per scale: a file
    asks for them once per level cell)."""
    return {
        normalise(name): level.value
        for level in scale.levels
        for name in (level.label, *level.aliases)
    }


@cache
def numbered_level_names(scale: Scale) -> dict[str, int]:
    """Each level's number then its own label, normalised ("3 established") -> the level."""
    return {f"{value} {name}": value for name, value in level_names(scale).items()}


# Roman numerals a level might be written in (the scale's own top is checked by the caller).
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}


def misread_number(text: str, minimum: int, maximum: int) -> tuple[str, str] | None:
    """(error, fix) for a level written with letters that look like a number: the letter O for
    0, the letter l or a bar for 1, or a Roman numeral ("III", "I"); ``None`` for other text.
    Never read as the number: "O" may be a slip for 0 or the start of a word, and a Roman scale
    may start at I for the lowest level (I to V), so which level is meant is the person's to
    say."""
    key = text.strip().rstrip(".").strip()
    choices = f"the digits {minimum} to {maximum}"
    if key in ("O", "o"):
        return (
            f"“{text}” is the letter O — did you mean {minimum}? A letter is not a level",
            f"Write the digit {minimum} (zero) for the lowest level, or the level's number "
            f"({choices}); the app does not read letters as numbers.",
        )
    if key in ("l", "|"):  # a lower-case L or a bar, as typed or as OCR reads a 1
        what = "the letter l" if key == "l" else "a bar"
        return (
            f"“{text}” is {what} — did you mean 1? A letter or a symbol is not a level",
            f"Write the digit 1 if level 1 is meant, or the level's number ({choices}).",
        )
    roman = _ROMAN.get(key.lower()) if key.isupper() or len(key) > 1 else None
    if roman is None:
        return None
    letter = " or the letter I — did you mean 1? Levels" if key == "I" else ", and levels"
    return (
        f"“{text}” is a Roman numeral ({roman}){letter} are read as digits: whether I "
        "means level 1 or the lowest level is not certain",
        f"Write each level as a digit ({choices}; {minimum} for the lowest level) or as its "
        "label. If the column runs from I for the lowest level, every number is one lower.",
    )
