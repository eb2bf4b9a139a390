"""Sub-columns under a capability's heading: a countries table whose header is two levels deep.

One row per country, each capability heading several columns: merged (or written once) over
"2018 | 2020 | 2022 | 2024", over "Baseline (2020) | Midline (2022) | Target (2025)", over
"Self | Validated"; a band "Round 1 (2017)" over C1..C21 above the capabilities; or flat,
"Leadership – score 2023" beside "Leadership – target 2026". Read as it stands, the second
heading row is a country's row and each capability is given several times. A careful reader
reads each sub-column as its year's or round's assessment of the country on the row, sets
targets aside, and reads the validated level where a self-assessment is beside it
(``sub_headings``; each said in a warning); sub-columns that nothing tells apart are refused,
naming them. The table is then read once per assessment (``column_groups``).

``read_sub_columns`` is the reader's one way in for headers of two levels: a countries-as-rows
table is read here; capabilities down with a band over the countries (``band_rows``), a long
table with a column per round (``round_columns``), several level columns of which one is
validated (``settled_levels``), and a level column per country or per copy of the template
merged (``level_copies``) in their modules.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping
from typing import Any

from components.ingest.band_rows import read_item_bands
from components.ingest.column_groups import (
    Parse,
    Part,
    copy_of,
    heading_text,
    inside_part,
    read_parts,
    say_choice,
    say_empty,
    say_unsure,
)
from components.ingest.drafts import Draft
from components.ingest.layout import CountryRows, ItemRows, ItemTable, Layout, SeveralLevels
from components.ingest.level_copies import read_level_copies
from components.ingest.matching import Catalogue, classify_header, exact_reference
from components.ingest.round_columns import read_round_columns
from components.ingest.settled_levels import read_settled
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.sub_headings import SubHeading, choose, sub_heading
from components.ingest.values import parse_level

# Where a flat heading's capability ends and what tells its columns apart begins:
# "Leadership – score 2023", "Leadership (2018)", "C1: Target".
_SPLITS = re.compile(r"\s*[–—:|/\n]\s*|\s+-\s+|\s*[(\[]\s*")
_CODE = re.compile(
    r"^\s*((?:c|cap|capability|e|en|enabler)\s*\.?\s*0*\d{1,2})(?:[\s_\-–—:.|/]+|(?=[(\[]))(.+)$",
    re.IGNORECASE,
)
_TRAILING_YEAR = re.compile(r"^(.*\S)\s+((?:19|20)\d{2}\b.*)$")
# Of a row under the capabilities, at least this share is headed for it to be a heading row.
_HEADED = 0.8
# A band of rounds over a tracker's capabilities is looked for in its first rows.
_BAND_ROWS = 4
_TITLE_CHARS = 120

Headings = tuple[dict[int, SubHeading | None], dict[int, tuple[str, str]], int | None]


def read_sub_columns(
    ctx: ReadContext, sheet: Sheet, layout: Layout | None, parse: Parse
) -> list[Draft] | None:
    """The drafts of a table whose header is two levels deep (see the module), read through
    ``parse`` (the reader's ``parse_sheet``); ``None`` when the table is not one."""
    if inside_part():
        return None
    if isinstance(layout, CountryRows):
        return _country_rows(ctx, sheet, layout, parse)
    if isinstance(layout, ItemRows):
        return read_item_bands(ctx, sheet, layout, parse)
    settled = read_settled(ctx, sheet, layout, parse) if isinstance(layout, SeveralLevels) else None
    if settled is not None:
        return settled
    if isinstance(layout, ItemTable | SeveralLevels):  # "Level (Kenya)" | "Level (Uganda)"
        return read_level_copies(ctx, sheet, layout, parse)
    if layout is None:
        return read_round_columns(ctx, sheet, parse)
    return None


def rounds_over_items(ctx: ReadContext, sheet: Sheet) -> bool:
    """Whether one of the sheet's first rows gives the capabilities several times under a
    band of rounds ("Round 1 (2017)" over C1..C21, then "Round 2 (2019)"): a tracker's
    header, not an online form's question over its matrix."""
    for row in range(1, min(_BAND_ROWS, len(sheet.rows))):
        owners: dict[int, Hashable] = {}
        for column, value in enumerate(sheet.rows[row]):
            if isinstance(value, str) and len(value) <= _TITLE_CHARS:
                number = exact_reference(value, ctx.capabilities)
                if number is not None:
                    owners[column] = number
        if len(set(owners.values())) < len(owners) and _band(sheet, row, owners):
            return True
    return False


def _country_rows(
    ctx: ReadContext, sheet: Sheet, layout: CountryRows, parse: Parse
) -> list[Draft] | None:
    owners: dict[int, Hashable] = {c: (cat.kind, n) for c, (cat, n) in layout.items.items()}
    if not owners:
        return None
    spread = _spread(sheet, layout, owners)
    found = _under(ctx, sheet, layout, spread)
    if found is not None:
        owners = spread
    repeated = len(set(owners.values())) < len(owners)
    if found is None and repeated:
        found = _band(sheet, layout.header, owners) or _flat(ctx, sheet, layout.header, owners)
    if found is None or _beside_another(sheet, layout, owners):
        return None
    headings, texts, used = found
    unknown = [c for c in owners if headings.get(c) is None]
    if unknown:
        if not repeated:
            return None
        _say_unknown(ctx, sheet, unknown, texts)
        return []
    choice = choose({c: (owners[c], h) for c, h in headings.items() if h is not None})
    if choice.unsure:
        say_unsure(ctx, sheet, choice, texts, "capability and round")
        return []
    say_choice(ctx, sheet, choice, texts, "Each capability's columns")
    named: dict[Hashable, Any] = {}
    for column, owner in sorted(owners.items()):
        named.setdefault(owner, sheet.value(layout.header, column))
    heads = {c: sheet.value(layout.header, c) or named[o] for c, o in owners.items()}
    parts: list[Part] = []
    empty: list[Part] = []
    for key, owned in choice.read.items():
        kept = set(owned.values())
        copy, skipped, filled = _copy(sheet, layout, heads, kept, used)
        heading = choice.rounds[key] if key != (None, "") else None
        (parts if filled else empty).append(Part(copy, heading, texts[min(kept)][1], skipped))
    if empty and parts:
        say_empty(ctx, sheet, [part.label for part in empty])
    # Nothing filled in under any heading: read as it is, a table without levels (said so).
    dated = bool(layout.columns.keys() & {"year", "date", "when"})
    return read_parts(ctx, sheet, parts or empty[:1], parse, dated_rows=dated)


def _spread(
    sheet: Sheet, layout: CountryRows, owners: Mapping[int, Hashable]
) -> dict[int, Hashable]:
    """The capabilities' columns with those headed in the row below only: a capability
    written once over its sub-columns (not merged) owns those up to the next heading."""
    header = sheet.rows[layout.header]
    below = layout.header + 1
    cells = sheet.rows[below] if below < len(sheet.rows) else ()
    spread = dict(owners)
    last: Hashable | None = None
    for column in range(min(owners), len(cells)):
        if column in owners:
            last = owners[column]
        elif column < len(header) and header[column] is not None:
            last = None  # another column's heading ends the capability's columns
        elif last is not None and cells[column] is not None:
            spread[column] = last
    return spread


def _under(
    ctx: ReadContext, sheet: Sheet, layout: CountryRows, owners: Mapping[int, Hashable]
) -> Headings | None:
    """The row under the capabilities when it heads their columns (the country's cell blank
    or merged down): "2018 | 2020", "Self | Validated"."""
    row = layout.header + 1
    if row >= len(sheet.rows):
        return None
    if sheet.value(row, layout.country) not in (None, sheet.value(layout.header, layout.country)):
        return None
    values = {c: sheet.value(row, c) for c in owners}
    filled = [c for c, v in values.items() if v is not None]
    if len(filled) < max(2, _HEADED * len(owners)):
        return None
    scale = ctx.framework.scale
    if any(parse_level(values[c], scale).level is not None for c in filled):
        return None  # levels: a country's row
    headings = {c: sub_heading(values[c]) for c in owners}
    texts = {c: (cell_address(row, c), heading_text(values[c])) for c in owners}
    return headings, texts, row


def _band(sheet: Sheet, header: int, owners: Mapping[int, Hashable]) -> Headings | None:
    """The row above the capabilities when it is a band of rounds over their columns
    ("Round 1 (2017)" merged, or written once, over C1..C21, then "Round 2 (2019)")."""
    if header == 0 or not owners:
        return None
    row = header - 1
    columns = sorted(owners)
    carry: tuple[int, Any] | None = None
    headings: dict[int, SubHeading | None] = {}
    texts: dict[int, tuple[str, str]] = {}
    for column in range(columns[0], columns[-1] + 1):
        value = sheet.value(row, column)
        if value is not None and (carry is None or value != carry[1]):
            carry = (column, value)
        if column not in owners:
            continue
        if carry is None:
            return None
        headings[column] = sub_heading(carry[1])
        texts[column] = (cell_address(row, carry[0]), heading_text(carry[1]))
    if None in headings.values() or len({t for _, t in texts.values()}) < 2:
        return None
    return headings, texts, row


def _flat(
    ctx: ReadContext, sheet: Sheet, header: int, owners: Mapping[int, Hashable]
) -> Headings | None:
    """Each column's own heading when it tells the capability's columns apart after (or
    before) the capability: "Leadership – score 2023" | "Leadership – target 2026"."""
    headings: dict[int, SubHeading | None] = {}
    texts: dict[int, tuple[str, str]] = {}
    for column, owner in owners.items():
        value = sheet.value(header, column)
        kind, number = owner  # type: ignore[misc]
        catalogue = ctx.capabilities if kind == "capability" else ctx.enablers
        rest = _qualifier(value, catalogue, number)
        heading = sub_heading(rest) if rest else SubHeading("level")
        if heading is None:
            return None
        headings[column] = heading
        texts[column] = (cell_address(header, column), rest or str(value))
    if all(h.role == "level" and h.key == (None, "") for h in headings.values() if h):
        return None
    return headings, texts, None


def _qualifier(value: Any, catalogue: Catalogue, number: int) -> str | None:
    """What a heading says besides naming capability ``number`` ("score 2023" of "Leadership
    – score 2023"), or ``None`` when it says nothing else."""
    if not isinstance(value, str):
        return None
    for found in _SPLITS.finditer(value):
        left, right = value[: found.start()].strip(), value[found.end() :].strip(" )]")
        if not left or not right:
            continue
        if exact_reference(left, catalogue) == number and exact_reference(right, catalogue) is None:
            return right
        if exact_reference(right, catalogue) == number and exact_reference(left, catalogue) is None:
            return left
    code = _CODE.match(value)
    if code and exact_reference(code[1], catalogue) == number:
        return code[2].strip(" )]")
    tail = _TRAILING_YEAR.match(value)
    if tail and exact_reference(tail[1], catalogue) == number:
        return tail[2]
    return None


def _beside_another(sheet: Sheet, layout: CountryRows, owners: Mapping[int, Hashable]) -> bool:
    """Whether a second country column heads a table beside the first (not sub-columns)."""
    cells = sheet.rows[layout.header]
    first, last = min(owners), max(owners)
    return any(classify_header(cells[c]) == "country" for c in range(first, min(last, len(cells))))


def _copy(
    sheet: Sheet,
    layout: CountryRows,
    heads: Mapping[int, Any],
    kept: set[int],
    used: int | None,
) -> tuple[Sheet, tuple[str, ...], bool]:
    """The sheet with only the ``kept`` capability columns headed (by ``heads``, their
    capability's heading) and the heading row ``used`` emptied; the rows of countries with
    levels in the other columns of ``heads`` but none in ``kept`` emptied too (their names
    returned); and whether any row has a level in ``kept``."""
    others = set(heads) - kept
    rows = list(sheet.rows)
    header = list(rows[layout.header])
    if used is not None and used < layout.header:
        # A band above: the labels merged down over both rows (Country, ISO3) come down.
        outside = set(range(min(kept | others), max(kept | others) + 1))
        header += [None] * (len(rows[used]) - len(header))
        for column, value in enumerate(rows[used]):
            if column not in outside and header[column] is None:
                header[column] = value
    header += [None] * (max(kept) + 1 - len(header))
    for column in kept:
        if header[column] is None:  # a capability written once over its sub-columns
            header[column] = heads[column]
    rows[layout.header] = tuple(None if c in others else v for c, v in enumerate(header))
    if used is not None:
        rows[used] = ()
    skipped: list[str] = []
    any_level = False
    for row in range(layout.header + 1, len(rows)):
        cells = rows[row]
        if row == used or not cells:
            continue
        here = any(c < len(cells) and cells[c] is not None for c in kept)
        any_level = any_level or here
        if not here and any(c < len(cells) and cells[c] is not None for c in others):
            rows[row] = ()
            name = cells[layout.country] if layout.country < len(cells) else None
            if isinstance(name, str):
                skipped.append(name)
    copy = copy_of(sheet, rows, {used} if used is not None else set())
    return copy, tuple(skipped), any_level


def _say_unknown(
    ctx: ReadContext, sheet: Sheet, unknown: list[int], texts: Mapping[int, tuple[str, str]]
) -> None:
    shown = list(dict.fromkeys(texts[c][1] for c in sorted(texts)))[:4]
    where = texts[unknown[0]][0] if unknown[0] in texts else None
    ctx.add(
        "error",
        sheet,
        where,
        "Each capability heads several columns, and their headings ("
        + ", ".join(quoted(t) for t in shown)
        + ") say no year, round or whose levels they hold, so which one is the level is not "
        "clear; the table was not read.",
        "Head each column under a capability with the year or round of its assessment "
        "(“2021”, “Baseline (2021)”), or keep one column per capability, then upload the file "
        "again.",
    )
