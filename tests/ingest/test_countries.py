"""Countries by name in the vocabulary's languages or by code, and names that read as one."""

from __future__ import annotations

import pycountry
import pytest

from components.ingest.countries import (
    is_plausible_country,
    iso3_in_any_language,
    iso3_of,
    iso_form_of,
    other_name_of,
    shown_name,
    word_abroad,
)


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


@pytest.mark.parametrize(
    ("code", "shown"),
    [
        ("COD", "Democratic Republic of the Congo"),
        ("COG", "Congo"),
        ("IRN", "Iran"),
        ("KOR", "South Korea"),
        ("PRK", "North Korea"),
        ("TZA", "Tanzania"),
        ("BOL", "Bolivia"),
        ("VEN", "Venezuela"),
        ("MDA", "Moldova"),
        ("FSM", "Micronesia"),
        ("LAO", "Laos"),
        ("SYR", "Syria"),
        ("VNM", "Vietnam"),
        ("RUS", "Russia"),
        ("TUR", "Türkiye"),
        ("VGB", "British Virgin Islands"),
        ("VIR", "U.S. Virgin Islands"),
        ("PSE", "Palestine"),
        ("TWN", "Taiwan"),
        ("BRN", "Brunei"),
        ("KEN", "Kenya"),
        ("SWZ", "Eswatini"),
        ("CIV", "Côte d'Ivoire"),
    ],
)
def test_a_country_is_shown_by_the_name_people_use(code, shown):
    assert shown_name(code) == shown
    assert iso3_of(shown) == code  # and that name is read as the country


def test_no_country_is_shown_by_an_inverted_or_iso_official_form():
    for country in pycountry.countries:
        shown = shown_name(country.alpha_3)
        # "Korea, Republic of"; a list of islands ("Bonaire, Sint Eustatius and Saba") is no form
        assert ", " not in shown or " and " in shown, shown
        assert not shown.endswith((" of", " of the", "Federation", "Arab Republic")), shown


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Congo, The Democratic Republic of the", ("Democratic Republic of the Congo", "COD")),
        ("Korea, Republic of", ("South Korea", "KOR")),
        ("Korea, Democratic People's Republic of", ("North Korea", "PRK")),
        ("Russian Federation", ("Russia", "RUS")),
        ("Viet Nam", ("Vietnam", "VNM")),
        ("Virgin Islands, British", ("British Virgin Islands", "VGB")),
        ("Palestine, State of", ("Palestine", "PSE")),
        ("Micronesia, Federated States of", ("Micronesia", "FSM")),
        ("Taiwan, Province of China", ("Taiwan", "TWN")),
        ("Bolivia (Plurinational State of)", ("Bolivia", "BOL")),  # the UN's way, same words
        # the names people use, and names the ISO list has as they are: nothing to change
        ("Democratic Republic of the Congo", None),
        ("Tanzania", None),
        ("Kenya", None),
        ("Congo", None),
        ("Elbonia", None),
    ],
)
def test_the_iso_lists_form_of_a_name_gives_the_shown_name(written, expected):
    assert iso_form_of(written) == expected


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Tunisie / تونس", "TUN"),
        ("Монголия / Mongolia", "MNG"),
        ("ไทย / Thailand", "THA"),
        ("日本 / Japan", "JPN"),
        ("Maroc (المغرب)", "MAR"),
        ("Kenya / Kenia", "KEN"),
        ("Kenya / Uganda", None),  # two countries: country_names refuses them
        ("Tunisie / Maroc", None),
        ("Tunisie / Région", None),  # one part no country's name
    ],
)
def test_a_bilingual_cell_is_its_country_when_every_part_names_it(written, code):
    found = other_name_of(written)
    assert (found[0] if found else None) == code
    assert iso3_in_any_language(written) == code


@pytest.mark.parametrize(
    ("name", "abroad"),
    [
        ("Island", ("Iceland", ("German",))),
        ("Reunião", ("Réunion", ("Brazilian Portuguese",))),
        ("Filipina", ("Philippines", ("Indonesian", "Malay"))),
        ("Maroc", None),  # French: the reader reads French
        ("Uni Emirat Arab", None),  # three words: no other word
        ("Армения", None),  # another script: no word of the vocabulary's languages
        ("Russia", None),  # English too
    ],
)
def test_one_latin_word_of_a_language_not_read_is_flagged_for_free_text(name, abroad):
    assert word_abroad(name) == abroad


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Maroc", "MAR"),
        ("Saint Marin", None),  # San Marino in French, a letter from Saint Martin: asked
        ("Russia", None),  # English (and Italian): iso3_of's
        ("Kenya", None),
    ],
)
def test_a_name_close_to_another_country_s_is_not_read_as_either(name, code):
    found = other_name_of(name)
    assert (found[0] if found else None) == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [("114377001", True), ("12-3", True), ("Kenya", False), ("1a", False), ("  ", False),
     ("", False), ("٢٠٢٣", True), ("Côte", False)],
)  # fmt: skip
def test_a_text_without_any_letter_is_a_number_not_a_name(text, expected):
    from components.ingest.countries import is_number_only

    assert is_number_only(text) is expected
