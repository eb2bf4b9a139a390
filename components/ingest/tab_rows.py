"""Whole table rows pasted into one cell each, their columns joined by tabs.

A table copied from a PDF or a Word document and pasted into a cell's edit line (or written
so by a converter) keeps its columns as tabs inside one cell a row: "Kenya⇥2023⇥3⇥2⇥…" in
column A, its header likewise ("Country⇥Year⇥1. Leadership⇥…"). ``split_tab_rows`` splits
such cells at their tabs into the columns to their right, as Data > Text to Columns would,
so that every shape the reader reads when the columns are separate is read (a long table, a
countries table either way round, the template's capability rows under its own header), with
a warning naming the cells.

A cell is split only when it is the one filled cell of its row and the rows so written make
a table: one of them is a header (two of its parts are headings the reader knows, or one and
two capabilities' titles), or their table has one at its top, written in cells of its own (the
template's header over rows pasted into its first column), and they fill half its columns at
least (two parts under five headings are a note). A tab in a note or in the evidence
of a table whose columns are separate is left alone: its row has other cells filled. A row
with more parts than its header has headings (a tab inside its evidence) keeps the surplus in
its evidence (else its last) column, joined as it was. Rows in one cell with no header at all
are a form typed as lines (``text_forms``), read there.

Messages about the split cells name the cell the person sees (the one that held the row):
``places`` maps the split sheet's cells back to it while the sheet is read (``cell_places``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

from components.ingest.cell_places import Place, places_from
from components.ingest.column_values import has_text_with
from components.ingest.matching import classify_header, exact_reference
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted

# A header's parts: this many headings the reader knows, or one with this many titles.
_HEADINGS = 2
_TITLES = 2
# A part that names a capability by its words ("Leadership"), not a bare number ("3").
_WORDS = re.compile(r"[^\W\d_]{3}")
# How far above rows held in one cell the header of their table is looked for.
_HEADER_ROWS = 60
# How many split cells a warning names.
_SHOWN = 3


@dataclasses.dataclass
class TabSplitSheet(Sheet):
    """A sheet whose rows held in one cell were split at their tabs: row -> that cell's column."""

    split_from: dict[int, int] = dataclasses.field(default_factory=dict)

    def place(self, row: int, column: int) -> Place:
        """The file's (row, column) of a cell of the split sheet: a part of a split row is in
        the cell that held the row."""
        first = self.split_from.get(row)
        return (row, first) if first is not None and column >= first else (row, column)


def split_tab_rows(ctx: ReadContext, sheets: list[Sheet]) -> list[Sheet]:
    """``sheets``, those holding table rows in one cell each split at the tabs (said)."""
    return [_split(ctx, sheet) or sheet for sheet in sheets]


@contextmanager
def places(sheet: Sheet) -> Iterator[None]:
    """While a split sheet is read, its cells' addresses name the cells that held the rows."""
    with places_from(sheet.place) if isinstance(sheet, TabSplitSheet) else nullcontext():
        yield


def _parts(text: str) -> list[str | None]:
    """A cell's text cut at its tabs, each part trimmed (``None`` where empty), trailing
    empty parts left out."""
    parts = [part.strip() or None for part in text.split("\t")]
    while parts and parts[-1] is None:
        parts.pop()
    return parts


def _joined_rows(sheet: Sheet) -> dict[int, tuple[int, list[str | None]]]:
    """row -> (the column of its one filled cell, that cell's parts), for the rows whose one
    filled cell holds two parts or more joined by tabs."""
    found: dict[int, tuple[int, list[str | None]]] = {}
    for row, cells in enumerate(sheet.rows):
        # Quick tests first: most rows have several cells filled (a row's last cell is its last
        # filled one: rows are trimmed); a tab beside other cells, in a note or the evidence of
        # a table with separate columns, is left alone.
        if not cells or (len(cells) > 1 and (cells[0] is not None or cells[-2] is not None)):
            continue
        last = cells[-1]
        if not isinstance(last, str) or "\t" not in last:
            continue
        if any(value is not None for value in cells[:-1]):
            continue
        parts = _parts(last)
        if sum(part is not None for part in parts) >= 2:
            found[row] = (len(cells) - 1, parts)
    return found


def _header_fields(values: list[Any]) -> list[str | None]:
    return [classify_header(v) if isinstance(v, str) else None for v in values]


def _is_header(ctx: ReadContext, values: list[Any]) -> bool:
    """Whether cells (or a cell's parts) are a table's headings: two headings the reader knows,
    or one and two capabilities' titles (a countries table: Country, then the titles)."""
    fields = sum(field is not None for field in _header_fields(values))
    if fields >= _HEADINGS:
        return True
    titles = sum(
        isinstance(v, str)
        and bool(_WORDS.search(v))
        and exact_reference(v, ctx.capabilities) is not None
        for v in values
    )
    return fields >= 1 and titles >= _TITLES


def _header_above(ctx: ReadContext, sheet: Sheet, row: int) -> tuple[Any, ...] | None:
    """The header written in cells of their own at the top of the table ``row`` is in (the
    rows up to a blank one), else ``None``."""
    for above in range(row - 1, max(-1, row - 1 - _HEADER_ROWS), -1):
        cells = sheet.rows[above]
        if not any(value is not None for value in cells):
            return None
        if _is_header(ctx, list(cells)):
            return cells
    return None


def _split(ctx: ReadContext, sheet: Sheet) -> TabSplitSheet | None:
    if not has_text_with(ctx, sheet, "\t"):
        return None  # exact: a row is joined only when its cell's text holds a tab
    joined = _joined_rows(sheet)
    if len(joined) < 2:
        return None
    headers = [row for row, (_, parts) in joined.items() if _is_header(ctx, parts)]
    first = min(joined)
    header: list[Any] | None = None
    if headers:
        header = joined[headers[0]][1]
    elif (above := _header_above(ctx, sheet, first)) is not None:
        header = list(above[joined[first][0] :])
        # Under a header in cells, a row in one cell is the table's only when it fills most of
        # its columns: two parts ("Source:⇥Ministry") under five headings are a note.
        joined = {r: found for r, found in joined.items() if 2 * len(found[1]) >= len(header)}
    if header is None or len(joined) < 2:
        return None  # lines of a form, or notes: not a table (``text_forms``)
    rows = list(sheet.rows)
    for row, (column, parts) in joined.items():
        rows[row] = (*rows[row][:column], *_fitted(ctx, parts, header))
    split = TabSplitSheet(
        sheet.name,
        rows,
        hidden=sheet.hidden,
        merged_down=list(sheet.merged_down),
        cut=sheet.cut,
        split_from={row: column for row, (column, _) in joined.items()},
    )
    _say(ctx, split, joined)
    return split


def _fitted(ctx: ReadContext, parts: list[str | None], header: list[Any]) -> list[str | None]:
    """A row's parts, as many as the header has headings: a surplus (a tab inside a note)
    kept in the evidence column (else the last), joined by its tabs as it was written."""
    width = len(header)
    if len(parts) <= width or width < 2:
        return parts
    fields = _header_fields(header)
    at = fields.index("evidence") if "evidence" in fields else width - 1
    surplus = len(parts) - width
    kept = [p for p in parts[at : at + surplus + 1] if p is not None]
    return [*parts[:at], "\t".join(kept) or None, *parts[at + surplus + 1 :]]


def _say(ctx: ReadContext, sheet: Sheet, joined: dict[int, tuple[int, list[str | None]]]) -> None:
    cells = [cell_address(row, column) for row, (column, _) in sorted(joined.items())]
    first_row, (first_column, parts) = min(joined.items())
    example = quoted(" | ".join(part or "" for part in parts))
    shown = ", ".join(cells[:_SHOWN]) + (", …" if len(cells) > _SHOWN else "")
    ctx.add(
        "warning",
        sheet,
        cell_address(first_row, first_column),
        f"{len(cells)} cells ({shown}) each held a whole row of a table, its columns joined by "
        f"tabs ({example} in {cells[0]}), as a table copied from a PDF or a Word document and "
        "pasted into one cell a row gives. They were split at the tabs into columns and read "
        "as the table.",
        "Check what was read. To be sure, select the column, use Data > Text to Columns "
        "(Delimited, split at Tab) so that each value has a column, and upload the file again.",
    )
