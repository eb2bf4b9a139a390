"""Countries written as ISO codes in a Country column or cell."""

from __future__ import annotations

import pytest

from components.ingest.cell_codes import code_country
from tests.ingest.reader_support import by_assessment, csv_bytes, read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KE", ("Kenya", "KEN")),
        ("ke", ("Kenya", "KEN")),
        ("kh", ("Cambodia", "KHM")),
        ("Mne", ("Montenegro", "MNE")),
        ("mm", ("Myanmar", "MMR")),
        ("KEN", ("Kenya", "KEN")),
        ("XQ", None),  # no such code
        ("Kenya", None),
        ("K", None),
        ("K1", None),
    ],
)
def test_a_code_in_any_case_is_its_country(text, expected):
    assert code_country(text) == expected


def _long(countries: list[str]) -> bytes:
    rows = [["Country", "Year", "Capability", "Level"]]
    for country in countries:
        rows += [[country, 2024, 1, 2], [country, 2024, 2, 3]]
    return csv_bytes(rows)


@pytest.mark.parametrize(
    ("countries", "expected", "said"),
    [
        # a form's choices' names: alpha-2 codes in small letters
        (["kh", "mm", "la"], {"Cambodia": "KHM", "Myanmar": "MMR", "Laos": "LAO"}, "“kh”"),
        (["KE", "TZ"], {"Kenya": "KEN", "Tanzania": "TZA"}, "alpha-2 code KE"),
        # a code typed among names
        (
            ["Albania", "Mne", "Serbia"],
            {"Albania": "ALB", "Montenegro": "MNE", "Serbia": "SRB"},
            "“Mne”",
        ),
    ],
)
def test_codes_in_a_country_column_are_the_countries(countries, expected, said):
    result = read("responses.csv", _long(countries))
    read_countries = dict(
        zip(result.capabilities["country"], result.capabilities["iso3"], strict=True)
    )
    assert read_countries == expected
    assert all(levels == {1: 2, 2: 3} for levels in by_assessment(result).values())
    assert any(said in p.message and p.severity == "warning" for p in result.problems)


def test_an_alias_or_a_name_is_not_read_as_a_code():
    result = read("responses.csv", _long(["UK", "Chad"]))
    read_countries = dict(
        zip(result.capabilities["country"], result.capabilities["iso3"], strict=True)
    )
    assert read_countries == {"United Kingdom": "GBR", "Chad": "TCD"}
    assert not any("ISO 3166" in p.message for p in result.problems)


def test_a_short_name_that_is_no_code_is_kept_and_said():
    result = read("responses.csv", _long(["Xq", "Kenya"]))
    assert set(result.capabilities["country"]) == {"Xq", "Kenya"}
    assert any(
        "“Xq” is neither a country's name nor an ISO code" in p.message for p in result.problems
    )
