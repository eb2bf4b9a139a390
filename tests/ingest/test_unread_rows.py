"""Data rows above a long table's header row are reported, not lost, and another measure's
rows are left with a warning (``unread_rows``)."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, csv_bytes, read, xlsx

HEADER = ["Country", "Year", "Capability", "Level"]
KENYA = {n: n % 5 for n in range(1, 22)}
UGANDA = {n: (n + 2) % 5 for n in range(1, 22)}


@pytest.mark.parametrize(
    ("above", "words"),
    [
        (1, "Row 1 above the header row 2 holds"),
        (3, "Rows 1 to 3 above the header row 4 hold"),
        (21, "Rows 1 to 21 above the header row 22 hold"),
    ],
)
@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_data_rows_above_the_header_are_an_error(above, words, kind):
    rows = [["Kenya", 2023, TITLES[n], n % 5] for n in range(1, above + 1)]
    rows += [HEADER] + [["Uganda", 2023, TITLES[n], 2] for n in range(1, 22)]
    data = xlsx({"Sheet1": rows}) if kind == "xlsx" else csv_bytes(rows)
    result = read(f"sorted.{kind}", data)
    assert by_assessment(result) == {("Uganda", 2023, None): dict.fromkeys(range(1, 22), 2)}
    assert_problem(result, "error", "D1", words)


def test_a_title_and_labels_above_the_header_are_no_data():
    rows = [["MNR self-assessment"], ["Country", "Kenya"], [], HEADER]
    rows += [["Kenya", 2023, TITLES[n], 2] for n in range(1, 22)]
    result = read("form.xlsx", xlsx({"Sheet1": rows}))
    assert not [p for p in result.problems if "above the header" in p.message]


def test_tableau_other_measures_rows_are_left_with_a_warning():
    rows = [["Capability", "Country", "Year", "Measure Names", "Measure Values"]]
    for country, given in (("Kenya", KENYA), ("Uganda", UGANDA)):
        for n, level in given.items():
            rows += [[TITLES[n], country, 2023, "Level", level]]
            rows += [[TITLES[n], country, 2023, "Number of Records", 1]]
    result = read("full data.csv", csv_bytes(rows))
    assert by_assessment(result) == {("Kenya", 2023, None): KENYA, ("Uganda", 2023, None): UGANDA}
    assert not [p for p in result.problems if p.severity == "error"]
    assert_problem(result, "warning", "D1", "the 42 rows of “Number of Records” were not read")


def test_a_column_of_levels_written_out_beside_the_level_is_no_measure_column():
    rows = [["Country", "Year", "No.", "Level", "Label"]]
    rows += [["Kenya", 2023, n, 2, "Level 2" if n % 2 else "Developing"] for n in range(1, 22)]
    result = read("export.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {("Kenya", 2023, None): dict.fromkeys(range(1, 22), 2)}
    assert not [p for p in result.problems if "measure" in p.message]


@pytest.mark.parametrize(
    ("heading", "values"),
    [
        ("Source", ["Self-assessment", "Workshop", "Desk review"]),
        ("Data source", ["Self-assessment", "Survey"]),
        ("Method", ["Self-assessment", "Expert review"]),
        ("Fuente", ["Autoevaluación", "Taller"]),
    ],
)
@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_column_describing_how_each_level_was_found_is_no_measure_column(heading, values, kind):
    # "Self-assessment" is a level's heading, but each capability is given once: the column
    # says how its level was found, and every row is read.
    rows = [["Country", "Capability", "Level", heading]]
    for country, given in (("Kenya", KENYA), ("Uganda", UGANDA)):
        rows += [
            [country, f"{n}. {TITLES[n]}", level, values[n % len(values)]]
            for n, level in given.items()
        ]
    data = xlsx({"Data": rows}) if kind == "xlsx" else csv_bytes(rows)
    result = read(f"round.{kind}", data)
    assert by_assessment(result) == {("Kenya", None, None): KENYA, ("Uganda", None, None): UGANDA}
    assert not [p for p in result.problems if "measure" in p.message]
