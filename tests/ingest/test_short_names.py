"""A country taken from an abbreviated sheet name ("Ken", "Ug", "Tz") is refused with the
country suggested, never a new country "Ug"."""

from __future__ import annotations

import pytest

from components.ingest.short_names import abbreviation_of
from tests.ingest.reader_support import by_assessment, read, xlsx

LEVELS = {n: n % 5 for n in range(1, 22)}


def _sheet() -> list[list]:
    rows = [["MNR self-assessment 2023"], [], ["No.", "Capability", "Level"]]
    return rows + [[n, None, level] for n, level in LEVELS.items()]


@pytest.mark.parametrize(
    ("tab", "meant"),
    [
        ("Ken", "Kenya (KEN)"),
        ("Ug", "Uganda (UGA)"),
        ("Tz", "Tanzania (TZA)"),
        ("rw", "Rwanda (RWA)"),
    ],
)
def test_an_abbreviated_sheet_name_is_refused_with_the_country_suggested(tab, meant):
    result = read("tabs.xlsx", xlsx({tab: _sheet()}))
    assert by_assessment(result) == {}
    [error] = [p for p in result.problems if p.severity == "error"]
    assert error.sheet == tab
    assert f"“{tab}” was taken from the name of sheet “{tab}”" in error.message
    assert "only an abbreviation" in error.message
    assert f"It may be {meant}." in error.message
    assert "Rename the sheet to the country's full name" in error.fix
    # Nothing said about how the unused assessment was read (its country, its year).
    assert [p.severity for p in result.problems if p.sheet == tab] == ["error"]


def test_an_abbreviation_of_several_countries_suggests_none():
    result = read("tabs.xlsx", xlsx({"Ma": _sheet()}))  # Madagascar, Malawi, Mali, ...
    [error] = [p for p in result.problems if p.severity == "error"]
    assert "It may be" not in error.message


@pytest.mark.parametrize(
    ("tab", "country"),
    [("KEN", "Kenya"), ("Kenya", "Kenya"), ("Elbonia", "Elbonia"), ("UK", "United Kingdom")],
)
def test_a_full_name_code_or_made_up_name_still_gives_the_country(tab, country):
    result = read("tabs.xlsx", xlsx({tab: _sheet()}))
    assert by_assessment(result) == {(country, 2023, None): LEVELS}


def test_abbreviations():
    assert abbreviation_of("Ken") == ("Kenya", "KEN")
    assert abbreviation_of("Tz") == ("Tanzania", "TZA")
    assert abbreviation_of("Ma") is None
