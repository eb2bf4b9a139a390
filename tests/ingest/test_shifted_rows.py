"""Rows shifted one column right of their header (a PDF's page with another margin)."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, errors, read, xlsx

LEVELS = {n: (n * 3) % 5 for n in range(1, 22)}
HEADERS = {
    "en": ["No.", "Capability", "Level"],
    "fr": ["N°", "Capacité", "Niveau"],
    "pt": ["Nº", "Capacidade", "Nível"],
}


def _rows(header, *, page_line: bool, repeat_header: bool, titles=TITLES, left=("",)):
    rows = [["Senegal MNR self-assessment 2023"], header]
    rows += [[n, TITLES[n], LEVELS[n]] for n in range(1, 11)]
    rows += [["Page 1 of 2"]] if page_line else []
    rows += [[None, *header]] if repeat_header else []
    rows += [[None, n, titles[n], LEVELS[n]] for n in range(11, 22)]
    return rows


@pytest.mark.parametrize("language", sorted(HEADERS))
@pytest.mark.parametrize(("page_line", "repeat_header"), [(True, True), (False, False)])
def test_a_page_shifted_one_column_right_is_read_with_a_warning(language, page_line, repeat_header):
    rows = _rows(HEADERS[language], page_line=page_line, repeat_header=repeat_header)
    result = read("pdf.xlsx", xlsx({"T": rows}))

    assert by_assessment(result) == {("Senegal", 2023, None): LEVELS}
    assert errors(result) == []
    first = 13 + page_line
    assert_problem(result, "warning", f"A{first}", f"Rows {first}-{len(rows)} are one column")


def test_shifted_rows_whose_titles_are_not_capabilities_get_one_error():
    titles = {n: f"Item {n} of the national plan" for n in range(1, 22)}
    rows = _rows(HEADERS["en"], page_line=False, repeat_header=False, titles=titles)
    result = read("pdf.xlsx", xlsx({"T": rows}))

    assert by_assessment(result) == {("Senegal", 2023, None): {n: LEVELS[n] for n in range(1, 11)}}
    assert [problem.cell for problem in errors(result)] == ["A13"]
    assert_problem(result, "error", "A13", "Rows 13-23 are one column to the right")


def test_one_row_with_a_note_past_the_header_is_not_shifted():
    rows = [["Senegal MNR self-assessment 2023"], HEADERS["en"]]
    rows += [[n, TITLES[n], LEVELS[n]] + (["see annex"] if n == 4 else []) for n in range(1, 22)]
    result = read("notes.xlsx", xlsx({"T": rows}))

    assert by_assessment(result) == {("Senegal", 2023, None): LEVELS}
    assert not any("column to the right" in problem.message for problem in result.problems)


@pytest.mark.parametrize("by", [1, 2])
@pytest.mark.parametrize("language", sorted(HEADERS))
@pytest.mark.parametrize("from_row", [8, 11, 15])
def test_rows_shifted_under_a_last_column_of_comments_are_read_moved_back(by, language, from_row):
    """Nothing past the last heading (the comments' column is empty on the shifted page): the
    rows' numbers and titles, once moved back, say where they belong."""
    header = [*HEADERS[language], "Comments"]
    rows = [["Colombia – MNR capability assessment 2023"], [], header]
    rows += [[n, TITLES[n], LEVELS[n], "Reviewed"] for n in range(1, from_row)]
    rows += [[None] * by + [n, TITLES[n], LEVELS[n]] for n in range(from_row, 22)]
    result = read("pdf.xlsx", xlsx({"Table 1": rows}))

    assert by_assessment(result) == {("Colombia", 2023, None): LEVELS}
    assert errors(result) == []
    step = "one column" if by == 1 else "2 columns"
    first = from_row + 3
    assert_problem(result, "warning", f"A{first}", f"Rows {first}-24 are {step} to the right")


def test_a_wrapped_title_s_rest_under_the_level_heading_is_no_shifted_row():
    """A title's second line sits under the title's heading with nothing under No.: it is
    joined to its title, never read moved as a row of its own."""
    rows = [["Colombia MNR 2023"], ["No.", "Capability", "Level", "Comments"]]
    for n in range(1, 22):
        if n in (10, 16):
            first, rest = TITLES[n].rsplit(" ", 1)
            rows += [[n, first, LEVELS[n]], [None, rest, None]]
        else:
            rows.append([n, TITLES[n], LEVELS[n]])
    result = read("pdf.xlsx", xlsx({"T": rows}))

    assert by_assessment(result) == {("Colombia", 2023, None): LEVELS}
    assert not any("to the right" in p.message for p in result.problems)
