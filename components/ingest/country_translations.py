"""Countries by their names in the languages people write them in: "Maroc", "Кения", "日本".

People write a country's name in their own language ("Maroc", "Kenia", "Филиппины",
"الإمارات العربية المتحدة", "ไทย"), and a bilingual form writes it twice ("Tunisie / تونس",
"Монголия / Mongolia"). pycountry ships the iso-codes project's translations of every
country's name (``pycountry/locales/<language>/LC_MESSAGES/iso3166-1.mo``); the names in
``LANGUAGES`` are read from there with ``gettext``, once, when a name is first looked up, and
kept for the process.

A name is read as a country only when nothing makes it doubtful:

- it names one country in every language that has it: a name two countries share across the
  languages (Kazakh "Конго Республикасы" is both Congos; a faulty translation giving
  Afghanistan Pakistan's name) is none;
- it is not an English name (those are ``countries``' own), nor, as ``countries.other_name_of``
  checks with the names the app shows, one letter away from another country's ("Saint
  Marin", San Marino in French, is a letter from Saint Martin): ``unknown_countries`` asks
  about those;
- in Latin letters it has four letters or more once accents are set aside: shorter names
  ("Y", Italy in Vietnamese; "Fas", Morocco in Turkish; "My") are words of other languages
  too. Other scripts have no such words in the app's files: "日本" and "مصر" are names.

Names are compared as ``normalise`` compares them (no case, accents or punctuation: Arabic's
optional vowel marks and hamza on alif, "الإمارات العربيّة" = "الامارات العربية"), except in
the scripts whose vowel signs are letters ("ภาษาไทย", Devanagari, Khmer, Burmese), where
only case and punctuation are set aside.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections.abc import Mapping
from functools import cache, lru_cache

import pycountry

from components.base.text import normalise
from components.ingest.official_names import official_country

# The languages whose names of countries are read (iso-codes' locale -> its English name):
# the vocabulary's (French, Spanish, Portuguese) and those of the countries that assess
# themselves against the Model National Response, in Latin letters and in other scripts.
LANGUAGES: Mapping[str, str] = {
    "fr": "French",
    "es": "Spanish",
    "pt": "Portuguese",
    "pt_BR": "Brazilian Portuguese",
    "de": "German",
    "it": "Italian",
    "nl": "Dutch",
    "id": "Indonesian",
    "ms": "Malay",
    "sw": "Swahili",
    "tr": "Turkish",
    "vi": "Vietnamese",
    "ru": "Russian",
    "uk": "Ukrainian",
    "kk": "Kazakh",
    "ky": "Kyrgyz",
    "tg": "Tajik",
    "mn": "Mongolian",
    "hy": "Armenian",
    "ka": "Georgian",
    "el": "Greek",
    "ar": "Arabic",
    "fa": "Persian",
    "ur": "Urdu",
    "ps": "Pashto",
    "he": "Hebrew",
    "am": "Amharic",
    "hi": "Hindi",
    "bn": "Bengali",
    "ne": "Nepali",
    "si": "Sinhala",
    "th": "Thai",
    "lo": "Lao",
    "km": "Khmer",
    "my": "Burmese",
    "zh_CN": "Chinese",
    "zh_TW": "Chinese",
    "zh_HK": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
}
# Latin-script names shorter than this are words of other languages too ("y", "my", "fas").
_MIN_LATIN = 4
# Scripts whose vowel signs are letters of the word (Devanagari to Sinhala, Thai, Lao, Tibetan,
# Burmese, Khmer): ``normalise`` would drop them, and "Maldives" would read as "Moldova".
_SIGNS_ARE_LETTERS = re.compile("[\u0900-\u0dff\u0e00-\u0fff\u1000-\u109f\u1780-\u17ff]")
# What separates the two names of a bilingual cell: "Tunisie / تونس", "Japan | 日本",
# "Maroc - المغرب", "Japan (日本)", two lines. No hyphen without spaces ("Guinea-Bissau").
_BILINGUAL = re.compile(r"\s*(?:/|\||\n|\s[-–—]\s|\(|\)|\[|\])\s*")


def name_key(text: str) -> str:
    """``text`` as names are compared here: ``normalise``'s form, or, in a script whose vowel
    signs are letters, the text in small letters less its punctuation."""
    if not _SIGNS_ARE_LETTERS.search(text):
        return normalise(text)
    kept = (
        " " if unicodedata.category(ch)[0] in "PSZC" else ch
        for ch in unicodedata.normalize("NFC", text).casefold()
    )
    return " ".join("".join(kept).split())


@cache
def _names() -> Mapping[str, Mapping[str, frozenset[str]]]:
    """Every translated name of ``LANGUAGES``, keyed -> {ISO3: the languages naming it so}.
    Names left as in English by a translation are English names, not a language's."""
    english = [
        (country.alpha_3, value)
        for country in pycountry.countries
        for value in (getattr(country, a, None) for a in ("name", "official_name", "common_name"))
        if value
    ]
    heads = _standalone_heads(english)
    keys: dict[str, str] = {}  # many languages write a name alike: each keyed once
    found: dict[str, dict[str, set[str]]] = {}
    for locale, language in LANGUAGES.items():
        try:
            translation = gettext.translation(
                "iso3166-1", pycountry.LOCALES_DIR, languages=[locale]
            )
        except OSError:  # pragma: no cover - pycountry ships these translations
            continue
        here: list[tuple[str, str]] = []  # (key, ISO3) of this language's names
        inverted: list[tuple[str, str]] = []  # and of the heads of its inverted names
        for code, value in english:
            translated = translation.gettext(value)
            if translated == value:
                continue
            key = keys.get(translated)
            if key is None:
                key = keys[translated] = name_key(translated)
            here.append((key, code))
            head = _INVERSION.split(translated, maxsplit=1)[0].strip()
            if value in heads and head != translated:
                inverted.append((name_key(head), code))
        for key, code in here + _own_heads(inverted, here):
            found.setdefault(key, {}).setdefault(code, set()).add(language)
    return {key: {c: frozenset(ls) for c, ls in codes.items()} for key, codes in found.items()}


# The comma of an inverted name ("Iran, Islamic Republic of"), in Latin, Arabic and CJK text.
_INVERSION = re.compile("[,،，、]")


def _standalone_heads(english: list[tuple[str, str]]) -> frozenset[str]:
    """The inverted English names whose head is a name of that country alone ("Iran, Islamic
    Republic of": "Iran"; "Tanzania, United Republic of"): their translations' heads ("ایران"
    of "ایران، جمهوری اسلامی") are names too. Not a head two countries share ("Korea, Republic
    of"; "Virgin Islands, British") nor another country's name ("Congo, The Democratic
    Republic of the": Congo is the Republic of the Congo)."""
    whole = {normalise(value): code for code, value in english}
    inverted = [(code, value, normalise(value.split(",")[0])) for code, value in english]
    inverted = [(c, v, h) for c, v, h in inverted if "," in v and whole.get(h, c) == c]
    shared = {h for _, _, h in inverted if len({c for c, _, h2 in inverted if h2 == h}) > 1}
    return frozenset(v for _, v, h in inverted if h not in shared)


def _own_heads(
    inverted: list[tuple[str, str]], here: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """The heads of ``inverted`` that are not words of another country's name in the same
    language (``here``): Nepali "गणराज्य", "republic", heads two of its names; "ایران" does
    not."""
    every = "\n".join(f" {key} " for key, _ in here)
    own: dict[str, list[str]] = {}
    for key, code in here:
        own.setdefault(code, []).append(f" {key} ")
    return [
        (head, code)
        for head, code in inverted
        if head and every.count(f" {head} ") == "\n".join(own[code]).count(f" {head} ")
    ]


@cache
def _english() -> frozenset[str]:
    """Every English name pycountry gives a country, normalised."""
    return frozenset(
        normalise(value)
        for country in pycountry.countries
        for value in (getattr(country, a, None) for a in ("name", "official_name", "common_name"))
        if value
    )


def one_slip(typed: str, known: str) -> bool:
    """True when ``typed`` is ``known`` with one letter more, one less, or two swapped."""
    if typed == known:
        return False
    if len(typed) == len(known):
        diff = [i for i, (a, b) in enumerate(zip(typed, known, strict=True)) if a != b]
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and typed[diff[0]] == known[diff[1]]
            and typed[diff[1]] == known[diff[0]]
        )
    longer, shorter = (typed, known) if len(typed) > len(known) else (known, typed)
    if len(longer) != len(shorter) + 1:
        return False
    i = next(
        (i for i, (a, b) in enumerate(zip(shorter, longer, strict=False)) if a != b), len(shorter)
    )
    return longer[:i] + longer[i + 1 :] == shorter


def is_latin(key: str) -> bool:
    """True when ``key`` is written in Latin letters (with accents or not)."""
    return any(unicodedata.name(ch, "").startswith("LATIN") for ch in key if ch.isalpha())


# Bounded: the keys are user text, and a long-running server must not grow without limit.
@lru_cache(maxsize=4096)
def translated_country(name: str) -> tuple[str, tuple[str, ...]] | None:
    """(ISO3, the languages naming it so) of the one country ``name`` is the name of in a
    language of ``LANGUAGES`` ("Maroc": MAR, French; "Kenia": KEN, Spanish, German and
    Dutch; "ไทย": THA, Thai), else ``None``: an English name (``countries``' business), a name
    two countries share, a short Latin word."""
    if not name or not any(ch.isalpha() for ch in name):
        return None  # a number, a date, a mark: no name
    key = name_key(name)
    codes = _names().get(key)
    if not codes and key not in _english():  # "République tunisienne": see ``official_names``
        return official_country(name, _names())
    if not codes or len(codes) != 1 or key in _english():
        return None
    code, languages = next(iter(codes.items()))
    if len(key.replace(" ", "")) < (_MIN_LATIN if is_latin(key) else 2):
        return None
    if "Portuguese" in languages:  # Brazil's spelling of it too: said once
        languages = languages - {"Brazilian Portuguese"}
    ordered = tuple(dict.fromkeys(v for v in LANGUAGES.values() if v in languages))
    return code, ordered


def countries_named(name: str) -> Mapping[str, frozenset[str]]:
    """Every country ``name`` is the name of in a language of ``LANGUAGES`` (ISO3 -> those
    languages), doubtful or not: for saying why none was taken ("Конго Республикасы": both
    Congos, in Kazakh and Kyrgyz)."""
    return _names().get(name_key(name), {}) if any(ch.isalpha() for ch in name) else {}


def bilingual_parts(name: str) -> tuple[str, ...]:
    """The two (or three) names of a bilingual cell ("Tunisie / تونس": "Tunisie", "تونس"),
    or none when ``name`` is not written so. Whether they name one country is the caller's."""
    if not _BILINGUAL.search(name):
        return ()
    parts = tuple(p for p in (part.strip() for part in _BILINGUAL.split(name)) if p)
    return parts if 2 <= len(parts) <= 3 else ()


def in_languages(languages: tuple[str, ...]) -> str:
    """The languages as said in a message: "French", "Spanish and German"."""
    if len(languages) <= 1:
        return "".join(languages)
    return f"{', '.join(languages[:-1])} and {languages[-1]}"
