"""How much a word read from a legacy code page looks like the names and words the reader
knows: its accented and non-Latin letters, and the letters beside them.

A csv in an unknown code page reads as some text in every code page; only one reading is the
person's. ``text_encoding`` judges readings by their shapes (case, scripts, symbols); this
module adds what the letters themselves say. Its corpus is the reader's own knowledge: the
countries' names in the languages the code pages were made for (``Moçambique``, ``Türkiye``,
``Česko``, ``Россия``: pycountry's translations), the provinces' names in their own languages
(``Şanlıurfa``, ``Île-de-France``), and the words of ``mnr_data`` (the vocabulary's headers,
the framework's domains, the country aliases), where one of the code pages can write them.
From it:

* ``known_words``: its words with letters outside ASCII ("são", "côte", "türkiye"); a reading
  that is one of them is very likely right;
* ``country_names``: the countries' names, as written in those languages ("españa",
  "österreich"), accents kept ("Espańa" is none of them), with the countries they name;
* ``pair_cost``: what a reading's letters cost where the corpus has them rarely, or beside
  neighbours it has far less often than their own frequencies would give: DOS "Moçambique"
  read as Mac Roman is "Moáambique", and no name has "áa".

Built once per process (about half a second), and only when a file is not UTF-8.
"""

from __future__ import annotations

import gettext
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycountry

_MNR_DATA = Path(__file__).resolve().parents[2] / "mnr_data"
_WORD_FILES = ("headers.toml", "framework.toml", "country_aliases.toml")
_DOMAIN = "iso3166-1"

# The languages whose names of the countries are learnt: those the code pages were made for
# (Western and Central European, Cyrillic, Greek, Turkish, Baltic, Hebrew, Arabic). Not every
# language pycountry has: Turkmen's endings ("Germaniýa") would make Turkish "ı" read as "ý"
# look right, and in all languages together nearly every pair of letters occurs somewhere.
LANGUAGES = (
    *("af", "ca", "da", "de", "es", "eu", "fi", "fr", "ga", "gl", "is", "it", "nb_NO", "nl"),
    *("nn", "pt", "pt_BR", "sv"),
    *("bs", "cs", "hr", "hu", "pl", "ro", "sk", "sl", "sq", "sr@latin"),
    *("be", "bg", "mk", "ru", "sr", "uk"),
    *("el", "tr", "et", "lt", "lv", "he", "ar", "fa", "ur"),
)

# What stands for a word's edge (a space, punctuation, the cell's end) in a pair.
EDGE = " "
# A letter seen this often costs nothing; a rarer one costs by how rare ("ƒ", never: the most).
_COMMON_LETTER = 500
_LETTER_WEIGHT = 0.3
# A pair is judged only where its letters' frequencies would give it this often at least: the
# corpus is too small to tell a rare letter's rare pair ("dź" in "Łódź") from chance.
_EXPECTED_AT_LEAST = 2.0
# Cost of a pair per unit of log(expected / seen); the most one letter or one pair may cost.
_PAIR_WEIGHT = 0.5
_MAX_COST = 2.0

_WORD_OUTSIDE_ASCII = re.compile(r"\w*[^\x00-\x7f]\w*")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def known_words(code_pages: tuple[str, ...]) -> frozenset[str]:
    """The corpus's words with letters outside ASCII, lower-case ("são", "türkiye", "россия")."""
    return _model(code_pages).words


@cache
def country_names() -> dict[str, frozenset[str]]:
    """The countries' names in English and in ``LANGUAGES``, lower-case with their accents
    ("españa", "österreich", "türkiye", "россия"), each with the ISO3 codes it names (an
    inverted name's head, "irã" of "Irã, República Islâmica do", names the country too)."""
    codes: dict[str, set[str]] = {}
    for written, code in _country_names():
        name = unicodedata.normalize("NFC", written).lower()
        for form in {name, name.partition(",")[0].strip()}:
            codes.setdefault(form, set()).add(code)
    return {name: frozenset(found) for name, found in codes.items()}


def pair_cost(text: str, code_pages: tuple[str, ...]) -> float:
    """What the letters outside ASCII in ``text`` cost by how unlike the corpus they are: a
    letter it rarely or never has ("ƒ"), and pairs with a neighbour that it has far less often
    than the two letters' own frequencies would give ("áa" in "Moáambique": "á" and "a" are
    common, together never). A neighbour that is no letter is the word's edge; characters
    that are no letters cost nothing here (``text_encoding`` judges their shapes)."""
    if not _NON_ASCII.search(text):
        return 0.0
    model = _model(code_pages)
    lower = _small(text)
    cost = 0.0
    for match in _NON_ASCII.finditer(lower):
        index = match.start()
        char = match.group()
        if not _is_letter(char):
            continue
        before = _letter_or_edge(lower[index - 1] if index else EDGE)
        after = _letter_or_edge(lower[index + 1] if index + 1 < len(lower) else EDGE)
        cost += model.letter_cost(char) + model.pair_cost(before, char)
        cost += model.pair_cost(char, after)
    return cost


@dataclass(frozen=True)
class _Model:
    words: frozenset[str]
    letters: Counter[str]  # each letter (and each word's edge) of the corpus, counted
    pairs: Counter[str]  # each pair of neighbours, counted
    total: int  # letters and edges in all

    def letter_cost(self, char: str) -> float:
        rarity = math.log(_COMMON_LETTER / (self.letters[char] + 0.5))
        return min(_MAX_COST, max(0.0, _LETTER_WEIGHT * rarity))

    def pair_cost(self, first: str, second: str) -> float:
        expected = self.letters[first] * self.letters[second] / self.total
        if expected <= _EXPECTED_AT_LEAST:
            return 0.0
        rarity = math.log(expected / (self.pairs[first + second] + 0.5))
        return min(_MAX_COST, max(0.0, _PAIR_WEIGHT * rarity))


@cache
def _model(code_pages: tuple[str, ...]) -> _Model:
    """The corpus's known words, and its letters and pairs of neighbours counted."""
    words: set[str] = set()
    letters: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for text in _corpus(code_pages):
        # Only words with a letter: a dash or quote mark between names ("—") is no word,
        # and would make any code page that reads a byte as it look right.
        words.update(
            word.lower()
            for word in _WORD_OUTSIDE_ASCII.findall(text)
            if any(char.isalpha() for char in word)
        )
        padded = EDGE + "".join(map(_letter_or_edge, _small(text))) + EDGE
        letters.update(padded[1:])
        pairs.update(padded[index : index + 2] for index in range(len(padded) - 1))
    return _Model(frozenset(words), letters, pairs, max(1, letters.total()))


def _small(text: str) -> str:
    """``text`` in small letters, letter for letter: a letter whose small form is two ("İ" is
    "i" and a dot) stays as it is, so that its neighbours stay beside it."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _letter_or_edge(char: str) -> str:
    return char if _is_letter(char) else EDGE


def _is_letter(char: str) -> bool:
    """A letter of a word: not a modifier letter such as "ˇ" or "ˆ", which names never hold."""
    return char.isalpha() and unicodedata.category(char) != "Lm"


def _corpus(code_pages: tuple[str, ...]) -> list[str]:
    """Every text of the corpus with letters outside ASCII that one of ``code_pages`` can
    write: the alphabets the reader knows (no file of these code pages holds Chinese)."""
    texts = {name for name, _ in _country_names()}
    texts.update(subdivision.name for subdivision in pycountry.subdivisions)
    texts.update(_translated_words())
    for name in _WORD_FILES:
        texts.update((_MNR_DATA / name).read_text(encoding="utf-8").splitlines())
    normal = {unicodedata.normalize("NFC", text) for text in texts if not text.isascii()}
    return [text for text in normal if _writable(text, code_pages)]


@cache
def _country_names() -> tuple[tuple[str, str], ...]:
    """(name, ISO3) for each country's names (name, official and common) in English and in
    ``LANGUAGES``."""
    english = [
        (value, country.alpha_3)
        for country in pycountry.countries
        for key in ("name", "official_name", "common_name")
        if (value := getattr(country, key, None))
    ]
    names = list(english)
    for language in LANGUAGES:
        try:
            translation = gettext.translation(_DOMAIN, pycountry.LOCALES_DIR, languages=[language])
        except OSError:  # pragma: no cover - a pycountry without this language's names
            continue
        names.extend((translation.gettext(value), code) for value, code in english)
    return tuple(dict.fromkeys(names))


def _translated_words() -> set[str]:
    """The names of the currencies and of the scripts in ``LANGUAGES`` ("złoty", "forint",
    "кириллица"): everyday words of each language besides its names. (Not the languages'
    names: their translations take ten times as long to load.)"""
    found: set[str] = set()
    sources = (
        ("iso4217", [currency.name for currency in pycountry.currencies]),
        ("iso15924", [script.name for script in pycountry.scripts]),
    )
    for domain, values in sources:
        for language in LANGUAGES:
            try:
                translation = gettext.translation(
                    domain, pycountry.LOCALES_DIR, languages=[language]
                )
            except OSError:  # pragma: no cover - not every language names these
                continue
            found.update(translation.gettext(value) for value in values)
    return found


def _writable(text: str, code_pages: tuple[str, ...]) -> bool:
    for code_page in code_pages:
        try:
            text.encode(code_page)
        except UnicodeEncodeError:
            continue
        return True
    return False
