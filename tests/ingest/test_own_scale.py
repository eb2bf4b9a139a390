"""A key of the file's own scale that reuses some of the framework's words
(components/ingest/own_scale.py, through scale_legend): its words are never read by ours."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import (
    LABELS,
    TITLES,
    assert_problem,
    by_assessment,
    errors,
    read,
    xlsx,
)

OWN = ["Initial", "Developing", "Established", "Advanced", "Leading"]
FRENCH = ["Initial", "En développement", "Établi", "Avancé", "Exemplaire"]


def _workbook(words: list[str], key: list[list[object]], *, numbers: bool = False) -> bytes:
    rows = [["Country", "Kenya"], ["Year", 2023], [], ["No.", "Capability", "Maturity"]]
    rows += [[n, TITLES[n], n % 5 if numbers else words[n % 5]] for n in range(1, 22)]
    return xlsx({"MNR": rows, "Scale": key})


def _two_cells(words: list[str], first: int = 1) -> list[list[object]]:
    return [["Scale used"], ["Score", "Stage"]] + [[first + i, w] for i, w in enumerate(words)]


def _one_cell(words: list[str]) -> list[list[object]]:
    return [["Key"]] + [[f"{i + 1} = {w}"] for i, w in enumerate(words)]


@pytest.mark.parametrize(
    ("words", "key", "cells"),
    [
        (OWN, _two_cells(OWN), "A3:B7"),
        (OWN, _one_cell(OWN), "A2:A6"),
        (OWN, _two_cells(OWN, first=0), "A3:B7"),
        (FRENCH, _two_cells(FRENCH), "A3:B7"),
    ],
)
def test_words_of_the_files_own_scale_are_refused_never_read_as_ours(words, key, cells):
    result = read("consultant.xlsx", _workbook(words, key))
    assert not any(by_assessment(result).values())  # no level read, none invented
    assert_problem(result, "error", "C4", "holds the words of the file's own scale")
    assert_problem(result, "error", "C4", f"the key at {cells} on sheet “Scale”")
    assert len(errors(result)) == 1  # the column, not each cell


def test_a_key_of_the_frameworks_own_words_changes_nothing():
    ours = [LABELS[v] for v in range(5)]
    result = read("form.xlsx", _workbook(ours, _two_cells(ours, first=0)))
    assert by_assessment(result) == {("Kenya", 2023, None): {n: n % 5 for n in range(1, 22)}}


def test_numbers_beside_a_key_of_renamed_words_numbered_like_ours_are_read():
    renamed = ["Absent", "Emerging", "Developing", "Established", "Advanced"]
    result = read("form.xlsx", _workbook(renamed, _two_cells(renamed, first=0), numbers=True))
    assert by_assessment(result) == {("Kenya", 2023, None): {n: n % 5 for n in range(1, 22)}}


def test_a_numbered_table_going_on_is_no_key():
    # The first rows of a list numbered 1, 2, 3 … that carries on: not a key of a scale.
    listing = [["No.", "Step"]] + [
        [i, w] for i, w in enumerate([*OWN, "Reviewed", "Closed"], start=1)
    ]
    ours = [LABELS[v] for v in range(5)]
    result = read("form.xlsx", _workbook(ours, listing))
    assert by_assessment(result) == {("Kenya", 2023, None): {n: n % 5 for n in range(1, 22)}}


@pytest.mark.parametrize(
    ("values", "refused"),
    [
        (["Developing", "Developing", 2.0, None] * 50, True),  # a framework word: looked on
        ([2.0, 3.0, None] * 50, False),  # no text at all: nothing another key could misread
        ([["Developing"], "Developing"], True),  # a value that cannot be hashed: each looked at
        ([["Developing"]], False),
    ],
)
def test_a_level_column_s_words_are_each_looked_at_once(values, refused):
    """The column's distinct values, found in C, give the texts its every cell gives."""
    from components.framework.model import default_framework
    from components.ingest.limits import ReadLimits
    from components.ingest.own_scale import own_scale_problem
    from components.ingest.scale_legend import find_legends
    from components.ingest.sheets import ReadContext, read_workbook

    ctx = ReadContext("consultant.xlsx", default_framework(), ReadLimits())
    find_legends(ctx, read_workbook(ctx, _workbook(OWN, _two_cells(OWN)), "xlsx"))
    problem = own_scale_problem(ctx, values)
    assert (problem is not None) is refused
    if refused:
        assert "holds the words of the file's own scale" in problem


def _rows_key(entries: list[tuple[int, str]]) -> list[list[object]]:
    return [["Key"], ["Score", "Meaning"]] + [[n, words] for n, words in entries]


@pytest.mark.parametrize(
    ("key", "cells"),
    [
        # The file's own words, from 1: a 1 there is the bottom, the framework's 0.
        (_rows_key([(1, "Absent"), (2, "Emerging"), (3, "Functional"), (4, "Strong")]), "A3:B6"),
        # The framework's words, numbered from 1, one left out: 1 is "Not in place".
        (
            _rows_key([(1, "Not in place"), (2, "Developing"), (3, "Established"), (4, "Mature")]),
            "A3:B6",
        ),
        # A scale of 0 to 3: its top, "Full", is 3.
        (_rows_key([(0, "None"), (1, "Partial"), (2, "Substantial"), (3, "Full")]), "A3:B6"),
        # All in one cell, as people type a key above a table.
        ([["Scale: 1 = Absent, 2 = Emerging, 3 = Functional, 4 = Strong"]], "A1"),
        ([["1 - None / 2 - Basic / 3 - Good / 4 - Excellent"]], "A1"),
        ([["1 = Not in place · 2 = Building · 3 = Established · 4 = Mature"]], "A1"),
    ],
)
def test_numbers_beside_a_key_that_numbers_its_levels_otherwise_are_refused(key, cells):
    result = read("consultant.xlsx", _workbook(OWN, key, numbers=True))
    assert not any(by_assessment(result).values())  # none read one step off
    [error] = errors(result)
    assert error.cell == "C4"
    assert "holds numbers, and the key of the scale at" in error.message
    assert f"{cells} on sheet “Scale”" in error.message


@pytest.mark.parametrize(
    "key",
    [
        # Its own words on the framework's numbers: 0 is the bottom, 4 the top.
        _rows_key([(0, "None"), (1, "Low"), (2, "Medium"), (3, "High"), (4, "Very high")]),
        # A numbered list, no scale: not a key.
        _rows_key([(1, "North"), (2, "South"), (3, "East"), (4, "West")]),
        [["Regions: 1 = North, 2 = South, 3 = East, 4 = West"]],
        # A key of the confidence column: "low" and "high" are no ends of the level's scale.
        [["Confidence: 1 = Low, 2 = Medium, 3 = High, 4 = Very high"]],
        _rows_key([(1, "Low"), (2, "Medium"), (3, "High"), (4, "Very high")]),
        # Another column's key, or a note: titled otherwise, or one end only named.
        [["Action status: 1 = Not started, 2 = Planned, 3 = In progress, 4 = Complete"]],
        [["Evidence (1 = none, 2 = weak, 3 = moderate, 4 = strong)"]],
        [["Helpline coverage: 1 - none, 2 - capital only, 3 - regional, 4 - national"]],
    ],
)
def test_numbers_beside_a_key_numbered_as_ours_or_no_key_are_read(key):
    result = read("consultant.xlsx", _workbook(OWN, key, numbers=True))
    assert by_assessment(result) == {("Kenya", 2023, None): {n: n % 5 for n in range(1, 22)}}


def test_words_of_another_scale_with_no_key_written_make_the_frameworks_doubtful():
    # A drop-down list "Nascent, Emerging, Established, Advanced, Leading" is the only key.
    stages = ["Nascent", "Emerging", "Established", "Advanced", "Leading"]
    result = read("dropdown.xlsx", _workbook(stages, [["Notes"]]))
    assert not any(by_assessment(result).values())  # "Established" not read as level 3
    [error] = errors(result)
    assert error.cell == "C4"
    assert "holds words of another scale (“Advanced”, “Emerging”, “Leading”, “Nascent”)" in (
        error.message
    )
    assert "a word such as “Established” may not mean" in error.message


def test_a_few_stray_words_among_the_frameworks_are_refused_alone():
    words = [LABELS[v] for v in range(5)]
    words[1], words[2] = "Basic", "Advanced"  # one country's two slips: those cells only
    result = read("form.xlsx", _workbook(words, [["Notes"]]))
    levels = by_assessment(result)[("Kenya", 2023, None)]
    assert levels == {n: n % 5 for n in range(1, 22) if n % 5 not in (1, 2)}


def test_one_stray_word_among_the_frameworks_is_refused_alone():
    words = [LABELS[v] for v in range(5)]
    words[1] = "Advanced"  # one word the scale does not have: that cell only
    result = read("form.xlsx", _workbook(words, [["Notes"]]))
    levels = by_assessment(result)[("Kenya", 2023, None)]
    assert levels == {n: n % 5 for n in range(1, 22) if n % 5 != 1}
    assert all("“Advanced” is not a level" in e.message for e in errors(result))


@pytest.mark.parametrize(
    "listing",
    [
        [[1, "Not started"], [2, "Ongoing"], [3, "Complete"], [4, "Ongoing"]],  # a word twice
        [[1, "None"], [2, "Planned"], [3, "Partial"], [4, "Full"]],  # under no key's heading
    ],
)
def test_a_numbered_list_of_something_else_is_no_key(listing):
    rows = [["Country", "Kenya"], ["Year", 2023], [], ["No.", "Capability", "Maturity"]]
    rows += [[n, TITLES[n], n % 5] for n in range(1, 22)]
    actions = [["No.", "Status"], *listing]
    result = read("plan.xlsx", xlsx({"MNR": rows, "Actions": actions}))
    assert by_assessment(result)[("Kenya", 2023, None)] == {n: n % 5 for n in range(1, 22)}
