"""A country cell's text as the reader first looks at it, worked out once per distinct text.

A long table names a country on each of its rows, and each distinct combination of a row's
metadata is read once per read (``quick_rows.row_meta``); across reads and uploads the same
names come back again and again. What a country cell's text is on its own (on one line, a
formula error it shows, letters lost in saving, a number rather than a name) depends on the
text alone, so it is kept per process (bounded: user text), and only what the reader says
about it (which names the cell) is done per read (``drafts.MetaReader.country``).
"""

from __future__ import annotations

from functools import lru_cache

from components.ingest.countries import is_number_only
from components.ingest.error_cells import formula_error
from components.ingest.lost_letters import lost_letters

# (the text on one line or None when blank, the formula error it shows, whether letters were
# lost in saving, whether it is a number and no name)
CountryText = tuple[str | None, str | None, bool, bool]


def country_line(text: str | None) -> CountryText:
    """What a country cell's text on one line is (``None``: a blank cell)."""
    if text is None:
        return None, None, False, False
    return text, formula_error(text), lost_letters(text), is_number_only(text)


@lru_cache(maxsize=8192)
def country_text(value: str) -> CountryText:
    """``country_line`` of a text cell: on one line, ``None`` when only white space (as
    ``drafts.cell_text`` reads a text cell)."""
    return country_line(" ".join(value.split()) if value.strip() else None)
