"""Page breaks in a table converted from a PDF: the page's line and the repeated header."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from components.ingest.page_breaks import is_page_line
from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, errors, read, xlsx

LEVELS = {n: (n * 3) % 5 for n in range(1, 22)}
HEADER = ["No.", "Capability", "Level"]


@pytest.mark.parametrize(
    ("text", "page"),
    [
        ("Page 1 of 2", True),
        ("Página 1 de 2", True),
        ("Page 1 sur 3", True),
        ("p. 2/3", True),
        ("1/2", True),
        ("- 1 -", True),
        ("Page 1", True),
        ("Previous assessment 2021", False),
        ("Kenya 2023", False),
    ],
)
def test_a_page_line(text, page):
    assert is_page_line((None, text)) is page


@pytest.mark.parametrize("between", [["Page 1 of 2"], ["Página 1 de 2"], [None, "1/2"], []])
def test_a_header_repeated_at_a_page_break_continues_the_table(between):
    rows = [["Sri Lanka MNR self-assessment 2022"], [], HEADER]
    rows += [[n, TITLES[n], LEVELS[n]] for n in range(1, 12)]
    rows += [[value] for value in between] + [HEADER]
    rows += [[n, TITLES[n], LEVELS[n]] for n in range(12, 22)]
    result = read("converted.xlsx", xlsx({"Table 1": rows}))
    assert by_assessment(result) == {("Sri Lanka", 2022, None): LEVELS}
    header_row = 3 + 11 + len(between) + 1
    assert_problem(result, "warning", f"A{header_row}", "repeated in row")


def test_a_table_under_its_own_title_is_another_table():
    rows = [["Country", "Kenya"], ["Year", 2023], HEADER]
    rows += [[n, TITLES[n], LEVELS[n]] for n in range(1, 22)]
    rows += [[], ["Country", "Ghana"], ["Year", 2022], HEADER]
    rows += [[n, TITLES[n], 1] for n in range(1, 22)]
    result = read("two.xlsx", xlsx({"Sheet1": rows}))
    assert by_assessment(result) == {
        ("Kenya", 2023, None): LEVELS,
        ("Ghana", 2022, None): dict.fromkeys(range(1, 22), 1),
    }
    assert not [p for p in result.problems if "page break" in p.message]


@pytest.mark.parametrize("footer", [True, False])
def test_a_header_repeated_inside_merged_country_cells_is_a_warning(footer):
    # P02: a PDF's long table, Country and Year merged down each country's rows, the header
    # repeated on page 2 inside Kenya's merge (the page's line lost in it)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Table 1"
    sheet.append(["Country", "Year", "No.", "Capability", "Level"])
    for country in ("Kenya", "Uganda"):
        start = sheet.max_row + 1
        for n in range(1, 22):
            first = n == 1
            sheet.append([country if first else None, 2023 if first else None, n, TITLES[n], 2])
            if country == "Kenya" and n == 14:
                sheet.append(["Page 1 of 2"] if footer else [])
                sheet.append(["Country", "Year", "No.", "Capability", "Level"])
        sheet.merge_cells(f"A{start}:A{sheet.max_row}")
        sheet.merge_cells(f"B{start}:B{sheet.max_row}")
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = read("converted.xlsx", buffer.getvalue())
    levels = dict.fromkeys(range(1, 22), 2)
    assert by_assessment(result) == {("Kenya", 2023, None): levels, ("Uganda", 2023, None): levels}
    assert not errors(result)
    assert_problem(result, "warning", "A17", "The header row is repeated in row 17")
