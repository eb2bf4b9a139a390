"""A country's official name as its own people write it, which iso-codes' catalogue may word
otherwise ("République tunisienne", "Кыргызская Республика", "Republik Indonesia"): read as
that country in a title, a Country cell or a sheet name, with the warning a translated name
gets (components/ingest/official_names.py, through country_translations); state words alone,
a stem two countries share, a sentence or a state of a country, never."""

from __future__ import annotations

import pytest

from components.ingest.country_translations import translated_country
from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, errors, read, xlsx

LEVELS = {n: n % 5 for n in TITLES}

# (as written, ISO3, the name the app shows, the language said): an adjective after or before
# the state's word, the short name after it, in Latin and Cyrillic letters.
OFFICIAL = [
    ("République tunisienne", "TUN", "Tunisia", "French"),
    ("République gabonaise", "GAB", "Gabon", "French"),
    ("République togolaise", "TGO", "Togo", "French"),
    ("Royaume hachémite de Jordanie", "JOR", "Jordan", "French"),  # the catalogue's own
    ("Кыргызская Республика", "KGZ", "Kyrgyzstan", "Russian"),
    ("Jamhuri ya Muungano wa Tanzania", "TZA", "Tanzania", "Swahili"),
    ("Republik Indonesia", "IDN", "Indonesia", "Indonesian"),
    ("Reino de Marruecos", "MAR", "Morocco", "Spanish"),
]


@pytest.mark.parametrize(("written", "code", "shown", "language"), OFFICIAL)
def test_an_official_name_in_its_own_words_is_its_country(written, code, shown, language):
    found = translated_country(written)
    assert (found[0] if found else None) == code
    if language:
        assert language in found[1]


@pytest.mark.parametrize(
    "written",
    [
        "République démocratique",  # state words alone
        "Democratic Republic of Congo",  # "Congo" is in two countries' names
        "Republic of Korea",
        "République nigérienne",  # Niger or Nigeria: the stem starts both
        "République centrale",  # a word of "Central African Republic", not its name
        "Estado de México",  # a state of Mexico
        "Estado de São Paulo",
        "Republic of Krakozhstan",  # the tests' made-up country stays a made-up name
        "Ministerio del Interior",
        "Républiques",
        "Rapport de la République tunisienne sur la réponse nationale au MNR",
    ],
)
def test_other_words_with_state_words_are_no_country(written):
    assert translated_country(written) is None


def rows(first: list[list]) -> list[list]:
    return first + [["Capability", "Level"]] + [[TITLES[n], LEVELS[n]] for n in TITLES]


@pytest.mark.parametrize(
    ("written", "code_name"),
    [
        ("République tunisienne", "Tunisia"),
        ("Кыргызская Республика", "Kyrgyzstan"),
        ("Republik Indonesia", "Indonesia"),
    ],
)
@pytest.mark.parametrize("place", ["title", "cell", "sheet"])
def test_an_official_name_gives_the_assessment_its_country(written, code_name, place):
    if place == "title":
        sheets = {"Sheet1": rows([[f"{written} – MNR 2024"], []])}
    elif place == "cell":
        sheets = {"Sheet1": rows([["Country", written], ["Year", 2024], []])}
    else:
        sheets = {written: rows([["MNR self-assessment 2024"], []])}
    result = read("official.xlsx", xlsx(sheets))
    assert by_assessment(result) == {(code_name, 2024, None): LEVELS}
    assert not errors(result)
    cell = "B1" if place == "cell" else None
    assert_problem(result, "warning", cell, f"“{written}” (its name in")


def test_a_title_with_state_words_and_no_country_is_still_refused():
    result = read("t.xlsx", xlsx({"Sheet1": rows([["République démocratique – MNR 2024"], []])}))
    assert by_assessment(result) == {}
    assert "does not name a country" in errors(result)[0].message


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("République tunisienne / Republic of Tunisia – MNR 2024", "Republic of Tunisia"),
        ("Кыргызская Республика / Kyrgyz Republic – MNR 2024", "Kyrgyzstan"),
        ("Republic of Tunisia / République tunisienne – MNR 2024", "Republic of Tunisia"),
    ],
)
def test_a_bilingual_title_takes_the_english_name_with_no_translation_said(title, shown):
    result = read("t.xlsx", xlsx({"Sheet1": rows([[title], []])}))
    assert by_assessment(result) == {(shown, 2024, None): LEVELS}
    assert not [p for p in result.problems if "(its name in" in p.message]
