"""The scan that decides whether calamine may build a sheet's grid (``xlsx_extent``)."""

from __future__ import annotations

import io
import random
import re
from collections.abc import Callable
from typing import Any

import pytest
from openpyxl import Workbook

from components.ingest import xlsx_extent
from components.ingest.limits import ReadLimits
from components.ingest.xlsx_extent import plan_xlsx, scan_sheet

# The scan as a regular expression, byte counts and byte searches: what the vectorised scan
# must answer.
_FAR = re.compile(rb' r="(?:[A-Z]{1,3}\d{6}|[A-Z]{3}|[L-Z][A-Z]|K[O-Z])')
_LONG = re.compile(rb' r="[A-Z]{1,2}\d{5}')
_WIDE = re.compile(rb' r="[A-Z]{2}')
_START = re.compile(rb"<(\w+:)?sheetData\b")


def _reference(xml: bytes) -> bool:
    start = _START.search(xml)
    if start is None:
        return False
    end = xml.rfind(b"sheetData>")
    data = (start.end(), end if end > start.end() else len(xml))
    if _FAR.search(xml, *data) or (_LONG.search(xml, *data) and _WIDE.search(xml, *data)):
        return True
    return xml.count(b' r="', *data) != xml.count(b"<c", *data) + xml.count(b"<row", *data)


def _has_formula_reference(xml: bytes) -> bool:
    start = _START.search(xml)
    prefix = (start.group(1) or b"") if start else b""
    for needle in (b"<f", b"<" + prefix + b"f"):
        found = xml.find(needle)
        while found != -1:
            if xml[found + len(needle) : found + len(needle) + 1] in (b">", b" ", b"/"):
                return True
            found = xml.find(needle, found + 1)
    return False


@pytest.fixture(params=["searches", "numpy"])
def way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test once with each way of scanning (chosen by the sheet's size)."""
    monkeypatch.setattr(
        xlsx_extent, "_SMALL_SHEET_BYTES", 10**12 if request.param == "searches" else 0
    )
    return str(request.param)


def _sheet(cells: str) -> bytes:
    return f'<worksheet><sheetData><row r="1">{cells}</row></sheetData></worksheet>'.encode()


@pytest.mark.parametrize(
    ("cells", "far"),
    [
        ('<c r="A1"><v>1</v></c><c r="D9999"><v>2</v></c>', False),
        # a row of five digits: a long table's, read by calamine while its columns are A to Z
        ('<c r="A1"><v>1</v></c><c r="A10000"><v>2</v></c>', False),
        ('<c r="Z99999"><v>2</v></c>', False),
        ('<c r="A10000"><v>2</v></c><c r="AA1"/>', True),  # and a column of two letters
        ('<c r="AA1"/><c r="B10000"><v>2</v></c>', True),
        ('<c r="A100000"/>', True),  # a row of six digits
        ('<c r="AB123456"/>', True),
        ('<c r="KN1"/>', False),  # column 300: the last of the fast grid
        ('<c r="KO1"/>', True),
        ('<c r="LA1"/>', True),
        ('<c r="AAA1"/>', True),  # three letters
        ('<c r="AB12345"/>', True),
        ("<c><v>1</v></c>", True),  # a cell whose position is implied
        ('<c r="A1"/><c r="B1"/>', False),
        ("", False),
    ],
)
def test_far_references_and_implied_positions_are_found(cells: str, far: bool, way: str) -> None:
    xml = _sheet(cells)
    assert scan_sheet(xml).far is far
    assert _reference(xml) is far


@pytest.mark.parametrize(
    ("xml", "formulas"),
    [
        (b"<worksheet><sheetData><row><c><f>A1+1</f><v>2</v></c></row></sheetData>", True),
        (b'<sheetData><c><f t="shared" si="0"/></c></sheetData>', True),
        (b"<sheetData><c><f/></c></sheetData>", True),
        (b"<worksheet><autoFilter><filters/></autoFilter><firstHeader/></worksheet>", False),
        (b"<x:sheetData><x:c><x:f>1+1</x:f></x:c></x:sheetData>", True),  # with its prefix
        (b"<sheetData><c><v>1</v></c></sheetData><f", False),  # cut off at the end
        (b"", False),
    ],
)
def test_formulas_are_found_as_elements_only(xml: bytes, formulas: bool, way: str) -> None:
    assert scan_sheet(xml).formulas is formulas
    assert _has_formula_reference(xml) is formulas


# numpy's windows of a few bytes split needles and references at every place: the answer is
# the same.
@pytest.mark.parametrize(
    ("small", "window"),
    [(10**12, None), (0, 1), (0, 2), (0, 3), (0, 5), (0, 64), (0, xlsx_extent._WINDOW)],
)
def test_the_scan_answers_as_the_regular_expression_does_on_random_sheets(
    small: int, window: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx_extent, "_SMALL_SHEET_BYTES", small)
    if window is not None:
        monkeypatch.setattr(xlsx_extent, "_WINDOW", window)
    pieces = [b' r="', b"<c", b"<row", b"<c ", b"A", b"K", b"L", b"O", b"Z", b"1", b"0", b"9"]
    pieces += [b'"', b"/>", b"<v>", b"x", b" ", b"sheetData>", b"<sheetData>", b"</"]
    pieces += [b"<f", b"<x:f", b">", b"<f>", b"r", b"="]
    generator = random.Random(20261201)  # noqa: S311 - a fixed sequence of test sheets
    for _ in range(600):
        body = b"".join(generator.choice(pieces) for _ in range(generator.randint(0, 40)))
        xml = generator.choice([b"", b"<x:sheetData>", b"<sheetData>"]) + body
        scan = scan_sheet(xml)
        assert scan.far == _reference(xml), xml
        assert scan.formulas == _has_formula_reference(xml), xml


def _workbook(fill: Callable[[Any], None]) -> bytes:
    workbook = Workbook()
    fill(workbook.active)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _long_table(sheet: Any, rows: int = 2000) -> None:
    """A long table large enough (over 32 kB of XML) to be scanned with numpy."""
    sheet.append(["Country", "Year", "Capability", "Level"])
    for index in range(rows):
        sheet.append([f"Country {index // 21}", 2024, index % 21 + 1, index % 5])


def _far_cell(sheet: Any) -> None:
    _long_table(sheet)
    sheet["XFD1048576"] = 1  # two cells that ask for 17 billion in calamine's grid


def _far_blank(sheet: Any) -> None:
    _long_table(sheet)
    sheet.cell(row=200000, column=1).number_format = "0.0"  # empty, but stored


def _long_narrow(sheet: Any) -> None:
    _long_table(sheet, rows=12000)  # rows of five digits, columns A to D: calamine's still


def _long_wide(sheet: Any) -> None:
    _long_table(sheet, rows=12000)
    sheet["AA1"] = "Note"  # a column of two letters beside them: streamed


def _formula(sheet: Any) -> None:
    _long_table(sheet)
    sheet["F2"] = "=D2+1"  # openpyxl saves no result: the formulas pass must run


# (sheet, read by calamine as it is, holds a formula): the same plan either way of scanning.
@pytest.mark.parametrize(
    ("fill", "stream", "formulas"),
    [
        (_long_table, False, False),
        (lambda sheet: _long_table(sheet, rows=20), False, False),  # small: searched
        (_far_cell, True, False),
        (_far_blank, True, False),
        (_long_narrow, False, False),
        (_long_wide, True, False),
        (_formula, False, True),
    ],
)
def test_workbooks_get_the_same_plan_either_way(
    fill: Callable[[Any], None], stream: bool, formulas: bool, way: str
) -> None:
    plan = plan_xlsx(_workbook(fill), ReadLimits())
    assert (plan.stream, plan.formulas) == (stream, formulas)
