"""What the names the reader knows say about a reading's letters: known words, countries' names
in other languages, and letters or pairs of letters no name has."""

import pytest

from components.ingest.name_letters import country_names, known_words, pair_cost
from components.ingest.text_encoding import CODE_PAGES

PAGES = tuple(CODE_PAGES)


@pytest.mark.parametrize(
    "word", ["são", "côte", "türkiye", "kırgızistan", "česko", "moçambique", "ελλάδα", "российская"]
)
def test_words_of_countries_names_in_the_code_pages_languages_are_known(word):
    assert word in known_words(PAGES)


@pytest.mark.parametrize("garbled", ["espańa", "moáambique", "tårkiye", "èesko", "ôsterreich"])
def test_what_a_wrong_code_page_makes_of_them_is_not(garbled):
    assert garbled not in known_words(PAGES)


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        ("españa", {"ESP"}),
        ("österreich", {"AUT"}),
        ("norvège", {"NOR"}),
        ("česko", {"CZE"}),
        ("türkiye", {"TUR"}),
        ("grécia", {"GRC"}),  # Portuguese
        ("grècia", {"GRC"}),  # Catalan: the same bytes in Mac Roman, the same country
        ("irã", {"IRN"}),  # the head of "Irã, República Islâmica do"
        ("côte d'ivoire", {"CIV"}),
    ],
)
def test_countries_names_in_other_languages_name_their_country(name, codes):
    assert country_names()[name] == codes


@pytest.mark.parametrize("garbled", ["espańa", "ôsterreich", "moáambique", "tårkiye"])
def test_countries_names_keep_their_accents(garbled):
    assert garbled not in country_names()


# (the person's word, what another code page makes of its bytes)
READINGS = [
    ("Moçambique", "Moáambique"),  # DOS 850 read as Mac Roman: "áa" is in no name
    ("Haïti", "Haãti"),
    ("Österreich", "ôsterreich"),
    ("Kırgızistan", "Kýrgýzistan"),  # Turkish read as Windows-1252
    ("Česko", "Èesko"),  # Windows-1250 read as Windows-1252
    ("São Tomé", "SÆo Tom‚"),
    ("Россия", "Đîńńč˙"),  # Windows-1251 read as Windows-1250
]


@pytest.mark.parametrize(("right", "garbled"), READINGS)
def test_a_wrong_code_page_s_letters_cost_more(right, garbled):
    assert pair_cost(right, PAGES) < pair_cost(garbled, PAGES)


@pytest.mark.parametrize(("right", "garbled"), READINGS)
def test_a_real_name_costs_little(right, garbled):
    assert pair_cost(right, PAGES) < 1.0


@pytest.mark.parametrize(
    ("text", "cost"),
    [
        ("Kenya", 0.0),  # nothing outside ASCII
        ("€ 100 – 3 “x”", 0.0),  # signs are for text_encoding's shapes
        ("Xˇy", 0.0),  # a modifier letter is a sign too
    ],
)
def test_what_costs_nothing(text, cost):
    assert pair_cost(text, PAGES) == cost


def test_a_letter_no_name_has_costs_the_most():
    assert pair_cost("Xƒy", PAGES) == 2.0
