"""A summary sheet repeating the countries' sheets gives one assessment each
(components/ingest/summary_sheets)."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, read, xlsx

KENYA = {n: n % 5 for n in range(1, 22)}
UGANDA = {n: (n + 2) % 5 for n in range(1, 22)}


def form(country, levels, year=2023):
    rows = [["Country", country], ["Year", year], [], ["No.", "Capability", "Level"]]
    return rows + [[n, TITLES[n], level] for n, level in levels.items()]


def summary(kenya, uganda, year=2023):
    rows = [["Year", year], [], ["No.", "Capability", "Kenya", "Uganda"]]
    return rows + [[n, TITLES[n], kenya[n], uganda[n]] for n in range(1, 22)]


@pytest.mark.parametrize("name", ["Summary", "Overview", "Synthèse", "Resumen", "All data"])
def test_a_summary_equal_to_the_country_sheets_is_read_once(name):
    book = {name: summary(KENYA, UGANDA), "Kenya": form("Kenya", KENYA)}
    book["Uganda"] = form("Uganda", UGANDA)
    result = read("book.xlsx", xlsx(book))
    assert by_assessment(result) == {("Kenya", 2023, None): KENYA, ("Uganda", 2023, None): UGANDA}
    assert_problem(result, "warning", None, "with the same levels; it was read once, from “Kenya”")
    assert all(p.severity == "warning" for p in result.problems)


def test_a_summary_that_disagrees_is_named_cell_by_cell_and_neither_level_is_taken():
    stale = {**KENYA, 5: 4}
    book = {"Summary": summary(stale, UGANDA), "Kenya": form("Kenya", KENYA)}
    book["Uganda"] = form("Uganda", UGANDA)
    result = read("book.xlsx", xlsx(book))
    expected = {n: v for n, v in KENYA.items() if n != 5}
    assert by_assessment(result) == {
        ("Kenya", 2023, None): expected,
        ("Uganda", 2023, None): UGANDA,
    }
    assert_problem(
        result,
        "error",
        "C8",
        "disagree on 1 capability: for capability 5 (Judiciary and Prosecutors), Summary!C8 says "
        "4, Kenya!C9 says 0",
    )
    assert_problem(result, "error", "C8", "levels they disagree on were left not assessed")


def test_a_summary_of_another_year_is_kept_apart():
    book = {"Summary": summary(KENYA, UGANDA, year=2021), "Kenya": form("Kenya", KENYA)}
    result = read("book.xlsx", xlsx(book))
    assert set(by_assessment(result)) == {
        ("Kenya", 2021, None),
        ("Uganda", 2021, None),
        ("Kenya", 2023, None),
    }


def test_two_country_sheets_of_one_assessment_still_say_capabilities():
    book = {"Kenya": form("Kenya", KENYA), "Kenya (copy)": form("Kenya", KENYA)}
    result = read("book.xlsx", xlsx(book))
    assert_problem(result, "warning", None, "both assess capabilities 1, 2, 3, 4, 5")
