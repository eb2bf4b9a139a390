"""Headers reworded as people and tools write them: "Current maturity", "Survey year",
"country_iso3", "countryIso3", "C1_level"."""

import pytest

from components.ingest.matching import classify_header
from tests.ingest.reader_support import (
    FW,
    TITLES,
    assert_problem,
    by_assessment,
    errors,
    read,
    xlsx,
)

LEVELS_A = {n: n % 5 for n in range(1, 22)}
LEVELS_B = {n: (n + 2) % 5 for n in range(1, 22)}


@pytest.mark.parametrize(
    ("header", "field"),
    [
        # the level, named by a maturity or score word with "current"
        ("Current maturity", "level"),
        ("current_maturity", "level"),
        ("currentMaturity", "level"),
        ("Maturity (current)", "level"),
        ("Present rating", "level"),
        ("Maturité actuelle", "level"),
        ("Niveau de maturité actuel", "level"),
        ("Madurez actual", "level"),
        ("Nivel de madurez actual", "level"),
        ("Maturidade atual", "level"),
        ("Pontuação atual", "level"),
        # the country's code named with the country
        ("country_iso3", "iso3"),
        ("countryIso3", "iso3"),
        ("country.iso3", "iso3"),
        ("Country ISO", "iso3"),
        ("ISO3 du pays", "iso3"),
        ("País ISO3", "iso3"),
        # the year of a survey or study
        ("Survey year", "year"),
        ("Year of survey", "year"),
        ("Year of the survey", "year"),
        ("survey_year", "year"),
        ("surveyYear", "year"),
        ("Data year", "year"),
        ("Année de l'enquête", "year"),
        ("Année d'enquête", "year"),
        ("Año de la encuesta", "year"),
        ("Ano da pesquisa", "year"),
        ("Ano do inquérito", "year"),
        # the year of the assessment's own steps
        ("Year of validation", "year"),
        ("Validation year", "year"),
        ("year_validated", "year"),
        ("Year of self-assessment", "year"),
        ("Self-assessment year", "year"),
        ("Submission year", "year"),
        ("Year of reporting", "year"),
        ("Year assessed", "year"),
        ("Année de validation", "year"),
        ("Año de validación", "year"),
        ("Ano de validação", "year"),
        # tools' names of columns the vocabulary already knows
        ("assessmentYear", "year"),
        ("countryName", "country"),
        # the level reached, retained or final, as French, Spanish and Portuguese forms head it
        ("Niveau retenu", "level"),
        ("Niveau atteint", "level"),
        ("Niveau obtenu", "level"),
        ("Score final", "level"),
        ("Note finale", "level"),
        ("Nivel alcanzado", "level"),
        ("Nivel obtenido", "level"),
        ("Puntuación final", "level"),
        ("Nível atingido", "level"),
        ("Pontuação final", "level"),
        ("Agreed level", "level"),
        ("Final note", None),  # an English closing remark, not a grade
        # never the level or the year: a level to reach or from before, another year
        ("Target maturity", None),
        ("Previous maturity", None),
        ("Maturité cible", None),
        ("Madurez deseada", None),
        ("Year of adoption", None),
        ("Year of birth", None),
        ("Target year", None),
        ("RAG status", None),
        # a capability's own column of levels, as SPSS and R name it
        ("C1_level", None),
        ("cap_07_score", None),
        ("E3_rating", None),
    ],
)
def test_a_reworded_header_names_its_column(header, field):
    assert classify_header(header) == field


@pytest.mark.parametrize(
    ("current", "target"),
    [
        ("Current maturity", "Target maturity"),
        ("Maturité actuelle", "Maturité cible"),
        ("Madurez actual", "Madurez deseada"),
        ("current_maturity", "target_maturity"),
    ],
)
def test_a_tracker_with_current_and_target_maturity_reads_the_current_levels(current, target):
    rows = [["Country", "Year", "Capability", current, target, "Owner"]]
    for country, levels in (("Bangladesh", LEVELS_A), ("Cambodia", LEVELS_B)):
        rows += [[country, 2022, TITLES[n], levels[n], 4, "MoWCA"] for n in range(1, 22)]

    result = read("tracker.xlsx", xlsx({"Tracker": rows}))

    assert by_assessment(result) == {
        ("Bangladesh", 2022, None): LEVELS_A,
        ("Cambodia", 2022, None): LEVELS_B,
    }
    assert errors(result) == []


@pytest.mark.parametrize("year_header", ["Survey year", "Year of survey", "Année de l'enquête"])
def test_two_survey_years_of_a_stata_export_are_two_assessments(year_header):
    rows = [["Observation", "Country name", year_header, "Capability number", "Maturity level"]]
    for year, levels in ((2021, LEVELS_A), (2023, LEVELS_B)):
        rows += [[len(rows), "Ghana", float(year), float(n), float(levels[n])] for n in levels]

    result = read("stata.xlsx", xlsx({"Sheet1": rows}))

    assert by_assessment(result) == {
        ("Ghana", 2021, None): LEVELS_A,
        ("Ghana", 2023, None): LEVELS_B,
    }
    assert errors(result) == []


def test_rows_keyed_by_a_country_iso3_column_are_each_countrys_assessment():
    rows = [["country_iso3", "assessment_year", "capability_id", "maturity_level"]]
    for code, levels in (("PER", LEVELS_A), ("COL", LEVELS_B)):
        rows += [[code, 2022, f"cap_{n:02d}", levels[n]] for n in levels]

    result = read("r_export.xlsx", xlsx({"Sheet1": rows}))

    assert by_assessment(result) == {
        ("Peru", 2022, None): LEVELS_A,
        ("Colombia", 2022, None): LEVELS_B,
    }
    assert_problem(result, "warning", "A1", "“country_iso3”")


@pytest.mark.parametrize("header", ["C{n}_level", "cap_{n:02d}_score", "C{n}.level"])
def test_one_column_per_capability_named_as_spss_does_is_read(header):
    head = ["country", "year"] + [header.format(n=n) for n in range(1, 22)]
    rows = [head, ["Morocco", 2023] + [LEVELS_A[n] for n in range(1, 22)]]

    result = read("spss.xlsx", xlsx({"Data": rows}))

    assert by_assessment(result) == {("Morocco", 2023, None): LEVELS_A}
    assert errors(result) == []


@pytest.mark.parametrize(
    "year_header",
    ["Year of validation", "Validation year", "Year of self-assessment", "Reporting year", "FY"],
)
def test_a_member_state_table_reads_each_row_s_year_of_validation(year_header):
    headers = [f"{n}. {TITLES[n]}: {FW.capability(n).description}" for n in range(1, 22)]
    rows = [["Member State", year_header, *headers]]
    rows += [["Ethiopia", 2022, *LEVELS_A.values()], ["Zambia", 2021, *LEVELS_B.values()]]

    result = read("members.xlsx", xlsx({"Scores": rows}))

    assert by_assessment(result) == {
        ("Ethiopia", 2022, None): LEVELS_A,
        ("Zambia", 2021, None): LEVELS_B,
    }
    assert errors(result) == []
