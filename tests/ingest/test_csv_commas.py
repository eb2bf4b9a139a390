"""Commas a hand-made csv did not quote: framework titles and a notes column joined back."""

from __future__ import annotations

import pytest

from components.ingest.csv_commas import (
    SplitTitles,
    mend_split_last_column,
    mend_split_titles,
)
from tests.ingest.reader_support import FW, assert_problem, by_assessment, read

TITLES = SplitTitles.of([*(c.title for c in FW.capabilities), *(e.title for e in FW.enablers)])
LEVELS = {n: n % 5 for n in range(1, 22)}
TITLE = {c.number: c.title for c in FW.capabilities}


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (("Kenya", "Research", " Analysis and Monitoring", "2"),
         ("Kenya", "Research, Analysis and Monitoring", "2")),
        (("2. Research", " analysis and monitoring", "2"),
         ("2. Research, analysis and monitoring", "2")),
        (("Compensation", " Remedies and Complaints Arrangements", "1"),
         ("Compensation, Remedies and Complaints Arrangements", "1")),
        # not a split title: left as it was
        (("Research", "2"), ("Research", "2")),
        (("Research", " Monitoring", "2"), ("Research", " Monitoring", "2")),
        (("Kenya", "Leadership", "3"), ("Kenya", "Leadership", "3")),
    ],
)  # fmt: skip
def test_titles_split_at_their_commas_are_joined(row, expected):
    rows, joined = mend_split_titles([row], TITLES)
    assert rows == [expected]
    assert bool(joined) == (row != expected)


def test_notes_that_ran_past_the_last_column_are_joined_back():
    rows = [
        ("Title line",),
        ("Capability", "Level", "Notes"),
        ("1", "3", "Committee", " meets quarterly", " chaired by the Minister"),
        ("2", "1", "One study"),
        ("3", "2"),
    ]
    mended, which = mend_split_last_column(rows, header=1)
    assert mended[2] == ("1", "3", "Committee, meets quarterly, chaired by the Minister")
    assert mended[3:] == rows[3:]
    assert which == [2]


def test_a_csv_without_quotes_reads_every_level_title_and_note():
    lines = ["Country,Year,Capability,Level,Evidence"]
    lines += [f"Kenya,2023,{TITLE[n]},{LEVELS[n]},Seen in 2023, confirmed" for n in range(1, 22)]
    result = read("kenya.csv", ("\n".join(lines) + "\n").encode())
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}
    assert set(result.capabilities["evidence"]) == {"Seen in 2023, confirmed"}
    assert_problem(result, "warning", "C3", "“Research, Analysis and Monitoring” (and 1 more)")
    assert_problem(result, "warning", "E1", "In 21 rows the text of the last column")
    assert not [p for p in result.problems if p.severity == "error"]


def test_a_quoted_csv_is_left_as_it_is():
    lines = ["Country,Year,Capability,Level,Evidence"]
    lines += [f'Kenya,2023,"{TITLE[n]}",{LEVELS[n]},"Seen, confirmed"' for n in range(1, 22)]
    result = read("kenya.csv", ("\n".join(lines) + "\n").encode())
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}
    assert result.problems == ()
