"""Page numbers alone on a row of a table converted from a PDF."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, errors, read, xlsx

LEVELS = {n: (n * 3) % 5 for n in range(1, 22)}
HEADERS = {
    "en": ["No.", "Capability", "Level"],
    "fr": ["N°", "Capacité", "Niveau"],
    "es": ["N.º", "Capacidad", "Nivel"],
}


def _rows(header, page_row, *, repeat_header: bool):
    rows = [["Kenya MNR self-assessment 2024"], header]
    rows += [[n, TITLES[n], LEVELS[n]] for n in range(1, 9)]
    rows += [page_row] + ([header] if repeat_header else [])
    rows += [[n, TITLES[n], LEVELS[n]] for n in range(9, 22)]
    return rows


@pytest.mark.parametrize("language", sorted(HEADERS))
@pytest.mark.parametrize("repeat_header", [True, False])
@pytest.mark.parametrize(
    ("page_row", "cell"),
    [
        ([2], "A11"),
        (["2"], "A11"),
        ([2.0], "A11"),
        ([None, None, 2], "C11"),
        ([None, None, 7], "C11"),
    ],
)
def test_a_page_number_alone_is_left_out_and_the_table_read_whole(
    language, repeat_header, page_row, cell
):
    result = read(
        "pdf.xlsx", xlsx({"T": _rows(HEADERS[language], page_row, repeat_header=repeat_header)})
    )

    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS}
    assert errors(result) == []
    assert_problem(result, "warning", cell, "taken for the page number")
    if repeat_header:
        assert_problem(result, "warning", "A12", "header row is repeated in row 12")


def test_a_capability_given_by_its_number_only_is_not_a_page_number():
    # No rival: capability 21 given by its number with no title and no level is left alone.
    rows = [["Kenya MNR self-assessment 2024"], HEADERS["en"]]
    rows += [[n, TITLES[n], LEVELS[n]] for n in range(1, 21)] + [[21]]
    result = read("short.xlsx", xlsx({"T": rows}))

    assert by_assessment(result) == {("Kenya", 2024, None): {n: LEVELS[n] for n in range(1, 21)}}
    assert not any("page number" in problem.message for problem in result.problems)


def test_a_level_alone_under_a_row_with_no_level_is_not_a_page_number():
    rows = [["Kenya MNR self-assessment 2024"], HEADERS["en"]]
    rows += [[n, TITLES[n], LEVELS[n]] for n in range(1, 5)] + [[5, TITLES[5]], [None, None, 3]]
    rows += [[n, TITLES[n], LEVELS[n]] for n in range(6, 22)]
    result = read("level below.xlsx", xlsx({"T": rows}))

    assert not any("page number" in problem.message for problem in result.problems)
