"""What a PDF's pages, written one sheet each, hold besides the table they carry on.

Two things stop such a page from being joined under the previous page's table
(``page_sheets``) though a reader would join it:

* the report's running footer at each page's foot ("Sri Lanka MNR report | 12" on one sheet,
  "… | 13" on the next): a line of text and the page's number, the same text on each page
  (``running_lines``). ``drop_running_footers`` leaves such rows out of every sheet, and keeps
  their text for the tables' context;
* a caption starting another table further down the page ("Table 4. Enablers", "Tableau 5 :
  Facilitateurs", "Figure 2"): the rows above it carry the table on, and the caption starts a
  new table. ``caption_row`` finds it, so that only the rows above it are compared with the
  table and joined to it, and the rest is read as a table of its own.
"""

from __future__ import annotations

import re
from typing import Any

from components.ingest.running_lines import remember_lines, running_rows
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted

# A table's or figure's caption as a report numbers it: "Table 4. Enablers", "Tableau 5 :",
# "Tabla 3 –", "Figure 2", "Cuadro 1", "Annex 2: …".
_CAPTION = re.compile(
    r"^\s*(?:table|tableau|tabla|tabela|tabelle|tabel|cuadro|quadro|figure|figura|fig\.|"
    r"graph|chart|annex|annexe|anexo|appendix|exhibit)\s+[A-Z]?\d{1,3}(?:[.-]\d{1,3})?"
    r"(?:\s*[.:–—-]\s*.*|\s+.*)?$",
    re.IGNORECASE,
)


def is_caption(cells: tuple[Any, ...]) -> bool:
    """Whether a row holds a table's caption alone ("Table 4. Enablers")."""
    filled = [value for value in cells if value is not None]
    return len(filled) == 1 and isinstance(filled[0], str) and bool(_CAPTION.match(filled[0]))


def caption_row(sheet: Sheet, rows: list[int]) -> int | None:
    """The first of ``rows`` (a page's rows, in order) past its first that is a caption:
    where a new table starts on the page; ``None`` when none is."""
    return next((row for row in rows[1:] if is_caption(sheet.rows[row])), None)


def drop_running_footers(ctx: ReadContext, sheets: list[Sheet]) -> None:
    """Blank the running footer (or header) rows that the sheets' last (or first) rows are,
    the same text with the next page's number on each; their text kept for the context."""
    places: list[tuple[Sheet, int]] = []
    for sheet in sheets:
        rows = sheet.rows  # a blank row is empty (trailing blanks are trimmed)
        first = next((row for row in range(len(rows)) if rows[row]), None)
        last = next((row for row in range(len(rows) - 1, -1, -1) if rows[row]), None)
        if first is not None and last is not None:
            places += [(sheet, row) for row in dict.fromkeys((first, last))]
    if len(places) < 2:
        return
    cells = [sheet.rows[row] for sheet, row in places]
    found = running_rows(cells, range(len(cells)), (ctx.capabilities, ctx.enablers))
    for index, text in found:
        sheet, row = places[index]
        sheet.rows[row] = ()
        sheet.columns = None  # the rows changed: the columns no longer say the same
        remember_lines(ctx, sheet, [(row, text)])


def say_caption(ctx: ReadContext, sheet: Sheet, row: int, table: str) -> None:
    """Say that the caption in ``row`` of ``sheet`` (a page joined under sheet ``table``'s
    table) starts another table, read on its own."""
    column, text = next((c, v) for c, v in enumerate(sheet.rows[row]) if v is not None)
    ctx.add(
        "warning",
        sheet,
        cell_address(row, column),
        f"On sheet {quoted(sheet.name)}, the caption {quoted(text)} (row {row + 1}) starts "
        f"another table: the rows above it were read as the table of sheet {quoted(table)} "
        "going on, and the table under it on its own.",
        "If the rows under the caption belong to the table above, delete the caption.",
    )
