"""Rows of a long table that are not its data: said, never lost in silence.

A sort that took the header row in with the data puts it among the rows ("Country | Year |
Capability | Level" between Kenya's rows and Uganda's), and rows pasted above a table end up
there too. The rows above the header are not read (what is above a header is titles and
labels), so those that look like the table's rows (a country, a capability and a level in
the table's own columns) are reported as an error with their numbers.

Tableau's "Full data" export has a row per capability and measure: "Measure Names" says
which ("Level", "Number of Records") and "Measure Values" holds it. Only the level's rows are
read; the others are left out, with a warning naming the measures left. A column that only
describes each row ("Source": "Self-assessment", "Workshop", "Desk review") is no measure
column: its rows give each capability once, where a measure's rows give it again. Rows of a
stakeholder's view beside the agreed ("Consensus") rows, and draft rows beside final ones, are
set aside by ``agreed_rows``; a wide table's header written again among its rows is blanked
(``settle_wide_rows``, with ``header_again``).
"""

from __future__ import annotations

from components.ingest.agreed_rows import agree_country_rows, agree_item_rows, describes_rows
from components.ingest.header_again import blank_headers_again
from components.ingest.layout import CountryRows, ItemRows, ItemTable, Layout
from components.ingest.matching import classify_header, exact_reference
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.values import parse_level


def say_unread_rows(ctx: ReadContext, sheet: Sheet, layout: ItemTable) -> None:
    """Rows above a long table's header, rows of another measure than the level, and rows of
    other views than the agreed one (``agreed_rows``)."""
    _say_rows_above(ctx, sheet, layout)
    if "country" in layout.columns and "level" in layout.columns:
        _leave_other_measures(ctx, sheet, layout)
    agree_item_rows(ctx, sheet, layout)  # "Consensus" rows beside each stakeholder's: read


def settle_wide_rows(ctx: ReadContext, sheet: Sheet, layout: Layout | None) -> Layout | None:
    """``layout``, once a wide table's rows that are not its data are seen to: its header
    written again among them blanked (``header_again``), and of a row per stakeholder, the
    agreed rows kept (``agreed_rows``; an online form's responses, read through ``forms``, are
    each read as given)."""
    if isinstance(layout, ItemRows | CountryRows):
        blank_headers_again(sheet, layout.header)
    if isinstance(layout, CountryRows):
        agree_country_rows(ctx, sheet, layout)
    return layout


def _say_rows_above(ctx: ReadContext, sheet: Sheet, layout: ItemTable) -> None:
    """An error naming the rows above a long table's header that hold its kind of data."""
    columns = layout.columns
    key = columns.get("capability", columns.get("number", columns.get("enabler")))
    if layout.header == 0 or "country" not in columns or key is None or "level" not in columns:
        return
    catalogue = ctx.enablers if layout.catalogue == "enabler" else ctx.capabilities
    scale = ctx.framework.scale
    rows = [
        row
        for row in range(layout.header)
        if sheet.value(row, columns["country"]) is not None
        and exact_reference(sheet.value(row, key), catalogue) is not None
        and parse_level(sheet.value(row, columns["level"]), scale).level is not None
    ]
    if not rows:
        return
    spans = _spans([r + 1 for r in rows])
    header, many = layout.header + 1, len(rows) > 1
    ctx.add(
        "error",
        sheet,
        cell_address(rows[0], columns["level"]),
        f"{'Rows' if many else 'Row'} {spans} above the header row {header} "
        f"{'hold' if many else 'holds'} the table's data (a country, a capability and a "
        f"level in its columns) but {'they were' if many else 'it was'} not read: only the "
        "rows below the header row are.",
        f"Move the header row {header} back to the top of the table, or cut these rows and "
        "paste them below it (a sort that includes the header row puts it among the data: "
        "sort with “My data has headers” ticked).",
    )


def _spans(numbers: list[int]) -> str:
    """ "1 to 21, 30" for the row numbers 1, 2, ... 21 and 30."""
    parts: list[str] = []
    start = previous = numbers[0]
    for number in [*numbers[1:], None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        parts.append(str(start) if start == previous else f"{start} to {previous}")
        if number is not None:
            start = previous = number
    return ", ".join(parts)


# A column naming each row's measure names only a few ("Level", "Number of Records").
_MAX_MEASURES = 6


def _leave_other_measures(ctx: ReadContext, sheet: Sheet, layout: ItemTable) -> None:
    """Blank the rows whose measure column names another measure than the level."""
    used = set(layout.columns.values())
    first = layout.header + 1
    for column, header in enumerate(sheet.rows[layout.header]):
        if column in used or header is None or describes_rows(header):
            continue  # "Source", "Respondent type", "Status": whose or how, no measure
        values = sheet.column(column, first, len(sheet.rows))
        names = {v for v in values if v is not None}
        if not 1 < len(names) <= _MAX_MEASURES or not all(isinstance(v, str) for v in names):
            continue
        if [classify_header(v) for v in names].count("level") != 1 or any(
            parse_level(v, ctx.framework.scale).level is not None for v in names
        ):
            continue  # no measure named the level, or levels written out ("Level 2")
        others = sorted(v for v in names if classify_header(v) != "level")
        rows = [first + i for i, v in enumerate(values) if v in others]
        if not _items_again(sheet, layout, rows, [first + i for i in range(len(values))]):
            continue  # "Source": "Workshop" describes the row; its item is given once
        for row in rows:
            sheet.rows[row] = ()
        sheet.columns = None  # the rows changed: the columns no longer say the same
        ctx.add(
            "warning",
            sheet,
            cell_address(layout.header, column),
            f"The column {quoted(header)} ({cell_address(layout.header, column)}) says which "
            f"measure each row holds: the {len(rows)} rows of "
            f"{', '.join(quoted(v) for v in others)} were not read, only the level's.",
            "Nothing to do if these rows hold no levels; otherwise name their measure as the "
            "level's rows do.",
        )
        return


# The columns that are a row's answer, not which item of which assessment it is.
_ANSWERS = frozenset({"level", "evidence", "confidence"})


def _items_again(sheet: Sheet, layout: ItemTable, others: list[int], rows: list[int]) -> bool:
    """Whether some of the ``others`` rows (another measure's) give an item of an assessment
    that another row of the table gives too: the same values in every column of the layout
    but the answers'."""
    keys = [column for name, column in layout.columns.items() if name not in _ANSWERS]
    apart = set(others)
    measures = {tuple(sheet.value(row, c) for c in keys) for row in others}
    return any(
        tuple(sheet.value(row, c) for c in keys) in measures for row in rows if row not in apart
    )
