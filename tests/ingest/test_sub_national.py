"""Rows for a province, state or county under its country's row are not countries: left out
with a warning naming them, by a column saying the level of government, by their indent, or
by their names (a subdivision of the country above, "Lagos State"); a misspelt country among
countries is still read."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook
from openpyxl.styles import Alignment

from tests.ingest.reader_support import TITLES, by_assessment, csv_bytes, errors, read, xlsx

NATIONS = {"Pakistan": "PAK", "Nigeria": "NGA", "Kenya": "KEN"}
PARTS = {
    "Pakistan": ["Punjab", "Sindh", "Balochistan"],
    "Nigeria": ["Lagos State", "Kano State"],
    "Kenya": ["Nairobi County", "Mombasa County"],
}


def _levels(index: int) -> dict[int, int]:
    return {n: (n + index) % 5 for n in TITLES}


def _table(*, column: str | None, indent: str = "") -> list[list]:
    """National rows, each followed by its parts' rows; a column saying which is which when
    ``column`` names it; the parts' names set in with ``indent``."""
    head = ["Country / unit", *([column] if column else []), "Year", *(TITLES[n] for n in TITLES)]
    rows: list[list] = [["MNR 2023 – national results and sub-national breakdown"], [], head]
    index = 0
    for nation, parts in PARTS.items():
        for name in [nation, *parts]:
            mark = ["National" if name == nation else "Sub-national"] if column else []
            shown = name if name == nation else f"{indent}{name}"
            rows.append([shown, *mark, 2023, *_levels(index).values()])
            index += 1
    return rows


def _national() -> dict[tuple, dict[int, int]]:
    found, index = {}, 0
    for nation, parts in PARTS.items():
        found[(nation, 2023, None)] = _levels(index)
        index += 1 + len(parts)
    return found


def _said(result) -> dict[str, str]:
    return {p.cell: p.message for p in result.problems if "sub-national" in p.message}


@pytest.mark.parametrize("column", ["Level", "Government level", "Niveau", "Type", "Scope"])
def test_a_column_saying_sub_national_is_honoured(column):
    result = read("regional.xlsx", xlsx({"Data": _table(column=column)}))
    assert by_assessment(result) == _national()
    said = _said(result)
    assert said["A5"].startswith("Rows 5 to 7 (“Punjab”, “Sindh” and “Balochistan”) are parts of")
    assert "Pakistan" in said["A5"]
    assert f"the “{column}” column says so" in said["A5"]
    assert set(said) == {"A5", "A9", "A12"}
    assert not errors(result)


def test_a_row_marked_sub_national_is_left_out_even_under_a_countrys_name():
    """Georgia, a state of the United States, marked so: not the country Georgia."""
    rows = [["Country", "Level", "Year", *(TITLES[n] for n in TITLES)]]
    rows.append(["United States", "National", 2023, *_levels(0).values()])
    rows.append(["Georgia", "State", 2023, *_levels(1).values()])
    rows.append(["Texas", "State", 2023, *_levels(2).values()])
    result = read("us.xlsx", xlsx({"Data": rows}))
    assert by_assessment(result) == {("United States", 2023, None): _levels(0)}
    assert "Rows 3 to 4 (“Georgia” and “Texas”) are parts of United States" in _said(result)["A3"]


@pytest.mark.parametrize("indent", ["  ", "    ", "\t"])
def test_parts_indented_with_spaces_under_their_country_are_left_out(indent):
    rows = _table(column=None, indent=indent)
    result = read("regional.csv", csv_bytes(rows))
    assert by_assessment(result) == _national()
    assert set(_said(result)) == {"A5", "A9", "A12"}


@pytest.mark.parametrize("how", ["indent", "outline"])
def test_parts_indented_by_excel_under_their_country_are_left_out(how):
    workbook = Workbook()
    sheet = workbook.active
    for row in _table(column=None):
        sheet.append(row)
    for row in range(4, sheet.max_row + 1):
        if sheet.cell(row, 1).value not in NATIONS:
            if how == "indent":
                sheet.cell(row, 1).alignment = Alignment(indent=2)
            else:
                sheet.row_dimensions[row].outline_level = 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = read("regional.xlsx", buffer.getvalue())
    assert by_assessment(result) == _national()
    assert set(_said(result)) == {"A5", "A9", "A12"}


def test_parts_named_as_subdivisions_are_left_out_without_indent():
    """ISO 3166-2 names (Punjab, Sindh) and a subdivision's word (Lagos State, Nairobi
    County) under the country's row."""
    result = read("regional.xlsx", xlsx({"Data": _table(column=None)}))
    assert by_assessment(result) == _national()
    assert set(_said(result)) == {"A5", "A9", "A12"}


@pytest.mark.parametrize("name", ["Tanzanai", "Elbonia", "Ugnada"])
def test_a_name_that_is_no_country_among_countries_is_still_read(name):
    rows = [["Country", "Year", *(TITLES[n] for n in TITLES)]]
    for index, country in enumerate(["Kenya", name, "Rwanda"]):
        rows.append([country, 2023, *_levels(index).values()])
    result = read("east.xlsx", xlsx({"Data": rows}))
    assert (name, 2023, None) in by_assessment(result)
    assert not _said(result)
