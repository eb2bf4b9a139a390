"""An Excel add-in (.xlam) is read as the workbook it holds, with a warning that it is an
add-in; a Works spreadsheet holding Excel's records as the .xls it is; the old kinds read as
sheets (Excel 2.x-4.0, dBase) go the .xlsx way from there, the mapping step's preview too."""

from __future__ import annotations

import io
import zipfile

import pytest

from components.ingest.file_guard import check_upload
from components.ingest.mapping import preview_sheets
from components.ingest.old_books import addin_workbook
from components.ingest.refusals import FileRejected
from tests.ingest.old_support import ADDIN_TYPE, Field, OldSheet, addin, biff, dbf
from tests.ingest.reader_support import FW, TITLES, by_assessment, read, xlsx

FORM = [["Country", "Elbonia"], ["Year", 2023], [], ["No.", "Capability", "Level"]] + [
    [n, TITLES[n], n % 5] for n in range(1, 22)
]


def test_an_addin_is_read_as_the_workbook_it_holds_and_said_to_be_one():
    workbook = xlsx({"Assessment": FORM})
    data = addin(workbook)
    assert check_upload("tools.xlam", data) == "xlam"
    result = read("tools.xlam", data)
    assert by_assessment(result) == by_assessment(read("tools.xlsx", workbook))
    assert by_assessment(result) == {("Elbonia", 2023, None): {n: n % 5 for n in range(1, 22)}}
    [warning] = result.problems
    assert warning.severity == "warning"
    assert "Excel add-in (.xlam)" in warning.message
    assert "Excel Workbook (*.xlsx)" in warning.fix


def test_only_the_addin_type_is_changed_in_the_package():
    data = addin(xlsx({"Assessment": FORM}))
    rewritten = addin_workbook(data)
    with (
        zipfile.ZipFile(io.BytesIO(data)) as before,
        zipfile.ZipFile(io.BytesIO(rewritten)) as after,
    ):
        assert before.namelist() == after.namelist()
        for name in before.namelist():
            old, new = before.read(name), after.read(name)
            if name == "[Content_Types].xml":
                assert ADDIN_TYPE in old
                assert ADDIN_TYPE not in new
                assert new == old.replace(
                    ADDIN_TYPE, b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"
                )
            else:
                assert new == old


def test_an_addin_without_its_workbook_part_is_refused_as_damaged():
    data = addin(xlsx({"Assessment": FORM}))
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            if info.filename != "xl/workbook.xml":
                target.writestr(info.filename, source.read(info))
    with pytest.raises(FileRejected) as refused:
        check_upload("tools.xlam", buffer.getvalue())
    assert refused.value.kind == "damaged"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("excel4.xls", lambda: biff(4, OldSheet("Sheet1", FORM))),
        (
            "table.dbf",
            lambda: dbf(
                [Field("NO", "N", 2), Field("CAPABILITY", "C", 60), Field("LEVEL", "N", 1)],
                [[n, TITLES[n], n % 5] for n in range(1, 22)],
            ),
        ),
        ("tools.xlam", lambda: addin(xlsx({"Assessment": FORM}))),
    ],
)
def test_the_mapping_step_previews_an_old_kind_as_its_sheets(name, data):
    [sheet] = preview_sheets(name, data(), FW)
    assert any(TITLES[1] in (str(v) for v in row) for row in sheet.rows)
