"""Spreadsheets of programs people no longer use are told by their bytes and refused naming
the program, saying that LibreOffice Calc opens them and saves an .xlsx or .ods (never
"binary data", never "unsafe"); a Works spreadsheet that holds Excel's records is read as the
.xls it is (an OpenOffice.org 1 spreadsheet is read too: ``test_sxc_books``).

Each file is written as its program writes it (``old_support``): Lotus records, the
OpenOffice.org 1 and KSpread packages whose XML names its DTD, compound files.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from components.ingest.file_guard import check_upload
from components.ingest.refusals import FileRejected
from tests.ingest.old_support import lotus, office1, works, xls_of
from tests.ingest.reader_support import TITLES, by_assessment, read
from tests.ingest.test_file_guard import cfb

ROWS = [["Country", "Year", "Capability", "Level"], ["Elbonia", "2023", "Leadership", "3"]]

# (file name, its bytes, what the message names it, what LibreOffice is said to open)
REFUSED: list[tuple[str, Callable[[], bytes], str, str]] = [
    ("budget.wk1", lambda: lotus(0x0406, ROWS), "a Lotus 1-2-3 spreadsheet (.wk1)", "Lotus"),
    ("BUDGET.WK1", lambda: lotus(0x0406, ROWS), "a Lotus 1-2-3 spreadsheet (.wk1)", "Lotus"),
    ("renamed.xls", lambda: lotus(0x0406, ROWS), "a Lotus 1-2-3 spreadsheet (.wk1)", "Lotus"),
    ("sheet.wks", lambda: lotus(0x0404, ROWS), "Microsoft Works or Lotus 1-2-3", "Works"),
    ("sym.wrk", lambda: lotus(0x0405, ROWS), "a Lotus Symphony spreadsheet (.wrk)", "Lotus"),
    ("qpro.wq1", lambda: lotus(0x5120, ROWS), "a Quattro Pro spreadsheet (.wq1)", "Quattro"),
    ("qpro.wq2", lambda: lotus(0x5121, ROWS), "a Quattro Pro spreadsheet (.wq2)", "Quattro"),
    ("qpro.wq1", lambda: lotus(0x0406, ROWS), "a Quattro Pro spreadsheet (.wq1)", "Quattro"),
    ("r3.wk3", lambda: lotus(0x1000, ROWS), "Lotus 1-2-3 release 3 spreadsheet (.wk3)", "Lotus"),
    ("r4.wk4", lambda: lotus(0x1002, ROWS), "release 4 or 5 spreadsheet (.wk4)", "Lotus"),
    ("mill.123", lambda: lotus(0x1005, ROWS), "a Lotus 1-2-3 spreadsheet (.123)", "Lotus"),
    ("qpw.wb2", lambda: lotus(0x1002, ROWS), "a Quattro Pro spreadsheet (.wb2)", "Quattro"),
    ("book.qpw", lambda: cfb("NativeContent_MAIN"), "a Quattro Pro spreadsheet (.qpw)", "Quattro"),
    (
        "old.sdc",
        lambda: cfb("StarCalcDocument"),
        "a StarOffice Calc spreadsheet (.sdc)",
        "StarOffice",
    ),
]


@pytest.mark.parametrize(("name", "data", "what", "opens"), REFUSED)
def test_an_old_program_s_spreadsheet_is_refused_naming_it_and_how_to_convert_it(
    name: str, data: Callable[[], bytes], what: str, opens: str
):
    with pytest.raises(FileRejected) as refused:
        check_upload(name, data())
    assert refused.value.kind == "unsupported_spreadsheet"
    assert what in refused.value.message
    assert "does not read" in refused.value.message
    assert "LibreOffice Calc" in refused.value.fix
    assert opens in refused.value.fix
    assert "(.xlsx)" in refused.value.fix
    assert "(.ods)" in refused.value.fix
    result = read(name, data())
    assert not result.opened
    assert [p.message for p in result.problems] == [refused.value.message]


def test_a_kspread_spreadsheet_is_refused_saying_calligra_opens_it():
    with pytest.raises(FileRejected) as refused:
        check_upload("koffice.ksp", office1("application/x-kspread"))
    assert "a KSpread spreadsheet (.ksp)" in refused.value.message
    assert "Calligra Sheets" in refused.value.fix
    assert "(.ods)" in refused.value.fix


@pytest.mark.parametrize(
    ("mimetype", "what"),
    [
        ("application/vnd.sun.xml.writer", "an OpenOffice.org 1 text document (.sxw)"),
        ("application/vnd.sun.xml.impress", "an OpenOffice.org 1 presentation (.sxi)"),
    ],
)
def test_an_openoffice_1_document_that_is_no_spreadsheet_is_said_to_be_none(mimetype, what):
    with pytest.raises(FileRejected) as refused:
        check_upload("notes.sxw", office1(mimetype))
    assert refused.value.kind == "not_spreadsheet"
    assert what in refused.value.message


def test_a_package_with_a_dtd_and_no_old_program_s_mimetype_is_still_unsafe():
    with pytest.raises(FileRejected) as refused:
        check_upload("calc.sxc", office1("application/x-unknown"))
    assert refused.value.kind == "unsafe_content"


# --------------------------------------------------------------------------------------------
# Microsoft Works 6-9 (.xlr)


def _form() -> list[list[object]]:
    rows: list[list[object]] = [
        ["Country", "Elbonia"],
        ["Year", 2024],
        [],
        ["No.", "Capability", "Level"],
    ]
    return rows + [[n, TITLES[n], n % 5] for n in range(1, 22)]


def test_a_works_spreadsheet_of_excel_records_is_read_as_the_xls_it_is():
    data = works(xls_of(_form()))
    assert check_upload("budget.xlr", data) == "xlr"
    result = read("budget.xlr", data)
    assert by_assessment(result) == {("Elbonia", 2024, None): {n: n % 5 for n in range(1, 22)}}
    as_xls = read("budget.xls", xls_of(_form()))
    assert [p.message for p in result.problems] == [p.message for p in as_xls.problems]


def test_a_works_spreadsheet_in_works_own_records_is_refused_naming_works():
    data = works(xls_of(_form()), stream=b"\x00\x00\x02\x00\x04\x04" + bytes(26))
    with pytest.raises(FileRejected) as refused:
        check_upload("budget.xlr", data)
    assert refused.value.kind == "unsupported_spreadsheet"
    assert "Microsoft Works spreadsheet (.xlr)" in refused.value.message
    assert "Excel Workbook (.xlsx)" in refused.value.fix
