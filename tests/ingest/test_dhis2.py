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
