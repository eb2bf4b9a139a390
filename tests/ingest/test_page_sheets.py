"""A PDF exported one sheet per page: the next sheets carry on the first sheet's table."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, errors, read, xlsx

LEVELS = {n: n % 5 for n in range(1, 22)}
HEADERS = {
    "en": ["No.", "Capability", "Level", "Evidence"],
    "fr": ["N°", "Capacité", "Niveau", "Justification"],
    "es": ["N.º", "Capacidad", "Nivel", "Evidencia"],
}


def _rows(first: int, last: int, *, numbers: bool = True) -> list[list]:
    return [
        ([n] if numbers else []) + [TITLES[n], LEVELS[n], f"seen {n}"] for n in range(first, last)
    ]


def _pages(names: list[str], header: list, repeated: bool, *, numbers: bool = True) -> bytes:
    """Kenya 2024's 21 capabilities over three sheets, the title and labels on the first."""
    cuts = [(1, 8), (8, 15), (15, 22)]
    sheets = {}
    for page, (name, (first, last)) in enumerate(zip(names, cuts, strict=True)):
        rows = _rows(first, last, numbers=numbers)
        if page == 0:
            sheets[name] = [["Kenya MNR self-assessment 2024"], header, *rows]
        else:
            sheets[name] = ([header] if repeated else []) + rows
    sheets[names[-1]] += [[], ["Page 3 of 3"]]
    return xlsx(sheets)


@pytest.mark.parametrize(
    "names",
    [
        ["Table 1", "Table 2", "Table 3"],
        ["Page 1", "Page 2", "Page 3"],
        ["Sheet1", "Sheet1 (2)", "Sheet1 (3)"],
        ["Tabla 1", "Tabla 2", "Tabla 3"],
        ["Tableau 1", "Tableau 2", "Tableau 3"],
    ],
)
@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize("repeated", [False, True], ids=["no header", "header repeated"])
def test_the_pages_sheets_are_read_as_one_table(names, language, repeated):
    result = read("export.xlsx", _pages(names, HEADERS[language], repeated))
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS}
    assert not errors(result)
    assert_problem(
        result, "warning", None, f"“{names[1]}”, “{names[2]}” carry on the table", names[0]
    )


def test_titles_without_numbers_carry_on_too():
    header = ["Capability", "Level", "Evidence"]
    result = read(
        "export.xlsx", _pages(["Table 1", "Table 2", "Table 3"], header, False, numbers=False)
    )
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS}


def test_a_problem_on_a_joined_page_names_its_own_sheet_and_cell():
    data = _pages(["Table 1", "Table 2", "Table 3"], HEADERS["en"], False)
    # Capability 9's level on "Table 2" (its row 2) is not on the scale.
    book = load_workbook(io.BytesIO(data))
    book["Table 2"]["C2"] = 7
    book["Table 3"]["B3"] = "Nonsense thing"  # capability 17, taken from its number in A3
    out = io.BytesIO()
    book.save(out)
    result = read("export.xlsx", out.getvalue())
    assert 9 not in by_assessment(result)[("Kenya", 2024, None)]
    assert_problem(result, "error", "C2", "capability 9", "Table 2")
    assert_problem(result, "warning", "B3", "capability 17 (CSEA Reporting) from A3.", "Table 3")


def test_a_headerless_sheet_starting_over_is_an_error_naming_the_assessment():
    # Capabilities 1-21 again: another assessment, not the first one going on.
    sheets = {
        "Table 1": [["Kenya MNR self-assessment 2024"], HEADERS["en"], *_rows(1, 22)],
        "Table 2": _rows(1, 22),
    }
    result = read("export.xlsx", xlsx(sheets))
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS}
    assert_problem(result, "error", None, "the table of sheet “Table 1” (Kenya 2024)", "Table 2")


def test_a_repeated_header_starting_over_is_not_joined():
    sheets = {
        "Table 1": [["Kenya MNR self-assessment 2024"], HEADERS["en"], *_rows(1, 22)],
        "Table 2": [HEADERS["en"], *[[n, TITLES[n], 4 - n % 5, ""] for n in range(1, 22)]],
    }
    result = read("export.xlsx", xlsx(sheets))
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS}
    assert not any("carry on" in p.message or "carries on" in p.message for p in result.problems)


def test_a_sheet_named_after_a_country_is_its_own_assessment():
    sheets = {
        "Kenya": [["Country", "Kenya"], ["Year", 2024], HEADERS["en"], *_rows(1, 11)],
        "Uganda": [HEADERS["en"], *_rows(11, 22)],
    }
    found = by_assessment(read("export.xlsx", xlsx(sheets)))
    assert set(found[("Kenya", 2024, None)]) == set(range(1, 11))
    assert ("Uganda", 2024, None) not in found or set(found[("Uganda", 2024, None)]) == set(
        range(11, 22)
    )


def test_a_sheet_with_its_own_labels_is_not_joined():
    sheets = {
        "Table 1": [["Country", "Kenya"], ["Year", 2024], HEADERS["en"], *_rows(1, 22)],
        "Table 2": [["Country", "Uganda"], ["Year", 2024], HEADERS["en"], *_rows(1, 22)],
    }
    found = by_assessment(read("export.xlsx", xlsx(sheets)))
    assert found == {("Kenya", 2024, None): LEVELS, ("Uganda", 2024, None): LEVELS}
