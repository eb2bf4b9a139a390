"""A long table with a column of levels per round: Country | Capability | Baseline | Endline.

A donor's results framework lists each country's capabilities down (the country merged down
over its rows, or on each) and gives the levels in a column per round: "Baseline (2019) |
Midline (2021) | Endline (2023) | Target (2024)", or the years alone, "2019 | 2021 | 2023".
No column is headed like the level, so the table is not found as it stands. A careful reader
reads each such column as that round's assessment of the country on the row (its year from
the heading), and sets the target aside: the table is read once per round
(``column_groups``), each time with that round's column as the level, with warnings saying
so. Columns of one round that nothing tells apart are refused, naming them.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import replace

from components.ingest.column_groups import (
    Parse,
    Part,
    heading_text,
    read_parts,
    say_choice,
    say_unsure,
)
from components.ingest.column_roles import holds_levels, holds_text
from components.ingest.drafts import Draft
from components.ingest.matching import classify_header
from components.ingest.sheets import ReadContext, Sheet, cell_address
from components.ingest.sub_headings import ASIDE, SubHeading, choose, sub_heading

# The header row is looked for this far down, and its headings are short.
_SCAN_ROWS = 200
_HEADER_CHARS = 60
_KEYS = ("number", "capability", "enabler")


def read_round_columns(ctx: ReadContext, sheet: Sheet, parse: Parse) -> list[Draft] | None:
    """The drafts of a long table with a column of levels per round (see the module);
    ``None`` when the sheet holds none."""
    for row in range(min(len(sheet.rows), _SCAN_ROWS)):
        cells = sheet.rows[row]
        if sum(isinstance(v, str) for v in cells) < 3:
            continue  # a header names the country, the capability and more
        named = {classify_header(v) for v in cells if _short(v)}
        if "country" not in named or not named & set(_KEYS):
            continue
        heads = {c: sub_heading(v) for c, v in enumerate(cells) if _short(v)}
        fields = {}
        for column, value in enumerate(cells):
            heading = heads.get(column)
            name = classify_header(value)
            if name is not None and (heading is None or heading.key == (None, "")):
                fields.setdefault(name, column)
        if "country" not in fields or "level" in fields or not fields.keys() & set(_KEYS):
            continue
        found = _rounds(ctx, sheet, row, heads, set(fields.values()))
        if found is not None:
            dated = bool(fields.keys() & {"year", "date", "when"})
            return _read(ctx, sheet, row, found, parse, dated=dated)
    return None


def _short(value: object) -> bool:
    return isinstance(value, str | int | float) and len(str(value)) <= _HEADER_CHARS


def _rounds(
    ctx: ReadContext,
    sheet: Sheet,
    header: int,
    heads: dict[int, SubHeading | None],
    taken: set[int],
) -> dict[int, SubHeading] | None:
    """The columns of ``header`` headed by a round (or a target, or whose level it is),
    when at least one of them names a year or round and holds levels."""
    found: dict[int, SubHeading] = {}
    for column, heading in heads.items():
        if column in taken and (heading is None or heading.key == (None, "")):
            continue
        if heading is not None and heading.role not in ("notes", "summary"):
            found[column] = heading
    scale = ctx.framework.scale
    # A column headed with a year that holds no levels ("Population 2020") is no round's.
    found = {
        c: h for c, h in found.items() if h.role in ASIDE or not holds_text(sheet, header, c, scale)
    }
    read = [c for c, h in found.items() if h.role not in ASIDE]
    if not any(found[c].key != (None, "") or found[c].role in ("self", "settled") for c in read):
        return None
    if not any(holds_levels(sheet, header, c, scale) for c in read):
        return None
    return found


def _read(
    ctx: ReadContext,
    sheet: Sheet,
    header: int,
    found: dict[int, SubHeading],
    parse: Parse,
    *,
    dated: bool,
) -> list[Draft]:
    owners: dict[int, tuple[Hashable, SubHeading]] = {c: (None, h) for c, h in found.items()}
    choice = choose(owners)
    cells = sheet.rows[header]
    texts = {c: (cell_address(header, c), heading_text(cells[c])) for c in found}
    if choice.unsure:
        say_unsure(ctx, sheet, choice, texts)
        return []
    say_choice(ctx, sheet, choice, texts, "The level columns")
    parts = []
    for key, owned in choice.read.items():
        column = owned[None]
        rows = list(sheet.rows)
        rows[header] = tuple(
            "Level" if c == column else None if c in found else value
            for c, value in enumerate(cells)
        )
        copy = replace(sheet, rows=rows, columns=None)
        heading = choice.rounds[key] if key != (None, "") else None
        parts.append(Part(copy, heading, heading_text(cells[column])))
    return read_parts(ctx, sheet, parts, parse, dated_rows=dated)
