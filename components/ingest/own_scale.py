"""A key of the file's own scale whose words are partly the framework's: never read by ours.

A consultant may score with a scale of their own and give its key on a sheet ("Scale",
"Key") or beside the table: "1 Initial, 2 Developing, 3 Established, 4 Advanced, 5
Leading". Some of its words are the framework's labels, at other places: that scale's
"Developing" is one step above its bottom, not this framework's level 2. Read by the
framework's labels, such words would give wrong levels without a word, and the others
("Initial", "Advanced") would be refused cell by cell. So when the workbook holds such a key
and a level column holds its words, ``own_scale_problem`` makes the caller refuse the whole
column (as a key numbering the framework's labels from 1 is refused, ``scale_legend``):
which of the framework's levels a word of another scale means is for the person to say.

A key is certain only as a short run of consecutive rows: a number (going up or down by
one, from 0 or 1) beside a short word in the next cell, or both in one cell ("1 = Initial",
"1 - Initial"), as many entries as the scale has levels (one more or fewer), not carried on
by the next number in the row below, at least one word the framework's label and at least
one no level at all. A key of the framework's own words ("0 Not in place" … "4 Mature", or
numbered 1 to 5) is ``scale_legend``'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from components.base.text import normalise
from components.framework.model import Scale
from components.ingest.level_words import level_names
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.values import parse_level

SHEETS_KEY = ("sheets for scale keys",)
_KEYS_MEMO = ("own scale keys",)
# "1 = Initial", "1 - Initial", "1: Initial", "1. Initial", "(1) Initial", "1 Initial".
_ENTRY = re.compile(r"^\(?(?P<n>\d)\s*[=:\-–—.)|]?\s*(?P<word>[^\d=:|]{2,40})$")
_LONGEST_WORD = 40


@dataclass(frozen=True)
class OwnKey:
    """A key of the file's own scale: its entries (number, word as written) and where."""

    sheet: str | None
    cells: str
    entries: tuple[tuple[int, str], ...]


def own_scale_problem(ctx: ReadContext, values: list[Any]) -> str | None:
    """Why the words in ``values`` cannot be read by the framework's labels: a key of the
    file's own scale uses them. Completes "The column headed “...” ..."; ``None`` when not."""
    try:
        seen: Iterable[Any] = set(values)  # in C: a long table's levels repeat a few values
    except TypeError:  # a value that cannot be hashed (no reader makes one): each looked at
        seen = values
    # The same texts either way: a text equals only a text, so the set keeps one of each.
    texts = {normalise(v) for v in seen if isinstance(v, str) and len(v) <= _LONGEST_WORD}
    names = level_names(ctx.framework.scale)
    if not any(text in names for text in texts):
        # No framework word written alone ("Developing"; "3 - Developing" has its number):
        # nothing another key could make misread.
        return None
    keys = ctx.memo.get(_KEYS_MEMO)
    if keys is None:
        sheets = ctx.memo.get(SHEETS_KEY, ())
        keys = ctx.memo[_KEYS_MEMO] = [k for s in sheets for k in _own_keys(s, ctx.framework)]
    for key in keys:
        used = [word for _, word in key.entries if normalise(word) in texts]
        if not used:
            continue
        shown = next((word for word in used if normalise(word) in names), used[0])
        where = key.cells + (f" on sheet {quoted(key.sheet)}" if key.sheet else "")
        entries = ", ".join(f"{n} {word}" for n, word in key.entries)
        scale = ctx.framework.scale
        ours = ", ".join(f"{level.value} {level.label}" for level in scale.levels)
        return (
            f"holds the words of the file's own scale: the key at {where} ({entries}) is not "
            f"this framework's ({ours}), so a word such as {quoted(shown)} may not "
            "mean the framework's level of that name"
        )
    return None


def _own_keys(sheet: Sheet, framework: Any) -> list[OwnKey]:
    scale: Scale = framework.scale
    names = level_names(scale)
    return [
        key
        for column, rows, run in key_runs(sheet, scale, names, ours_only=True)
        if (key := _key(sheet, column, rows=rows, run=run, scale=scale, names=names)) is not None
    ]


Run = list[tuple[int, str, bool]]  # a key's entries: (number, word, both in one cell)


def key_runs(
    sheet: Sheet, scale: Scale, names: dict[str, int], *, ours_only: bool
) -> list[tuple[int, tuple[int, int], Run]]:
    """The runs of a key's entries on ``sheet`` (column of the words, first and last row, the
    entries): as many numbered words as the scale has levels, one more or fewer. With
    ``ours_only``, only in columns holding a word of the framework's (the keys that could make
    its words misread)."""
    found: list[tuple[int, tuple[int, int], Run]] = []
    width = len(sheet.columns) if sheet.columns is not None else sheet.width()
    height = len(sheet.rows)
    for column in range(width):
        values = sheet.column(column, 0, height)
        distinct = {v for v in set(values) if isinstance(v, str) and len(v) <= _LONGEST_WORD}
        if not distinct or (
            ours_only and not any(normalise(_word_of(v)) in names for v in distinct)
        ):
            continue  # no word of the framework's: not a key that could be misread
        left = sheet.column(column - 1, 0, height) if column else [None] * height
        entries = [_entry(left[row], values[row]) for row in range(height)]
        found.extend((column, rows, run) for rows, run in _runs(sheet, column, entries, scale))
    return found


def _word_of(text: str) -> str:
    found = _ENTRY.match(text.strip())
    return found["word"] if found else text


def _entry(number: Any, value: Any) -> tuple[int, str, bool] | None:
    """(number, word, in one cell) for a key's entry, or ``None``."""
    if not isinstance(value, str) or any(ch.isdigit() for ch in value):
        found = _ENTRY.match(value.strip()) if isinstance(value, str) else None
        return (int(found["n"]), found["word"].strip(), True) if found else None
    whole = key_number(number)
    if whole is None or not value.strip() or len(value) > _LONGEST_WORD:
        return None
    return whole, value.strip(), False


def _runs(
    sheet: Sheet, column: int, entries: list[tuple[int, str, bool] | None], scale: Scale
) -> list[tuple[tuple[int, int], Run]]:
    size = len(scale.levels)
    found: list[tuple[tuple[int, int], Run]] = []
    row, height = 0, len(entries)
    while row < height:
        if entries[row] is None:
            row += 1
            continue
        start, step = row, 0
        while row + 1 < height and (entry := entries[row + 1]) is not None:
            gap = entry[0] - entries[row][0]  # type: ignore[index]
            if gap not in (1, -1) or (step and gap != step):
                break
            step = gap
            row += 1
        run = [e for e in entries[start : row + 1] if e is not None]
        row += 1
        if not (size - 1 <= len(run) <= size + 1) or min(e[0] for e in run) not in (0, 1):
            continue
        if not _carried_on(sheet, column, (start, row), run, step):
            found.append(((start, row - 1), run))
    return found


def _carried_on(
    sheet: Sheet, column: int, rows: tuple[int, int], run: list[Any], step: int
) -> bool:
    """Whether the numbering goes on past the run (a table's rows, not a key)."""
    left = column - 1 if not run[0][2] else column
    start, end = rows
    after = _number_in(sheet.value(end, left), run[0][2])
    before = _number_in(sheet.value(start - 1, left), run[0][2]) if start else None
    return after == run[-1][0] + step or before == run[0][0] - step


def _number_in(value: Any, one_cell: bool) -> int | None:
    if one_cell:
        found = _ENTRY.match(value.strip()) if isinstance(value, str) else None
        return int(found["n"]) if found else None
    return key_number(value)


def _key(
    sheet: Sheet,
    column: int,
    *,
    rows: tuple[int, int],
    run: list[tuple[int, str, bool]],
    scale: Scale,
    names: dict[str, int],
) -> OwnKey | None:
    ours = [normalise(word) in names for _, word, _ in run]
    foreign = [bool(parse_level(word, scale).error) for _, word, _ in run]
    if not any(ours) or not any(foreign) or in_other_words(run, scale, names):
        return None  # the framework's own words, or its scale in the file's (``scale_words``)
    left = column if run[0][2] else column - 1
    cells = f"{cell_address(rows[0], left)}:{cell_address(rows[1], column)}"
    return OwnKey(sheet.name, cells, tuple((n, word) for n, word, _ in run))


def in_other_words(run: Run, scale: Scale, names: dict[str, int]) -> bool:
    """Whether a key numbers the framework's levels, each once ("0 = Inexistente" … "4 =
    Avanzado"), and each of its words the framework knows stands at that word's own level:
    the framework's scale in the file's words, not a scale of its own."""
    values = sorted(level.value for level in scale.levels)
    if sorted(n for n, _, _ in run) != values:
        return False
    return all(names.get(normalise(word), n) == n for n, word, _ in run)


def key_number(value: Any) -> int | None:
    """A key entry's number: a whole number from 0 to 10 (1, 1.0, "1"), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return value if 0 <= value <= 10 else None
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 2:
        return int(value.strip())
    return None
