"""HTML tables saved under an Excel name: what web systems write when they "export to Excel".

PHP applications, Salesforce reports, DHIS2 and many M&E platforms write a web page with one or
more ``<table>``s and name it .xls (sometimes .xlsx, or .htm), often with Excel's own markup:
the sheet's name in ``<x:ExcelWorksheet><x:Name>`` (inside a conditional comment), ``x:num``
on number cells, ``mso-number-format`` styles, ``<br>`` inside cells, ``colspan``/``rowspan``,
``<th>`` headers, ``&nbsp;`` for an empty cell, a heading above the table. Excel opens it, so
people upload it. ``page_sheets`` reads it as ``BookSheet``s (``markup_books`` writes them as
the .xlsx it is then read as):

* each data table is a sheet, named from its ``<x:Name>`` when the page gives one, else from
  its caption, the heading above it, the page's title, else "Table 1", "Table 2"…; a table
  laid out around others (a layout table) is not one: the tables inside it are, and its other
  cells are text; a small table of a few label and value pairs ("Country | Kenya") is text too,
  above the table it comes before, as Excel shows it;
* the text above a table (a title, "Country: Kenya", "Year: 2023") is rows above it, one line
  a row, and what follows the last table rows below it;
* ``colspan``/``rowspan`` are merges (clipped to the table, and to the limits), but for Excel's
  ``mso-ignore:colspan`` (text shown over the empty cells beside it); ``<br>`` is a line break
  in the cell; struck words (``<s>``, ``<del>``) are marked ``~~`` as ``struck_levels`` reads
  them; a row hidden (``display:none``, ``mso-hide:all``, in its style or its class's) is a
  hidden row, and a column Excel's ``<col>`` hides (or a cell hidden so) a hidden column;
* a cell is a number when Excel's ``x:num`` says so, or when its text is a plain number that
  no locale reads otherwise ("3", "2023", "2.5"); "1,234", "1,5" or "1.500" stay text (the
  reader turns numeric text into numbers where it should); a text format (``mso-number-format:
  "\\@"``, ``x:str``) keeps text as text; a date format gives Excel's serial as that day, a
  ``yyyy`` one as that year; an error value ("#N/A", ``x:err``) is an error cell. A format
  given through a class (``.xl65 {mso-number-format:…}``, as Excel writes them) counts as one
  given on the cell (``html_styles``).

The page is read as a browser reads it (``html_page``: lxml's HTML parser, which fetches
nothing and expands no entity but HTML's own); scripts, styles and Excel's settings are no
text.
"""

from __future__ import annotations

import math
import re
from typing import Any

from components.ingest.book_sheets import BookSheet, ErrorValue, new_sheet
from components.ingest.html_page import Box, Cell, Heading, Page, Table, read_page
from components.ingest.html_styles import Styles, hides, overflows, serial_day, style_kind
from components.ingest.limits import ReadLimits
from components.ingest.refusals import FileRejected

#: The kind ``check_upload`` names a web page with a table (read as the .xlsx made of it).
WEB_PAGE = "html"

# What a web page starts with, after any XML declaration, comments and white space.
_PROLOG = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->)", re.DOTALL)
_PAGE_START = re.compile(
    r"\s*<(?:!doctype\s+html|html|head|body|meta|title|style|link|script|base|table|caption|"
    r"thead|tbody|tr|th|td|div|span|p|center|font|b|h[1-6]|form|br)(?=[\s/>])",
    re.IGNORECASE,
)
_TABLE_TAG = re.compile(rb"<table(?=[\s/>])", re.IGNORECASE)

# HTML's own limits on a span (browsers clip to them).
_MAX_COLSPAN = 1000
_MAX_ROWSPAN = 65534
# A table of at most this many rows of at most two filled cells (label and value) is text
# above the table after it, as Excel shows it, not a sheet of its own.
_SMALL_ROWS = 6
_PLAIN_NUMBER = re.compile(r"[-+]?(?:0|[1-9]\d{0,14})(?:\.\d+)?")
# "1.500": a thousand in much of Europe, one and a half elsewhere.
_THOUSANDS_OR_DECIMAL = re.compile(r"[-+]?\d{1,3}\.\d{3}")
_SPAN_DIGITS = re.compile(r"\s*(\d{1,9})")
_GROUPING = re.compile(r"[,\s\u00a0\u202f']")  # what a number shown may be grouped by
_DATE_FORMAT = "yyyy-mm-dd"  # a date cell's format in the .xlsx made (Excel's named ones aside)
# The error values Excel reads typed text as.
_ERRORS = frozenset({"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!"})

_FIX_NO_TABLE = (
    "If a system exported it, export it again and check that the file holds your data (a "
    "sign-in or error page is sometimes saved instead). If you can open it in Excel and see "
    "the table, choose File > Save As, pick “Excel Workbook (*.xlsx)”, and upload the new file."
)


def is_web_page(head: str) -> bool:
    """Whether ``head`` (a file's first text) opens a web page (HTML, or XHTML after an XML
    declaration)."""
    position = 0
    while found := _PROLOG.match(head, position):
        if found.end() == position:
            break
        position = found.end()
    return _PAGE_START.match(head, position) is not None


def check_web_page(data: bytes) -> None:
    """Refuse a web page without a ``<table>`` anywhere: nothing in it is a table to read.
    ``data`` is the page in an encoding that keeps ASCII as it is (UTF-8, a code page)."""
    if _TABLE_TAG.search(data) is None:
        raise no_table()


def no_table() -> FileRejected:
    """The refusal of a web page that holds no table with anything in it."""
    return FileRejected(
        "This file is a web page (HTML), not a spreadsheet, and it holds no table, so there "
        "is nothing to read. Some systems export web pages under an Excel name.",
        _FIX_NO_TABLE,
        kind="not_spreadsheet",
    )


def page_sheets(
    data: bytes | str, limits: ReadLimits, css: tuple[str, ...] = ()
) -> list[BookSheet]:
    """The web page ``data`` (its bytes, or its text when already decoded)'s data tables as
    sheets, each with the text above it, within ``limits``; ``css``: style sheets that come
    with it (a .mht's ``stylesheet.css``). Raises ``FileRejected`` for a page without a table
    holding anything."""
    page = read_page(data)
    items: list[Any] = []
    _flatten(page.flow, items)
    return _sheets(items, page, limits, Styles((*css, *page.styles)))


# --------------------------------------------------------------------------------------------
# From the page to sheets


def _flatten(box: Box, out: list[Any]) -> None:
    """``box``'s content in order: a list per row of text, a ``Heading``, a data ``Table``
    (a layout table's own text and the tables inside it in its place)."""
    text = Box()
    for item in box.items:
        if isinstance(item, str):
            text.items.append(item)
            continue
        out.extend([line] for line in text.lines())
        text = Box()
        if isinstance(item, Heading):
            out.append(item)
            continue
        _flatten(item.stray, out)
        if item.holds_tables:
            _dissolve(item, out)
        else:
            out.append(item)
    out.extend([line] for line in text.lines())


def _dissolve(table: Table, out: list[Any]) -> None:
    """A layout table in the flow: its rows' text cells as rows, the cells holding tables (or
    headings) as the flow they hold."""
    if table.caption is not None:
        out.extend([line] for line in table.caption.lines())
    for row in table.rows:
        values: list[Any] = []
        for cell in row:
            if cell.holds_more():
                if any(values):
                    out.append(values)
                values = []
                _flatten(cell, out)
            else:
                values.append(cell.text or None)
        if any(values):
            out.append(values)


def _sheets(items: list[Any], page: Page, limits: ReadLimits, styles: Styles) -> list[BookSheet]:
    """A sheet for each data table, the rows of text above it first; small label tables and
    the text after the last table as rows."""
    tables = [item for item in items if isinstance(item, Table) and _filled(item)]
    big = [table for table in tables if not _small(table)]
    sheet_tables = set(map(id, big or tables))
    sheets: list[BookSheet] = []
    above: list[list[Any]] = []
    heading = ""
    for item in items:
        if isinstance(item, Heading):
            heading = item.text  # the nearest above the table names it
        elif isinstance(item, list):
            above.append(item)
        elif id(item) in sheet_tables:
            sheets.append(
                _sheet(item, above, heading, page, limits, styles=styles, index=len(sheets))
            )
            above, heading = [], ""
        elif isinstance(item, Table) and _filled(item):
            above.extend(_plain_rows(item, styles))
    if not sheets:
        raise no_table()
    last = sheets[-1]
    row = max(last.cells, default=-1) + 1
    for values in above:  # what follows the last table: below it, as Excel shows it
        for column, value in enumerate(values):
            last.put(row, column, value)
        row += 1
    return sheets


def _sheet(
    table: Table,
    above: list[list[Any]],
    heading: str,
    page: Page,
    limits: ReadLimits,
    *,
    styles: Styles,
    index: int,
) -> BookSheet:
    """The table's sheet: the rows above it, its caption, its cells; named by Excel's markup,
    its caption, the heading above it, the page's title, else by its place ("Table 2")."""
    given, hidden = page.sheet_names[index] if index < len(page.sheet_names) else ("", False)
    caption = table.caption.lines() if table.caption is not None else []
    name = given or " ".join(caption) or heading or page.title or f"Table {index + 1}"
    sheet = new_sheet(name, limits, hidden=hidden)
    rows = [*above, *([line] for line in caption)]
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            sheet.put(row, column, value)
    _put_table(sheet, table, len(rows), styles)
    return sheet


def _put_table(sheet: BookSheet, table: Table, top: int, styles: Styles) -> None:
    """The table's cells from row ``top``, each where a browser places it (past the cells
    spanning down from rows above), its spans as merges, clipped to the table and the limits;
    rows and columns its styles hide, hidden."""
    _hide_columns(sheet, table, styles)
    # Column -> the last row (of the table) a cell spanning down from above covers there.
    covered: dict[int, int] = {}
    count = len(table.rows)
    for row, cells in enumerate(table.rows):
        if table.hidden_rows[row] or (
            table.row_classes[row] and hides(styles.of({"class": table.row_classes[row]}))
        ):
            sheet.hide_row(top + row)
        column = 0
        for cell in cells:
            while covered.get(column, -1) >= row:
                column += 1
            most = max(1, sheet.max_columns + 1 - column)
            wanted = cell.span("colspan", min(_MAX_COLSPAN, most)) or 1
            width = 1
            while width < wanted and covered.get(column + width, -1) < row:
                width += 1
            height = min(cell.span("rowspan", _MAX_ROWSPAN) or count - row, count - row)
            style = styles.of(cell.attributes)
            value, shown_as = _value(cell, style)
            sheet.put(top + row, column, value, shown_as)
            if hides(style):  # a cell hidden (by a system's page, a class): its column is
                for hidden in range(column, column + width):
                    sheet.hide_column(hidden)
            if height > 1:
                for spanned in range(column, column + width):
                    covered[spanned] = row + height - 1
            # Excel's "mso-ignore:colspan": text shown over the empty cells beside it, no merge
            right = column if overflows(style) else column + width - 1
            if right > column or height > 1:
                sheet.merge(top + row, column, top + row + height - 1, right)
            column += width


def _plain_rows(table: Table, styles: Styles) -> list[list[Any]]:
    """A small table's rows as rows of text above the next table (no spans)."""
    return [[_value(cell, styles.of(cell.attributes))[0] for cell in cells] for cells in table.rows]


def _hide_columns(sheet: BookSheet, table: Table, styles: Styles) -> None:
    """The columns a table's ``<col>``s hide (``span`` of them each), hidden."""
    column = 0
    for attributes in table.columns:
        given = attributes.get("span")
        found = _SPAN_DIGITS.match(given) if given else None
        span = max(1, min(int(found.group(1)), sheet.max_columns)) if found else 1
        if hides(styles.of(attributes)):
            for hidden in range(column, min(column + span, sheet.max_columns)):
                sheet.hide_column(hidden)
        column += span
        if column >= sheet.max_columns:
            return


def _filled(table: Table) -> bool:
    return any(cell.text for cells in table.rows for cell in cells)


def _small(table: Table) -> bool:
    """Whether a table is a few label and value pairs, or one cell (a box around a title)."""
    filled_rows = 0
    for cells in table.rows:
        filled = sum(1 for cell in cells if cell.text)
        if filled > 2:
            return False
        filled_rows += bool(filled)
        if filled_rows > _SMALL_ROWS:
            return False
    return True


# --------------------------------------------------------------------------------------------
# A cell's value


def _value(cell: Cell, style: str) -> tuple[Any, str | None]:
    """A cell's value, and its number format when it is a percentage or a date Excel's markup
    gives; ``style``: the declarations that style the cell (its classes', then its own)."""
    text = cell.text
    attributes = cell.attributes
    kind = style_kind(style)
    if "x:err" in attributes:
        shown = (attributes["x:err"] or text).strip()
        return (ErrorValue(shown) if shown else None), None
    if "x:bool" in attributes:
        truth = (attributes["x:bool"] or text).strip().upper()
        if truth in {"TRUE", "FALSE"}:
            return truth == "TRUE", None
    if kind in {"date", "year"} and attributes.get("x:num"):
        # A date Excel gives as its serial: that day, or the year a "yyyy" format shows.
        serial = _number(attributes["x:num"], strict=False)
        day = serial_day(serial) if serial is not None else None
        if day is not None:
            return (day.year, None) if kind == "year" else (day, _DATE_FORMAT)
    if "x:num" in attributes:
        # Excel's value, when what the cell shows is that number formatted ("1,234.50",
        # "75%"); a date it shows ("15/03/2024" for 45366) is kept as shown, for the reader.
        given = attributes["x:num"]
        number = _number(given, strict=False) if given and _shows_a_number(text) else None
        number = number if number is not None else _number(text)
        if number is not None:
            percent = text.endswith("%") or kind == "percent"
            return number, "0%" if percent else None
    if not text:
        return None, None
    if "x:str" in attributes or kind == "text":
        return text, None
    if text in _ERRORS:
        return ErrorValue(text), None
    number = _number(text)
    return (text if number is None else number), None


def _shows_a_number(text: str) -> bool:
    """Whether a cell's text is a number as Excel formats one: grouped, a percentage."""
    return not text or _number(_GROUPING.sub("", text).removesuffix("%"), strict=False) is not None


def _number(text: str, *, strict: bool = True) -> int | float | None:
    """``text`` as a number: when ``strict``, only a plain one no locale reads otherwise;
    else as Excel writes ``x:num`` ("0.75", "1E-3")."""
    text = text.strip()
    if strict and (not _PLAIN_NUMBER.fullmatch(text) or _THOUSANDS_OR_DECIMAL.fullmatch(text)):
        return None
    try:
        number = float(text)
    except ValueError:
        return None
    if not math.isfinite(number):
        return None
    if "." not in text and "e" not in text.lower():
        return int(text)
    return number
