"""The capability (or enabler) of each column across a countries-as-rows table's header:
one row per country, a column per capability ("1. Leadership", "C1", a title). A header near
a title, ambiguous or unknown is reported, and columns of notes beside the capabilities are
said to be left out (notes are read from a table with one row per capability). Headers cut
short as a database's field names are ("LAWENFORCE") are read by their place in the
framework's order when it leaves no doubt (``short_headers``)."""

from __future__ import annotations

from typing import Any

from components.ingest.agreed_rows import read_as_views
from components.ingest.column_roles import is_notes
from components.ingest.drafts import report_match
from components.ingest.layout import CountryRows
from components.ingest.matching import (
    Catalogue,
    ItemMatch,
    classify_header,
    is_summary,
    match_any,
)
from components.ingest.quick_rows import decision
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.short_headers import placed_short_headers
from components.ingest.tool_columns import is_bookkeeping


def header_items(
    ctx: ReadContext, sheet: Sheet, layout: CountryRows
) -> dict[int, tuple[Catalogue, int]]:
    """The capability (or enabler) of each column across the header row of ``layout``; a
    header near a title, ambiguous or unknown is reported."""
    header = sheet.rows[layout.header]
    items = dict(layout.items)
    known = set(items) | set(layout.columns.values()) | {layout.country}
    notes = []
    found: list[tuple[int, Any, Catalogue, ItemMatch]] = []  # headers matched, or not, in order
    for column, value in enumerate(header):
        if column not in items and is_notes(value):
            notes.append(column)  # "1. Leadership – comments": a question's notes, no level
            continue
        if value is None or column in known:
            continue
        decided, number = decision(ctx, value)
        if decided:
            if number is not None:
                items[column] = (ctx.capabilities, number)
            continue
        found.append((column, value, *match_any(value, ctx.capabilities, ctx.enablers)))
    # Field names cut short ("LAWENFORCE"), placed by the framework's order (``short_headers``)
    matched = {c: (catalogue, m.number) for c, _, catalogue, m in found if m.number is not None}
    unknown = [(c, v) for c, v, _, m in found if m.number is None and not is_summary(v)]
    placed = placed_short_headers(ctx, sheet, layout.header, items | matched, unknown)
    for column, value, catalogue, match in found:
        if column in placed:
            items[column] = placed[column]
        elif match.number is not None or match.how in ("ambiguous", "conflict"):
            report_match(
                ctx,
                sheet,
                cell_address(layout.header, column),
                value=value,
                catalogue=catalogue,
                match=match,
            )
            if match.number is not None:
                items[column] = (catalogue, match.number)
        elif (
            classify_header(value) is None
            and not is_summary(value)
            and not is_bookkeeping(value)
            and not read_as_views(ctx, sheet, column)  # "Respondent type": its agreed rows read
        ):
            ctx.add(
                "warning",
                sheet,
                cell_address(layout.header, column),
                f"The column headed {quoted(value)} is not a capability or a known column; "
                "it was not read.",
                "If it holds levels, head it with the capability number or title.",
            )
    if notes:
        first = cell_address(layout.header, notes[0])
        ctx.add(
            "warning",
            sheet,
            first,
            f"{len(notes)} column{'s' if len(notes) > 1 else ''} of notes beside the "
            f"capabilities ({quoted(header[notes[0]])}, {first}"
            f"{' and the others' if len(notes) > 1 else ''}) "
            f"{'were' if len(notes) > 1 else 'was'} not read: notes are read from a table "
            "with one row per capability.",
            "Nothing to do for the levels; to keep the notes, use the template from the "
            "upload page.",
        )
    return items
