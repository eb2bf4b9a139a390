"""Rows given twice because a column of years or countries was not read: that column named
(components/ingest/unread_columns), and what a sheet leaves out said (left_out, plan_sheet)."""

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, errors, read, xlsx

LEVELS_A = {n: n % 5 for n in range(1, 22)}
LEVELS_B = {n: (n + 2) % 5 for n in range(1, 22)}


@pytest.mark.parametrize(
    ("key", "header", "first", "second", "words", "fix"),
    [
        ("Country", "Survey wave", 2021, 2023, "which holds years (“2021”, “2023”)", "“Year”"),
        ("Country", "Jahr der Erhebung", "2021", "2023", "which holds years", "“Year”"),
        ("Year", "cc", "PER", "COL", "which holds countries (“COL”, “PER”)", "“ISO3”"),
        # Names alone under any heading are the country column (``country_columns``); a code
        # among them ("UGA" may be a word) leaves the column unread, and named.
        ("Year", "Member", "Kenia", "UGA", "which holds countries", "“Country”"),
    ],
)
def test_rows_told_apart_by_an_unread_column_name_it(key, header, first, second, words, fix):
    rows = [[key, header, "Capability", "Level"]]
    shared = "Arvenia" if key == "Country" else 2022
    for value, levels in ((first, LEVELS_A), (second, LEVELS_B)):
        rows += [[shared, value, TITLES[n], levels[n]] for n in levels]

    result = read("unread.xlsx", xlsx({"Sheet1": rows}))

    assert_problem(result, "error", "B1", f"They differ in the column headed “{header}”")
    assert_problem(result, "error", "B1", words)
    problem = next(p for p in errors(result) if p.cell == "B1")
    assert fix in problem.fix
    # one message for the column, not one per capability; no level of either assessment kept
    assert not any("appears twice" in p.message for p in result.problems)
    assert all(not levels for levels in by_assessment(result).values())


def test_a_row_typed_twice_is_still_said_per_row():
    rows = [["Country", "Year", "Capability", "Level"]]
    rows += [["Arvenia", 2022, TITLES[n], LEVELS_A[n]] for n in LEVELS_A]
    rows.append(["Arvenia", 2022, TITLES[3], 4])

    result = read("typo.xlsx", xlsx({"Sheet1": rows}))

    assert_problem(result, "error", "D4, D23", "appears twice for Arvenia")
    assert 3 not in by_assessment(result)[("Arvenia", 2022, None)]


def test_excel_table_level_columns_renamed_level2_are_refused_saying_so():
    rows = [["Country", "Bangladesh"], [], ["No.", "Capability", "Level", "Level2", "Notes"]]
    rows += [[n, TITLES[n], LEVELS_A[n], LEVELS_B[n], "seen"] for n in range(1, 22)]

    result = read("table.xlsx", xlsx({"Scores": rows}))

    assert by_assessment(result) == {}
    assert_problem(result, "error", "C3", "Excel renames a heading repeated in a table")
    problem = next(p for p in errors(result) if p.cell == "C3")
    assert "“Level 2021”" in problem.fix


def test_level_and_level2_under_a_year_each_are_two_assessments():
    rows = [["Country", "Bangladesh"], [None, None, 2021, 2023]]
    rows += [["No.", "Capability", "Level", "Level2", "Notes"]]
    rows += [[n, TITLES[n], LEVELS_A[n], LEVELS_B[n], "seen"] for n in range(1, 22)]

    result = read("table.xlsx", xlsx({"Scores": rows}))

    assert by_assessment(result) == {
        ("Bangladesh", 2021, None): LEVELS_A,
        ("Bangladesh", 2023, None): LEVELS_B,
    }


def test_plan_rows_with_their_own_country_column_are_not_asked_for_labels():
    rows = [["Country", "Year", "Capability", "Where we are", "Target maturity", "Owner"]]
    for country in ("Bangladesh", "Cambodia"):
        rows += [[country, 2022, TITLES[n], LEVELS_A[n], 4, "MoWCA"] for n in range(1, 22)]

    result = read("tracker.xlsx", xlsx({"Tracker": rows}))

    problem = next(p for p in errors(result) if "plan row(s)" in p.message)
    assert "head its column of current levels “Level”" in problem.fix
    assert "labels" not in problem.fix
