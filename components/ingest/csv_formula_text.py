"""Values a csv wraps as a text formula, ``="Kenya"``, ``="3"``: the text inside is the value.

Some systems (ERP and web exports) write every value so, to keep Excel from turning codes into
numbers or dates; Excel opens the file showing plain "Kenya" and "3". The reader does the same,
and says so once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

# The quotes inside are doubled, as in any csv field: ="say ""hi""".
_WRAPPED = re.compile(r'="((?:[^"]|"")*)"')


def unwrap_formula_text(
    rows: Sequence[tuple[Any, ...]],
) -> tuple[list[tuple[Any, ...]], list[tuple[int, int, str]]]:
    """The rows with each ``="text"`` cell as its text, and (row, column, cell) of each one."""
    unwrapped: list[tuple[int, int, str]] = []
    out = []
    for row, cells in enumerate(rows):
        if not any(isinstance(v, str) and v.startswith('="') for v in cells):
            out.append(cells)
            continue
        new = list(cells)
        for column, value in enumerate(cells):
            match = _WRAPPED.fullmatch(value) if isinstance(value, str) else None
            if match:
                new[column] = match.group(1).replace('""', '"').strip() or None
                unwrapped.append((row, column, value))
        out.append(tuple(new))
    return out, unwrapped
