"""A table copied out of a PDF one cell a line: its records put back into rows."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import (
    LABELS,
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    errors,
    read,
    xlsx,
)

LEVELS = {n: (n * 3 + 2) % 5 for n in range(1, 22)}


def _lines(headings: list[str], level_words: bool) -> list[list]:
    lines = [["Republic of Moldova"], ["MNR self-assessment 2023"]]
    lines += [[h] for h in headings]
    for n, title in TITLES.items():
        record = {
            "No.": n,
            "Capability": title,
            "Level": LABELS[LEVELS[n]] if level_words else LEVELS[n],
        }
        record.update({"Evidence": f"Report {n}", "Nº": n, "Capacidad": title, "Nivel": LEVELS[n]})
        lines += [[record[h]] for h in headings]
    return lines


@pytest.mark.parametrize(
    "headings",
    [
        ["No.", "Capability", "Level"],
        ["Capability", "Level"],
        ["No.", "Capability", "Level", "Evidence"],
        ["Nº", "Capacidad", "Nivel"],
    ],
)
@pytest.mark.parametrize("level_words", [False, True])
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_table_one_cell_a_line_is_read_in_records(headings, level_words, kind):
    lines = _lines(headings, level_words)
    data = csv_bytes(lines) if kind == "csv" else xlsx({"Sheet1": lines})
    result = read(f"copied.{kind}", data)

    assert list(by_assessment(result).values()) == [LEVELS]
    assert {year for _, year, _ in by_assessment(result)} == {2023}
    assert errors(result) == []
    assert_problem(result, "warning", "A3", f"each {len(headings)} lines were read as one row")


def test_lines_that_stop_being_records_are_left_as_they_are():
    """The records end where a line is no capability's: the rest is not forced into rows."""
    lines = _lines(["No.", "Capability", "Level"], False)[: 2 + 3 + 3 * 5]
    lines += [["Notes"], ["The levels were agreed at the workshop."], ["Annex 2"]]
    result = read("copied.csv", csv_bytes(lines))

    assert list(by_assessment(result).values()) == [{n: LEVELS[n] for n in range(1, 6)}]


def test_a_list_of_titles_without_headings_is_not_read_as_records():
    lines = [["Republic of Moldova 2023"]] + [[title] for title in TITLES.values()]
    result = read("list.csv", csv_bytes(lines))

    assert by_assessment(result) == {}
    assert not any("one cell a line" in p.message for p in result.problems)
