"""One sheet per capability: the capability named by the sheet, not by a column.

A regional file may give each capability its own tab ("1 Leadership", "Legislation",
"Cap 3"), each holding ``Country | Year | Level`` rows. The table has no column naming the
capability, so on its own it is refused; when the sheet's name names exactly one capability
for certain (its exact title, its number with its title, or its code; never a bare number, an
ordinal as often as a capability), ``name_capability_sheets`` gives the table a Capability
column after its last one, holding that capability's number on each row, and says once per
workbook that the capabilities were taken from the sheet names. ``join_capability_sheets``
then joins the assessments those sheets give for one country, date or year and round into one
(``reader._join_split`` leaves long tables, the country on each row, apart).
"""

from __future__ import annotations

import dataclasses
import re

from components.base.text import normalise
from components.ingest.catalogue import Catalogue
from components.ingest.column_roles import header_item
from components.ingest.drafts import Draft
from components.ingest.layout import KEY_SAMPLE_ROWS, MIN_KEY_MATCHES
from components.ingest.layout import _header_fields as header_fields
from components.ingest.level_header import level_data_row
from components.ingest.matching import classify_header, exact_reference, is_plain_number, is_summary
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.task_titles import title_columns

# How far down a sheet its header row is looked for.
_HEADER_ROWS = 20
# Excel cuts a sheet's name at this many characters: "10 Compensation, Remedies and C".
_SHEET_NAME_CHARS = 31
_NUMBERED = re.compile(r"^\s*(\d{1,2})\s*[.:)\-–]?\s+(\S.*)$")
_KEYS = frozenset({"number", "capability", "enabler"})


def sheet_capability(name: str | None, catalogue: Catalogue) -> int | None:
    """The capability a sheet's name names for certain, else ``None``."""
    if not name or is_plain_number(name):
        return None
    number = exact_reference(name, catalogue)
    if number is not None:
        return number
    # A number with its title cut at Excel's limit: the cut title must start the number's.
    found = _NUMBERED.match(name)
    if found is None or len(name) != _SHEET_NAME_CHARS:
        return None
    number, rest = int(found[1]), normalise(found[2])
    title = catalogue.titles.get(number)
    return number if title and len(rest) >= 8 and normalise(title).startswith(rest) else None


def level_header(
    ctx: ReadContext, sheet: Sheet, countryless: bool = False
) -> tuple[int, dict[str, int]] | None:
    """The sheet's header row (and its fields) when it has Country (unless ``countryless``)
    and Level columns but no column naming the capability, nor capabilities across."""
    for row in range(min(len(sheet.rows), _HEADER_ROWS)):
        cells = sheet.rows[row]
        fields = header_fields(cells)
        if "level" not in fields and not fields.keys() & _KEYS:
            continue
        if level_data_row(ctx, sheet, row, fields):
            continue  # "Level 1 - Building" under the header: data
        if "level" not in fields or fields.keys() & _KEYS:
            return None
        if "country" not in fields and not countryless:
            return None
        if any(isinstance(v, str) and header_item(v, ctx.capabilities) for v in cells):
            return None
        return row, dict(fields)
    return None


def key_column(ctx: ReadContext, sheet: Sheet, header: int) -> int | None:
    """The column of a header row that names no field but whose values below name
    capabilities for certain, by title or code (monday.com's "Name"), else ``None``; a
    column naming each row's parent ("Parent task") is none (``task_titles``)."""
    found = []
    for column, value in enumerate(sheet.rows[header]):
        if value is None or classify_header(value) is not None:
            continue
        below = sheet.column(column, header + 1, header + 1 + KEY_SAMPLE_ROWS)
        values = [v for v in below if v is not None and v != value and not is_summary(v)]
        named = sum(
            not is_plain_number(v) and exact_reference(v, ctx.capabilities) is not None
            for v in values
        )
        if named >= MIN_KEY_MATCHES and named * 5 >= len(values) * 3:
            found.append(column)
    found = title_columns(sheet.rows[header], found)
    return found[0] if len(found) == 1 else None  # two: which one is meant is not certain


def name_capability_sheets(ctx: ReadContext, sheets: list[Sheet]) -> tuple[list[Sheet], set[int]]:
    """The sheets, each one-capability sheet given its Capability column (and a sheet whose
    capabilities are in a column headed otherwise, that column headed Capability); and the ids
    of the one-capability sheets (for ``join_capability_sheets``)."""
    out: list[Sheet] = []
    named: list[Sheet] = []
    for sheet in sheets:
        number = None if sheet.name is None else sheet_capability(sheet.name, ctx.capabilities)
        found = level_header(ctx, sheet, number is None)
        if found is not None and number is None:
            out.append(_headed(ctx, sheet, found[0]))
            continue
        if found is None:
            out.append(sheet)
            continue
        header, fields = found
        width = sheet.width()
        rows = list(sheet.rows)
        rows[header] = (*rows[header], *[None] * (width - len(rows[header])), "Capability")
        for index in range(header + 1, len(rows)):
            cells = rows[index]
            if any(
                fields[f] < len(cells) and cells[fields[f]] is not None
                for f in ("country", "level")
            ):
                rows[index] = (*cells, *[None] * (width - len(cells)), number)
        given = dataclasses.replace(sheet, rows=rows, columns=None)
        out.append(given)
        named.append(given)
    if named:
        shown = ", ".join(f"“{s.name}”" for s in named[:4])
        more = f" and {len(named) - 4} more" if len(named) > 4 else ""
        ctx.add(
            "warning",
            named[0],
            None,
            f"The capability of each row of sheets {shown}{more} was taken from the sheet's "
            "name: their tables have Country and Level columns but no column naming the "
            "capability.",
            "Check that each sheet's name is the capability of its levels; or add a Capability "
            "column to each table.",
        )
    return out, {id(s) for s in named}


def join_capability_sheets(ctx: ReadContext, drafts: list[Draft], named: set[int]) -> list[Draft]:
    """The assessments of the one-capability sheets joined per country, date or year and
    round (each sheet gives one capability of them). Two sheets naming the same capability
    are left apart (``reader._join_split`` and the duplicate checks report them)."""
    if not named:
        return drafts
    groups: dict[tuple[str, str, str], list[Draft]] = {}
    for draft in drafts:
        if id(draft.sheet) in named and draft.country is not None and not draft.needs_owner:
            groups.setdefault(draft.key(), []).append(draft)
    joined: set[int] = set()
    for members in groups.values():
        if len(members) < 2:
            continue
        numbers = [n for d in members for n in d.items["capability"]]
        if len(numbers) != len(set(numbers)):
            continue
        first = members[0]
        for other in members[1:]:
            first.take_in(other)
            joined.add(id(other))
    return [d for d in drafts if id(d) not in joined] if joined else drafts


def _headed(ctx: ReadContext, sheet: Sheet, header: int) -> Sheet:
    """The sheet, the column holding its capabilities headed Capability (on each row that
    repeats the header), with a warning; the sheet as it is when no column holds them."""
    column = key_column(ctx, sheet, header)
    if column is None:
        return sheet
    was = sheet.rows[header][column]
    rows = [
        (*cells[:column], "Capability", *cells[column + 1 :])
        if cells == sheet.rows[header]
        else cells
        for cells in sheet.rows
    ]
    ctx.add(
        "warning",
        sheet,
        cell_address(header, column),
        f"The column headed {quoted(was)} ({cell_address(header, column)}) was read as the "
        "capabilities: its cells name capabilities.",
        "Head the column “Capability” to say so.",
    )
    return dataclasses.replace(sheet, rows=rows, columns=None)
