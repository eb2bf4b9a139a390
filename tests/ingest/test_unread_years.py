"""Two dates or years of one country that could not be read are two assessments: on one sheet
they are refused with why, never merged into one yearless assessment; on sheets of their own
each is read and its sheet tells it apart."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, read, xlsx

CAPS = range(1, 22)


def long_table(*assessments) -> list[list]:
    rows: list[list] = [["Country", "Year", "Capability", "Level"]]
    for country, year, level in assessments:
        rows += [[country, year, n, level] for n in CAPS]
    return rows


def wide_rows(*assessments) -> list[list]:
    rows: list[list] = [["Country", "Year", *(TITLES[n] for n in CAPS)]]
    rows += [[country, year, *[level] * len(CAPS)] for country, year, level in assessments]
    return rows


def form(country, year, level, caps=CAPS) -> list[list]:
    rows: list[list] = [["Country", country], ["Date or year", year], []]
    return rows + [["No.", "Capability", "Level"]] + [[n, TITLES[n], level] for n in caps]


# Hijri and Solar Hijri years are never converted (a Buddhist-era one is: test_calendars).
TWO_UNREAD = [("1445 AH", "1402"), (1445, 1402), ("FY23x", "bogus"), ("année 1", "année 2")]


@pytest.mark.parametrize(("first", "second"), TWO_UNREAD)
@pytest.mark.parametrize("shape", [long_table, wide_rows])
def test_two_unread_years_on_one_sheet_are_refused_not_merged(shape, first, second):
    rows = shape(("Kenya", first, 2), ("Kenya", second, 3), ("Uganda", 2023, 1))
    result = read("tracker.xlsx", xlsx({"Data": rows}))
    # Uganda is read; neither Kenya assessment is, and nothing says "a second time"
    assert by_assessment(result) == {("Uganda", 2023, None): dict.fromkeys(CAPS, 1)}
    assert_problem(result, "error", "B2", "could not be read", sheet="Data")
    message = next(p.message for p in result.problems if "tells apart" in p.message)
    assert f"“{first}”" in message
    assert f"“{second}”" in message
    assert not any("second time" in p.message for p in result.problems)


@pytest.mark.parametrize(("first", "second"), TWO_UNREAD)
@pytest.mark.parametrize("caps", [(CAPS, CAPS), (range(1, 11), range(11, 22))])
def test_two_unread_years_on_sheets_of_their_own_stay_two_assessments(first, second, caps):
    sheets = {
        "Round 1": form("Kenya", first, 2, caps[0]),
        "Round 2": form("Kenya", second, 3, caps[1]),
    }
    result = read("kenya.xlsx", xlsx(sheets))
    frame = result.capabilities
    assert frame["assessment_id"].nunique() == 2  # never joined into one
    for sheet, level, numbers in (("Round 1", 2, caps[0]), ("Round 2", 3, caps[1])):
        rows = frame[frame["source"].str.endswith(sheet) & frame["level"].notna()]
        assert dict(zip(rows["capability"], rows["level"], strict=True)) == dict.fromkeys(
            numbers, level
        )


@pytest.mark.parametrize(
    "years",
    [
        ["1445 AH"] + [None] * 20,  # written on the first row only
        ["tbc"] * 4 + [None] * 17,
        ["1402"] * 21,
    ],
)
def test_one_unread_year_with_empty_cells_stays_one_assessment(years):
    rows = [["Country", "Year", "Capability", "Level"]]
    rows += [["Kenya", year, n, n % 5] for n, year in zip(CAPS, years, strict=True)]
    result = read("kenya.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {("Kenya", None, None): {n: n % 5 for n in CAPS}}
    assert result.capabilities["assessment_id"].nunique() == 1
    assert not any("second time" in p.message for p in result.problems)
