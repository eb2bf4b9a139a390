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

A key can make numbers wrong too: "1 Absent, 2 Emerging, 3 Functional, 4 Strong", "0 = None …
3 = Full", or the framework's words numbered from 1 with one left out. Such a key numbers its
scale's bottom, top or one of the framework's labels at another number than the framework
does (``header_keys.numbered_otherwise``); ``numbered_key_problem`` then makes the caller
refuse a column of numbers whole, whether the key is a run of rows or written in one cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from components.base.text import normalise
from components.framework.model import Scale
from components.ingest.column_values import distinct, whole_column
from components.ingest.header_keys import is_scale_word, key_pairs, numbered_otherwise
from components.ingest.level_words import level_names
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.values import parse_level

SHEETS_KEY = ("sheets for scale keys",)
_KEYS_MEMO = ("own scale keys",)
_NUMBERED_MEMO = ("keys numbering levels otherwise",)
_KEYED_WORDS_MEMO = ("words of keys",)
# "1 = Initial", "1 - Initial", "1: Initial", "1. Initial", "(1) Initial", "1 Initial".
_ENTRY = re.compile(r"^\(?(?P<n>\d)\s*[=:\-–—.)|]?\s*(?P<word>[^\d=:|]{2,40})$")
_LONGEST_WORD = 40
# A key written in one cell: at least this many entries, in at most this many characters.
_KEY_CELL_ENTRIES = 4
_LONGEST_KEY_CELL = 400
# A key's row: its number, its word, perhaps a description.
_KEY_ROW_CELLS = 3
_FIRST_DIGIT = re.compile(r"\d")
# Words that title a key of a scale, in the languages read.
_KEY_WORDS = frozenset(
    {
        "key", "legend", "scale", "scoring", "score", "scores", "level", "levels", "maturity",
        "rating", "ratings", "meaning", "niveau", "niveaux", "nivel", "niveles", "escala",
        "echelle", "cle", "legende", "leyenda", "clave", "chave", "legenda", "notation",
    }
)  # fmt: skip


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
    return _other_scale_words(ctx, values, names)


# The stages of other maturity scales (a drop-down list of the file's own, with no key written
# in its cells): three of them beside a framework word make that word doubtful too.
_OTHER_STAGES = frozenset(
    {
        "nascent", "emerging", "initial", "basic", "advanced", "leading", "optimised",
        "optimized", "optimising", "optimizing", "defined", "managed", "ad hoc", "repeatable",
        "exemplary", "embedded", "embryonic", "foundational", "progressing", "transforming",
    }
)  # fmt: skip
_MIN_OTHER_STAGES = 3


def _other_scale_words(ctx: ReadContext, values: list[Any], names: dict[str, int]) -> str | None:
    """Why a column's words are another scale's: three or more stages of another maturity
    scale ("Nascent", "Advanced", "Leading"), a third of its cells at least, written beside
    the framework's labels ("Established"), and no key in the workbook saying what they mean
    (``scale_words`` reads them by such a key). A stray "Advanced" or two is refused alone."""
    texts = [v for v in values if isinstance(v, str) and v.strip()]
    written = {normalise(v): v.strip() for v in set(texts)}
    stages = {t for t in written if t in _OTHER_STAGES and t not in names}
    if len(stages) < _MIN_OTHER_STAGES or stages & _keyed_words(ctx):
        return None
    filled = sum(v is not None for v in values)
    if 3 * sum(normalise(v) in stages for v in texts) < filled:
        return None
    others = sorted(written[t] for t in stages)
    ours = sorted(written[t] for t in written if t in names)
    scale = ctx.framework.scale
    framework = ", ".join(f"{level.value} {level.label}" for level in scale.levels)
    return (
        f"holds words of another scale ({', '.join(map(quoted, others))}) beside words of "
        f"this framework's ({framework}), as a drop-down list of the file's own scale gives: "
        f"a word such as {quoted(ours[0])} may not mean the framework's level of that name"
    )


def numbered_key_problem(ctx: ReadContext, values: list[Any]) -> str | None:
    """Why the numbers in ``values`` cannot be read as the framework's levels: a key of the
    file's own scale numbers its levels otherwise ("1 Absent" … "4 Strong", "0 = None" … "3 =
    Full", "1 Not in place, 2 Developing, 3 Established, 4 Mature"). Completes "The column
    headed “...” ..."; ``None`` when no such key is in the workbook or ``values`` hold no
    numbers."""
    try:
        seen: Iterable[Any] = set(values)  # in C: a long table's levels repeat a few values
    except TypeError:  # a value that cannot be hashed: each looked at
        seen = values
    if not any(key_number(value) is not None for value in seen):
        return None
    keys = ctx.memo.get(_NUMBERED_MEMO)
    if keys is None:
        sheets = ctx.memo.get(SHEETS_KEY, ())
        keys = ctx.memo[_NUMBERED_MEMO] = [
            key for sheet in sheets for key in _numbered_keys(ctx, sheet, ctx.framework.scale)
        ]
    if not keys:
        return None
    key, scale = keys[0], ctx.framework.scale
    where = key.cells + (f" on sheet {quoted(key.sheet)}" if key.sheet else "")
    entries = ", ".join(f"{n} {word}" for n, word in key.entries)
    ours = ", ".join(f"{level.value} {level.label}" for level in scale.levels)
    return (
        f"holds numbers, and the key of the scale at {where} ({entries}) numbers its levels "
        f"otherwise than this framework ({ours}), so a number may not mean the framework's "
        "level of that number"
    )


def _numbered_keys(ctx: ReadContext, sheet: Sheet, scale: Scale) -> list[OwnKey]:
    """The keys on ``sheet`` whose numbers are not the framework's levels (``header_keys``),
    among columns holding a word of a scale (a label, "lowest", "Full")."""
    names = level_names(scale)
    found = []
    for column, rows, run in key_runs(sheet, scale, names, ours_only=False, ends=True):
        pairs = [(n, word) for n, word, _ in run]
        if (
            _stands_alone(sheet, column, rows)
            and _key_rows(sheet, column, rows, pairs)
            and numbered_otherwise(pairs, scale)
        ):
            left = column if run[0][2] else column - 1
            cells = f"{cell_address(rows[0], left)}:{cell_address(rows[1], column)}"
            found.append(OwnKey(sheet.name, cells, tuple(pairs)))
    # A key in one cell: "Scale: 1 = Absent, 2 = Emerging, …", "1 - None / 2 - Basic / …".
    # Each distinct text of a column looked at once: a long table repeats its titles.
    width = len(sheet.columns) if sheet.columns is not None else sheet.width()
    for column in range(width):
        values = whole_column(sheet, column)
        for value in distinct(ctx, values):
            if not isinstance(value, str) or len(value) > _LONGEST_KEY_CELL:
                continue
            pairs = key_pairs(value)
            if (
                len(pairs) >= _KEY_CELL_ENTRIES
                and _titled_as_key(_FIRST_DIGIT.split(value, maxsplit=1)[0])
                and numbered_otherwise(pairs, scale)
            ):
                where = cell_address(values.index(value), column)
                found.append(OwnKey(sheet.name, where, tuple(pairs)))
    return found


def _keyed_words(ctx: ReadContext) -> set[str]:
    """The words (normalised) of every key of a scale in the workbook, found once a read."""
    words = ctx.memo.get(_KEYED_WORDS_MEMO)
    if words is None:
        scale = ctx.framework.scale
        names = level_names(scale)
        words = ctx.memo[_KEYED_WORDS_MEMO] = {
            normalise(word)
            for sheet in ctx.memo.get(SHEETS_KEY, ())
            for _, _, run in key_runs(sheet, scale, names, ours_only=False)
            for _, word, _ in run
        }
    return words


def _key_rows(sheet: Sheet, column: int, rows: tuple[int, int], pairs: list[Any]) -> bool:
    """Whether a run's rows are a key's: each word once, each row its number and word (and a
    description perhaps), under a heading that names a key or a scale ("Key", "Score |
    Meaning") or on a sheet so named; not a stretch of a table (a level, its capability, its
    evidence) or a numbered list of something else ("No. | Status")."""
    if len({normalise(word) for _, word in pairs}) != len(pairs):
        return False
    if any(
        sum(v is not None for v in sheet.rows[r]) > _KEY_ROW_CELLS
        for r in range(rows[0], rows[1] + 1)
    ):
        return False
    above = [
        sheet.value(row, col)
        for row in range(max(0, rows[0] - 2), rows[0])
        for col in range(max(0, column - 1), column + 2)
    ]
    return any(_titled_as_key(text) for text in [sheet.name or "", *above] if isinstance(text, str))


def _titled_as_key(title: str) -> bool:
    """Whether a key's title names a key or a scale ("Scale:", "Key", "Niveaux"), or there is
    none ("1 - None / 2 - Basic / …" alone): "Confidence (1 = none, …)" keys another column."""
    words = set(normalise(title).split())
    return not words or bool(words & _KEY_WORDS)


def _stands_alone(sheet: Sheet, column: int, rows: tuple[int, int]) -> bool:
    """Whether a run of a key's entries has no entry right above or below it: a key, not a
    stretch of a table's level and label columns (levels 1, 2, 3, 4 in a row beside their
    labels, one of them wrong, then 0)."""
    left = column - 1
    return all(
        not 0 <= row < len(sheet.rows)
        or _entry(sheet.value(row, left) if left >= 0 else None, sheet.value(row, column)) is None
        for row in (rows[0] - 1, rows[1] + 1)
    )


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
    sheet: Sheet, scale: Scale, names: dict[str, int], *, ours_only: bool, ends: bool = False
) -> list[tuple[int, tuple[int, int], Run]]:
    """The runs of a key's entries on ``sheet`` (column of the words, first and last row, the
    entries): as many numbered words as the scale has levels, one more or fewer. With
    ``ours_only``, only in columns holding a word of the framework's (the keys that could make
    its words misread); with ``ends`` too, or a word naming an end of a scale ("Absent")."""
    found: list[tuple[int, tuple[int, int], Run]] = []
    width = len(sheet.columns) if sheet.columns is not None else sheet.width()
    height = len(sheet.rows)
    for column in range(width):
        values = sheet.column(column, 0, height)
        distinct = {v for v in set(values) if isinstance(v, str) and len(v) <= _LONGEST_WORD}
        if not distinct or (
            (ours_only or ends)
            and not any(
                normalise(word := _word_of(v)) in names or (ends and is_scale_word(word, scale))
                for v in distinct
            )
        ):
            continue  # no word of the framework's (or of a scale's end): no key that matters
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
