"""A country merged down, or written once, over its rows in a table of one assessment per row
(``country_rows_fill``)."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import Workbook

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, read

FIRST = {n: n % 5 for n in range(1, 22)}
SECOND = {n: (n + 1) % 5 for n in range(1, 22)}
THIRD = {n: (n + 3) % 5 for n in range(1, 22)}


def _book(rows: list[list], merges: tuple[str, ...] = ()) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    for merge in merges:
        sheet.merge_cells(merge)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _rows(second_country, third_country="Uganda", second_year=2023) -> list[list]:
    return [
        ["Country", "Year", *(TITLES[n] for n in range(1, 22))],
        ["Kenya", 2021, *FIRST.values()],
        [second_country, second_year, *SECOND.values()],
        [third_country, 2023, *THIRD.values()],
    ]


@pytest.mark.parametrize("merge_cells", [True, False])
def test_pandas_multiindex_rows_read_every_row(merge_cells):
    index = pd.MultiIndex.from_tuples(
        [("Kenya", 2021), ("Kenya", 2023), ("Uganda", 2023)], names=["country", "year"]
    )
    frame = pd.DataFrame(
        [list(given.values()) for given in (FIRST, SECOND, THIRD)],
        index=index,
        columns=[TITLES[n] for n in range(1, 22)],
    )
    buffer = io.BytesIO()
    frame.to_excel(buffer, sheet_name="levels", merge_cells=merge_cells)
    result = read("levels.xlsx", buffer.getvalue())
    assert by_assessment(result) == {
        ("Kenya", 2021, None): FIRST,
        ("Kenya", 2023, None): SECOND,
        ("Uganda", 2023, None): THIRD,
    }
    assert not [p for p in result.problems if p.severity == "error"]


def test_a_country_merged_by_hand_is_each_rows():
    result = read("merged.xlsx", _book(_rows(None), merges=("A2:A3",)))
    assert by_assessment(result)[("Kenya", 2023, None)] == SECOND
    assert not [p for p in result.problems if "A3" in (p.cell or "")]


def test_a_country_written_once_over_its_years_is_filled_down_and_said():
    result = read("blank.xlsx", _book(_rows(None)))
    assert by_assessment(result) == {
        ("Kenya", 2021, None): FIRST,
        ("Kenya", 2023, None): SECOND,
        ("Uganda", 2023, None): THIRD,
    }
    assert_problem(result, "warning", "A3", "another year of the country above it")


@pytest.mark.parametrize(
    ("rows", "why"),
    [
        (_rows(None, second_year=2021), "the same year: a forgotten country, not another year"),
        (_rows(None, second_year=None), "no year"),
    ],
)
def test_a_blank_country_that_is_not_plainly_the_one_above_is_refused(rows, why):
    result = read("blank.xlsx", _book(rows))
    found = by_assessment(result)
    assert ("Kenya", 2023, None) not in found, why
    assert found[("Kenya", 2021, None)] == FIRST
    assert_problem(result, "error", "A3", "has no country")
