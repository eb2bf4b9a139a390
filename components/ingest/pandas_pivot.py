"""A pandas pivot table written with ``to_csv()``: three header lines before the rows.

``df.pivot_table(values=["level"], index=["country", "year"], columns="capability")`` writes
its column index in two lines and its row index's names in a third::

    ,,level,level,…            the value's name over each column
    capability,,1,2,…          the columns' name, then each column's key
    country,year,,,…           the row index's names, nothing after them
    Kenya,2023,2.0,1.0,…

``flat_pivot`` reads such a sheet as the plain table it stands for (the third line's names
then the second line's keys as one header row, the first two lines left out) when the value's
name is a level header and a name says what the keys are (capability or country); the rows
keep their places, so cells are named as in the file. ``pivot_reason`` names the shape when
it is not certain, with how to write the table flat.

``df.to_excel()`` of a pivot whose columns have more than one level writes each level's name
at the right of its own header row, then the row index's names in a row of their own::

    |      | domain     | Criminal Justice | …      the upper level: the capability's domain
    |      | capability | 4. Dedicated …   | …      the capabilities
    | country | year    |                  |        the row index's names
    | Kenya   | 2023    | 2                | …

(the domains merged over their capabilities, or repeated with ``merge_cells=False``, and the
country merged down over its years). Read as it stands, the domain row looks like a form's
questions with no country. When every level above the last is the domain (which the
capability already says) or the value's name ("level"), and the last level names the
capability, the sheet is read as the plain table: the index names then the capabilities as
one header row, the upper rows left out. An upper level of anything else (a year, a country)
would be lost so, and is left to the other layouts.

A DataFrame's own column levels usually have no names (``pd.MultiIndex.from_tuples`` of
(domain, capability) pairs): the cells left of the keys are then empty. Such a level is the
domain when its keys are all the framework's domains, and the last level, under them, is
what the index names' row heads (the capabilities); with no upper level to say so, one unnamed
level is not read here. ``to_csv()`` lays the levels out the same way. pandas before 3.0
wrote ``merge_cells=False`` as one row of keys joined by dots ("Victim.Child Helpline") over
the index names' row: read as the capabilities after their domain (``legacy_header``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from components.base.text import normalise
from components.ingest.matching import classify_header
from components.ingest.sheets import Sheet, quoted


def flat_pivot(sheet: Sheet, domains: frozenset[str] = frozenset()) -> Sheet | None:
    """The sheet with the pivot's header lines made one header row; ``None`` when it is not
    a pandas pivot whose value is the level and whose keys are named (or, unnamed, are the
    framework's ``domains``, normalised, over the capabilities)."""
    if sheet.name is not None:
        return _flat_excel_pivot(sheet, domains)
    shape = _shape(sheet)
    if shape is None:  # to_csv() of columns of two levels: laid out as to_excel() lays them
        return _flat_excel_pivot(sheet, domains)
    depth, value, name = shape
    names = {classify_header(v) for v in sheet.rows[2][:depth]} | {classify_header(name)}
    if classify_header(value) != "level" or not names & {"capability", "number", "country"}:
        return None
    rows = list(sheet.rows)
    rows[2] = tuple(rows[2][:depth]) + tuple(rows[1][depth:])
    rows[0] = rows[1] = ()
    return replace(sheet, rows=rows, columns=None)


def pivot_reason(sheet: Sheet) -> str | None:
    """Why a pandas pivot's csv was not read: its shape named, with how to write it flat."""
    shape = _shape(sheet)
    if shape is None:
        return None
    _, value, name = shape
    return (
        "it looks like a pandas pivot table written with to_csv() (three header lines: "
        f"{quoted(value)} over the columns, {quoted(name)} naming them, then the row names), "
        "and which of its columns hold the levels is not certain. Write it flat: "
        "df.reset_index() with one header line (the columns named Country, Year and each "
        "capability), or df.to_excel(), or the long table Country, Year, Capability, Level"
    )


def _shape(sheet: Sheet) -> tuple[int, Any, Any] | None:
    """(how many index columns, the value's name, the columns' name) of a pandas pivot's
    three header lines; ``None`` when the sheet does not start so."""
    if sheet.name is not None or len(sheet.rows) < 4:
        return None
    top, keys, names = sheet.rows[0], sheet.rows[1], sheet.rows[2]
    depth = next((c for c, v in enumerate(top) if v is not None), 0)
    width = len(top)
    if not depth or width - depth < 2 or len(keys) != width:
        return None
    if len(set(top[depth:])) != 1 or any(v is None for v in keys[depth:]):
        return None
    labels = [v for v in keys[:depth] if v is not None]
    if len(labels) != 1 or not isinstance(labels[0], str):
        return None
    if len(names) > depth or any(not isinstance(v, str) for v in names[:depth]):
        return None
    if len(names) < depth:
        return None
    return depth, top[depth], labels[0]


# The header rows of a pandas ``to_excel()`` looked at: its column levels, then the index names.
_EXCEL_LEVELS = 4
# An index name among these says the rows are assessments (a country's, a year's).
_INDEX_FIELDS = frozenset({"country", "year", "date"})


def _flat_excel_pivot(sheet: Sheet, domains: frozenset[str]) -> Sheet | None:
    """The ``to_excel()`` pivot's column levels and index names made one header row; ``None``
    when the sheet does not start so, or an upper level says more than the domain."""
    rows = sheet.rows
    if len(rows) > 2 and (legacy := legacy_header(rows, domains)) is not None:
        return replace(sheet, rows=[(), legacy, *rows[2:]], columns=None)
    for names_row in range(2, min(_EXCEL_LEVELS + 1, len(rows) - 1)):
        names = rows[names_row]
        depth = len(names)
        if not depth or any(not isinstance(v, str) for v in names):
            continue  # the index names, then nothing after them
        if not all(_level_row(rows[r], depth) for r in range(names_row)):
            continue
        upper = [_level_name(rows[r], depth) for r in range(names_row - 1)]
        # The levels unnamed (pandas writes no name for them): known by their keys.
        last = _level_name(rows[names_row - 1], depth)
        if last is not None and classify_header(last) not in ("capability", "number"):
            return None
        if not all(
            classify_header(name) == "domain"
            or (name is None and _value_name(rows[r][depth:]))
            or (name is None and _domain_keys(rows[r][depth:], domains))
            for r, name in enumerate(upper)
        ):
            return None
        if last is None and not upper:
            return None  # one level, unnamed: nothing says what its keys are
        index = {classify_header(v) for v in names}
        if not index & _INDEX_FIELDS:
            return None
        flat = list(rows)
        flat[names_row] = tuple(names) + tuple(rows[names_row - 1][depth:])
        for r in range(names_row):
            flat[r] = ()
        return replace(sheet, rows=flat, columns=None)
    return None


def _level_row(cells: tuple[Any, ...], depth: int) -> bool:
    """Whether a row is one of a ``to_excel()`` column level's: blank over the index columns
    but the one naming the level (the last; ``to_csv()``'s first), then keys across."""
    return (
        len(cells) > depth + 1
        and sum(v is not None for v in cells[:depth]) <= 1
        and any(v is not None for v in cells[depth:])
    )


def _level_name(cells: tuple[Any, ...], depth: int) -> Any:
    """The name a column level's row gives it over the index columns (``None``: unnamed)."""
    return next((v for v in cells[:depth] if v is not None), None)


def _domain_keys(keys: tuple[Any, ...], domains: frozenset[str]) -> bool:
    """Whether a level's keys are all the framework's domains (its names, normalised)."""
    filled = {v for v in keys if v is not None}
    return bool(filled) and all(isinstance(v, str) and normalise(v) in domains for v in filled)


def legacy_header(
    rows: Sequence[tuple[Any, ...]], domains: frozenset[str]
) -> tuple[Any, ...] | None:
    """The header row of pandas' older ``to_excel(merge_cells=False)`` of (domain, capability)
    columns, which joined each column's keys with a dot in one row ("Victim.Child Helpline")
    above the index names' row: the index names, then each key after its domain; ``None``
    for other rows."""
    names, keys = rows[1], rows[0]
    depth = len(names)
    if not depth or any(not isinstance(v, str) for v in names) or not _level_row(keys, depth):
        return None
    if (
        _level_name(keys, depth) is not None
        or not {classify_header(v) for v in names} & _INDEX_FIELDS
    ):
        return None
    after = []
    for key in keys[depth:]:
        domain, dot, rest = key.partition(".") if isinstance(key, str) else ("", "", "")
        if not dot or not rest.strip() or normalise(domain) not in domains:
            return None
        after.append(rest.strip())
    return (*names, *after)


def _value_name(keys: tuple[Any, ...]) -> bool:
    """Whether a level's keys are all one level header (``values=["level"]``)."""
    filled = {v for v in keys if v is not None}
    return len(filled) == 1 and classify_header(next(iter(filled))) == "level"
