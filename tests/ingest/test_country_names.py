"""A country cell that says more than one country's name, or a code that disagrees with it.

Flag emoji and an ISO code written with the name are left out of it (the code kept, the
name's own when they disagree, said); an ISO3 column that contradicts a known name is put
right with a warning; two countries in one cell are refused, never one invented country. A
level column headed in a script pycountry's names do not cover is not the country.
"""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, errors, read, xlsx

LEVELS = {n: n % 5 for n in TITLES}
OTHER = {n: (n + 2) % 5 for n in TITLES}


def _form(country: str, *, header: str = "Level", label: str = "Country:") -> bytes:
    rows = [[label, country], ["Year:", 2023], [], ["No.", "Capability", header]]
    rows += [[n, TITLES[n], LEVELS[n]] for n in TITLES]
    return xlsx({"Form": rows})


def _wide(*headers: str) -> bytes:
    rows = [["Year", 2023], [], ["No.", "Capability", *headers]]
    rows += [[n, TITLES[n], *(LEVELS[n] for _ in headers)] for n in TITLES]
    return xlsx({"Tracker": rows})


def _long(rows_of: list[tuple[str, str, dict[int, int]]]) -> bytes:
    rows: list[list[object]] = [["Country", "ISO3", "Year", "Capability", "Level"]]
    for country, iso3, levels in rows_of:
        rows += [[country, iso3, 2021, n, level] for n, level in levels.items()]
    return xlsx({"Data": rows})


def _countries(result) -> set[tuple[str, str]]:
    heads = result.capabilities[["country", "iso3"]].drop_duplicates()
    return {(c, i) for c, i in heads.itertuples(index=False)}


@pytest.mark.parametrize(
    "written",
    [
        "Kenya, Uganda",
        "Kenya and Uganda",
        "Kenya / Uganda",
        "Kenya & Uganda",
        "Kenya et Ouganda",
        "Kenia y Uganda",
        "Kenya; Uganda; Tanzania",
    ],
)
def test_two_countries_in_one_cell_are_refused(written: str) -> None:
    result = read("joint.xlsx", _form(written))
    assert result.capabilities.empty
    assert_problem(result, "error", "B1", "countries")
    (error,) = errors(result)
    assert "Uganda" in error.message or "Ouganda" in error.message
    assert "one assessment per country" in error.fix


def test_two_countries_in_a_long_tables_cell_leave_the_others_read() -> None:
    result = read("long.xlsx", _long([("Kenya and Uganda", "", LEVELS), ("Ghana", "", OTHER)]))
    assert by_assessment(result) == {("Ghana", 2021, None): OTHER}
    assert_problem(result, "error", "A2", "“Kenya and Uganda” names 2 countries")


@pytest.mark.parametrize(
    ("written", "kept", "iso3"),
    [
        ("Trinidad and Tobago", "Trinidad and Tobago", "TTO"),
        ("Bosnia and Herzegovina", "Bosnia and Herzegovina", "BIH"),
        ("Saint Kitts and Nevis", "Saint Kitts and Nevis", "KNA"),
        # The ISO list's inverted forms: one country, filed under the name people use.
        ("Congo, The Democratic Republic of the", "Democratic Republic of the Congo", "COD"),
        ("Korea, Republic of", "South Korea", "KOR"),
        ("Guinea-Bissau", "Guinea-Bissau", "GNB"),
    ],
)
def test_one_country_whose_name_has_and_or_a_comma_is_read(
    written: str, kept: str, iso3: str
) -> None:
    result = read("one.xlsx", _form(written))
    assert by_assessment(result) == {(kept, 2023, None): LEVELS}
    assert _countries(result) == {(kept, iso3)}
    assert not errors(result)


@pytest.mark.parametrize(
    ("written", "country", "iso3"),
    [
        ("Kenya (KEN)", "Kenya", "KEN"),
        ("Côte d'Ivoire (CIV)", "Côte d'Ivoire", "CIV"),
        ("Ghana - GHA", "Ghana", "GHA"),
        ("KEN – Kenya", "Kenya", "KEN"),
        ("🇰🇪 Kenya", "Kenya", "KEN"),
        ("Kenya 🇰🇪", "Kenya", "KEN"),
    ],
)
def test_a_code_or_a_flag_that_agrees_with_the_name_is_left_out_quietly(
    written: str, country: str, iso3: str
) -> None:
    shapes = [
        (_form(written), 2023),
        (_wide(written), 2023),
        (_long([(written, "", LEVELS)]), 2021),
    ]
    for data, year in shapes:
        result = read("coded.xlsx", data)
        assert by_assessment(result) == {(country, year, None): LEVELS}
        assert _countries(result) == {(country, iso3)}
        assert not result.problems, result.problems


@pytest.mark.parametrize(
    ("written", "cell"),
    [("Kenya (UGA)", "B1"), ("UGA - Kenya", "B1")],
)
def test_a_code_that_disagrees_with_the_name_gives_the_names_code_with_a_warning(
    written: str, cell: str
) -> None:
    result = read("coded.xlsx", _form(written))
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}
    assert _countries(result) == {("Kenya", "KEN")}
    assert_problem(result, "warning", cell, "the code UGA is “Uganda”'s, not “Kenya”'s (KEN)")


def test_a_made_up_name_with_a_known_code_takes_the_code_with_a_warning() -> None:
    result = read("coded.xlsx", _form("Elbonia (KEN)"))
    assert _countries(result) == {("Elbonia", "KEN")}
    assert_problem(result, "warning", "B1", "was given the ISO3 code KEN")


@pytest.mark.parametrize("written", ["Elbonia", "Quentra", "Elbonia (ELB)", "Belmora - draft"])
def test_made_up_names_read_as_before_without_new_problems(written: str) -> None:
    result = read("made-up.xlsx", _form(written))
    (key,) = by_assessment(result)
    assert key[0] in (written, "Belmora")
    assert not any("ISO3" in p.message or "countries" in p.message for p in result.problems)


def test_an_iso3_column_that_contradicts_a_known_name_is_put_right_with_a_warning() -> None:
    result = read("long.xlsx", _long([("Kenya", "UGA", LEVELS), ("Uganda", "UGA", OTHER)]))
    assert by_assessment(result) == {("Kenya", 2021, None): LEVELS, ("Uganda", 2021, None): OTHER}
    assert _countries(result) == {("Kenya", "KEN"), ("Uganda", "UGA")}
    assert_problem(result, "warning", "B2", "“UGA” is not “Kenya”'s code (KEN)")
    assert len(result.problems) == 1


@pytest.mark.parametrize(("written", "iso3"), [("Congo", "COD"), ("Guinea", "GNB")])
def test_a_short_name_of_the_iso3_codes_country_keeps_the_code_with_a_warning(
    written: str, iso3: str
) -> None:
    result = read("long.xlsx", _long([(written, iso3, LEVELS)]))
    assert _countries(result) == {(written, iso3)}
    assert_problem(result, "warning", "B2", f"whose ISO3 code {iso3} is given")


def test_two_countries_in_a_header_with_a_year_are_refused_at_its_cell() -> None:
    result = read("wide.xlsx", _wide("Kenya and Uganda 2023", "Ghana"))
    assert by_assessment(result) == {("Ghana", 2023, None): LEVELS}
    assert_problem(result, "error", "C3", "“Kenya” and “Uganda”")


@pytest.mark.parametrize("iso3", ["KEN", "ken", "", "XKX"])
def test_an_iso3_column_that_agrees_or_is_empty_says_nothing(iso3: str) -> None:
    result = read("long.xlsx", _long([("Kenya", iso3, LEVELS)]))
    assert by_assessment(result) == {("Kenya", 2021, None): LEVELS}
    if iso3 != "XKX":
        assert _countries(result) == {("Kenya", "KEN")}
        assert not result.problems, result.problems


@pytest.mark.parametrize("header", ["Уровень", "المستوى", "Оценка 2023"])
def test_a_level_column_headed_in_another_script_is_not_the_country(header: str) -> None:
    result = read("form.xlsx", _form("Kazakhstan", header=header))
    assert by_assessment(result) == {("Kazakhstan", 2023, None): LEVELS}


@pytest.mark.parametrize("header", ["Уровень", "المستوى"])
def test_with_nothing_else_naming_the_country_none_is_invented_from_the_header(
    header: str,
) -> None:
    rows = [["No.", "Capability", header]] + [[n, TITLES[n], LEVELS[n]] for n in TITLES]
    result = read("form.xlsx", xlsx({"Sheet1": rows}))
    assert result.capabilities.empty
    assert any("No country is given" in p.message for p in errors(result))


def test_a_sheet_named_in_another_script_still_gives_the_country() -> None:
    rows = [["Страна", "Казахстан"], [], ["№", "Возможность", "Уровень"]]
    rows += [[n, TITLES[n], LEVELS[n]] for n in TITLES]
    result = read("kz.xlsx", xlsx({"Казахстан 2024": rows}))
    assert by_assessment(result) == {("Kazakhstan", 2024, None): LEVELS}
    assert_problem(result, "warning", None, "taken from the sheet name")
    assert_problem(result, "warning", "B1", "“Казахстан” (its name in Russian and Ukrainian)")


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("Country 001", "Country 001"),  # a name the app does not know: nothing to settle
        ("🇰🇪 Elbonia", "Elbonia"),  # a flag left out, nothing else to say
        ("Kenya", None),  # a country's: its ISO3 code checked, in each read
        ("Kenya (KEN)", None),  # a code beside the name: settled in each read
        ("Kenya and Uganda", None),  # two countries: refused, in each read
    ],
)
def test_a_name_with_nothing_to_settle_reads_the_same_in_every_read(written, plain):
    """Worked out once per name in the process (it depends on the name alone); a name with
    something to settle or say is settled in each read, its messages said each time."""
    from components.ingest.country_names import _plain

    assert _plain(written) == plain
    assert _plain(written) == plain
    rows = [["Country", "Year", "Capability", "Level"]]
    rows += [[written, 2024, TITLES[n], n % 5] for n in range(1, 22)]
    first, second = (read("long.xlsx", xlsx({"Data": rows})) for _ in range(2))
    assert by_assessment(first) == by_assessment(second)
    assert [p.message for p in first.problems] == [p.message for p in second.problems]
