"""The assessment a sheet's row limit cuts in the middle is named as cut short."""

import pytest

from components.ingest.limits import ReadLimits
from tests.ingest.reader_support import assert_problem, by_assessment, csv_bytes, read, xlsx


def _long(countries: int) -> list[list[object]]:
    rows: list[list[object]] = [["Country", "Year", "Capability", "Level"]]
    for index in range(countries):
        rows += [[f"Country {chr(65 + index)}land", 2024, n, n % 5] for n in range(1, 22)]
    return rows


@pytest.mark.parametrize(
    ("name", "build"), [("long.xlsx", lambda r: xlsx({"All": r})), ("long.csv", csv_bytes)]
)
def test_the_assessment_cut_by_the_row_limit_is_named_as_cut_short(name, build):
    # 3 assessments of 21 rows, a header: a limit of 50 rows cuts the third after 7 rows.
    result = read(name, build(_long(3)), ReadLimits(max_rows_per_sheet=50))
    found = by_assessment(result)
    assert len(found[("Country Aland", 2024, None)]) == 21
    assert len(found[("Country Cland", 2024, None)]) == 7
    assert_problem(result, "warning", "row 50", "The assessment Country Cland 2024 was cut short")
    assert_problem(result, "warning", "row 50", "only 7 of its 21 capabilities were read")


def test_a_cut_that_falls_between_assessments_names_none():
    result = read("long.xlsx", xlsx({"All": _long(3)}), ReadLimits(max_rows_per_sheet=43))
    assert not [p for p in result.problems if "cut short" in p.message]


def _by_capability(countries: int) -> list[list[object]]:
    """A long table sorted by capability: every country's capability 1, then 2..."""
    rows: list[list[object]] = [["Country", "Year", "Capability", "Level"]]
    for n in range(1, 22):
        rows += [[f"Country {chr(65 + index)}land", 2024, n, n % 5] for index in range(countries)]
    return rows


@pytest.mark.parametrize(
    ("name", "build"), [("long.xlsx", lambda r: xlsx({"All": r})), ("long.csv", csv_bytes)]
)
def test_a_cut_across_a_table_not_grouped_by_assessment_says_all_may_be_incomplete(name, build):
    # 4 countries x 21 rows sorted by capability, and a header: a limit of 83 rows leaves the
    # last capability of Country Cland and Dland unread.
    result = read(name, build(_by_capability(4)), ReadLimits(max_rows_per_sheet=83))
    found = by_assessment(result)
    assert len(found[("Country Aland", 2024, None)]) == 21
    assert len(found[("Country Dland", 2024, None)]) == 20
    assert_problem(result, "warning", "row 83", "not grouped by assessment")
    assert_problem(result, "warning", "row 83", "may belong to any of its 4 assessments")
    assert_problem(
        result,
        "warning",
        "row 83",
        "2 of them have fewer than 21 capabilities read and are likely incomplete: "
        "Country Cland 2024, Country Dland 2024.",
    )
    assert not [p for p in result.problems if "was cut short" in p.message]
