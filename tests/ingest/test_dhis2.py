"""DHIS2's table export: "Data | Period | Organisation unit | Value", one row per value."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import (
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    errors,
    read,
    xlsx,
)

LEVELS = {n: (n * 3) % 5 for n in range(1, 22)}


def _rows(header, period="2023", unit="Ethiopia", element=None, order=(0, 1, 2, 3)):
    def element_of(n):
        return element(n) if element else f"MNR C{n:02d} {TITLES[n]} - level"

    rows = [[element_of(n), period, unit, LEVELS[n]] for n in LEVELS]
    return [[cells[i] for i in order] for cells in [list(header), *rows]]


@pytest.mark.parametrize(
    "header",
    [
        ("Data", "Period", "Organisation unit", "Value"),
        ("Data element", "Period", "Org unit", "Value"),
        ("Data", "Period", "orgunit", "Value"),
        ("Données", "Période", "Unité d'organisation", "Valeur"),
        ("Datos", "Periodo", "Unidad organizativa", "Valor"),
        ("Dados", "Período", "Unidade organizacional", "Valor"),
    ],
)
def test_a_dhis2_export_is_read_in_its_languages(header):
    result = read("dhis2.csv", csv_bytes(_rows(header)))
    assert by_assessment(result) == {("Ethiopia", 2023, None): LEVELS}
    assert not errors(result)


@pytest.mark.parametrize(
    "element",
    [
        lambda n: f"MNR C{n:02d} {TITLES[n]} - level",
        lambda n: f"MNR_C{n:02d}_level",
        lambda n: f"C{n:02d}",
        lambda n: f"Capability {n}",
        lambda n: f"{TITLES[n]} (level)",
    ],
)
def test_the_data_element_names_the_capability_by_its_code_or_title(element):
    result = read("dhis2.xlsx", xlsx({"Sheet 1": _rows(_HEADER, element=element)}))
    assert by_assessment(result) == {("Ethiopia", 2023, None): LEVELS}


_HEADER = ("Data", "Period", "Organisation unit", "Value")


def test_the_columns_in_any_order():
    result = read("dhis2.csv", csv_bytes(_rows(_HEADER, order=(2, 3, 1, 0))))
    assert by_assessment(result) == {("Ethiopia", 2023, None): LEVELS}


@pytest.mark.parametrize(
    ("period", "said"),
    [
        ("2023July", "the financial year that starts in July 2023"),
        ("2023April", "the financial year that starts in April 2023"),
        ("202301", "the month January 2023"),
        ("2023Q1", "a part of 2023 (Q1)"),
        ("2023S2", "a part of 2023 (S2)"),
    ],
)
def test_a_period_other_than_a_year_is_filed_under_its_year_with_a_warning(period, said):
    result = read("dhis2.csv", csv_bytes(_rows(_HEADER, period=period)))
    assert by_assessment(result) == {("Ethiopia", 2023, None): LEVELS}
    assert_problem(result, "warning", "B2", f"The period “{period}” is {said}")


def test_a_yearly_period_needs_no_word():
    result = read("dhis2.csv", csv_bytes(_rows(_HEADER, period="2023")))
    assert not [p for p in result.problems if "period" in p.message.casefold()]


def test_a_data_element_that_names_no_capability_is_reported_as_written():
    rows = _rows(_HEADER)
    rows[3][0] = "MNR Budget allocated - level"
    result = read("dhis2.csv", csv_bytes(rows))
    assert 3 not in by_assessment(result)[("Ethiopia", 2023, None)]
    assert [p for p in result.problems if "MNR Budget allocated - level" in p.message]


def test_a_table_with_only_some_of_the_four_is_not_a_dhis2_export():
    rows = [["Data", "Period", "Value"], ["Leadership", "2023", 3]]
    result = read("other.csv", csv_bytes(rows))
    assert not [p for p in result.problems if "DHIS2" in p.message]


def _pivot(header, unit=None):
    rows = [list(header)]
    for n, level in LEVELS.items():
        cells = [f"MNR C{n:02d} {TITLES[n]} - level", level, (level + 1) % 5]
        rows.append(cells if unit is None else [cells[0], unit, *cells[1:]])
    return rows


@pytest.mark.parametrize(("header", "second"), [(("Data", "2022", "2023"), 2023),
                                                (("Données", 2022, "2023July"), 2023)])  # fmt: skip
def test_a_dhis2_pivot_with_the_periods_across_is_read_by_year(header, second):
    result = read("Ethiopia.csv", csv_bytes(_pivot(header)))
    assert by_assessment(result) == {
        ("Ethiopia", 2022, None): LEVELS,
        ("Ethiopia", second, None): {n: (v + 1) % 5 for n, v in LEVELS.items()},
    }


def test_a_dhis2_pivot_with_organisation_units_down_the_rows_is_refused_with_the_export_to_use():
    rows = _pivot(("Data", "Organisation unit", "2022", "2023"), unit="Ethiopia")
    result = read("dhis2.csv", csv_bytes(rows))
    assert by_assessment(result) == {}
    assert_problem(result, "error", "C1", "DHIS2 pivot table with the periods across")
    assert [p for p in result.problems if "Plain data source" in p.fix]
    assert not [p for p in result.problems if "Level column" in p.message]


def test_a_dhis2_pivot_saved_as_a_workbook_with_its_years_as_numbers():
    result = read("Ethiopia.xlsx", xlsx({"Sheet1": _pivot(("Data", 2022, 2023))}))
    assert set(by_assessment(result)) == {("Ethiopia", 2022, None), ("Ethiopia", 2023, None)}
