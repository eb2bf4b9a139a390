"""Form questions that name the capability mid-sentence (components/ingest/forms.py): Microsoft
Forms' "How would you rate Leadership in your country?", one column per capability."""

from __future__ import annotations

import pytest

from components.ingest.reworded_headers import question_code
from tests.ingest.reader_support import (
    ASSESSMENTS,
    EXPECTED,
    LABELS,
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    errors,
    read,
    xlsx,
)

ALL = range(1, 22)


def ms_forms(question: str, country: str, name: bool = True) -> list[list[object]]:
    head = ["Id", "Start time", "Completion time", "Email", *(["Name"] if name else [])]
    rows: list[list[object]] = [[*head, country, "Year of assessment"]]
    rows[0] += [question.format(TITLES[n]) for n in ALL]
    for i, (place, year, given) in enumerate(ASSESSMENTS, 1):
        who = ["Chad Ofori"] if name else []
        answers = [f"{given[n]} - {LABELS[given[n]]}" if n in given else None for n in ALL]
        rows.append([i, "3/1/23 10:02", "3/1/23 10:40", f"u{i}@x.org", *who, place, year, *answers])
    return rows


@pytest.mark.parametrize(
    ("question", "country", "name"),
    [
        ("How would you rate {} in your country? (0 = Not in place ... 4 = Mature)", "Country", 1),
        ("How would you rate {} in your country?", "Which country are you reporting for?", 1),
        ("Is {} in place in your country?", "Which country are you reporting for?", 0),
        ("¿Cómo califica {} en su país?", "¿Qué país evalúa?", 0),
        ("Comment évaluez-vous {} dans votre pays ?", "Pays concerné", 1),
    ],
)
def test_a_question_naming_the_capability_mid_sentence_is_read(question, country, name):
    result = read("forms.xlsx", xlsx({"Sheet1": ms_forms(question, country, bool(name))}))
    assert by_assessment(result) == EXPECTED
    assert errors(result) == []


def test_a_question_naming_two_capabilities_is_not_read():
    rows = ms_forms("How would you rate {} in your country?", "Country")
    rows[0][7] = "How would you rate Leadership and Legislation in your country?"
    result = read("forms.xlsx", xlsx({"Sheet1": rows}))
    assert_problem(result, "error", "H1", "names capability 1 (Leadership) and capability 3")
    assert all(1 not in levels for levels in by_assessment(result).values())


def survey_export(headers: list[str], answers: list[str]) -> bytes:
    head = ["SubmissionDate", "country", "year", *headers, "KEY"]
    return csv_bytes([head, ["2023-06-01T10:22:31.000Z", "Malawi", 2023, *answers, "uuid:1"]])


SNAKE = {0: "not_in_place", 1: "building", 2: "developing", 3: "established", 4: "mature"}


@pytest.mark.parametrize("group", ["mnr-", "group_mnr-", "mnr/", ""])
def test_odk_snake_case_names_in_a_group_are_read(group):
    headers = [group + TITLES[n].lower().replace(" ", "_").replace(",", "") for n in ALL]
    result = read("odk.csv", survey_export(headers, [SNAKE[n % 5] for n in ALL]))
    assert by_assessment(result) == {("Malawi", 2023, None): {n: n % 5 for n in ALL}}
    assert errors(result) == []


@pytest.mark.parametrize("group", ["Policy and Governance/", "Section 1/", "Groupe A/"])
def test_kobo_label_paths_are_read_by_their_last_part(group):
    headers = [f"{group}{n}. {TITLES[n]}" for n in ALL]
    result = read("kobo.csv", survey_export(headers, [f"{n % 5} - {LABELS[n % 5]}" for n in ALL]))
    assert by_assessment(result) == {("Malawi", 2023, None): {n: n % 5 for n in ALL}}
    assert errors(result) == []


def test_a_path_whose_group_names_a_capability_is_not_guessed():
    headers = [f"{n}. {TITLES[n]}" for n in ALL]
    headers[2] = "Research, Analysis and Monitoring/Legislation"
    result = read("kobo.csv", survey_export(headers, [f"{n % 5} - {LABELS[n % 5]}" for n in ALL]))
    assert 3 not in by_assessment(result)[("Malawi", 2023, None)]


KOBO_SYSTEM = ["_id", "_uuid", "_submission_time", "_validation_status", "_index"]


@pytest.mark.parametrize("make", ["csv", "xlsx"])
@pytest.mark.parametrize(
    "name",
    [
        "grp_pg/c{:02d}_level",  # KoboToolbox: the group's path, the code, a level word
        "grp_pg/c{}_score",
        "section_a/cap_{:02d}_rating",
        "grp_pg-c{:02d}_level",  # ODK Central's "-" between group and question
        "mnr_c{}",  # SurveyCTO: the form's prefix before the code
        "mnr_c{:02d}_level",
        "grp_pg/c{:02d}",
    ],
)
@pytest.mark.parametrize("values", ["numbers", "names"])
def test_a_form_tool_s_question_names_name_their_capability(name, values, make):
    """Kobo's system columns after the answers ("_id" holds 300014343) are never read as the
    capabilities, nor as anything else."""
    head = ["start", "end", "today", "grp_intro/country", *(name.format(n) for n in ALL)]
    rows: list[list[object]] = [[*head, *KOBO_SYSTEM]]
    for i, (place, year, given) in enumerate(ASSESSMENTS):
        answers = [
            None if n not in given else given[n] if values == "numbers" else SNAKE[given[n]]
            for n in ALL
        ]
        stamp = f"{year}-05-02T10:00:00.000+01:00"
        rows.append([stamp, stamp, f"{year}-05-02", place, *answers, 300014343 + i, f"u{i}"])
        rows[-1] += [f"{year}-05-02T10:01:00", None, i + 1]
    data = csv_bytes(rows) if make == "csv" else xlsx({"MNR": rows})
    result = read(f"kobo.{make}", data)
    assert by_assessment(result) == EXPECTED
    assert errors(result) == []
    assert not any("300014343" in p.message for p in result.problems)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("grp_pg/c01_level", ("c01", True)),
        ("grp_media/c21_level", ("c21", True)),
        ("grp_pg-c01_level", ("c01", True)),
        ("mnr_c1", ("c1", True)),
        ("group_caps/cap_07", ("cap_07", True)),
        ("c01_level", ("c01", False)),
        ("c1", ("c1", False)),
        # Not a question name: words with spaces, another field, a tool's own column.
        ("MNR C01 Leadership - level", None),
        ("grp_pg/c01_comment", None),
        ("_id", None),
        ("country_code", None),
        ("q1_level", None),
    ],
)
def test_what_a_question_name_codes(text, code):
    assert question_code(text) == code
