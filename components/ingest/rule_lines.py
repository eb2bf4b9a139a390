"""Rule lines of a table typed as text: Markdown's ``|---|:---:|`` line under the header, an
ASCII table's ``+------+------+``, a line of ``=====`` under a title.

Copied from a chat, a wiki or a README into a csv, such a line is a row of dashes; read as a
row it would be "“---” is not a capability". It holds no data, so it is read as a blank line.
"""

from __future__ import annotations

import re
from typing import Any

_RULE = re.compile(r"[\s:|+=_-]*-{3,}[\s:|+=_-]*|[\s:|+_]*={3,}[\s:|+_]*")


def blank_rule_lines(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """``rows`` with each row whose every filled cell is a rule ("---", ":---:") left empty."""
    return [
        ()
        if row
        and all(v is None or (isinstance(v, str) and _RULE.fullmatch(v)) for v in row)
        and any(v is not None for v in row)
        else row
        for row in rows
    ]
