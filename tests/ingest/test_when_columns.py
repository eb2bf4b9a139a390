"""A long table's year column under the names people give it, and the dates it holds."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import assert_problem, by_assessment, csv_bytes, read, xlsx

FIRST = {n: n % 5 for n in range(1, 22)}
SECOND = {n: (n + 2) % 5 for n in range(1, 22)}


def _long(header: str, first, second) -> list[list]:
    rows = [["Country", header, "Capability", "Level"]]
    rows += [["Uganda", first, n, level] for n, level in FIRST.items()]
    rows += [["Uganda", second, n, level] for n, level in SECOND.items()]
    return rows


@pytest.mark.parametrize(
    "header",
    [
        "Fiscal year",
        "Financial year",
        "FY",
        "Budget year",
        "Exercice",
        "Exercice fiscal",
        "Année budgétaire",
        "Año fiscal",
        "Ejercicio",
        "Ano fiscal",
        "Exercício",
    ],
)
def test_a_fiscal_year_column_is_read_as_the_year(header):
    result = read("fy.xlsx", xlsx({"Data": _long(header, "FY2023/24", "FY 2024-25")}))
    assert by_assessment(result) == {("Uganda", 2023, None): FIRST, ("Uganda", 2024, None): SECOND}
    assert_problem(result, "warning", "B2", "spans two years, of which the first is 2023")
    assert not [p for p in result.problems if p.severity == "error"]


def test_a_fiscal_year_column_with_one_year_keeps_it():
    rows = _long("Fiscal year", 2024, 2024)[:22]
    assert by_assessment(read("fy.csv", csv_bytes(rows))) == {("Uganda", 2024, None): FIRST}


@pytest.mark.parametrize(
    ("title", "region", "country", "year", "round_header"),
    [
        (["East Africa MNR consolidation"], "Region", "Country", "Year", "Round"),
        (["Consolidation régionale", None, None], "Région", "Pays", "Année", "Tour"),
        ([None, "Consolidado regional MNR"], "Región", "País", "Año", "Ronda"),
        (["Consolidação regional"], "Região", "País", "Ano", "Rodada"),
    ],
)
def test_a_title_above_countries_as_rows_leaves_the_round_column_read(
    title, region, country, year, round_header
):
    rows = [title, [], [region, country, year, round_header] + [f"C{n}" for n in range(1, 22)]]
    for label, levels in (("Baseline", FIRST), ("Midline", SECOND)):
        rows.append(["East Africa", "Kenya", 2024, label, *levels.values()])
    result = read("regional.xlsx", xlsx({"Consolidated": rows}))
    assert by_assessment(result) == {
        ("Kenya", 2024, "Baseline"): FIRST,
        ("Kenya", 2024, "Midline"): SECOND,
    }
    assert not [p for p in result.problems if p.severity == "error"]
    # the region column is said to be left out, under its own name, not the title's
    assert_problem(result, "warning", "A3", f"headed “{region}” is not a capability")
