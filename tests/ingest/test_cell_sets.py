"""The distinct values of a table's rows, and the guards that skip a pass on them: each
guard is checked on a sheet that just passes it and one that just fails it, against the
pass run without the guard, and by what the reader reads."""

from __future__ import annotations

import pytest

from components.ingest.cell_sets import body_values
from components.ingest.layout import ItemTable
from components.ingest.page_breaks import _item_heads_again, _same_rows
from components.ingest.page_footers import footer_rows
from components.ingest.sheets import Sheet
from components.ingest.shifted_rows import _shifted
from tests.ingest.reader_support import TITLES, by_assessment, read, xlsx

LEVELS = {n: (n * 3) % 5 for n in range(1, 22)}
HEADER = ["No.", "Capability", "Level"]
TITLE = ["Ghana MNR self-assessment 2024"]


@pytest.mark.parametrize(
    ("rows", "first", "values"),
    [
        ([("a", 1), (None, 2.0), ("a", None)], 1, {None, 2.0, "a"}),
        ([("Country",), ()], 1, set()),
        ([("x",), ([1],)], 1, None),  # a list cannot be hashed: no guard relies on it
        ([([1],), ("x",)], 1, {"x"}),  # only the rows from ``first`` on
    ],
)
def test_body_values(rows, first, values):
    found = body_values(rows, first)
    assert found == (None if values is None else frozenset(values))


def _footer_table(footer: list[object]) -> list[list[object]]:
    rows = [TITLE, HEADER]
    rows += [[n, TITLES[n], LEVELS[n]] for n in range(1, 11)]
    rows.append(footer)
    rows += [[n, TITLES[n], LEVELS[n]] for n in range(11, 22)]
    return rows


# A footer row holds a page's text ("1 of 3"); a sheet without one skips the look at each row.
@pytest.mark.parametrize(
    ("footer", "footers"),
    [
        (["MNR Assessment – Confidential", "12/03/2024", "1 of 3"], [12]),  # passes: a footer
        (["MNR Assessment – Confidential", "12/03/2024", "Page 1"], [12]),
        (["MNR Assessment – Confidential", "12/03/2024", "one of three"], []),  # fails: no page
    ],
)
def test_footer_rows_guard(footer, footers):
    rows = [tuple(r) for r in _footer_table(footer)]
    assert footer_rows(rows, 2, body_values(rows, 2)) == footer_rows(rows, 2) == footers
    result = read("report.xlsx", xlsx({"Table 1": _footer_table(footer)}))
    if footers:  # left out quietly: every level read
        assert by_assessment(result) == {("Ghana", 2024, None): LEVELS}
    else:  # a row of the table: its date is said not to name a capability
        assert by_assessment(result) == {("Ghana", 2024, None): LEVELS}
        assert [p.cell for p in result.problems if p.severity == "error"] == ["B13"]


def test_a_row_with_a_page_s_text_and_a_number_is_no_footer():
    # The guard passes (a page's text is there); the row, with a number, is still none.
    rows = [tuple(r) for r in _footer_table(["MNR Assessment – Confidential", 12, "1 of 3"])]
    assert footer_rows(rows, 2, body_values(rows, 2)) == footer_rows(rows, 2) == []


# The header repeated word for word: no row can be it when one of its texts is in no row.
@pytest.mark.parametrize(
    ("again", "repeated"),
    [
        (HEADER, True),  # passes: every heading is in the rows below
        (["No.", "Capability", "Levels"], False),  # fails by one word: no row compared
        (["No", "Capability", "Level"], False),
    ],
)
def test_same_rows_guard(again, repeated):
    rows = [TITLE, [], HEADER]
    rows += [[n, TITLES[n], LEVELS[n]] for n in range(1, 12)]
    rows += [again]
    rows += [[n, TITLES[n], LEVELS[n]] for n in range(12, 22)]
    cells = [tuple(r) for r in rows]
    header = tuple(HEADER)
    same = {r for r in range(3, len(cells)) if cells[r] == header}
    assert _same_rows(cells, 3, header, body_values(cells, 3)) == same
    assert same == ({14} if repeated else set())
    result = read("converted.xlsx", xlsx({"Table 1": rows}))
    levels = by_assessment(result)
    if repeated:
        assert levels == {("Ghana", 2024, None): LEVELS}
        assert any("repeated in row 15" in p.message for p in result.problems)
    else:
        assert not any("repeated in row" in p.message for p in result.problems)


def test_same_rows_without_values_compares_every_row():
    cells = [("No.", "Capability"), ([1], "x"), ("No.", "Capability")]
    assert _same_rows(cells, 1, cells[0], body_values(cells, 1)) == {2}


# Rows shifted one column right reach past the header's last heading (``_shifted``); when no
# row does, none is looked at one by one (``shifted_by`` still looks for rows moved back).
@pytest.mark.parametrize("reach", [True, False])
def test_shifted_rows_guard(reach):
    rows = [["Senegal MNR self-assessment 2023"], HEADER]
    rows += [[n, TITLES[n], LEVELS[n]] for n in range(1, 11)]
    if reach:  # passes: the level one column past the header
        rows += [[None, n, TITLES[n], LEVELS[n]] for n in range(11, 22)]
    else:  # fails by one cell: the same rows without their level, within the header's width
        rows += [[None, n, TITLES[n]] for n in range(11, 22)]
    cells = [tuple(r) for r in rows]
    assert any(_shifted(c, 0, len(HEADER)) for c in cells[2:]) is reach
    assert (max(map(len, cells[2:])) > len(HEADER)) is reach
    result = read("pdf.xlsx", xlsx({"T": rows}))
    levels = {n: LEVELS[n] for n in range(1, 22 if reach else 11)}
    assert by_assessment(result) == {("Senegal", 2023, None): levels}
    assert any("one column to the right" in p.message for p in result.problems)


# A header repeated inside merged Country and Year cells heads the item and level columns
# again; when the first heading is in no row below, no row is compared.
@pytest.mark.parametrize(
    ("heading", "found"),
    [("Capability", {14}), ("Capabilities", set())],  # passes; fails by one letter
)
def test_item_heads_again_guard(heading, found):
    rows = [("Country", "Year", "Capability", "Level")]
    rows += [("Kenya", 2023, TITLES[n], LEVELS[n]) for n in range(1, 14)]
    rows += [("Kenya", 2023, heading, "Level")]
    rows += [("Kenya", 2023, TITLES[n], LEVELS[n]) for n in range(14, 22)]
    sheet = Sheet("T", rows)
    layout = ItemTable(0, {"country": 0, "year": 1, "capability": 2, "level": 3}, "capability")
    values = body_values(sheet.rows, 1)
    assert _item_heads_again(sheet, layout, values) == _item_heads_again(sheet, layout) == found


# A row's filled cells are its length when no row holds a blank cell (``None`` is in none of
# the values); a page's line alone in its row is found either way.
@pytest.mark.parametrize(
    ("page_line", "blank_inside"),
    [
        (["Page 1 of 2"], False),  # passes: no blank cell, the lengths are the counts
        ([None, "Page 1 of 2"], True),  # fails by one cell: counted cell by cell
    ],
)
def test_page_line_found_with_or_without_blank_cells(page_line, blank_inside):
    rows = [TITLE, HEADER]
    rows += [[n, TITLES[n], LEVELS[n]] for n in range(1, 11)]
    rows += [page_line, HEADER]
    rows += [[n, TITLES[n], LEVELS[n]] for n in range(11, 22)]
    cells = [tuple(r) for r in rows]
    assert (None in body_values(cells, 2)) is blank_inside
    result = read("converted.xlsx", xlsx({"Table 1": rows}))
    assert by_assessment(result) == {("Ghana", 2024, None): LEVELS}
    assert any("repeated in row 14" in p.message for p in result.problems)
