"""A title's (or a sheet's, or a file's) country is never the country of several columns at
once: columns headed differently with no country of their own are left out, said once."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import TITLES, by_assessment, errors, read, xlsx

LEVELS = {n: n % 5 for n in TITLES}


def _grid(top: list[list[object]], heads: list[object], sheet: str = "Summary") -> bytes:
    rows = [*top, [], ["No.", "Capability", *heads]]
    rows += [[n, TITLES[n], *((n + i) % 5 for i in range(len(heads)))] for n in TITLES]
    return xlsx({sheet: rows})


# Headings the app cannot read as a country: republics of Russia, regions of Ethiopia, in their
# scripts. (Two headed like the level, "Score" and "Niveau", are refused as such: layout.)
UNREAD = [
    ["Татарстан", "Башкортостан"],
    ["Татарстан", "Башкортостан", "Чувашия"],
    ["ትግራይ", "አማራ"],
]


@pytest.mark.parametrize("heads", UNREAD)
@pytest.mark.parametrize(
    ("top", "sheet", "said"),
    [
        ([["Kenya – MNR 2023"]], "Summary", "the country “Kenya” found above the table"),
        ([["Regional workshop 2023"]], "Summary", "nothing around the table names one"),
        ([["MNR 2023"]], "Kenya", "the country “Kenya” found above the table"),
    ],
)
def test_columns_with_no_country_of_their_own_never_share_the_title_s(heads, top, sheet, said):
    result = read("grid.xlsx", _grid(top, heads, sheet))
    assert by_assessment(result) == {}  # never "Kenya" twice, nor an empty "Kenya"
    [error] = [p for p in errors(result) if "name no country the app knows" in p.message]
    assert f"“{heads[0]}” (C3)" in error.message
    assert said in error.message
    assert "Their levels were not read." in error.message
    assert "Head each column with its country's name in English" in error.fix
    assert not [p for p in errors(result) if "given twice" in p.message]


@pytest.mark.parametrize(
    ("top", "heads", "expected"),
    [
        # One column: the title's country is its own, as before.
        ([["Kenya – MNR 2023"]], ["Score"], {("Kenya", 2023, None)}),
        ([["Kenya – MNR 2023"]], ["Татарстан"], {("Kenya", 2023, None)}),
        # Years or rounds tell the columns apart: one country, several assessments.
        ([["Kenya"]], [2021, 2023], {("Kenya", 2021, None), ("Kenya", 2023, None)}),
        (
            [["Kenya 2023"]],
            ["Baseline", "Midline"],
            {("Kenya", 2023, "Baseline"), ("Kenya", 2023, "Midline")},
        ),
        # Columns with countries of their own keep them.
        (
            [["Regional workshop 2023"]],
            ["Армения", "Казахстан"],
            {("Armenia", 2023, None), ("Kazakhstan", 2023, None)},
        ),
    ],
)
def test_columns_told_apart_or_alone_keep_the_title_s_country(top, heads, expected):
    result = read("grid.xlsx", _grid(top, heads))
    assert set(by_assessment(result)) == expected
    assert not [p for p in result.problems if "name no country the app knows" in p.message]


def test_under_a_country_label_the_label_says_whose_columns_they_are():
    result = read(
        "grid.xlsx", _grid([["Country", "Kenya"], ["Year", 2023]], ["Татарстан", "Башкортостан"])
    )
    assert not [p for p in result.problems if "name no country the app knows" in p.message]
