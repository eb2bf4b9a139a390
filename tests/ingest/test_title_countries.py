"""A title line or a sheet name that is not a country never becomes an assessment's country
(``components.ingest.title_countries``); one that names a country, real or made up, still does."""

from __future__ import annotations

import pytest

from components.ingest.title_countries import names_a_country
from tests.ingest.reader_support import FW, by_assessment, errors, read, xlsx

LEVELS = {1: 2, 2: 3, 3: 1}


def _form(title: str | None = None, country: str | None = None) -> list[list[object]]:
    rows: list[list[object]] = [[title], []] if title else []
    if country:
        rows.append(["Country", country])
    rows += [["Year", 2024], [], ["Capability", "Level"]]
    return rows + [[FW.capability(n).title, level] for n, level in LEVELS.items()]


# Words people put in a sheet's name or a title line that name no country: sections, teams,
# ministries, forms, people, in the vocabulary's four languages. Each was a phantom country.
NOT_COUNTRIES = [
    "Ministry of Interior",
    "Comments",
    "Validated",
    "Country team",
    "Mainland",
    "Island",
    "Criteria",
    "John Smith",
    "Maria Garcia",
    "Annexe",
    "Équipe nationale",
    "Gendarmerie nationale",
    "Ministère de la Justice",
    "Formulaire",
    "Copie",
    "Partie A",
    "Stratégie",
    "Jean Dupont",
    "Respuestas",
    "Policía Nacional",
    "Ministerio de Justicia",
    "Secretaría",
    "Justicia",
    "Estrategia",
    "Formulario",
    "Resultados finales",
    "Memoria",
    "Historia",
    "Respostas",
    "Reunião",
    "Ministério da Justiça",
    "Estratégia",
    "Formulário",
    "Tecnologia",
    "Categoria",
    "Ana Souza",
]


NO_COUNTRY = "does not name a country the app knows"
# Words that are a country's name in a language whose words the reader does not read: said.
_NOT_NAMING = {
    "Island": "names a country only as “Island”, Iceland's name in German",
    "Reunião": "names a country only as “Reunião”, Réunion's name in Brazilian Portuguese",
}


@pytest.mark.parametrize("name", NOT_COUNTRIES)
def test_a_sheet_name_that_is_no_country_refuses_the_assessment_naming_it(name):
    result = read("form.xlsx", xlsx({name: _form()}))
    assert by_assessment(result) == {}
    [error] = errors(result)
    assert error.sheet == name
    assert f"the sheet's name “{name}” {_NOT_NAMING.get(name, NO_COUNTRY)}" in error.message
    assert "was not used" in error.message
    assert "Country label" in error.fix
    assert "name the sheet after the country" in error.fix
    # Nothing says that the country was taken from the sheet's name.
    assert not [p for p in result.problems if "was taken from" in p.message]


# "Comments" alone above a table is a notes heading, not a title: refused as no country given.
NOT_COUNTRY_TITLES = [n for n in NOT_COUNTRIES if n != "Comments"]


@pytest.mark.parametrize("title", [*NOT_COUNTRY_TITLES, "Rapport du comité de pilotage"])
@pytest.mark.parametrize("sheet", ["Sheet1", "Feuil1", "Hoja1", "Planilha1"])
def test_a_title_that_is_no_country_refuses_the_assessment_naming_it(title, sheet):
    result = read("form.xlsx", xlsx({sheet: _form(title)}))
    assert by_assessment(result) == {}
    [error] = errors(result)
    assert error.cell == "A1"
    assert f"the title “{title}” {_NOT_NAMING.get(title, NO_COUNTRY)}" in error.message


@pytest.mark.parametrize(
    ("title", "sheet", "country"),
    [
        ("Ministry of Interior", "Kenya", "Kenya"),
        ("Ministère de l'Intérieur 2024", "Sénégal", "Sénégal"),
        ("Policía Nacional", "Honduras 2024", "Honduras"),
        ("Ministério da Justiça", "Moçambique", "Mozambique"),
        ("Self-assessment by John Smith", "Elbonia", "Elbonia"),
    ],
)
def test_a_title_that_is_no_country_gives_way_to_the_sheet_name(title, sheet, country):
    result = read("form.xlsx", xlsx({sheet: _form(title)}))
    assert by_assessment(result) == {(country, 2024, None): LEVELS}
    assert errors(result) == []


@pytest.mark.parametrize(
    ("title", "sheet"),
    [
        ("Kenya - MNR self-assessment", "Ministry of Interior"),
        ("Kenya", "Results"),
        ("Ministry of Interior", "Kenya"),
    ],
)
def test_a_country_cell_is_never_second_guessed(title, sheet):
    result = read("form.xlsx", xlsx({sheet: _form(title, country="Uganda")}))
    assert by_assessment(result) == {("Uganda", 2024, None): LEVELS}
    assert errors(result) == []


@pytest.mark.parametrize(
    ("sheet", "country"),
    [
        ("Kenya", "Kenya"),
        ("Kenya 2024", "Kenya"),
        ("Côte d'Ivoire", "Côte d'Ivoire"),
        ("Sénégal", "Sénégal"),
        ("Kenia", "Kenya"),
        ("Quénia", "Kenya"),
        ("Marruecos", "Morocco"),
        ("République du Kenya", "Kenya"),
        ("Brasil", "Brazil"),
        ("DRC", "Democratic Republic of the Congo"),
        ("Swaziland", "Eswatini"),
        ("Palestina", "Palestine"),
        ("Micronésie", "Micronesia"),
        ("Russia", "Russia"),
        ("Keyna", "Keyna"),
        ("Kosovo", "Kosovo"),
        ("Somaliland", "Somalia"),  # a part, filed under its country
        ("Казахстан", "Kazakhstan"),
        ("KEN", "Kenya"),
        ("Elbonia", "Elbonia"),
        ("Krakozhia 2025", "Krakozhia"),
        ("Secretland", "Secretland"),
        ("Republic of Elbonia", "Republic of Elbonia"),
        ("République d'Elbonie", "République d'Elbonie"),
    ],
)
def test_a_sheet_named_after_a_country_still_gives_it(sheet, country):
    result = read("form.xlsx", xlsx({sheet: _form()}))
    [(name, year, _)] = by_assessment(result)
    assert (name, year) == (country, 2024)
    assert errors(result) == []


def test_a_part_of_a_country_named_by_the_sheet_is_still_filed_under_it():
    result = read("form.xlsx", xlsx({"Zanzibar": _form()}))
    assert by_assessment(result) == {("Tanzania", 2024, "Zanzibar"): LEVELS}


@pytest.mark.parametrize(
    ("title", "country"),
    [
        ("Kenya - MNR self-assessment", "Kenya"),
        ("République du Sénégal – Auto-évaluation", "Senegal"),
        ("Autoevaluación de Honduras", "Honduras"),
        ("Autoavaliação - Moçambique", "Mozambique"),
        ("Elbonia National Self-Assessment", "Elbonia"),
    ],
)
def test_a_title_naming_a_country_still_gives_it(title, country):
    result = read("form.xlsx", xlsx({"Sheet1": _form(title)}))
    [(name, year, _)] = by_assessment(result)
    assert (name, year) == (country, 2024)
    assert errors(result) == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Elbonia", True),
        ("Freedonia", True),
        ("Krakozhstan", True),
        ("Kingdom of Arvenia", True),
        ("Türkiye", True),
        ("East Africa", True),  # a region: ``regions`` refuses it, saying so
        ("Maria Garcia", False),
        ("Georgia Brown", False),
        ("Gendarmerie", False),
        ("Policía", False),
        ("Série", False),
        ("Démocratie", False),
        ("Evidencia", False),
        ("Melhoria", False),
    ],
)
def test_what_names_a_country(name, expected):
    assert names_a_country(name) is expected


@pytest.mark.parametrize(
    "title",
    [
        "Εθνικό Μοντέλο Απόκρισης: αυτοαξιολόγηση",  # Greek, three words and more
        "การประเมินตนเองตามแบบจำลองการตอบสนองระดับชาติ (MNR)",  # Thai, run together
        "國家應對模式自我評估報告",  # Chinese, run together
        "Национальная модель реагирования — самооценка 2024",
    ],
)
def test_a_title_in_another_script_as_long_as_a_title_is_no_country(title):
    result = read("form.xlsx", xlsx({"Sheet1": _form(title)}))
    assert by_assessment(result) == {}
    assert [p for p in errors(result) if "No country is given" in p.message]
