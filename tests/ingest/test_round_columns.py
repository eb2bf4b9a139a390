"""A long table with a column of levels per round beside the country and capability columns
(``round_columns``): each column is that round's assessment of the country on the row."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from openpyxl import Workbook

from tests.ingest.reader_support import TITLES, by_assessment, errors, read

COUNTRIES = ("Tanzania", "Uganda", "Myanmar")


def level(country: str, number: int, sub: int) -> int:
    return (COUNTRIES.index(country) * 2 + number + sub) % 5


def _levels(country: str, sub: int) -> dict[int, int]:
    return {n: level(country, n, sub) for n in range(1, 22)}


def said(result, words: str) -> None:
    found = [p.message for p in result.problems if p.severity == "warning"]
    assert any(words in message for message in found), found


def _table(
    heads: list[str],
    rounds: list[Any],
    *,
    merged: bool = False,
    blank: frozenset[tuple[str, int]] = frozenset(),
    after: list[str] = (),
) -> bytes:
    """Country | ``heads`` (the capability's) | ``rounds`` | ``after``; a country's column of
    a round in ``blank`` left empty; the country merged down over its rows or on each."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Results framework"
    sheet.append(["Programme results framework (MNR capability levels, 0-4)"])
    sheet.append([])
    sheet.append(["Country", *heads, *rounds, *after])
    row = 4
    for country in COUNTRIES:
        for n in range(1, 22):
            keys = {"No.": n, "Capability": TITLES[n], "Indicator: MNR capability": TITLES[n]}
            cells = [None if merged and n > 1 else country, *(keys[h] for h in heads)]
            cells += [
                None if (country, s) in blank else level(country, n, s) for s in range(len(rounds))
            ]
            sheet.append(cells + ["Programme report"] * len(after))
        if merged:
            sheet.merge_cells(f"A{row}:A{row + 20}")
        row += 21
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("merged", [True, False])
@pytest.mark.parametrize(
    ("heads", "rounds", "keys"),
    [
        (
            ["No.", "Indicator: MNR capability"],
            ["Baseline (2019)", "Midline (2021)", "Endline (2023)", "Target (2024)"],
            [(2019, "Baseline"), (2021, "Midline"), (2023, "Endline")],
        ),
        (["Capability"], [2019, 2021, 2023], [(2019, None), (2021, None), (2023, None)]),
        (
            ["No.", "Capability"],
            ["Référence (2019)", "Suivi 2022", "Cible 2025"],
            [(2019, "Référence"), (2022, "Suivi")],
        ),
        (
            ["Capability"],
            ["BL 2019", "ML 2021", "EL 2023"],
            [(2019, "BL"), (2021, "ML"), (2023, "EL")],
        ),
    ],
)
def test_each_round_column_is_that_rounds_assessment(merged, heads, rounds, keys):
    blank = frozenset({("Uganda", 1)})
    # A column headed with a year that holds text ("Reviewed 2023": the report's name) is
    # no round's.
    data = _table(heads, rounds, merged=merged, blank=blank, after=["Reviewed 2023"])
    result = read("framework.xlsx", data)
    assert by_assessment(result) == {
        (country, year, label): _levels(country, sub)
        for sub, (year, label) in enumerate(keys)
        for country in COUNTRIES
        if (country, sub) not in blank
    }
    assert not errors(result)
    said(result, f"No assessment was read for Uganda under “{rounds[1]}”")
    if len(rounds) > len(keys):
        said(result, f"The columns headed “{rounds[-1]}” hold targets")


def test_a_validated_column_beside_the_self_assessed_one_is_read():
    result = read("peer.xlsx", _table(["No.", "Capability"], ["Self", "Validated"]))
    assert by_assessment(result) == {(c, None, None): _levels(c, 1) for c in COUNTRIES}
    said(result, "those under “Self” were set aside")


def test_two_columns_of_one_round_are_refused():
    result = read("unclear.xlsx", _table(["No.", "Capability"], ["2021", "2021"]))
    assert by_assessment(result) == {}
    assert "“2021”" in errors(result)[0].message


def test_a_long_table_without_round_columns_is_left_to_the_other_layouts():
    result = read("notes.xlsx", _table(["No.", "Capability"], [], after=["Notes"]))
    assert by_assessment(result) == {}
    assert not [p for p in result.problems if "year or round" in p.message]
