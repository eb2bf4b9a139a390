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

import re
import zipfile
from functools import lru_cache
from typing import Any

from components.ingest.hidden_rows import each_sheet
from components.ingest.page_breaks import is_page_line
from components.ingest.sheets import ReadContext, Sheet

_COL_TAG = re.compile(rb"<(?:\w+:)?col\b([^>]*)/?>")
_MIN = re.compile(rb'\bmin="(\d+)"')
_MAX = re.compile(rb'\bmax="(\d+)"')
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
# A title in parts is at most this many cells, each of at most so many characters.
_MAX_PARTS = 3
_MAX_PART = 120
_CHUNK = 1 << 16
# Past this many hidden columns a range is a formatting of the whole sheet, not a list's place.
_MAX_HIDDEN = 1000


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


def hidden_columns(xlsx: bytes | None, sheet: str | None) -> frozenset[int]:
    """The 0-based columns ``sheet`` of the xlsx ``xlsx`` hides (none for another file)."""
    if xlsx is None or sheet is None:
        return frozenset()
    return _hidden(xlsx).get(sheet, frozenset())


@lru_cache(maxsize=4)
def _hidden(xlsx: bytes) -> dict[str, frozenset[int]]:
    return each_sheet(xlsx, _hidden_in)


def _hidden_in(archive: zipfile.ZipFile, path: str) -> frozenset[int]:
    columns: set[int] = set()
    for tag in _COL_TAG.finditer(_head(archive, path)):
        attributes = tag.group(1)
        low, high = _MIN.search(attributes), _MAX.search(attributes)
        if not _HIDDEN.search(attributes) or low is None:
            continue
        first = int(low.group(1))
        last = int(high.group(1)) if high else first
        if last - first < _MAX_HIDDEN:
            columns.update(range(first - 1, last))
    return frozenset(columns)


def _head(archive: zipfile.ZipFile, path: str) -> bytes:
    """A sheet's part up to its cells: the columns are declared before them, so a long
    sheet's cells are never unpacked for this."""
    head = b""
    with archive.open(path) as part:
        while (chunk := part.read(_CHUNK)) and b"<sheetData" not in head[-_CHUNK - 16 :]:
            head += chunk
    return head[: head.find(b"<sheetData")] if b"<sheetData" in head else head
