"""When written as a month or a part of a year: "Mar-22", "March 2022", "Q1 2024", "T3 2023".

A spreadsheet shows a date cell formatted as month and year ("Mar-22": Excel's ``mmm-yy``) and
a CSV keeps that text; people write "mars 2022" or "03/2022" by hand. Either is when the
assessment was made, never a country. A quarter ("Q1 2024", "2024-Q3", French and Spanish
"T1 2024", "1er trimestre 2024") or a half ("H1 2024", "S2 2024") gives the year, and the
quarter or half as the round: two quarters of one year are two assessments.

Month names in the vocabulary's languages (English, French, Spanish, Portuguese), in full or
shortened ("Mar", "Sept", "févr."). A day before the month ("22-Mar") is a day, not a year, and
a number before a number ("03/22") could be either: neither is read here.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from components.base.text import normalise

# Month names (normalised: no accents, small letters) by number, in the four languages.
_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "janvier", "janv", "enero", "ene", "janeiro"),
    2: ("february", "feb", "fevrier", "fevr", "fev", "febrero", "fevereiro"),
    3: ("march", "mar", "mars", "marzo", "marco"),
    4: ("april", "apr", "avril", "avr", "abril", "abr"),
    5: ("may", "mai", "mayo", "maio"),
    6: ("june", "jun", "juin", "junio", "junho"),
    7: ("july", "jul", "juillet", "juil", "julio", "julho"),
    8: ("august", "aug", "aout", "agosto", "ago"),
    9: ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "setembro"),
    10: ("october", "oct", "octobre", "octubre", "outubro"),
    11: ("november", "nov", "novembre", "noviembre", "novembro"),
    12: ("december", "dec", "decembre", "diciembre", "dic", "dezembro", "dez"),
}
MONTH_WORDS = frozenset(name for names in _MONTH_NAMES.values() for name in names)
#: A month's name or its abbreviation ("March", "mars", "Mar."): letters only.
MONTH_WORD = r"[^\W\d_]{3,10}\.?"
_SEP = r"[\s./_'’-]*"
# A month's name and a year, or a month's number and a four-digit year ("03/2022"; "2022-03"
# is left to the date reader, which knows it). Portuguese and Spanish put "de" between.
_MONTH_YEAR = re.compile(
    rf"(?<![\w])(?:(?P<name>{MONTH_WORD})(?:\s+de)?{_SEP}(?P<year>(?:19|20)\d{{2}}|\d{{2}})"
    rf"|(?P<number>0?[1-9]|1[0-2])\s*[/.-]\s*(?P<year4>(?:19|20)\d{{2}}))(?![\w])",
    re.IGNORECASE,
)
_QUARTER = re.compile(
    r"(?<![\w])(?:"
    r"(?P<tag>[QTHS])\s*(?P<n>[1-4])(?:\s*[/.,-]\s*|\s+)(?P<year>(?:19|20)\d{2})"
    r"|(?P<year2>(?:19|20)\d{2})(?:\s*[/.,-]\s*|\s+)(?P<tag2>[QTHS])\s*(?P<n2>[1-4])"
    r"|(?P<n3>[1-4])\s*(?:st|nd|rd|th|er|e|eme|o|º|°)?\s*"
    r"(?P<word>quarter|trimestre|semestre|half)(?:\s+de)?(?:\s*[/.,-]\s*|\s+)"
    r"(?P<year3>(?:19|20)\d{2})"
    r")(?![\w])",
    re.IGNORECASE,
)
_HALVES = frozenset("HS")


@dataclass(frozen=True)
class Period:
    """A month or part of a year found in a text: its year, its round (a quarter or half, or
    none for a month), and where it is in the text."""

    year: int
    round: str | None
    start: int
    end: int
    text: str
    two_digit_year: bool = False


def find_period(text: str) -> Period | None:
    """The month-and-year or quarter in ``text`` ("Peru Mar-22": the "Mar-22"), if any."""
    return _find(text)


def whole_period(text: str) -> Period | None:
    """The month-and-year or quarter that is all of ``text`` (spaces and brackets aside)."""
    found = _find(text)
    if found is None or text[: found.start].strip(" ([-–—,") or text[found.end :].strip(" )]"):
        return None
    return found


@lru_cache(maxsize=4096)
def _find(text: str) -> Period | None:
    for match in _QUARTER.finditer(text):
        year = int(match["year"] or match["year2"] or match["year3"])
        if match["word"]:
            half = normalise(match["word"]) in ("semestre", "half")
            tag = ("H" if half else "Q") + match["n3"]
            if half and match["n3"] not in "12":
                continue
        else:
            letter = (match["tag"] or match["tag2"]).upper()
            number = match["n"] or match["n2"]
            if letter in _HALVES and number not in "12":
                continue
            tag = letter + number
        return Period(year, tag, match.start(), match.end(), match.group())
    for match in _MONTH_YEAR.finditer(text):
        if match["name"] is not None and normalise(match["name"]) not in MONTH_WORDS:
            continue
        digits = match["year"] or match["year4"]
        year = int(digits) if len(digits) == 4 else 2000 + int(digits)
        return Period(year, None, match.start(), match.end(), match.group(), len(digits) == 2)
    return None


def month_number(word: str) -> int | None:
    """The month a name ("March", "mars", "Sept.") stands for, in the vocabulary's languages."""
    key = normalise(word).rstrip(".")
    return next((n for n, names in _MONTH_NAMES.items() if key in names), None)


def is_month_word(word: str) -> bool:
    """A month's name ("March", "mars", "Sept."), in one of the vocabulary's languages."""
    return normalise(word) in MONTH_WORDS


def last_day_of_month(value: Any) -> datetime.date | None:
    """The last day of the month a text is all of ("Dec 2025", "juin 2026", "06/2026",
    "dezembro de 2025", Excel's "Dec-25"); None for anything else (a quarter, a date)."""
    if not isinstance(value, str):
        return None
    found = whole_period(value.strip())
    if found is None or found.round is not None:
        return None
    word = re.match(rf"\s*({MONTH_WORD})", found.text)
    number = re.match(r"\s*(0?[1-9]|1[0-2])\s*[/.-]", found.text)
    month = month_number(word.group(1)) if word else int(number.group(1)) if number else None
    if month is None:
        return None
    return datetime.date(found.year, month, calendar.monthrange(found.year, month)[1])
