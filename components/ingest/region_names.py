"""Names of groups of countries, and of their statistics: never one country.

A regional report puts rows (or columns) for groups of countries beside the countries: "West
and Central Africa", "Eastern and Southern Africa", "Low income", "Sub-Saharan Africa", and
their figures: "West and Central Africa (regional average)", "Regional average – Middle East
and North Africa", "All countries – median". Read as countries, their averages would become
levels of a country that does not exist. So:

* ``is_group_name``: a region or group of countries is one the aliases file lists
  (``[regions]``), one of the peer groups the app itself uses (UN M49 regions and
  sub-regions, World Bank income groups, ``mnr_data/groups``), or a name made only of the
  words regions are made of ("West and Central Africa", "Afrique de l'Ouest et du Centre",
  "Lower-middle income countries"): a compass word and a continent or sea, joined by "and";
* ``is_group_statistic``: a statistic's name (a summary word of ``mnr_data/headers.toml``, in
  the vocabulary's languages, "regional", "%" or "Δ"), asides in brackets included, whose
  other words are nothing or a group's name, whatever its length.

A name that is a country (in any of the reader's languages) is never a group: "South Africa",
"Micronesia" (the Federated States) and "Central African Republic" stay countries.
"""

from __future__ import annotations

from functools import cache, lru_cache

from components.base.text import normalise
from components.framework.country_groups import KINDS, default_classification
from components.ingest.countries import iso3_in_any_language
from components.ingest.country_aliases import aliases_file
from components.ingest.vocabulary import default_vocabulary

# Where in a continent: the first half of a region's name ("West", "Afrique de l'Ouest").
_COMPASS = frozenset(
    {
        "north", "northern", "south", "southern", "east", "eastern", "west", "western",
        "central", "middle", "sub", "saharan", "subsaharan", "southeast", "southeastern",
        "northeast", "northwest", "southwest", "horn", "greater", "latin", "near", "far",
        "nord", "sud", "est", "ouest", "centre", "centrale", "orientale", "occidentale",
        "australe", "septentrionale", "meridionale", "subsaharienne", "moyen", "proche",
        "norte", "sur", "este", "oeste", "centro", "oriental", "occidental", "austral",
        "meridional", "septentrional", "subsahariana", "sul", "leste", "subsaariana", "medio",
        "indian", "latina", "latine",
    }
)  # fmt: skip
# The continent, ocean or sea a region lies in: a region's name has one.
_AREAS = frozenset(
    {
        "africa", "asia", "europe", "america", "americas", "pacific", "caribbean", "oceania",
        "arab", "arabian", "gulf", "balkans", "sahel", "maghreb", "levant", "mena", "lac",
        "ssa", "nordic", "baltic", "mediterranean", "atlantic", "ocean", "orient",
        "afrique", "asie", "amerique", "ameriques", "pacifique", "caraibes", "oceanie",
        "europa", "pacifico", "caribe", "oriente", "mediterranee", "mediterraneo",
    }
)  # fmt: skip
# Words between a region's parts: "and", "of the", "de l'", "del", "do".
_LINKS = frozenset(
    {"and", "the", "of", "y", "e", "et", "de", "del", "do", "da", "du", "des", "la", "l", "le"}
    | {"el", "al", "au", "aux"}
    | {"los", "las", "os", "as", "region", "regions", "countries", "pays", "states", "islands"}
)
# A group by income ("Lower-middle income countries", "Pays à revenu intermédiaire").
_INCOME = frozenset({"income", "revenu", "ingreso", "ingresos", "renda", "rendimento"})
_INCOME_WORDS = _INCOME | frozenset(
    {
        "high", "low", "lower", "upper", "middle", "and", "countries", "economies", "pays",
        "a", "faible", "eleve", "intermediaire", "superieur", "inferieur", "tranche", "paises",
        "de", "bajo", "alto", "mediano", "medio", "alta", "baixa", "media", "superior",
        "inferior", "economias",
    }
)  # fmt: skip
# Words that make a name a group's statistic besides the vocabulary's summary words.
_REGIONAL = frozenset({"regional", "regionale", "regionales", "regionais", "regiao", "sub"})
_MANY = frozenset({"all", "countries", "tous", "les", "pays", "todos", "paises", "os", "states"})
# Symbols a statistic's name is written with, which ``normalise`` drops.
_SYMBOLS = ("%", "Δ", "∆", "Σ", "∑")
# A statistic's name longer than this is a sentence (a note), not a row's or column's name.
_MAX_WORDS = 12


@cache
def _listed() -> frozenset[str]:
    """The groups named in the aliases file and the app's peer-group classifications."""
    names = {normalise(n) for n in aliases_file().get("regions", {}).get("names", [])}
    classification = default_classification()
    for kind in KINDS:
        names.update(normalise(n) for n in classification.group_names(kind))
    return frozenset(n for n in names if n and iso3_in_any_language(n) is None)


def _a_count(word: str) -> bool:
    """A number or "n" beside a statistic's name: "Average (n = 9)", "Mean 2023"."""
    return word.isdigit() or word == "n"


def _made_of_region_words(words: list[str]) -> bool:
    """Whether ``words`` are only a region's words, with a continent or sea among them."""
    if not words or not set(words) & _AREAS:
        return set(words) <= _INCOME_WORDS and bool(set(words) & _INCOME)
    return all(w in _COMPASS or w in _AREAS or w in _LINKS for w in words)


@lru_cache(maxsize=4096)
def is_group_name(text: str) -> bool:
    """Whether ``text`` names a region or another group of countries, never one country."""
    key = normalise(text)
    if not key or iso3_in_any_language(str(text)) is not None:
        return False
    if key in _listed():
        return True
    words = key.split()
    return len(words) <= _MAX_WORDS and _made_of_region_words(words)


def names_a_group(text: str) -> bool:
    """Whether ``text`` names a group of countries, alone or with a statistic ("West and
    Central Africa (regional average)"); a statistic of no group ("Regional average",
    "Total") names none."""
    return is_group_name(text) or _statistic_rest(text) not in (None, "")


@lru_cache(maxsize=4096)
def is_group_statistic(text: str) -> bool:
    """Whether ``text`` names a statistic of a group of countries or of all of them
    ("Regional average – Middle East and North Africa", "West and Central Africa (regional
    average)", "All countries – median", "Moyenne régionale"): a summary word, and nothing
    else but a group's name."""
    return _statistic_rest(text) is not None


@lru_cache(maxsize=4096)
def _statistic_rest(text: str) -> str | None:
    """The group a statistic's name names ("" for none: "Regional average"); None when
    ``text`` is no statistic of a group."""
    words = normalise(text).split()
    if not words or len(words) > _MAX_WORDS:
        return None
    summary = default_vocabulary().summary
    marked = any(symbol in text for symbol in _SYMBOLS)
    rest: list[str] = []
    index = 0
    while index < len(words):
        for size in (3, 2, 1):
            if " ".join(words[index : index + size]) in summary:
                marked, index = True, index + size
                break
        else:
            word = words[index]
            if word in _REGIONAL:
                marked = True
            elif word not in _MANY and word not in _LINKS and not _a_count(word):
                rest.append(word)
            index += 1
    if not marked:
        return None
    named = " ".join(rest)
    if not rest:
        return named
    if iso3_in_any_language(named) is not None:
        return None  # a country's own figure ("Kenya (avg)") is the country's
    return named if named in _listed() or _made_of_region_words(rest) else None
