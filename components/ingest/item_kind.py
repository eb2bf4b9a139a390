"""Whether a one-row-per-item table lists the capabilities or the enablers.

Its header says it ("Enabler", "Facteur", "Habilitador"), or its sheet's name ("Enablers",
"Facteurs favorables"), or its titles: rows that name enablers by their exact titles (in any
language the framework gives them, ``aliases`` in ``mnr_data/framework.toml``) and no
capability are the enablers' rows whatever the header says ("N° | Intitulé | Niveau" over the
seven enablers). A table whose titles name both stays the capabilities' (the enablers numbered
1 to 7 under them are ``numbered_titles``' concern); a capability's title after its own number
("1. Leadership", "C7 – Access to image databases"), or an enabler's after its own, names it as
surely as the title alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal

from components.ingest.catalogue import Catalogue
from components.ingest.matching import exact_reference, is_exact_title
from components.ingest.sheets import ReadContext, Sheet
from components.ingest.vocabulary import Field, default_vocabulary, key_of

Catalogue_kind = Literal["capability", "enabler"]

# Rows below the header looked at for titles: the seven enablers, with room for blank rows.
_ROWS_LOOKED_AT = 30
# Enabler titles needed (and no capability's) before the titles decide.
_ENOUGH_TITLES = 3
# A number first ("1. Leadership"), perhaps after a short code ("C7", "Cap. 7"), then words.
_NUMBER_THEN_WORDS = re.compile(r"\s*[^\W\d_]{0,4}\.?\s*\d{1,2}\b.*[^\W\d_]", re.DOTALL)


def item_kind(
    ctx: ReadContext, sheet: Sheet, row: int, fields: Mapping[Field, int]
) -> Catalogue_kind:
    """Whether the table headed at ``row`` lists the enablers (by its header, its sheet's
    name or its titles) or the capabilities."""
    if "enabler" in fields and "capability" not in fields:
        return "enabler"
    by_name_only = "capability" not in fields and "enabler" not in fields
    if by_name_only and names_enablers(sheet.name):
        return "enabler"
    return "enabler" if _titled_as_enablers(ctx, sheet, row, fields) else "capability"


def names_enablers(sheet_name: str | None) -> bool:
    """Whether a sheet's name says it holds the enablers ("Enablers", "Facilitateurs",
    "Facteurs favorables")."""
    if not sheet_name:
        return False
    words = default_vocabulary().headers
    key = key_of(sheet_name)
    if "enabler" in key:
        return True
    parts = key.split()
    return any(
        words.get(" ".join(parts[i:j])) == "enabler"
        for i in range(len(parts))
        for j in range(i + 1, len(parts) + 1)
    )


def _titled_as_enablers(
    ctx: ReadContext, sheet: Sheet, row: int, fields: Mapping[Field, int]
) -> bool:
    """Whether the rows below name enablers by their exact titles, and no capability."""
    skip = {fields[f] for f in ("level", "number") if f in fields}
    enablers = capabilities = 0
    for cells in sheet.rows[row + 1 : row + 1 + _ROWS_LOOKED_AT]:
        texts = [v for c, v in enumerate(cells) if c not in skip and isinstance(v, str)]
        if any(_names(v, ctx.capabilities, ctx.enablers) for v in texts):
            capabilities += 1
        elif any(_names(v, ctx.enablers, ctx.capabilities) for v in texts):
            enablers += 1
    return enablers >= _ENOUGH_TITLES and capabilities == 0


def _names(text: str, catalogue: Catalogue, other: Catalogue) -> bool:
    """Whether a cell names an item of ``catalogue`` beyond doubt: its exact title, or its
    number followed by its own title ("1. Leadership"; never a number alone, which the other
    kind's table has too, nor the other kind's title after a number)."""
    if is_exact_title(text, catalogue):
        return True
    return (
        _NUMBER_THEN_WORDS.match(text) is not None
        and exact_reference(text, catalogue) is not None
        and not is_exact_title(text, other)
    )
