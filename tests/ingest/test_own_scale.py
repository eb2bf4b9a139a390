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
