"""A note typed into a table's capability column: "Note: …", "NB - …", "Remarque : …".

People insert a row under a capability to say something about it, and write the remark where
there is room, in the capability column. Such a row names no capability, and with no level
nothing of the assessment is in it: it is left with a warning that says so (its evidence
cell, if any, goes with it), not with the error an unknown capability gets. A note row that
has a level is still an error: the level would be lost.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted

# The words a note opens with, in the vocabulary's languages, then ":", "-", "." or a space:
# "Note:", "NB -", "N.B.", "Nota bene", "Remarque :", "Observación:", "Obs.", "PS".
_NOTE = re.compile(
    r"^\s*(?:notes?|n\.?\s?b\.?|nota(?:\s+bene)?|remarques?|remarks?|observaci[oó]n(?:es)?"
    r"|observa[cç][aã]o|obs|p\.?\s?s\.?|comment(?:aire)?s?|comentarios?|coment[aá]rio)"
    r"\s*(?:[:.\-–—]|\s|$)",
    re.IGNORECASE,
)


def is_note(value: Any) -> bool:
    """Whether a key cell is a remark ("Note: the hotline figures…"), not a capability."""
    return isinstance(value, str) and _NOTE.match(value) is not None


def left_as_note(
    ctx: ReadContext, sheet: Sheet, row: int, column: int, columns: Mapping[str, int]
) -> bool:
    """Whether the row's key cell (in ``column``) is a note and the row has no level: then it
    is left, with a warning saying so."""
    value = sheet.value(row, column)
    level = columns.get("level")
    if not is_note(value) or level is None or sheet.value(row, level) is not None:
        return False
    ctx.add(
        "warning",
        sheet,
        cell_address(row, column),
        f"Row {row + 1} is a note ({quoted(value)}), not a capability, and has no level; it "
        "was not read.",
        "Nothing to do if it is a note (its text is not kept: put it in the Evidence column of "
        "the capability's row to keep it). If it is a capability, write its number or title.",
    )
    return True
