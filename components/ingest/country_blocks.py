"""A wide table too wide for a page, printed as blocks of countries one under another.

A regional report with more countries than a page is wide prints the table in blocks: the
capabilities down with the first countries across ("Capability | Kenya | Uganda |
Tanzania"), then, further down (on the next page, perhaps under the page's number), the
capabilities again with the next countries ("Capability | Rwanda | Burundi | South Sudan").
Read as one table, the second block's rows are the first countries' capabilities a second
time, and the second header is a capability nobody knows.

A header row repeated below with other countries starts a new block: ``split_country_blocks``
makes each block a sheet of its own, with the rows above the first header (the title, the
labels) and the block's rows, every other row blank so that each cell keeps its row number
in messages. A page's line between blocks ("Page 17") is left out. The same header again
(the same countries) is a page's repeat, for ``header_again`` to skip.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter
from typing import Any

from components.ingest.column_values import distinct, whole_column
from components.ingest.countries import iso3_in_any_language
from components.ingest.matching import classify_header
from components.ingest.page_breaks import is_page_line
from components.ingest.sheets import ReadContext, Sheet, cell_address

# A block's header names two countries at least (one is a long table's heading, or a note).
_FEWEST_COUNTRIES = 2
# Headings are short: a note is no country's heading.
_HEADING_CHARS = 60


def _countries(cells: tuple[Any, ...]) -> frozenset[str] | None:
    """The countries a wide header names across ("Capability | Kenya | Uganda"), when its
    first cell heads the capabilities and every other one is a country; else ``None``."""
    filled = [value for value in cells if value is not None]
    if len(filled) < 1 + _FEWEST_COUNTRIES or not all(isinstance(v, str) for v in filled):
        return None
    if classify_header(filled[0]) not in ("capability", "number"):
        return None
    codes = [
        iso3_in_any_language(value) if len(value) <= _HEADING_CHARS else None
        for value in filled[1:]
    ]
    if any(code is None for code in codes):
        return None
    return frozenset(code for code in codes if code is not None)


def _own_top(rows: list[tuple[Any, ...]], header: int) -> int:
    """The first row of the title lines right above ``header`` (blank rows and a page's line
    between them aside), or ``header`` when there are none."""
    top = row = header
    while row > 0:
        cells = rows[row - 1]
        filled = [v for v in cells if v is not None]
        if filled and (len(filled) > 1 or not isinstance(filled[0], str) or is_page_line(cells)):
            break
        row -= 1
        if filled:
            top = row
    return top


def _is_header(cells: tuple[Any, ...]) -> bool:
    return _countries(cells) is not None


def split_country_blocks(ctx: ReadContext, sheets: list[Sheet]) -> list[Sheet]:
    """``sheets`` with each sheet holding blocks of other countries under one another split
    into a sheet per block (see the module)."""
    out: list[Sheet] = []
    for sheet in sheets:
        out += _blocks(ctx, sheet)
    return out


def _blocks(ctx: ReadContext, sheet: Sheet) -> list[Sheet]:
    rows = sheet.rows
    # A header starts with the capabilities' heading, in column A (or B), written again over
    # each block: the texts a column holds twice are looked up, once each, and most sheets
    # have none (passed over fast).
    candidates: set[int] = set()
    for column in (0, 1):
        keys = whole_column(sheet, column)
        values = distinct(ctx, keys)  # once per read for the grid's columns
        if len(values) == len(keys):
            continue  # exact: a heading is held twice in the column; nothing is
        # The texts that could head a block, each looked at once; only those are counted
        # (exact: a heading must be one of them, held twice).
        maybe = {
            k
            for k in values
            if type(k) is str
            and len(k) <= _HEADING_CHARS
            and classify_header(k) in ("capability", "number")
        }
        heads = {k for k, n in Counter(keys).items() if n > 1 and k in maybe} if maybe else set()
        if heads:
            candidates.update(row for row, key in enumerate(keys) if key in heads)
    found_heads = [
        (row, found)
        for row in sorted(candidates)
        if len(rows[row]) > _FEWEST_COUNTRIES and (found := _countries(rows[row])) is not None
    ]
    if len(found_heads) < 2 or len({found for _, found in found_heads}) < 2:
        return [sheet]
    starts = [found_heads[0][0]]
    for (_, before), (row, found) in itertools.pairwise(found_heads):
        if found != before:
            starts.append(row)  # other countries: a new block (the same ones: a page's repeat)
    # A block's own title just above its header ("West Africa, 2024") is its, not the block
    # above's; a block with none has the title above the first block.
    headers, starts = starts, [starts[0], *(_own_top(rows, start) for start in starts[1:])]
    top = [cells if row < starts[0] else () for row, cells in enumerate(rows)]
    blocks = []
    for start, end in itertools.pairwise([*starts, len(rows)]):
        block = [
            () if is_page_line(cells) else cells
            for cells in rows[start:end]  # "Page 17" under a block: no row of it
        ]
        titled = start != starts[0] and not _is_header(rows[start])
        body = ([()] * start if titled else top[:start]) + block
        while body and not body[-1]:
            body.pop()
        merged = [
            m for m in sheet.merged_down if (start <= m[0] and m[1] < end) or m[1] < starts[0]
        ]
        blocks.append(dataclasses.replace(sheet, rows=body, columns=None, merged_down=merged))
    shown = ", ".join(str(row + 1) for row in headers[1:])
    ctx.add(
        "warning",
        sheet,
        cell_address(headers[1], 0),
        f"The header row is written again in row{'s' if len(headers) > 2 else ''} {shown} "
        "with other countries: each was read as a new block of the table, its levels as "
        "those countries', under its own title or else the one above the first block.",
        "If a block belongs to another assessment, give it its own title or labels above its "
        "header row.",
    )
    return blocks
