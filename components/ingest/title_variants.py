"""A capability's translated title worded a little off the framework's aliases.

People translate the titles themselves: a Spanish form asks about "Proceso de gestión de
agresores" where the aliases say "Proceso de gestión de delincuentes", "Línea de ayuda a la
infancia" for "Línea de ayuda infantil", "Denuncia de ESIA" for "Denuncia de la ESIA". These
differ from an alias only by the small words (articles, prepositions), a word's plural, or a
synonym translators use for the same word of the English title: the offender ("agresor",
"delincuente", "infractor"), the child ("infancia", "niños", "infantil"), a complaint or
report ("queja", "denuncia", "reclamação"), and the acronym for CSEA ("ESIA", "ESEC", "ESCA",
"EASE").

``variant_title`` compares such words, folded, with every title and alias of the framework:
the same words as one item's title (in any order) name that item; words shared by two items'
titles name neither. It is as strict as an exact title: no letter-by-letter guess.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache, lru_cache

from components.base.text import normalise
from components.ingest.catalogue import Catalogue

# The small words of the framework's languages (English, French, Spanish, Portuguese).
_SMALL = frozenset(
    " ".join(
        (
            "of the and to for a an in on",
            "de des du d l la le les a au aux et en pour par",
            "del el los las al y e para por con",
            "do da dos das o os as no na nos nas ao aos",
        )
    ).split()
)
# Words translators use for one word of the English title, each folded to that word.
_SYNONYM_WORDS = {
    "offender": (
        "agresor agresores delincuente delincuentes infractor infractores",
        "agressor agressores delinquente delinquentes infrator infratores",
        "delinquant delinquants agresseur agresseurs auteur auteurs",
    ),
    "child": (
        "infancia infantil infantiles nino ninos nina ninas ninez",
        "crianca criancas infantis enfant enfants enfance",
    ),
    "csea": ("csea esia esec esca ease eas escnna esnna",),
    "complaint": (
        "queja quejas denuncia denuncias reclamacion reclamaciones",
        "queixa queixas reclamacao reclamacoes plainte plaintes",
    ),
}
_SYNONYMS = {
    word: meaning for meaning, lines in _SYNONYM_WORDS.items() for word in " ".join(lines).split()
}


def _stem(word: str) -> str:
    """A word's plural taken off, alike in the languages read ("sistemas", "agresores")."""
    if len(word) > 5 and word.endswith("es"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s"):
        return word[:-1]
    return word


def _words(key: str) -> frozenset[str]:
    found = set()
    for word in key.split():
        if word in _SMALL:
            continue
        found.add(_SYNONYMS.get(word) or _SYNONYMS.get(_stem(word)) or _stem(word))
    return frozenset(found)


@cache
def _variants(catalogue: Catalogue) -> Mapping[frozenset[str], int]:
    """Each title's and alias's folded words -> its item, for words that name one item only."""
    named: dict[frozenset[str], set[int]] = {}
    for text, number in [*((t, n) for n, t in catalogue.titles.items()), *catalogue.aliases]:
        words = _words(normalise(text))
        if words:
            named.setdefault(words, set()).add(number)
    return {words: next(iter(found)) for words, found in named.items() if len(found) == 1}


@lru_cache(maxsize=8192)
def variant_title(key: str, catalogue: Catalogue) -> int | None:
    """The item whose title or alias ``key`` (normalised) words differently (see the module),
    or ``None``."""
    words = _words(key)
    if not words or len(words) > 8:
        return None
    return _variants(catalogue).get(words)


@cache
def _exact(catalogue: Catalogue) -> frozenset[str]:
    return frozenset(normalise(t) for t in [*catalogue.titles.values(), *dict(catalogue.aliases)])


def worded_off(text: str, catalogue: Catalogue) -> int | None:
    """The item ``text`` names only as a variant (not its title or an alias as written), or
    ``None``: what a reader that took it says it assumed."""
    key = normalise(text)
    return None if key in _exact(catalogue) else variant_title(key, catalogue)
