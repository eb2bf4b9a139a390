"""A column headed by an item's title whose own words are a header word: "E7 Data and evidence
on CSEA".

Enabler 7's title holds "evidence", a word of the notes column's header; a capability's or an
enabler's title in another framework may hold "level", "score" or "country". Headed by the
title alone the column is the item's (``layout`` knows exact titles), but with a code or a
number before it ("E7 Data and evidence on CSEA", "7. Data and evidence on CSEA") the header
was read by its words, as a column of notes, and its levels were left out while E1 to E6 beside
it were read. ``own_title_item`` tells such a header apart: it names an item for certain, and
the header word it holds is in that item's title, nothing around the title being a header
word itself ("Data and evidence on CSEA – comments" stays the notes of enabler 7).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from components.base.text import normalise
from components.ingest.catalogue import Catalogue
from components.ingest.matching import classify_header, exact_reference


def own_title_item(value: Any, catalogue: Catalogue) -> int | None:
    """The item a header names by its title when the header word in it is the title's own,
    else ``None`` (a header that is no header word, or one that names nothing)."""
    if not isinstance(value, str) or len(value) > 300:
        return None
    return _own_title_item(value, catalogue)


@lru_cache(maxsize=4096)
def _own_title_item(text: str, catalogue: Catalogue) -> int | None:
    number = exact_reference(text, catalogue)
    if number is None:
        return None
    title = normalise(catalogue.titles[number])
    key = f" {normalise(text)} "
    if not title or f" {title} " not in key or classify_header(title) is None:
        return None
    rest = " ".join(key.replace(f" {title} ", " ", 1).split())
    # What stands around the title is its code or number ("E7", "7"), never a header word.
    return number if not rest or classify_header(rest) in (None, "number") else None
