"""SAS's by-group lines: "country=Kenya" above each group's table, read as "Country: Kenya".

``PROC PRINT; BY country;`` (and ``PROC REPORT``, ``PROC TABULATE`` with BY groups), sent to
Excel through ODS EXCEL or ODS TAGSETS.EXCELXP, writes a by-line above each group's rows:
the BY variables' names (or labels) and values joined by "=", several of them side by side:
``country=Kenya``, ``country=Sri Lanka year=2023``, ``Country=Kenya Assessment year=2023``.
Such a line is the table's context as a title line "Country: Kenya" is (``drafts``'
``label_and_value``, ``label_pairs``' several labels in one cell), so ``colon_form`` writes it
so before it is read: each "=" after a word becomes ": ". What comes before each "=" must then
be a label the reader knows (country, year, date, round, ISO3, …), as for a colon: "Level = 3"
or a key's "0 = Not in place" stay what they were, and a formula's text ("=SUM(…)") is left
alone.
"""

from __future__ import annotations

import re

# "=" after a word, before a value: never a cell that starts with it (a formula's text).
_EQUALS = re.compile(r"(?<=\w)\s*=\s*(?=\S)")


def colon_form(text: str) -> str:
    """ "country=Kenya year=2023" -> "country: Kenya year: 2023"; text with a colon, or no
    "=" after a word, unchanged."""
    if "=" not in text or ":" in text or text.lstrip().startswith("="):
        return text
    return _EQUALS.sub(": ", text)
