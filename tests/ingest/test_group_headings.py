"""Columns headed by one word and a letter or number each ("Kelompok A | Kelompok B")
(components/ingest/group_headings.py): groups' or scorers' levels, never countries."""

from __future__ import annotations

from typing import Any

import pytest

from components.ingest.group_headings import group_columns
from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, read, xlsx

ALL = range(1, 22)
LEVELS = {n: n % 5 for n in ALL}


@pytest.mark.parametrize(
    ("cells", "groups"),
    [
        (["No.", "Capability", "Kelompok A", "Kelompok B", "Catatan"], [2, 3]),
        (["No.", "Capability", "Zespół 1", "Zespół 2", "Zespół 3"], [2, 3, 4]),
        (["Capability", "Équipe - A", "Équipe - B"], [1, 2]),
        (["Capability", "Grupa_1", "Grupa_2"], [1, 2]),
        (["Capability", "Kenya 2021", "Kenya 2023"], []),  # years: one country's rounds
        (["Capability", "Freedonia 2020", "Freedonia 2022"], []),
        (["Capability", "Kenya A", "Kenya B"], []),  # a country is no group's word
        (["Capability", "Round 1", "Round 2"], []),  # a round
        (["Capability", "Level 1", "Level 2"], []),  # a header word
        (["Capability", "C1", "C2", "C3"], []),  # capability codes
        (["Capability", "Q1", "Q2"], []),  # a word of one letter says nothing
        (["Capability", "Kelompok A"], []),  # one group alone
        (["Capability", "Kelompok A", "Kelompok A"], []),  # the same tag twice
        (["Capability", "Target 1", "Target 2"], []),  # targets are said otherwise
    ],
)
def test_group_columns(cells: list[Any], groups: list[int]) -> None:
    assert group_columns(cells) == groups


def _groups(first: list[list[Any]], headings: list[str], agreed: str | None = None):
    header = ["No.", "Capability", *headings, *([agreed] if agreed else [])]
    rows = [*first, header]
    for n in ALL:
        votes = [(LEVELS[n] + i) % 5 for i in range(len(headings))]
        rows.append([n, TITLES[n], *votes, *([LEVELS[n]] if agreed else [])])
    return rows


LABELS = [["Country", "Kenya"], ["Year", 2023], []]


@pytest.mark.parametrize("first", [LABELS, []], ids=["under a Country label", "alone"])
@pytest.mark.parametrize(
    "headings",
    [["Kelompok A", "Kelompok B"], ["Zespół 1", "Zespół 2"], ["Ryhmä A", "Ryhmä B", "Ryhmä C"]],
)
def test_groups_levels_with_none_agreed_are_refused_never_countries(
    first: list[list[Any]], headings: list[str]
) -> None:
    result = read("workshop.xlsx", xlsx({"Scores": _groups(first, headings)}))
    assert by_assessment(result) == {}
    cell = f"C{len(first) + 1}"
    assert_problem(result, "error", cell, "each hold one group's or scorer's levels")


def test_the_level_the_groups_agreed_on_is_read() -> None:
    rows = _groups(LABELS, ["Zespół 1", "Zespół 2"], agreed="Agreed level")
    result = read("workshop.xlsx", xlsx({"Scores": rows}))
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}
