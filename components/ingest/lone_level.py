"""One column of levels beside the items, headed by a word that names no country.

A table of capabilities down with a column per assessment takes each column's heading as its
assessment's country ("Kenya | Uganda"). With one such column only, a heading that names no
country ("Skor", "Seviye", "Wynik": the level column headed in a language the reader does not
know) is the table's level column, not a country's: the table is read as one row per item,
its country from a Country label, a Country column, the sheet's name or its title (or refused
saying none gives one), and its kind, capabilities or enablers, from its header, sheet name or
titles, so that a sheet of the seven enablers is never read as capabilities 1 to 7 of a
country called "Tingkat". A warning names the heading. A heading that reads as a country (one
the app knows in any of its languages, another name or a misspelling of one, a made-up name
such as "Elbonia", a name in another script: ``title_countries.names_a_country``), a year, a
state ("As-is", ``state_columns``) or a scorer stays what it was.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from components.ingest.column_roles import is_scorer
from components.ingest.matching import Field, classify_header
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.state_words import state_of
from components.ingest.title_countries import names_a_country
from components.ingest.values import split_assessment_header

# What sets a country's name apart from a code, a region or its name in another language, and
# the flags beside it.
_PARTS = re.compile(
    r"[()\[\],;:/|–—-]|[\U0001f1e6-\U0001f1ff\U0001f3f4\U000e0020-\U000e007f\ufe0f]+"
)


def lone_level(
    ctx: ReadContext,
    sheet: Sheet,
    header: int,
    fields: Mapping[Field, int],
    *,
    key: int,
    assessments: Sequence[int],
) -> dict[Field, int] | None:
    """The columns of a one-row-per-item table (``fields`` with the level column) when the
    only assessment column beside the key column ``key`` is headed by no country; ``None``
    otherwise (see the module)."""
    if len(assessments) != 1:
        return None
    column = assessments[0]
    heading = sheet.value(header, column)
    if not isinstance(heading, str) or not _no_country(heading):
        return None
    columns: dict[Field, int] = {**fields, "level": column}
    if key not in columns.values():
        columns["number"] = key  # its numbers or titles name the items: read as either
    if ctx.once(("lone level", sheet.name, header, column)):
        cell = cell_address(header, column)
        ctx.add(
            "warning",
            sheet,
            cell,
            f"The column headed {quoted(heading)} ({cell}) holds the levels, and "
            f"{quoted(heading)} is not a country the app knows: it was read as the level "
            "column, not as a country's.",
            f"Head the column “Level”. If {quoted(heading)} is the country, write its name in "
            "English in a Country label above the table (“Country” in one cell, the name in "
            "the cell to its right).",
        )
    return columns


def _no_country(heading: str) -> bool:
    """Whether a column's heading names no country, year, state, scorer or header word ("Level
    2024": a year's level, ``layout.assessment_header``)."""
    country = split_assessment_header(heading)[0]
    if country is None or is_scorer(heading) or state_of(country) is not None:
        return False
    if classify_header(country) is not None:
        return False
    # "Kenya (KEN)", "Kenya – East Africa", "Монголия / Mongolia", "🇰🇪 Kenya": any part.
    return not any(names_a_country(part) for part in _PARTS.split(country) if part.strip())
