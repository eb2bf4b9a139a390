"""Headers as people and tools reword them: the vocabulary's words with a qualifier, or joined.

``matching.classify_header`` asks here when a header is no header word of
``mnr_data/headers.toml`` as written. Four kinds, in the vocabulary's languages:

* a tool's variable name: camelCase ("countryIso3", "surveyYear") read as words, as snake_case
  ("country_iso3") and dotted names ("country.iso3") already are;
* the country's code named with the country: "country_iso3", "Country ISO", "ISO3 du pays":
  the code column (ISO3), which is what its cells hold;
* the year of a survey or study, as statistics packages label it (Stata's and SPSS's variable
  labels): "Survey year", "Year of survey", "Année de l'enquête", "Año de la encuesta", "Ano da
  pesquisa"; and the year of the assessment's own steps, as member-state tables and M&E tools
  head it: "Year of validation", "Validation year", "Year of self-assessment", "Submission
  year", "Année de validation". Only these collection words: "Year of adoption" or "Target
  year" name another year, never the assessment's;
* the level named by a maturity or score word with "current" ("Current maturity", "Maturité
  actuelle", "Madurez actual", "Maturidade atual"). A qualifier meaning a level to reach or one
  from before ("Target maturity", "Previous score") never makes a level column.

And a level heading that names one capability or enabler ("C1_level", "cap_07_score",
"E3_rating"), as SPSS and R name a variable: a column of that item's levels (as "C1" alone is),
never the level column of a table of rows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from components.ingest.vocabulary import Field, key_of

# "countryIso3", "surveyYear", "assessmentYEAR": a lower-case letter then a capital.
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# Words that link the parts: "year of the survey", "année de l'enquête", "ano da pesquisa".
_LINKS = frozenset({"of", "the", "de", "d", "l", "la", "le", "du", "del", "do", "da", "des"})
_YEAR_WORDS = frozenset({"year", "yr", "annee", "an", "ano", "anio", "jahr"})
# What a survey, study or assessment is called: its year is the assessment's.
_COLLECTION_WORDS = frozenset(
    {
        "survey", "study", "evaluation", "review", "data", "collection", "report", "round",
        "wave", "measurement", "scoring", "rating", "response", "enquete", "etude", "collecte",
        "donnees", "sondage", "rapport", "revue", "encuesta", "estudio", "datos", "informe",
        "relevamiento", "recoleccion", "revision", "pesquisa", "inquerito", "estudo", "dados",
        "coleta", "recolha", "levantamento", "relatorio", "revisao",
        # the assessment's own steps: made, validated, submitted, reported
        "assessment", "validation", "validated", "submission", "submitted", "reporting",
        "reported", "scored", "evaluated", "assessed", "soumission", "validacion",
        "evaluacion", "presentacion", "validacao", "avaliacao", "submissao",
    }
)  # fmt: skip
# A word that joins a collection word as one ("self-assessment", "auto-évaluation").
_SELF_WORDS = frozenset({"self", "auto"})
# A maturity or score word: the level when "current" qualifies it.
_LEVEL_NOUNS = frozenset(
    {
        "maturity", "level", "score", "rating", "stage", "grade", "maturite", "niveau",
        "notation", "note", "cotation", "madurez", "nivel", "puntuacion", "puntaje",
        "calificacion", "maturidade", "pontuacao", "nota", "classificacao",
    }
)  # fmt: skip
_CURRENT_WORDS = frozenset(
    {
        "current", "present", "actual", "today", "todays", "now", "assessed", "validated",
        "actuel", "actuelle", "presente", "evalue", "evaluee", "valide", "validee",
        "vigente", "evaluado", "evaluada", "validado", "validada", "atual", "avaliado",
        "avaliada",
        # the level reached or retained: "Niveau retenu", "Score final", "Nível atingido"
        "retenu", "retenue", "atteint", "atteinte", "obtenu", "obtenue", "final", "finale",
        "definitif", "definitive", "alcanzado", "alcanzada", "obtenido", "obtenida",
        "definitivo", "definitiva", "atingido", "atingida", "alcancado", "alcancada", "obtido",
        "obtida", "achieved", "reached", "agreed", "retained",
    }
)  # fmt: skip
# "C1_level", "cap_07_score", "E3_rating": a capability's or enabler's code, then a level word.
# A form tool's name may carry the question's group path before it ("grp_pg/c01_level",
# ODK Central's "grp_pg-c01_level").
_ONE_ITEM = re.compile(
    r"^(?P<code>(?:c|cap|capability|mnr|e|en|enabler)\s?\d{1,2})\s"
    r"(?:level|score|rating|maturity|niveau|nivel|nivel de madurez|niveau de maturite)$"
)


def reworded_field(text: str, headers: Mapping[str, Field]) -> Field | None:
    """The column a reworded header names (see the module), or ``None``."""
    key = key_of(_CAMEL.sub(" ", text)) if _CAMEL.search(text) else key_of(text)
    if key in headers:
        return headers[key]
    words = [word for word in key.split() if word not in _LINKS]
    if len(words) == 3 and words[-2] in _SELF_WORDS:  # "year of self-assessment"
        words = [*words[:-2], words[-1]]
    elif len(words) == 3 and words[0] in _SELF_WORDS:  # "self-assessment year"
        words = words[1:]
    if not 2 <= len(words) <= 3:
        return None
    fields = {headers.get(word) for word in words}
    if len(words) == 2 and fields == {"country", "iso3"}:
        return "iso3"
    if len(words) == 2 and words[0] in _YEAR_WORDS | _COLLECTION_WORDS:
        year, what = (words[0], words[1]) if words[0] in _YEAR_WORDS else (words[1], words[0])
        if year in _YEAR_WORDS and what in _COLLECTION_WORDS:
            return "year"
    if (
        any(word in _LEVEL_NOUNS for word in words)
        and all(word in _LEVEL_NOUNS | _CURRENT_WORDS for word in words)
        and any(word in _CURRENT_WORDS for word in words)
        and words[-1] != "note"  # "Final note" is a closing remark; "Note finale" a grade
    ):
        return "level"
    return None


# Bounded: the keys are user text, and a long-running server must not grow without limit.
@lru_cache(maxsize=8192)
def one_item_code(text: str) -> str | None:
    """The code of the one capability (or enabler) whose level column a header is: "c1" for
    "C1_level", "cap 07" for "cap_07_score"; ``None`` for any other header."""
    found = _ONE_ITEM.match(key_of(_GROUPS.sub("", text.strip())))
    if found:
        return found["code"]
    named = question_code(text)  # "mnr_c01_level": a form tool's name of the question
    return named[0] if named and named[1] else None


# The groups of a form tool's question path: Kobo's "grp_pg/", ODK Central's "grp_pg-" (a
# letter after the "-": "C-1_level" is a code with its dash, not a group).
_GROUPS = re.compile(r"^(?:[A-Za-z][\w.]*/)+|^(?:[A-Za-z][\w.]*-)+(?=[A-Za-z])")


# A form tool's question name, one word in snake_case: its groups ("grp_pg/", "grp_pg-"), the
# form's prefix ("mnr_"), the code ("c01", "cap_07"), maybe a level word ("_level").
_QUESTION_NAME = re.compile(
    r"(?P<path>(?:[A-Za-z][\w.]*[/-])*(?:[A-Za-z]{2,12}_)?)"
    r"(?P<code>(?:c|cap|e|en)_?\d{1,2})(?:_(?:level|lvl|score|rating|maturity))?",
    re.IGNORECASE,
)


def question_code(text: str) -> tuple[str, bool] | None:
    """The item code in a form tool's question name, and whether a group path or the form's
    prefix came before it: ("c01", True) for "grp_pg/c01_level" and "mnr_c1", ("c01", False)
    for "c01_level"; ``None`` for any other header (a header with spaces is never one)."""
    found = _QUESTION_NAME.fullmatch(text.strip())
    return (found["code"], bool(found["path"])) if found else None
