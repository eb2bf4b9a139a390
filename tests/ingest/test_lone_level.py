"""One column of levels beside the items, headed by a word that names no country
(components/ingest/lone_level.py): the level column, never a country called "Skor".
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.reader_support import (
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    enabler_levels,
    errors,
    read,
    xlsx,
)

ALL = range(1, 22)
LEVELS = {n: n % 5 for n in ALL}
# Level headers in languages the reader does not know: Polish, Czech, Hungarian, Tagalog,
# Hausa, Finnish, a made-up abbreviation.
UNKNOWN = ["Wynik", "Úroveň", "Szint", "Antas", "Mataki", "Taso", "Lvl.X"]


def _table(heading: str, first: list[list[Any]] | None = None) -> list[list[Any]]:
    rows = [*(first or []), ["No.", "Capability", heading]]
    return rows + [[n, TITLES[n], LEVELS[n]] for n in ALL]


@pytest.mark.parametrize("heading", UNKNOWN)
@pytest.mark.parametrize(
    ("where", "sheet", "first"),
    [
        ("a Country label", "Sheet1", [["Country", "Kenya"], ["Year", 2023], []]),
        ("the sheet's name", "Kenya 2023", None),
        ("the title", "Sheet1", [["MNR self-assessment – Kenya 2023"], []]),
    ],
)
def test_a_level_column_under_an_unknown_word_is_read_under_the_country_given_elsewhere(
    heading: str, where: str, sheet: str, first: list[list[Any]] | None
) -> None:
    result = read("form.xlsx", xlsx({sheet: _table(heading, first)}))
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}, where
    assert_problem(result, "warning", _cell(first), "read as the level column")
    assert not errors(result)


def _cell(first: list[list[Any]] | None) -> str:
    return f"C{len(first or []) + 1}"


@pytest.mark.parametrize("heading", ["Wynik", "Taso", "Szint", "Mataki"])
def test_with_no_country_anywhere_it_is_refused_never_a_country_of_its_name(heading: str) -> None:
    result = read("data.xlsx", xlsx({"Sheet1": _table(heading)}))
    assert by_assessment(result) == {}
    assert heading not in set(result.capabilities["country"])
    assert_problem(result, "warning", "C1", f"“{heading}” is not a country the app knows")
    assert [p for p in errors(result) if "No country is given" in p.message]


def test_a_long_csv_whose_country_column_is_unknown_takes_no_country_from_the_level_header() -> (
    None
):
    # "Negara;Tahun;No;Kapabilitas;Skor" as a language the app does not read would leave it
    rows: list[list[Any]] = [["Państwo", "Rok", "No", "Zdolność", "Wynik"]]
    rows += [["Kenya", 2022, n, f"Zdolność {n}", LEVELS[n]] for n in ALL]
    result = read("export.csv", csv_bytes(rows, sep=";"))
    assert "Wynik" not in set(result.capabilities["country"])


def test_an_enablers_sheet_under_an_unknown_level_word_is_the_enablers_never_capabilities() -> None:
    form = [["Country", "Kenya"], ["Year", 2023], [], ["No.", "Capability", "Level"]]
    form += [[n, TITLES[n], LEVELS[n]] for n in ALL]
    enablers = [["No.", "Enabler", "Wynik"]] + [[n, f"Czynnik {n}", n % 4] for n in range(1, 8)]
    result = read("two.xlsx", xlsx({"Assessment": form, "Enablers": enablers}))
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}
    assert enabler_levels(result) == {("Kenya", 2023, None): {n: n % 4 for n in range(1, 8)}}


@pytest.mark.parametrize(
    ("heading", "country"),
    [
        ("Kenya", "Kenya"),  # a country the app knows
        ("Kenya (KEN)", "Kenya"),  # with its code
        ("Kenya – East Africa", "Kenya"),  # with its region
        ("Elbonia", "Elbonia"),  # a made-up name ending like a country's (the demo's)
        ("Keyna", "Keyna"),  # a misspelt one: said by ``unknown_countries``, not turned away
    ],
)
def test_a_column_headed_by_a_country_stays_that_countrys(heading: str, country: str) -> None:
    result = read("wide.xlsx", xlsx({"Sheet1": _table(heading)}))
    assert by_assessment(result) == {(country, None, None): LEVELS}
    assert not [p for p in result.problems if "read as the level column" in p.message]


def test_two_columns_of_names_stay_two_countries() -> None:
    rows = [["No.", "Capability", "Kenya", "Uganda"]]
    rows += [[n, TITLES[n], LEVELS[n], 4 - LEVELS[n]] for n in ALL]
    result = read("wide.xlsx", xlsx({"Sheet1": rows}))
    assert set(by_assessment(result)) == {("Kenya", None, None), ("Uganda", None, None)}


@pytest.mark.parametrize("heading", ["Level 2024", "As-is"])
def test_a_year_or_a_state_heading_is_left_to_its_own_reading(heading: str) -> None:
    rows = _table(heading, [["Country", "Kenya"], ["Year", 2023], []])
    result = read("form.xlsx", xlsx({"Sheet1": rows}))
    assert [key[0] for key in by_assessment(result)] == ["Kenya"]
    assert not [p for p in result.problems if "read as the level column" in p.message]
