"""Country names in the languages people write them in ("Maroc", "Кения", "日本"), read from
pycountry's iso-codes translations: each read as its country, filed under the name the app
shows, with a warning naming what was written and in which language; a name two countries
share, one a letter from another's, or a short word, never guessed."""

from __future__ import annotations

import pytest

from components.ingest.countries import iso3_in_any_language
from components.ingest.country_translations import (
    LANGUAGES,
    bilingual_parts,
    countries_named,
    in_languages,
    translated_country,
)
from tests.ingest.reader_support import (
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    errors,
    read,
    xlsx,
)

LEVELS = {n: n % 5 for n in TITLES}
OTHER = {n: (n + 2) % 5 for n in TITLES}

# (as written, its ISO3 code, the name the app shows, the language said): at least one name in
# each language the brief asks for, in Latin letters and in other scripts.
NAMES = [
    ("Maroc", "MAR", "Morocco", "French"),
    ("Tchad", "TCD", "Chad", "French"),
    ("Cameroun", "CMR", "Cameroon", "French"),
    ("Marruecos", "MAR", "Morocco", "Spanish"),
    ("Kenia", "KEN", "Kenya", "Spanish, German and Dutch"),
    ("Suécia", "SWE", "Sweden", "Spanish and Portuguese"),  # "Suecia" in Spanish
    ("Deutschland", "DEU", "Germany", "German"),
    ("Giappone", "JPN", "Japan", "Italian"),
    ("Verenigde Staten", "USA", "United States", "Dutch"),
    ("Filipina", "PHL", "Philippines", "Indonesian and Malay"),
    ("Jepun", "JPN", "Japan", "Malay"),
    ("Falme za Kiarabu", "ARE", "United Arab Emirates", "Swahili"),
    ("Mısır", "EGY", "Egypt", "Turkish"),
    ("Thái Lan", "THA", "Thailand", "Vietnamese"),
    ("Филиппины", "PHL", "Philippines", "Russian"),
    ("Україна", "UKR", "Ukraine", "Ukrainian"),
    ("الإمارات العربية المتحدة", "ARE", "United Arab Emirates", "Arabic"),
    ("الأردن", "JOR", "Jordan", "Arabic"),
    ("ایران", "IRN", "Iran", "Persian"),  # the head of "ایران، جمهوری اسلامی"
    ("ไทย", "THA", "Thailand", "Thai"),
    ("ญี่ปุ่น", "JPN", "Japan", "Thai"),
    ("中国", "CHN", "China", "Chinese and Japanese"),
    ("フィリピン", "PHL", "Philippines", "Japanese"),
    ("대한민국", "KOR", "South Korea", "Korean"),
]


@pytest.mark.parametrize(("name", "code", "shown", "language"), NAMES)
def test_a_name_in_another_language_gives_its_country(name, code, shown, language):
    found = translated_country(name)
    assert found is not None
    assert found[0] == code
    assert language.split(",")[0].split(" and ")[0] in found[1]
    assert iso3_in_any_language(name) == code


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("Kenya", "English: the countries module's own"),
        ("Y", "Italy in Vietnamese: one letter, a word of many languages"),
        ("Fas", "Morocco in Turkish: three letters"),
        ("Mỹ", "the United States in Vietnamese, 'my' once accents go"),
        ("Конго Республикасы", "both Congos in Kyrgyz"),
        ("كوريا", "Korea: the head of two countries' names"),
        ("गणराज्य", "'republic' in Nepali, the head of two inverted names"),
        ("Elbonia", "made up"),
        ("2023", "no name"),
    ],
)
def test_a_name_that_names_no_one_country_gives_none(name, why):
    assert translated_country(name) is None, why


def test_a_name_shared_by_two_countries_is_kept_with_both():
    assert set(countries_named("Конго Республикасы")) == {"COD", "COG"}
    assert iso3_in_any_language("Конго Республикасы") is None


@pytest.mark.parametrize(
    ("written", "parts"),
    [
        ("Tunisie / تونس", ("Tunisie", "تونس")),
        ("Монголия/Mongolia", ("Монголия", "Mongolia")),
        ("日本 | Japan", ("日本", "Japan")),
        ("Japan (日本)", ("Japan", "日本")),
        ("Maroc - المغرب", ("Maroc", "المغرب")),
        ("Maroc\nالمغرب", ("Maroc", "المغرب")),
        ("Guinea-Bissau", ()),  # a hyphen inside a name
        ("Kenya", ()),
    ],
)
def test_a_bilingual_cell_is_split_into_its_names(written, parts):
    assert bilingual_parts(written) == parts


def test_the_languages_cover_those_people_write_in():
    for language in [
        "French",
        "Spanish",
        "Portuguese",
        "German",
        "Italian",
        "Dutch",
        "Indonesian",
        "Malay",
        "Swahili",
        "Turkish",
        "Russian",
        "Arabic",
        "Persian",
        "Thai",
        "Vietnamese",
        "Chinese",
        "Japanese",
    ]:
        assert language in LANGUAGES.values()
    assert in_languages(("Spanish", "German", "Dutch")) == "Spanish, German and Dutch"


def _form(country: str) -> bytes:
    rows = [["Country", country], ["Year", 2024], [], ["No.", "Capability", "Level"]]
    return xlsx({"Form": rows + [[n, TITLES[n], LEVELS[n]] for n in TITLES]})


def _long(country: str) -> bytes:
    rows = [["Country", "Year", "Capability", "Level"]]
    return csv_bytes(rows + [[country, 2024, n, LEVELS[n]] for n in TITLES])


def _across(first: str, second: str) -> bytes:
    rows = [["Regional workshop 2024"], [], ["No.", "Capability", first, second]]
    return xlsx({"Summary": rows + [[n, TITLES[n], LEVELS[n], OTHER[n]] for n in TITLES]})


@pytest.mark.parametrize(("name", "code", "shown", "language"), NAMES)
def test_each_place_a_country_is_written_reads_it_and_says_so(name, code, shown, language):
    for data, cell in ((_form(name), "B1"), (_long(name), "A2")):
        result = read("file.xlsx" if cell == "B1" else "file.csv", data)
        assert by_assessment(result) == {(shown, 2024, None): LEVELS}
        assert set(result.capabilities["iso3"]) == {code}
        assert_problem(
            result,
            "warning",
            cell,
            f"The country “{name}” (its name in {language}) was read as “{shown}” ({code})",
        )
        assert not errors(result)


@pytest.mark.parametrize(
    ("first", "second", "read_as"),
    [
        ("Армения", "Казахстан", ("Armenia", "Kazakhstan")),  # Russian
        ("Филиппины", "Монголия", ("Philippines", "Mongolia")),
        ("الأردن", "مصر", ("Jordan", "Egypt")),  # Arabic
        ("ไทย", "ญี่ปุ่น", ("Thailand", "Japan")),  # Thai
        ("Kenia", "Filipinas", ("Kenya", "Philippines")),  # Spanish
        ("Filipina", "Jepang", ("Philippines", "Japan")),  # Indonesian
    ],
)
def test_countries_across_the_top_in_another_language_are_each_their_own(first, second, read_as):
    result = read("across.xlsx", _across(first, second))
    assert by_assessment(result) == {
        (read_as[0], 2024, None): LEVELS,
        (read_as[1], 2024, None): OTHER,
    }
    assert not errors(result)
    # The title gave the year only: never a country for the columns.
    assert not [p for p in result.problems if "The country “Regional" in p.message]


@pytest.mark.parametrize(
    ("written", "code", "shown"),
    [
        ("Tunisie / تونس", "TUN", "Tunisia"),
        ("Монголия / Mongolia", "MNG", "Mongolia"),
        ("ไทย / Thailand", "THA", "Thailand"),
        ("日本 / Japan", "JPN", "Japan"),
        ("Kenia [KEN]", "KEN", "Kenya"),  # the code left out, the Spanish name read
    ],
)
def test_a_country_written_in_two_languages_is_one_country(written, code, shown):
    result = read("bilingual.xlsx", _form(written))
    assert by_assessment(result) == {(shown, 2024, None): LEVELS}
    assert set(result.capabilities["iso3"]) == {code}
    assert not errors(result)
    assert any(
        p.severity == "warning" and f"was read as “{shown}” ({code})" in p.message
        for p in result.problems
    )


@pytest.mark.parametrize(
    ("sheet", "shown"),
    [("Маroc", None), ("Армения 2024", "Armenia"), ("日本 2024", "Japan"), ("Maroc", "Morocco")],
)
def test_a_sheet_named_in_another_language_gives_the_country(sheet, shown):
    rows = [["Year", 2024], [], ["No.", "Capability", "Level"]]
    result = read("sheet.xlsx", xlsx({sheet: rows + [[n, TITLES[n], LEVELS[n]] for n in TITLES]}))
    if shown is None:  # "Маroc": a Cyrillic М in a Latin word, no country in any language
        assert by_assessment(result) == {}
        assert errors(result)
        return
    assert by_assessment(result) == {(shown, 2024, None): LEVELS}


@pytest.mark.parametrize("sheet", ["Island", "Reunião"])
def test_a_sheet_named_by_a_word_of_a_language_not_read_is_refused_naming_both(sheet):
    rows = [["Year", 2024], [], ["No.", "Capability", "Level"]]
    result = read("sheet.xlsx", xlsx({sheet: rows + [[n, TITLES[n], LEVELS[n]] for n in TITLES]}))
    assert by_assessment(result) == {}
    [error] = errors(result)
    assert f"names a country only as “{sheet}”" in error.message
    assert "which may be another word here" in error.message


def test_a_country_cell_in_a_language_not_read_is_still_its_country():
    result = read("form.xlsx", _form("Island"))
    assert by_assessment(result) == {("Iceland", 2024, None): LEVELS}
    assert_problem(result, "warning", "B1", "“Island” (its name in German) was read as “Iceland”")
