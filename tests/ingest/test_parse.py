"""Reading a long table's rows: evidence, confidence and rounds kept, bad rows reported."""

from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import Workbook

from components.ingest.mapping import Mapping, mapping_for, preview_sheets
from components.ingest.reader import read_assessment_file
from components.ingest.report import summarise_assessments
from tests.ingest.reader_support import (
    ASSESSMENTS,
    EXPECTED,
    FW,
    TITLES,
    assert_problem,
    by_assessment,
    capability_written,
    enabler_levels,
    long_rows,
    per_sheet,
    read,
    xlsx,
)


def test_long_table_keeps_evidence_confidence_and_rounds():
    rows = [
        ["Country", "ISO3", "Date", "Round", "Capability no", "Score", "Comments", "Confidence"],
        ["Arvenia", "xaa", "2023-03-31", "baseline", 1, 2, "a law", "HIGH"],
        ["Arvenia", "XAA", "2023-03-31", "baseline", 2, 3, None, None],
        ["arvenia ", "XAA", "2023-03-31", "review", 1, 4, None, "low"],
    ]
    result = read("rounds.xlsx", xlsx({"Data": rows}))
    assert result.problems == ()
    summary = summarise_assessments(result.capabilities)
    assert list(summary["round"]) == ["baseline", "review"]
    assert list(summary["assessed"]) == [2, 1]
    baseline = result.capabilities[result.capabilities["round"] == "baseline"].set_index(
        "capability"
    )
    assert (baseline.loc[1, "evidence"], baseline.loc[1, "confidence"]) == ("a law", "high")
    assert (baseline.loc[1, "date"], baseline.loc[1, "year"], baseline.loc[1, "iso3"]) == (
        "2023-03-31",
        2023,
        "XAA",
    )


def test_bad_rows_of_a_long_table_are_reported_and_the_rest_kept():
    rows = long_rows()
    rows[1][3] = 9  # Arvenia 2021, capability 1: level out of range
    rows[2][2] = "Budget lines"  # Arvenia 2021, capability 2: unknown capability
    rows[3][0] = None  # Arvenia 2021, capability 7: no country
    rows.append(["Arvenia", 2021, capability_written(12), 1, None, None])  # 12 again
    result = read("long.xlsx", xlsx({"Data": rows}))
    assert_problem(result, "error", "D2", "outside the scale", sheet="Data")
    assert_problem(result, "error", "C3", "not a capability", sheet="Data")
    assert_problem(result, "error", "A4", "no country", sheet="Data")
    # 12 with another level: neither row's level is kept
    first = next(i for i, row in enumerate(rows) if row[2] == capability_written(12)) + 1
    assert_problem(result, "error", f"D{first}, D{len(rows)}", "appears twice", sheet="Data")
    assert len(result.problems) == 4
    expected = dict(EXPECTED)
    expected[("Arvenia", 2021, None)] = {21: 0}
    assert by_assessment(result) == expected


def test_one_sheet_without_country_does_not_lose_the_others():
    sheets = {f"{c} {y}": per_sheet(c, y, g) for c, y, g in ASSESSMENTS}
    # The sheet's name gives no country either (a name that does is read, with a warning).
    sheets["2023"] = sheets.pop("Belmora 2023")
    sheets["2023"][2] = ["Country:", None]
    result = read("sheets.xlsx", xlsx(sheets))
    assert_problem(result, "error", "B3", "No country", sheet="2023")
    assert set(by_assessment(result)) == {("Arvenia", 2021, None), ("Arvenia", 2023, None)}


def test_enablers_in_a_long_table_of_capabilities_stay_with_their_assessment():
    rows = [*long_rows(), ["Arvenia", 2021, "E3", 2, None, None]]
    result = read("mixed.xlsx", xlsx({"Data": rows}))
    assert result.problems == ()
    assert enabler_levels(result)[("Arvenia", 2021, None)] == {3: 2}


LEVELS_A = {n: (n * 3) % 5 for n in range(1, 22)}


def _tick_rows(marks: dict[int, list[int]]) -> list[list]:
    """A form's rows: the capability's number and title, then a mark under each level given."""
    return [
        [n, capability_written(n), *("x" if v in marks.get(n, []) else None for v in range(5))]
        for n in range(1, 22)
    ]


def test_a_tick_form_reads_the_level_marked_in_each_row():
    scale = [f"{level.value} – {level.label}" for level in FW.scale.levels]
    marks = {n: [level] for n, level in LEVELS_A.items() if n != 4}  # 4 left unmarked
    rows = [["Elbonia – MNR self-assessment 2024"], [], ["No.", "Capability", *scale]]
    result = read("form.xlsx", xlsx({"Form": rows + _tick_rows(marks)}))
    assert by_assessment(result) == {
        ("Elbonia", 2024, None): {n: v for n, v in LEVELS_A.items() if n != 4}
    }
    assert not [p for p in result.problems if p.severity == "error"]


def test_a_tick_form_under_a_merged_level_header_with_two_marks_in_a_row():
    marks = {n: [level] for n, level in LEVELS_A.items()}
    marks[5] = [1, 2]
    rows = [
        ["Country", "Freedonia"],
        ["Year", 2023],
        [],
        ["Capability", "Level", None, None, None, None, "Comments"],
        [None, 0, 1, 2, 3, 4, None],
        *[
            [capability_written(n), *row[2:], "seen" if n == 2 else None]
            for n, row in zip(range(1, 22), _tick_rows(marks), strict=True)
        ],
    ]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Form"
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("B4:F4")
    buffer = BytesIO()
    workbook.save(buffer)
    result = read("ticks.xlsx", buffer.getvalue())
    assert by_assessment(result) == {
        ("Freedonia", 2023, None): {n: v for n, v in LEVELS_A.items() if n != 5}
    }
    assert_problem(result, "error", "C10", "marked at more than one level", sheet="Form")
    evidence = result.capabilities.set_index("capability").loc[2, "evidence"]
    assert evidence == "seen"


@pytest.mark.parametrize(
    ("second", "refused"),
    [
        # Two assessments of the same rows, with different levels, neither headed as the
        # settled one: the person chooses (a validated one is read: ``settled_levels``).
        ("Revised level", True),
        # The same levels again (a label and its number by formula): read.
        ("Level", False),
    ],
)
def test_two_level_columns_are_read_only_when_they_agree(second, refused):
    rows = [["Country", "Elbonia"], ["Year", 2024], [], ["No.", "Capability", "Level", second]]
    shifted = {n: v if not refused else min(4, v + 1) for n, v in LEVELS_A.items()}
    rows += [[n, capability_written(n), LEVELS_A[n], shifted[n]] for n in range(1, 22)]
    result = read("two.xlsx", xlsx({"Form": rows}))
    if refused:
        assert by_assessment(result) == {}
        assert_problem(result, "error", "C4", "Several columns are headed like the level")
    else:
        assert by_assessment(result) == {("Elbonia", 2024, None): LEVELS_A}


@pytest.mark.parametrize(
    ("header", "level_of", "words"),
    [
        ("Score (1-5)", lambda v: v + 1, "is headed as a scale of 1 to 5"),
        ("Level", lambda v: v + 1, "a scale of 1 to 5"),
        ("Level", lambda v: v / 4, "holds fractions"),
    ],
)
def test_a_level_column_on_another_scale_is_refused_not_misread(header, level_of, words):
    rows = [["Country", "Year", "Capability", header]]
    rows += [["Elbonia", 2022, n, level_of(v)] for n, v in LEVELS_A.items()]
    result = read("scale.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {}
    assert_problem(result, "error", "D1", words, sheet="Data")


def test_a_note_under_a_countries_as_rows_table_is_no_assessment():
    header = ["Country", "Year", *(capability_written(n) for n in range(1, 22))]
    rows = [header, ["Elbonia", 2023, *LEVELS_A.values()], ["Source: regional workshop 2023"]]
    rows.append(["Freedonia", 2023])  # named, but nothing assessed yet
    result = read("matrix.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {("Elbonia", 2023, None): LEVELS_A}
    assert_problem(result, "warning", "A4", "has no level in any capability's column")
    assert not [p for p in result.problems if p.cell == "A3"]


def test_a_country_and_year_merged_down_their_rows_belong_to_each_row():
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Data"
    sheet.append(["Country", "Year", "No.", "Level"])
    for first, country in ((2, "Elbonia"), (23, "Freedonia")):
        for n in range(1, 22):
            sheet.append([country if n == 1 else None, 2021 if n == 1 else None, n, LEVELS_A[n]])
        sheet.merge_cells(f"A{first}:A{first + 20}")
        sheet.merge_cells(f"B{first}:B{first + 20}")
    buffer = BytesIO()
    workbook.save(buffer)
    result = read("merged.xlsx", buffer.getvalue())
    assert by_assessment(result) == {
        ("Elbonia", 2021, None): LEVELS_A,
        ("Freedonia", 2021, None): LEVELS_A,
    }
    assert result.problems == ()


@pytest.mark.parametrize("second_levels", [{n: 4 - v for n, v in LEVELS_A.items()}, LEVELS_A])
def test_a_level_and_comments_pair_per_country_named_above(second_levels):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Review"
    sheet.append(["Regional MNR review 2023"])
    sheet.append([None, "Elbonia", None, "Freedonia", None])
    sheet.append(["Capability", "Level", "Comments", "Level", "Comments"])
    for n in range(1, 22):
        note = "a law" if n == 3 else None
        sheet.append([capability_written(n), LEVELS_A[n], note, second_levels[n], None])
    sheet.merge_cells("B2:C2")
    sheet.merge_cells("D2:E2")
    buffer = BytesIO()
    workbook.save(buffer)
    result = read("pairs.xlsx", buffer.getvalue())
    assert by_assessment(result) == {
        ("Elbonia", 2023, None): LEVELS_A,
        ("Freedonia", 2023, None): second_levels,
    }
    rows = result.capabilities.set_index(["country", "capability"])
    assert rows.loc[("Elbonia", 3), "evidence"] == "a law"
    assert not [p for p in result.problems if p.severity == "error"]


def test_tables_stacked_on_one_sheet_are_one_assessment_each_under_its_title():
    second = {n: 4 - v for n, v in LEVELS_A.items()}
    rows: list[list] = []
    for title, levels in (("Elbonia 2022", LEVELS_A), ("Freedonia - MNR review 2023", second)):
        rows += [[title], ["No.", "Capability", "Level"]]
        rows += [[n, capability_written(n), levels[n]] for n in range(1, 22)]
        rows += [[], []]
    result = read("stacked.xlsx", xlsx({"All": rows}))
    assert by_assessment(result) == {
        ("Elbonia", 2022, None): LEVELS_A,
        ("Freedonia", 2023, None): second,
    }
    assert not [p for p in result.problems if p.severity == "error"]
    assert_problem(result, "warning", "A26", "The country “Freedonia” was taken from the title")


def test_the_person_chooses_which_of_two_level_columns_to_read():
    validated = {n: min(4, v + 1) for n, v in LEVELS_A.items()}
    rows = [["Country", "Elbonia"], ["Year", 2024], []]
    rows += [["No.", "Capability", "Self-assessed level", "Validated level"]]
    rows += [[n, capability_written(n), LEVELS_A[n], validated[n]] for n in range(1, 22)]
    data = xlsx({"Form": rows})
    preview = preview_sheets("two.xlsx", data, FW)[0]
    chosen = {**preview.columns, "level": 3}  # D: the validated levels
    mapping = Mapping(sheets=(mapping_for(preview, preview.header_row, chosen),))
    result = read_assessment_file("two.xlsx", data, FW, mapping=mapping)
    assert by_assessment(result) == {("Elbonia", 2024, None): validated}
    assert result.problems == ()


@pytest.mark.parametrize(
    ("header", "truth_key"),
    [
        # "Level 2024" is the level of a year: the country comes from the label above
        ("Level 2024", ("Kenya", 2024, None)),
        ("Score 2024", ("Kenya", 2024, None)),
        ("Lvl", ("Kenya", 2023, None)),
    ],
)
def test_a_level_column_headed_with_its_year_is_no_country(header, truth_key):
    rows = [["Country", "Kenya"], ["Year", 2023], [], ["No.", "Capability", header]]
    rows += [[n, capability_written(n), LEVELS_A[n]] for n in range(1, 22)]
    result = read("level.xlsx", xlsx({"Form": rows}))
    assert by_assessment(result) == {truth_key: LEVELS_A}


def test_headers_with_iso_codes_and_years_name_the_countries():
    rows = [["No.", "Capability", "KEN-2023", "UGA_2023"]]
    rows += [[n, capability_written(n), LEVELS_A[n], 4 - LEVELS_A[n]] for n in range(1, 22)]
    result = read("codes.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {
        ("Kenya", 2023, None): LEVELS_A,
        ("Uganda", 2023, None): {n: 4 - v for n, v in LEVELS_A.items()},
    }
    assert set(result.capabilities["iso3"]) == {"KEN", "UGA"}


def test_an_enabler_titled_with_a_header_word_is_still_an_enabler():
    enablers = {e.number: e.title for e in FW.enablers}
    header = ["Country", "Year", *(capability_written(n) for n in range(1, 22)), *enablers.values()]
    rows = [header, ["Kenya", 2023, *LEVELS_A.values(), 1, 2, 3, 4, 0, 1, 2]]
    result = read("wide.xlsx", xlsx({"Data": rows}))
    levels = result.enablers.set_index("enabler")["level"]
    assert levels[7] == 2  # "Data and evidence on CSEA": not an Evidence column


@pytest.mark.parametrize("sheet_name", ["Enablers", "Facilitateurs", "Habilitadores"])
def test_an_enablers_sheet_named_in_another_language_joins_its_assessment(sheet_name):
    form = [["Pays", "Sénégal"], ["Année", 2023], [], ["N°", "Capacité", "Niveau"]]
    form += [[n, capability_written(n), LEVELS_A[n]] for n in range(1, 22)]
    enablers = [["N°", "Niveau"], *[[n, n % 5] for n in range(1, 8)]]
    result = read("modele.xlsx", xlsx({"Évaluation": form, sheet_name: enablers}))
    assert by_assessment(result) == {("Sénégal", 2023, None): LEVELS_A}
    assert dict(result.enablers.set_index("enabler")["level"]) == {n: n % 5 for n in range(1, 8)}


def test_an_empty_assessment_column_is_said_and_left_out():
    rows = [["No.", "Capability", "Kenya 2024", "Uganda 2024"]]
    rows += [[n, capability_written(n), LEVELS_A[n], None] for n in range(1, 22)]
    result = read("wide.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS_A}
    assert_problem(result, "warning", "D1", "has no levels; it was not read as an assessment")


ROMAN = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI",
    "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI",
]  # fmt: skip


@pytest.mark.parametrize(
    "rows",
    [
        # a long table, capabilities by numeral only
        [["Country", "Year", "Capability", "Level"]]
        + [["Kenya", 2023, ROMAN[n - 1], LEVELS_A[n]] for n in range(1, 22)],
        # countries across, the numerals in a column of their own
        [["", "Kenya 2023"]] + [[ROMAN[n - 1], LEVELS_A[n]] for n in range(1, 22)],
        # the numeral before each title
        [["Capability", "Kenya 2023"]]
        + [[f"{ROMAN[n - 1]}. {TITLES[n]}", LEVELS_A[n]] for n in range(1, 22)],
    ],
    ids=["long", "wide", "numeral-and-title"],
)
def test_capabilities_numbered_in_roman_numerals_are_read(rows):
    result = read("roman.xlsx", xlsx({"Scores": rows}))
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS_A}
    assert not [p for p in result.problems if p.severity == "error"]


@pytest.mark.parametrize(
    ("yes", "no"), [(True, False), ("Yes", "No"), ("TRUE", "FALSE")], ids=["bool", "words", "text"]
)
def test_yes_or_no_beside_the_capabilities_is_said_to_be_no_level(yes, no):
    rows = [["Capability", "Kenya 2022", "Uganda 2022"]]
    rows += [[TITLES[n], yes if n % 2 else no, no] for n in range(1, 22)]
    result = read("ticks.xlsx", xlsx({"Sheet1": rows}))
    assert result.capabilities.empty
    assert_problem(result, "warning", None, "(B1, C1) hold only yes or no (TRUE/FALSE, ticks)")


def test_a_survey_tool_export_with_question_paths_and_choice_names_is_read():
    # KoboToolbox's "XML values and headers" export: questions by their path through the
    # form's groups, answers by their choice names, countries by lower-case ISO codes.
    questions = [f"group_caps/cap_{n:02d}" for n in range(1, 22)]
    rows = [["start", "country", *questions, "_id", "_submission_time"]]
    rows.append(["2024-03-01T09:00", "ken", *(f"level_{LEVELS_A[n]}" for n in range(1, 22)),
                 1, "2024-03-01T10:05:00"])  # fmt: skip
    result = read("mnr_survey.xlsx", xlsx({"MNR_survey": rows}))
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS_A}
    assert set(result.capabilities["iso3"]) == {"KEN"}
    assert not [p for p in result.problems if p.severity == "error"]


def test_a_survey_export_with_grouped_country_and_year_questions_is_read_quietly():
    # KoboToolbox puts each question under its group's path, the country and year too; its
    # own columns (start, end, today, _uuid, _index) are left without a warning.
    questions = [f"group_caps/cap_{n:02d}" for n in range(1, 22)]
    heads = ["start", "end", "today", "group_meta/country", "group_meta/assessment_year"]
    rows = [[*heads, *questions, "_id", "_uuid", "_submission_time", "_index"]]
    for index, code in enumerate(["ind", "lka"]):
        levels = [f"level_{LEVELS_A[n]}" for n in range(1, 22)]
        rows.append(["2024-01-01T09:00", "2024-01-01T10:00", "2024-01-01", code, 2024, *levels,
                     index, "a1b2", "2024-01-01T10:00:00", index])  # fmt: skip
    result = read("mnr.xlsx", xlsx({"MNR": rows}))
    assert by_assessment(result) == {
        ("India", 2024, None): LEVELS_A,
        ("Sri Lanka", 2024, None): LEVELS_A,
    }
    assert result.problems == ()
