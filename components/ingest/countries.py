"""Countries by name or ISO 3166 code, as pycountry knows them: never an invented code."""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections.abc import Mapping
from functools import cache, lru_cache

import pycountry

from components.base.text import normalise
from components.ingest.country_translations import (
    bilingual_parts,
    is_latin,
    one_slip,
    translated_country,
)


def country_of_code(text: str) -> tuple[str, str] | None:
    """(name, code) for a country written as its ISO 3166 alpha-3 code ("UGA": Uganda), when
    pycountry knows the code; a made-up code gets nothing. Also in small letters ("uga"), as
    survey tools export their choices' names; not mixed ("Uga" is a name)."""
    if not re.fullmatch(r"[A-Z]{3}|[a-z]{3}", text):
        return None
    found = pycountry.countries.get(alpha_3=text.upper())
    if found is None:
        return None
    return shown_name(found.alpha_3), found.alpha_3


# The names people use for the countries whose ISO 3166 name is an inverted or official form
# ("Congo, The Democratic Republic of the", "Russian Federation") and which pycountry gives no
# common name. The others' common names are pycountry's ("Tanzania", "South Korea", "Iran",
# "Laos", "Syria", "Vietnam", "Bolivia", "Moldova", "North Korea", "Taiwan", "Venezuela").
_OWN_NAMES = {
    "BRN": "Brunei",
    "COD": "Democratic Republic of the Congo",
    "FLK": "Falkland Islands",
    "FSM": "Micronesia",
    "MAF": "Saint Martin",
    "PSE": "Palestine",
    "RUS": "Russia",
    "SXM": "Sint Maarten",
    "VAT": "Holy See",
    "VGB": "British Virgin Islands",
    "VIR": "U.S. Virgin Islands",
}


def shown_name(code: str) -> str:
    """The name an assessment of the country ``code`` (ISO3, one pycountry knows) is filed
    under and shown as: the name people use, never an inverted ISO form ("Democratic Republic
    of the Congo", "Tanzania", "South Korea"): ``_OWN_NAMES``', else pycountry's common name,
    else its name ("Kenya", "Eswatini")."""
    country = pycountry.countries.get(alpha_3=code)
    return _OWN_NAMES.get(country.alpha_3) or getattr(country, "common_name", None) or country.name


@cache
def _iso_forms() -> Mapping[str, str]:
    """The ISO list's forms of a name that is shown otherwise, normalised -> ISO3: each
    country's pycountry name ("Russian Federation", "Korea, Republic of", "Viet Nam") and an
    inverted official name ("Taiwan, Province of China"), where they are not its shown name."""
    forms: dict[str, str] = {}
    for country in pycountry.countries:
        shown = normalise(shown_name(country.alpha_3))
        official = getattr(country, "official_name", None)
        for value in (country.name, official if official and "," in official else None):
            if value and normalise(value) != shown:
                forms.setdefault(normalise(value), country.alpha_3)
    return forms


def iso_form_of(name: str) -> tuple[str, str] | None:
    """(shown name, ISO3) when ``name`` is the ISO list's form of a country shown by another
    name ("Congo, The Democratic Republic of the": "Democratic Republic of the Congo"), else
    None. Such a name, typed or saved before, is read and shown as the shown name."""
    code = _iso_forms().get(normalise(name))
    return None if code is None else (shown_name(code), code)


# Bounded: the keys are user text, and a long-running server must not grow without limit.
@lru_cache(maxsize=4096)
def iso3_of(country: str) -> str | None:
    """The ISO 3166 alpha-3 code of a country pycountry knows by this exact name, else None."""
    return english_names().get(normalise(country))


@cache
def english_names() -> Mapping[str, str]:
    """Every English name of a country pycountry knows (name, official, common) and the shown
    names of ``_OWN_NAMES``, normalised -> ISO3. Built once per process."""
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                names.setdefault(normalise(value), country.alpha_3)
    for code, value in _OWN_NAMES.items():
        names.setdefault(normalise(value), code)
    return names


# Footnote marks typed after a name: "Kenya*", "Uganda¹", "Ghana†" (a superscript digit is a
# mark; a plain digit is not, "Uganda1" being what a person meant only they can say).
_MARKS = "*†‡§¶¹²³⁴⁵⁶⁷⁸⁹⁰"
# Only after the name: nothing but a year, spaces or punctuation may follow ("Kenya* 2023"),
# so that marks inside a name or a sentence stay as typed.
_MARK = re.compile(rf"(?<=[^\s{_MARKS}])[{_MARKS}]+(?=[\W\d_]*$)")
# The state of the figures written after a name: "Tanzania (draft)", "Kenya [provisional]".
_STATUS_WORDS = frozenset(
    {
        "draft",
        "provisional",
        "preliminary",
        "pending",
        "pending validation",
        "validated",
        "not validated",
        "unvalidated",
        "estimate",
        "estimated",
        "partial",
        "incomplete",
        "unofficial",
        "to be validated",
        "brouillon",
        "provisoire",
        "preliminaire",
        "valide",
        "non valide",
        "a valider",
        "projet",
        "partiel",
        "borrador",
        "preliminar",
        "validado",
        "no validado",
        "por validar",
        "rascunho",
        "provisorio",
        "nao validado",
        "parcial",
    }
)
_STATUS = re.compile(r"\s*[(\[]\s*([^()\[\]]{1,30}?)\s*[)\]]")


_ANY_MARK = re.compile(rf"[{_MARKS}(\[]")


def without_marks(text: str) -> tuple[str, str, str]:
    """``text`` less footnote marks after its words and a status in brackets, the marks and
    the status: "Tanzania (draft)*" -> ("Tanzania", "*", "draft"). Other brackets stay
    ("Bolivia (Plurinational State of)" is a name)."""
    if _ANY_MARK.search(text) is None:
        return text.strip(), "", ""  # the usual name: nothing to take off
    statuses = [m for m in _STATUS.finditer(text) if normalise(m[1]) in _STATUS_WORDS]
    for found in reversed(statuses):
        text = text[: found.start()] + text[found.end() :]
    marks = "".join(_MARK.findall(text))
    text = _MARK.sub("", text)
    return text.strip(), marks, " ".join(m[1] for m in statuses)


def is_number_only(text: str) -> bool:
    """Text with no letter at all ("114377001", "12-3"): an ID or a count, never a name."""
    return bool(text.strip()) and not any(map(str.isalpha, text))  # in C: a call per row


# The languages of the vocabulary (mnr_data/headers.toml) besides English, whose country names
# pycountry's own translations give: "Kenia", "Quénia" and "République du Kenya" are Kenya.
_NAME_LANGUAGES = ("fr", "es", "pt")


@cache
def _iso3_by_any_name() -> Mapping[str, str]:
    """The names in English and the vocabulary's languages, normalised -> ISO3: those whose
    start a title's word may be (``title_countries``: "Palestina"). Not the other languages'
    (``other_name_of``): among their thousands of names a word begins one too easily."""
    names = dict(english_names())
    for language in _NAME_LANGUAGES:
        try:
            translation = gettext.translation(
                "iso3166-1", pycountry.LOCALES_DIR, languages=[language]
            )
        except OSError:  # pragma: no cover - pycountry ships these translations
            continue
        for country in pycountry.countries:
            for attribute in ("name", "official_name", "common_name"):
                value = getattr(country, attribute, None)
                if value:
                    names.setdefault(normalise(translation.gettext(value)), country.alpha_3)
    return names


@lru_cache(maxsize=4096)
def iso3_in_any_language(country: str) -> str | None:
    """The ISO 3166 alpha-3 code of a country by its exact name in English, in another
    language (``other_name_of``: "Kenia", "République du Kenya", "Кения", "日本 / Japan"), or
    by its code ("KEN"), else None. For comparing two names of a country and telling a name
    from other words; the code a name is given stays ``iso3_of``'s (``country_aliases``
    files a name in another language under the English one)."""
    coded = country_of_code(country.strip())
    if coded is not None:
        return coded[1]
    code = english_names().get(normalise(country))
    if code is None:
        found = other_name_of(country)
        code = found[0] if found else None
    return code


@lru_cache(maxsize=4096)
def other_name_of(country: str) -> tuple[str, tuple[str, ...]] | None:
    """(ISO3, the languages naming it so) of the one country ``country`` is the name of in
    another language than English (``country_translations``: "Maroc", "الإمارات العربية
    المتحدة"), or in two at once with each part naming it ("Tunisie / تونس", "Монголия /
    Mongolia"), else None. Never a name one letter away from another country's English name
    ("Saint Marin", San Marino's in French, beside Saint Martin): which one was meant is
    asked, not guessed."""
    key = normalise(country)
    if key in english_names():
        return None  # "Russia": English too (Italian's name for it, and the app's)
    found = translated_country(country)
    if found is not None:
        close = is_latin(key) and any(
            code != found[0] and one_slip(key, known) for known, code in english_names().items()
        )
        return None if close else found
    parts = bilingual_parts(country)
    named = [_part_named(part) for part in parts]
    codes = {found[0] if found else None for found in named}
    if not parts or len(codes) != 1 or None in codes:
        return None
    return codes.pop(), tuple(dict.fromkeys(lang for found in named if found for lang in found[1]))


# The languages whose words the reader reads (mnr_data/headers.toml's, besides English).
_READ_LANGUAGES = frozenset({"French", "Spanish", "Portuguese"})


@lru_cache(maxsize=1024)
def word_abroad(name: str) -> tuple[str, tuple[str, ...]] | None:
    """(shown name, languages) of the country ``name`` is the name of only as one word in
    Latin letters of languages whose words the reader does not read ("Island": Iceland, in
    German; "Reunião": Réunion, in Brazilian Portuguese), else None. Written where any words
    may be (a title, a sheet's or a file's name), such a word may be one of the file's own
    language ("Island"; "Reunião", a meeting in Portuguese), so it names no country there; in
    a country's cell or column it does."""
    key = normalise(name)
    found = other_name_of(name) if len(key.split()) == 1 and is_latin(key) else None
    if found is None or _READ_LANGUAGES & set(found[1]) or translated_country(name) is None:
        return None
    return shown_name(found[0]), found[1]


def _part_named(part: str) -> tuple[str, tuple[str, ...]] | None:
    """The country a part of a bilingual cell names, by its English name ("English") or its
    name in another language. Not by its code: "Kenya (KEN)" is ``country_names``' business."""
    code = iso3_of(part)
    return (code, ("English",)) if code else other_name_of(part)


# The endings of the fictional countries of the demo, the documentation and the tests
# ("Arvenia", "Elbonie", "Secretland", "Krakozhstan"): a made-up name that reads as a country.
_FICTIONAL_ENDINGS = ("ia", "ie", "land", "stan")


def is_plausible_country(name: str) -> bool:
    """True when ``name`` reads as a country: one pycountry knows (by name in English or another
    language, or by its ISO3 code), or a made-up name ending like one ("Elbonia",
    "Freedonia"). A file name's leftover word ("upload", "return", "s") is not."""
    if iso3_in_any_language(name) is not None:
        return True
    words = name.split()
    last = normalise(words[-1]) if words else ""
    return (
        all(word.isalpha() for word in words)
        and len(last) >= 4
        and last.endswith(_FICTIONAL_ENDINGS)
    )


def is_unknown_script_name(name: str) -> bool:
    """True when ``name`` is written in letters that are not Latin ("Уровень", "المستوى") and
    pycountry does not know it: the reader cannot tell such a word from a level column's
    header in a language it does not read, so it is never taken as a country from a header
    alone. A Latin-script name stays a possible country (the demo's "Quentra")."""
    letters = [c for c in name if c.isalpha()]
    if not letters or any(unicodedata.name(c, "").startswith("LATIN") for c in letters):
        return False
    return iso3_in_any_language(name) is None
