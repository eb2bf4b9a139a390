"""A report tool's note of the filters applied, under the data it exported: the year.

Power BI's "Export data" writes, under the exported rows, the filters the visual was showing
("Applied filters:" then a line per filter, "Year is 2023", "Region is MENA"). The rows then
hold that year's data only, and often no Year column: the note is where the year is given,
and a careful reader takes it from there. A filter naming one year (or one date) gives it,
said in a warning naming the cell; one naming several ("Year is 2023 or 2024", "Year is not
2022", "Year is after 2020") says no one year, and is said as not used.
"""

from __future__ import annotations

import re

from components.ingest.drafts import Meta, MetaReader
from components.ingest.matching import classify_header
from components.ingest.sheets import cell_address, quoted
from components.ingest.vocabulary import key_of

# The note's first words, as Power BI writes them in the languages the reader knows.
_CAPTIONS = (
    "applied filters",
    "filters applied",
    "filtres appliques",
    "filtros aplicados",
    "angewendete filter",
    "filtri applicati",
)
# A filter: a field, "is", its value ("Year is 2023"); localised: "est", "es", "é", "ist".
_FILTER = re.compile(r"(?P<field>\S.*?)\s+(?:is|est|es|é|ist)\s+(?P<value>\S.*)", re.IGNORECASE)
# Words of a filter that keeps more than one value.
_SEVERAL = re.compile(
    r"\b(?:or|and|not|ou|et|o|y|oder|und|before|after|between|from|to|less|greater|"
    r"more|on or|latest|last|next)\b|[,;<>≥≤]",
    re.IGNORECASE,
)
# The note is among the last rows under the data: how many filled rows are looked at.
_LAST_ROWS = 6


def filtered_year(reader: MetaReader, header: int, end: int) -> Meta:
    """The year a filters note under the table (rows ``header`` to ``end``) gives, said;
    an empty ``Meta`` when there is none."""
    rows = reader.sheet.rows
    looked = 0
    for row in range(min(end, len(rows)) - 1, header, -1):
        cells = rows[row]
        if not any(v is not None for v in cells):
            continue
        looked += 1
        if looked > _LAST_ROWS:
            break
        for column, value in enumerate(cells):
            if isinstance(value, str) and key_of(value[:40]).startswith(_CAPTIONS):
                return _year_of(reader, value, row, column)
    return Meta()


def _year_of(reader: MetaReader, note: str, row: int, column: int) -> Meta:
    lines = [part.strip() for part in re.split(r"[\n\r]+", note)]
    caption, _, rest = lines[0].partition(":")
    filters = ([rest.strip()] if rest.strip() else []) + lines[1:]
    shown = quoted(f"{caption.strip()}: {', '.join(f for f in filters if f)}")
    cell = cell_address(row, column)
    for line in filters:
        found = _FILTER.fullmatch(line)
        if found is None or classify_header(found["field"]) not in ("year", "date", "when"):
            continue
        value = found["value"].strip().strip("“”\"'")
        when = None if _SEVERAL.search(value) else reader.when(value, row, column)
        if when is None or when.year is None:
            reader.ctx.add(
                "warning",
                reader.sheet,
                cell,
                f"The note of the filters applied under the table ({shown}) filters "
                f"{quoted(line)}, which is not one year; no year was taken from it.",
                "Add a Year column giving each row's year, or export each year on its own.",
            )
            return Meta()
        reader.ctx.add(
            "warning",
            reader.sheet,
            cell,
            f"The year {when.year} was taken from the note of the filters applied under the "
            f"table ({shown}): its rows are those of {quoted(line)}.",
            "Nothing to do if the export was filtered so; otherwise add a Year column.",
        )
        return Meta(when=when)
    return Meta()
