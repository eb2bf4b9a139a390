"""A Country cell still holding a form's placeholder text ("Click or tap here to enter
text.") is no country given: an error, never a country."""

from __future__ import annotations

import pytest

from components.ingest.placeholders import is_placeholder
from tests.ingest.reader_support import assert_problem, by_assessment, read, xlsx

LEVELS = {n: n % 5 for n in range(1, 22)}


def _form(country: str, iso3: str | None = None) -> bytes:
    rows = [["Country", country], ["Year", 2024]]
    if iso3:
        rows.append(["ISO3", iso3])
    rows += [[], ["No.", "Capability", "Level"]]
    rows += [[n, None, level] for n, level in LEVELS.items()]
    return xlsx({"Assessment": rows})


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


@pytest.mark.parametrize("name", ["Kenya", "[Kenya]", "Elbonia", "Country Y Ltd", "Choose"])
def test_a_name_is_not_a_placeholder(name):
    assert not is_placeholder(name)
