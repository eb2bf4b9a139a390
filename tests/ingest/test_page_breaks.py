"""Page breaks in a table converted from a PDF: the page's line and the repeated header."""

from __future__ import annotations

import pytest

from components.ingest.page_breaks import is_page_line
from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, read, xlsx

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
