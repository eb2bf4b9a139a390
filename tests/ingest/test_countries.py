"""Countries by name in the vocabulary's languages or by code, and names that read as one."""

from __future__ import annotations

import pytest

from components.ingest.countries import is_plausible_country, iso3_in_any_language, iso3_of


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Kenya", "KEN"),
        ("Kenia", "KEN"),
        ("Quénia", "KEN"),
        ("République du Kenya", "KEN"),
        ("Republic of Kenya", "KEN"),
        ("KEN", "KEN"),
        ("Costa de Marfil", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Brasil", "BRA"),
        ("Elbonia", None),
        ("Upload", None),
    ],
)
def test_a_country_by_its_name_in_any_language_of_the_vocabulary(name, code):
    assert iso3_in_any_language(name) == code


def test_the_code_a_name_is_given_stays_english_only():
    assert iso3_of("Kenia") is None  # never more than pycountry's exact English names


@pytest.mark.parametrize(
    ("name", "plausible"),
    [
        ("Ghana", True),
        ("Sénégal", True),
        ("GHA", True),
        ("Arvenia", True),
        ("Elbonie", True),
        ("Secretland", True),
        ("upload", False),
        ("Return", False),
        ("S", False),
        ("Previous", False),
        ("data1", False),
    ],
)
def test_a_name_reads_as_a_country(name, plausible):
    assert is_plausible_country(name) is plausible
