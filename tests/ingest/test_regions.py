"""A country cell naming a region or its average ("East Africa (avg)", "SADC") is never a
country: left out with a warning among countries, an error on a single form."""

from __future__ import annotations

import pytest

from components.ingest.regions import is_region
from tests.ingest.reader_support import assert_problem, by_assessment, csv_bytes, read, xlsx

LEVELS = {n: n % 5 for n in range(1, 22)}
OTHER = {n: (n + 1) % 5 for n in range(1, 22)}


def _long_table(*rows: tuple[str, dict[int, int]]) -> bytes:
    table = [["Country", "Year", "Capability", "Level"]]
    for name, given in rows:
        table += [[name, 2023, n, level] for n, level in given.items()]
    return csv_bytes(table)


def _form(country: str) -> bytes:
    rows = [["Country", country], ["Year", 2023], [], ["No.", "Capability", "Level"]]
    rows += [[n, None, level] for n, level in LEVELS.items()]
    return xlsx({"Form": rows})


@pytest.mark.parametrize(
    "region",
    [
        "East Africa (avg)",
        "East Africa",
        "Sub-Saharan Africa",
        "SADC",
        "ECOWAS",
        "Afrique de l'Ouest (moyenne)",
        "América Latina y el Caribe",
        "East Africa – average",
    ],
)
def test_a_region_row_among_countries_is_left_out_with_a_warning(region):
    result = read(
        "regional.csv", _long_table(("Kenya", LEVELS), ("Uganda", OTHER), (region, OTHER))
    )
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS, ("Uganda", 2023, None): OTHER}
    assert_problem(result, "warning", "A44", "names a region or its average, not one country")


@pytest.mark.parametrize("region", ["East Africa", "SADC", "Afrique australe"])
def test_a_form_for_a_region_is_refused(region):
    result = read("form.xlsx", _form(region))
    assert by_assessment(result) == {}
    assert_problem(result, "error", "B1", f"“{region}”, is a region or a group of countries")


@pytest.mark.parametrize(
    "name",
    ["Kenya", "South Africa", "Central African Republic", "Elbonia (avg)", "Kenya (avg)", "Guinea"],
)
def test_a_country_or_its_own_average_is_not_a_region(name):
    assert not is_region(name)
