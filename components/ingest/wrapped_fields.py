"""A tool's own wrapper around the names of the fields people made: Jira's "Custom field (…)".

Jira's CSV export heads each custom field "Custom field (MNR Level)", "Custom field (Country)",
"Custom field (Assessment Year)". The reader drops asides in brackets from a header ("Level
(0-4)" is the level), so such a header was left with "Custom field", which names nothing: the
level column went unread and the work-state column "Status" was taken for it instead.
``unwrapped_field`` gives the name inside, and ``vocabulary.key_of`` compares a header by it,
so it is read as any header is, for every field: the level, the country, the year, the
capability. The wrapper is Jira's in the languages it is exported in.
"""

from __future__ import annotations

import re
from typing import Any

# "Custom field (MNR Level)", and the same in Jira's other languages.
_WRAPPED = re.compile(
    r"\s*(?:custom\s*field|benutzerdefiniertes\s+feld|champ\s+personnalis[ée]|"
    r"campo\s+personali[sz]ado|campo\s+personalizzato|aangepast\s+veld|"
    r"pole\s+niestandardowe)\s*\((?P<name>[^()]*(?:\([^()]*\)[^()]*)*)\)\s*",
    re.IGNORECASE,
)


def unwrapped_field(value: Any) -> Any:
    """The field's own name inside a tool's wrapper ("MNR Level" for "Custom field (MNR
    Level)"); any other value as it is."""
    if not isinstance(value, str) or "(" not in value:
        return value
    found = _WRAPPED.fullmatch(value)
    return found["name"].strip() or value if found else value
