"""The round named beside the year in a title or a sheet name: "2021 Baseline", "Kenya -
Midline (2023)", "Référence 2021", "Línea de base 2021", "Revisão 2024", "Round 2 (2022)".

A part of the text (between dashes, commas, brackets) that holds only the vocabulary's round
words ("round_words" of ``mnr_data/headers.toml``, a number may follow: "Round 2"), or the
country's name and round words, names the round; the round goes with the year of the same
text, as a quarter does ("Q1 2024"). Any other word ("Kenya 2021 Summary", "2021 Scores",
"MNR review 2024", a copy mark "2021 (2)") names none: the round is never guessed from a word
that is not a round's. "Final" says which copy of a document it is, not a round, and two
different rounds in one text say none. ``context`` warns where the round was taken from.
"""

from __future__ import annotations

from collections.abc import Iterable

from components.base.text import normalise
from components.ingest.values import without_round_words
from components.ingest.vocabulary import Vocabulary

# Round words that, in a title or a sheet name, say the state of the document ("Final").
_DOCUMENT_STATES = frozenset({"final", "finale"})


def named_round(parts: Iterable[str], country: str | None, vocabulary: Vocabulary) -> str | None:
    """The round the ``parts`` of a title or sheet name (its years taken out) name, if one."""
    found: dict[str, str] = {}
    for part in parts:
        if not normalise(part):
            continue
        rest, label = without_round_words(part.strip(), vocabulary)
        if not label or normalise(label) in _DOCUMENT_STATES:
            continue
        if normalise(rest) and (country is None or normalise(rest) != normalise(country)):
            continue  # another word beside the round: not certain it is one
        found.setdefault(normalise(label), label)
    return next(iter(found.values())) if len(found) == 1 else None
