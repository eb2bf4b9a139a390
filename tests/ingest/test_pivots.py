"""An Excel pivot table's output pasted as values: read in tabular form, named otherwise."""

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, read, xlsx

CAPS = range(1, 22)
KENYA = {n: n % 5 for n in CAPS}
UGANDA = {n: (n + 2) % 5 for n in CAPS}


def _caps_down(caption, rows_word, columns_word, total):
    rows = [["Year", 2024], []]
    if caption:
        rows.append([caption, columns_word])
    rows.append([rows_word, "Kenya", "Uganda", total])
    # sorted by title, as a pivot sorts its rows
    for n in sorted(CAPS, key=TITLES.get):
        rows.append([TITLES[n], KENYA[n], UGANDA[n], (KENYA[n] + UGANDA[n]) / 2])
    rows.append([total, 2, 2, 2])
    return rows


@pytest.mark.parametrize(
    ("caption", "rows_word", "columns_word", "total"),
    [
        ("Average of Level", "Row Labels", "Column Labels", "Grand Total"),
        (None, "Row Labels", None, "Grand Total"),
        ("Sum of Level", "Row Labels", "Column Labels", "Grand Total"),
        ("Moyenne de Niveau", "Étiquettes de lignes", "Étiquettes de colonnes", "Total général"),
        ("Somme de Niveau", "Étiquettes de lignes", "Étiquettes de colonnes", "Total général"),
        ("Promedio de Nivel", "Etiquetas de fila", "Etiquetas de columna", "Total general"),
        ("Suma de Nivel", "Etiquetas de fila", "Etiquetas de columna", "Suma total"),
        ("Média de Nível", "Rótulos de Linha", "Rótulos de Coluna", "Total Geral"),
    ],
)
def test_a_pivot_with_capabilities_down_is_read_and_its_totals_are_no_assessment(
    caption, rows_word, columns_word, total
):
    result = read(
        "pivot.xlsx", xlsx({"Sheet2": _caps_down(caption, rows_word, columns_word, total)})
    )
    assert by_assessment(result) == {("Kenya", 2024, None): KENYA, ("Uganda", 2024, None): UGANDA}
    assert not [p for p in result.problems if p.severity == "error"]


def test_a_pivot_with_countries_down_is_read():
    rows = [["Year", 2024], [], ["Average of Level", "Column Labels"]]
    rows.append(["Row Labels", *(TITLES[n] for n in CAPS), "Grand Total"])
    rows.append(["Kenya", *(KENYA[n] for n in CAPS), 2])
    rows.append(["Uganda", *(UGANDA[n] for n in CAPS), 2])
    rows.append(["Grand Total", *(2 for _ in CAPS), 2])
    result = read("pivot.xlsx", xlsx({"Sheet2": rows}))
    assert by_assessment(result) == {("Kenya", 2024, None): KENYA, ("Uganda", 2024, None): UGANDA}


def test_a_pivot_of_one_value_column_is_one_assessment():
    rows = [["Row Labels", "Sum of Level"], *([TITLES[n], KENYA[n]] for n in CAPS)]
    rows.append(["Grand Total", sum(KENYA.values())])
    result = read("kenya_2024_pivot.xlsx", xlsx({"Sheet1": rows}))
    assert by_assessment(result) == {("Kenya", 2024, None): KENYA}


def test_an_average_that_is_not_whole_is_reported_not_rounded():
    rows = _caps_down("Average of Level", "Row Labels", "Column Labels", "Grand Total")
    rows[4][1] = 2.5  # the first capability row's Kenya cell
    result = read("pivot.xlsx", xlsx({"Sheet2": rows}))
    first = min(CAPS, key=TITLES.get)
    assert first not in by_assessment(result)[("Kenya", 2024, None)]
    assert_problem(result, "error", "B5", "“2.5” is not a whole number")


def test_a_pivot_counting_the_levels_is_refused_with_what_to_change():
    rows = [["Row Labels", "Count of Level"], *([TITLES[n], 1] for n in CAPS)]
    result = read("pivot.xlsx", xlsx({"Sheet1": rows}))
    assert by_assessment(result) == {}
    assert_problem(result, "warning", None, "counts the levels (“Count of Level” in B1)")


def test_a_compact_pivot_is_named_as_such_not_as_a_level_column_without_capabilities():
    rows = [["Average of Level", "Column Labels"], ["Row Labels", 2022, 2024, "Grand Total"]]
    for country in ("Kenya", "Uganda"):
        rows.append([country, 2, 2, 2])
        rows += [[TITLES[n], KENYA[n], KENYA[n], KENYA[n]] for n in CAPS]
    rows.append(["Grand Total", 2, 2, 2])
    result = read("pivot.xlsx", xlsx({"Pivot": rows}))
    assert by_assessment(result) == {}
    assert_problem(result, "warning", None, "it holds a pivot table (“Row Labels” in A2)")
    assert not [p for p in result.problems if "Level column (A1)" in p.message]
