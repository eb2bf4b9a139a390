"""Finding the table on a sheet: which of the shapes the reader understands, and where.

Three shapes: ``ItemTable`` (one row per capability or enabler: the template, or a long table
when it has a country column), ``ItemRows`` (wide: capabilities down, one column per
assessment) and ``CountryRows`` (wide: one row per assessment, capabilities across). Each is
found by its header row, within the first ``HEADER_SCAN_ROWS`` rows.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from components.base.text import normalise
from components.ingest.matching import (
    Catalogue,
    Field,
    classify_header,
    exact_reference,
    is_plain_number,
    is_summary,
)
from components.ingest.sheets import ReadContext, Sheet, cell_address
from components.ingest.values import (
    parse_level,
)

# A table's header row is looked for in this many rows from the top: generous for notes and
# rows inserted above, and it bounds the work on a sheet that has no table at all.
HEADER_SCAN_ROWS = 200
# Rows below a candidate header that are looked at to recognise a wide table's key column.
KEY_SAMPLE_ROWS = 40
MIN_KEY_MATCHES = 3


@dataclass(frozen=True)
class ItemTable:
    """One row per capability (or enabler): the template, or a long table when it has a
    country column."""

    header: int
    columns: Mapping[Field, int]
    catalogue: Literal["capability", "enabler"]


@dataclass(frozen=True)
class ItemRows:
    """Wide: capabilities as rows, one column per assessment ("Kenya 2023")."""

    header: int
    key: int
    assessments: tuple[int, ...]
    skipped: tuple[int, ...] = ()  # headed like an assessment, but holding text, not levels


@dataclass(frozen=True)
class CountryRows:
    """Wide: one row per assessment, capabilities as columns."""

    header: int
    country: int
    columns: Mapping[Field, int]
    items: Mapping[int, tuple[Catalogue, int]]


Layout = ItemTable | ItemRows | CountryRows


def _header_fields(cells: tuple[Any, ...]) -> dict[Field, int]:
    found: dict[Field, int] = {}
    for column, value in enumerate(cells):
        name = classify_header(value)
        if name is not None and name not in found:
            found[name] = column
    return found


def find_layout(ctx: ReadContext, sheet: Sheet) -> Layout | None:
    """The table this reader understands on the sheet, found by its header row.

    A header naming both the capability and the level is the strongest sign, so it is looked
    for first over the whole scan; only then the wide shapes, whose headers are data (country
    names, capability titles) and could otherwise be mistaken in a title row above the table.
    """
    scan = range(min(len(sheet.rows), HEADER_SCAN_ROWS))
    for row in scan:
        fields = _header_fields(sheet.rows[row])
        if "level" in fields and fields.keys() & {"number", "capability", "enabler"}:
            kind: Literal["capability", "enabler"] = "capability"
            by_name_only = "capability" not in fields and "enabler" not in fields
            named_enablers = "enabler" in (sheet.name or "").casefold()
            if ("enabler" in fields and "capability" not in fields) or (
                by_name_only and named_enablers
            ):
                kind = "enabler"
            return ItemTable(row, fields, kind)
    index = _KeyIndex(ctx, sheet)
    for row in scan:
        if not sheet.rows[row]:
            continue
        fields = _header_fields(sheet.rows[row])
        layout = _item_rows_at(ctx, sheet, index, row, fields) or _country_rows_at(
            ctx, sheet, row, fields
        )
        if layout is not None:
            return layout
    return None


class _KeyIndex:
    """Where a sheet's top rows name capabilities, column by column.

    Built once per sheet so that trying every row as a possible header stays linear: each
    window of rows below a header is then counted with two bisections. Summary labels
    ("Average") and domain headings between the capabilities are not counted as filled: a
    grid with them is still a grid of capabilities.
    """

    def __init__(self, ctx: ReadContext, sheet: Sheet) -> None:
        self.hits: dict[int, list[int]] = {}
        self.filled: dict[int, list[int]] = {}
        # Numbers (not titles or codes) a column names: weak evidence on their own, since a
        # column of levels 1 to 4 would name capabilities 1 to 4 too.
        self.numbers: dict[int, set[int]] = {}
        self.named: dict[int, int] = {}
        domains = ctx.domain_names
        for row, cells in enumerate(sheet.rows[: HEADER_SCAN_ROWS + KEY_SAMPLE_ROWS]):
            for column, value in enumerate(cells):
                if value is None or is_summary(value):
                    continue
                if isinstance(value, str) and normalise(value) in domains:
                    continue
                self.filled.setdefault(column, []).append(row)
                number = exact_reference(value, ctx.capabilities)
                if number is not None:
                    self.hits.setdefault(column, []).append(row)
                    if is_plain_number(value):
                        self.numbers.setdefault(column, set()).add(number)
                    else:
                        self.named[column] = self.named.get(column, 0) + 1

    def starts_below(self, column: int, header: int) -> bool:
        """Whether the first filled cell below ``header`` in ``column`` names a capability
        (so a second header row, or a title, is not taken for the header)."""
        filled = self.filled.get(column, [])
        position = bisect.bisect_right(filled, header)
        if position == len(filled):
            return False
        hits = self.hits.get(column, [])
        found = bisect.bisect_left(hits, filled[position])
        return found < len(hits) and hits[found] == filled[position]

    def counts(self, column: int, header: int) -> tuple[int, int]:
        """(cells naming a capability, filled cells) in the rows just below ``header``."""
        return tuple(  # type: ignore[return-value]
            bisect.bisect_right(rows, header + KEY_SAMPLE_ROWS) - bisect.bisect_right(rows, header)
            for rows in (self.hits.get(column, []), self.filled.get(column, []))
        )

    def is_key(self, column: int, header_value: Any, top_level: int) -> bool:
        """Whether a column names capabilities by title or code, or by numbers that go past
        the scale (or under a number header): not a column of levels."""
        if self.named.get(column, 0) >= MIN_KEY_MATCHES:
            return True
        numbers = self.numbers.get(column, set())
        return classify_header(header_value) in ("number", "capability") or any(
            n > top_level for n in numbers
        )


def _item_rows_at(
    ctx: ReadContext, sheet: Sheet, index: _KeyIndex, row: int, fields: Mapping[Field, int]
) -> ItemRows | None:
    """Capabilities down a column below ``row``, assessments named across ``row``."""
    cells = sheet.rows[row]
    best: tuple[int, int] | None = None
    top_level = ctx.framework.scale.maximum
    for column in sorted(index.hits):
        header = cells[column] if column < len(cells) else None
        if header is not None and classify_header(header) not in ("number", "capability"):
            continue
        if not index.is_key(column, header, top_level) or not index.starts_below(column, row):
            continue
        hits, filled = index.counts(column, row)
        # Most filled cells below must name a capability: a column of small numbers that
        # happens to include 1, 2 and 3 is not enough on its own.
        if hits >= MIN_KEY_MATCHES and hits * 5 >= filled * 3 and (best is None or hits > best[1]):
            best = (column, hits)
    if best is None:
        return None
    ignored = {
        c for f, c in fields.items() if f in ("number", "capability", "domain", "description")
    }
    candidates = [
        c
        for c, value in enumerate(cells)
        if c != best[0]
        and value is not None
        and c not in ignored
        and classify_header(value) is None
        and not is_summary(value)
        and exact_reference(value, ctx.capabilities) is None
        # Another column naming the same capabilities (numbers beside titles) is no assessment.
        and not (index.named.get(c, 0) >= MIN_KEY_MATCHES and index.counts(c, row)[0] >= 3)
    ]
    # A column of text ("Lead agency") is not an assessment: most of its values must read as
    # levels. An empty column is kept (an assessment not filled in yet).
    assessments, skipped = [], []
    for column in candidates:
        values = [sheet.value(r, column) for r in range(row + 1, row + 1 + KEY_SAMPLE_ROWS)]
        filled = [v for v in values if v is not None]
        readable = sum(not parse_level(v, ctx.framework.scale).error for v in filled)
        (assessments if readable * 2 >= len(filled) else skipped).append(column)
    if not assessments:
        return None
    return ItemRows(row, best[0], tuple(assessments), tuple(skipped))


def _country_rows_at(
    ctx: ReadContext, sheet: Sheet, row: int, fields: Mapping[Field, int]
) -> CountryRows | None:
    """Capabilities across ``row``, one assessment per row below."""
    cells = sheet.rows[row]
    items: dict[int, tuple[Catalogue, int]] = {}
    titled = 0
    for column, value in enumerate(cells):
        if value is None or classify_header(value) is not None:
            continue
        for catalogue in (ctx.capabilities, ctx.enablers):
            number = exact_reference(value, catalogue)
            if number is not None and not (
                catalogue is ctx.enablers and isinstance(value, int | float)
            ):
                items[column] = (catalogue, number)
                titled += not is_plain_number(value)
                break
    if sum(c.kind == "capability" for c, _ in items.values()) < MIN_KEY_MATCHES:
        return None
    if "country" in fields:
        country = fields["country"]
    else:
        # An unlabelled first column of names is common; accept it only when the header
        # cells are unmistakably capabilities (titles or "C1"), not bare numbers.
        first_item = min(items)
        blanks = [c for c in range(first_item) if c >= len(cells) or cells[c] is None]
        if not blanks or titled < MIN_KEY_MATCHES:
            return None
        country = blanks[0]
    return CountryRows(row, country, dict(fields), items)


def layout_from_mapping(
    ctx: ReadContext, sheet: Sheet, columns: Mapping[str, int], header: int
) -> Layout | None:
    """The layout a person's mapping describes (header row and column roles), if it is one.

    Capability and level columns: one row per capability (a long table when a country column
    is given too). A capability column without a level column: capabilities down, and every
    other headed column an assessment. A country column without a capability column: one row
    per assessment, capabilities across the header row.
    """
    fields: dict[Field, int] = {}
    for role, field_name in (("country", "country"), ("year", "when"), ("evidence", "evidence")):
        if role in columns:
            fields[field_name] = columns[role]  # type: ignore[index]
    cells = sheet.rows[header] if header < len(sheet.rows) else ()
    if "capability" in columns and "level" in columns:
        fields["capability"] = columns["capability"]
        fields["level"] = columns["level"]
        return ItemTable(header, fields, "capability")
    if "capability" in columns:
        used = set(columns.values())
        assessments = tuple(
            c
            for c, value in enumerate(cells)
            if value is not None and c not in used and not is_summary(value)
        )
        return ItemRows(header, columns["capability"], assessments) if assessments else None
    if "country" in columns:
        items: dict[int, tuple[Catalogue, int]] = {}
        for column, value in enumerate(cells):
            number = exact_reference(value, ctx.capabilities) if value is not None else None
            if number is not None and column not in columns.values():
                items[column] = (ctx.capabilities, number)
        return CountryRows(header, columns["country"], fields, items)
    return None


def explain_unrecognised(sheet: Sheet) -> str:
    """Why a sheet was skipped, as specifically as the headers allow."""
    if not sheet.rows:
        return "it is empty"
    for row in range(min(len(sheet.rows), HEADER_SCAN_ROWS)):
        fields = _header_fields(sheet.rows[row])
        keys = fields.keys() & {"number", "capability", "enabler"}
        if keys and "level" not in fields:
            column = fields[min(keys)]
            return (
                f"the header row {row + 1} names the capabilities "
                f"({cell_address(row, column)}) but no column is headed Level"
            )
        if "level" in fields and not keys:
            level = cell_address(row, fields["level"])
            return (
                f"the header row {row + 1} has a Level column ({level}) "
                "but no column naming the capability"
            )
    return "no table of capabilities and levels was found in it"
