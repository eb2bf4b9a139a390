"""A header that names the scale its column is scored on: "Note (sur 4)", "Nota (0-4)", "Score /4".

"Note" is a remark in English and a grade in French ("Note (sur 4)": a grade out of 4), as
"Nota" is in Spanish and Portuguese. A header word of the evidence column followed by the
scale it is scored on names the level column: a remark is not scored out of anything. Whether
that scale is the framework's is for ``level_columns`` to say ("Note (sur 5)" is refused as
another scale, never read as notes).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from components.ingest.vocabulary import Field

# "(sur 4)", "(out of 4)", "(/4)", "(0-4)", "(0 à 4)", "(de 0 a 4)", "/4" at the end.
_SCALE_ASIDE = re.compile(
    r"(?:\(\s*(?:(?:sur|out of|of|sobre|de|em|su|van|из|dari|من)\s*|/\s*)\d{1,2}\s*\)"
    r"|\(\s*(?:de\s+|from\s+)?\d{1,2}\s*(?:-|–|—|to|à|a|al|ate|até)\s*\d{1,2}\s*\)"
    r"|/\s*\d{1,2}\s*$)",
    re.IGNORECASE,
)


_NON_WORD = re.compile(r"[^\w]+")


def names_a_scale(text: str) -> bool:
    """Whether a header says the scale its column is scored on ("Note (sur 4)", "(0-4)")."""
    return _SCALE_ASIDE.search(text) is not None


def header_field(text: str, key: str, headers: Mapping[str, Field]) -> Field | None:
    """The field a header word names (``headers[key]``, ``key`` the header as compared), or
    the level's when the header is scored out of a scale (``scored_out_of``); ``None`` when
    neither."""
    return "level" if scored_out_of(text, headers) else headers.get(key)


def scored_out_of(text: str, headers: Mapping[str, Any]) -> bool:
    """Whether a header is a level or evidence word followed by the scale it is scored on
    ("Note (sur 4)", "Nota /4", "Score (0-4)"): the level column. ``headers`` maps each header
    word (``vocabulary.key_of``) to its field."""
    if not names_a_scale(text):
        return False
    rest = " ".join(_NON_WORD.sub(" ", _SCALE_ASIDE.sub(" ", text)).casefold().split())
    return headers.get(rest) in ("level", "evidence")
