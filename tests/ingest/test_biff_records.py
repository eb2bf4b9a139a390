"""The file guard tells an Excel 2.x-4.0 file by its first record, whatever its name: a
worksheet or an Excel 4.0 workbook is let through to be read; a chart, a macro sheet or a
workspace (which only lists files) is refused saying what it is; too many sheets are refused
as for any workbook; text that starts with the same bytes is not taken for one."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from components.ingest.file_guard import check_upload
from components.ingest.limits import ReadLimits
from components.ingest.refusals import FileRejected
from tests.ingest.old_support import OldSheet, biff, biff_workbook, workspace

SHEET = OldSheet("Sheet1", [["Country", "Elbonia"], ["Year", 2023], ["Leadership", 3]])


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("spss_export.xls", lambda: biff(2, SHEET)),
        ("EXCEL3.XLS", lambda: biff(3, SHEET)),
        ("excel4.xls", lambda: biff(4, SHEET)),
        ("renamed.xlsx", lambda: biff(2, SHEET)),
        ("no name", lambda: biff(4, SHEET)),
        ("book.xlw", lambda: biff_workbook([SHEET, OldSheet("Two", [["x"]])])),
    ],
)
def test_an_excel_2_to_4_file_is_let_through_to_be_read(name: str, data: Callable[[], bytes]):
    assert check_upload(name, data()) == "biff"


@pytest.mark.parametrize(
    ("name", "data", "kind", "words"),
    [
        ("chart.xlc", lambda: biff(3, SHEET, kind=0x0020), "not_spreadsheet", "Excel chart"),
        ("macros.xlm", lambda: biff(4, SHEET, kind=0x0040), "not_spreadsheet", "macro sheet"),
        ("resume.xlw", lambda: workspace(8), "not_spreadsheet", "Excel workspace"),
        ("old.xlw", lambda: workspace(3), "not_spreadsheet", "Excel workspace"),
        (
            "empty.xlw",
            lambda: biff(4, OldSheet("Sheet1", [["x"]]), kind=0x0100),
            "not_spreadsheet",
            "Excel workspace",
        ),
    ],
)
def test_an_old_excel_file_without_a_worksheet_is_refused_saying_what_it_is(
    name: str, data: Callable[[], bytes], kind: str, words: str
):
    with pytest.raises(FileRejected) as refused:
        check_upload(name, data())
    assert refused.value.kind == kind
    assert words in refused.value.message
    assert "Upload" in refused.value.fix


def test_an_excel_4_workbook_of_too_many_sheets_is_refused_before_it_is_read():
    book = biff_workbook([OldSheet(f"S{n}", [["x"]]) for n in range(4)])
    with pytest.raises(FileRejected) as refused:
        check_upload("book.xlw", book, ReadLimits(max_sheets=3))
    assert refused.value.kind == "too_many_sheets"
    assert "4 sheets" in refused.value.message


@pytest.mark.parametrize(
    "text",
    [
        "\tCountry\tYear\nElbonia\t2023\n".encode("utf-16-le"),  # a tab, then a letter
        "\t\x03\x00".encode("utf-16-le") + "Country,Year\n".encode("utf-16-le"),
        b"Country,Year,Capability,Level\nElbonia,2023,1,3\n",
    ],
)
def test_text_that_starts_like_a_record_is_not_taken_for_one(text: bytes):
    try:
        kind = check_upload("table.txt", text)
    except FileRejected as refused:
        kind = refused.kind
    assert kind != "biff"
