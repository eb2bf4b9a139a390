"""A sheet that looks like a page of the previous sheet's table but cannot be joined to it
(components/ingest/unjoined_pages.py): one error on that sheet saying what it looks like, why
it was not joined and how to fix it, never only "No country is given"; the first page's
assessment is kept and nothing of the page is given to it."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.reader_support import TITLES, by_assessment, errors, read, xlsx

LEVELS = {n: n % 5 for n in range(1, 22)}
FORM = ["No.", "Capability", "Level", "Evidence"]
LONG = ["Country", "Year", "Capability", "Level"]


def _rows(first: int, last: int) -> list[list[Any]]:
    return [[n, TITLES[n], LEVELS[n], f"seen {n}"] for n in range(first, last)]


def _first_page(last: int = 12) -> list[list[Any]]:
    return [["Kenya MNR self-assessment 2024"], FORM, *_rows(1, last)]


CASES = {
    "the header again, then rows the first page has": (
        {"Table 1": _first_page(), "Table 2": [FORM, *_rows(11, 22)]},
        "it repeats that table's header",
        "its column A gives “11” again, which that table has already",
        set(range(1, 12)),
    ),
    "no header, the table started over": (
        {"Table 1": _first_page(), "Table 2": _rows(1, 22)},
        "it has no header, only rows of data",
        "its column A gives “1” again",
        set(range(1, 12)),
    ),
    "the headings in other places": (
        {
            "Table 1": _first_page(),
            "Table 2": [
                ["Capability", "No.", "Level", "Evidence"],
                *[[r[1], r[0], *r[2:]] for r in _rows(12, 22)],
            ],
        },
        "it has a header like that table's",
        "its headings (“Capability”, “No.”, “Level”, “Evidence”) are not that table's",
        set(range(1, 12)),
    ),
    "text where the first page has numbers": (
        {"Table 1": _first_page(), "Table 2": [[f"Cap {r[0]}", *r[1:]] for r in _rows(12, 22)]},
        "it has no header, only rows of data",
        "its column A holds text (“Cap 12”) where that table's column A holds numbers",
        set(range(1, 12)),
    ),
    "a form's page after a long table": (
        {
            "Table 1": [LONG, *[["Kenya", 2024, TITLES[n], LEVELS[n]] for n in range(1, 15)]],
            "Table 2": [FORM, *_rows(15, 22)],
        },
        "it has a header like that table's",
        "its headings (“No.”, “Capability”, “Level”, “Evidence”) are not that table's "
        "(“Country”, “Year”, “Capability”, “Level”) in the same places",
        set(range(1, 15)),
    ),
}


@pytest.mark.parametrize(("sheets", "looks", "why", "kept"), CASES.values(), ids=list(CASES.keys()))
def test_a_page_that_cannot_be_joined_says_what_it_is_why_and_what_to_do(sheets, looks, why, kept):
    result = read("export.xlsx", xlsx(sheets))

    assert by_assessment(result) == {("Kenya", 2024, None): {n: LEVELS[n] for n in kept}}
    (problem,) = [p for p in errors(result) if p.sheet == "Table 2"]
    assert problem.cell is None
    # A sheet with a header names no country; one without is only rows (``headerless``).
    said = "" if looks.startswith("it has no header") else " names no country, and it"
    assert problem.message.startswith(
        f"Sheet “Table 2”{said} looks like a page of the table of sheet “Table 1” (Kenya "
        f"2024), as a PDF written one sheet per page gives: {looks}. It was not joined to that "
        f"table, as {why}"
    )
    assert "its rows were not read: they were not taken to be Kenya 2024's" in problem.message
    assert "copy them under" in problem.fix
    assert "the table on sheet “Table 1”" in problem.fix
    assert "a Country column or a title row" in problem.fix.replace("in a title", "a title")
    assert not [p for p in result.problems if p.message.startswith("No country is given")]
    assert not [p for p in result.problems if p.message.startswith("No date or year")]


def test_a_page_of_a_table_with_no_country_itself_is_not_said_to_be_its_page():
    # Nothing names the first page's country either: each sheet lacks one, said as such.
    sheets = {"Table 1": [FORM, *_rows(1, 12)], "Table 2": [FORM, *_rows(11, 22)]}
    result = read("export.xlsx", xlsx(sheets))
    assert by_assessment(result) == {}
    assert not [p for p in result.problems if "looks like a page" in p.message]
    assert [p for p in errors(result) if p.message.startswith("No country is given")]


def test_a_page_with_its_own_country_is_its_own_assessment():
    sheets = {
        "Table 1": _first_page(),
        "Table 2": [["Uganda MNR self-assessment 2024"], FORM, *_rows(1, 22)],
    }
    result = read("export.xlsx", xlsx(sheets))
    assert by_assessment(result) == {
        ("Kenya", 2024, None): {n: LEVELS[n] for n in range(1, 12)},
        ("Uganda", 2024, None): LEVELS,
    }
    assert not [p for p in result.problems if "looks like a page" in p.message]


def test_a_page_of_the_same_table_with_its_rows_going_on_to_the_right_is_not_joined():
    # Countries as rows, the capabilities cut into two pages of columns: the second page's
    # rows name their countries but have no header, so their levels' capabilities are unknown.
    header = ["Country", "Year", *(TITLES[n] for n in range(1, 11))]
    first = [[c, 2024, *(LEVELS[n] for n in range(1, 11))] for c in ("Kenya", "Uganda")]
    second = [[c, 2024, *(LEVELS[n] for n in range(11, 22))] for c in ("Kenya", "Uganda")]
    result = read("export.xlsx", xlsx({"Table 1": [header, *first], "Table 2": second}))
    ten = {n: LEVELS[n] for n in range(1, 11)}
    assert by_assessment(result) == {("Kenya", 2024, None): ten, ("Uganda", 2024, None): ten}
    (problem,) = [p for p in errors(result) if p.sheet == "Table 2"]
    assert "(Kenya 2024, Uganda 2024)" in problem.message
    assert "its rows go on to column M, further right than that table's columns (A to L)" in (
        problem.message
    )
    assert "write a header row above the rows on sheet “Table 2”" in problem.fix


def test_a_page_naming_other_countries_with_no_year_says_it_was_read_without_one():
    # Capabilities as rows, countries across, cut into two pages of columns: the year is in
    # the first page's title only. The second page's countries are read, without a year.
    rows = [[n, TITLES[n], LEVELS[n], LEVELS[n]] for n in range(1, 22)]
    sheets = {
        "Table 1": [["MNR self-assessment 2024"], ["No.", "Capability", "Kenya", "Uganda"], *rows],
        "Table 2": [["No.", "Capability", "Ghana", "Togo"], *rows],
    }
    result = read("export.xlsx", xlsx(sheets))
    assert by_assessment(result) == {
        ("Kenya", 2024, None): LEVELS,
        ("Uganda", 2024, None): LEVELS,
        ("Ghana", None, None): LEVELS,
        ("Togo", None, None): LEVELS,
    }
    (problem,) = [p for p in result.problems if p.sheet == "Table 2"]
    assert problem.severity == "warning"
    assert problem.message.startswith(
        "Sheet “Table 2” gives no year, and it looks like a page of the table of sheet "
        "“Table 1” (Kenya 2024, Uganda 2024)"
    )
    assert "Its assessments (“Ghana”, “Togo”) were read without a year" in problem.message
    assert "the 2024 of sheet “Table 1” was not given to them" in problem.message
    assert "write the year in a title row above the table on sheet “Table 2”" in problem.fix
