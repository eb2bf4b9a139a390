"""A PDF exported one sheet per page: the next sheets carry on the first sheet's table."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from tests.ingest.reader_support import (
    LABELS,
    TITLES,
    assert_problem,
    by_assessment,
    errors,
    read,
    xlsx,
)

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


# --- the pages as converters and people make them: each read as one table -----------------

FORM = ["No.", "Capability", "Level", "Evidence"]


def _form_rows(first: int, last: int, level=lambda n: LEVELS[n]) -> list[list]:
    return [[n, TITLES[n], level(n), f"seen {n}"] for n in range(first, last)]


def _titled(*pages: list[list]) -> bytes:
    """Kenya 2024's table over sheets "Table 1", "Table 2"…, its country in a title on the
    first page only."""
    sheets = {"Table 1": [["Kenya MNR self-assessment 2024"], *pages[0]]}
    sheets.update({f"Table {i}": rows for i, rows in enumerate(pages[1:], start=2)})
    return xlsx(sheets)


SHIFTS = {"Kenya": 0, "Uganda": 1, "Ghana": 2, "Togo": 3}


def _shifted(shift: int) -> dict[int, int]:
    return {n: (LEVELS[n] + shift) % 5 for n in LEVELS}


LONG = ["Country", "Year", "Capability", "Level"]
LONG_ROWS = [
    [c, 2024, TITLES[n], _shifted(SHIFTS[c])[n]] for c in ("Kenya", "Uganda") for n in LEVELS
]
WIDE = ["Country", "Year", *(TITLES[n] for n in LEVELS)]
WIDE_ROWS = [[c, 2024, *_shifted(s).values()] for c, s in SHIFTS.items()]
PAGES = {
    "header reworded": _titled(
        [FORM, *_form_rows(1, 12)], [["No", "capability", "LEVEL", "Evidence"], *_form_rows(12, 22)]
    ),
    "last column missing": _titled(
        [FORM, *_form_rows(1, 12)], [FORM[:3], *[r[:3] for r in _form_rows(12, 22)]]
    ),
    "continued title": _titled(
        [FORM, *_form_rows(1, 12)], [["Table 1 (continued)"], FORM, *_form_rows(12, 22)]
    ),
    "levels as numbers, then as labels": _titled(
        [FORM, *_form_rows(1, 12)],
        [FORM, *_form_rows(12, 22, lambda n: f"{LEVELS[n]} - {LABELS[LEVELS[n]]}")],
    ),
    "labels after numbers, no header": _titled(
        [FORM, *_form_rows(1, 12)],
        _form_rows(12, 22, lambda n: f"{LEVELS[n]} - {LABELS[LEVELS[n]]}"),
    ),
    "a domain heading on top of the page": _titled(
        [FORM, ["Policy and Governance"], *_form_rows(1, 8)],
        [FORM, ["Victim"], *_form_rows(8, 12), ["Societal"], *_form_rows(12, 22)],
    ),
    "a page shifted one column right": _titled(
        [FORM, *_form_rows(1, 12)], [[None, *r] for r in _form_rows(12, 22)]
    ),
    "capability numbers as text": _titled(
        [FORM, *_form_rows(1, 12)], [[f"{r[0]}.", *r[1:]] for r in _form_rows(12, 22)]
    ),
}


@pytest.mark.parametrize("data", PAGES.values(), ids=PAGES.keys())
def test_a_form_over_pages_is_read_as_one_table(data):
    result = read("export.xlsx", data)
    assert by_assessment(result) == {("Kenya", 2024, None): LEVELS}
    assert not errors(result)
    assert_problem(result, "warning", None, "“Table 2” carries on the table", "Table 1")


@pytest.mark.parametrize(
    ("header", "rows", "expected"),
    [
        (LONG, LONG_ROWS, {c: _shifted(s) for c, s in SHIFTS.items() if s < 2}),
        (WIDE, WIDE_ROWS, {c: _shifted(s) for c, s in SHIFTS.items()}),
    ],
    ids=["long table", "countries as rows"],
)
@pytest.mark.parametrize("repeated", [False, True], ids=["no header", "header repeated"])
def test_a_table_whose_rows_name_their_country_goes_on_over_pages(header, rows, expected, repeated):
    half = len(rows) // 2
    sheets = {"Table 1": [header, *rows[:half]], "Table 2": [header] * repeated + rows[half:]}
    result = read("export.xlsx", xlsx(sheets))
    assert by_assessment(result) == {(c, 2024, None): levels for c, levels in expected.items()}
    assert not errors(result)


def test_a_shifted_page_is_said_with_its_own_rows_and_the_header_on_the_first_page():
    result = read("export.xlsx", PAGES["a page shifted one column right"])
    shifted = [p for p in result.problems if "one column to the right" in p.message]
    assert [p.sheet for p in shifted] == ["Table 2"]
    assert shifted[0].message.startswith(
        "Rows 1-10 are one column to the right of the header row 2 of sheet “Table 1”"
    )
