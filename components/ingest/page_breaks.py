"""Page breaks left in a table converted from a PDF (or pasted from a printed report).

A PDF's table is cut into pages: its converter writes the page's footer ("Page 1 of 2",
"Página 1 de 2", "1/2") and repeats the header row at the top of the next page. Read as they
are, the repeated header starts a second table with no country or year of its own, and its
capabilities are lost. A header row repeated right after the page's line (or straight under
the rows above, with nothing between) is the same table going on: the page lines and that
header are left out, with a warning naming the rows.
"""

from __future__ import annotations

import re
from typing import Any

from components.ingest.cell_sets import body_values
from components.ingest.label_rows import is_label_row
from components.ingest.layout import ItemTable, repeated_headers
from components.ingest.page_footers import footer_rows
from components.ingest.page_numbers import page_number_rows
from components.ingest.running_lines import remember_lines, running_rows
from components.ingest.sheets import ReadContext, Sheet, cell_address
from components.ingest.values import is_blank

# "Page 1 of 2", "Page 1", "p. 1/2", "Página 1 de 2", "Pagina 1 di 2", "Page 1 sur 2", "1/2",
# "- 1 -": a page's footer or header line.
_PAGE = re.compile(
    r"\s*(?:(?:page|pág(?:ina)?|pag(?:ina|e)?|p)\.?\s*\d+(?:\s*(?:of|de|sur|di|/|von)\s*\d+)?"
    r"|\d+\s*/\s*\d+|[-–]\s*\d+\s*[-–])\s*",
    re.IGNORECASE,
)


def is_page_line(cells: tuple[Any, ...]) -> bool:
    """Whether a row holds a page's footer or header line alone ("Page 1 of 2")."""
    if cells.count(None) != len(cells) - 1:
        return False  # a row's blank cells are None: not one value alone (checked fast)
    filled = [value for value in cells if not is_blank(value)]
    return len(filled) == 1 and isinstance(filled[0], str) and bool(_PAGE.fullmatch(filled[0]))


def _item_heads_again(
    sheet: Sheet, layout: ItemTable, values: frozenset[Any] | None = None
) -> set[int]:
    """The rows below the header that head the item and level columns as the header does,
    word for word, while their other cells differ: a header repeated inside merged Country
    and Year cells (a PDF's table, the page's line lost in the merge), which hold the country
    instead."""
    header = sheet.rows[layout.header]
    heads = {
        column: header[column]
        for name, column in layout.columns.items()
        if name in ("level", "number", "capability", "enabler")
        and column < len(header)
        and isinstance(header[column], str)
    }
    if len(heads) < 2:
        return set()
    first = layout.header + 1
    column, text = next(iter(heads.items()))
    if values is not None and type(text) is str and text not in values:
        return set()  # the heading is in no row below (``values``): no row heads again
    # One column compared whole first (this runs for every table, however long).
    hits = [
        first + i for i, v in enumerate(sheet.column(column, first, len(sheet.rows))) if v == text
    ]
    return {
        row
        for row in hits
        if all(c < len(sheet.rows[row]) and sheet.rows[row][c] == t for c, t in heads.items())
    }


def _same_rows(
    rows: list[tuple[Any, ...]], first: int, again: tuple[Any, ...], values: frozenset[Any] | None
) -> set[int]:
    """The rows from ``first`` on that are ``again`` exactly. A row equal to it holds each of
    its texts, so when one of them is in none of the rows (``values``), no row is: the rows
    need no comparing (a long table's header words are not among its values)."""
    if values is not None and not all(v in values for v in again if type(v) is str):
        return set()
    return {row for row in range(first, len(rows)) if rows[row] == again}


def drop_page_breaks(ctx: ReadContext, sheet: Sheet, layout: ItemTable) -> set[int]:
    """Blank, in ``sheet``'s rows, the page lines of ``layout``'s table and the header rows
    repeated at a page break, so that the table reads as one; the rows blanked."""
    first = layout.header + 1
    rows = sheet.rows
    body = rows[first:]
    values = body_values(rows, first)  # what the guards below look at, once
    # One value alone in its row first (in C, without a call per row: this runs for every
    # table, and a long table's rows hold several values).
    if values is not None and None not in values:
        # No cell of any row is blank (None): each row's length is its count of values,
        # found in C (``count(None)`` compares every cell with None, a long table's 17,000).
        filled = list(map(len, body))
    else:
        filled = [len(cells) - cells.count(None) for cells in body]
    few = [first + i for i, count in enumerate(filled) if count <= 2]  # a text and its page
    alone = [row for row in few if filled[row - first] == 1]
    pages = [row for row in alone if is_page_line(rows[row])] + footer_rows(rows, first, values)
    # A report's line at each page's foot ("Tunisia MNR 2023 – page 4"): its country is kept.
    running = running_rows(rows, few, (ctx.capabilities, ctx.enablers))
    remember_lines(ctx, sheet, running)
    pages += [row for row, _ in running if row not in pages]
    pages = sorted(pages + page_number_rows(ctx, sheet, layout, alone))  # "2" alone: a page
    # The header written again as it is (a PDF repeats it so); headed the same way in other
    # words too when a page's line says where the pages break.
    again = sheet.rows[layout.header]
    headers = (
        repeated_headers(sheet, layout)
        if pages
        else sorted(
            _same_rows(rows, first, again, values) | _item_heads_again(sheet, layout, values)
        )
    )
    repeated = []
    meta = {c for name, c in layout.columns.items() if name in ("country", "year", "when")}
    for header in headers:
        above = header - 1
        while above >= first and (not sheet.rows[above] or above in pages):
            above -= 1
        between = range(above + 1, header)
        # The row above is a row of the table (a title or label row would be the next
        # table's own), and only blank rows and the page's line lie between.
        row_above = [value for value in sheet.rows[above] if not is_blank(value)]
        if above < first or len(row_above) < 2 or is_label_row(sheet.rows[above]):
            continue
        # A country merged down over both: the page's line was lost in the merge.
        merged = any(
            column in meta and top <= above and header <= bottom
            for top, bottom, column in sheet.merged_down
        )
        if not between or merged or any(row in pages for row in between):
            repeated.append(header)
    for row in pages:
        sheet.rows[row] = ()
    if not repeated:
        if pages:
            sheet.columns = None
        return set(pages)
    for row in repeated:
        sheet.rows[row] = ()
    sheet.columns = None  # the rows changed: the columns no longer say the same
    rows = ", ".join(str(row + 1) for row in repeated)
    ctx.add(
        "warning",
        sheet,
        cell_address(repeated[0], 0),
        f"The header row is repeated in row{'s' if len(repeated) > 1 else ''} {rows}, at a "
        "page break; the rows below were read as the same table going on.",
        "If the rows below are another assessment, put its Country and Year labels above "
        "its header row.",
    )
    return {*pages, *repeated}
