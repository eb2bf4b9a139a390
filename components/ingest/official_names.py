"""A country's official name as its own people write it: "République tunisienne", "Кыргызская
Республика", "Republik Indonesia".

``country_translations`` knows the translations of the official names iso-codes gives
("République de Tunisie", "Bundesrepublik Deutschland", "Республика Казахстан"), but a country
writes its own official name in its own words, which the catalogue may not: an adjective
("République tunisienne", "Кыргызская Республика") or the short name after the state's word
("Republik Indonesia", "Jamhuri ya Muungano wa Tanzania"). Such a name is known here when it
is, whole, words for the state ("République", "Republik", "Республика", "United Republic of")
and one name of a country: either a name the catalogues give in any language read (the short
name after the state's words), or one word whose stem, less an adjective's ending ("tunis" of
"tunisienne", "кыргыз" of "кыргызская"), starts a word of only one country's names and is
most of it (five letters or more, three fifths of the word). Anything else, a sentence, two
countries, state words alone ("République démocratique"), a stem several countries share, is
no name here: the caller refuses it as before, never guessing.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

import pycountry

from components.base.text import normalise

# The words for a state and its qualities, by the language they are written in (normalised:
# no case, no accents), and the small words that join them to the name. Not "Estado", "État":
# "Estado de México" is a state of Mexico. Not English's: its names are ``countries``'.
_STATE_WORDS: Mapping[str, frozenset[str]] = {
    "French": frozenset(
        [
            "republique",
            "royaume",
            "principaute",
            "grand",
            "duche",
            "federation",
            "union",
            "federale",
            "democratique",
            "populaire",
            "islamique",
            "arabe",
            "socialiste",
            "unie",
            "cooperative",
        ]
    ),
    "Spanish": frozenset(
        [
            "republica",
            "reino",
            "unidos",
            "federal",
            "democratica",
            "popular",
            "islamica",
            "arabe",
            "bolivariana",
            "oriental",
            "plurinacional",
            "socialista",
            "cooperativa",
        ]
    ),
    "Portuguese": frozenset(
        ["republica", "reino", "federativa", "democratica", "popular", "islamica", "unida"]
    ),
    "German": frozenset(
        [
            "republik",
            "bundesrepublik",
            "konigreich",
            "koenigreich",
            "furstentum",
            "demokratische",
            "islamische",
            "vereinigte",
        ]
    ),
    "Italian": frozenset(["repubblica", "regno", "federale", "democratica", "popolare"]),
    "Indonesian": frozenset(["republik", "kerajaan", "persatuan", "demokratik", "rakyat"]),
    "Swahili": frozenset(["jamhuri", "muungano", "ufalme"]),
    "Russian": frozenset(
        [
            "республика",
            "королевство",
            "федерация",
            "демократическая",
            "народная",
            "исламская",
            "объединенная",
        ]
    ),
}
_JOINING = frozenset(
    [
        "of",
        "the",
        "de",
        "du",
        "d",
        "des",
        "la",
        "le",
        "l",
        "el",
        "del",
        "do",
        "da",
        "di",
        "della",
        "der",
        "ya",
        "wa",
    ]
)
# Adjective endings, longest first: French, Spanish and Portuguese, German, Russian.
_ENDINGS = sorted(
    [
        "iennes",
        "ienne",
        "iens",
        "ien",
        "aises",
        "aise",
        "ais",
        "oises",
        "oise",
        "ois",
        "aine",
        "ain",
        "ane",
        "ique",
        "e",
        "iana",
        "iano",
        "ana",
        "ano",
        "esa",
        "es",
        "ina",
        "ino",
        "a",
        "o",
        "ische",
        "isch",
        "ская",
        "ский",
        "ская",
        "ая",
        "ой",
        "ий",
    ],
    key=len,
    reverse=True,
)
_MIN_STEM = 5


def official_country(
    name: str, names: Mapping[str, Mapping[str, frozenset[str]]]
) -> tuple[str, tuple[str, ...]] | None:
    """(ISO3, the language of its state words) of the one country ``name`` is the official
    name of, written as state words and the country's name or adjective ("République
    tunisienne": TUN, French); ``names`` is ``country_translations``' names (key -> {ISO3:
    languages}). ``None`` for anything else."""
    words = normalise(name).split()
    if not 2 <= len(words) <= 7:
        return None
    languages = [lang for lang, state in _STATE_WORDS.items() if state & set(words)]
    if not languages:
        return None  # cheap: most text has no state word
    state = frozenset().union(*(_STATE_WORDS[lang] for lang in languages))
    rest = [w for w in words if w not in state and w not in _JOINING]
    if not rest or len(rest) > 3 or rest != words[words.index(rest[0]) :][: len(rest)]:
        return None  # state words alone, or the name split by them: not one name
    code = _one_code(" ".join(rest), names) or (
        _by_stem(rest[0], names) if len(rest) == 1 else None
    )
    if code is None:
        return None
    # "Republik Indonesia": "Republik" is German and Indonesian, "Indonesia" only the latter.
    written = names.get(" ".join(rest), {}).get(code, frozenset())
    return code, tuple(lang for lang in languages if lang in written) or tuple(languages)


def _one_code(key: str, names: Mapping[str, Mapping[str, frozenset[str]]]) -> str | None:
    """The one country ``key`` (normalised) names in English or a language read, when no
    other country's names hold it: "Democratic Republic of Congo" is not the Republic of the
    Congo, whose name "Congo" is, so "Congo" after state words names neither."""
    codes = set(names.get(key, {})) | set(_english().get(key, ()))
    if len(codes) != 1:
        return None
    words = key.split()
    size = len(words)
    holding = {
        code
        for known, code in _names_known(names)
        if known == key
        or (size == 1 and key in known.split())
        or (size > 1 and f" {key} " in f" {known} ")
    }
    return codes.pop() if holding <= codes else None


def _by_stem(word: str, names: Mapping[str, Mapping[str, frozenset[str]]]) -> str | None:
    """The one country whose name in one word (not "Central" of "Central African Republic")
    ``word``'s stem starts and is most of."""
    for ending in _ENDINGS:
        stem = word[: -len(ending)] if word.endswith(ending) else ""
        if len(stem) >= _MIN_STEM:
            break
    else:
        return None
    codes = {
        code
        for known, code in _names_known(names)
        if " " not in known and known.startswith(stem) and len(stem) * 5 >= len(known) * 3
    }
    return codes.pop() if len(codes) == 1 else None


@cache
def _english() -> Mapping[str, frozenset[str]]:
    """pycountry's English names, normalised -> ISO3s."""
    found: dict[str, set[str]] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                found.setdefault(normalise(value), set()).add(country.alpha_3)
    return {key: frozenset(codes) for key, codes in found.items()}


# The names of ``_names_known``, by the mapping they were made from (``country_translations``
# makes its once per process).
_KNOWN: dict[int, tuple[tuple[str, str], ...]] = {}


def _names_known(names: Mapping[str, Mapping[str, frozenset[str]]]) -> tuple[tuple[str, str], ...]:
    """(name, ISO3) of every name known, in English and the languages read, normalised."""
    known = _KNOWN.get(id(names))
    if known is None:
        every = [(key, code) for key, codes in names.items() for code in codes]
        every += [(key, code) for key, codes in _english().items() for code in codes]
        known = _KNOWN.setdefault(id(names), tuple(sorted(set(every))))
    return known
