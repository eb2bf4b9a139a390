"""Titles wrapped onto the next row: the rows of one capability, joined back into one.

A table converted from a PDF (or typed by someone who pressed Enter inside a long title)
splits a long title over two or more rows: the number and the start of the title on the
first ("2 | Research, Analysis"), the rest of the title, and often the level, on the next
("  | and Monitoring | 3"). Read row by row, the second row names the same capability again
and one of the two levels is lost. The reader joins such rows before reading them: a row
with no number whose text completes the title of the row above (the joined text is the
title, or the title of the number given above) is the same capability's row. Its other
cells join the first row's (text after text; a level where the other row has none). Two
rows that both hold a level are not guessed between: neither level is used, and the cells
are named. One warning lists the rows joined, since it is an assumption.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import compress, islice
from typing import Any

from components.ingest.layout import ItemTable
from components.ingest.matching import METADATA_FIELDS, Catalogue, ItemMatch, match_item
from components.ingest.page_breaks import drop_page_breaks
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.shifted_rows import move_shifted_rows
from components.ingest.title_pieces import Columns as PieceColumns
from components.ingest.title_pieces import join_title_pieces
from components.ingest.values import is_blank

# A title wraps over a few rows at most; more would be a list of notes.
_MAX_EXTRA_ROWS = 3


def join_wrapped_titles(ctx: ReadContext, sheet: Sheet, layout: ItemTable) -> None:
    """Join, in ``sheet``'s rows, each title wrapped onto the rows below it into one row,
    after leaving out the page breaks of a table converted from a PDF (``page_breaks``)."""
    move_shifted_rows(ctx, sheet, layout)  # a PDF's page one column right: moved back
    skipped = drop_page_breaks(ctx, sheet, layout)
    columns = layout.columns
    title = columns.get(layout.catalogue)
    if title is None:
        return
    number = columns.get("number")
    number = None if number == title else number
    catalogue = ctx.capabilities if layout.catalogue == "capability" else ctx.enablers
    meta = tuple(columns[f] for f in METADATA_FIELDS if f in columns)

    def join(sheet: Sheet, first: int, last: int, text: str) -> None:
        _join_rows(ctx, sheet, first, last, columns, title=title, text=text, catalogue=catalogue)

    # Pieces above the row holding the number too, page furniture between them left out.
    level = columns.get("level")
    around = PieceColumns(title, number, level if level != title else None, meta, catalogue)
    pieces = _may_continue(sheet, title, number, meta)
    joined, moved = join_title_pieces(
        sheet, around, first=layout.header + 1, pieces=pieces, skipped=skipped, join=join
    )
    if joined:
        pieces = _may_continue(sheet, title, number, meta)
    at = _Columns(title, number, meta, catalogue, pieces)
    free = layout.header + 1
    # The rows above those that may continue a title, picked in C (this runs for every table).
    below = range(free + 1, len(sheet.rows))
    heads = [r - 1 for r in compress(below, islice(at.continues, free + 1, None))]
    for row in heads:
        group = _wrapped_at(sheet, row, at) if row >= free else None
        if group is None:
            continue
        last, text = group
        _join_rows(ctx, sheet, row, last, columns, title=title, text=text, catalogue=catalogue)
        joined.append((row, last))
        free = last + 1
    if joined:
        joined.sort()
        spans = ", ".join(f"{first + 1} to {last + 1}" for first, last in joined)
        ctx.add(
            "warning",
            sheet,
            cell_address(joined[0][0], title),
            f"Some {layout.catalogue} titles were wrapped onto the next row (as a PDF converted "
            f"to Excel often does); each was read as one row: rows {spans}.",
            "If one of those rows is a separate entry, give it its own number and title.",
        )
    if moved:
        ctx.add(
            "warning",
            sheet,
            cell_address(moved[0], 0),
            f"The last line of {len(moved)} wrapped title{'s' if len(moved) > 1 else ''} (row"
            f"{'s' if len(moved) > 1 else ''} {', '.join(str(r + 1) for r in moved)}) stood one "
            "column left, its level under the title's heading (as Text to Columns splits a "
            "line with no tab before it): it was read as the title's end and its level.",
            "Check those levels; to be sure, put each title and its level on one row.",
        )


@dataclass(frozen=True)
class _Columns:
    title: int
    number: int | None
    meta: tuple[int, ...]
    catalogue: Catalogue
    continues: list[bool]  # per row: could it hold the rest of the title above?


def _wrapped_at(sheet: Sheet, row: int, at: _Columns) -> tuple[int, str] | None:
    """The last row of a title that starts at ``row`` and wraps onto the rows below, and the
    whole title; ``None`` when ``row``'s title is complete or does not start one."""
    head = _head(sheet, row, at)
    if head is None:
        return None
    text, given = head
    found: tuple[int, str] | None = None
    for below in range(row + 1, min(row + 1 + _MAX_EXTRA_ROWS, len(sheet.rows))):
        if not at.continues[below]:
            break
        rest = str(sheet.value(below, at.title))
        own = match_item(rest.strip(), at.catalogue)
        if own.how in ("title", "number") and own.number is not None:
            if not text and own.number == given:
                return below, rest.strip()  # the number above, its whole title below
            break  # a title, or a number, of its own
        text = _joined_text(text, rest.strip())
        whole = match_item(text, at.catalogue)
        if whole.number is None or (given is not None and whole.number != given):
            continue
        if whole.how == "title" or (whole.how == "number" and not whole.note):
            return below, text  # exactly the title: no need to look further
        if given is not None and whole.how == "fuzzy":
            found = (below, text)  # close to the numbered title: the longest such
    return found


def _may_continue(
    sheet: Sheet, title: int, number: int | None, meta: tuple[int, ...]
) -> list[bool]:
    """Per row, whether it could hold the rest of a title: text in the title column, and no
    number, country or year of its own (a long table's row with those is a row of its own).
    Whole columns at a time: this runs for every table (a sheet's blank cells are None)."""
    rows = len(sheet.rows)
    may = [isinstance(value, str) for value in sheet.column(title, 0, rows)]
    for column in (number, *meta) if number is not None else meta:
        if not any(may):
            break  # no row left that may: each further column keeps every one False
        may = [
            m and value is None
            for m, value in zip(may, sheet.column(column, 0, rows), strict=False)
        ]
    return may


def _head(sheet: Sheet, row: int, at: _Columns) -> tuple[str, int | None] | None:
    """The start of a wrapped title in ``row`` and the number given beside it; ``None`` for
    a row with a whole title, or with neither a number nor text that could start one."""
    head = sheet.value(row, at.title)
    if head is not None and not isinstance(head, str):
        return None
    text = head.strip() if isinstance(head, str) else ""
    alone = match_item(text, at.catalogue) if text else ItemMatch("blank")
    if alone.how == "title" and alone.number is not None:
        return None  # the whole title already
    if at.number is None:
        # Without a number column, only text that names no capability for certain starts a
        # title ("7. Access to Image" names 7 by its number: it is not joined).
        certain = alone.how in ("number", "extra") and alone.number is not None
        return (text, None) if text and not certain else None
    key = sheet.value(row, at.number)
    if is_blank(key):
        return None  # no number: a continuation itself, or a note
    by_number = match_item(key, at.catalogue)
    if by_number.how != "number" or by_number.note:
        return None
    return text, by_number.number


def _joined_text(first: str, rest: str) -> str:
    """Two parts of a wrapped title: "Enforce-" and "ment" join without the hyphen."""
    if first.endswith("-") and not first.endswith(" -") and rest[:1].islower():
        return first[:-1] + rest
    return f"{first} {rest}" if first else rest


def _join_rows(
    ctx: ReadContext,
    sheet: Sheet,
    first: int,
    last: int,
    columns: Mapping[str, int],
    *,
    title: int,
    text: str,
    catalogue: Catalogue,
) -> None:
    """Rows ``first`` to ``last`` as one: kept in the row holding the level (so a level's
    problem names its own cell), the others left blank."""
    level = columns.get("level")
    rows = range(first, last + 1)
    with_level = [r for r in rows if level is not None and not is_blank(sheet.value(r, level))]
    keep = with_level[0] if len(with_level) == 1 else first
    width = max(len(sheet.rows[r]) for r in rows)
    cells: list[Any] = []
    for column in range(width):
        values = [sheet.value(r, column) for r in rows if not is_blank(sheet.value(r, column))]
        if column == title:
            cells.append(text)
        elif column == level and len(values) > 1:
            cells.append(None)
        elif values and all(isinstance(v, str) for v in values):
            # Text wrapped with the title (a description, evidence) joins; the same text on
            # each row (a country repeated down a long table) is said once.
            cells.append(" ".join(dict.fromkeys(v.strip() for v in values)))
        else:
            cells.append(values[0] if values else None)
    if len(with_level) > 1:
        shown = " and ".join(
            f"{cell_address(r, level)} {quoted(sheet.value(r, level))}"
            for r in with_level
            if level is not None
        )
        match = match_item(text, catalogue)
        named = catalogue.describe(match.number) if match.number is not None else quoted(text)
        ctx.add(
            "error",
            sheet,
            cell_address(with_level[-1], level or 0),
            f"Rows {first + 1} to {last + 1} look like one title wrapped over several rows "
            f"({named}), but more than one of them has a level ({shown}); neither was used.",
            "Put the title and its one level on a single row.",
        )
    for r in rows:
        sheet.rows[r] = tuple(cells) if r == keep else ()
    sheet.columns = None  # the rows changed: the columns no longer say the same
