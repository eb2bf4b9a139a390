"""Headers made of two header words: "Level and comment", "Capacité / Capability".

Two shapes people write, each read as one column:

* the level and a remark in one column, headed so: "Level and comment", "Level / comment",
  "Level & notes", "Level, comment", "Niveau et commentaire", "Nivel y comentarios". Its
  first part is a level header and the rest an evidence header, so it is the level column
  (its cells, "3 – committee meets quarterly", are read with a warning each);
* a bilingual header, the same header in two languages joined by "/", "|" or a line break:
  "Capacité / Capability", "Capability / Capacidad", "Pays | Country". Each part that is a
  header word names the column; parts naming different columns ("Country / Year") name none.
  Side by side with a space alone, as WPS Office and bilingual templates write them ("年份
  Year", "国家 Country", "Année Year", or "年份Year" with no space where the script changes),
  both parts must be header words of the same field (``side_by_side``): "Country Name" is
  one header word, "Country Year" none. In brackets ("Année (Year)") the aside is dropped.

And a pivot table's caption that counts ("Count of Level", "Nombre de Niveau"): no level
column, as it holds how many levels there were (see ``pivots``).

``matching.classify_header`` asks here when the whole header is no header word.
"""

from __future__ import annotations

import re
import unicodedata
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
# Two header words side by side ("Assessment year Année d'évaluation") have at most so many.
_MOST_WORDS = 8
# A value after a colon: the cell is a label with its value ("Year: 2023"), not a header.
_VALUE_AFTER = re.compile(r":\s*\S")


def two_part_field(
    text: str, headers: Mapping[str, Field], classify: Callable[[str], Field | None]
) -> Field | None:
    """The column a header of two header words names, or ``None`` (see the module)."""
    if _level_with_remark(key_of(text), headers):
        return "level"
    parts = [part for part in _LANGUAGES.split(text) if part.strip()]
    if _VALUE_AFTER.search(text):
        return None  # "السنة / Year: 2023" is a label with its value, no header
    if len(parts) < 2:
        return side_by_side(text, headers)
    fields = {classify(part) for part in parts} - {None}
    return fields.pop() if len(fields) == 1 else None


def side_by_side(text: str, headers: Mapping[str, Field]) -> Field | None:
    """The field of two header words of it side by side, a space (or only a change of script)
    between them: "年份 Year", "国家Country", "Année Year", "Pays Country"; ``None`` when the
    header is not two such words, or they name different fields ("Country Year")."""
    words = _between_scripts(text).split()
    if not 2 <= len(words) <= _MOST_WORDS:
        return None
    for cut in range(1, len(words)):
        first, second = key_of(" ".join(words[:cut])), key_of(" ".join(words[cut:]))
        field = headers.get(first)
        if field is not None and first != second and headers.get(second) == field:
            return field
    return None


def _between_scripts(text: str) -> str:
    """The text with a space where Latin letters meet another script's ("年份Year")."""
    if text.isascii():
        return text
    spaced = []
    before = None
    for ch in text:
        script = _script(ch)
        if script and before and script != before:
            spaced.append(" ")
        spaced.append(ch)
        before = script or before
    return "".join(spaced)


def _script(ch: str) -> str | None:
    """ "latin" or "other" for a letter, ``None`` for anything else."""
    if not ch.isalpha():
        return None
    return "latin" if ch.isascii() or unicodedata.name(ch, "").startswith("LATIN") else "other"


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
