"""Lines of PDF text split into a cell per word by Text to Columns at spaces."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, errors, read, xlsx

LEVELS = {n: (n * 4 + 1) % 5 for n in range(1, 22)}


def _split(line: str, numbers: bool) -> list:
    """A line's words each in a cell, numbers as numbers when Excel made them so."""
    return [int(w) if numbers and w.isdigit() else w for w in line.split()]


@pytest.mark.parametrize("numbers", [True, False])
@pytest.mark.parametrize(
    ("title", "country", "year"),
    [
        ("Georgia MNR Self-Assessment 2024", "Georgia", 2024),
        ("Moldova – MNR self-assessment 2023", "Moldova", 2023),
    ],
)
@pytest.mark.parametrize("wrap", [(), (10, 20), (2, 10, 18, 20)])
def test_a_sheet_of_lines_split_at_spaces_is_read_as_its_lines(numbers, title, country, year, wrap):
    rows = [_split(title, numbers), ["No.", "Capability", "Level"]]
    for n in TITLES:
        words = f"{n} {TITLES[n]}".split()
        if n in wrap:  # the title wrapped: its last word and the level on the next line
            rows += [
                _split(" ".join(words[:-1]), numbers),
                _split(f"{words[-1]} {LEVELS[n]}", numbers),
            ]
        else:
            rows.append(_split(f"{n} {TITLES[n]} {LEVELS[n]}", numbers))
    result = read("split.xlsx", xlsx({"Sheet1": rows}))

    assert {
        (c if c != "Republic of Moldova" else "Moldova", y) for c, y, _ in by_assessment(result)
    } == {(country, year)}
    assert list(by_assessment(result).values()) == [LEVELS]
    assert errors(result) == []
    assert_problem(result, "warning", "A1", "one word a cell")


def test_a_table_of_one_word_cells_is_left_as_it_is():
    """Titles of one word ("Leadership") and codes in cells of their own: a table."""
    rows = [["Country", "Year", "Code", "Capability", "Level"]]
    rows += [["Kenya", 2023, f"C{n}", TITLES[n], LEVELS[n]] for n in (1, 3, 11, 12)]
    rows += [["Kenya", 2023, "C21", "Terminology", LEVELS[21]]]
    result = read("table.xlsx", xlsx({"Sheet1": rows}))

    assert by_assessment(result)[("Kenya", 2023, None)][1] == LEVELS[1]
    assert not any("one word a cell" in p.message for p in result.problems)
