"""A level followed by an earlier year's level in brackets: "4 (2021: 3)", "4 (in 2021: 3)".

People who update last round's sheet keep the old level beside the new one: "4 (2021: 3)",
"4 (2021 – 3)", French "4 (2021 : 3)", "4 (en 2021 : 3)", Portuguese "4 (em 2021: 3)", or "4 (3
in 2021)", or in words: "4 (up from 3)", "4 (was 3 in 2021)", "4 (avant : 3)". The level
before the brackets is the cell's level, read with a warning that the bracket's earlier level
was not read (it belongs to the assessment of its own year), said once per assessment and
column. Both levels must be levels of the scale, else the cell is not of this kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from components.base.text import shorten

Verdict = tuple[int | None, str, str, str]

_YEAR = r"(?:19|20)\d{2}"
# "in", "en", "em", "au", "no", "na", "el": a small word before or after the year.
_IN = r"(?:in|en|em|au|dans|no|na|el|en el|year|année|annee|año|ano)"
_SEP = r"(?:[:=–—-]|->|→)"
# "up from", "was", "previously": words that say the level in brackets came before.
_BEFORE = (
    r"(?:up from|down from|from|was|previously|before|earlier|avant|auparavant|était|etait"
    r"|antes|anteriormente|era|estaba)"
)
_BRACKET = re.compile(
    rf"^(?P<now>[^()\[\]]+?)\s*[(\[]\s*(?:"
    rf"(?:{_IN}\s+)?(?P<year>{_YEAR})\s*{_SEP}?\s*(?P<then>[^()\[\]]+?)"
    rf"|{_BEFORE}\s*:?\s*(?P<then3>[^()\[\]]+?)(?:\s+(?:{_IN}\s+)?(?P<year3>{_YEAR}))?"
    rf"|(?P<then2>[^()\[\]]+?)\s+(?:{_IN}\s+)?(?P<year2>{_YEAR})"
    rf")\s*[)\]]\s*$",
    re.IGNORECASE,
)

EARLIER_LEVEL_FIX = (
    "Write only the current level in the cell; an earlier year's level belongs to that year's "
    "assessment (or to the Evidence column)."
)


def earlier_level(text: str, read: Callable[[str], Any]) -> Verdict | None:
    """The level before an earlier year's level in brackets, with a warning; ``read`` reads
    one level (``values.parse_level``). ``None`` when the cell is not of this kind."""
    found = _BRACKET.match(text.strip())
    if found is None:
        return None
    year = found["year"] or found["year2"] or found["year3"]
    then = (found["then"] or found["then2"] or found["then3"]).strip(" .:")
    now = read(found["now"].strip())
    earlier = read(then)
    if now.error or now.level is None or earlier.error or earlier.level is None:
        return None
    when = f" in {year}" if year else ""
    warning = (
        f"“{shorten(' '.join(text.split()), 60)}” was read as level {now.level}; the earlier "
        f"level in brackets ({earlier.level}{when}) was not read (nor in the other cells of this "
        "assessment's column that give one)"
    )
    return now.level, "", warning, EARLIER_LEVEL_FIX
