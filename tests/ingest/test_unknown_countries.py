"""A country name with no ISO3 code that is likely a real country ("Bosnia", "Татарстан"): kept
as written, with one warning saying what follows and the English name when one is likely.
(A name in another language, "Maroc", "Казахстан", is read as the country:
test_country_translations.)"""

from __future__ import annotations

import pytest

from components.ingest.unknown_countries import likely_country
from tests.ingest.reader_support import assert_problem, by_assessment, csv_bytes, read, xlsx

LEVELS = {n: n % 5 for n in range(1, 22)}


def _long_table(*names: str, iso3: str | None = None) -> bytes:
    rows = [["Country", "ISO3", "Year", "Capability", "Level"]]
    for year, name in enumerate(names, start=2021):
        rows += [[name, iso3, year, n, level] for n, level in LEVELS.items()]
    return csv_bytes(rows)


@pytest.mark.parametrize(
    ("name", "english", "code"),
    [
        ("Bosnia", "Bosnia and Herzegovina", "BIH"),  # the start of its name
        ("Marshall", "Marshall Islands", "MHL"),
    ],
)
def test_a_likely_country_is_kept_as_written_and_its_english_name_suggested(name, english, code):
    assert likely_country(name) == (english, code)
    result = read("endonyms.csv", _long_table(name, name))
    # the name is not changed, and both years are read
    assert by_assessment(result) == {(name, 2021, None): LEVELS, (name, 2022, None): LEVELS}
    assert result.capabilities["iso3"].isna().all()
    said = [p for p in result.problems if "not an English name the app knows" in p.message]
    assert len(said) == 1  # once for the name, not once per row or per year
    assert_problem(result, "warning", "A2", f"It may be {english} ({code}).")
    assert f"write “{english}” as the country" in said[0].fix
    assert "will not be grouped" in said[0].message


def test_a_name_in_another_script_is_said_without_a_suggestion():
    # Tatarstan, a republic of Russia: no country's name in any language the app reads.
    rows = [["Country", "Татарстан"], ["Year", 2024], [], ["No.", "Capability", "Level"]]
    rows += [[n, None, level] for n, level in LEVELS.items()]
    result = read("kz.xlsx", xlsx({"Form": rows}))
    assert by_assessment(result) == {("Татарстан", 2024, None): LEVELS}
    assert_problem(result, "warning", "B1", "“Татарстан” is not an English name the app knows")
    [said] = [p for p in result.problems if "English name" in p.message]
    assert "It may be" not in said.message
    assert "ISO3 code" in said.fix


@pytest.mark.parametrize(
    "name",
    [
        "Elbonia",  # made up on purpose (demo, documentation, tests)
        "Quentra",
        "Misr",  # an endonym nothing matches: not guessed
        "Patagonia",  # a region (a part of a country assessed on its own: test_country_parts)
        "Nige",  # the start of two countries' names (Niger, Nigeria)
    ],
)
def test_names_with_no_likely_country_are_left_quietly(name):
    assert likely_country(name) is None
    result = read("made-up.csv", _long_table(name))
    assert by_assessment(result) == {(name, 2021, None): LEVELS}
    assert not [p for p in result.problems if "English name" in p.message]


@pytest.mark.parametrize(
    ("name", "said", "fix"),
    [
        (
            "Korea",
            "It may be South Korea (KOR) or North Korea (PRK): the file does not say which.",
            "Write the country as “South Korea” or “North Korea” (or its ISO3 code, KOR or PRK,",
        ),
        (
            "Virgin Islands",
            "It may be British Virgin Islands (VGB) or U.S. Virgin Islands (VIR)",
            "(or its ISO3 code, VGB or VIR, in an ISO3 cell or column)",
        ),
    ],
)
def test_a_name_that_begins_several_countries_names_is_kept_and_they_are_named(name, said, fix):
    result = read("shared.csv", _long_table(name, name))
    assert by_assessment(result) == {(name, 2021, None): LEVELS, (name, 2022, None): LEVELS}
    assert result.capabilities["iso3"].isna().all()
    [warning] = [p for p in result.problems if "may be more than one country" in p.message]
    assert_problem(result, "warning", "A2", said)
    assert fix in warning.fix


@pytest.mark.parametrize("name", ["Morocco", "Maroc"])
def test_a_name_with_an_iso3_code_of_its_own_is_not_said(name):
    result = read("coded.csv", _long_table(name, iso3="MAR"))
    assert set(result.capabilities["iso3"]) == {"MAR"}
    assert not [p for p in result.problems if "English name" in p.message]


@pytest.mark.parametrize(
    ("name", "said", "suggested"),
    [
        # Two countries' name in the languages read (Kazakh and Kyrgyz: both Congos).
        (
            "Конго Республикасы",
            "It is the name of more than one country: Democratic Republic of the Congo's (COD) "
            "in Kyrgyz; Congo's (COG) in Kazakh and Kyrgyz, so none was taken.",
            "“Democratic Republic of the Congo” or “Congo”",
        ),
        # San Marino in French, and a letter from Saint Martin's English name.
        (
            "Saint Marin",
            "Did you mean Saint Martin (MAF)? It is San Marino's name in French (SMR), but a "
            "name this close to another was not taken as the country.",
            "“San Marino” or “Saint Martin”",
        ),
        # Italy in Vietnamese, and a letter of many languages.
        ("Ý", "It is Italy's name in Vietnamese (ITA), but a word this short", "“Italy”"),
    ],
)
def test_a_name_of_another_language_that_is_doubtful_is_kept_and_said(name, said, suggested):
    result = read("doubt.csv", _long_table(name))
    assert by_assessment(result) == {(name, 2021, None): LEVELS}
    assert result.capabilities["iso3"].isna().all()
    assert_problem(result, "warning", "A2", said)
    [warning] = [p for p in result.problems if said in p.message]
    assert f"Write the country's name in English ({suggested})" in warning.fix


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("Kenya – Nairobi county", "It names Kenya (KEN) and more (“Nairobi county”)"),
        ("Nairobi County, Kenya", "It names Kenya (KEN) and more (“Nairobi County”)"),
        ("Niger (Zinder region)", "It names Niger (NER) and more (“Zinder region”)"),
    ],
)
def test_a_country_and_more_is_kept_apart_and_said(name, said):
    result = read("county.csv", _long_table(name))
    assert by_assessment(result) == {(name, 2021, None): LEVELS}  # never filed as the country
    assert result.capabilities["iso3"].isna().all()
    [warning] = [p for p in result.problems if "is not one country's name" in p.message]
    assert said in warning.message
    assert "national assessment, write" in warning.fix
