"""A title row that holds something besides its title: which of its cells are the title.

A title line above the table is one text alone in its row ("Kenya – MNR 2024"), but people
put other things in the same row: the page's number at the right of a print layout ("BRAZIL –
… 2023" | "Page 1 of 3"), a hidden drop-down list's first items in a far column (G1:G5, the
column hidden), or the title itself in two cells ("Dominican Republic" | "MNR 2023"). Read
as several texts, such a row was taken for no title, and the assessment lost its country.

Here a page's mark ("Page 1 of 3", "1/3") and the cells of hidden columns (xlsx) are not the
title (``title_cells``), and a row of two or three short texts, none of them a label, a header
or a capability, is one title said in parts (``split_title``): ``context`` takes it only when
it names a country it knows, so that a row of words is never made a country.
"""

from __future__ import annotations

from typing import Any

from components.ingest.hidden_rows import hidden_columns
from components.ingest.page_breaks import is_page_line
from components.ingest.sheets import ReadContext, Sheet

# A title in parts is at most this many cells, each of at most so many characters.
_MAX_PARTS = 3
_MAX_PART = 120


def title_cells(ctx: ReadContext, sheet: Sheet, cells: tuple[Any, ...]) -> tuple[Any, ...]:
    """``cells`` (a row above the table) without what is not its title: a page's mark and
    the cells of the sheet's hidden columns (a hidden list's item alone in its row too)."""
    if len(cells) == cells.count(None):
        return cells
    hidden = hidden_columns(ctx.xlsx_data, sheet.name)
    return tuple(
        None if value is not None and (column in hidden or is_page_line((value,))) else value
        for column, value in enumerate(cells)
    )


def split_title(cells: tuple[Any, ...], is_title: Any) -> tuple[int, str] | None:
    """(first column, the texts joined) of a row of two or three texts that are each a title's
    words (``is_title(value)``: no label, header, capability or number), else ``None``."""
    filled = [(c, v) for c, v in enumerate(cells) if v is not None]
    if not 2 <= len(filled) <= _MAX_PARTS:
        return None
    if not all(isinstance(v, str) and len(v) <= _MAX_PART and is_title(v) for _, v in filled):
        return None
    return filled[0][0], " – ".join(v.strip() for _, v in filled)
