"""Columns headed by one word and a letter or number each: "Kelompok A | Kelompok B".

A workshop splits into groups and each group scores the capabilities in its own column:
"Group A", "Grupo 2", "Kelompok B", "Zespół 1", "Équipe bleue" aside. The vocabulary knows the
word for a group in its languages (``scorer_words``); in any other language the shape still
says it: two or more columns headed by the same word (or words) followed by a different
letter or small number each. Such columns are groups' (or scorers') views, never countries:
no country is named by one word plus "A" or "2". A year is no such tag ("Kenya 2021 | Kenya
2023" are two rounds of one country), nor is a heading whose word is a country, a header word
("Level 1") or a round ("Round 2").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from components.ingest.countries import iso3_in_any_language
from components.ingest.country_aliases import alias_of
from components.ingest.matching import classify_header
from components.ingest.vocabulary import default_vocabulary, key_of

# The tag after the shared word, set apart from it: a letter, or a number up to 99 (a year is
# a round's, and "Freedonia 2020" is no group "Freedonia 20").
_TAGGED = re.compile(r"^(?P<word>.*[^\W\d_])(?:\s+|\s*[-–_#.]\s*)(?P<tag>[A-Za-z]|\d{1,2})$")
# So many columns share the word at least, and the word has so many letters at least.
_MIN_GROUPS = 2
_MIN_LETTERS = 3


def group_columns(cells: Sequence[Any]) -> list[int]:
    """The columns of a header row headed "<word> <letter or number>" with a word shared by
    two or more of them and naming no country, header or round (see the module)."""
    by_word: dict[str, list[tuple[int, str]]] = {}
    for column, value in enumerate(cells):
        if not isinstance(value, str) or not (found := _TAGGED.match(value.strip())):
            continue
        word = key_of(found["word"])
        if word:
            by_word.setdefault(word, []).append((column, found["tag"].casefold()))
    columns: list[int] = []
    for word, tagged in by_word.items():
        tags = [tag for _, tag in tagged]
        if len(tagged) >= _MIN_GROUPS and len(set(tags)) == len(tags) and _a_group_word(word):
            columns += [column for column, _ in tagged]
    return sorted(columns)


def _a_group_word(word: str) -> bool:
    """Whether the shared word may name groups: a word (not a code such as "C" or "Q") that is
    no country, header word, capability or level code, round, target or summary."""
    vocabulary = default_vocabulary()
    codes = {*vocabulary.capability_codes, *vocabulary.enabler_codes, *vocabulary.level_words}
    return (
        len(word.replace(" ", "")) >= _MIN_LETTERS
        and len(word.split()) <= 3
        and word not in codes
        and iso3_in_any_language(word) is None
        and alias_of(word) is None
        and classify_header(word) is None
        and word not in vocabulary.round_words
        and word not in vocabulary.target_words
        and word not in vocabulary.summary
    )
