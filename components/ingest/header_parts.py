"""Headers made of two header words: "Level and comment", "Capacité / Capability".

Two shapes people write, each read as one column:

* the level and a remark in one column, headed so: "Level and comment", "Level / comment",
  "Level & notes", "Level, comment", "Niveau et commentaire", "Nivel y comentarios". Its
  first part is a level header and the rest an evidence header, so it is the level column
  (its cells, "3 – committee meets quarterly", are read with a warning each);
* a bilingual header, the same header in two languages joined by "/", "|" or a line break:
  "Capacité / Capability", "Capability / Capacidad", "Pays | Country". Each part that is a
  header word names the column; parts naming different columns ("Country / Year") name none.

And a pivot table's caption that counts ("Count of Level", "Nombre de Niveau"): no level
column, as it holds how many levels there were (see ``pivots``).

``matching.classify_header`` asks here when the whole header is no header word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from components.ingest.vocabulary import Field, key_of

# Words joining the level and the remark: "Level and comment", "Niveau et commentaire".
_JOINS = frozenset({"and", "et", "y", "e", "with", "avec", "con", "com", "plus"})
# An Excel pivot table's caption of its value field: "Average of Level", "Somme de Niveau".
PIVOT_CAPTION = re.compile(
    r"^(?P<how>sum|average|count|counta|min|max|product|stddev|var|somme|moyenne|nombre|suma"
    r"|promedio|cuenta|recuento|soma|media|contagem|contar)\s+(?:of|de|do|da|del)\s+(?P<of>\S.*)$",
)
_COUNTS = frozenset({"count", "counta", "nombre", "cuenta", "recuento", "contagem", "contar"})
# What joins the languages of a bilingual header.
_LANGUAGES = re.compile(r"\s*[/|\n]\s*")
# A value after a colon: the cell is a label with its value ("Year: 2023"), not a header.
_VALUE_AFTER = re.compile(r":\s*\S")


def two_part_field(
    text: str, headers: Mapping[str, Field], classify: Callable[[str], Field | None]
) -> Field | None:
    """The column a header of two header words names, or ``None`` (see the module)."""
    if _level_with_remark(key_of(text), headers):
        return "level"
    parts = [part for part in _LANGUAGES.split(text) if part.strip()]
    if len(parts) < 2 or _VALUE_AFTER.search(text):
        return None  # "السنة / Year: 2023" is a label with its value, no header
    fields = {classify(part) for part in parts} - {None}
    return fields.pop() if len(fields) == 1 else None


def _level_with_remark(key: str, headers: Mapping[str, Field]) -> bool:
    """ "level and comment": a level header, then (after a joining word) an evidence header."""
    words = [word for word in key.split() if word not in _JOINS]
    return any(
        headers.get(" ".join(words[:cut])) == "level"
        and headers.get(" ".join(words[cut:])) == "evidence"
        for cut in range(1, len(words))
    )


def counts_levels(key: str, headers: Mapping[str, Field]) -> bool:
    """Whether a header (as ``key_of`` gives it) is a pivot's count of the levels: "Count of
    Level", "Nombre de Niveau" (not "Nombre del país", Spanish for the country's name)."""
    caption = PIVOT_CAPTION.match(key)
    return (
        caption is not None and caption["how"] in _COUNTS and headers.get(caption["of"]) == "level"
    )
