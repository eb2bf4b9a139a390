"""Level cells that show a formula's error value as text ("#ERROR!" of Airtable and Google
Sheets, Smartsheet's "#UNPARSEABLE", Excel's "#N/A" pasted as values) are errors; an
assessment whose level cells all show one is refused with one error
(components/ingest/error_levels.py, components/ingest/online_errors.py)."""

from __future__ import annotations

from typing import Any

import pytest

from components.ingest.error_cells import error_kind, formula_error
from tests.ingest.reader_support import TITLES, by_assessment, csv_bytes, errors, read, xlsx

ALL = range(1, 22)
LEVELS = {n: n % 5 for n in ALL}
SHOWN = ["#ERROR!", "#ERROR", "#N/A", "#REF!", "#UNPARSEABLE", "#INVALID DATA TYPE", "#NO MATCH"]


def airtable(shown: str, broken: set[int]) -> list[list[Any]]:
    """Airtable's grid: a raw score left empty, the Level formula field beside it."""
    rows: list[list[Any]] = [["Name", "Country", "Score (raw)", "Level", "Created"]]
    return rows + [
        [TITLES[n], "Peru", None, shown if n in broken else LEVELS[n], "3/17/2024 11:35pm"]
        for n in ALL
    ]


@pytest.mark.parametrize(
    ("shown", "kind"),
    # openpyxl writes an error value as a workbook's error cell with no formula: a typed #N/A
    # is then a program's "no value" (``marked_levels``), said as such, not here.
    [(shown, "csv") for shown in SHOWN] + [(s, "xlsx") for s in SHOWN if s != "#N/A"],
)
def test_a_level_column_of_errors_alone_is_refused_once(shown: str, kind: str) -> None:
    rows = airtable(shown, set(ALL))
    data = csv_bytes(rows) if kind == "csv" else xlsx({"Grid": rows})
    result = read(f"grid.{kind}", data)
    assert by_assessment(result) == {}
    said = errors(result)
    assert [p.cell for p in said] == ["D2:D22"]
    assert f"show {shown}" in said[0].message
    assert "no level could be read" in said[0].message
    # The empty "Score (raw)" is not said to give way to levels that were never read.
    assert not [p for p in result.problems if "the levels read are those of" in p.message]


@pytest.mark.parametrize("shown", ["#ERROR!", "#UNPARSEABLE"])
def test_the_levels_read_are_kept_and_each_error_said(shown: str) -> None:
    broken = {2, 3, 7}
    result = read("grid.csv", csv_bytes(airtable(shown, broken)))
    kept = {n: LEVELS[n] for n in ALL if n not in broken}
    # The year, if any, is the records' (``record_times``): only the levels are looked at here.
    assert list(by_assessment(result).values()) == [kept]
    assert sorted(p.cell for p in errors(result)) == ["D3", "D4", "D8"]
    assert all(shown in p.message for p in errors(result))


@pytest.mark.parametrize(
    ("text", "shown", "kind"),
    [
        ("#ERROR!", "#ERROR!", "Airtable, Google Sheets"),
        (" #error ", "#ERROR", "Airtable, Google Sheets"),
        ("#Invalid Data Type", "#INVALID DATA TYPE", "Smartsheet"),
        ("#NO MATCH", "#NO MATCH", "Smartsheet"),
        ("#N/A", "#N/A", "Excel"),
        ("#MNR", None, None),
        ("Error", None, None),
    ],
)
def test_error_values_are_known_with_their_tool(text: str, shown: str | None, kind: str | None):
    assert formula_error(text) == shown
    if shown is not None:
        assert kind in error_kind(shown)


def test_a_workbooks_typed_na_stays_a_programs_no_value() -> None:
    result = read("grid.xlsx", xlsx({"Grid": airtable("#N/A", set(ALL))}))
    assert by_assessment(result) == {}
    assert not [
        p for p in result.problems if "the formula that gives the levels failed" in p.message
    ]
    assert [p for p in result.problems if "#N/A" in p.message]
