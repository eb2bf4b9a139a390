"""A country's sheet copied and renamed for another country, its Country cell unchanged
(components/ingest/renamed_sheets.py): that sheet's assessment is refused naming the sheet,
both countries and the cell; sheets that say nothing of the kind are read as before."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.reader_support import TITLES, by_assessment, errors, read, xlsx

ALL = range(1, 22)
KENYA = {n: n % 5 for n in ALL}
OTHER = {n: (n + 2) % 5 for n in ALL}


def _sheet(country: str, iso3: str | None, levels: dict[int, int]) -> list[list[Any]]:
    rows: list[list[Any]] = [["MNR self-assessment"], [], ["Country", country]]
    rows += [["ISO3 code (optional)", iso3], ["Date or year", 2024], []]
    rows += [["No.", "Capability", "Level"]] + [
        [n, TITLES[n], level] for n, level in levels.items()
    ]
    return rows


@pytest.mark.parametrize(
    ("names", "iso3"),
    [
        (["Kenya", "Uganda"], "KEN"),
        (["Kenya", "Uganda"], None),  # the Country cell alone
        (["Kenya 2024", "Uganda 2024"], "KEN"),  # a year after the name
        (["Kenya", "Ouganda"], "KEN"),  # the copy renamed in French
        (["Republic of Kenya", "Uganda"], None),  # the sibling under another name of Kenya
        (["KEN", "UGA"], None),  # sheets named by ISO3 code
        (["KEN", "UGA"], "KEN"),
    ],
)
def test_a_sheet_renamed_for_another_country_with_its_country_cell_unchanged_is_refused(
    names: list[str], iso3: str | None
) -> None:
    book = xlsx({names[0]: _sheet("Kenya", iso3, KENYA), names[1]: _sheet("Kenya", iso3, OTHER)})
    result = read("region.xlsx", book)
    assert by_assessment(result) == {("Kenya", 2024, None): KENYA}
    (refused,) = errors(result)
    assert (refused.sheet, refused.cell) == (names[1], "B3")
    assert f"Sheet “{names[1]}” is named after " in refused.message
    assert "but its Country cell (B3) says Kenya, as sheet " in refused.message
    assert f"as sheet “{names[0]}” does" in refused.message
    assert "rename the sheet" in refused.fix
    assert not [p for p in result.problems if "kept as separate assessments" in p.message]


def test_each_copy_that_kept_the_first_countrys_cell_is_refused() -> None:
    sheets = {name: _sheet("Kenya", "KEN", OTHER) for name in ("Uganda", "Tanzania")}
    result = read("region.xlsx", xlsx({"Kenya": _sheet("Kenya", "KEN", KENYA), **sheets}))
    assert by_assessment(result) == {("Kenya", 2024, None): KENYA}
    assert sorted(p.sheet for p in errors(result)) == ["Tanzania", "Uganda"]


def test_a_copy_holding_the_other_capabilities_is_not_joined_to_the_first() -> None:
    first = {n: KENYA[n] for n in range(1, 11)}
    rest = {n: OTHER[n] for n in range(11, 22)}
    book = xlsx({"Kenya": _sheet("Kenya", "KEN", first), "Uganda": _sheet("Kenya", "KEN", rest)})
    result = read("region.xlsx", book)
    assert by_assessment(result) == {("Kenya", 2024, None): first}
    assert not [p for p in result.problems if "split over sheets" in p.message]


@pytest.mark.parametrize(
    ("sheets", "expected"),
    [
        # each sheet's cell names its own country
        (
            {"Kenya": ("Kenya", KENYA), "Uganda": ("Uganda", OTHER)},
            {("Kenya", 2024, None): KENYA, ("Uganda", 2024, None): OTHER},
        ),
        # no sibling sheet is named after the cell's country: the cell decides, as before
        ({"Uganda": ("Kenya", OTHER)}, {("Kenya", 2024, None): OTHER}),
        (
            {"Uganda": ("Kenya", OTHER), "Tanzania": ("Tanzania", KENYA)},
            {("Kenya", 2024, None): OTHER, ("Tanzania", 2024, None): KENYA},
        ),
    ],
)
def test_sheets_that_are_no_renamed_copies_are_read_by_their_country_cells(
    sheets: dict[str, tuple[str, dict[int, int]]], expected: dict[tuple, dict[int, int]]
) -> None:
    book = xlsx({name: _sheet(country, None, levels) for name, (country, levels) in sheets.items()})
    result = read("region.xlsx", book)
    assert by_assessment(result) == expected
    assert not [p for p in result.problems if "renamed for" in p.message]
