"""An issue's or a task's title that names its country, capability and year: "[KEN] Cap 7 –
Access to Image Databases (2025)".

A team tracking the assessment in Jira, ClickUp or Asana writes one issue per capability and
country, and names it so: the country's ISO code in brackets first, the capability, the year
last. The export has no column naming the capability (Jira's "Summary" holds the titles, and
"summary" names a total in a table), nor a Country or Year column: the file was skipped as "a
Level column but no column naming the capability". ``split_issue_titles`` reads such a column
when its every title names a capability of the framework for certain after a known country's
code or name in brackets ("[NGA]", "(GHA)", "[Kenya]"), with or without a year at the end
("(2025)", "– 2025"): it gives the table a Capability column, and a Country and a Year column
where the header has none, with a warning saying where they were read from. A title whose code
is no country's, or whose rest names no capability, makes the column no such column: nothing
is guessed.
"""

from __future__ import annotations

import dataclasses
import re

from components.ingest.countries import country_of_code, iso3_of
from components.ingest.matching import classify_header, exact_reference
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted

# The country in brackets first, then the capability, maybe the year last.
_TITLE = re.compile(
    r"\s*[\[(](?P<country>[^\])]{2,40})[\])]\s*[-–—:|]?\s*(?P<rest>.+?)"
    r"(?:\s*[-–—,]?\s*\(?(?P<year>(?:19|20)\d\d)\)?)?\s*"
)
# How far down the header row is looked for, and how many titles below it are looked at.
_HEADER_ROWS = 20
_SAMPLE_ROWS = 60
# Titles a column must hold at least.
_MIN_TITLES = 3
_ITEM_FIELDS = frozenset({"number", "capability", "enabler"})
_WHEN_FIELDS = frozenset({"year", "date", "when"})


def split_issue_titles(ctx: ReadContext, sheets: list[Sheet]) -> list[Sheet]:
    """``sheets``, each whose table names its rows' country, capability and year in one
    column of titles given columns of their own (said)."""
    return [_split(ctx, sheet) or sheet for sheet in sheets]


def _parts(ctx: ReadContext, value: object) -> tuple[int, str, str, int | None] | None:
    """(capability, country, ISO3 code, year or ``None``) a title names, else ``None``."""
    if not isinstance(value, str) or ("[" not in value and "(" not in value):
        return None
    found = _TITLE.fullmatch(value)
    if found is None:
        return None
    named = found["country"].strip()
    country = country_of_code(named) if len(named) == 3 and named.isupper() else None
    if country is None and (code := iso3_of(named)) is not None:
        country = (named, code)
    number = exact_reference(found["rest"], ctx.capabilities)
    if country is None or number is None:
        return None
    return number, country[0], country[1], int(found["year"]) if found["year"] else None


def _titles_column(ctx: ReadContext, sheet: Sheet) -> tuple[int, int, dict[int, tuple]] | None:
    """(header row, column, row -> the title's parts) of a column of such titles."""
    # Quick test first: the columns where a top cell starts with a bracket (most have none).
    bracketed = {
        column
        for cells in sheet.rows[: _HEADER_ROWS + _SAMPLE_ROWS]
        for column, value in enumerate(cells)
        if isinstance(value, str) and value[:1] in "[("
    }
    if not bracketed:
        return None
    for header in range(min(len(sheet.rows), _HEADER_ROWS)):
        cells = sheet.rows[header]
        for column, heading in enumerate(cells):
            if column not in bracketed or not isinstance(heading, str):
                continue
            if classify_header(heading) in _ITEM_FIELDS:
                continue
            if _TITLE.fullmatch(heading):
                continue  # a title that names nothing for certain: a row of data, no header
            below = range(header + 1, min(len(sheet.rows), header + 1 + _SAMPLE_ROWS))
            filled = [r for r in below if sheet.value(r, column) is not None]
            if len(filled) < _MIN_TITLES:
                continue
            parts = {r: p for r in filled if (p := _parts(ctx, sheet.value(r, column)))}
            if len(parts) == len(filled):
                rest = range(header + 1 + _SAMPLE_ROWS, len(sheet.rows))
                parts.update((r, p) for r in rest if (p := _parts(ctx, sheet.value(r, column))))
                return header, column, parts
    return None


def _split(ctx: ReadContext, sheet: Sheet) -> Sheet | None:
    found = _titles_column(ctx, sheet)
    if found is None:
        return None
    header, column, parts = found
    fields = {classify_header(v) for v in sheet.rows[header]}
    if fields & _ITEM_FIELDS:
        return None  # a column names the capabilities already: the titles are only titles
    added = ["Capability"]
    if not fields & {"country", "iso3"}:
        added.append("Country")
    years = {p[3] for p in parts.values()}
    if not fields & _WHEN_FIELDS and years != {None}:
        added.append("Year")
    width = sheet.width()
    rows = list(sheet.rows)
    rows[header] = (*rows[header], *[None] * (width - len(rows[header])), *added)
    for row, (number, country, _, year) in parts.items():
        values = {"Capability": number, "Country": country, "Year": year}
        cells = rows[row]
        rows[row] = (*cells, *[None] * (width - len(cells)), *(values[a] for a in added))
    first = min(parts)
    example = sheet.value(first, column)
    words = [a.lower() for a in added]
    what = words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
    ctx.add(
        "warning",
        sheet,
        cell_address(header, column),
        f"The {what} of each row {'was' if len(added) == 1 else 'were'} read from the titles "
        f"in the column headed {quoted(sheet.rows[header][column])} ({quoted(example)}: capability "
        f"{parts[first][0]}, {parts[first][1]}"
        f"{f', {parts[first][3]}' if parts[first][3] else ''}).",
        "Nothing to do if that is right. To be sure, give the country, the capability and the "
        "year columns of their own.",
    )
    return dataclasses.replace(sheet, rows=rows, columns=None)
