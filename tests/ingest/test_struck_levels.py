"""A level cell with the old level struck through and the new one beside it."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from components.ingest.struck_levels import struck_parts
from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, csv_bytes, read

LEVELS = {n: (n * 3) % 5 for n in range(1, 22)}
TOP = [["Country", "Uganda"], ["Year", 2023], [], ["No.", "Capability", "Level"]]
KEY = ("Uganda", 2023, None)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("~~2~~ 1", ("2", "1")),
        ("~~2 - Developing~~ 3 - Established", ("2 - Developing", "3 - Established")),
        ("~~2~~", ("2", "")),
        ("2 1", None),
        ("~2~ 1", None),
    ],
)
def test_markdown_strikethrough(text, parts):
    assert struck_parts(text, None) == parts


def _form(cell_value) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Assessment"
    for row in TOP:
        sheet.append(row)
    for n in range(1, 22):
        sheet.append([n, TITLES[n], LEVELS[n]])
    sheet.cell(5 + 1, 3).value = cell_value  # capability 2's level, C6
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


STRUCK = InlineFont(strike=True)


@pytest.mark.parametrize(
    ("value", "level", "severity", "words"),
    [
        (CellRichText(TextBlock(STRUCK, "2"), " 1"), 1, "warning", "“2” struck through"),
        (
            CellRichText(TextBlock(STRUCK, "4 - Mature"), " 1 - Building"),
            1,
            "warning",
            "1, was read",
        ),
        ("~~2~~ 1", 1, "warning", "the level not struck through, 1, was read"),
        (CellRichText(TextBlock(STRUCK, "2"), " 9"), None, "error", "the rest, “9”, is not a"),
        ("~~2~~", None, "error", "nothing else is written"),
    ],
)
def test_a_struck_old_level_in_an_xlsx(value, level, severity, words):
    result = read("form.xlsx", _form(value))
    expected = {n: v for n, v in LEVELS.items() if n != 2}
    if level is not None:
        expected[2] = level
    assert by_assessment(result) == {KEY: expected}
    assert_problem(result, severity, "C6", words)
    assert_problem(result, severity, "C6", "struck through")


def test_a_struck_old_level_in_a_csv():
    rows = [*TOP, *([n, TITLES[n], LEVELS[n]] for n in range(1, 22))]
    rows[5][2] = "~~3~~ 1"
    result = read("form.csv", csv_bytes(rows))
    assert by_assessment(result)[KEY][2] == 1
    assert_problem(result, "warning", "C6", "“3” struck through")
