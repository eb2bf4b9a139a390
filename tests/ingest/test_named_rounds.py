"""The round named beside the year in a sheet name or a title ("2021 Baseline", "Kenya -
Midline (2023)", "Référence 2021"): kept as the assessment's round, with a warning saying where
it came from; a word that is not a round's ("Summary", "Scores", a copy mark) names none."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, read, xlsx

LEVELS = {n: n % 5 for n in range(1, 22)}


def _wide(countries=("Kenya",), title: str | None = None) -> list[list]:
    rows: list[list] = [[title], []] if title else []
    rows.append(["No.", "Capability", *countries])
    rows += [[n, TITLES[n], *([level] * len(countries))] for n, level in LEVELS.items()]
    return rows


@pytest.mark.parametrize(
    ("sheet", "year", "round_"),
    [
        ("2021 Baseline", 2021, "Baseline"),
        ("Baseline 2021", 2021, "Baseline"),
        ("Kenya 2021 Baseline", 2021, "Baseline"),
        ("Kenya - Midline (2023)", 2023, "Midline"),
        ("2024 Review", 2024, "Review"),
        ("Round 2 (2022)", 2022, "Round 2"),
        ("Référence 2021", 2021, "Référence"),
        ("Suivi 2023", 2023, "Suivi"),
        ("Línea de base 2021", 2021, "Línea de base"),
        ("Seguimiento 2023", 2023, "Seguimiento"),
        ("Revisão 2024", 2024, "Revisão"),
        ("Linha de base 2021", 2021, "Linha de base"),
    ],
)
def test_a_round_beside_the_year_in_the_sheet_name_is_kept_and_said(sheet, year, round_):
    result = read("mnr.xlsx", xlsx({sheet: _wide()}))
    assert by_assessment(result) == {("Kenya", year, round_): LEVELS}
    assert_problem(
        result,
        "warning",
        None,
        f"The year {year} and the round “{round_}” were taken from the sheet name “{sheet}”",
    )


@pytest.mark.parametrize(
    ("sheet", "year"),
    [
        ("2021", 2021),
        ("Kenya 2021", 2021),
        ("Kenya 2021 Summary", 2021),
        ("2021 Scores", 2021),
        ("2021 (2)", 2021),  # a copy's mark, not a round
        ("Final 2024", 2024),  # the document's state
        ("Kenya MNR review 2024", 2024),  # other words beside "review": not certain
    ],
)
def test_a_sheet_name_without_a_round_word_keeps_no_round(sheet, year):
    result = read("mnr.xlsx", xlsx({sheet: _wide()}))
    assert by_assessment(result) == {("Kenya", year, None): LEVELS}
    assert not [p for p in result.problems if "the round" in p.message]


def test_two_round_sheets_of_a_regional_table_are_two_rounds_from_their_titles():
    countries = ("Kenya", "Uganda", "Tanzania")
    sheets = {
        name: _wide(countries, title=f"MNR capability levels by country, {name}")
        for name in ("2021 Baseline", "2024 Review")
    }
    result = read("regional.xlsx", xlsx(sheets))
    assert by_assessment(result) == {
        (country, year, round_): LEVELS
        for country in countries
        for year, round_ in ((2021, "Baseline"), (2024, "Review"))
    }
    assert_problem(
        result, "warning", "A1", "The year 2024 and the round “Review” were taken from the title"
    )


def test_a_round_label_wins_over_the_round_in_the_sheet_name():
    rows = [["Country:", "Kenya"], ["Round:", "Midline"], [], *_wide()]
    result = read("mnr.xlsx", xlsx({"2021 Baseline": rows}))
    assert by_assessment(result) == {("Kenya", 2021, "Midline"): LEVELS}
    assert_problem(result, "warning", None, "The year 2021 was taken from the sheet name")
