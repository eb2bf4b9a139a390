"""The country and year in a task's list, board or record name: "Sri Lanka – MNR 2024".

Project tools file each task in a list, a board or a project, and export its name on every row
(ClickUp's "List Name", Kanbanize's "Board", Asana's "Projects"); a database names each record
after its assessment (Airtable's primary field "MNR 2023 – Sri Lanka – 01"). Such a name is a
title: the country, the year and the tool's words ("MNR", "self-assessment") in one text. A
person reads the country and year from it as from a title above the table; so does the reader,
with the title's rules (``context.title_reading``), and says which column it read:

- ``listed_country_column``: a column, under a heading that names no field, whose every row
  holds one of a few names (a list's, repeated down its rows), each naming a country the app
  knows (and, all of them or none, a year), is the table's country column, its cells written
  as "Country Year" for the rows to read; a name whose words are a country and a year alone
  ("Ghana 2022") is ``joined_meta``'s;
- ``named_years``: with no Year or Date column, a column whose every row names the year, as one
  name on every row ("MNR 2025", a board's) or as each row's record name naming the row's own
  country ("MNR 2023 – Sri Lanka – 01"), is the table's Year column, its cells written as the
  year. A name of a code ("MYS-01-2024") is not read: a code may be anything.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from components.ingest.context import title_reading
from components.ingest.countries import iso3_in_any_language
from components.ingest.country_aliases import alias_of
from components.ingest.country_columns import countries_in
from components.ingest.matching import classify_header, is_summary
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.values import When, split_assessment_header
from components.ingest.vocabulary import Field

# A list's name is one of at most this many, each on two rows or more.
_MAX_NAMES = 50
_WHEN_FIELDS = frozenset({"year", "date", "when"})


def listed_country_column(
    ctx: ReadContext, sheet: Sheet, header: int, columns: Mapping[Field, int], end: int
) -> int | None:
    """The column of list names ("Sri Lanka – MNR 2024") to read as the country column, its
    cells written as "Country Year" (said); ``None`` when there is none, or several."""
    found: list[tuple[int, dict[Any, str]]] = []
    for column, given in _candidates(sheet, header, columns, end):
        distinct = set(given)
        if len(distinct) > _MAX_NAMES or len(given) < 2 * len(distinct):
            continue
        read = {v: _reading(ctx, v) for v in distinct}
        if not all(country and _known(country) for country, _ in read.values()):
            continue
        if any(len(countries_in(ctx, v)[0]) > 1 for v in distinct):
            continue  # "Kenya, Uganda": two countries, not a list's name (``country_names``)
        if len({when.year is None for _, when in read.values()}) != 1:
            continue  # a year in some names only: not one kind of name
        if all(_plainly_named(v) for v in distinct):
            continue  # "Ghana 2022": ``joined_meta``'s
        found.append((column, {v: _written(c or "", w) for v, (c, w) in read.items()}))
    if len(found) != 1:
        return None
    column, written = found[0]
    example = next(v for v in sheet.column(column, header + 1, end) if v in written)
    _rewrite(sheet, column, header + 1, end, written)
    years = any(any(ch.isdigit() for ch in text) for text in written.values())
    ctx.add(
        "warning",
        sheet,
        cell_address(header, column),
        f"The table has no Country column; the column headed {quoted(sheet.value(header, column))} "
        f"names each row's list (such as {quoted(example)}), so the country"
        f"{' and the year' if years else ''} of each row were read from it "
        f"({quoted(written[example])}).",
        "If that is wrong, add a Country column"
        f"{' and a Year column' if years else ''} with each row's values.",
    )
    return column


def named_years(
    ctx: ReadContext, sheet: Sheet, header: int, columns: Mapping[Field, int], end: int
) -> Mapping[Field, int]:
    """``columns`` with a column of names giving each row's year as the Year column, its cells
    written as the year (said), when there is no Year or Date column (see the module)."""
    if columns.keys() & _WHEN_FIELDS:
        return columns
    country = columns.get("country")
    found: list[tuple[int, dict[int, int]]] = []
    for column, given in _candidates(sheet, header, columns, end, rows=True):
        one = len({v for _, v in given}) == 1
        years: dict[int, int] = {}
        for row, value in given:
            named, when = _reading(ctx, value)
            if when.year is None:
                break
            if named and _known(named):  # a record's name: its own row's country
                own = sheet.value(row, country) if country is not None else None
                if not (isinstance(own, str) and _same(named, own)):
                    break
            elif not one:
                break  # names without a country, each its own: not one board's
            years[row] = when.year
        else:
            if years:
                found.append((column, years))
    if len(found) != 1:
        return columns
    column, years = found[0]
    first = min(years)
    example = sheet.value(first, column)
    for row, year in years.items():
        cells = list(sheet.rows[row])
        cells[column] = year
        sheet.rows[row] = tuple(cells)
    sheet.columns = None  # the rows changed
    shown = sorted(set(years.values()))
    ctx.add(
        "warning",
        sheet,
        cell_address(header, column),
        f"The table has no Year column; the column headed {quoted(sheet.value(header, column))} "
        f"names {'each row' if len(shown) > 1 else 'every row'} with its year (such as "
        f"{quoted(example)}), so the year{'s' if len(shown) > 1 else ''} "
        f"{', '.join(str(y) for y in shown)} {'were' if len(shown) > 1 else 'was'} read from it.",
        "If that is wrong, add a Year column with each row's year.",
    )
    return {**columns, "year": column}


def _candidates(
    sheet: Sheet,
    header: int,
    columns: Mapping[Field, int],
    end: int,
    *,
    rows: bool = False,
) -> list[tuple[int, list[Any]]]:
    """The columns under a heading that names no field, with a text on every row giving a
    capability: (column, their values), or (column, (row, value) pairs) with ``rows``."""
    key = columns.get("capability", columns.get("number"))
    if key is None:
        return []
    claimed = set(columns.values())
    cells = sheet.rows[header] if header < len(sheet.rows) else ()
    keys = sheet.column(key, header + 1, end)
    keyed = [header + 1 + i for i, k in enumerate(keys) if k is not None]
    found = []
    for column in range(sheet.width()):
        heading = cells[column] if column < len(cells) else None
        if column in claimed or classify_header(heading) is not None or is_summary(heading):
            continue
        values = sheet.column(column, header + 1, end)
        given = [(r, values[r - header - 1]) for r in keyed if r - header - 1 < len(values)]
        if not keyed or len(given) < len(keyed):
            continue
        if not all(isinstance(v, str) and any(ch.isalpha() for ch in v) for _, v in given):
            continue
        found.append((column, given if rows else [v for _, v in given]))
    return found


def _reading(ctx: ReadContext, value: Any) -> tuple[str | None, When]:
    domains = ctx.domain_names
    return ctx.cached("listed_names.title", value, lambda v: title_reading(str(v), domains))


def _known(name: str) -> bool:
    """A country's name, not a code ("MYS" in "MYS-01-2024" may be anything)."""
    if len(name.strip()) <= 3:
        return False
    return iso3_in_any_language(name) is not None or alias_of(name) is not None


def _same(name: str, other: str) -> bool:
    code = iso3_in_any_language(name) or (alias_of(name) or ("", ""))[1]
    return bool(code) and code == (iso3_in_any_language(other) or (alias_of(other) or ("", ""))[1])


def _plainly_named(value: Any) -> bool:
    """A name that is a country and a year alone ("Ghana 2022"), as a country cell is read."""
    country, _, _ = split_assessment_header(value)
    return country is not None and _known(country)


def _written(country: str, when: When) -> str:
    """A list's name as a country cell the rows read: "Sri Lanka 2024", with its round."""
    return " ".join(str(p) for p in (country, when.year, when.round) if p)


def _rewrite(sheet: Sheet, column: int, first: int, end: int, written: Mapping[Any, str]) -> None:
    for row in range(first, min(end, len(sheet.rows))):
        value = sheet.value(row, column)
        if value in written:
            cells = list(sheet.rows[row])
            cells[column] = written[value]
            sheet.rows[row] = tuple(cells)
    sheet.columns = None  # the rows changed


def page_title_columns(ctx: ReadContext, sheet: Sheet, first: int, columns: list[int]) -> list[int]:
    """Of ``columns``, the one (in a list) whose every value from row ``first`` down names a
    country the app knows, perhaps with a year ("Colombia 2022": a Notion page's title, one
    page per country and year), its cells written as "Country Year" (said); none when none
    does, or several."""
    found: list[tuple[int, dict[Any, str]]] = []
    for column in columns:
        values = [v for v in sheet.column(column, first, len(sheet.rows)) if v is not None]
        if not values or not all(isinstance(v, str) for v in values):
            continue
        read = {v: _reading(ctx, v) for v in set(values)}
        if all(country and _known(country) for country, _ in read.values()):
            found.append((column, {v: _written(c or "", w) for v, (c, w) in read.items()}))
    if len(found) != 1:
        return []
    column, written = found[0]
    example = next(v for v in sheet.column(column, first, len(sheet.rows)) if v is not None)
    _rewrite(sheet, column, first, len(sheet.rows), written)
    heading = sheet.value(first - 1, column) if first else None
    named = f"the column headed {quoted(heading)}" if heading is not None else "a column"
    ctx.add(
        "warning",
        sheet,
        cell_address(first - 1 if first else 0, column),
        f"No column is headed Country, but {named} names each row by its country (such as "
        f"{quoted(example)}); each row's country and year were read from it.",
        "If that is wrong, add a column headed “Country” with each row's country (and a Year "
        "column).",
    )
    return [column]
