"""Headers whose headings run on into the row under them ("Current" over "level")."""

from __future__ import annotations

from typing import Any

import pytest

from components.ingest.sheets import Sheet
from components.ingest.split_headers import join_split_headers
from tests.ingest.reader_support import TITLES, by_assessment, csv_bytes, errors, read, xlsx

LEVELS = {n: (n * 2) % 5 for n in range(1, 22)}
TITLE = ["Mexico – MNR self-assessment and targets, 2024"]


def _rows(upper: list[Any], lower: list[Any], row: Any) -> list[list[Any]]:
    return [TITLE, [], upper, lower, *[row(n) for n in range(1, 22)]]


CASES = {
    "current, target, responsible": _rows(
        ["No.", "Capability", "Current", "Target", "Responsible"],
        [None, None, "level", "level (2026)", "agency"],
        lambda n: [n, TITLES[n], LEVELS[n], min(4, LEVELS[n] + 1), "SIPINNA"],
    ),
    "capability only, two columns": _rows(
        ["Capability", "Self-assessed", "Notes"],
        [None, "level", "(evidence)"],
        lambda n: [TITLES[n], LEVELS[n], "seen"],
    ),
    "french": _rows(
        ["N°", "Capacité", "Actuel", "Responsable"],
        [None, None, "niveau", "institution"],
        lambda n: [n, TITLES[n], LEVELS[n], "Ministère"],
    ),
    "maturity": _rows(
        ["#", "Capability", "Maturity", "Lead"],
        [None, None, "level", "ministry"],
        lambda n: [n, TITLES[n], LEVELS[n], "MoJ"],
    ),
}


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_header_split_over_two_rows_is_read_as_one(kind, case):
    rows = CASES[case]
    data = xlsx({"MNR": rows}) if kind == "xlsx" else csv_bytes(rows)
    result = read(f"split.{kind}", data)
    assert list(by_assessment(result).values()) == [LEVELS], case
    assert errors(result) == [], case


@pytest.mark.parametrize(
    ("case", "upper", "lower"),
    [
        # The level is headed in the upper row already: the row under is its own business.
        ("level above", ["Capability", "Level", "Notes"], [None, "(0 to 4)", "evidence"]),
        # A data row under the header: the capability's cell is not blank.
        ("data row", ["Capability", "Current", "Notes"], [TITLES[1], "level", "x"]),
        # A heading under an empty cell: not one heading's second line.
        ("under nothing", ["Capability", "Current", None], [None, "level", "agency"]),
        # One heading continued only: too little to be sure.
        ("one cell", ["Capability", "Current", "Notes"], [None, "level", None]),
        # A number under a heading: data, not a heading's line.
        ("a number", ["Capability", "Current", "Target"], [None, "level", 2026]),
        # No capability column in the upper row.
        ("no item", ["Country", "Current", "Target"], [None, "level", "level"]),
        # One label over two headings: a group label (merged, its text in each cell).
        ("group", ["Capability", "Assessment", "Assessment"], [None, "Level", "Notes"]),
        # Joined, still no level column.
        ("no level", ["Capability", "Lead", "Due"], [None, "agency", "date"]),
    ],
)
def test_rows_that_are_not_one_header_split_are_left_as_they_are(case, upper, lower):
    rows = [tuple(TITLE), tuple(upper), tuple(lower), (TITLES[2], 3, "x")]
    sheet = Sheet("S", list(rows))
    join_split_headers([sheet])
    assert sheet.rows == rows, case


def test_the_joined_header_takes_the_lower_row_and_the_upper_is_left_blank():
    sheet = Sheet(
        "S",
        [
            ("No.", "Capability", "Current", "Target"),
            (None, None, "level", "level (2026)"),
            (1, TITLES[1], 2, 3),
        ],
        columns=[(1,), (2,)],
    )
    join_split_headers([sheet])
    assert sheet.rows[0] == (None, None, None, None)
    assert sheet.rows[1] == ("No.", "Capability", "Current level", "Target level (2026)")
    assert sheet.rows[2] == (1, TITLES[1], 2, 3)
    assert sheet.columns is None
