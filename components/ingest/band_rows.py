"""Capabilities down, countries across, under a header of two rows: a band over the names.

A regional report heads its countries' columns twice: each region merged over its countries
("Eastern and Southern Africa" over Botswana … Zambia), or each country merged over its
sub-columns ("Botswana" over SELF | FINAL, over "2021 | Target 2027"). With the labels of the
capability merged down over both rows, the upper row is found as the header and the lower one
read as a capability's row that names none. A careful reader reads:

* a band over countries' names that is no country (a region, a group): a grouping, set aside
  (the countries are the columns), with a warning naming it;
* a band of rounds over the countries ("Round 1 (2017)"): each column is that round's
  assessment of its country;
* a country over sub-columns of whose scoring or a target (``sub_headings``): the validated
  one read, the self-assessment and the target set aside, each said; sub-columns that nothing
  tells apart are refused.

Plain years under or over the countries, and a Level | Comments pair under each, are read by
the layouts that know them (``layout.column_header``, ``year_groups``).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

from components.ingest.column_groups import (
    Parse,
    Part,
    copy_of,
    heading_text,
    read_parts,
    say_choice,
    say_unsure,
)
from components.ingest.drafts import Draft
from components.ingest.layout import ItemRows
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.sub_headings import (
    Choice,
    SubHeading,
    choose,
    names_country,
    sub_heading,
)
from components.ingest.values import parse_level

# Of the row under the band, at least this share of the countries' columns is headed.
_HEADED = 0.8
# Roles of sub-columns under a country that the other layouts do not settle.
_SETTLED_HERE = frozenset({"self", "settled", "revised", "target", "summary"})


def read_item_bands(
    ctx: ReadContext, sheet: Sheet, layout: ItemRows, parse: Parse
) -> list[Draft] | None:
    """The drafts of a capabilities-down table whose header row is a band over the row of
    names below it (see the module); ``None`` when it is not one."""
    header, below = layout.header, layout.header + 1
    columns = sorted({*layout.assessments, *layout.skipped})
    if below >= len(sheet.rows) or not columns or sheet.value(below, layout.key) is not None:
        return None
    names = {c: sheet.value(below, c) for c in columns}
    filled = [c for c in columns if names[c] is not None]
    scale = ctx.framework.scale
    if len(filled) < max(2, _HEADED * len(columns)) or any(
        parse_level(names[c], scale).level is not None for c in filled
    ):
        return None
    band = _band(sheet, header, columns)
    if band is None:
        return None
    subs = {c: sub_heading(names[c]) for c in filled}
    if all(subs.values()):
        if not any(h.role in _SETTLED_HERE for h in subs.values() if h):
            return None  # years or a Level | Comments pair under each country
        return _sub_columns(ctx, sheet, layout, band=band, subs=subs, parse=parse)
    if any(h is not None and h.role in _SETTLED_HERE for h in subs.values()):
        texts = {c: (cell_address(below, c), heading_text(names[c])) for c in filled}
        say_unsure(
            ctx, sheet, Choice(unsure=filled), texts, "country"
        )  # "Self | Peer": which is it?
        return []
    if any(subs.values()):
        return None
    rounds = {c: sub_heading(value) for c, (_, value) in band.items()}
    if all(rounds.values()):
        return _round_band(ctx, sheet, layout, band=band, rounds=rounds, parse=parse)  # type: ignore[arg-type]
    if any(names_country(value) for _, value in band.values()):
        return None
    if not any(names_country(names[c]) for c in filled):
        return None
    return _grouping(ctx, sheet, layout, band, parse)


def _band(sheet: Sheet, row: int, columns: list[int]) -> dict[int, tuple[int, Any]] | None:
    """column -> (the band's cell's column, its value) over each of ``columns``: merged,
    or written once over the columns up to the next."""
    carry: tuple[int, Any] | None = None
    found: dict[int, tuple[int, Any]] = {}
    for column in range(columns[0], columns[-1] + 1):
        value = sheet.value(row, column)
        if value is not None and (carry is None or value != carry[1]):
            carry = (column, value)
        if column in columns:
            if carry is None:
                return None
            found[column] = carry
    return found


def _header_below(
    sheet: Sheet, layout: ItemRows, headings: Mapping[int, Any]
) -> list[tuple[Any, ...]]:
    """The sheet's rows with the band's row emptied and the row below it the header: each
    column's heading from ``headings`` (``None`` for a column not read), and the labels
    merged down over both rows (No., Capability) moved down into it."""
    rows = list(sheet.rows)
    upper, lower = rows[layout.header], list(rows[layout.header + 1])
    lower += [None] * (max(len(upper), max(headings, default=0) + 1) - len(lower))
    for column, value in enumerate(upper):
        if column in headings:
            continue
        if lower[column] is None and value is not None:
            lower[column] = value
    for column, value in headings.items():
        lower[column] = value
    rows[layout.header] = ()
    rows[layout.header + 1] = tuple(lower)
    return rows


def _grouping(
    ctx: ReadContext,
    sheet: Sheet,
    layout: ItemRows,
    band: Mapping[int, tuple[int, Any]],
    parse: Parse,
) -> list[Draft]:
    """A band of regions (or groups) over the countries: set aside, with a warning."""
    below = layout.header + 1
    headings = {c: sheet.value(below, c) for c in band}
    copy = copy_of(sheet, _header_below(sheet, layout, headings), {layout.header})
    cells = dict.fromkeys(cell_address(layout.header, c) for c, _ in band.values())
    values = list(dict.fromkeys(heading_text(v) for _, v in band.values()))
    ctx.add(
        "warning",
        sheet,
        ", ".join(list(cells)[:4]),
        f"Row {layout.header + 1} groups the countries' columns under "
        f"{', '.join(quoted(v) for v in values[:4])}: the countries' names are those of row "
        f"{below + 1}, and the groups were not read as part of them.",
        "Nothing to do if the countries read are right.",
    )
    return read_parts(ctx, sheet, [Part(copy, None, "")], parse)


def _round_band(
    ctx: ReadContext,
    sheet: Sheet,
    layout: ItemRows,
    *,
    band: Mapping[int, tuple[int, Any]],
    rounds: Mapping[int, SubHeading],
    parse: Parse,
) -> list[Draft]:
    """A band of rounds over the countries: each round's columns its assessments."""
    below = layout.header + 1
    owners: dict[int, tuple[Hashable, SubHeading]] = {
        c: (sheet.value(below, c), h) for c, h in rounds.items()
    }
    texts = {c: (cell_address(layout.header, at), heading_text(v)) for c, (at, v) in band.items()}
    return _parts(ctx, sheet, layout, owners=owners, texts=texts, parse=parse)


def _sub_columns(
    ctx: ReadContext,
    sheet: Sheet,
    layout: ItemRows,
    *,
    band: Mapping[int, tuple[int, Any]],
    subs: Mapping[int, SubHeading | None],
    parse: Parse,
) -> list[Draft]:
    """A country over its sub-columns (SELF | FINAL, 2021 | Target 2027)."""
    below = layout.header + 1
    owners: dict[int, tuple[Hashable, SubHeading]] = {
        c: (band[c][1], h) for c, h in subs.items() if h is not None
    }
    texts = {c: (cell_address(below, c), heading_text(sheet.value(below, c))) for c in subs}
    names = {c: v for c, (_, v) in band.items()}
    return _parts(ctx, sheet, layout, owners=owners, texts=texts, parse=parse, names=names)


def _parts(
    ctx: ReadContext,
    sheet: Sheet,
    layout: ItemRows,
    *,
    owners: Mapping[int, tuple[Hashable, SubHeading]],
    texts: Mapping[int, tuple[str, str]],
    parse: Parse,
    names: Mapping[int, Any] | None = None,
) -> list[Draft]:
    """The table read once per round of ``owners`` (column -> its country and heading), each
    read column headed by its country's name (from ``names``, else the row below)."""
    choice = choose(owners)
    if choice.unsure:
        say_unsure(ctx, sheet, choice, texts, "country and round")
        return []
    say_choice(ctx, sheet, choice, texts, "Each country's columns")
    below = layout.header + 1
    parts = []
    for key, owned in choice.read.items():
        kept = set(owned.values())
        headings = {
            c: ((names or {}).get(c, sheet.value(below, c)) if c in kept else None) for c in owners
        }
        copy = copy_of(sheet, _header_below(sheet, layout, headings), {layout.header})
        heading = choice.rounds[key] if key != (None, "") else None
        parts.append(Part(copy, heading, texts[min(kept)][1]))
    return read_parts(ctx, sheet, parts, parse)
