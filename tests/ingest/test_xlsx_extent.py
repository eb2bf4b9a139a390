"""The scan that decides whether calamine may build a sheet's grid (``xlsx_extent``)."""

from __future__ import annotations

import random
import re

import pytest

from components.ingest.xlsx_extent import _reaches_far

# The scan as a regular expression and byte counts: what the vectorised scan must answer.
_FAR = re.compile(rb' r="(?:[A-Z]{1,3}\d{5}|[A-Z]{3}|[L-Z][A-Z]|K[O-Z])')
_START = re.compile(rb"<(\w+:)?sheetData\b")


def _reference(xml: bytes) -> bool:
    start = _START.search(xml)
    if start is None:
        return False
    end = xml.rfind(b"sheetData>")
    data = (start.end(), end if end > start.end() else len(xml))
    if _FAR.search(xml, *data):
        return True
    return xml.count(b' r="', *data) != xml.count(b"<c", *data) + xml.count(b"<row", *data)


def _sheet(cells: str) -> bytes:
    return f'<worksheet><sheetData><row r="1">{cells}</row></sheetData></worksheet>'.encode()


@pytest.mark.parametrize(
    ("cells", "far"),
    [
        ('<c r="A1"><v>1</v></c><c r="D9999"><v>2</v></c>', False),
        ('<c r="A1"><v>1</v></c><c r="A10000"><v>2</v></c>', True),  # a row of five digits
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
def test_far_references_and_implied_positions_are_found(cells: str, far: bool) -> None:
    xml = _sheet(cells)
    assert _reaches_far(xml) is far
    assert _reference(xml) is far


def test_the_scan_answers_as_the_regular_expression_does_on_random_sheets() -> None:
    pieces = [b' r="', b"<c", b"<row", b"<c ", b"A", b"K", b"L", b"O", b"Z", b"1", b"0", b"9"]
    pieces += [b'"', b"/>", b"<v>", b"x", b" ", b"sheetData>", b"<sheetData>", b"</"]
    generator = random.Random(20261201)  # noqa: S311 - a fixed sequence of test sheets
    for _ in range(3000):
        body = b"".join(generator.choice(pieces) for _ in range(generator.randint(0, 40)))
        xml = generator.choice([b"", b"<x:sheetData>", b"<sheetData>"]) + body
        assert _reaches_far(xml) == _reference(xml), xml
