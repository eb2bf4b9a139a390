"""Several labels with their values typed in one cell: "Country: Kenya    Date: 14 March 2024".

A form's heading line often holds all its labels in one merged cell, spaced out by hand, by a
tab, a line break, a bar or a semicolon ("Country: Kenya | Year: 2024", "Pays : Sénégal ;
Année : 2023"). Read as one label and its value, the country was "Kenya Date of assessment:
14". Here the cell is cut before each metadata label of the vocabulary that ends in a colon,
and each label gets the words up to the next one. A colon not after a label ("10:30", "Note:
see annex") stays part of the value before it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from components.ingest.by_lines import colon_form
from components.ingest.matching import METADATA_FIELDS, classify_header
from components.ingest.vocabulary import Field

# A label is at most so many words ("date of the assessment").
_MAX_LABEL_WORDS = 4
# What people put between two pairs, left off the value before.
_BETWEEN = " \t\n|;,/–—-·•"


@lru_cache(maxsize=4096)
def labels_in_cell(text: str) -> tuple[tuple[Field, str], ...] | None:
    """The (field, value) pairs of a cell holding two labels or more with their values, in
    order; ``None`` for a cell holding one at most (``drafts.label_and_value``'s business)."""
    text = colon_form(text)  # SAS's by-line: "country=Kenya year=2023"
    if text.count(":") < 2:
        return None
    segments = text.split(":")
    first = classify_header(segments[0].strip())
    if first not in METADATA_FIELDS:
        return None
    pairs: list[tuple[Field, str]] = []
    field, value = first, ""
    for segment in segments[1:-1]:
        cut = _label_at_end(segment)
        if cut is None:
            value += (":" if value else "") + segment
            continue
        start, label = cut
        value += (":" if value else "") + segment[:start]
        pairs.append((field, value))
        field, value = label, ""
    value += (":" if value else "") + segments[-1]
    pairs.append((field, value))
    cleaned = tuple((f, " ".join(v.strip(_BETWEEN).split())) for f, v in pairs)
    if len(cleaned) < 2 or any(not v for _, v in cleaned):
        return None
    return cleaned


def _label_at_end(segment: str) -> tuple[int, Field] | None:
    """(where it starts, its field) of the metadata label that ends ``segment`` (the words
    before a colon), the longest one, when something comes before it."""
    words = list(re.finditer(r"\S+", segment))
    for n in range(min(_MAX_LABEL_WORDS, len(words) - 1), 0, -1):
        start = words[-n].start()
        name = classify_header(segment[start:].strip())
        if name in METADATA_FIELDS:
            return start, name
    return None
