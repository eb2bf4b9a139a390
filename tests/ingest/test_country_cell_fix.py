"""What to do about a country cell that came back blank: correct the formula when it shows an
error, write the country when it is empty (components/ingest/country_cell_fix.py)."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import read, xlsx
from tests.ingest.test_error_cells import long_table


@pytest.mark.parametrize(
    ("shown", "fix"),
    [
        ("#N/A", "Correct the formula in B16 so that it gives the country (#N/A means a lookup"),
        ("#REF!", "Correct the formula in B16 so that it gives the country, or type the country"),
        (None, "Write the country in B16."),
    ],
)
def test_the_fix_for_a_missing_country_says_what_to_do_with_the_cell(shown, fix):
    result = read("k.xlsx", xlsx({"Data": long_table("Code", shown)}))
    problem = next(p for p in result.problems if p.message.startswith("Row 16 has no country"))
    assert problem.fix.startswith(fix)
    if shown is not None:
        assert "Write the country in" not in problem.fix
