"""A level's label written in two languages: "En desarrollo / Developing", "Established |
Établi".

A bilingual team's sheet (the template translated, with the English kept beside it) gives each
level as its label in both languages, in either order, set apart by a slash or a bar. Each half
is read as a level on its own; when both name the same level, that is the cell's level (nothing
was assumed: no warning). When they name two levels, the cell is refused, saying which two;
when a half is no level, the cell is not of this kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from components.base.text import shorten

Verdict = tuple[int | None, str, str, str]

_SPLIT = re.compile(r"\s*[/|]\s*")
_LETTERS = re.compile(r"[^\W\d_]{2,}")

TWO_LANGUAGES_FIX = (
    "Write one level in the cell, in one language (such as “2 - Developing”), and upload the "
    "file again."
)


def two_languages(text: str, read: Callable[[str], Any]) -> Verdict | None:
    """The level of a cell that gives one label in two languages; ``read`` reads one label
    (``values.parse_level``). ``None`` when the cell is not two labels."""
    if not _LETTERS.search(text):
        return None
    halves = _SPLIT.split(text.strip())
    if len(halves) != 2 or not all(_LETTERS.search(half) for half in halves):
        return None
    readings = [read(half.strip()) for half in halves]
    if any(r.error or r.warning or r.level is None for r in readings):
        return None  # a half that is no label alone ("3 of 10 provinces") is a remark
    first, second = (r.level for r in readings)
    if first == second:
        return first, "", "", ""
    shown = f"“{shorten(' '.join(text.split()), 80)}”"
    error = f"{shown} gives two different levels, {first} and {second}, one in each language"
    return None, error, "", TWO_LANGUAGES_FIX
