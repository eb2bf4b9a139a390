"""Level cells merged down over neighbouring capabilities give each of them their level."""

from io import BytesIO

import pytest
from openpyxl import Workbook

from tests.ingest.reader_support import assert_problem, by_assessment, read


def _form(merges: list[str], header: tuple[str, ...] = ("No.", "Capability", "Level")) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Form"
    sheet.append(["Country", "Elbonia"])
    sheet.append(["Year", 2023])
    sheet.append([])
    sheet.append(list(header))
    for number in range(1, 8):
        sheet.append([number, None, number % 5])
    for merge in merges:
        sheet.merge_cells(merge)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("merges", "expected"),
    [
        (["C5:C7"], {1: 1, 2: 1, 3: 1, 4: 4, 5: 0, 6: 1, 7: 2}),
        (["C5:C6", "C8:C10"], {1: 1, 2: 1, 3: 3, 4: 4, 5: 4, 6: 4, 7: 2}),
    ],
)
def test_a_merged_level_cell_gives_its_level_to_each_row_it_covers(merges, expected):
    result = read("form.xlsx", _form(merges))
    assert by_assessment(result) == {("Elbonia", 2023, None): expected}
    for merge in merges:
        assert_problem(result, "warning", merge, f"The level cells {merge} are merged")
    assert len(result.problems) == len(merges)


def test_a_merge_holding_nothing_leaves_its_rows_not_assessed_without_a_word():
    data = _form([])
    from openpyxl import load_workbook

    workbook = load_workbook(BytesIO(data))
    sheet = workbook.active
    sheet["C5"] = None
    sheet.merge_cells("C5:C6")
    buffer = BytesIO()
    workbook.save(buffer)
    result = read("form.xlsx", buffer.getvalue())
    assert 1 not in by_assessment(result)[("Elbonia", 2023, None)]
    assert 2 not in by_assessment(result)[("Elbonia", 2023, None)]
    assert not [p for p in result.problems if "merged" in p.message]
