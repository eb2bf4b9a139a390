"""A pivot table beside the data it was made from is a summary: read once, from the data."""

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, read, xlsx

CAPS = range(1, 22)
KENYA = {n: n % 5 for n in CAPS}
UGANDA = {n: (n + 2) % 5 for n in CAPS}
DATA = [["Country", "Year", "Capability no", "Capability", "Level"]] + [
    [country, 2024, n, TITLES[n], given[n]]
    for country, given in (("Kenya", KENYA), ("Uganda", UGANDA))
    for n in CAPS
]


def pivot(caption, rows_word, columns_word, total, countries=("Kenya", "Uganda")):
    """Capabilities down, countries across, as Excel lays a pivot out in tabular form."""
    given = {"Kenya": KENYA, "Uganda": UGANDA, "Tanzania": KENYA}
    rows = [[], [], [caption, columns_word], [rows_word, *countries, total]]
    for n in CAPS:
        values = [given[c][n] for c in countries]
        rows.append([n, *values, sum(values) / len(values)])
    rows.append([total, *(2 for _ in countries), 2])
    return rows


@pytest.mark.parametrize(
    ("caption", "rows_word", "columns_word", "total"),
    [
        ("Average of Level", "Row Labels", "Column Labels", "Grand Total"),
        ("Sum of Level", "Row Labels", "Column Labels", "Grand Total"),
        ("Moyenne de Niveau", "Étiquettes de lignes", "Étiquettes de colonnes", "Total général"),
        ("Promedio de Nivel", "Etiquetas de fila", "Etiquetas de columna", "Total general"),
        ("Suma de Nivel", "Etiquetas de fila", "Etiquetas de columna", "Suma total"),
        ("Média de Nível", "Rótulos de Linha", "Rótulos de Coluna", "Total Geral"),
        (None, "Row Labels", None, "Grand Total"),
    ],
)
@pytest.mark.parametrize("first", [True, False])
def test_a_pivot_beside_its_data_is_left_out_and_said(
    caption, rows_word, columns_word, total, first
):
    sheets = {"Pivot": pivot(caption, rows_word, columns_word, total), "Capabilities": DATA}
    if not first:
        sheets = dict(reversed(sheets.items()))
    result = read("export.xlsx", xlsx(sheets))
    # Once each, dated, from the data: no undated copy from the pivot.
    assert by_assessment(result) == {("Kenya", 2024, None): KENYA, ("Uganda", 2024, None): UGANDA}
    assert set(result.capabilities["source"]) == {"export.xlsx › Capabilities"}
    assert_problem(
        result,
        "warning",
        None,
        "is a pivot table",
        sheet="Pivot",
    )
    assert_problem(
        result,
        "warning",
        None,
        "It was left out: the assessments of Kenya and Uganda were read from “Capabilities”",
        sheet="Pivot",
    )
    assert not [p for p in result.problems if p.severity == "error"]


def test_what_reading_a_left_out_pivot_said_goes_with_it():
    rows = pivot("Average of Level", "Row Labels", "Column Labels", "Grand Total")
    rows[4][1] = 2.5  # an average over two rounds: no level, but the pivot is left out
    result = read("export.xlsx", xlsx({"Capabilities": DATA, "Pivot": rows}))
    assert by_assessment(result) == {("Kenya", 2024, None): KENYA, ("Uganda", 2024, None): UGANDA}
    assert [p.severity for p in result.problems] == ["warning"]


def test_a_pivot_of_a_country_no_other_sheet_holds_is_still_read():
    rows = pivot("Average of Level", "Row Labels", "Column Labels", "Grand Total", ("Tanzania",))
    result = read("export.xlsx", xlsx({"Capabilities": DATA, "Pivot": rows}))
    assert set(by_assessment(result)) == {
        ("Kenya", 2024, None),
        ("Uganda", 2024, None),
        ("Tanzania", None, None),
    }
    assert not [p for p in result.problems if "is a pivot table" in p.message]
