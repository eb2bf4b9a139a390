"""A column beside the level saying what the level is out of: "Max score", "Out of".

A long table often carries the scale's top beside each score ("Score | Max score", "Puntuación
| Puntuación máxima"), the same number on every row. Headed like the level, it would make two
level columns and the table would be refused as ambiguous; it is no level column. When its
number is this framework's top (4) it says nothing new and is left aside in silence; when it
is another number ("out of 5"), the scores are on another scale and the level column is
refused, as a header "Score (1-5)" is (``level_columns``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from components.base.text import normalise
from components.ingest.matching import classify_header
from components.ingest.sheets import Sheet

# "Max score", "Maximum", "Score max.", "Puntuación máxima", "Pontuação máxima", "Out of",
# "Note maximale", "Possible score": words of a header naming the scale's top.
_MAXIMUM = re.compile(r"\b(?:max|maxi|maximum|maximal|maximale|maxima|maximo|possible|out of)\b")
# What the maximum is of, besides a level header's own words ("Note maximale").
_SCORE_WORDS = frozenset({"score", "note", "points", "puntaje", "puntos", "pontos", "pts"})
# The scale's top is a small whole number: a year or a count of participants is not one.
_LARGEST_TOP = 100


def _is_maximum_header(value: Any) -> bool:
    """A header that says only "maximum", or the maximum of the score ("Max score", "Score
    max."): not any header with the word in it ("Max participants", "Sources (max 3)")."""
    if not isinstance(value, str):
        return False
    key = normalise(value)
    if _MAXIMUM.search(key) is None:
        return False
    rest = " ".join(_MAXIMUM.sub(" ", key).split())
    return not rest or rest in _SCORE_WORDS or classify_header(rest) == "level"


def _constant(sheet: Sheet, header: int, column: int) -> float | None:
    """The one number every filled cell below ``header`` holds, or ``None``."""
    found: set[float] = set()
    for cell in sheet.column(column, header + 1, len(sheet.rows)):
        if cell is None:
            continue
        value = cell
        if isinstance(cell, str):
            try:
                value = float(cell.strip().replace(",", "."))
            except ValueError:
                return None
        if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
            return None
        found.add(float(value))
        if len(found) > 1:
            return None
    top = next(iter(found)) if found else None
    return top if top is not None and 0 < top <= _LARGEST_TOP and top.is_integer() else None


def maximum_column(sheet: Sheet, header: int, column: int) -> float | None:
    """The number a column headed like a maximum holds on every row, or ``None`` when the
    column is not one (another header, or values that vary)."""
    if not _is_maximum_header(sheet.value(header, column)):
        return None
    return _constant(sheet, header, column)


def level_columns(
    sheet: Sheet, header: int, fields: Mapping[Any, int]
) -> tuple[list[int], dict[Any, int]]:
    """The columns of the ``header`` row headed like the level, less those saying the
    maximum, and ``fields`` with the level moved off such a column; all of them when no other
    would be left."""
    cells = sheet.rows[header] if header < len(sheet.rows) else ()
    levels = [c for c, value in enumerate(cells) if classify_header(value) == "level"]
    kept = [c for c in levels if maximum_column(sheet, header, c) is None]
    if not kept or len(kept) == len(levels):
        return levels, dict(fields)
    if fields.get("level") not in kept:
        return kept, {**fields, "level": kept[0]}
    return kept, dict(fields)


def maximum_beside(sheet: Sheet, header: int, level: int, top: int) -> tuple[int, float] | None:
    """A column of the header row beside the ``level`` column saying the levels are out of
    another number than ``top`` (column, number), or ``None``."""
    for column, value in enumerate(sheet.rows[header] if header < len(sheet.rows) else ()):
        if column == level or not _is_maximum_header(value):
            continue
        number = _constant(sheet, header, column)
        if number is not None and number != top:
            return column, number
    return None
