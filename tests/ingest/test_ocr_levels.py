"""Letters OCR writes for digits ("O", "l", "I", "|") are read as 0 and 1 in a level column of
digits, with a warning; never in a column of Roman numerals or of few digits."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.reader_support import (
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    errors,
    read,
    xlsx,
)

LEVELS = {n: (n * 2) % 5 for n in range(1, 22)}
LETTERS = {0: ("O", "o", "O."), 1: ("l", "I", "|", " l ")}


def _rows(written: dict[int, Any]) -> list[list[Any]]:
    rows: list[list[Any]] = [["Uzbekistan - MNR assessment 2024"], ["Capability", "Level"]]
    return rows + [[TITLES[n], written.get(n, LEVELS[n])] for n in LEVELS]


def _letters() -> dict[int, str]:
    """Some of the 0s and 1s written as OCR reads them, the others as digits."""
    written: dict[int, str] = {}
    for n, level in LEVELS.items():
        if level in LETTERS and n % 3:
            written[n] = LETTERS[level][n % len(LETTERS[level])]
    return written


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_letters_for_digits_in_a_column_of_digits_are_read_as_the_digits(kind):
    rows = _rows(_letters())
    data = xlsx({"Sheet1": rows}) if kind == "xlsx" else csv_bytes(rows)
    result = read(f"uzbekistan.{kind}", data)
    assert by_assessment(result) == {("Uzbekistan", 2024, None): LEVELS}
    assert not errors(result)
    said = [p for p in result.problems if "letters that OCR writes" in p.message]
    assert len(said) == 1
    assert said[0].cell == "B7"  # the first of them, capability 5's "O."


@pytest.mark.parametrize(
    ("written", "why"),
    [
        # Roman numerals: "I" may be the lowest level of a scale from I
        ({n: ("0", "I", "II", "III", "IV")[level] for n, level in LEVELS.items()}, "Roman"),
        # mostly letters, two digits: no column of digits to read them by
        (
            {n: ("O" if level == 0 else "l" if level == 1 else None) for n, level in LEVELS.items()}
            | {2: 4, 4: 3},
            "few digits",
        ),
    ],
)
def test_letters_are_not_read_as_digits_without_a_column_of_digits(written, why):
    result = read("form.xlsx", xlsx({"Sheet1": _rows(written)}))
    assert not [p for p in result.problems if "letters that OCR writes" in p.message], why
    levels = by_assessment(result).get(("Uzbekistan", 2024, None), {})
    assert all(levels.get(n) is None for n, v in written.items() if v in ("O", "l", "I")), why


def test_a_letter_alone_in_a_column_of_digits_reads_and_says_so():
    result = read("form.xlsx", xlsx({"Sheet1": _rows({5: "O"})}))
    assert by_assessment(result) == {("Uzbekistan", 2024, None): LEVELS}
    assert_problem(result, "warning", "B7", "1 level cell of a column of digits (B7) holds “O”")
