"""A web page as a browser reads it, for its tables (``html_tables`` makes sheets of them).

``read_page`` decodes the page as a browser would (UTF-16 when it is, the encoding it declares,
else UTF-8 or the code page that fits) and parses it with lxml's HTML parser (libxml2: fast,
forgiving of bad markup as browsers are; no network, no huge trees, no entity but HTML's own),
told to a ``Page``: its flow of text and tables in order (``Box``), each table's rows of cells
with their attributes (``Table``, ``Cell``; its rows' classes and its ``<col>``s, for what
their styles hide), the headings (``Heading``), the title, the text of its ``<style>``s (for
the classes' number formats, ``html_styles``), and the sheets' names Excel's own markup gives
(``<x:ExcelWorksheet><x:Name>``, in a conditional comment or not).

As a browser builds a table: a cell or row left open is closed by the next, a table inside a
cell is that cell's (its table is then a layout table), text in a table but in no cell is
kept apart. White space is what a browser shows: runs of spaces and line ends are one space,
``<br>`` is a line break, a block (a paragraph, a heading, a ``div``) its own line; scripts,
styles and Excel's settings are not text; words struck through (``<s>``, ``<del>``) in a cell
are marked ``~~`` as ``struck_levels`` reads them.
"""

from __future__ import annotations

import codecs
import html
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from components.ingest.refusals import FIX_SAVE_AS_XLSX, FileRejected
from components.ingest.text_encoding import decode_text
from components.ingest.unicode_text import utf16_codec, utf16_text

_DECLARED_XML = re.compile(rb"""^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)""")
_DECLARED_META = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
# The names a page declares that browsers read as Windows-1252, as Excel does.
_AS_WINDOWS_1252 = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"})
# A settings block of Excel's: one sheet's name, and whether it is hidden.
_WORKSHEET_SPEC = re.compile(r"<x:ExcelWorksheet\b.*?</x:ExcelWorksheet\s*>", re.I | re.DOTALL)
_SPEC_NAME = re.compile(r"<x:Name>(.*?)</x:Name\s*>", re.IGNORECASE | re.DOTALL)
_SPEC_HIDDEN = re.compile(r"<x:Visible>\s*Sheet(?:Very)?Hidden\s*</x:Visible", re.IGNORECASE)

# Elements whose text is never shown (Excel's settings, ``x:*``, are handled apart).
_NOT_SHOWN = frozenset({"script", "style", "xml", "template", "svg"})
# Elements that end a line of text before and after them.
_BLOCKS = frozenset({
    "p", "div", "ul", "ol", "li", "dl", "dt", "dd", "hr", "pre", "blockquote", "address",
    "center", "section", "article", "header", "footer", "nav", "main", "aside", "figure",
    "figcaption", "form", "fieldset", "legend", "body", "h1", "h2", "h3", "h4", "h5", "h6",
})  # fmt: skip
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CELLS = frozenset({"td", "th"})
_SECTIONS = frozenset({"thead", "tbody", "tfoot"})
_STRUCK = frozenset({"s", "strike", "del"})
_SOURCE_SPACES = str.maketrans("\r\n\t\f", "    ")
_HARD, _SOFT = "\n", "\r"  # a <br>; the edge of a block (a line ends there if one began)
_HIDDEN_ROW = re.compile(r"display\s*:\s*none|mso-hide\s*:\s*all", re.IGNORECASE)
_SPAN = re.compile(r"\s*(\d{1,9})")  # browsers read the digits a span starts with


def read_page(data: bytes | str) -> Page:
    """The web page ``data`` (its bytes, or its text when already decoded: a .mht's part in
    the charset its header names), read. Raises ``FileRejected`` for one that cannot be."""
    page = Page()
    # libxml2's HTML parser, as a browser reads a page (it closes what is left open, keeps
    # going past bad markup), telling ``page`` what it meets; never fetching anything, never
    # past its own limits on a text or a nesting (no huge_tree). The text is given as UTF-8,
    # decoded as the page says (``page_text``), so what the page declares is not read again.
    parser = etree.HTMLParser(
        target=page, encoding="utf-8", no_network=True, huge_tree=False, recover=True
    )
    try:
        text = data if isinstance(data, str) else page_text(data)
        parser.feed(text.encode("utf-8", "surrogatepass"))
        parser.close()
    except (etree.LxmlError, ValueError, UnicodeError):
        raise _damaged() from None
    return page


@dataclass(eq=False)
class Heading:
    text: str


@dataclass(eq=False)
class Box:
    """What a part of the page holds, in order: text (with ``_HARD`` and ``_SOFT`` line ends),
    tables and headings."""

    items: list[Any] = field(default_factory=list)

    def lines(self) -> list[str]:
        """Its text, line by line (white space as a browser shows it; none at either end)."""
        raw = "".join(item for item in self.items if isinstance(item, str))
        if _HARD not in raw and _SOFT not in raw:  # most cells: one line
            line = " ".join(raw.split())
            return [line] if line else []
        lines: list[str] = []
        for hard in raw.split(_HARD):
            parts = [" ".join(part.split()) for part in hard.split(_SOFT)]
            lines.extend([part for part in parts if part] or [""])
        while lines and not lines[-1]:
            lines.pop()
        first = next((i for i, line in enumerate(lines) if line), len(lines))
        return lines[first:]

    def holds_more(self) -> bool:
        return any(isinstance(item, Table | Heading) for item in self.items)


@dataclass(eq=False)
class Cell(Box):
    attributes: dict[str, str] = field(default_factory=dict)
    _text: str | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        """Its text, its lines joined by line breaks (read once the cell is whole)."""
        if self._text is None:
            self._text = "\n".join(self.lines())
        return self._text

    def span(self, name: str, most: int) -> int:
        """``colspan`` or ``rowspan``: 1 when absent or unreadable, 0 for "to the end"."""
        given = self.attributes.get(name)
        found = _SPAN.match(given) if given else None
        return 1 if found is None else min(int(found.group(1)), most)


@dataclass(eq=False)
class Table:
    rows: list[list[Cell]] = field(default_factory=list)
    hidden_rows: list[bool] = field(default_factory=list)  # by the row's own style
    row_classes: list[str] = field(default_factory=list)  # each row's ``class``, for its styles
    columns: list[dict[str, str]] = field(default_factory=list)  # the ``<col>``s' attributes
    caption: Box | None = None
    stray: Box = field(default_factory=Box)  # text inside the table but in no cell
    holds_tables: bool = False  # a layout table: a cell holds a table
    cell: Cell | None = None  # the cell open
    row_open: bool = False
    in_caption: bool = False

    def new_row(self, attributes: dict[str, str] | None = None) -> None:
        attributes = attributes or {}
        self.rows.append([])
        self.hidden_rows.append(_HIDDEN_ROW.search(attributes.get("style") or "") is not None)
        self.row_classes.append(attributes.get("class") or "")
        self.row_open = True
        self.cell = None


class Page:
    """The page's flow of text and tables, Excel's sheet names and the title: what the parser
    meets, told in order (lxml's parser target: ``start``, ``end``, ``data``, ``comment``)."""

    def __init__(self) -> None:
        self.flow = Box()
        self.tables: list[Table] = []  # open, the innermost last
        self.hidden_by: list[str] = []  # open elements whose text is not shown
        self.title: str = ""
        self.sheet_names: list[tuple[str, bool]] = []  # (name, hidden), Excel's settings
        self.styles: list[str] = []  # the text of each ``<style>`` (its classes' formats)
        self._style: list[str] | None = None
        self._title: list[str] | None = None
        self._setting: list[str] | None = None  # the text of an <x:Name> or <x:Visible>
        self._heading: tuple[Box, int] | None = None

    def box(self) -> Box:
        """Where text goes now: the open cell, the caption, the table (stray), or the page."""
        if not self.tables:
            return self.flow
        table = self.tables[-1]
        if table.cell is not None:
            return table.cell
        if table.in_caption and table.caption is not None:
            return table.caption
        return table.stray

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        tag = tag.lower()
        if self._title is not None:  # a title holds no element: one left open ends here
            self.end("title")
        if tag.startswith("x:") or tag in _NOT_SHOWN:
            self._start_setting(tag)
            return
        if self.hidden_by:
            return
        if tag == "title":
            self._title = []
        elif tag == "table":
            self._start_table()
        elif self.tables and self._table_part(tag, attributes):
            return
        elif tag == "br":
            self.box().items.append(_HARD)
        elif tag in _BLOCKS:
            box = self.box()
            box.items.append(_SOFT)
            if tag in _HEADINGS:
                self._heading = (box, len(box.items))
        elif tag in _STRUCK and self.tables and self.tables[-1].cell is not None:
            self.tables[-1].cell.items.append("~~")

    def end(self, tag: str) -> None:
        tag = tag.lower()
        if self.hidden_by:
            if tag in self.hidden_by:
                self._end_setting(tag)
            return
        if tag == "title":
            self.title = " ".join("".join(self._title or ()).split())
            self._title = None
        elif tag == "table":
            if self.tables:
                self.tables.pop().cell = None
        elif self.tables and self._table_end(tag):
            return
        elif tag in _BLOCKS:
            box = self.box()
            if tag in _HEADINGS and self._heading is not None and self._heading[0] is box:
                text = " ".join(Box(box.items[self._heading[1] :]).lines())
                if text:
                    box.items.append(Heading(text))
                self._heading = None
            box.items.append(_SOFT)
        elif tag in _STRUCK and self.tables and self.tables[-1].cell is not None:
            self.tables[-1].cell.items.append("~~")

    def data(self, data: str) -> None:
        if self._setting is not None:
            self._setting.append(data)
        elif self._style is not None:
            self._style.append(data)
        elif self.hidden_by:
            return
        elif self._title is not None:
            self._title.append(data)
        else:
            self.box().items.append(data.translate(_SOURCE_SPACES))

    def comment(self, data: str) -> None:
        # Excel's settings, in a conditional comment: <!--[if gte mso 9]><xml>…</xml><![endif]-->
        if "excelworksheet" not in data.lower():
            return
        for block in _WORKSHEET_SPEC.finditer(data):
            name = _SPEC_NAME.search(block.group())
            hidden = _SPEC_HIDDEN.search(block.group()) is not None
            self.sheet_names.append((_unescape(name.group(1)) if name else "", hidden))

    def close(self) -> None:
        """The parser's end: nothing more to do."""

    # Excel's settings written as elements (not in a comment), and text never shown

    def _start_setting(self, tag: str) -> None:
        self.hidden_by.append(tag)
        if tag == "x:excelworksheet":
            self.sheet_names.append(("", False))
        elif tag == "style" and len(self.hidden_by) == 1:
            self._style = []
        elif tag in {"x:name", "x:visible"}:
            self._setting = []

    def _end_setting(self, tag: str) -> None:
        while self.hidden_by and self.hidden_by.pop() != tag:
            pass
        if tag == "style" and self._style is not None:
            self.styles.append("".join(self._style))
            self._style = None
        if self._setting is None or tag not in {"x:name", "x:visible"} or not self.sheet_names:
            return
        text = " ".join("".join(self._setting).split())
        name, hidden = self.sheet_names[-1]
        if tag == "x:name":
            self.sheet_names[-1] = (text, hidden)
        else:
            self.sheet_names[-1] = (name, text.lower() in {"sheethidden", "sheetveryhidden"})
        self._setting = None

    # Tables, as a browser builds them: a cell or row left open is closed by the next

    def _start_table(self) -> None:
        box = self.box()
        table = Table()
        box.items.append(table)
        if self.tables and box is self.tables[-1].cell:
            self.tables[-1].holds_tables = True
        self.tables.append(table)

    def _table_part(self, tag: str, attributes: dict[str, str]) -> bool:
        """Open a part of the innermost table; whether ``tag`` was one."""
        table = self.tables[-1]
        if tag == "tr":
            table.new_row(attributes)
        elif tag in _CELLS:
            if not table.row_open:
                table.new_row()
            table.cell = Cell(attributes=dict(attributes) if attributes else {})
            table.rows[-1].append(table.cell)
        elif tag in _SECTIONS:
            table.cell, table.row_open = None, False
        elif tag == "caption":
            table.cell, table.in_caption = None, True
            table.caption = table.caption or Box()
        elif tag == "col":  # Excel's hidden columns: <col width=0 style='display:none'>
            table.columns.append(dict(attributes) if attributes else {})
        else:
            return False
        return True

    def _table_end(self, tag: str) -> bool:
        """Close a part of the innermost table; whether ``tag`` was one."""
        table = self.tables[-1]
        if tag in _CELLS:
            table.cell = None
        elif tag == "tr" or tag in _SECTIONS:
            table.cell, table.row_open = None, False
        elif tag == "caption":
            table.in_caption = False
        else:
            return False
        return True


def page_text(data: bytes) -> str:
    """The page's text: UTF-16 when it is, else in the encoding it declares (as a browser
    reads it), else UTF-8 or the code page that fits (``text_encoding``)."""
    codec = utf16_codec(data)
    if codec is not None:
        text = utf16_text(data, codec)
        if text is None:
            raise _damaged()
        return text
    declared = _DECLARED_XML.match(data[:1024]) or _DECLARED_META.search(data[:8192])
    if declared is not None:
        name = declared.group(1).decode("ascii", "replace").lower()
        name = "cp1252" if name in _AS_WINDOWS_1252 else name
        try:
            codec_name = codecs.lookup(name).name
        except LookupError:
            codec_name = ""
        # A page that says UTF-8 but is not is read as the code page that fits, line by line.
        if codec_name and not codec_name.startswith(("utf-16", "utf-32", "utf-8")):
            return data.decode(codec_name, errors="replace")
    return decode_text(data).text.removeprefix("\ufeff")


def _unescape(text: str) -> str:
    """A sheet's name from Excel's settings (written in the comment with its entities)."""
    return " ".join(html.unescape(text).split())


def _damaged() -> FileRejected:
    return FileRejected(
        "This web page (HTML) saved under a spreadsheet's name is damaged, so it could not be "
        "read.",
        FIX_SAVE_AS_XLSX,
        kind="damaged",
    )
