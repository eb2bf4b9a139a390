"""A label's value run on into a note or a key: "Country: Bangladesh · Assessment 2024 ·
Maturity key: Empty = Not in place, Quarter = Building, …".

A line under a table often says everything at once, its parts set apart by a middle dot, a
bullet, a bar or a semicolon: the country, the round, and the key of the levels. Read as the
Country label's value, all of it was the country's name ("Bangladesh · Assessment 2024 ·
Maturity key: …", then "Bangladesh · Assessment" with the year 2024). ``without_notes`` ends
the value before the first part that is a key or a note (one giving meanings, "Empty = Not in
place", or headed "Key:", "Legend:", "Note:", "Scale:", "Source:"), and reads a part that is
only the assessment's words and a year ("Assessment 2024", "MNR round 2024") as that year, so
that the country is "Bangladesh" and its year 2024. Anything else stays as it was written.
"""

from __future__ import annotations

import re
from functools import lru_cache

from components.base.text import normalise
from components.ingest.vocabulary import default_vocabulary

# What people set the parts of such a line apart with.
_SEPARATOR = re.compile(r"\s+[·•|]\s+|\s*;\s+")
# A part that is a key or a note: meanings given ("Empty = Not in place"), or a heading.
_NOTE = re.compile(
    r"[^:]{0,30}?\b(?:key|legend|scale|note|notes|nb|source|sources|cl[ée]|l[ée]gende|"
    r"leyenda|escala|nota|fuente)\s*:",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


@lru_cache(maxsize=1024)
def without_notes(value: str) -> str:
    """A label's value less the key or notes it runs on into, a part naming only the
    assessment's year read as that year; ``value`` as it is when it has neither."""
    parts = _SEPARATOR.split(value)
    if len(parts) < 2:
        return value  # the usual case: one value
    cut = next((i for i, part in enumerate(parts) if "=" in part or _NOTE.match(part)), None)
    if cut == 0:
        return value
    kept = parts[:cut]
    words = default_vocabulary().title_words
    years = []
    for part in kept[1:]:
        found = _YEAR.findall(part)
        rest = normalise(_YEAR.sub(" ", part)).split()
        if len(found) != 1 or not all(w in words for w in rest):
            years = []
            break
        years.append(found[0])
    if years and len(set(years)) == 1:
        # "Bangladesh · Assessment 2024": the assessment's year, after the country's name.
        return f"{kept[0]} {years[0]}"
    if cut is None:
        return value  # no key, no note: as written
    # The value as written up to the key or the note.
    separators = list(_SEPARATOR.finditer(value))
    return value[: separators[cut - 1].start()]
