"""A level's number beside a column of its label, typed apart: "3 | Established".

Forms often give the level twice: its number in the Level column and its label in a column
beside it ("Level description", "Label", "Maturity", "Stage", "Niveau atteint"), typed by
hand or picked from a second drop-down. In a row where the two say different levels (3
beside "Mature"), which one is meant is not certain, as inside one cell ("3 - Mature"):
``say_label_disagreements`` reports that row as an error naming both cells, and its level is
not used; the other rows are read. ``is_label_column`` tells ``layout`` that such a column
describes the level column: it is not a second level column to choose from.

A column is the level's label column when its filled cells are level labels written in words
(no digit), in the vocabulary's languages, the level column holds numbers, and the two give
the same level in most rows where both are given. A column headed as a level to reach or
from before ("Target", "Previous level", "Baseline 2021") is never one: its levels may rightly
differ.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from components.base.text import normalise
from components.framework.model import Scale
from components.ingest.matching import classify_header
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.values import is_blank, parse_level
from components.ingest.vocabulary import default_vocabulary

# A label column has at least this many labels, and this share of its filled cells.
MIN_LABELS = 3
_LABEL_SHARE = 0.8
# Words of a header that say its levels are another time's or another person's (besides the
# vocabulary's target, round and scorer words).
_OTHER_TIME = frozenset(
    {
        "previous", "last", "prior", "earlier", "before", "past", "next", "future", "expected",
        "precedent", "anterieur", "avant", "anterior", "previo", "antes", "proximo", "futuro",
    }
)  # fmt: skip
# Headers that may head a label column: unknown ones, a level's, a description's.
_MAY_DESCRIBE = (None, "level", "description")


def is_label_column(ctx: ReadContext, sheet: Sheet, header: int, a: int, b: int) -> bool:
    """Whether one of columns ``a`` and ``b`` holds the other's levels as labels (numbers in
    one, the labels in the other, giving the same level in most rows)."""
    return _pairs(ctx, sheet, header, (a, b), len(sheet.rows)) is not None


def say_label_disagreements(
    ctx: ReadContext, sheet: Sheet, header: int, level: int, end: int
) -> None:
    """Report the rows (below ``header``, to ``end``) whose level disagrees with the label
    column beside it, and leave their level unused; nothing when there is no label column."""
    cells = sheet.rows[header] if header < len(sheet.rows) else ()
    for column, heading in enumerate(cells):
        if column == level or not _may_describe(heading):
            continue
        pairs = _pairs(ctx, sheet, header, (level, column), end)
        if pairs is None:
            continue
        for row, ours, theirs in pairs:
            if ours != theirs:
                _say_row(ctx, sheet, row, (level, column), (ours, theirs))
        return


def _say_row(
    ctx: ReadContext, sheet: Sheet, row: int, columns: tuple[int, int], levels: tuple[int, int]
) -> None:
    (level, column), (ours, theirs) = columns, levels
    scale = ctx.framework.scale
    here, there = cell_address(row, level), cell_address(row, column)
    ctx.add(
        "error",
        sheet,
        here,
        f"Row {row + 1} gives two different levels: {quoted(sheet.value(row, level))} in "
        f"{here} (level {ours}, “{scale.level(ours).label}”) and "
        f"{quoted(sheet.value(row, column))} in {there} (level {theirs}, "
        f"“{scale.level(theirs).label}”); which one is meant is not clear, so this row's "
        "level was not used.",
        f"Correct {here} or {there} so that both give the same level, and upload the file again.",
    )
    values = list(sheet.rows[row])
    values[level] = None  # read as not assessed, as said
    sheet.rows[row] = tuple(values)
    sheet.columns = None  # the rows changed: the columns no longer say the same


def _may_describe(heading: Any) -> bool:
    if heading is not None and not isinstance(heading, str):
        return False
    if heading is None:
        return True
    if any(ch.isdigit() for ch in heading) or classify_header(heading) not in _MAY_DESCRIBE:
        return False
    words = normalise(heading).split()
    vocabulary = default_vocabulary()
    other = _OTHER_TIME | vocabulary.target_words | vocabulary.scorer_words
    other |= set(vocabulary.round_words)
    return not any(word in other for word in words)


def _pairs(
    ctx: ReadContext, sheet: Sheet, header: int, columns: tuple[int, int], end: int
) -> list[tuple[int, int, int]] | None:
    """(row, level in the first column, level in the second) for the rows where both give
    one, when one column holds numbers and the other their labels, agreeing in most rows;
    otherwise ``None``."""
    scale = ctx.framework.scale
    first = header + 1
    one, other = (sheet.column(c, first, end) for c in columns)
    ours, theirs = _numbers(one, scale), _labels(other, scale)
    if ours is None or theirs is None:
        ours, theirs = _labels(one, scale), _numbers(other, scale)
        if ours is None or theirs is None:
            return None
    pairs = [
        (first + i, a, b)
        for i, (a, b) in enumerate(zip(ours, theirs, strict=True))
        if a is not None and b is not None
    ]
    agree = sum(a == b for _, a, b in pairs)
    return pairs if agree >= MIN_LABELS and agree * 2 > len(pairs) else None


def _numbers(values: list[Any], scale: Scale) -> list[int | None] | None:
    """Each cell's level when the column holds levels as numbers (alone or before words)."""
    counts = Counter(v for v in values if not is_blank(v))
    numeric = sum(n for v, n in counts.items() if _has_digit(v))
    if not counts or numeric < _LABEL_SHARE * sum(counts.values()):
        return None
    read = {v: parse_level(v, scale).level for v in counts}
    return [read.get(v) if v in read else None for v in values]


def _labels(values: list[Any], scale: Scale) -> list[int | None] | None:
    """Each cell's level when the column holds level labels written in words, no digit."""
    counts = Counter(v for v in values if not is_blank(v))
    total = sum(counts.values())
    if total < MIN_LABELS:
        return None
    read: dict[Any, int | None] = {}
    missing = 0
    for value, count in counts.items():
        reading = parse_level(value, scale) if isinstance(value, str) else None
        good = reading is not None and not _has_digit(value) and not reading.error
        read[value] = reading.level if good and reading is not None else None
        if not good or read[value] is None:
            missing += count
            if missing > (1 - _LABEL_SHARE) * total:
                return None  # most of a column of notes: stop at once
    return [read.get(v) if v in read else None for v in values]


_DIGIT = re.compile(r"\d")  # one search in C, not a call per character


def _has_digit(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    return isinstance(value, str) and _DIGIT.search(value) is not None
