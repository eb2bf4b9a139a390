"""Other names of a country ("Swaziland", "Congo, Dem. Rep.", "DRC") read as the country with
its ISO3 code, said; a misspelt name ("Keyna") kept as written with "did you mean"."""

from __future__ import annotations

import pytest

from components.ingest.country_aliases import country_aliases, misspelt_country
from tests.ingest.reader_support import assert_problem, by_assessment, csv_bytes, read, xlsx

LEVELS = {n: n % 5 for n in range(1, 22)}


def _long_table(*rows: tuple[str, int], iso3: str | None = None) -> bytes:
    table = [["Country", "ISO3", "Year", "Capability", "Level"]]
    for name, year in rows:
        table += [[name, iso3, year, n, level] for n, level in LEVELS.items()]
    return csv_bytes(table)


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("Swaziland", "Eswatini", "SWZ"),
        ("Turkey", "Türkiye", "TUR"),
        ("Macedonia", "North Macedonia", "MKD"),
        ("Burma", "Myanmar", "MMR"),
        ("Cape Verde", "Cabo Verde", "CPV"),
        ("Czech Republic", "Czechia", "CZE"),
        ("Ivory Coast", "Côte d'Ivoire", "CIV"),
        ("East Timor", "Timor-Leste", "TLS"),
    ],
)
def test_an_old_name_joins_the_new_one_with_its_code_and_a_warning(old, new, code):
    result = read("renamed.csv", _long_table((old, 2019), (new, 2023)))
    # both years under one name, so the trend is one country's
    assert by_assessment(result) == {(new, 2019, None): LEVELS, (new, 2023, None): LEVELS}
    assert set(result.capabilities["iso3"]) == {code}
    said = [p for p in result.problems if "was read as" in p.message]
    assert len(said) == 1  # once for the name, not once per row
    assert_problem(result, "warning", "A2", f"“{old}” was read as “{new}” ({code})")


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Congo, Dem. Rep.", "COD"),
        ("Gambia, The", "GMB"),
        ("Egypt, Arab Rep.", "EGY"),
        ("Yemen, Rep.", "YEM"),
        ("Iran, Islamic Rep.", "IRN"),
        ("Korea, Rep.", "KOR"),
        ("Venezuela, RB", "VEN"),
        ("Lao PDR", "LAO"),
        ("Kyrgyz Republic", "KGZ"),
        ("Slovak Republic", "SVK"),
        ("Micronesia, Fed. Sts.", "FSM"),
        ("DRC", "COD"),
        ("CAR", "CAF"),
        ("BiH", "BIH"),
        ("UAE", "ARE"),
        ("UK", "GBR"),
        ("Republic of Korea", "KOR"),
        ("DPRK", "PRK"),
        ("The Philippines", "PHL"),  # a country's name after "the"
        ("the Netherlands", "NLD"),
        ("Myanmar (Burma)", "MMR"),  # one country written two ways
        ("Niger (the)", "NER"),  # the ISO list's "the"
        ("Ghana – national", "GHA"),
        ("DPR Korea", "PRK"),
        ("Korea (North)", "PRK"),
        ("ประเทศไทย", "THA"),  # Thai forms write "country" before the name
    ],
)
def test_world_bank_names_and_abbreviations_get_the_country_code(written, code):
    result = read("wdi.csv", _long_table((written, 2023)))
    assert set(result.capabilities["iso3"]) == {code}
    [(country, year, _)] = by_assessment(result)
    assert year == 2023
    assert country != written
    assert_problem(result, "warning", "A2", f"“{written}” was read as")
    assert not [p for p in result.problems if p.severity == "error"]


def test_a_form_with_an_old_name_is_read_as_the_country():
    rows = [["Country", "Swaziland"], ["Year", 2019], [], ["No.", "Capability", "Level"]]
    rows += [[n, None, level] for n, level in LEVELS.items()]
    result = read("form.xlsx", xlsx({"Form": rows}))
    assert by_assessment(result) == {("Eswatini", 2019, None): LEVELS}
    assert_problem(result, "warning", "B1", "“Swaziland” was read as “Eswatini” (SWZ)")


def test_an_alias_with_another_countrys_code_given_is_left_as_written():
    # the ISO3 column says which country; the name is not second-guessed here
    result = read("coded.csv", _long_table(("CAR", 2023), iso3="KEN"))
    assert by_assessment(result) == {("CAR", 2023, None): LEVELS}
    assert not [p for p in result.problems if "was read as" in p.message]


def test_every_alias_names_a_country_pycountry_knows():
    aliases = country_aliases()
    assert aliases["swaziland"] == "SWZ"
    assert aliases["congo dem rep"] == "COD"
    assert len(aliases) > 50


@pytest.mark.parametrize(
    ("typed", "meant", "code"),
    [
        ("Keyna", "Kenya", "KEN"),  # two letters swapped
        ("Ugnada", "Uganda", "UGA"),
        ("Tanzaniaa", "Tanzania", "TZA"),  # a letter too many
        ("Mozambiqe", "Mozambique", "MOZ"),  # a letter too few
    ],
)
def test_a_misspelt_country_is_kept_as_written_and_the_country_suggested(typed, meant, code):
    assert misspelt_country(typed) == (meant, code)
    result = read("typos.csv", _long_table((typed, 2023)))
    assert by_assessment(result) == {(typed, 2023, None): LEVELS}  # never changed silently
    assert result.capabilities["iso3"].isna().all()
    assert_problem(result, "warning", "A2", f"Did you mean {meant} ({code})?")


@pytest.mark.parametrize(
    "name",
    ["Elbonia", "Arvenia", "Quentra", "Freedonia", "Secretland", "Niger", "Kenua", "Chda"],
)
def test_made_up_and_short_names_get_no_suggestion(name):
    # "Arvenia" is a letter from "Armenia", "Elbonia" two from "Estonia": not typos
    assert misspelt_country(name) is None


@pytest.mark.parametrize(
    ("written", "kept", "code"),
    [
        ("Moçambique", "Mozambique", "MOZ"),
        ("Brasil", "Brazil", "BRA"),
        ("Guiné-Bissau", "Guinea-Bissau", "GNB"),
        ("África do Sul", "South Africa", "ZAF"),
    ],
)
def test_a_portuguese_name_gets_the_country_code(written, kept, code):
    rows = [["Country", "Year", "Capability", "Level"], [written, 2023, 1, 2]]
    result = read("pt.csv", csv_bytes(rows))
    assert by_assessment(result) == {(kept, 2023, None): {1: 2}}
    assert result.capabilities["iso3"].iloc[0] == code
    assert_problem(result, "warning", "A2", f"was read as “{kept}” ({code})")


@pytest.mark.parametrize(("written", "code"), [("Angola", "AGO"), ("Sénégal", "SEN")])
def test_a_name_that_is_the_english_one_but_for_accents_needs_no_alias(written, code):
    rows = [["Country", "Year", "Capability", "Level"], [written, 2023, 1, 2]]
    result = read("pt.csv", csv_bytes(rows))
    assert result.capabilities["iso3"].iloc[0] == code


def test_every_way_of_writing_the_drc_is_one_country_by_the_name_people_use():
    result = read(
        "drc.csv",
        _long_table(
            ("Democratic Republic of the Congo", 2019),
            ("DRC", 2021),
            ("Congo, The Democratic Republic of the", 2023),
        ),
    )
    assert set(by_assessment(result)) == {
        ("Democratic Republic of the Congo", year, None) for year in (2019, 2021, 2023)
    }
    assert set(result.capabilities["iso3"]) == {"COD"}
    assert not [p for p in result.problems if "Democratic Republic of the Congo” was" in p.message]
