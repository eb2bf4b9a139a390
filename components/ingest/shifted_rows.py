"""Rows shifted one column right of their header, as a PDF's page often is once converted.

A converter places each page's cells by where they sit on the page: a page with a wider left
margin comes out one column to the right (an empty first column, the number under the title's
heading, the title under Level's, the level under nothing). Read as they are, each row's
title is taken for its level and refused, and the real level is not seen. A run of rows that
are all shifted the same way is read one column to the left when, moved back, each row's
title is a capability (or enabler) and its number, where the table has one, is that item's:
a warning names the rows. A run that is shifted but does not read so with certainty is
refused with one error naming the rows, rather than an error for each title.
"""

from __future__ import annotations

from typing import Any

from components.ingest.layout import ItemTable
from components.ingest.matching import is_exact_title, match_item
from components.ingest.sheets import ReadContext, Sheet, cell_address
from components.ingest.values import is_blank

# Two rows at least: one row alone out of place is the reader's other checks' to report.
_FEWEST_ROWS = 2
# A page set further right than this is no table's page.
_MOST_COLUMNS = 3


def _filled(cells: tuple[Any, ...]) -> bool:
    return any(not is_blank(value) for value in cells)


def _shifted(cells: tuple[Any, ...], start: int, width: int) -> bool:
    """Whether a row's cells sit one column right of the header's: nothing under the first
    heading, something past the last one."""
    return (
        len(cells) > width
        and is_blank(cells[start])
        and not is_blank(cells[width])
        and _filled(cells[start + 1 : width])
    )


def _reads_moved(
    ctx: ReadContext, cells: tuple[Any, ...], layout: ItemTable, by: int = 1, *, exact: bool = False
) -> bool:
    """Whether a row, moved ``by`` columns left, names an item by its title (``exact``: as
    written, case and punctuation aside) and its number."""
    columns = layout.columns
    catalogue = ctx.capabilities if layout.catalogue == "capability" else ctx.enablers
    title = columns.get(layout.catalogue)
    if title is None or title + by >= len(cells) or not isinstance(cells[title + by], str):
        return False
    if exact and not is_exact_title(cells[title + by], catalogue):
        return False
    match = match_item(cells[title + by], catalogue)
    if match.how not in ("title", "extra", "fuzzy") or match.number is None:
        return False
    number = columns.get("number")
    if number is None or number == title:
        return True
    return match_item(cells[number + by], catalogue).number == match.number


def shifted_by(
    ctx: ReadContext, sheet: Sheet, layout: ItemTable, start: int, first: int
) -> dict[int, int]:
    """The rows from ``first`` on that are blank under the header's first heading and read as
    the header says (a number and that item's title in their places) once moved left by one
    to ``_MOST_COLUMNS`` columns: row -> by how many. Only rows blank under the first heading
    are looked into (found for the whole column at once: this runs for every table)."""
    rows = sheet.rows
    title = layout.columns.get(layout.catalogue)
    if title is None:
        return {}
    blank = [first + i for i, v in enumerate(sheet.column(start, first, len(rows))) if v is None]
    found = {}
    for row in blank:
        cells = rows[row]
        for by in range(1, _MOST_COLUMNS + 1):
            if len(cells) <= title + by or any(v is not None for v in cells[start : start + by]):
                break
            # The title exactly: a wrapped title's rest ("and Complaints") is no shifted row.
            if isinstance(cells[title + by], str) and _reads_moved(
                ctx, cells, layout, by, exact=True
            ):
                found[row] = by
                break
    return found


def _runs(rows: list[tuple[Any, ...]], first: int, shifted: list[bool]) -> list[list[int]]:
    """Runs of shifted rows (blank rows between them do not end a run)."""
    runs: list[list[int]] = []
    current: list[int] = []
    for row in range(first, len(rows)):
        if shifted[row - first]:
            current.append(row)
        elif _filled(rows[row]):
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [run for run in runs if len(run) >= _FEWEST_ROWS]


def move_shifted_rows(ctx: ReadContext, sheet: Sheet, layout: ItemTable) -> None:
    """Move back, in ``sheet``'s rows, each run of rows shifted one column right of the
    header, or blank it with one error when the move cannot be made with certainty."""
    header = sheet.rows[layout.header]
    used = [column for column, value in enumerate(header) if not is_blank(value)]
    if not used or layout.catalogue not in layout.columns:
        return
    start, width = min(used), max(used) + 1
    first = layout.header + 1
    rows = sheet.rows
    # A shifted row reaches past the header's last heading (``_shifted``): when none does
    # (a longest row found in C), none is shifted, without a call per row.
    if max(map(len, rows[first:]), default=0) > width:
        shifted = [_shifted(rows[row], start, width) for row in range(first, len(rows))]
    else:
        shifted = [False] * max(0, len(rows) - first)
    # Shifted with nothing past the last heading (the comments' column empty), or by more
    # than one column: rows that read as the header says only once moved (``shifted_by``).
    by = shifted_by(ctx, sheet, layout, start, first)
    if not any(shifted) and not by:
        return  # checked fast: most tables have no such row
    shifted = [s or first + i in by for i, s in enumerate(shifted)]
    for run in _runs(rows, first, shifted):
        again = [row for row in run if rows[row][start + 1 : width + 1] == header[start:width]]
        data = [row for row in run if row not in again]
        names = f"{run[0] + 1}-{run[-1] + 1}" if len(run) > 1 else str(run[0] + 1)
        if data and all(_reads_moved(ctx, rows[row], layout, by.get(row, 1)) for row in data):
            for row in run:
                cells = rows[row]
                rows[row] = cells[:start] + cells[start + by.get(row, 1) :]
            far = max(by.get(row, 1) for row in run)
            step = "one column" if far == 1 else f"{far} columns"
            ctx.add(
                "warning",
                sheet,
                cell_address(run[0], start),
                f"Rows {names} are {step} to the right of the header row {layout.header + 1}"
                f" (a page of a PDF with another margin, most likely); they were read {step} "
                "to the left, where their numbers, titles and levels fit the headings.",
                f"Check these rows' levels; to be sure, move the rows {step} to the left.",
            )
        else:
            for row in run:
                rows[row] = ()
            ctx.add(
                "error",
                sheet,
                cell_address(run[0], start),
                f"Rows {names} are one column to the right of the header row "
                f"{layout.header + 1} (nothing under its first heading, something past its "
                "last), so which cell holds the level cannot be told; they were not read.",
                "Move these rows one column to the left, under the headings, and upload the "
                "file again.",
            )
        sheet.columns = None  # the rows changed: the columns no longer say the same
