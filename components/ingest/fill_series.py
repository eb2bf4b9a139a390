"""Whether a level column holds numbers that are plainly not levels, judged whole.

Dragging a cell's fill handle down the level column fills it with a series (1, 2, 3 … 21),
and copying the No. column into it does the same: each row then holds its capability's
number. Read cell by cell, the rows of capabilities 1 to 4 hold levels 1 to 4 and only the
rest stand out; so the column is looked at whole first. A column whose numbers run 1, 2, 3 …
down the rows, or are each row's capability number, or that has most of its numbers off the
scale, holds no levels: none of it is used, and the person is told what it looks like.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from components.framework.model import Scale
from components.ingest.values import is_blank

# Fewer numbers than this say too little to refuse a whole column.
MIN_NUMBERS = 5


def not_levels_problem(
    levels: Sequence[Any], keys: Sequence[Any] | None, scale: Scale, key_name: str = "number"
) -> str | None:
    """Why the column's numbers are not levels, or ``None``. ``levels``: the column's cells in
    row order; ``keys``: the capability number column's cells on the same rows, if any
    (``key_name``: that column, as the message names it).

    The result completes "The column headed “...” ...".
    """
    # Each distinct value once first: a long table's thousands of levels are nearly always
    # all on the scale, and then there is nothing to judge.
    distinct = {_whole(value) for value in set(levels)}
    if not distinct - {None} - set(scale.values):
        return None
    pairs = [(_whole(v), _whole(k) if keys is not None else None) for v, k in _rows(levels, keys)]
    numbers = [n for n, _ in pairs if n is not None]
    if len(numbers) < MIN_NUMBERS:
        return None
    off = [n for n in numbers if n not in scale.values]
    if not off:
        return None
    shown = _run(numbers)
    keyed = [(n, k) for n, k in pairs if n is not None and k is not None]
    if len(keyed) >= MIN_NUMBERS and all(n == k for n, k in keyed):
        return (
            f"holds each row's capability number ({shown}, the same as the {key_name} column), "
            "as copying the numbers or dragging a fill series down the column gives, not levels"
        )
    if all(b == a + 1 for a, b in pairwise(numbers)):
        return (
            f"holds the numbers {shown} in order down the rows, as dragging a fill series "
            "down the column gives, not levels"
        )
    if len(off) * 2 > len(numbers):
        return (
            f"has {len(off)} of its {len(numbers)} numbers outside the scale "
            f"({scale.minimum} to {scale.maximum}), so it does not hold levels"
        )
    return None


def series_fix(scale: Scale) -> str:
    """What to do about a column that holds no levels."""
    return (
        f"Type each capability's own level ({scale.minimum} to {scale.maximum}) in the level "
        "column, or check that the right column is headed Level; the numbers it holds now "
        "were not used."
    )


def _rows(levels: Sequence[Any], keys: Sequence[Any] | None) -> list[tuple[Any, Any]]:
    return [
        (value, keys[i] if keys is not None and i < len(keys) else None)
        for i, value in enumerate(levels)
        if not is_blank(value)
    ]


def _whole(value: Any) -> int | None:
    """The whole number a cell holds (2, 2.0, "2"), or ``None``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return int(value.strip())
    return None


def _run(numbers: list[int]) -> str:
    if len(numbers) <= 4:
        return ", ".join(map(str, numbers))
    return f"{numbers[0]}, {numbers[1]}, {numbers[2]} … {numbers[-1]}"
