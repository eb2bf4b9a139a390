"""Which country a library assessment is of: one key per country, however its name was saved,
and never one key for two countries."""

from __future__ import annotations

import pandas as pd
import pycountry
import pytest

from components.ingest.countries import shown_name
from components.library.identity import country_identity, known_code

# (name, ISO3) pairs that are one country, each group against its first.
SAME = [
    # The ISO list's name saved by an earlier version, the name shown today, with or without
    # the code, in any case or spacing.
    [("Viet Nam", "VNM"), ("Vietnam", "VNM"), ("Vietnam", None), ("viet  nam", "vnm")],
    [("Korea, Republic of", "KOR"), ("South Korea", "KOR"), ("Korea, Republic of", None)],
    [
        ("Congo, The Democratic Republic of the", "COD"),
        ("Democratic Republic of the Congo", None),
        ("Democratic Republic of the Congo", "COD"),
    ],
    [("Russian Federation", None), ("Russia", "RUS")],
    [("Tanzania, United Republic of", "TZA"), ("Tanzania", pd.NA)],
    # A name in a language of the vocabulary, with the code it agrees with.
    [("Kenia", "KEN"), ("Kenya", None), ("République du Kenya", "KEN")],
    # A name pycountry does not know: by its name; a code it does not know changes nothing.
    [("Arvenia", "XAA"), ("ARVENIA ", None), ("Arvenia", "")],
]


@pytest.mark.parametrize("group", SAME, ids=lambda group: group[0][0])
def test_one_country_has_one_key_however_it_was_saved(group):
    first = country_identity(*group[0])
    assert [country_identity(*pair) for pair in group] == [first] * len(group)


# Pairs that are two countries (or may be: a name and a code that disagree).
APART = [
    (("Congo", "COG"), ("Congo", "COD")),
    (("Congo", "COD"), ("Democratic Republic of the Congo", "COD")),
    (("Congo", None), ("Democratic Republic of the Congo", None)),
    (("Russian Federation", "UKR"), ("Ukraine", "UKR")),
    (("Russian Federation", "UKR"), ("Russia", None)),
    (("Scotland", "GBR"), ("United Kingdom", "GBR")),
    (("Scotland", "GBR"), ("Scotland", "IRL")),
    (("Niger", None), ("Nigeria", None)),
    (("Dominica", "DMA"), ("Dominican Republic", "DOM")),
    (("Korea", None), ("South Korea", None)),
    (("South Korea", None), ("North Korea", None)),
    (("Arvenia", "XAA"), ("Belmora", "XAA")),
    (("Guinea", "GIN"), ("Guinea-Bissau", "GNB")),
]


@pytest.mark.parametrize(("one", "other"), APART, ids=lambda pair: " ".join(map(str, pair)))
def test_two_countries_never_share_a_key(one, other):
    assert country_identity(*one) != country_identity(*other)


def test_every_country_pycountry_knows_has_a_key_of_its_own_under_each_of_its_names():
    keys = {
        country.alpha_3: country_identity(shown_name(country.alpha_3), None)
        for country in pycountry.countries
    }
    assert len(set(keys.values())) == len(keys)  # no two countries share one
    owners = {key: code for code, key in keys.items()}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            name = getattr(country, attribute, None)
            if name is None:
                continue
            key = country_identity(name, country.alpha_3)
            # Its own key, or one apart from every country's (a name that is another's).
            assert owners.get(key, country.alpha_3) == country.alpha_3, (name, key)


def test_the_key_of_a_country_named_as_shown_is_the_one_saved_before():
    # Entries saved under the shown name keep their key (and their links' session ids).
    assert country_identity("Kenya", "KEN") == "kenya"
    assert country_identity("Vietnam", None) == "vietnam"
    assert country_identity("Arvenia", "XAA") == "arvenia"


@pytest.mark.parametrize(
    ("written", "expected"),
    [("VNM", "VNM"), ("vnm", "VNM"), (" KEN ", "KEN"), ("XAA", None), ("", None), (None, None)],
)
def test_a_code_counts_only_when_pycountry_knows_it(written, expected):
    assert known_code(written) == expected
