"""The year of a round named at the start of a cover's note: "MNR 2025 round – shared on …".

A workbook shared for a round often says so on a sheet of its own, in a sentence rather than
a title: "MNR 2025 round – shared on OneDrive. Level (0-4) is the agreed level; Previous level
kept for the audit trail." on an "About" sheet beside the table. A person reads the year the
round is of; the table has none. ``titled_year`` reads it only from a note's first part (up to
its first dash, full stop or colon) made of the year and the title's and rounds' words alone
("MNR", "self-assessment", "round", "baseline"): a year in a note's other words ("updated in
2025", "see the 2023 report") is not the assessment's, and a note with two years gives none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Protocol

from components.base.text import normalise
from components.ingest.drafts import Meta
from components.ingest.values import When
from components.ingest.vocabulary import default_vocabulary

# The first part of a note: up to a dash set apart, a full stop, a colon or a semicolon.
_FIRST_PART = re.compile(r"\s[-–—]\s|[.;:!?](?:\s|$)|\s\|\s")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


class _Title(Protocol):
    """A title line found on the cover (``context.Found``): its text and when it says."""

    text: str
    when: When


def titled_year(titles: Sequence[_Title]) -> Meta | None:
    """The year of the cover's one note whose first part is a round's title (see the
    module), as metadata; ``None`` for anything else."""
    if len(titles) != 1 or titles[0].when.year is None:
        return None
    title = titles[0]
    first = _FIRST_PART.split(title.text, maxsplit=1)[0]
    years = set(_YEAR.findall(title.text))
    if years != {str(title.when.year)} or not _YEAR.search(first):
        return None
    words = normalise(_YEAR.sub(" ", first)).split()
    if not words or any(word not in _title_words() for word in words):
        return None
    return Meta(when=When(title.when.year))


@cache
def _title_words() -> frozenset[str]:
    """The words of titles and rounds, one by one ("mnr", "self", "assessment", "round")."""
    vocabulary = default_vocabulary()
    phrases = vocabulary.title_words | frozenset(vocabulary.round_words)
    return frozenset(word for phrase in phrases for word in normalise(phrase).split())
