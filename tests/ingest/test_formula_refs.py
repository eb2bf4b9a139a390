"""Level cells whose formula, with no saved result, only repeats another cell of the workbook
(components/ingest/formula_refs.py): "=data!B2" and "=IF(data!B2="","",data!B2)" over a plain
value are read, said once; every other formula stays reported at its cell."""

from __future__ import annotations

from typing import Any

import pytest

from components.ingest.formula_refs import plain_reference
from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, errors, read, xlsx

ALL = range(1, 22)
LEVELS = {n: n % 5 for n in ALL}


@pytest.mark.parametrize(
    ("formula", "target"),
    [
        ("data!B2", ("data", 1, 1, False)),
        ("=data!B2", ("data", 1, 1, False)),
        ("data!$B$2", ("data", 1, 1, False)),
        ("'Raw data'!B10", ("Raw data", 9, 1, False)),
        ("'It''s'!C3", ("It's", 2, 2, False)),
        ("données!B2", ("données", 1, 1, False)),
        ("F11", ("Form", 10, 5, False)),  # the formula's own sheet
        ('IF(data!B2="","",data!B2)', ("data", 1, 1, True)),
        ('if( data!$B$2 = "" , "" , data!B2 )', ("data", 1, 1, True)),
        ('IF(Data!B2="","",data!B2)', ("Data", 1, 1, True)),  # sheet names: any case
        # anything else is never calculated
        ('IF(data!B2="","",data!B3)', None),
        ('IF(data!B2="","-",data!B2)', None),
        ('IF(data!B2=0,"",data!B2)', None),
        ("data!B2+1", None),
        ("data!B2:B3", None),
        ("SUM(data!B2:B3)", None),
        ("VLOOKUP(A11,data!A:B,2,0)", None),
        ("[1]Scores!$D$5", None),  # another workbook
        ("Levels", None),  # a defined name
        ("1+1", None),
    ],
)
def test_plain_reference(formula: str, target: Any) -> None:
    assert plain_reference(formula, "Form") == target


def form(levels: dict[int, Any]) -> list[list[Any]]:
    rows: list[list[Any]] = [["Country", "Kenya"], ["Year", 2024], [], ["No.", "Capability"]]
    rows[3].append("Level")
    rows += [[n, TITLES[n], levels[n]] for n in ALL]
    return rows  # capability n's level in C(n + 4)


def data_sheet(values: dict[int, Any]) -> list[list[Any]]:
    return [["cap", "score"], *([n, values.get(n)] for n in ALL)]  # capability n in B(n + 1)


@pytest.mark.parametrize(
    "formula",
    ["=data!B{row}", '=IF(data!B{row}="","",data!B{row})', "='data'!$B${row}"],
)
def test_level_formulas_repeating_a_data_sheet_are_read_with_one_warning(formula: str) -> None:
    levels = {n: formula.format(row=n + 1) for n in ALL}
    result = read("k.xlsx", xlsx({"Assessment": form(levels), "data": data_sheet(LEVELS)}))
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS}
    assert not errors(result)
    [said] = [p for p in result.problems if "formulas with no saved result" in p.message]
    assert said.severity == "warning"
    assert said.cell == "C5"
    assert "21 level cells (C5, C6, C7, …)" in said.message
    assert "data!B2" in said.message
    assert "save it again" in said.fix


def test_an_empty_cell_under_if_is_not_assessed_and_a_direct_reference_to_one_is_reported():
    values = {n: v for n, v in LEVELS.items() if n not in (3, 4)}
    levels = {n: f'=IF(data!B{n + 1}="","",data!B{n + 1})' for n in ALL}
    levels[4] = "=data!B5"  # shows 0 in Excel: nobody typed it
    result = read("k.xlsx", xlsx({"Assessment": form(levels), "data": data_sheet(values)}))
    assert by_assessment(result) == {("Kenya", 2024, None): values}
    assert [p.cell for p in errors(result)] == ["C8"]
    assert_problem(result, "error", "C8", "=data!B5")


@pytest.mark.parametrize(
    ("value", "level"),
    [
        ("3 - Established", 3),
        ("Mature", 4),
        (2.0, 2),
        ("=1+1", None),  # a formula itself: never calculated
        ("high", None),  # no level
        (7, None),  # off the scale
    ],
)
def test_only_a_plain_value_that_reads_cleanly_is_read(value: Any, level: int | None) -> None:
    levels = {n: f"=data!B{n + 1}" for n in ALL}
    result = read(
        "k.xlsx", xlsx({"Assessment": form(levels), "data": data_sheet({**LEVELS, 1: value})})
    )
    expected = {**LEVELS, 1: level} if level is not None else {n: LEVELS[n] for n in ALL if n > 1}
    assert by_assessment(result) == {("Kenya", 2024, None): expected}
    assert bool([p for p in errors(result) if p.cell == "C5"]) is (level is None)


@pytest.mark.parametrize(
    "formula", ["=data!B{row}*1", "=VLOOKUP({n},data!A:B,2,0)", "=nosuchsheet!B{row}"]
)
def test_other_formulas_stay_reported_at_their_cell(formula: str) -> None:
    levels = {n: formula.format(row=n + 1, n=n) for n in ALL}
    result = read("k.xlsx", xlsx({"Assessment": form(levels), "data": data_sheet(LEVELS)}))
    assert by_assessment(result) == {}
    assert len(errors(result)) == 21
    assert not [p for p in result.problems if "only repeat another cell" in p.message]


def test_a_long_tables_level_formulas_on_its_own_sheet_are_read() -> None:
    rows: list[list[Any]] = [["Country", "Year", "Capability", "Level", "Score"]]
    rows += [["Kenya", 2024, TITLES[n], f"=E{n + 1}", n % 5] for n in ALL]
    result = read("k.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS}
    assert not errors(result)


def test_a_summary_repeating_another_sheets_assessment_is_not_read_twice() -> None:
    summary = form({n: f"=Data!C{n + 4}" for n in ALL})
    result = read("k.xlsx", xlsx({"Data": form(LEVELS), "Summary": summary}))
    assert not [p for p in result.problems if "only repeat another cell" in p.message]
    assert result.capabilities.dropna(subset=["level"])["assessment_id"].nunique() == 1
