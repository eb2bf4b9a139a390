"""Names of groups of countries and of their statistics are never a country: as a row's country
cell, a long table's country or a wide table's column, whatever their length or asides."""

from __future__ import annotations

import pytest

from components.ingest.region_names import is_group_name, is_group_statistic
from tests.ingest.reader_support import TITLES, by_assessment, csv_bytes, errors, read, xlsx

LEVELS = {n: n % 5 for n in range(1, 22)}
OTHER = {n: (n + 1) % 5 for n in range(1, 22)}
# A group's figure: averages (not whole) and medians (whole) of the countries' levels.
MEAN = {n: (LEVELS[n] + OTHER[n]) / 2 for n in range(1, 22)}
MEDIAN = {n: min(LEVELS[n], OTHER[n]) for n in range(1, 22)}


@pytest.mark.parametrize(
    ("name", "group"),
    [
        ("West and Central Africa", True),
        ("Eastern and Southern Africa", True),
        ("Middle East and North Africa", True),
        ("East Asia & Pacific", True),
        ("Latin America and Caribbean", True),
        ("Afrique de l'Ouest et du Centre", True),
        ("América Latina y el Caribe", True),
        ("África Oriental y Austral", True),
        ("Low income", True),
        ("Upper-middle income countries", True),
        ("Western Asia", True),  # a UN M49 sub-region, as the peer groups have them
        ("Melanesia", True),
        ("South Africa", False),
        ("Central African Republic", False),
        ("Micronesia", False),  # the Federated States of Micronesia, a country
        ("Western Sahara", False),
        ("Timor-Leste", False),
        ("Equatorial Guinea", False),
        ("Kenya", False),
        ("Elbonia", False),
        ("Punjab", False),
    ],
)
def test_a_group_of_countries_is_told_from_a_country(name, group):
    assert is_group_name(name) is group


@pytest.mark.parametrize(
    ("name", "statistic"),
    [
        ("Regional average – Middle East and North Africa", True),
        ("West and Central Africa (regional average)", True),
        ("All countries – median", True),
        ("Moyenne régionale – Afrique de l'Ouest et du Centre", True),
        ("Promedio regional (América Latina y el Caribe)", True),
        ("Média – África Austral", True),
        ("Sub-regional average", True),
        ("Average (n = 9)", True),
        ("Median, low income countries", True),
        ("% at level 3 – East Asia and Pacific", False),  # "at level 3" is no group
        ("Kenya (avg)", False),  # a country's own figure stays the country's
        ("Elbonia (avg)", False),
        ("Level (average of assessors)", False),
        ("West and Central Africa", False),  # a group, but no statistic's name
    ],
)
def test_a_statistic_of_a_group_is_told_from_a_country(name, statistic):
    assert is_group_statistic(name) is statistic


GROUP_ROWS = [
    "Regional average – Middle East and North Africa",
    "West and Central Africa (regional average)",
    "West and Central Africa",
    "Low income",
    "Moyenne régionale – Afrique de l'Ouest et du Centre",
]


@pytest.mark.parametrize("label", GROUP_ROWS)
@pytest.mark.parametrize("figure", [MEAN, MEDIAN])
def test_a_group_row_among_countries_is_left_out_with_a_warning(label, figure):
    rows = [["Country", "Year", *(TITLES[n] for n in TITLES)]]
    rows.append(["Kenya", 2022, *(LEVELS[n] for n in TITLES)])
    rows.append(["Uganda", 2022, *(OTHER[n] for n in TITLES)])
    rows.append([label, 2022, *(figure[n] for n in TITLES)])
    result = read("regional.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {("Kenya", 2022, None): LEVELS, ("Uganda", 2022, None): OTHER}
    warning = next(p for p in result.problems if p.cell == "A4")
    assert "names a region or its average, not one country" in warning.message
    assert not errors(result)


@pytest.mark.parametrize("label", GROUP_ROWS)
def test_a_group_in_a_long_table_is_left_out_once(label):
    rows = [["Country", "Year", "Capability", "Level"]]
    for name, given in (("Benin", LEVELS), ("Togo", OTHER), (label, MEAN)):
        rows += [[name, 2022, TITLES[n], level] for n, level in given.items()]
    result = read("long.csv", csv_bytes(rows))
    assert by_assessment(result) == {("Benin", 2022, None): LEVELS, ("Togo", 2022, None): OTHER}
    said = [p for p in result.problems if "names a region" in p.message]
    assert [p.cell for p in said] == ["A44"]  # its first row, once for its 21
    assert not errors(result)


@pytest.mark.parametrize(
    "label",
    [
        "Regional average – Middle East and North Africa",
        "West and Central Africa (regional average)",
        "Moyenne régionale (Afrique de l'Ouest et du Centre)",
    ],
)
@pytest.mark.parametrize("figure", [MEAN, MEDIAN])
def test_a_statistics_column_beside_the_countries_is_not_a_country(label, figure):
    rows = [["No.", "Capability", "Kenya 2022", "Uganda 2022", label]]
    rows += [[n, TITLES[n], LEVELS[n], OTHER[n], figure[n]] for n in TITLES]
    result = read("wide.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {("Kenya", 2022, None): LEVELS, ("Uganda", 2022, None): OTHER}
    assert not errors(result)


@pytest.mark.parametrize(
    "label", ["West and Central Africa", "Low income", "Afrique de l'Ouest et du Centre"]
)
def test_a_groups_column_of_whole_medians_is_not_a_country(label):
    rows = [["No.", "Capability", "Kenya 2022", "Uganda 2022", label]]
    rows += [[n, TITLES[n], LEVELS[n], OTHER[n], MEDIAN[n]] for n in TITLES]
    result = read("wide.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {("Kenya", 2022, None): LEVELS, ("Uganda", 2022, None): OTHER}
    warning = next(p for p in result.problems if p.cell == "E1")
    assert "names a region or its average, not one country" in warning.message
