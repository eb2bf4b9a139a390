"""A Country cell still holding a form's placeholder text ("Click or tap here to enter
text.") is no country given: an error, never a country."""

from __future__ import annotations

import pytest

from components.ingest.country_placeholders import is_placeholder, is_stand_in
from tests.ingest.reader_support import assert_problem, by_assessment, read, xlsx

LEVELS = {n: n % 5 for n in range(1, 22)}


def _rows(country: str, iso3: str | None = None) -> list[list[object]]:
    rows: list[list[object]] = [["Country", country], ["Year", 2024]]
    if iso3:
        rows.append(["ISO3", iso3])
    rows += [[], ["No.", "Capability", "Level"]]
    return rows + [[n, None, level] for n, level in LEVELS.items()]


def _form(country: str, iso3: str | None = None) -> bytes:
    return xlsx({"Assessment": _rows(country, iso3)})


@pytest.mark.parametrize(
    "placeholder",
    [
        "Click or tap here to enter text.",
        "Click here to enter text.",
        "Choose an item.",
        "Enter text here",
        "[Country]",
        "[Insert country]",
        "Country X",
        "Type here",
        "Cliquez ou appuyez ici pour entrer du texte.",
        "Haga clic o pulse aquí para escribir texto.",
        "Clique ou toque aqui para inserir o texto.",
    ],
)
def test_a_placeholder_in_the_country_cell_is_no_country_given(placeholder):
    result = read("form.xlsx", _form(placeholder))
    assert by_assessment(result) == {}
    assert_problem(result, "error", "B1", "No country is given on sheet “Assessment”")
    assert_problem(result, "error", "B1", f"placeholder text “{placeholder}”")


def test_a_prompt_in_angle_brackets_is_no_country_given():
    result = read("form.xlsx", _form("<Country name>"))
    assert by_assessment(result) == {}
    assert_problem(result, "error", "B1", "No country is given on sheet “Assessment”")


def test_a_placeholder_with_an_iso3_code_takes_the_codes_country():
    result = read("form.xlsx", _form("Click or tap here to enter text.", iso3="KEN"))
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS}
    assert not [p for p in result.problems if p.severity == "error"]


@pytest.mark.parametrize(
    "name",
    ["Kenya", "[Kenya]", "Elbonia", "Country Y Ltd", "Choose", "Xiamen", "Country of Origin Land"],
)
def test_a_name_is_not_a_placeholder(name):
    assert not is_placeholder(name)


@pytest.mark.parametrize(
    "text", ["Country X", "[Country name]", "yyyy", "XXXX", "Nom du pays", "Pays X", "País X"]
)
def test_a_template_prompt_is_a_placeholder(text):
    assert is_placeholder(text)


@pytest.mark.parametrize("country", ["Country X", "[Country]", "XXXX", "Pays X"])
def test_a_placeholder_beside_a_real_assessment_leaves_that_one_read(country):
    book = {"Data": _rows(country), "Uganda": _rows("Uganda")}
    result = read("book.xlsx", xlsx(book))
    assert by_assessment(result) == {("Uganda", 2024, None): LEVELS}
    assert_problem(result, "error", "B1", "No country is given on sheet “Data”")


@pytest.mark.parametrize(
    ("text", "stand_in"),
    [
        ("Country A", True),
        ("Country K", True),
        ("Pays B", True),
        ("País C", True),
        ("Economy D", True),
        ("Member State E", True),
        ("Country 3 (anonymised)", True),
        ("Anonymous country 4", True),
        ("Country 3", False),  # a made-up name of a test or a demo as often
        ("Country X", True),  # a stand-in among others; a form's prompt alone (above)
        ("Kenya", False),
        ("Country of assessment", False),
    ],
)
def test_an_anonymised_countrys_stand_in_is_told_from_a_name(text, stand_in):
    assert is_stand_in(text) is stand_in


def _annex(names: list[str], *, iso3: dict[str, str] | None = None) -> list[list[object]]:
    """A donor report's annex: one row per country, the countries anonymised."""
    head = ["Country", "ISO3", "Year", *(f"C{n}" for n in LEVELS)]
    rows: list[list[object]] = [["Annex 3 – levels (anonymised at governments' request)"], head]
    for index, name in enumerate(names):
        code = (iso3 or {}).get(name)
        rows.append([name, code, 2023, *((n + index) % 5 for n in LEVELS)])
    return rows


@pytest.mark.parametrize(
    "names",
    [
        [f"Country {letter}" for letter in "ABCDEFGHJK"],
        ["Pays A", "Pays B", "Pays C"],
        ["País A", "País B"],
        ["Country A"],
        [f"Country {n} (anonymised)" for n in range(1, 6)],
    ],
)
def test_anonymised_countries_are_refused_with_one_error_saying_why(names):
    result = read("annex.xlsx", xlsx({"Annex 3": _annex(names)}))
    assert by_assessment(result) == {}
    refused = [p for p in result.problems if p.severity == "error"]
    assert len(refused) == 1
    assert "are anonymised" in refused[0].message
    assert refused[0].cell == "A3"
    assert f"“{names[0]}”" in refused[0].message


def test_anonymised_countries_in_columns_are_refused():
    rows = [["No.", "Capability", "Country A", "Country B", "Country C"]]
    rows += [[n, None, level, (level + 1) % 5, (level + 2) % 5] for n, level in LEVELS.items()]
    result = read("annex.xlsx", xlsx({"Annex": rows}))
    assert by_assessment(result) == {}
    assert_problem(result, "error", "C1", "are anonymised: “Country A”, “Country B” and")


def test_a_stand_in_with_its_iso3_code_is_that_country_and_real_countries_are_kept():
    names = ["Kenya", "Country A", "Country B"]
    result = read("annex.xlsx", xlsx({"Annex": _annex(names, iso3={"Country B": "UGA"})}))
    assert set(by_assessment(result)) == {("Kenya", 2023, None), ("Uganda", 2023, None)}
    assert_problem(result, "error", "A4", "are anonymised: “Country A” stands for a country")
