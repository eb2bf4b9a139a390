"""Level cells that hold more than one level's worth of text: ticked boxes, two people's levels,
and the scale's own descriptor sentence.

- A Word questionnaire pasted into Excel keeps its checkboxes in one cell: ``☐ 0 ☐ 1 ☒ 2 ☐ 3
  ☐ 4`` (also ``☑``, ``■``/``□``, ``[x]``/``[ ]``, ``(x)``/``( )``). ``ticked_box`` gives the
  one ticked level, with a warning; no box ticked, or several, is an error that says so.
- Two focal points who disagree write both levels: ``3 (JK) / 2 (MW)``, ``3/2 (two views)``,
  ``JK: 3, MW: 2``. ``several_levels`` finds the levels of a cell made of two or more entries
  that are each a level (between "/", ",", ";", "&", "|" or "and"/"et"/"y"/"e"/"vs"); when they
  disagree the cell is an error ("agree on one"), never the first number. When they agree the
  level is read with a warning. A remark with a past level ("3 (up from 2)", "4 (was 3 in
  2021)") is one entry and is read as before.
- Someone who copies the template's Scale sheet text writes the descriptor sentence itself;
  ``descriptor_level`` knows each level's descriptor (``mnr_data/framework.toml``) and names the
  level, which the reader uses with a warning.
- A Word table or a form sets a level's own descriptor under its label: ``Level 3:
  Established⏎policy adopted and funded``. ``label_above_words`` reads the first line's level,
  with no warning: the label is the level's own, and the lines below only describe it.

The functions return ``(level, error, warning, fix)`` for ``values.parse_level`` to wrap, or
``None`` when the cell is not of their kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from components.base.text import normalise, shorten
from components.framework.model import Scale
from components.ingest.level_words import level_names, numbered_level_names
from components.ingest.missing_marks import mark_verdict

Verdict = tuple[int | None, str, str, str]


def _quoted(text: str) -> str:
    """As ``sheets.quoted`` quotes a cell (``sheets`` imports ``values``, which imports this)."""
    return f"“{shorten(' '.join(text.split()), 60)}”"


_TICKED = "☒☑■▣⊠✓✔✗✘"
_EMPTY = "☐□▢"
# A box, then the level's digit: "☒ 2", "[x] 2", "( ) 2", "[X]2".
_BOX = re.compile(
    rf"(?P<box>[{_TICKED}{_EMPTY}]|\[\s*[xX✓✔]?\s*\]|\(\s*[xX✓✔]?\s*\))\s*(?P<num>\d+)(?!\d)"
)


def ticked_box(text: str, scale: Scale) -> Verdict | None:
    """The level whose box is ticked, in a cell of two or more boxes each before a level."""
    boxes = list(_BOX.finditer(text))
    if len(boxes) < 2 or any(int(box["num"]) not in scale.values for box in boxes):
        return None
    ticked = [int(box["num"]) for box in boxes if _is_ticked(box["box"])]
    shown = _quoted(text)
    if len(ticked) == 1:
        level = ticked[0]
        return (
            level,
            "",
            f"{shown} was read as level {level} (“{scale.level(level).label}”), the only "
            "box ticked",
            TICKED_BOX_FIX,
        )
    if not ticked:
        return None, f"{shown} has no box ticked, so it gives no level", "", TICKED_BOX_FIX
    listed = " and ".join(str(level) for level in ticked)
    error = f"{shown} has the boxes of several levels ticked ({listed}), so it gives no one level"
    return None, error, "", TICKED_BOX_FIX


def _is_ticked(box: str) -> bool:
    return box in _TICKED or any(ch in "xX✓✔" for ch in box)


_SEPARATOR = re.compile(r"\s*(?:[/,;&|+]|\s(?:and|et|y|e|vs\.?)\s)\s*", re.IGNORECASE)
# Who gave the level, before it ("JK: 3", "MW = 2") or after it in brackets ("3 (JK)").
_NAME_FIRST = re.compile(r"^[^\W\d][\w.'’ -]{0,30}?\s*[:=]\s*(?=\d)")
_BRACKETS_WITHOUT_DIGITS = re.compile(r"\s*\([^()\d]*\)\s*")


def several_levels(text: str, read: Callable[[str], Any]) -> Verdict | None:
    """The levels of a cell made of two or more entries that are each a level; ``read`` reads
    one entry (``values.parse_level``). ``None`` when the cell is not such a list."""
    if sum(ch.isdigit() for ch in text) < 2:
        return None
    entries = [entry for entry in _SEPARATOR.split(text) if entry.strip()]
    if len(entries) < 2:
        return None
    levels = []
    for entry in entries:
        level = _entry_level(entry, read)
        if level is None:
            return None
        levels.append(level)
    shown = _quoted(text)
    if len(set(levels)) > 1:
        listed = " and ".join(str(level) for level in dict.fromkeys(levels))
        count = "two" if len(levels) == 2 else str(len(levels))
        error = f"{shown} gives {count} levels in one cell, {listed}: agree on one"
        return None, error, "", SEVERAL_LEVELS_FIX
    warning = f"{shown} gives the same level {levels[0]} more than once; it was read as that level"
    return levels[0], "", warning, SEVERAL_LEVELS_FIX


def _entry_level(entry: str, read: Callable[[str], Any]) -> int | None:
    bare = _BRACKETS_WITHOUT_DIGITS.sub(" ", entry).strip()
    bare = _NAME_FIRST.sub("", bare) if _NAME_FIRST.match(bare) else bare
    if not any(ch.isdigit() for ch in bare):
        return None  # a label alone ("Established, mostly") is a remark, not a second level
    reading = read(bare)
    return None if reading.error else reading.level


SEVERAL_LEVELS_FIX = (
    "Agree on one level and write it alone in the cell; put the other views in the Evidence column."
)
TICKED_BOX_FIX = "Write the ticked level alone in the cell (such as “2” or “2 - Developing”)."


def whole_cell(text: str, scale: Scale) -> Verdict | None:
    """The level of a cell of ticked boxes or of a level's descriptor, or ``None``; no level
    for a program's mark of a missing value ("NULL", "\\N", ".": ``missing_marks``)."""
    return (
        mark_verdict(text)
        or ticked_box(text, scale)
        or descriptor_level(text, scale)
        or label_above_words(text, scale)
    )


# The words a level's number may follow in the vocabulary's languages ("Level 3: Established").
_LEVEL_WORDS = frozenset({"level", "niveau", "nivel"})


def label_above_words(text: str, scale: Scale) -> Verdict | None:
    """The level of a cell whose first line is the level ("Level 3: Established", "3 -
    Established", "Established") and whose next lines describe it ("policy adopted and
    funded"), as a Word table or a form sets a descriptor under its label; ``None`` when the
    first line is not the level with its own label, or the lines below hold a number or
    another level's label (two levels, or a remark with a level, are for the other readings)."""
    if "\n" not in text.strip():
        return None
    first, below = text.strip().split("\n", 1)
    words = normalise(first).split()
    if words and words[0] in _LEVEL_WORDS:
        words = words[1:]
    key = " ".join(words)
    level = level_names(scale).get(key)
    if level is None and key[:1].isdigit():
        level = numbered_level_names(scale).get(key)
    rest = f" {normalise(below)} "
    if level is None or not rest.strip() or any(ch.isdigit() for ch in rest):
        return None
    if any(f" {name} " in rest for name, other in level_names(scale).items() if other != level):
        return None
    return level, "", "", ""


def descriptor_level(text: str, scale: Scale) -> Verdict | None:
    """The level whose descriptor ``text`` is, or ``None``."""
    level = _descriptors(scale).get(normalise(text))
    if level is None:
        return None
    return (
        level,
        "",
        f"{_quoted(text)} is the descriptor of level {level} (“{scale.level(level).label}”) on the "
        "scale; it was read as that level",
        "Write the level's number or label (such as “3 - Established”) in the level cell.",
    )


@cache
def _descriptors(scale: Scale) -> dict[str, int]:
    return {normalise(level.descriptor): level.value for level in scale.levels if level.descriptor}
