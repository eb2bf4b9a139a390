"""A level written in a sentence, or followed by a remark that holds a number.

People who write a progress note rather than fill in a score put the level in words: "We
consider this is at level 1. National plan adopted…", "Currently at level 1; aim is level 2 by
2026", "Level 2 reached in 2023; target 3 by 2026", "The country is at Level 3 (Established).
…", "Actuellement au niveau 3 ; objectif niveau 4", "Se encuentra en el nivel 2, meta nivel 3".
Others put a remark after the number that holds a number of its own: "2 (116 line running)",
"1 – unit of 4 officers".

A careful reader takes the level the sentence says the capability *is* at, never the one it
aims at: a level in a clause with a target's word ("aim", "target", "objectif", "meta",
"moving to", "by 2026") or an earlier one's ("was", "previously") or a negation ("not yet at")
is not it. Exactly one other level (given once or repeated alike) is the cell's level, read
with a warning that the sentence's other words were not kept. Two levels with nothing telling
which is current, a range, a level whose label in brackets is another level's, a sentence with
only a target, or a number of the scale the sentence does not explain (not a count, such as "3
of 10 provinces", nor a year) are refused for that cell, saying so. A remark's numbers must be
counts, years or numbers off the scale ("116", "48h") for the number before it to be read.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from components.base.text import normalise, shorten
from components.framework.model import Scale
from components.ingest.bilingual_levels import two_languages

Verdict = tuple[int | None, str, str, str]

SENTENCE_FIX = (
    "Write the current level alone in the Level column (such as “2” or “2 - Developing”) and "
    "put the sentence in the Evidence or Comments column."
)
# Words (folded: lower case, no accents) that make a level in their clause a goal, not the
# current level. Matched at word starts, so "target" covers "targets" and "targeted".
_TARGET = (
    "target",
    "aim",
    "goal",
    "objective",
    "objectif",
    "cible",
    "vise",
    "viser",
    "meta",
    "objetivo",
    "alvo",
    "moving to",
    "move to",
    "moves to",
    "to reach",
    "toward",
    "next",
    "planned",
    "plan to",
    "expected",
    "expect",
    "hope",
    "aspire",
    "d'ici",
    "vers le",
    "vers un",
    "atteindre",
    "prochain",
    "passer au",
    "hacia",
    "alcanzar",
    "pasar al",
    "rumbo",
    "alcancar",
    "passar para",
    "up to",
    "ambition",
)
# Words that make it an earlier level, or deny it ("not yet at level 3").
_EARLIER = (
    "was",
    "were",
    "previously",
    "formerly",
    "before",
    "baseline",
    "last year",
    "etait",
    "auparavant",
    "precedemment",
    "anteriormente",
    "antes",
    "era ",
    "fue",
    "from level",
    "du niveau",
    "del nivel",
    "do nivel",
    "up from",
    "down from",
)
_DENIED = ("not", "yet to", "pas ", "n'est", "aun no", "todavia no", "ainda nao", "nao ", "no esta")
# After the level, in its clause: "level 3 by 2026", "level 3 planned", "niveau 4 prévu".
_AFTER_TARGET = re.compile(
    r"[^,;.]*?\b(?:(?:by|d'ici|para|ate)\s+(?:19|20)\d{2}\b|planned|expected|targeted"
    r"|envisaged|foreseen|aimed|next year|prevue?s?\b|previst[oa]s?\b|esperad[oa]|l'an prochain"
    r"|el proximo ano|no proximo ano)"
)
# What ends a clause: a target after a comma or a dash is a clause of its own.
_CLAUSE_END = re.compile(r"[;.!?,()\[\]]|\s[-–—]\s|\s/\s")
_NUMBER = re.compile(r"(?<![\w.,/])(\d+(?:[.,]\d+)?)(?![\w]|[.,]\d)")
_YEAR = re.compile(r"(?:19|20)\d{2}")
# A number followed by a word is a count ("2 pilots", "3 of 10 provinces"), not a level.
_COUNT = re.compile(r"\s*(?:of\s+\d+\s+)?[^\W\d_]{2,}")
_RANGE_AFTER = re.compile(r"\s*(?:-|–|—|to|or|and|/|à|a|ou|et|o|y|e|ou)\s*(?:level\s*)?\d")
# The words right after a level: "Level 3 (Established)", "Level 1 - Pas en place; …".
_LABEL_AFTER = re.compile(r"\s*(?:\(([^()]*)\)|[-–—:]\s*([^,;.()]*))")
# The level word may carry "current" before the number: "Niveau actuel : 3", "Current level: 2".
_NOW_WORD = r"(?:\s+(?:actuel|actuelle|actual|atual|current|present|presente|atteint))?"


def _folded(text: str) -> str:
    """Lower case without accents, letter for letter, so indexes match the text."""
    folded = "".join(unicodedata.normalize("NFD", ch)[0] for ch in text).lower()
    return folded if len(folded) == len(text) else text.lower()


@cache
def _mention_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    # Short words ("l", "lv", "n") only right before the digit ("L2"): in a sentence they are
    # letters of other words.
    long = sorted((re.escape(w) for w in words if len(w) >= 3), key=len, reverse=True)
    short = sorted((re.escape(w) for w in words if len(w) < 3), key=len, reverse=True)
    return re.compile(
        rf"(?:\b(?:{'|'.join(long)}){_NOW_WORD}\s*[:#=.–-]?\s*|\b(?:{'|'.join(short)}))"
        rf"(?P<num>\d+(?:[.,]\d+)?)(?![\w]|[.,]\d)"
    )


def sentence_level(
    text: str,
    scale: Scale,
    level_words: Iterable[str],
    labels: dict[str, int],
) -> Verdict | None:
    """The current level a sentence gives, or a refusal saying why none; ``None`` when the
    text names no level with a level word and starts with no number of the scale (the
    caller's own message stands). ``labels`` are the scale's labels (normalised) to levels,
    which a label in brackets after the level must agree with."""
    if not any(ch.isdigit() for ch in text):
        return None
    folded = _folded(" ".join(text.split()))
    mentions = list(_mention_pattern(tuple(level_words)).finditer(folded))
    if not mentions:
        return _remark_after_number(folded, text, scale)
    shown = f"“{shorten(' '.join(text.split()), 80)}”"
    current: list[int] = []
    marked: list[int] = []
    goals = 0
    for found in mentions:
        number = float(found["num"].replace(",", "."))
        if not number.is_integer() or int(number) not in scale.values:
            return None
        level = int(number)
        if _RANGE_AFTER.match(folded, found.end()):
            return None, f"{shown} gives a range of levels, not one level", "", SENTENCE_FIX
        role = _role(folded, found.start(), found.end())
        if role in ("target", "earlier"):
            goals += 1
            continue
        named = _bracket_level(folded, found.end(), labels)
        if named is not None and named != level:
            error = f"{shown} gives the level {level} but the label of level {named}"
            return None, error, "", SENTENCE_FIX
        current.append(level)
        if role == "current":
            marked.append(level)
    spans = [(m.start("num"), m.end("num")) for m in mentions]
    if _unexplained_number(folded, spans, scale):
        error = f"{shown} holds a number that may be a level besides the level it names"
        return None, error, "", SENTENCE_FIX
    chosen = set(marked) if len(set(current)) > 1 else set(current)
    if len(chosen) != 1:
        if not current:
            error = f"{shown} gives only a target or an earlier level, not the current one"
        else:
            listed = " and ".join(str(n) for n in dict.fromkeys(current))
            error = f"{shown} gives the levels {listed} and does not say which is current"
        return None, error, "", SENTENCE_FIX
    level = chosen.pop()
    other = "the target and the other words" if goals else "the other words"
    warning = (
        f"{shown} was read as level {level} (“{scale.level(level).label}”), the level the "
        f"sentence says the capability is at; {other} were not kept"
    )
    return level, "", warning, SENTENCE_FIX


def _role(folded: str, start: int, end: int) -> str:
    """ "target", "earlier", "current" or "" for the level mention at ``start:end``: by the
    words of its clause before it (and a "by 2026" after it)."""
    before = _CLAUSE_END.split(folded[:start])[-1]
    before = f" {before}"
    if any(re.search(rf"(?<![a-z']){re.escape(w)}", before) for w in _TARGET):
        return "target"
    if _AFTER_TARGET.match(folded, end):
        return "target"
    if any(re.search(rf"(?<![a-z']){re.escape(w)}", before) for w in (*_EARLIER, *_DENIED)):
        return "earlier"
    return "current" if _says_current(before, folded[end:]) else ""


_CURRENT = re.compile(
    r"(?<![a-z])(?:at|currently|current|now|is|are|stands|rated|assessed|consider"
    r"|actuellement|actuel|actuelle|au|est|se situe|actualmente|actual|en el|esta|se encuentra"
    r"|atualmente|atual|no|encontra)\W*$"
)
_CURRENT_AFTER = re.compile(
    r"^\W*(?:\([^()]*\)\s*)?(?:reached|achieved|attained|atteint|alcanzado|logrado|alcancado"
    r"|atingido|in place)"
)


def _says_current(before: str, after: str) -> bool:
    return bool(_CURRENT.search(before.rstrip())) or bool(_CURRENT_AFTER.match(after))


def _bracket_level(folded: str, end: int, labels: dict[str, int]) -> int | None:
    """The level a label right after the mention names: "Level 3 (Established)"."""
    found = _LABEL_AFTER.match(folded, end)
    return labels.get(normalise(found[1] or found[2] or "")) if found else None


def _unexplained_number(folded: str, spans: list[tuple[int, int]], scale: Scale) -> bool:
    """Whether a number of the scale stands in the text outside the level mentions without
    being a count ("2 pilots"), a year or a target's ("moving to 1", "target 3")."""
    for found in _NUMBER.finditer(folded):
        if any(start <= found.start() < end for start, end in spans):
            continue
        number = float(found[1].replace(",", "."))
        if not number.is_integer() or int(number) not in scale.values:
            continue
        if _COUNT.match(folded, found.end()) or _role(folded, found.start(), found.end()):
            continue
        return True
    return False


# "2 (116 line running)", "1 – unit of 4 officers": the scale's number, then a remark.
_NUMBER_FIRST = re.compile(r"^(?P<num>\d+)\s*(?:[-–—:(,]|\s)\s*(?P<rest>.*?)\)?\s*$")


# The top of the scale a number is on, written after it: "out of 5", "(of 5)", "pts of 5".
_TOP_OF_SCALE = re.compile(
    r"^\(?\s*(?:(?:pts?|points?|puntos|pontos)\.?\s+)?(?:out of|of|sur|de|sobre|von|su|over)\s+"
    r"(?P<top>\d+)\s*\)?\s*$",
    re.IGNORECASE,
)


def _remark_after_number(folded: str, text: str, scale: Scale) -> Verdict | None:
    found = _NUMBER_FIRST.match(folded)
    if found is None or int(found["num"]) not in scale.values:
        return None
    rest = found["rest"]
    if (top := _TOP_OF_SCALE.match(rest)) and int(top["top"]) != scale.maximum:
        return None  # "3 out of 5", "3 (of 5)", "3 pts of 5": another scale's, no remark
    if not re.search(r"[^\W\d_]{2,}", rest) or not any(ch.isdigit() for ch in rest):
        return None  # "2 - 3": maybe two levels; "1 - Pas en place": the values' own reading
    if _YEAR.match(rest):
        return None  # "4 (2021: new law)": dated, maybe another year's entry
    offset = found.start("rest")
    for number in _NUMBER.finditer(rest):
        value = float(number[1].replace(",", "."))
        year = _YEAR.fullmatch(number[1]) is not None
        counted = _COUNT.match(rest, number.end()) is not None
        if value.is_integer() and int(value) in scale.values and not counted and not year:
            return None  # "2 (2021: 3)": maybe an earlier level; not this kind
        if _role(folded, offset + number.start(), offset + number.end()) in ("target", "earlier"):
            return None
    level = int(found["num"])
    shown = f"“{shorten(' '.join(text.split()), 80)}”"
    warning = (
        f"{shown}: the words after the number do not match the label "
        f"“{scale.level(level).label}”; the number {level} was used"
    )
    return level, "", warning, ""


def worded_level(
    text: str,
    scale: Scale,
    level_words: Iterable[str],
    labels: dict[str, int],
    read: Callable[[str], Any],
) -> Verdict | None:
    """The level of a cell no simpler reading took: a label in two languages
    (``bilingual_levels``), or a level in a sentence or before a remark with a number."""
    return two_languages(text, read) or sentence_level(text, scale, level_words, labels)
