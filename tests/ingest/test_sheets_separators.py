"""A csv's separator is found by how often it occurs on each line: comma, semicolon, tab, pipe."""

import pytest

from tests.ingest.reader_support import (
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    errors,
    read,
)

ALL = range(1, 22)


def _rows(country: str = "Uganda") -> list[list[object]]:
    return [["Country", "Year", "Capability", "Level"]] + [
        [country, 2023, TITLES[n], n % 5] for n in ALL
    ]


@pytest.mark.parametrize("sep", [",", ";", "\t", "|"])
def test_each_common_separator_is_found(sep):
    result = read("table.csv", csv_bytes(_rows(), sep=sep))
    assert by_assessment(result) == {("Uganda", 2023, None): {n: n % 5 for n in ALL}}
    assert not errors(result)


def test_pipes_in_a_title_line_and_in_notes_do_not_make_a_comma_file_split_on_pipes():
    rows = [[*row, "source: MoJ | MoH" if index % 3 else ""] for index, row in enumerate(_rows())]
    rows[0][-1] = "Notes"
    result = read("titled.csv", csv_bytes([["MNR | Uganda | self-assessment"], *rows]))
    assert by_assessment(result) == {("Uganda", 2023, None): {n: n % 5 for n in ALL}}


def test_a_pipe_in_every_title_of_a_semicolon_file_does_not_win():
    rows = [["Country", "Year", "Capability", "Level"]] + [
        ["Uganda", 2023, f"{n} | {TITLES[n]}", n % 5] for n in ALL
    ]
    result = read("semicolons.csv", csv_bytes(rows, sep=";"))
    assert by_assessment(result) == {("Uganda", 2023, None): {n: n % 5 for n in ALL}}


def test_a_pipe_file_with_cr_line_ends_is_split_on_pipes():
    text = csv_bytes(_rows(), sep="|").decode().replace("\r\n", "\r")
    result = read("old-system.csv", text.encode())
    assert by_assessment(result) == {("Uganda", 2023, None): {n: n % 5 for n in ALL}}


@pytest.mark.parametrize("sep", ["~", "^", "#"])
def test_a_separator_the_reader_does_not_know_is_named_rather_than_misread(sep):
    result = read("odd.csv", csv_bytes(_rows(), sep=sep))
    assert by_assessment(result) == {}
    assert_problem(result, "error", None, f"separated by “{sep}”")
    assert len(errors(result)) == 1


def test_a_one_column_list_is_not_taken_for_an_unknown_separator():
    rows = [["Country"], ["Uganda"], ["Kenya"], ["Côte d'Ivoire"]]
    result = read("list.csv", csv_bytes(rows))
    assert not [p for p in result.problems if "separated by" in p.message]
