"""Titles the reader does not know, in a table whose rows follow the framework's order.

A table names its capabilities by titles in the team's own words, without numbers: most are
the framework's titles or their translations, a few are not ("Polícia especializada",
"Técnicos de proteção da criança"). When the rows the reader knows are in the framework's
order, and the rows it does not know fill the gaps between them exactly (one unknown row where
one capability is missing: between capability 3 and capability 5, one row), an unknown row
whose words come close to the title of the capability missing at its place (the closest
titles ``matching`` suggests include it) is that capability: it is read so, with a warning
naming the title and the capability taken. A row whose words are close to no title ("Budget
lines") or to two alike ("Reporting") stays an error. Nothing is placed otherwise: rows out of
order (a table sorted by title), a gap of two rows where one capability is missing, or fewer
known rows than unknown ones leave every unknown title an error naming it, as before.

Seven rows numbered 1 to 7 and no further, beside titles none of which names a capability
(``maybe_enablers``), may be the template's Enablers sheet translated into a language the
reader does not know ("Lp. | Czynnik | Poziom" on a sheet named "Czynniki"): read by their
numbers they would be capabilities 1 to 7 with the enablers' levels, invented. They are not
read; an error says they may be the enablers and how to say which they are. Capabilities 1 to
7 under their own titles (in any language the framework gives them) are read as ever, and so
is a table that goes past 7.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from components.base.text import normalise
from components.ingest.layout import ItemTable
from components.ingest.matching import (
    Catalogue,
    classify_header,
    is_plain_number,
    is_summary,
    match_any,
)
from components.ingest.numbered_enablers import numbered_enabler
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted

_MEMO = "titles in order"
# So many rows (at least, and at least as many as the unknown ones) must be known.
_MIN_KNOWN = 3


def unknown_title(
    ctx: ReadContext,
    sheet: Sheet,
    *,
    row: int,
    column: int,
    value: Any,
    pair: tuple[Catalogue, Catalogue],
) -> tuple[Catalogue, int] | None:
    """The item a row whose title names none is about after all: an enabler numbered on after
    the capabilities (``numbered_enablers``), or the capability its place in the framework's
    order leaves (``placed_in_order``); ``None`` when neither (the caller reports the title)."""
    found = numbered_enabler(ctx, sheet, row=row, column=column, value=value, pair=pair)
    return found or placed_in_order(ctx, sheet, row, column, pair)


def placed_in_order(
    ctx: ReadContext,
    sheet: Sheet,
    row: int,
    column: int,
    pair: tuple[Catalogue, Catalogue],
) -> tuple[Catalogue, int] | None:
    """The item an unknown title in ``column`` at ``row`` must be, from its place among known
    titles in the framework's order (said as a warning); ``None`` when its place says nothing
    for certain."""
    primary = pair[0]
    block = _block(sheet, row, column)
    key = (_MEMO, sheet.name, column, block)
    places = ctx.memo.get(key)
    if places is None:
        places = ctx.memo[key] = _places(ctx, sheet, column, block, pair)
    number = places.get(row)
    if number is None:
        return None
    _, match = ctx.cached(
        f"match-{primary.kind}", sheet.value(row, column), lambda v: match_any(v, *pair)
    )
    if match.how != "unknown" or number not in match.candidates:
        return None  # its words are not even close to the one missing there ("Budget lines")
    before, after = _neighbours(places, row)
    cell = cell_address(row, column)
    ctx.add(
        "warning",
        sheet,
        cell,
        f"{quoted(sheet.value(row, column))} ({cell}) is not a title the app knows, but it is "
        f"close to the title of {primary.describe(number)}, the one missing at its place: the "
        f"table's rows follow the framework's order{_between(primary, before, after)}. It was "
        "read as that one.",
        f"If that is wrong, write the {primary.kind} number (1 to {len(primary.titles)}) "
        f"beside the title in {cell}.",
    )
    return primary, number


def _between(catalogue: Catalogue, before: int | None, after: int | None) -> str:
    if before and after:
        return f", and it stands between {catalogue.kind} {before} and {after}"
    if before:
        return f", and it comes after {catalogue.kind} {before}"
    return f", and it comes before {catalogue.kind} {after}" if after else ""


def _neighbours(places: dict[int, int], row: int) -> tuple[int | None, int | None]:
    """The numbers of the rows just above and below ``row`` in the table."""
    above = [places[r] for r in places if r < row]
    below = [places[r] for r in places if r > row]
    return (max(above) if above else None), (min(below) if below else None)


def _block(sheet: Sheet, row: int, column: int) -> tuple[int, int]:
    """The rows around ``row`` with a title in ``column``: up to a blank cell or a header."""
    first = row
    while first > 0 and _part_of_table(sheet.value(first - 1, column)):
        first -= 1
    last = row
    while last + 1 < len(sheet.rows) and _part_of_table(sheet.value(last + 1, column)):
        last += 1
    return first, last


def _part_of_table(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and classify_header(value))


def _places(
    ctx: ReadContext,
    sheet: Sheet,
    column: int,
    block: tuple[int, int],
    pair: tuple[Catalogue, Catalogue],
) -> dict[int, int]:
    """Row -> number of every row of the block (known titles and the unknown ones placed), or
    nothing when the order does not settle every unknown row."""
    primary = pair[0]
    rows: list[tuple[int, int | None]] = []  # (row, number or None for an unknown title)
    for row in range(block[0], block[1] + 1):
        value = sheet.value(row, column)
        if is_summary(value) or (isinstance(value, str) and normalise(value) in ctx.domain_names):
            continue  # a domain's heading or a total between the rows
        catalogue, match = ctx.cached(f"match-{primary.kind}", value, lambda v: match_any(v, *pair))
        if match.number is not None and catalogue is not primary:
            return {}  # an enabler among the capabilities: not one list in order
        rows.append((row, match.number))
    known = [(row, number) for row, number in rows if number is not None]
    unknown = [row for row, number in rows if number is None]
    if not unknown or len(known) < max(_MIN_KNOWN, len(unknown)):
        return {}
    numbers = [number for _, number in known]
    if any(b <= a for a, b in pairwise(numbers)):
        return {}  # out of order: a table sorted otherwise says nothing by its places
    # Each stretch of unknown rows, with the numbers known before and after it (0 and one
    # past the last item at the ends), must fill that gap exactly.
    places: dict[int, int] = {}
    stretch: list[int] = []
    before = 0
    for row, number in [*rows, (-1, len(primary.titles) + 1)]:
        if number is None:
            stretch.append(row)
            continue
        if stretch and len(stretch) != number - before - 1:
            return {}
        places.update({r: before + 1 + i for i, r in enumerate(stretch)})
        places[row] = number
        stretch, before = [], number
    del places[-1]
    return places


# The enablers' count, and how many of their titles must be there to judge by them.
_ENABLERS = 7
_MIN_TITLES = 5


def maybe_enablers(ctx: ReadContext, sheet: Sheet, layout: ItemTable, top: int, end: int) -> bool:
    """True, with the error said, when ``layout`` (a capabilities table, rows ``top`` to
    ``end``) lists rows numbered 1 to 7 only beside titles that name no capability."""
    number = layout.columns.get("number")
    if layout.catalogue != "capability" or number is None:
        return False
    first = max(top, layout.header + 1)
    values = sheet.column(number, first, end)
    numbers = [int(float(v)) for v in values if is_plain_number(v)]
    if sorted(numbers) != list(range(1, _ENABLERS + 1)):
        return False
    titles = _titles(sheet, layout, first, end)
    if len(titles) < _MIN_TITLES:
        return False
    pair = (ctx.capabilities, ctx.enablers)
    matched = [
        ctx.cached("match-capability", title, lambda v: match_any(v, *pair))[1].number
        for title in titles
    ]
    if any(found is not None for found in matched):
        return False
    cell = cell_address(layout.header, number)
    where = f"Sheet {quoted(sheet.name)}" if sheet.name else "The file"
    ctx.add(
        "error",
        sheet,
        cell,
        f"{where} lists seven rows numbered 1 to 7 (from {cell}) whose titles name no "
        f"capability ({quoted(titles[0])}, {quoted(titles[1])} …): they may be the seven "
        "enablers, so they were not read as capabilities 1 to 7.",
        "If they are the enablers, head the titles' column “Enabler” or name the sheet "
        "“Enablers”; if they are capabilities 1 to 7, write their titles as in the template "
        "(or in French, Spanish, Portuguese or another language the app reads).",
    )
    return True


def _titles(sheet: Sheet, layout: ItemTable, first: int, end: int) -> list[str]:
    """The table's titles: its capability column's, else the text of the first unnamed column
    right of the number column."""
    columns = layout.columns
    title = columns.get("capability")
    if title is None:
        used = set(columns.values())
        width = len(sheet.rows[layout.header])
        title = next((c for c in range(columns["number"] + 1, width) if c not in used), None)
    if title is None:
        return []
    return [v.strip() for v in sheet.column(title, first, end) if _text(v)]


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip()) and not is_plain_number(value)
