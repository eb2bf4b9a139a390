"""What the colour tests share: sheets of cells with a value and a fill, written as Excel
(xlsx, openpyxl), Excel 97 (xls, xlwt) or LibreOffice (ods, hand-written content.xml) writes
them, so that one layout is tried in every format."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

import xlwt
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from tests.ingest.odf_support import package

# Colours Excel 97's palette holds exactly, so that an .xls keeps them.
RED, ORANGE, YELLOW, LIME, GREEN = "FF0000", "FF9900", "FFFF00", "99CC00", "008000"
TRAFFIC = [RED, ORANGE, YELLOW, LIME, GREEN]
_XLS_NAMES = {
    "FF0000": "red",
    "FF9900": "orange",
    "FFFF00": "yellow",
    "99CC00": "lime",
    "008000": "green",
    "C0C0C0": "silver_ega",
    "CCFFFF": "light_turquoise",
    "000080": "dark_blue",
    "FFFFFF": "white",
}


@dataclass(frozen=True)
class Fill:
    """A cell with a fill colour ("RRGGBB", or ``None``) and, maybe, a value, maybe struck
    through whole."""

    colour: str | None
    value: Any = None
    struck: bool = False


def struck(value: Any) -> Fill:
    """A cell with no fill whose value is struck through."""
    return Fill(None, value, struck=True)


Rows = list[list[Any]]


def write(kind: str, sheets: dict[str, Rows]) -> bytes:
    """The sheets as a workbook of ``kind`` ("xlsx", "xls" or "ods")."""
    return {"xlsx": _xlsx, "xls": _xls, "ods": _ods}[kind](sheets)


def _xlsx(sheets: dict[str, Rows]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if isinstance(value, Fill):
                    cell = sheet.cell(r, c, value.value)
                    if value.colour:
                        cell.fill = PatternFill("solid", fgColor=value.colour)
                    if value.struck:
                        cell.font = Font(strike=True, color="808080")
                elif value is not None:
                    sheet.cell(r, c, value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xls(sheets: dict[str, Rows]) -> bytes:
    book = xlwt.Workbook()
    for name, rows in sheets.items():
        sheet = book.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, Fill):
                    parts = ["font: struck_out on"] if value.struck else []
                    if value.colour:
                        parts.append(
                            f"pattern: pattern solid, fore_colour {_XLS_NAMES[value.colour]}"
                        )
                    style = xlwt.easyxf("; ".join(parts))
                    sheet.write(r, c, "" if value.value is None else value.value, style)
                elif value is not None:
                    sheet.write(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _ods(sheets: dict[str, Rows]) -> bytes:
    formats = sorted(
        {
            (v.colour or "", v.struck)
            for rows in sheets.values()
            for row in rows
            for v in row
            if isinstance(v, Fill)
        }
    )
    styles = "".join(
        f'<style:style style:name="ce{i}" style:family="table-cell">'
        + (
            f'<style:table-cell-properties fo:background-color="#{colour.lower()}"/>'
            if colour
            else ""
        )
        + (
            '<style:text-properties style:text-line-through-style="solid" '
            'style:text-line-through-type="single"/>'
            if strike
            else ""
        )
        + "</style:style>"
        for i, (colour, strike) in enumerate(formats)
    )

    def cell(value: Any) -> str:
        style = ""
        if isinstance(value, Fill):
            style = f' table:style-name="ce{formats.index((value.colour or "", value.struck))}"'
            value = value.value
        if value is None:
            return f"<table:table-cell{style}/>"
        if isinstance(value, int):
            return (
                f'<table:table-cell{style} office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>"
            )
        return (
            f'<table:table-cell{style} office:value-type="string"><text:p>{escape(value)}'
            "</text:p></table:table-cell>"
        )

    tables = "".join(
        f'<table:table table:name="{escape(name)}">'
        + "".join(
            f"<table:table-row>{''.join(cell(v) for v in row) or '<table:table-cell/>'}"
            "</table:table-row>"
            for row in rows
        )
        + "</table:table>"
        for name, rows in sheets.items()
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:automatic-styles>{styles}</office:automatic-styles>"
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    return package(content)
