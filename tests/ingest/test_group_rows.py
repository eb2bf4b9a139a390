"""Rows of a table of countries that are about a group of them are left out with a warning:
Excel's Data > Subtotal rows (no country, "<Region> Average" beside it) and rows headed by a
level of the scale; never an error about a missing country, never an assessment."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import TITLES, by_assessment, errors, read, xlsx

LEVELS = {n: n % 5 for n in range(1, 22)}
OTHER = {n: (n + 1) % 5 for n in range(1, 22)}
THIRD = {n: (n + 3) % 5 for n in range(1, 22)}
MEAN = {n: round((LEVELS[n] + OTHER[n]) / 2, 2) for n in range(1, 22)}


def _by_region(group_label: str, grand_label: str, *, label_column: int = 0) -> bytes:
    """Countries grouped by region, a subtotal row after each group and a grand one, as Excel's
    Data > Subtotal writes them: the label in the region's column, the country's left blank."""
    head = ["Region", "Country", "Year", *(TITLES[n] for n in TITLES)]
    rows: list[list] = [head]
    groups = (("Southern Africa", [("Namibia", LEVELS), ("Zambia", OTHER)]),
              ("West and Central Africa", [("Ghana", THIRD)]))  # fmt: skip
    for region, countries in groups:
        for country, given in countries:
            rows.append([region, country, 2022, *(given[n] for n in TITLES)])
        label = group_label.format(region=region)
        subtotal = [None, None, None, *(MEAN[n] for n in TITLES)]
        subtotal[label_column] = label
        rows.append(subtotal)
    grand = [None, None, None, *(MEAN[n] for n in TITLES)]
    grand[label_column] = grand_label
    rows.append(grand)
    return xlsx({"Scores": rows})


@pytest.mark.parametrize(
    ("group_label", "grand_label"),
    [
        ("{region} Average", "Grand Average"),
        ("{region} Total", "Grand Total"),
        ("{region} Median", "Overall median"),
        ("Moyenne {region}", "Moyenne générale"),
        ("Promedio {region}", "Total general"),
    ],
)
def test_subtotal_rows_without_a_country_are_left_out_with_a_warning(group_label, grand_label):
    result = read("subtotals.xlsx", _by_region(group_label, grand_label))
    assert by_assessment(result) == {
        ("Namibia", 2022, None): LEVELS,
        ("Zambia", 2022, None): OTHER,
        ("Ghana", 2022, None): THIRD,
    }
    assert not errors(result)
    said = {p.cell: p.message for p in result.problems if "sums up other rows" in p.message}
    assert set(said) == {"A4", "A6", "A7"}
    assert said["A7"].startswith(f"Row 7 (“{grand_label}”)")


def test_a_row_without_a_country_and_no_subtotal_label_is_still_an_error():
    rows = [["Region", "Country", "Year", *(TITLES[n] for n in TITLES)]]
    rows.append(["Southern Africa", "Namibia", 2022, *(LEVELS[n] for n in TITLES)])
    rows.append(["Southern Africa", None, 2022, *(OTHER[n] for n in TITLES)])
    result = read("missing.xlsx", xlsx({"Scores": rows}))
    assert [(p.cell, "has no country" in p.message) for p in errors(result)] == [("B3", True)]


@pytest.mark.parametrize(
    "labels",
    [
        ["Not in place", "Building", "Developing", "Established", "Mature", "Not assessed"],
        ["0 - Inexistant", "1 - En construction", "2 - En développement", "Non évalué"],
    ],
)
def test_rows_headed_by_levels_are_no_countries(labels):
    """Counts of countries per level under a table of countries' rows (levels down,
    capabilities across): never countries."""
    rows = [["Country", *(TITLES[n] for n in TITLES)]]
    rows.append(["Kenya", *(LEVELS[n] for n in TITLES)])
    rows += [[label, *((n + i) % 4 for n in TITLES)] for i, label in enumerate(labels)]
    result = read("levels.xlsx", xlsx({"Counts": rows}))
    assert by_assessment(result) == {("Kenya", None, None): LEVELS}
    said = [p.cell for p in result.problems if "headed by a level of the scale" in p.message]
    assert said == [f"A{row}" for row in range(3, 3 + len(labels))]
