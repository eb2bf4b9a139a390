"""A long table's level column under a generic header, or one the reader does not know, and a
table of countries down with only two capabilities across (``partial_header``)."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import (
    FW,
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    enabler_levels,
    read,
    xlsx,
)

KENYA = {n: n % 5 for n in range(1, 22)}
UGANDA = {n: (n + 2) % 5 for n in range(1, 22)}


def _long(header: list[str], *, year: bool = True) -> list[list]:
    rows = [header]
    for country, given in (("Kenya", KENYA), ("Uganda", UGANDA)):
        for n, level in given.items():
            rows.append([country, *([2023] if year else []), n, TITLES[n], level])
    return rows


@pytest.mark.parametrize(
    "level_header",
    [
        "Value",  # Power Query, pandas melt, R pivot_longer
        "value",
        "Measure Values",  # Tableau
        "Result",
        "Valeur",
        "Résultat",
        "Niveau atteint",
        "Valor",
        "Resultado",
        "Stufe",  # German Excel
        "Wert",
    ],
)
@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_long_tables_generic_level_header_is_read_as_the_level(level_header, kind):
    rows = _long(["Country", "Year", "No.", "Capability", level_header])
    data = xlsx({"Data": rows}) if kind == "xlsx" else csv_bytes(rows)
    result = read(f"export.{kind}", data)
    assert by_assessment(result) == {("Kenya", 2023, None): KENYA, ("Uganda", 2023, None): UGANDA}
    assert not [p for p in result.problems if level_header in p.message]


def test_a_german_header_row_reads():
    rows = [["Land", "Jahr", "Nr.", "Fähigkeit", "Stufe"]]
    rows += [["Kenya", 2023, n, TITLES[n], level] for n, level in KENYA.items()]
    result = read("export.csv", csv_bytes(rows, sep=";"))
    assert by_assessment(result) == {("Kenya", 2023, None): KENYA}


def test_power_query_unpivot_attribute_value_reads():
    rows = [["Country", "Year", "Attribute", "Value"]]
    for country, given in (("Kenya", KENYA), ("Uganda", UGANDA)):
        rows += [[country, 2023, f"{n}. {TITLES[n]}", level] for n, level in given.items()]
    result = read("query.xlsx", xlsx({"Query1": rows}))
    assert by_assessment(result) == {("Kenya", 2023, None): KENYA, ("Uganda", 2023, None): UGANDA}


@pytest.mark.parametrize("level_header", ["Punkte", "Bewertung X", "Measure"])
@pytest.mark.parametrize("year", [True, False])
def test_an_unknown_level_header_beside_a_country_column_is_refused_never_a_country(
    level_header, year
):
    header = ["Country", *(["Year"] if year else []), "No.", "Capability", level_header]
    result = read("export.xlsx", xlsx({"Data": _long(header, year=year)}))
    assert by_assessment(result) == {}
    assert_problem(result, "warning", None, "no column is headed Level")
    assert_problem(result, "warning", None, f"The column headed “{level_header}”")


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ([f"{n}. {TITLES[n]}" for n in (20, 21)], True),
        ([TITLES[n] for n in (20, 21)], True),
        ([f"C{n}" for n in (20, 21)], True),
        ([20, 21], False),  # two numbers across could be anything
    ],
)
def test_two_capabilities_across_with_a_country_column(headers, expected):
    rows = [["Country", "Year", *headers], ["Kenya", 2023, 2, 3], ["Uganda", 2023, 4, 1]]
    result = read("media.xlsx", xlsx({"Media": rows}))
    found = by_assessment(result)
    if expected:
        assert found == {
            ("Kenya", 2023, None): {20: 2, 21: 3},
            ("Uganda", 2023, None): {20: 4, 21: 1},
        }
    else:
        assert found == {}


def test_two_capabilities_across_without_a_country_column_are_not_a_table():
    rows = [["Name", "Year", TITLES[20], TITLES[21]], ["Kenya", 2023, 2, 3]]
    assert by_assessment(read("media.xlsx", xlsx({"Media": rows}))) == {}


ENABLERS = {
    "Kenya": {e: e % 5 for e in range(1, 8)},
    "Uganda": {e: (e + 1) % 5 for e in range(1, 8)},
}


def _wide_enablers(header: list[str]) -> list[list]:
    rows = [header + [e.title for e in FW.enablers]]
    for country, given in ENABLERS.items():
        values = {"Country": country, "Pays": country, "País": country, "Year": 2023}
        values |= {"Année": 2023, "Año": 2023}
        rows.append([values[h] for h in header] + [given[e] for e in range(1, 8)])
    return rows


@pytest.mark.parametrize(
    "header", [["Country", "Year"], ["Year", "Country"], ["Pays", "Année"], ["País", "Año"]]
)
def test_an_enablers_sheet_with_countries_down_and_enablers_across_joins_each_country(header):
    capabilities = [["Country", "Year", "No.", "Capability", "Level"]]
    for country, given in (("Kenya", KENYA), ("Uganda", UGANDA)):
        capabilities += [[country, 2023, n, TITLES[n], level] for n, level in given.items()]
    result = read("both.xlsx", xlsx({"Data": capabilities, "Enablers": _wide_enablers(header)}))
    assert by_assessment(result) == {("Kenya", 2023, None): KENYA, ("Uganda", 2023, None): UGANDA}
    assert enabler_levels(result) == {(c, 2023, None): given for c, given in ENABLERS.items()}
    assert not [p for p in result.problems if p.severity == "error"]


def test_enablers_across_without_their_assessment_are_said_not_used():
    result = read("enablers.xlsx", xlsx({"Enablers": _wide_enablers(["Country", "Year"])}))
    assert_problem(result, "warning", "C2, D2, E2, …", "have no capability assessment")
    assert "name no capability" not in " ".join(p.message for p in result.problems)
