"""A wide table's header written again among its rows is a header, skipped quietly
(``header_again``)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.reader_support import TITLES, by_assessment, read, xlsx

ALL = range(1, 22)
REGIONS = {
    "East Asia": {"Fiji": 1, "Mongolia": 2},
    "South Asia": {"Nepal": 3, "Bhutan": 4},
    "Pacific": {"Samoa": 0},
}


def _levels(shift: int) -> dict[int, int]:
    return {n: (n + shift) % 5 for n in ALL}


def _country_blocks(header: list[Any], *, titles: bool, averages: bool) -> list:
    """Regional blocks one under another, each with its title, its own header and an average."""
    rows: list[list[Any]] = []
    for region, countries in REGIONS.items():
        if titles:
            rows.append([f"{region} – MNR levels 2023"])
        rows.append(header)
        rows += [[name, *_levels(shift).values()] for name, shift in countries.items()]
        if averages:
            rows.append(["Sub-regional average", *([2.5] * 21)])
        rows += [[], []]
    return rows


HEADERS = [
    ["Country", *(TITLES[n] for n in ALL)],
    ["Country", *(f"{n}. {TITLES[n]}" for n in ALL)],
    ["País", *(f"C{n}" for n in ALL)],
]


@pytest.mark.parametrize("header", HEADERS)
@pytest.mark.parametrize("titles", [True, False])
@pytest.mark.parametrize("averages", [True, False])
def test_regional_blocks_each_under_its_header_are_read_without_errors(header, titles, averages):
    rows = _country_blocks(header, titles=titles, averages=averages)
    if not titles:
        rows.insert(0, ["MNR levels by region, 2023"])

    result = read("regions.xlsx", xlsx({"Regional tables": rows}))

    expected = {
        (name, 2023, None): _levels(shift)
        for countries in REGIONS.values()
        for name, shift in countries.items()
    }
    assert by_assessment(result) == expected
    assert [p for p in result.problems if p.severity == "error"] == []
    assert not [p for p in result.problems if "is not a level" in p.message]
    assert not [p for p in result.problems if "is not a year" in p.message]


def test_capabilities_down_with_the_header_printed_again_on_the_next_page():
    header = ["Capability", "Kenya 2023", "Uganda 2023"]
    rows = [header] + [[TITLES[n], n % 5, (n + 1) % 5] for n in range(1, 12)]
    rows += [header] + [[TITLES[n], n % 5, (n + 1) % 5] for n in range(12, 22)]

    result = read("print.xlsx", xlsx({"Levels": rows}))

    assert by_assessment(result) == {
        ("Kenya", 2023, None): {n: n % 5 for n in ALL},
        ("Uganda", 2023, None): {n: (n + 1) % 5 for n in ALL},
    }
    assert result.problems == ()


def test_a_row_that_only_shares_one_word_with_the_header_is_data():
    # "Kenya" under a header naming "Kenya 2023": one cell alike is no header
    header = ["Capability", "Kenya 2023", "Uganda 2023"]
    rows = [header] + [[TITLES[n], n % 5, (n + 1) % 5] for n in ALL]
    rows.append(["Capability", "see notes", None])

    result = read("notes.xlsx", xlsx({"Levels": rows}))

    assert len(by_assessment(result)) == 2
