"""A Markdown table's rows in one cell each (pasted into column A; or a csv's lines that a
comma put in quotes whole) are split at their pipes and read with the table
(components/ingest/pipe_rows.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, errors, read, xlsx

ALL = range(1, 22)
LEVELS = {n: (n * 2) % 5 for n in ALL if n not in (3, 16)}
SPLIT = "held a whole row of a Markdown table"


def markdown(header: list[str], edges: bool = True) -> list[str]:
    def line(values: list[Any]) -> str:
        inner = " | ".join("" if v is None else str(v) for v in values)
        return f"| {inner} |" if edges else inner

    lines = [line(header), line(["---"] * len(header))]
    return lines + [line([n, TITLES[n], LEVELS.get(n), None][: len(header)]) for n in ALL]


def csv_of(lines: list[str]) -> bytes:
    """As a spreadsheet saves a column of such lines: a line holding a comma in quotes."""
    quoted = [f'"{line}"' if "," in line else line for line in lines]
    return "\n".join(["## Kenya – MNR 2024", "", *quoted]).encode()


HEADERS = [["#", "Capability", "Level", "Notes"], ["No.", "Capability", "Level"]]


@pytest.mark.parametrize("header", HEADERS)
def test_a_csv_of_markdown_lines_is_read_whole(header: list[str]) -> None:
    result = read("note.csv", csv_of(markdown(header)))
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS}
    # The titles with a comma (2 and 10) were in quotes: split and said.
    assert_problem(result, "warning", "A6", SPLIT)
    assert not errors(result)


@pytest.mark.parametrize("header", HEADERS)
@pytest.mark.parametrize("edges", [True, False])
def test_a_markdown_table_pasted_into_one_column_is_read(header: list[str], edges: bool) -> None:
    rows = [["Kenya – MNR 2024"], [], *([line] for line in markdown(header, edges))]
    result = read("note.xlsx", xlsx({"Notes": rows}))
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS}
    assert_problem(result, "warning", "A3", SPLIT, sheet="Notes")
    assert not errors(result)


def test_a_row_with_a_level_off_the_scale_is_said_at_its_own_cell() -> None:
    rows = [["Kenya – MNR 2024"], [], *([line] for line in markdown(HEADERS[0]))]
    rows[7] = [f"| 4 | {TITLES[4]} | 7 | |"]  # capability 4's level, off the scale
    result = read("note.xlsx", xlsx({"Notes": rows}))
    assert_problem(result, "error", "A8", "capability 4")


def test_a_note_quoting_pipes_beside_a_table_is_left_alone() -> None:
    rows: list[list[Any]] = [["Country", "Kenya"], ["Year", 2024], ["No.", "Capability", "Level"]]
    rows += [[n, TITLES[n], LEVELS.get(n)] for n in ALL]
    rows.append([None, None, None, "see | the | annex"])
    result = read("kenya.xlsx", xlsx({"Kenya": rows}))
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS}
    assert not [p for p in result.problems if SPLIT in p.message]
