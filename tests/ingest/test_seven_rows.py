"""Seven rows numbered 1 to 7 whose titles name no capability (components/ingest/seven_rows.py):
maybe the enablers, never read as capabilities 1 to 7."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.reader_support import (
    TITLES,
    assert_problem,
    by_assessment,
    enabler_levels,
    read,
    xlsx,
)

ALL = range(1, 22)
LEVELS = {n: n % 5 for n in ALL}
FORM = [["Country", "Kenya"], ["Year", 2023], [], ["No.", "Capability", "Level"]]
FORM += [[n, TITLES[n], LEVELS[n]] for n in ALL]
# An Enablers sheet translated into a language the app does not read (Polish, Hungarian).
POLISH = [f"Czynnik wspierający {n}" for n in range(1, 8)]
HUNGARIAN = [f"Támogató tényező {n}" for n in range(1, 8)]


@pytest.mark.parametrize("titles", [POLISH, HUNGARIAN])
@pytest.mark.parametrize("header", [["No.", "Title", "Level"], ["No.", "Czynnik", "Level"]])
@pytest.mark.parametrize("with_form", [True, False], ids=["beside the form", "alone"])
def test_seven_numbered_rows_titled_otherwise_are_not_capabilities_1_to_7(
    titles: list[str], header: list[str], with_form: bool
) -> None:
    rows: list[list[Any]] = [["Country", "Kenya"], ["Year", 2023], [], header]
    rows += [[n, titles[n - 1], n % 4] for n in range(1, 8)]
    sheets = {"Assessment": FORM, "Arkusz2": rows} if with_form else {"Arkusz2": rows}
    result = read("two.xlsx", xlsx(sheets))
    read_levels = by_assessment(result).get(("Kenya", 2023, None), {})
    assert read_levels == (LEVELS if with_form else {})
    assert_problem(result, "error", "A4", "they may be the seven enablers")


def test_said_as_the_enablers_they_are_read_as_the_enablers() -> None:
    rows: list[list[Any]] = [["No.", "Enabler", "Level"]]
    rows += [[n, POLISH[n - 1], n % 4] for n in range(1, 8)]
    result = read("two.xlsx", xlsx({"Assessment": FORM, "Arkusz2": rows}))
    assert enabler_levels(result) == {("Kenya", 2023, None): {n: n % 4 for n in range(1, 8)}}


@pytest.mark.parametrize(
    "rows",
    [
        # capabilities 1 to 7 under their own titles: a partial assessment, read as ever
        [[n, TITLES[n], n % 4] for n in range(1, 8)],
        # numbered past 7: capabilities, whatever their titles
        [[n, f"Zdolność {n}", n % 4] for n in range(1, 9)],
    ],
    ids=["titled as capabilities", "eight rows"],
)
def test_other_tables_of_few_rows_are_read_as_before(rows: list[list[Any]]) -> None:
    sheet = [["Country", "Kenya"], ["Year", 2023], [], ["No.", "Title", "Level"], *rows]
    result = read("one.xlsx", xlsx({"Sheet1": sheet}))
    assert by_assessment(result) == {("Kenya", 2023, None): {r[0]: r[2] for r in rows}}
    assert not [p for p in result.problems if "seven enablers" in p.message]
