"""Worked examples are not assessments (components/ingest/examples)."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, read, xlsx

UGANDA = {n: n % 5 for n in range(1, 22)}


def form(country, year, levels, top=()):
    rows = [list(r) for r in top] + [["Country", country], ["Year", year], []]
    rows.append(["No.", "Capability", "Level"])
    return rows + [[n, TITLES[n], level] for n, level in levels.items()]


def example_sheet(heading, country="Kenya", year=2023):
    top = [["How to fill in this workbook"], ["Type the country and year."], [], [heading]]
    return form(country, year, {n: [2, 3, 1, 0, 4][n - 1] for n in range(1, 6)}, top)


@pytest.mark.parametrize(
    ("sheet", "heading"),
    [
        ("Instructions", "Example:"),
        ("Read me", "Worked example"),
        ("Mode d'emploi", "Exemple :"),
        ("Instrucciones", "Ejemplo"),
        ("Instruções", "Exemplo:"),
        ("Guide", "EXAMPLE"),
    ],
)
def test_a_worked_example_is_skipped_with_a_warning(sheet, heading):
    result = read(
        "book.xlsx",
        xlsx({sheet: example_sheet(heading), "Assessment": form("Uganda", 2024, UGANDA)}),
    )
    assert by_assessment(result) == {("Uganda", 2024, None): UGANDA}
    assert_problem(result, "warning", "A4", "holds an example (Kenya 2023, 5 capabilities)")
    assert_problem(result, "warning", "A4", "it was not read")


def test_an_example_with_placeholders_says_nothing_about_its_cells():
    sheet = example_sheet("Example:", country="Country X", year="YYYY")
    result = read("book.xlsx", xlsx({"Instructions": sheet, "Data": form("Uganda", 2024, UGANDA)}))
    assert by_assessment(result) == {("Uganda", 2024, None): UGANDA}
    assert [p.cell for p in result.problems] == ["A4"]


def test_an_example_heading_on_the_assessment_sheet_skips_only_the_example():
    rows = [*example_sheet("Example"), [], [], *form("Uganda", 2024, UGANDA)]
    result = read("book.xlsx", xlsx({"Assessment": rows}))
    assert by_assessment(result) == {("Uganda", 2024, None): UGANDA}
    assert_problem(result, "warning", "A4", "holds an example")


def test_a_note_starting_with_example_is_not_a_heading():
    top = [["Example: write 2 for Developing"]]
    result = read("book.xlsx", xlsx({"Assessment": form("Uganda", 2024, UGANDA, top)}))
    assert by_assessment(result) == {("Uganda", 2024, None): UGANDA}
    assert not result.problems


@pytest.mark.parametrize("sheet", ["Notes and levels", "Instructions"])
def test_the_only_table_of_a_file_is_read_whatever_its_sheet_is_called(sheet):
    result = read("book.xlsx", xlsx({sheet: form("Uganda", 2024, UGANDA)}))
    assert by_assessment(result) == {("Uganda", 2024, None): UGANDA}
    assert not result.problems


def test_an_assessment_on_instructions_beside_others_is_read_with_a_warning():
    book = {"Instructions": form("Kenya", 2023, UGANDA), "Uganda": form("Uganda", 2024, UGANDA)}
    result = read("book.xlsx", xlsx(book))
    assert set(by_assessment(result)) == {("Kenya", 2023, None), ("Uganda", 2024, None)}
    assert_problem(result, "warning", None, "named like instructions but holds an assessment")


def test_an_example_heading_over_a_sentence_leaves_the_form_below_read():
    top = [["Example"], ["For Leadership, a national committee that meets every year is 3."], []]
    result = read("book.xlsx", xlsx({"Assessment": form("Uganda", 2024, UGANDA, top)}))
    assert by_assessment(result) == {("Uganda", 2024, None): UGANDA}
    assert not [p for p in result.problems if "example" in p.message]


def test_a_sample_word_among_the_labels_is_no_heading():
    rows = form("Uganda", 2024, UGANDA)
    header = next(i for i, row in enumerate(rows) if row and row[0] == "No.")
    rows.insert(header, ["Sample"])
    result = read("book.xlsx", xlsx({"Assessment": rows}))
    assert by_assessment(result) == {("Uganda", 2024, None): UGANDA}
