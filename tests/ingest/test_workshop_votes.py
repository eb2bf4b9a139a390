"""The app's own workshop votes file, uploaded again, is named for what it is, not read."""

import pandas as pd
import pytest

from components.exports.workshop import votes_csv, votes_workbook_xlsx
from components.scoring.agreement import DECISION_COLUMNS, summary_table
from tests.ingest.reader_support import FW, TITLES, assert_problem, by_assessment, read, xlsx

CAPS = range(1, 22)
VOTES = pd.DataFrame(
    [
        {"capability": n, "participant": p, "level": (n + p) % 5, "comment": None}
        for n in CAPS
        for p in range(1, 6)
    ]
)
DECISIONS = pd.DataFrame(
    [
        {"capability": n, "position": n, "decided": True, "agreed_level": n % 5, "note": None}
        for n in CAPS
    ],
    columns=DECISION_COLUMNS,
)


def workbook() -> bytes:
    summary = summary_table(VOTES, DECISIONS, FW)
    return votes_workbook_xlsx(VOTES, summary, FW, "Kenya validation workshop 2024")


@pytest.mark.parametrize(
    ("name", "data"),
    [("workshop_votes.xlsx", workbook()), ("workshop_votes.csv", votes_csv(VOTES, FW))],
)
def test_the_workshop_votes_file_is_refused_in_one_message(name, data):
    result = read(name, data)
    assert by_assessment(result) == {}
    assert len(result.problems) == 1
    assert_problem(result, "error", None, "own download of a live workshop's votes")
    assert "download that assessment (Excel or CSV)" in result.problems[0].fix


def test_the_workbook_names_its_sheets():
    result = read("workshop_votes.xlsx", workbook())
    assert_problem(
        result, "error", None, "The sheets “README”, “Votes” and “Agreement” are", sheet=None
    )


def test_a_votes_sheet_beside_an_assessment_is_left_out_and_the_assessment_read():
    given = {n: n % 5 for n in CAPS}
    form = [["Country", "Kenya"], ["Year", 2024], [], ["No.", "Capability", "Level"]]
    form += [[n, TITLES[n], given[n]] for n in CAPS]
    votes = [["Capability no", "Capability", "Participant", "Level", "Level label", "Comment"]]
    votes += [
        [n, TITLES[n], f"Participant {p}", 2, "Developing", None] for n in CAPS for p in (1, 2)
    ]
    result = read("kenya.xlsx", xlsx({"Assessment": form, "Votes": votes}))
    assert by_assessment(result) == {("Kenya", 2024, None): given}
    assert_problem(result, "warning", None, "they were left out", sheet="Votes")
    assert len(result.problems) == 1
