"""Which role a column plays: a form's questions about capabilities, the country asked in a
sentence, an average level, scorers and their consensus, targets, statistics and a Status
column beside the levels."""

from __future__ import annotations

import datetime

import pytest

from components.ingest.column_roles import (
    asks_country,
    header_item,
    is_consensus,
    is_scorer,
    is_summary_column,
    is_target,
)
from components.ingest.mapping import Mapping, mapping_for, preview_sheets
from components.ingest.matching import capability_catalogue, classify_header
from components.ingest.reader import read_assessment_file
from tests.ingest.reader_support import (
    FW,
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    errors,
    read,
    xlsx,
)

ALL = range(1, 22)
GHANA = {n: (n * 3) % 5 for n in ALL}
NEPAL = {n: (n * 4 + 1) % 5 for n in ALL}
PERU = {n: (n + 2) % 5 for n in ALL}
CAPABILITIES = capability_catalogue(FW)


# --- the header alone ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "number"),
    [
        ("1. Leadership – current level", 1),
        ("Level of Leadership", 1),
        ("Leadership level", 1),
        ("Leadership - rating", 1),
        ("Level of Child Helpline", 11),
        ("Niveau de Legislation", 3),
        ("Rate each capability - Legislation", 3),
        ("Rate each capability [Child Helpline]", 11),
        ("Level C3", 3),
        # a level's own column, another column about the capability, or nothing
        ("Level 2", None),
        ("Level 1 - Building", None),
        ("Score (0-4)", None),
        ("Level", None),
        ("1. Leadership – comments", None),
        ("Kenya", None),
    ],
)
def test_a_header_names_a_capability_despite_the_form_wording(header, number):
    assert header_item(header, CAPABILITIES) == number


@pytest.mark.parametrize(
    ("header", "asked"),
    [
        ("Which country are you reporting for?", True),
        ("Country of assessment", True),
        ("Select your country", True),
        ("Pays concerné", True),
        ("Quel pays ?", True),
        ("País evaluado", True),
        ("¿Cuál es su país?", True),
        ("Qual é o seu país?", True),
        ("Country", False),  # the vocabulary's own header, not a question
        ("Country code", False),
        ("Countries at 3+", False),
        ("Which capability is weakest?", False),
    ],
)
def test_a_header_asking_for_the_country(header, asked):
    assert asks_country(header) is asked


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Regional mean", "summary"),
        ("Regional average", "summary"),
        ("Moyenne régionale", "summary"),
        ("Promedio regional", "summary"),
        ("Média regional", "summary"),
        ("Median 2025", "summary"),
        ("Countries at 3+", "summary"),
        ("Target 2027", "target"),
        ("Target", "target"),
        ("Objectif 2027", "target"),
        ("Meta 2027", "target"),
        ("Alvo", "target"),
        ("Assessor 1", "scorer"),
        ("Évaluateur 2", "scorer"),
        ("Evaluador 3", "scorer"),
        ("Avaliador 1", "scorer"),
        ("Group B", "scorer"),
        ("Expert 2 level", "scorer"),
        ("Average", "consensus"),
        ("Consensus", "consensus"),
        ("Final score", "consensus"),
        ("Moyenne", "consensus"),
        ("Promedio", "consensus"),
        # countries stay countries, whatever words their names hold
        ("Kenya", None),
        ("Saint Vincent and the Grenadines", None),
        ("Bosnia and Herzegovina 2023", None),
        ("Kenya – Baseline", None),
        ("group_caps/cap_01", None),  # a form tool's field name, not a group of scorers
    ],
)
def test_columns_that_are_no_assessment(header, role):
    roles = {
        "summary": is_summary_column(header),
        "target": is_target(header),
        "scorer": is_scorer(header),
        "consensus": is_consensus(header),
    }
    assert [name for name, found in roles.items() if found and name == role] == (
        [role] if role else []
    )
    if role is None:
        assert not any(roles.values())


@pytest.mark.parametrize(
    "header", ["Niveau moyen", "Nivel promedio", "Nível médio", "Mean level", "Average level"]
)
def test_an_average_level_is_headed_like_the_level(header):
    assert classify_header(header) == "level"


# --- an online form's export: one response a row, a question per capability ---------------


def _form(questions, country_header="Country", respondents=3):
    people = [("Ghana", GHANA), ("Nepal", NEPAL), ("Peru", PERU)][:respondents]
    rows = [["ID", "Start time", "Email", country_header, *(questions(n) for n in ALL)]]
    for i, (country, given) in enumerate(people, 1):
        start = datetime.datetime(2024, 3, i, 9, 30)
        rows.append([i, start, "anonymous", country, *(given[n] for n in ALL)])
    return rows


QUESTIONS = {
    "number, title, level": lambda n: f"{n}. {TITLES[n]} – current level",
    "level of title": lambda n: f"Level of {TITLES[n]}",
    "title level": lambda n: f"{TITLES[n]} level",
    "title - rating": lambda n: f"{TITLES[n]} - rating",
    "niveau de title": lambda n: f"Niveau de {TITLES[n]}",
    "qualtrics text": lambda n: f"Rate each capability - {TITLES[n]}",
}


@pytest.mark.parametrize("questions", QUESTIONS.values(), ids=QUESTIONS.keys())
@pytest.mark.parametrize(
    "country_header",
    ["Country", "Which country are you reporting for?", "Country of assessment", "Pays concerné"],
)
def test_a_form_export_reads_one_assessment_per_response(questions, country_header):
    result = read("responses.xlsx", xlsx({"Form1": _form(questions, country_header)}))
    found = {key[0]: levels for key, levels in by_assessment(result).items()}
    assert found == {"Ghana": GHANA, "Nepal": NEPAL, "Peru": PERU}
    assert not errors(result)


def test_a_form_export_takes_its_year_from_the_sheet_name():
    rows = [["ID", "Country", *(f"Level of {TITLES[n]}" for n in ALL)]]
    rows += [[1, "Ghana", *GHANA.values()], [2, "Nepal", *NEPAL.values()]]
    result = read("responses.xlsx", xlsx({"Responses 2024": rows}))
    assert by_assessment(result) == {("Ghana", 2024, None): GHANA, ("Nepal", 2024, None): NEPAL}
    assert_problem(result, "warning", None, "The year 2024 was taken from the sheet name")


def test_a_form_export_keeps_notes_questions_out_of_the_levels():
    rows = [["ID", "Country"]]
    for n in ALL:
        rows[0] += [f"{n}. {TITLES[n]} – current level", f"{n}. {TITLES[n]} – comments"]
    rows.append([1, "Ghana"])
    for n in ALL:
        rows[1] += [GHANA[n], "see the annual report"]
    result = read("responses 2024.xlsx", xlsx({"Form1": rows}))
    assert by_assessment(result) == {("Ghana", 2024, None): GHANA}
    assert not errors(result)
    # Read as the online-form export it is: the notes questions are said not to be read.
    said = [p for p in result.problems if "– comments" in p.message and "not read" in p.message]
    assert said
    assert_problem(result, "warning", "D1", "columns of notes beside the capabilities")


def test_a_form_export_without_a_country_column_says_so():
    rows = [["ID", "Email", *(f"Level of {TITLES[n]}" for n in ALL)]]
    rows += [[i, "anonymous", *GHANA.values()] for i in (1, 2, 3)]
    result = read("responses.xlsx", xlsx({"Form1": rows}))
    assert by_assessment(result) == {}
    assert_problem(result, "warning", None, "no column is headed Country")
    assert not [p for p in result.problems if "(A1)" in p.message]


def test_a_qualtrics_export_with_three_header_rows():
    ids = ["StartDate", "EndDate", "Status", "ResponseId", "Q1", *(f"Q2_{n}" for n in ALL)]
    text = ["Start Date", "End Date", "Response Type", "Response ID", "Country"]
    text += [f"Rate each capability - {TITLES[n]}" for n in ALL]
    imports = ['{"ImportId":"startDate"}', '{"ImportId":"endDate"}', '{"ImportId":"status"}']
    imports += ['{"ImportId":"_recordId"}', '{"ImportId":"QID1"}']
    imports += [f'{{"ImportId":"QID2_{n}"}}' for n in ALL]
    rows = [ids, text, imports]
    for country, given in (("Jordan", GHANA), ("Philippines", NEPAL)):
        day = "2024-02-11 08:01:02"
        rows.append([day, day, "IP Address", "R_1abc", country, *given.values()])
    result = read("qualtrics.csv", csv_bytes(rows))
    found = {(key[0], key[1]): levels for key, levels in by_assessment(result).items()}
    assert found == {("Jordan", 2024): GHANA, ("Philippines", 2024): NEPAL}
    assert not errors(result)


def test_a_kobo_field_name_with_a_group_prefix_is_a_capability_column():
    rows = [["start", "country", *(f"group_caps/cap_{n:02d}" for n in ALL), "_id"]]
    rows += [["2024-03-01", "Ghana", *GHANA.values(), 1001]]
    result = read("kobo.xlsx", xlsx({"MNR_survey": rows}))
    assert {key[0]: levels for key, levels in by_assessment(result).items()} == {"Ghana": GHANA}


# --- an average level ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "sep"),
    [
        (["Pays", "Année", "Capacité", "Niveau moyen"], ";"),
        (["País", "Año", "Capacidad", "Nivel promedio"], ";"),
        (["País", "Ano", "Capacidade", "Nível médio"], ";"),
        (["Country", "Year", "Capability", "Mean level"], ","),
    ],
)
def test_an_average_level_column_is_the_level_of_a_long_table(headers, sep):
    rows = [headers] + [["Peru", 2023, n, f"{PERU[n]}.5" if n == 5 else PERU[n]] for n in ALL]
    result = read("averages.csv", csv_bytes(rows, sep=sep))
    assert by_assessment(result) == {
        ("Peru", 2023, None): {n: v for n, v in PERU.items() if n != 5}
    }
    assert_problem(result, "error", "D6", "for Peru 2023: “2.5” is not a whole number")


@pytest.mark.parametrize("average", ["Average level", "Niveau moyen", "Nivel promedio"])
def test_an_average_level_right_of_the_countries_is_no_country(average):
    rows = [["Capability", "Ghana", "Nepal", average]]
    rows += [[TITLES[n], GHANA[n], NEPAL[n], (GHANA[n] + NEPAL[n]) / 2] for n in ALL]
    result = read("snapshot 2024.xlsx", xlsx({"Snapshot": rows}))
    assert by_assessment(result) == {("Ghana", 2024, None): GHANA, ("Nepal", 2024, None): NEPAL}
    assert not errors(result)


# --- scorers and the level they settled on ------------------------------------------------


def _workshop(scorers, settled):
    rows = [["Country: Peru"], ["Workshop 2022"], []]
    rows.append(["No.", "Capability", *scorers, *([settled] if settled else [])])
    for n in ALL:
        views = [PERU[n], PERU[n], (PERU[n] + 1) % 5 if n % 7 == 0 else PERU[n]][: len(scorers)]
        agreed = [sum(views) / len(views)] if settled else []
        rows.append([n, TITLES[n], *views, *agreed])
    return rows


@pytest.mark.parametrize(
    ("scorers", "settled"),
    [
        (["Assessor 1", "Assessor 2", "Assessor 3"], "Average"),
        (["Évaluateur 1", "Évaluateur 2", "Évaluateur 3"], "Moyenne"),
        (["Evaluador 1", "Evaluador 2", "Evaluador 3"], "Promedio"),
        (["Avaliador 1", "Avaliador 2", "Avaliador 3"], "Média"),
        (["Group A", "Group B", "Group C"], "Consensus"),
        (["Expert 1", "Expert 2", "Expert 3"], "Agreed level"),
    ],
)
def test_scorers_columns_give_one_assessment_read_from_their_average(scorers, settled):
    result = read("workshop.xlsx", xlsx({"Workshop": _workshop(scorers, settled)}))
    found = by_assessment(result)
    assert list(found) == [("Peru", 2022, None)]
    # the averages that are not whole (capabilities 7, 14, 21) are reported, not rounded
    assert found[("Peru", 2022, None)] == {n: v for n, v in PERU.items() if n % 7}
    assert_problem(result, "error", "F11", "is not a whole number")
    assert len(errors(result)) == 3


def test_scorers_without_a_settled_column_are_the_persons_choice():
    data = xlsx({"Workshop": _workshop(["Assessor 1", "Assessor 2"], None)})
    result = read("workshop.xlsx", data)
    assert by_assessment(result) == {}
    assert_problem(result, "error", "C4", "each hold one group's or scorer's levels")
    assert "“Assessor 2”" in errors(result)[0].message
    preview = preview_sheets("workshop.xlsx", data, FW)[0]
    chosen = {"capability": 1, "level": 3}  # D: the second assessor
    mapping = Mapping(sheets=(mapping_for(preview, 3, chosen),))
    chosen_read = read_assessment_file("workshop.xlsx", data, FW, mapping=mapping)
    assert by_assessment(chosen_read) == {("Peru", 2022, None): PERU}


# --- targets and statistics beside the assessments -----------------------------------------


@pytest.mark.parametrize("target", ["Target 2027", "Target", "Objectif 2027", "Meta 2027"])
def test_a_target_column_beside_rounds_is_no_assessment(target):
    rows = [["Nepal – MNR progress tracker"], []]
    rows.append(["No.", "Capability", "Baseline", "Endline", "Change", target])
    rows += [[n, TITLES[n], GHANA[n], NEPAL[n], NEPAL[n] - GHANA[n], 4] for n in ALL]
    result = read("tracker.xlsx", xlsx({"Tracker": rows}))
    assert by_assessment(result) == {
        ("Nepal", None, "Baseline"): GHANA,
        ("Nepal", None, "Endline"): NEPAL,
    }
    assert not errors(result)


@pytest.mark.parametrize(
    "statistic", ["Regional mean", "Regional average", "Moyenne régionale", "Countries at 3+"]
)
def test_a_statistics_column_right_of_the_countries_is_no_country(statistic):
    rows = [["MNR regional snapshot 2025"], []]
    rows.append(["No.", "Capability", "Ghana", "Bosnia and Herzegovina", "Min", statistic])
    for n in ALL:
        pair = (GHANA[n], NEPAL[n])
        rows.append([n, TITLES[n], *pair, min(pair), round(sum(pair) / 2 + 0.01, 2)])
    result = read("snapshot.xlsx", xlsx({"Snapshot": rows}))
    assert by_assessment(result) == {
        ("Ghana", 2025, None): GHANA,
        ("Bosnia and Herzegovina", 2025, None): NEPAL,
    }
    assert not errors(result)
    assert not [p for p in result.problems if statistic in p.message]


# --- a Status column of words beside the levels --------------------------------------------


@pytest.mark.parametrize(
    ("status", "level", "words"),
    [
        ("Status", "Level", ["Not started", "In progress", "On track", "Delayed", "Done"]),
        ("Status", "Maturity (0-4)", ["Red", "Amber", "Green", "Green", "Red"]),
        ("Current status", "Score", ["On track", "Behind", "At risk", "Done", "Blocked"]),
        ("Situação", "Nível", ["Em curso", "Concluído", "Atrasado", "Pendente", "Iniciado"]),
    ],
)
def test_a_status_column_of_words_left_of_the_levels(status, level, words):
    rows = [["Country", "Malawi"], ["Year", 2024], [], ["Capability", status, level, "Notes"]]
    rows += [[TITLES[n], words[n % 5], GHANA[n], None] for n in ALL]
    result = read("tracker.xlsx", xlsx({"Tracker": rows}))
    assert by_assessment(result) == {("Malawi", 2024, None): GHANA}
    assert result.problems == ()
