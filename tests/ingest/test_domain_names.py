"""A sheet named after a domain (in any language the framework's domain aliases give) is the
domain's sheet, never a country or a region: its country comes from the cover or the other
sheets, or the person is asked for a Country label."""

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, errors, read, xlsx

INDUSTRY = (16, 17, 18, 19)


def _domain_sheet() -> list[list]:
    return [["Capability", "Level"]] + [[TITLES[n], n % 5] for n in INDUSTRY]


@pytest.mark.parametrize(
    "name",
    [
        "Industria",
        "Indústria",
        "Industrie",
        "Media",
        "Medios",
        "Médias",
        "Policy & Governance",
        "Justicia penal",
        "Víctimas",
        "Vítimas",
        "Sociedad",
        "Sociétal",
    ],
)
def test_a_sheet_named_after_a_domain_takes_the_country_of_the_cover(name):
    cover = [["País:", "Colombia"], ["Fecha:", 2023]]
    result = read("mnr.xlsx", xlsx({"Portada": cover, name: _domain_sheet()}))
    assert by_assessment(result) == {("Colombia", 2023, None): {n: n % 5 for n in INDUSTRY}}
    assert_problem(result, "warning", None, "“Colombia” and the year 2023 of sheet(s)")
    assert not errors(result)
    assert not [p for p in result.problems if "region" in p.message]


def test_a_domain_sheet_without_a_country_anywhere_asks_for_a_country_label():
    result = read("mnr.xlsx", xlsx({"Industria": _domain_sheet()}))
    assert by_assessment(result) == {}
    assert_problem(result, "error", None, "No country is given on sheet “Industria”")
    assert "Country label" in errors(result)[0].fix
    assert not [p for p in result.problems if "taken from the sheet name" in p.message]
