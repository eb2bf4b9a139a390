"""Columns of level marks: a tick form's "Level 0" … "Level 4", and marks a key reads.

A form that asks people to mark one box per capability heads its boxes with the levels: "0"
… "4", the labels ("Not in place" … "Mature"), or the level word and the number ("Level 0" …
"Level 4", "Niveau 2", "Nivel 3 - Establecido"). The last read as headers name the Level
column, so the first of them ("Level 0") or the last ("Level 4") was taken for the level
column, its "yes" or TRUE refused or its blanks read as not assessed. A header that names
one level of the scale (the level word, then one level's number, perhaps its label) heads a
tick column; "Level" alone, "Level (2024)" or "Level 2024" still heads the level column.

A column of marks ("★★★☆", "◑", "II") is an assessment's column when a key of the file gives
the marks levels (``mark_keys``), as a column of numbers is: a country's column in a table of
countries across is not skipped for holding them. Roman numerals ("I", "II") name capabilities
only as weakly as small numbers do: a column of them may be levels.
"""

from __future__ import annotations

from typing import Any

from components.framework.model import Scale
from components.ingest.mark_keys import ROMAN, keyed_mark
from components.ingest.matching import classify_header
from components.ingest.sheets import ReadContext
from components.ingest.values import parse_level


def tick_header(value: Any, scale: Scale) -> bool:
    """Whether a header cell may head one level's tick column: no header field of its own
    ("0", "Mature"), or the level word with one level's number ("Level 2")."""
    if classify_header(value) is None:
        return True
    if not isinstance(value, str) or not any(ch.isdigit() for ch in value):
        return False
    reading = parse_level(value, scale)
    return reading.level is not None and not reading.error and not reading.warning


def reads_as_level(ctx: ReadContext, value: Any) -> bool:
    """Whether a cell reads as a level (or as not assessed), by the scale or by a key's mark."""
    return not parse_level(value, ctx.framework.scale).error or keyed_mark(ctx, value) is not None


def is_roman(value: Any) -> bool:
    """Whether a cell is a Roman numeral alone ("II"): a level by a key, or a number."""
    return isinstance(value, str) and value.strip() in ROMAN
