"""A column of averages is refused whole (components/ingest/average_levels.py): "Average of
Score" 0.67, 2.33, 3 is no level, not even its whole numbers; a column headed as an average
whose numbers are all whole, one slip among whole levels, and the settled average beside the
scorers' columns are read as before."""

from __future__ import annotations

from collections import Counter

import pytest

from components.ingest.average_levels import averages_problem
from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, csv_bytes, read, xlsx

ALL = range(1, 22)
# Two countries' averages of several respondents: thirds, quarters and halves among wholes.
AVERAGES = {
    "Kenya": [0.67, 0.67, 0.5, 1, 1.5, 0, 2, 1.33, 3, 1, 2.33, 0.25, 1, 2, 2, 1.75, 1, 3, 0, 1, 2],
    "Uganda": [1.5, 2.33, 1, 3, 2, 2.67, 1, 2, 2, 1.25, 2, 3, 2, 1.67, 1, 2, 3, 2, 2, 1, 0.5],
}
WHOLE = {"Kenya": [n % 5 for n in ALL], "Uganda": [(n + 2) % 5 for n in ALL]}


def long_table(header: str, levels: dict[str, list[float]]) -> list[list[object]]:
    rows: list[list[object]] = [["Country", "Capability", header]]
    for country, values in levels.items():
        rows += [[country, TITLES[n], values[n - 1]] for n in ALL]
    return rows


@pytest.mark.parametrize("make", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("header", "words"),
    [
        ("Average of Score", "is headed as an average and holds fractions (0.25, 0.33, 0.5, …)"),
        ("Average of Level", "is headed as an average"),
        ("Avg of Score", "is headed as an average"),
        ("Mean level", "is headed as an average"),
        ("Moyenne du niveau", "is headed as an average"),
        ("Promedio del nivel", "is headed as an average"),
    ],
)
def test_a_column_of_averages_is_refused_whole(header, words, make):
    levels = {c: [round(v, 2) if v % 1 else v for v in vs] for c, vs in AVERAGES.items()}
    levels["Kenya"][12] = 0.33
    rows = long_table(header, levels)
    data = csv_bytes(rows) if make == "csv" else xlsx({"Export": rows})
    result = read(f"export.{make}", data)
    assert all(not levels for levels in by_assessment(result).values())
    assert_problem(result, "error", "C1", words)
    assert_problem(result, "error", "C1", "none of its levels were read")
    assert any("not an average of responses" in (p.fix or "") for p in result.problems)


@pytest.mark.parametrize(
    "header", ["Average of Level", "Sum of Level", "Level", "Average of Score"]
)
def test_whole_numbers_under_an_average_s_header_are_the_levels(header):
    """One respondent per country: Power BI's "Average of Level" is each level (3.00)."""
    rows = long_table(header, {c: [float(v) for v in vs] for c, vs in WHOLE.items()})
    result = read("export.xlsx", xlsx({"Export": rows}))
    assert by_assessment(result) == {
        (c, None, None): dict(zip(ALL, vs, strict=True)) for c, vs in WHOLE.items()
    }


@pytest.mark.parametrize("header", ["Level", "Average of Score", "Mean level"])
def test_one_fraction_among_whole_levels_is_that_cell_s_slip(header):
    levels = {c: list(vs) for c, vs in WHOLE.items()}
    levels["Kenya"][6] = 2.5
    result = read("levels.csv", csv_bytes(long_table(header, levels)))
    kenya = by_assessment(result)[("Kenya", None, None)]
    assert 7 not in kenya
    assert len(kenya) == 20
    assert_problem(result, "error", "C8", "is not a whole number")


@pytest.mark.parametrize(
    ("header", "numbers", "scorers", "averages"),
    [
        ("Average", {1.0: 3, 2.5: 2}, False, True),
        ("Average of Score", {0.67: 1, 2.33: 1, 3.0: 5}, False, True),
        ("AVG(Level)", {0.67: 1, 2.33: 1, 3.0: 5}, False, True),
        ("Average", {1.0: 3, 2.5: 2}, True, False),  # settled beside the scorers' views
        ("Average", {1.0: 3, 2.5: 1}, False, False),  # one slip
        ("Average", {1.0: 3, 2.0: 4}, False, False),
        ("Level", {0.67: 5, 2.0: 5}, False, False),  # left to the cells
        (None, {0.67: 5, 2.0: 5}, False, False),
    ],
)
def test_when_a_column_holds_averages(header, numbers, scorers, averages):
    found = averages_problem(header, Counter(numbers), scorers=scorers)
    assert (found is not None) is averages
