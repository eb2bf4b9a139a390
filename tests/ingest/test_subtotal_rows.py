"""Excel's Data > Subtotal rows ("Kenya Average", "Grand Average") are no capabilities."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import TITLES, by_assessment, errors, read, xlsx


@pytest.mark.parametrize(
    ("group", "grand"),
    [
        ("{c} Average", "Grand Average"),
        ("{c} Total", "Grand Total"),
        ("{c} Count", "Grand Count"),
        ("Moyenne {c}", "Moyenne générale"),
        ("{c} Promedio", "Promedio general"),
    ],
)
def test_subtotal_rows_are_skipped_quietly(group, grand):
    rows = [["Country", "Year", "Capability", "Level"]]
    for country, shift in (("Kenya", 0), ("Uganda", 2)):
        rows += [[country, 2023, title, (n + shift) % 5] for n, title in TITLES.items()]
        rows.append([group.format(c=country), None, None, 2.1])
    rows.append([grand, None, None, 2.0])
    result = read("subtotals.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {
        ("Kenya", 2023, None): {n: n % 5 for n in TITLES},
        ("Uganda", 2023, None): {n: (n + 2) % 5 for n in TITLES},
    }
    assert errors(result) == []


def test_a_row_with_a_level_and_no_capability_is_still_an_error():
    rows = [["Country", "Year", "Capability", "Level"]]
    rows += [["Kenya", 2023, title, n % 5] for n, title in TITLES.items()]
    rows.append(["Kenya", 2023, None, 3])
    result = read("missing.xlsx", xlsx({"Data": rows}))
    assert any("but no capability" in p.message for p in errors(result))
