"""Cells showing a formula error (components/ingest/error_cells.py): #N/A where a country was
looked up is said as such, never "empty" nor taken for a country."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import (
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    read,
    xlsx,
)

KENYA = {n: n % 5 for n in range(1, 15)}


def long_table(code_header: str, shown: str) -> list[list[object]]:
    rows: list[list[object]] = [[code_header, "Country", "Year", "Capability", "Level"]]
    for n in range(1, 22):
        rows.append(["KEN", "Kenya" if n < 15 else shown, 2023, TITLES[n], n % 5])
    return rows


@pytest.mark.parametrize("shown", ["#N/A", "#REF!", "#VALUE!", "#NAME?"])
def test_a_country_cell_showing_a_formula_error_in_a_workbook_says_so(shown):
    result = read("k.xlsx", xlsx({"Data": long_table("Code", shown)}))
    assert by_assessment(result) == {("Kenya", 2023, None): KENYA}
    assert_problem(result, "error", "B16", f"Row 16 has no country (B16 shows {shown}, a formula")
    assert not any("is empty" in p.message for p in result.problems)


@pytest.mark.parametrize("shown", ["#N/A", "#REF!", "#VALUE!", "#NAME?"])
def test_a_country_showing_a_formula_error_in_a_csv_is_not_a_country(shown):
    result = read("k.csv", csv_bytes(long_table("Code", shown)))
    assert by_assessment(result) == {("Kenya", 2023, None): KENYA}
    assert_problem(result, "error", "B16", f"B16 shows {shown}, a formula error, not a country")
