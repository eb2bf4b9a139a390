"""Table rows pasted into one cell each, joined by tabs (components/ingest/tab_rows.py): split
into columns and read as the same table with separate columns is, with a warning naming the
cells; a tab in a note or in the evidence of a table with separate columns is left alone."""

from __future__ import annotations

from typing import Any

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

LEVELS = {n: n % 5 for n in range(1, 22)}
SPLIT = "each held a whole row of a table, its columns joined by tabs"


def long_table() -> list[list[Any]]:
    rows: list[list[Any]] = [["Country", "Year", "Capability", "Level", "Evidence"]]
    for country, shift in (("Kenya", 0), ("Uganda", 1)):
        rows += [[country, 2023, TITLES[n], (LEVELS[n] + shift) % 5, f"seen {n}"] for n in LEVELS]
    return rows


def countries_rows() -> list[list[Any]]:
    header: list[Any] = ["Country", "Year", *(f"{n}. {TITLES[n]}" for n in LEVELS)]
    return [header] + [
        [country, 2023, *((LEVELS[n] + shift) % 5 for n in LEVELS)]
        for country, shift in (("Kenya", 0), ("Uganda", 1), ("Ghana", 2))
    ]


def capabilities_rows() -> list[list[Any]]:
    rows: list[list[Any]] = [["MNR self-assessment 2023"], ["No.", "Capability", "Kenya", "Togo"]]
    return rows + [[n, TITLES[n], LEVELS[n], (LEVELS[n] + 3) % 5] for n in LEVELS]


def template_rows() -> list[list[Any]]:
    """The template's labels and header in cells of their own; each capability's row in one."""
    rows: list[list[Any]] = [["Country", "Kenya"], ["Year", 2023], []]
    rows.append(["No.", "Capability", "Level", "Evidence", "Confidence"])
    return rows + [[n, TITLES[n], LEVELS[n], f"annex {n}", "High"] for n in LEVELS]


def levels_off_the_scale() -> list[list[Any]]:
    rows = long_table()
    rows[4][3] = 7  # Kenya's capability 4: an error naming its cell
    rows[9][3] = "Mautre"  # capability 9: read as Mature, with a warning
    rows[12][3] = None  # capability 12: not assessed
    return rows


def _joined(rows: list[list[Any]], first: int = 0) -> list[list[Any]]:
    """The rows from ``first`` on pasted into column A, one cell a row, joined by tabs."""
    return [
        *rows[:first],
        *(["\t".join("" if v is None else str(v) for v in cells)] for cells in rows[first:]),
    ]


SHAPES = [
    ("long table", long_table, 0, "A1"),
    ("countries as rows", countries_rows, 0, "A1"),
    ("capabilities as rows", capabilities_rows, 1, "A2"),
    ("template's rows under its header", template_rows, 4, "A5"),
    ("levels off the scale", levels_off_the_scale, 0, "A1"),
]


def _problems(result) -> set[tuple[str, str | None, str]]:
    return {(p.severity, p.cell, p.message) for p in result.problems if SPLIT not in p.message}


@pytest.mark.parametrize(("shape", "rows", "first", "cell"), SHAPES, ids=[s[0] for s in SHAPES])
def test_rows_joined_by_tabs_are_read_as_the_same_table_with_its_columns(shape, rows, first, cell):
    separate = read("table.xlsx", xlsx({"Data": rows()}))
    pasted = read("table.xlsx", xlsx({"Data": _joined(rows(), first)}))

    assert by_assessment(separate)  # the shape is one the reader reads
    assert by_assessment(pasted) == by_assessment(separate)
    evidence = ["level", "evidence", "confidence"]
    assert pasted.capabilities[evidence].equals(separate.capabilities[evidence])
    assert_problem(pasted, "warning", cell, f"cells ({cell}, ", "Data")
    problem = next(p for p in pasted.problems if SPLIT in p.message)
    assert "split at the tabs into columns" in problem.message
    assert "Data > Text to Columns (Delimited, split at Tab)" in problem.fix
    # The same errors and warnings, each naming the cell that held its row.
    expected = {
        (severity, f"A{where[1:]}" if where and where[0] != "A" else where, message)
        for severity, where, message in _problems(separate)
    }
    assert _problems(pasted) == expected


def test_an_error_on_a_split_row_names_the_cell_that_held_it():
    result = read("table.xlsx", xlsx({"Data": _joined(levels_off_the_scale())}))
    assert_problem(result, "error", "A5", "“7” is outside the scale")


def test_a_csv_of_the_pasted_column_is_read_whole():
    # Saved as CSV, the column's cells holding a comma are quoted: those lines stay one field
    # where the others split at their tabs. They are split too.
    result = read("table.csv", csv_bytes(_joined(long_table())))
    assert by_assessment(result) == by_assessment(read("t.xlsx", xlsx({"D": long_table()})))
    assert_problem(result, "warning", "A3", "4 cells (A3, A11, A24, …) " + SPLIT)


def test_a_tab_inside_the_evidence_of_a_split_row_stays_in_the_evidence():
    rows = long_table()
    rows[1][4] = "Act of 2019\tsection 4"  # Kenya's capability 1
    result = read("table.xlsx", xlsx({"Data": _joined(rows)}))
    kenya = result.capabilities[result.capabilities["country"] == "Kenya"]
    assert kenya.set_index("capability").loc[1, "evidence"] == "Act of 2019\tsection 4"
    assert kenya.set_index("capability").loc[1, "level"] == 1
    assert not errors(result)


@pytest.mark.parametrize(
    "notes",
    [
        "Act of 2019\tsection 4",  # a tab typed in the evidence
        "see\tannex\t2",
    ],
)
def test_a_tab_in_the_evidence_of_a_table_with_separate_columns_is_left_alone(notes):
    rows = template_rows()
    for cells in rows[4:]:
        cells[3] = notes
    result = read("kenya.xlsx", xlsx({"Kenya": rows}))
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}
    assert set(result.capabilities["evidence"]) == {notes}
    assert not [p for p in result.problems if SPLIT in p.message]


def test_notes_with_tabs_on_a_side_sheet_are_not_split():
    notes = [["Step 1:\tOpen the template"], ["Step 2:\tFill it in"], ["Step 3:\tSave it"]]
    result = read("kenya.xlsx", xlsx({"Kenya": template_rows(), "Notes": notes}))
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}
    assert not [p for p in result.problems if SPLIT in p.message]


def test_rows_joined_by_tabs_without_a_header_are_read_as_a_form_of_lines():
    # No header: "1⇥Leadership⇥1" is a line of a form, its level at the end (test_text_forms).
    rows = [["Zambia MNR self-assessment 2023"]]
    rows += [[f"{n}\t{TITLES[n]}\t{LEVELS[n]}"] for n in LEVELS]
    result = read("pasted.xlsx", xlsx({"S": rows}))
    assert by_assessment(result) == {("Zambia", 2023, None): LEVELS}
    assert not [p for p in result.problems if SPLIT in p.message]
    assert_problem(result, "warning", "A2", "were read from the end of the cell")


def test_a_table_laid_across_in_rows_joined_by_tabs_names_the_cells_that_held_them():
    labels = [["No.", *LEVELS], ["Capability", *(TITLES[n] for n in LEVELS)]]
    labels.append(["Level", *(7 if n == 4 else LEVELS[n] for n in LEVELS)])
    rows: list[list[Any]] = [["Country", "Kenya"], ["Year", 2023], [], *labels]
    result = read("across.xlsx", xlsx({"S": _joined(rows, 3)}))
    without_4 = {n: level for n, level in LEVELS.items() if n != 4}
    assert by_assessment(result) == {("Kenya", 2023, None): without_4}
    assert_problem(result, "warning", "A4", "3 cells (A4, A5, A6) " + SPLIT)
    assert_problem(result, "warning", "A4:A6", "is laid across")
    assert_problem(result, "error", "A6", "“7” is outside the scale")
