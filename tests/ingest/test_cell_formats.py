"""Cells' fills and strikethrough, read from xlsx, xls and ods files as the programs save them."""

from __future__ import annotations

import io
import zipfile

import pytest
import xlwt
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.styles.colors import Color

from components.ingest.cell_formats import all_fills, rgb, sheet_fills, struck_cells
from components.ingest.limits import ReadLimits
from components.ingest.sheets import WORKBOOK_KEY, ReadContext
from tests.ingest.colour_support import GREEN, RED, Fill, write
from tests.ingest.reader_support import FW


def _context(kind: str, data: bytes) -> ReadContext:
    ctx = ReadContext("book." + kind, FW, ReadLimits())
    ctx.memo[WORKBOOK_KEY] = (kind, data)
    return ctx


@pytest.mark.parametrize("kind", ["xlsx", "xls", "ods"])
def test_each_cells_fill_is_read_at_its_place_white_and_none_left_out(kind):
    rows = [["Title"], [None, Fill(RED), Fill(GREEN, "x")], [Fill("FFFFFF", 3), 4]]
    ctx = _context(kind, write(kind, {"One": rows, "Two": [[Fill(GREEN)]]}))
    assert sheet_fills(ctx, "One") == {(1, 1): f"#{RED}", (1, 2): f"#{GREEN}"}
    assert sheet_fills(ctx, "Two") == {(0, 0): f"#{GREEN}"}
    assert set(all_fills(ctx)) == {"One", "Two"}
    assert sheet_fills(ctx, "Missing") == {}


def _xlsx_colours() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"].fill = PatternFill("solid", fgColor=Color(theme=5, tint=-0.25))
    sheet["A2"].fill = PatternFill("solid", fgColor=Color(indexed=10))
    sheet["A3"].fill = PatternFill("solid", fgColor=Color(theme=5, tint=-0.25))
    sheet["A4"].fill = PatternFill("darkGrid", fgColor="00B050")
    sheet["B1"] = 2
    sheet["B1"].font = Font(strike=True)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsx_theme_and_palette_colours_are_the_same_name_for_the_same_colour():
    ctx = _context("xlsx", _xlsx_colours())
    fills = sheet_fills(ctx, "S")
    assert fills[0, 0] == fills[2, 0] == "theme 5 -0.25"
    assert fills[1, 0] == "#FF0000"  # palette index 10
    assert fills[3, 0] == "#00B050"  # a pattern's foreground is its colour too
    assert rgb(fills[1, 0]) == (255, 0, 0)
    assert rgb(fills[0, 0]) is None


def _xls_struck() -> bytes:
    book = xlwt.Workbook()
    sheet = book.add_sheet("S")
    sheet.write(0, 0, 2, xlwt.easyxf("font: struck_out on"))
    sheet.write(0, 1, 3)
    sheet.write(1, 0, "old", xlwt.easyxf("font: struck_out on, bold on"))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _ods_struck() -> bytes:
    data = write("ods", {"S": [[Fill(RED, 2), 3], [Fill(RED, "old")]]})
    # LibreOffice's strikethrough: the filled style's text properties, struck.
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "content.xml":
                part = part.replace(
                    b"</style:style>",
                    b'<style:text-properties style:text-line-through-style="solid"/></style:style>',
                )
            archive.writestr(info, part)
    return buffer.getvalue()


def _xlsx_struck() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["B1"], sheet["A2"] = 2, 3, "old"
    sheet["A1"].font = sheet["A2"].font = Font(strike=True)
    sheet["B1"].font = Font(strike=False, bold=True)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("kind", "data"), [("xlsx", _xlsx_struck), ("xls", _xls_struck), ("ods", _ods_struck)]
)
def test_cells_struck_through_whole_are_found(kind, data):
    assert struck_cells(_context(kind, data()), "S") == {(0, 0), (1, 0)}


@pytest.mark.parametrize(("kind", "data"), [("csv", b"a,b\n"), ("xlsx", b"not a zip")])
def test_a_file_that_cannot_be_looked_into_has_no_formats(kind, data):
    ctx = _context(kind, data)
    assert sheet_fills(ctx, "S") == {}
    assert struck_cells(ctx, "S") == set()
