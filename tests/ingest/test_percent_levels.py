"""Levels typed into percent-formatted cells (3 stored as 0.03): still refused, never
converted, but the refusal says what most likely happened and how to undo it."""

from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import Workbook

from tests.ingest.reader_support import by_assessment, csv_bytes, errors, read

LEVELS = {n: n % 5 for n in range(1, 22)}


def _long_table(stored: dict[int, float], number_format: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sheet"
    sheet.append(["Country", "Year", "Capability", "Level"])
    for number, value in stored.items():
        sheet.append(["Colombia", 2022, number, value])
        sheet.cell(row=sheet.max_row, column=4).number_format = number_format
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("number_format", ["0%", "0.00%"])
def test_levels_typed_into_percent_cells_are_refused_with_the_hint(number_format):
    result = read(
        "percent.xlsx", _long_table({n: v / 100 for n, v in LEVELS.items()}, number_format)
    )
    assert by_assessment(result) == {}
    [error] = errors(result)
    assert "holds fractions" in error.message
    assert "Its cells are formatted as percentages: 0.04 shows as 4% in Excel" in error.message
    assert "looks like 4 typed into a cell formatted as a percentage" in error.message
    assert "Format the column as Number" in error.fix
    assert "type the levels again, from 0 to 4" in error.fix


@pytest.mark.parametrize(
    ("stored", "number_format"),
    [
        ({n: v / 100 for n, v in LEVELS.items()}, "General"),  # not formatted as percent
        ({n: (v + 1) / 5 for n, v in LEVELS.items()}, "0%"),  # real percentages: 20% to 100%
        ({n: v / 100 + 0.005 for n, v in LEVELS.items()}, "0.0%"),  # not whole levels
    ],
)
def test_other_fractions_are_refused_without_the_hint(stored, number_format):
    result = read("fractions.xlsx", _long_table(stored, number_format))
    assert by_assessment(result) == {}
    [error] = errors(result)
    assert "holds fractions" in error.message
    assert "formatted as percentages" not in error.message
    assert "does not convert another scale or a percentage" in error.fix


def test_a_csv_keeps_no_format_so_no_hint():
    rows = [["Country", "Year", "Capability", "Level"]]
    rows += [["Colombia", 2022, n, v / 100] for n, v in LEVELS.items()]
    result = read("fractions.csv", csv_bytes(rows))
    [error] = errors(result)
    assert "holds fractions" in error.message
    assert "formatted as percentages" not in error.message
