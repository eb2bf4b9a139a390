"""A level column whose lines a PDF converter merged: several levels in most of its cells.

Tabula's "stream" mode and other converters that guess a table's rows from the text's lines
can merge the lines of a column: "2 0", "0 1 0" and "3 1" in some cells, nothing in others,
out of step with the capabilities beside them; or merge two columns of levels (two rounds)
into one, "2 3" in every cell. Which level is whose cannot be told, and the cells that hold
one level are no surer than the others: they moved with the rest.

``merged_lines_problem`` judges a level column whole (``level_columns``): when most of its
filled cells (``MIN_MERGED`` at least) hold two levels or more as digits apart ("2 0", "4⏎2"),
none of the column is read, and the error says why and how to fix it. A few such cells in a
column of single levels are each reported where they are, the others read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from typing import Any

from components.framework.model import Scale

# At least this many cells, and more than half of the filled ones, hold several levels.
MIN_MERGED = 3
_SEVERAL = re.compile(r"\s*\d(?:\s+\d)+\s*")


def merged_lines_problem(values: Collection[Any], scale: Scale) -> str | None:
    """Why a level column's ``values`` cannot be read at all when most of its filled cells
    hold several levels (completing "The column headed “Level” (B2) ..."); else ``None``."""
    if not any(_several(v, scale) for v in set(values)):
        return None  # the usual case, seen from each distinct value once
    counts = Counter(values)
    counts.pop(None, None)
    several = {v: n for v, n in counts.items() if _several(v, scale)}
    merged = sum(several.values())
    if merged < MIN_MERGED or 2 * merged <= counts.total():
        return None
    filled = counts.total()
    example = next(iter(several))
    singles = (
        ", and its cells of one level are no surer: they moved with the others"
        if merged < filled
        else ""
    )
    return (
        f"holds several levels in {merged} of its {filled} filled cells (such as "
        f"“{' '.join(example.split())}”), as a PDF converter leaves a table when it merges its "
        f"lines, or two of its columns: which level is whose cannot be told{singles}"
    )


def _several(value: Any, scale: Scale) -> bool:
    """Two levels or more written as digits apart in one cell ("2 0", "0 1 0")."""
    if not isinstance(value, str) or not _SEVERAL.fullmatch(value):
        return False
    return all(scale.minimum <= int(d) <= scale.maximum for d in value.split())


MERGED_LINES_FIX = (
    "Copy each capability's level from the original document into its row of the level "
    "column, one level per cell (another round's levels in a column of their own, headed with "
    "its year), then upload the file again."
)
