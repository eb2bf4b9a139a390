"""The distinct values of a table's rows, in one pass in C: what guards against costly passes.

Many passes look for a kind of cell that few tables hold (a page's footer, a header row
repeated, a stray label). Read row by row, each costs a call per row; a long table's
thousands of rows repeat a few hundred values, so asking first whether any distinct value
could be of that kind, and skipping the pass when none is, does the same work once per
value. A guard built on ``body_values`` may only skip a pass that would find nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain, islice
from typing import Any


def body_values(rows: Sequence[tuple[Any, ...]], first: int) -> frozenset[Any] | None:
    """Every distinct value in ``rows[first:]`` (``None`` among them when a cell is blank),
    or ``None`` when a value cannot be hashed (then no guard may rely on them).

    Taken from the rows themselves, not from ``Sheet.columns`` (a third quicker): a guard
    must hold whatever an earlier pass did to the rows."""
    try:
        return frozenset(chain.from_iterable(islice(rows, first, None)))
    except TypeError:  # a cell no reader makes (a list): the caller looks row by row
        return None
