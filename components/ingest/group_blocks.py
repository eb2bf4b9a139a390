"""A board's groups, each under the table's header again: one table, under the sheet's title.

Monday.com exports a board as its groups one under another: the board's title ("Viet Nam MNR
2025") on top, then each group's name (a domain: "Policy and Governance"), its own copy of the
column header, its items and a footer row summing them up. The groups after the first are
read as tables stacked under it (``stacked``), each with what lies between it and the table
above as its title: a group's name, which gives no year. The first group was read as Viet Nam
2025 and the others as Viet Nam without a year, one assessment split in two.

``join_group_blocks`` joins such blocks into the first: a later block is the same table's group
when its own rows and title gave it no country, year or round other than the first block's
(its country the sheet's or the title's, the same), and it gives capabilities the first does
not. It then takes the first block's country, year and round, and a warning says so. A block
that gives a capability again, or that names another country, year or round (a second
assessment pasted under the first, with its own labels) stays an assessment of its own. A
table printed over pages, its header on each (a PDF's), is joined the same way.
"""

from __future__ import annotations

import re

from components.base.text import normalise
from components.ingest.countries import iso3_in_any_language
from components.ingest.drafts import Draft
from components.ingest.sheets import ReadContext, quoted

# What a block's reading said about where its country or year came from (``context``).
_CONTEXT = re.compile(r"^(?:The (?:country|year) .* taken from |No date or year is given )")


def join_group_blocks(ctx: ReadContext, tables: list[tuple[list[Draft], int]]) -> list[Draft]:
    """The drafts of the tables stacked on a sheet, a board's later groups joined into the
    first table's one assessment (see the module). ``tables``: each block's drafts and where
    its problems start in ``ctx.problems``; a joined block's word on where its country or year
    came from (the sheet's name, none) is taken back, the first block's holding for it."""
    if len(tables) < 2 or len(tables[0][0]) != 1:
        return [d for drafts, _ in tables for d in drafts]
    first = tables[0][0][0]
    joined: list[Draft] = []
    kept: list[Draft] = [first]
    ends = [start for _, start in tables[1:]] + [len(ctx.problems)]
    unsaid: list[int] = []
    for (drafts, start), end in zip(tables[1:], ends[1:], strict=True):
        if len(drafts) == 1 and _continues(first, drafts[0]):
            first.take_in(drafts[0])
            joined.append(drafts[0])
            unsaid += [i for i in range(start, end) if _CONTEXT.match(ctx.problems[i].message)]
        else:
            kept += drafts
    for index in reversed(unsaid):
        del ctx.problems[index]
    if joined:
        rows = sorted(_row(c) for d in joined for c in d.first_cell.values())
        ctx.add(
            "warning",
            first.sheet,
            None,
            f"The rows from row {rows[0]} on, under the table's header written again "
            f"{len(joined)} time{'s' if len(joined) > 1 else ''} (a board's groups, each under "
            f"its name, or a table continued on another page), give other capabilities of the "
            f"same table; they were read as part of {quoted(first.name)}, as the title above "
            "the first says.",
            "Nothing to do if they are one assessment; otherwise give each block its own "
            "Country and Year labels.",
        )
    return kept


def _continues(first: Draft, later: Draft) -> bool:
    """Whether ``later`` is a group of ``first``'s table: nothing of its own tells it apart,
    and it gives only capabilities (or enablers) ``first`` does not."""
    if later.needs_owner or first.needs_owner or later.response or not later.first_cell:
        return False
    if later.country is not None and not _same_country(first.country, later.country):
        return False
    if later.date is not None or (later.year is not None and later.year != first.year):
        return False
    if later.round is not None and normalise(later.round) != normalise(first.round or ""):
        return False
    if later.year is None and first.year is None and later.country == first.country:
        return False  # the same key already: nothing for the title to give
    return all(not (first.items[kind].keys() & later.items[kind].keys()) for kind in first.items)


def _same_country(one: str | None, other: str) -> bool:
    if one is None:
        return False
    if normalise(one) == normalise(other):
        return True
    code = iso3_in_any_language(one)
    return code is not None and code == iso3_in_any_language(other)


def _row(cell: str) -> int:
    return int("".join(ch for ch in cell if ch.isdigit()) or 0)
