"""The framework's scale in the file's own words, given by a key: "0 = Inexistente … 4 = Avanzado".

A team writes the levels in its own language's words and puts the key beside the table (or on
a "Scale" sheet): the framework's numbers, 0 to 4, each with the word the team uses for it.
Where the key numbers every level of the framework's scale once and each of its words that is
one of the framework's labels (or their translations, ``aliases`` in
``mnr_data/framework.toml``) stands at that label's own level (``own_scale.in_other_words``),
it is the framework's scale translated, not a scale of the file's own: a level cell holding
one of its words ("Incipiente", "Consolidado") is read as the number the key gives it, with
one warning per assessment naming the key. A word two keys number differently is read by
neither. A key whose numbers are another scale's (1 to 5), or that puts a framework label at
another level, is ``own_scale``'s, and its words are refused.
"""

from __future__ import annotations

from typing import Any

from components.base.text import normalise
from components.ingest.ball_words import unkeyed_ball
from components.ingest.level_words import level_names
from components.ingest.mark_keys import keyed_mark
from components.ingest.own_scale import SHEETS_KEY, in_other_words, key_runs
from components.ingest.sheets import ReadContext, cell_address, quoted
from components.ingest.spelt_levels import spelt_level
from components.ingest.values import LevelReading

_MEMO = ("scale in the file's words",)
_LONGEST_WORD = 40


def level_in_words(ctx: ReadContext, value: Any) -> LevelReading | None:
    """A level column's cell written in words that no label reads: a number word alone
    ("deux", ``spelt_levels``), a word of a key in the file's words ("Incipiente") or a mark a
    key gives a level ("★★★☆", "◑", "IV": ``mark_keys``); a Harvey ball no key gives a level,
    refused as one (``ball_words``); ``None`` when it is none of them."""
    scale = ctx.framework.scale
    return (
        spelt_level(value, scale)
        or keyed_level(ctx, value)
        or keyed_mark(ctx, value)
        or unkeyed_ball(value)  # "Quarter" with no key: said as a ball, not guessed
    )


def keyed_level(ctx: ReadContext, value: Any) -> LevelReading | None:
    """The level a key of the framework's scale in the file's words gives ``value``, said once
    per assessment; ``None`` when no such key names it."""
    if not isinstance(value, str) or len(value) > _LONGEST_WORD:
        return None
    found = _words(ctx).get(normalise(value))
    if found is None:
        return None
    level, where, entries = found
    return LevelReading(
        level,
        warning=f"“{value.strip()}” was read as level {level}, as the key at {where} ({entries}) "
        "numbers the framework's levels in these words (read so for this assessment)",
        fix="Check that the key's numbers are the framework's levels (0 - Not in place to "
        "4 - Mature); if the key is a scale of your own, write each level as its number.",
        once=True,
    )


def _words(ctx: ReadContext) -> dict[str, tuple[int, str, str]]:
    """Each word of the workbook's keys in other words -> (level, where, the key's entries),
    found once per read; a word two keys number differently is left out."""
    known = ctx.memo.get(_MEMO)
    if known is not None:
        return known
    scale = ctx.framework.scale
    names = level_names(scale)
    words: dict[str, tuple[int, str, str]] = {}
    clashes: set[str] = set()
    for sheet in ctx.memo.get(SHEETS_KEY, ()):
        for column, (first, last), run in key_runs(sheet, scale, names, ours_only=False):
            if not in_other_words(run, scale, names):
                continue
            left = column if run[0][2] else column - 1
            where = f"{cell_address(first, left)}:{cell_address(last, column)}"
            where += f" on sheet {quoted(sheet.name)}" if sheet.name else ""
            entries = ", ".join(f"{n} {word}" for n, word, _ in run)
            for number, word, _ in run:
                key = normalise(word)
                if key in words and words[key][0] != number:
                    clashes.add(key)
                words.setdefault(key, (number, where, entries))
    for key in clashes:
        del words[key]
    ctx.memo[_MEMO] = words
    return words
