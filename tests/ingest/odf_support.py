"""What the OpenDocument tests share: spreadsheets written as LibreOffice writes them, as an
.ods package or as one flat XML document (.fods), from the same sheets.

Runs of equal cells and rows are written as repeats, merged cells as covered cells, empty rows
repeated to the sheet's end, hidden rows, columns and sheets marked as LibreOffice marks them.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape, quoteattr

NAMESPACES = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "config": "urn:oasis:names:tc:opendocument:xmlns:config:1.0",
    "of": "urn:oasis:names:tc:opendocument:xmlns:of:1.2",
    "calcext": "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0",
}
MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
AUTOMATIC_STYLES = (
    "<office:automatic-styles>"
    '<style:style style:name="ta1" style:family="table"><style:table-properties '
    'table:display="true"/></style:style>'
    '<style:style style:name="ta2" style:family="table"><style:table-properties '
    'table:display="false"/></style:style>'
    "</office:automatic-styles>"
)


@dataclass(frozen=True)
class Formula:
    """A formula cell, with its cached result or none (a script's file never calculated)."""

    formula: str
    cached: Any = None


@dataclass(frozen=True)
class Shown:
    """A cell showing an error value, as LibreOffice saves one ("#N/A", "Err:502")."""

    shown: str
    formula: str = "VLOOKUP([.B8];$Levels.A:B;2;0)"


@dataclass
class Sheet:
    name: str
    rows: list[list[Any]]
    hidden: bool = False
    # (row, column) -> (rows, columns) merged from there: the others are covered cells
    merged: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    # (row, column) -> (rows, columns) a cell claims to merge, whatever cells ``merged`` covers
    # (none when not in it): what a careless or hostile writer may put (a billion columns).
    declared: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    hidden_rows: frozenset[int] = frozenset()
    hidden_columns: frozenset[int] = frozenset()


def _cell(value: Any, span: tuple[int, int] | None = None) -> str:
    attributes = ""
    if span is not None:
        attributes += (
            f' table:number-rows-spanned="{span[0]}" table:number-columns-spanned="{span[1]}"'
        )
    if isinstance(value, Shown):
        return (
            f"<table:table-cell{attributes} table:formula={quoteattr('of:=' + value.formula)} "
            'office:value-type="string" office:string-value="" calcext:value-type="error">'
            f"<text:p>{escape(value.shown)}</text:p></table:table-cell>"
        )
    if isinstance(value, Formula):
        attributes += f" table:formula={quoteattr('of:' + value.formula)}"
        value = value.cached
        if value is None:
            return f"<table:table-cell{attributes}/>"
    if value is None:
        return f"<table:table-cell{attributes}/>"
    if isinstance(value, bool):
        kind, typed, shown = "boolean", f'office:boolean-value="{str(value).lower()}"', str(value)
    elif isinstance(value, int | float):
        kind, typed, shown = "float", f'office:value="{value}"', str(value)
    elif isinstance(value, datetime.date):
        kind, typed = "date", f'office:date-value="{value.isoformat()}"'
        shown = value.strftime("%d/%m/%Y")
    else:
        kind, typed, shown = "string", "", str(value)
    paragraphs = "".join(f"<text:p>{escape(line)}</text:p>" for line in shown.split("\n"))
    return (
        f'<table:table-cell{attributes} office:value-type="{kind}" calcext:value-type="{kind}"'
        f"{' ' + typed if typed else ''}>{paragraphs}</table:table-cell>"
    )


def _row_cells(sheet: Sheet, number: int, covered: set[tuple[int, int]]) -> str:
    """A row's cells as LibreOffice writes them: a run of equal cells as one repeated cell."""
    row = sheet.rows[number]
    written: list[str] = []
    for column, value in enumerate(row):
        if (number, column) in covered:
            written.append("<table:covered-table-cell/>")
        else:
            span = sheet.declared.get((number, column)) or sheet.merged.get((number, column))
            written.append(_cell(value, span))
    cells = []
    index = 0
    while index < len(written):
        run = 1
        while index + run < len(written) and written[index + run] == written[index]:
            run += 1
        cell = written[index]
        if run > 1:
            cell = re.sub(
                r"^<table:(covered-)?table-cell",
                rf'\g<0> table:number-columns-repeated="{run}"',
                cell,
            )
        cells.append(cell)
        index += run
    # The rest of the row, empty, to the sheet's last column (LibreOffice writes 1024).
    cells.append('<table:table-cell table:number-columns-repeated="1000"/>')
    return "".join(cells)


def _table(sheet: Sheet) -> str:
    covered = {
        (top + r, left + c)
        for (top, left), (rows, columns) in sheet.merged.items()
        for r in range(rows)
        for c in range(columns)
        if (r, c) != (0, 0)
    }
    width = max((len(r) for r in sheet.rows), default=1)
    columns = "".join(
        '<table:table-column table:visibility="collapse"/>'
        if column in sheet.hidden_columns
        else "<table:table-column/>"
        for column in range(width)
    )
    rows = []
    previous, repeat = None, 0
    for number in range(len(sheet.rows)):
        visibility = ' table:visibility="collapse"' if number in sheet.hidden_rows else ""
        row = f"<table:table-row{visibility}>{_row_cells(sheet, number, covered)}</table:table-row>"
        if row == previous:
            repeat += 1
            continue
        if previous is not None:
            rows.append(_repeated(previous, repeat))
        previous, repeat = row, 1
    if previous is not None:
        rows.append(_repeated(previous, repeat))
    # Empty rows to the sheet's end, as LibreOffice writes them.
    rows.append(
        '<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
        'table:number-columns-repeated="1024"/></table:table-row>'
    )
    style = "ta2" if sheet.hidden else "ta1"
    return (
        f"<table:table table:name={quoteattr(sheet.name)} table:style-name={quoteattr(style)}>"
        f"{columns}{''.join(rows)}</table:table>"
    )


def _repeated(row: str, repeat: int) -> str:
    if repeat == 1:
        return row
    return row.replace(
        "<table:table-row", f'<table:table-row table:number-rows-repeated="{repeat}"', 1
    )


def body_xml(sheets: list[Sheet]) -> str:
    return (
        "<office:body><office:spreadsheet>"
        + "".join(_table(sheet) for sheet in sheets)
        + "</office:spreadsheet></office:body>"
    )


def declarations(prefixes: dict[str, str] | None = None) -> str:
    return " ".join(
        f'xmlns:{(prefixes or {}).get(name, name)}="{uri}"' for name, uri in NAMESPACES.items()
    )


def ods(sheets: list[Sheet]) -> bytes:
    """The sheets as LibreOffice saves an .ods: a zip whose content.xml holds them."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<office:document-content {declarations()} office:version="1.3">'
        f"{AUTOMATIC_STYLES}{body_xml(sheets)}</office:document-content>"
    )
    return package(content)


def package(content: str) -> bytes:
    """An .ods made of a ``content.xml`` written out (as LibreOffice zips it): the mimetype
    first and stored, then the content and a manifest naming both."""
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
        f'manifest:media-type="{MIMETYPE}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", MIMETYPE, zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", manifest)
    return buffer.getvalue()


def fods_text(sheets: list[Sheet], *, prolog: str = "", declaration: str | None = None) -> str:
    """The same sheets as LibreOffice's "Flat XML ODF Spreadsheet": one document, with its
    meta data, settings and styles around the body."""
    head = declaration if declaration is not None else '<?xml version="1.0" encoding="UTF-8"?>'
    return (
        f"{head}\n{prolog}"
        f'<office:document {declarations()} office:version="1.3" '
        f'office:mimetype="{MIMETYPE}">'
        "<office:meta><meta:generator>LibreOffice/7.6</meta:generator></office:meta>"
        '<office:settings><config:config-item-set config:name="ooo:view-settings"/>'
        "</office:settings>"
        '<office:styles><style:default-style style:family="table-cell"/></office:styles>'
        f"{AUTOMATIC_STYLES}{body_xml(sheets)}</office:document>"
    )


def fods(sheets: list[Sheet], **options: str) -> bytes:
    return fods_text(sheets, **options).encode()
