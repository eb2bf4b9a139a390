"""Confidence values that are not low, medium or high: one warning for their column, not one
per row (components/ingest/confidence_cells.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.reader_support import TITLES, by_assessment, read, xlsx

LEVELS = {n: n % 5 for n in range(1, 22)}


def _form(header: str, confidence: list[Any]) -> bytes:
    rows: list[list[Any]] = [["Country:", "Togo"], ["Year:", 2023], []]
    rows.append(["No.", "Capability", "Level", header])
    rows += [[n, TITLES[n], LEVELS[n], confidence[n - 1]] for n in range(1, 22)]
    return xlsx({"Assessment": rows})


@pytest.mark.parametrize(
    ("header", "values", "said"),
    [
        ("Confidence (%)", [0.8] * 21, "holds 21 values"),
        ("Confidence", ["80%"] * 10 + ["high"] + ["90%"] * 10, "holds 20 values"),
        ("Confiance", ["sûr"] * 21, "holds 21 values"),
        ("Confidence", ["high"] * 20 + ["very"], "holds “very” in D25"),
    ],
)
def test_a_confidence_column_of_other_values_is_said_once(header, values, said):
    result = read("form.xlsx", _form(header, values))
    assert by_assessment(result) == {("Togo", 2023, None): LEVELS}
    [warning] = [p for p in result.problems if "confidence" in p.message]
    assert said in warning.message
    assert f"“{header}” (D)" in warning.message
    assert "(the levels were kept)" in warning.message
    assert warning.cell == ("D5:D25" if values[0] != "high" else "D25")
    numbers = "Numbers and percentages are not read as a confidence."
    assert (numbers in warning.message) is (header != "Confiance" and values[-1] != "very")
