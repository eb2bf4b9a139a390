"""Country and year from around the table: title lines, the sheet name, the file name.

A metadata label ("Reporting year", "Date of assessment", "Round") is never a country, title
words ("regional review", "bilan", "taller") are not part of one, and a real country's name
comes out whole.
"""

from __future__ import annotations

import pytest

from components.base.text import normalise
from components.ingest.context import _from_text, assessment_context
from components.ingest.limits import ReadLimits
from components.ingest.sheets import ReadContext, Sheet
from tests.ingest.reader_support import FW


@pytest.mark.parametrize(
    ("text", "country", "year"),
    [
        # a working sheet's name is no country
        ("Raw data", None, None),
        ("Calculations", None, None),
        ("Données", None, None),
        # a round is not part of the name; a two-year period is its first year
        ("Elbonia follow-up 2023", "Elbonia", 2023),
        ("Freedonia – Baseline assessment 2021", "Freedonia", 2021),
        ("Elbonia MNR review 2023/24", "Elbonia", 2023),
        ("FY2022-23 Freedonia baseline", "Freedonia", 2022),
        ("Elbonia 2022-2023", "Elbonia", 2022),
        ("Elbonia 2019-2023", "Elbonia", None),  # a range of years says no one year
        ("Elbonia 2023-05-01", "Elbonia", 2023),
        ("kenya_2021-22_mnr", "kenya", 2021),
        # a label with its value is not a country
        ("Reporting year 2025", None, 2025),
        ("Year 2024", None, 2024),
        ("Date of assessment 12 May 2023", None, 2023),
        ("Assessment year 2022", None, 2022),
        ("Année d'évaluation 2021", None, 2021),
        ("Prepared by the Ministry of Justice", None, None),
        ("State", None, None),
        # ... nor is a label after the name
        ("Freedonia reporting year 2025", "Freedonia", 2025),
        ("Elbonia, reporting year 2025", "Elbonia", 2025),
        ("Freedonia National Self-Assessment", "Freedonia", None),
        # title words around the name, in several languages
        ("Regional MNR review 2023", None, 2023),
        ("MNR progress report - final draft", None, None),
        ("National consultation workshop 2022", None, 2022),
        ("Rapport régional 2023", None, 2023),
        ("Bilan national Elbonie 2022", "Elbonie", 2022),
        ("Atelier de revue 2021", None, 2021),
        ("Revisión regional 2023 Elbonia", "Elbonia", 2023),
        ("Taller regional de balance 2020", None, 2020),
        ("Oficina regional – Brasil 2023", "Brasil", 2023),
        ("Revisão do progresso 2024", None, 2024),
        ("Mise à jour Elbonie 2024", "Elbonie", 2024),
        # real names come out whole
        ("Central African Republic - MNR review 2023", "Central African Republic", 2023),
        ("United Arab Emirates MNR review 2023", "United Arab Emirates", 2023),
        ("Dominican Republic national report 2022", "Dominican Republic", 2022),
        ("South Sudan – progress review 2021", "South Sudan", 2021),
        ("Republic of Korea MNR self-assessment 2024", "Republic of Korea", 2024),
        ("State of Palestine - MNR 2023", "State of Palestine", 2023),
        ("Estado Plurinacional de Bolivia 2022", "Estado Plurinacional de Bolivia", 2022),
        ("Republic of Elbonia – MNR Self-Assessment 2023", "Republic of Elbonia", 2023),
        ("Elbonia - MNR self-assessment 2024", "Elbonia", 2024),
        # a Buddhist-era year is its Gregorian year, as a date's is
        ("Thailand 2567", "Thailand", 2024),
        ("Thailand MNR review พ.ศ. 2566", "Thailand", 2023),
        ("Lao PDR 2566 B.E.", "Lao PDR", 2023),
    ],
)
def test_country_and_year_of_a_title(text, country, year):
    found = _from_text(text)
    assert (found.country, found.when.year) == (country, year)


@pytest.mark.parametrize("text", ["Criminal Justice", "Media and Communications 2023", "Victim"])
def test_a_domain_is_never_a_country(text):
    domains = frozenset(normalise(domain.name) for domain in FW.domains)
    assert _from_text(text, domains=domains).country is None


def _context(rows, table_top, sheet_name="Sheet1", file="assessment.xlsx"):
    ctx = ReadContext(file, FW, ReadLimits())
    sheet = Sheet(sheet_name, [tuple(row) for row in rows])
    return [(f.country, f.when.year, f.cell) for f in assessment_context(ctx, sheet, table_top)]


HEADER = (None, None, "Ref", "Capability", "Level")


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # the country in one line, the year in the next: both, each with its cell
        (
            [
                *[()] * 5,
                (None, None, "Freedonia National Self-Assessment"),
                (None, None, "Reporting year 2025"),
                HEADER,
            ],
            [("Freedonia", None, "C6"), (None, 2025, "C7")],
        ),
        # the year first, then the country
        (
            [("MNR self-assessment 2024",), ("Krakozhia",), HEADER],
            [(None, 2024, "A1"), ("Krakozhia", None, "A2")],
        ),
        # a line naming both says the most
        (
            [("Ministry of Interior",), ("Freedonia 2021",), HEADER],
            [("Freedonia", 2021, "A2")],
        ),
        # "Country: Elbonia" in one cell is a label (MetaReader's), not a title
        (
            [("Country: Elbonia",), ("Year: 2023",), HEADER],
            [],
        ),
        # a regional title names no country
        ([("Regional MNR review 2023",), HEADER], [(None, 2023, "A1")]),
    ],
    ids=["country then year", "year then country", "complete line", "labels", "regional"],
)
def test_title_lines(rows, expected):
    assert _context(rows, table_top=len(rows) - 1) == expected


@pytest.mark.parametrize(
    ("text", "country", "year"),
    [
        # a title word that begins a country's name stays in it
        ("New Zealand MNR review 2024", "New Zealand", 2024),
        ("Nueva Zelanda – autoevaluación 2024", "Nueva Zelanda", 2024),
        ("Papua New Guinea 2023", "Papua New Guinea", 2023),
        # which assessment a heading is about is no country, in every language
        ("Previous assessment (2021)", None, 2021),
        ("Current assessment 2024", None, 2024),
        ("Latest MNR review", None, None),
        ("Évaluation précédente 2021", None, 2021),
        ("Nouvelle évaluation 2024", None, 2024),
        ("Evaluación anterior (2021)", None, 2021),
        ("Avaliação anterior 2021", None, 2021),
        ("Avaliação atual 2024", None, 2024),
        ("Updated Ghana 2023", "Ghana", 2023),
    ],
)
def test_round_words_of_a_heading_are_never_a_country(text, country, year):
    found = _from_text(text)
    assert (found.country, found.when.year) == (country, year)


@pytest.mark.parametrize(
    ("stem", "country", "year"),
    [
        # a leftover word is no country
        ("MNR_upload", None, None),
        ("Ministry return 2023", None, 2023),
        ("s", None, None),
        ("submission 2024 final", None, 2024),
        ("scores_batch_2", None, None),
        # a country pycountry knows, by its name in the vocabulary's languages or its code
        ("kenya_mnr_2024", "Kenya", 2024),
        ("Nepal MNR", "Nepal", None),
        ("Sénégal auto-évaluation 2023", "Sénégal", 2023),
        ("Brasil autoavaliação 2022", "Brasil", 2022),
        ("Kenia 2024", "Kenia", 2024),
        ("GHA 2024", "GHA", 2024),
        # the project's made-up countries read as countries
        ("elbonia_mnr_2024", "Elbonia", 2024),
        ("Freedonia final v3", "Freedonia", None),
        ("Elbonie 2022", "Elbonie", 2022),
        ("Secretland 2021", "Secretland", 2021),
    ],
)
def test_a_file_name_gives_only_a_word_that_reads_as_a_country(stem, country, year):
    found = _from_text(stem, from_file=True)
    assert (found.country, found.when.year) == (country, year)


@pytest.mark.parametrize(
    "sheet_name",
    [
        "Kenya 2024 DRAFT v2",
        "Kenya 2024 v2",
        "Kenya 2024 (final)",
        "Kenya_2024_rev3",
        "Kenya 2024 V2.1",
    ],
)
def test_a_sheet_names_version_mark_does_not_hide_its_country(sheet_name):
    found = _from_text(sheet_name)
    assert (found.country, found.when.year) == ("Kenya", 2024)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # "Nam" is Vietnamese "Năm" (year) only when the words are no country's name
        ("Viet Nam", "Viet Nam"),
        ("Viet Nam MNR 2024", "Viet Nam"),
        ("Viet Nam – MNR progress note (September 2024)", "Viet Nam"),
        # a long title that begins with a country's name set apart
        ("Viet Nam – MNR progress note for the national steering committee (2024)", "Viet Nam"),
        ("Kenya – notes of the national steering committee on the MNR review, June 2024", "Kenya"),
        # the name the app knows, of a bilingual title's two
        ("République tunisienne / Republic of Tunisia", "Republic of Tunisia"),
        ("République tunisienne – Republic of Tunisia – MNR 2024", "Republic of Tunisia"),
        ("Elbonia MNR 2024", "Elbonia"),
        # a sentence is still no title
        ("Please fill in the levels for each capability below and send it back by May", None),
    ],
)
def test_a_titles_country_known_by_its_whole_name(text, country):
    assert _from_text(text).country == country


_ETHIOPIA = "Federal Democratic Republic of Ethiopia"
_UK = "United Kingdom of Great Britain and Northern Ireland"


@pytest.mark.parametrize(
    ("text", "country", "year"),
    [
        # a formal name, longer than most
        (f"{_ETHIOPIA} – MNR 2022", _ETHIOPIA, 2022),
        (f"{_UK} MNR 2021", _UK, 2021),
        ("Plurinational State of Bolivia 2023", "Plurinational State of Bolivia", 2023),
        # a country's word that is another language's label ("Nam", Vietnamese for year)
        ("Viet Nam – MNR 2024", "Viet Nam", 2024),
        # two languages: the part naming a country the app knows
        ("République tunisienne / Republic of Tunisia", "Republic of Tunisia", None),
        ("Ministry of Interior / Kenya 2024", "Kenya", 2024),
    ],
)
def test_formal_and_bilingual_names_in_a_title(text, country, year):
    found = _from_text(text)
    assert (found.country, found.when.year) == (country, year)


@pytest.mark.parametrize(
    ("stem", "country"),
    [
        # a small word that is also a country's ISO3 code (PER, AND, CAN, ARM) is the word
        ("P16_54_sheet_per_domain_header_footer", None),
        ("scores per domain", None),
        ("scores and levels", None),
        ("what we can do", None),
        # a code in capitals is a code
        ("MNR_PER_2024", "PER"),
        ("KEN 2023", "KEN"),
    ],
)
def test_a_file_names_small_word_is_no_country(stem, country):
    assert _from_text(stem, from_file=True).country == country
