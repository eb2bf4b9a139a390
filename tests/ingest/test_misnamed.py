"""Files named as a workbook whose bytes are something else: what the upload report says.

Each kind of bytes is built here, in memory, the way it reaches the upload page: a note or an
error message saved as .xlsx, a CSV renamed, a web page, a PDF or a Word file renamed, a
workbook cut short in a download, binary noise.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import pytest

from components.ingest.file_guard import check_upload
from components.ingest.misnamed import reads_as_table
from components.ingest.refusals import FileRejected
from tests.ingest.reader_support import read, xlsx

CSV_TABLE = "country,year,capability,level\nKenya,2024,1,3\nKenya,2024,2,2\n"
NOT_WORKBOOK = "not a valid Excel workbook"


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        package.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def _workbook() -> bytes:
    return xlsx({"Data": [["country", "year", "capability", "level"], ["Kenya", 2024, 1, 3]]})


# (case, file name, bytes, the words the error says, the words its fix says)
REFUSED: list[tuple[str, str, Callable[[], bytes], tuple[str, ...], tuple[str, ...]]] = [
    (
        "a note saved as .xlsx",
        "assessment.xlsx",
        lambda: b"Sorry, the assessment is not ready yet.\nWe will send it next week.\n",
        (".xlsx", NOT_WORKBOOK, "plain text"),
        ("save it as an Excel Workbook (.xlsx)", "upload it with a .csv name"),
    ),
    (
        "one line of text as .xls",
        "old.xls",
        lambda: b"404 Not Found",
        (".xls", NOT_WORKBOOK, "plain text"),
        ("Excel Workbook (.xlsx)",),
    ),
    (
        "an HTML error page as .xlsx",
        "export.xlsx",
        lambda: b"<!DOCTYPE html><html><body><h1>Session expired</h1></body></html>",
        (".xlsx", NOT_WORKBOOK, "web page (HTML)"),
        ("Excel Workbook (*.xlsx)",),
    ),
    (
        "a PDF renamed .xlsx",
        "report.xlsx",
        lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
        (".xlsx", NOT_WORKBOOK, "PDF"),
        ("save it as .xlsx",),
    ),
    (
        "a Word file renamed .xlsx",
        "assessment.xlsx",
        _docx,
        (".xlsx", NOT_WORKBOOK, "Word document"),
        ("Excel workbook (.xlsx)",),
    ),
    (
        "binary noise as .xlsm",
        "assessment.xlsm",
        lambda: bytes(range(256)) * 8,
        (".xlsm", NOT_WORKBOOK, "binary data"),
        ("Excel workbook (.xlsx)",),
    ),
    (
        "a workbook cut short",
        "assessment.xlsx",
        lambda: _workbook()[: len(_workbook()) // 2],
        ("damaged or incomplete",),
        ("Excel",),
    ),
]


@pytest.mark.parametrize(
    ("name", "factory", "says", "fix"),
    [case[1:] for case in REFUSED],
    ids=[case[0] for case in REFUSED],
)
def test_a_file_that_is_no_workbook_is_reported_as_such(name, factory, says, fix) -> None:
    result = read(name, factory())
    errors = [p for p in result.problems if p.severity == "error"]
    assert len(errors) == 1, [p.message for p in result.problems]
    (error,) = errors
    for words in says:
        assert words.lower() in error.message.lower(), error.message
    for words in fix:
        assert words.lower() in error.fix.lower(), error.fix
    # Not the advice about columns that sent people to check their table instead of the file.
    assert "No assessment was found" not in error.message
    assert result.capabilities.empty


# (case, file name, bytes) of CSV tables under a workbook's name: read, with a warning.
RENAMED_CSV: list[tuple[str, str, bytes]] = [
    ("commas as .xlsx", "export.xlsx", CSV_TABLE.encode()),
    ("semicolons as .xls", "export.xls", CSV_TABLE.replace(",", ";").encode("cp1252")),
    ("tabs as .ods", "export.ods", CSV_TABLE.replace(",", "\t").encode()),
]


@pytest.mark.parametrize(
    ("name", "data"), [case[1:] for case in RENAMED_CSV], ids=[c[0] for c in RENAMED_CSV]
)
def test_a_csv_table_under_a_workbook_name_is_read_with_a_warning(name, data) -> None:
    result = read(name, data)
    assert not [p for p in result.problems if p.severity == "error"]
    assert set(result.capabilities["country"]) == {"Kenya"}
    assert result.capabilities["level"].notna().sum() == 2
    (warning,) = [p for p in result.problems if "read as CSV" in p.message]
    assert warning.severity == "warning"
    assert f".{name.rpartition('.')[2]}" in warning.message
    assert "CSV text table" in warning.message
    assert ".csv name" in warning.fix


@pytest.mark.parametrize("name", ["assessment.csv", "assessment.txt", "assessment"])
def test_text_under_a_text_name_is_neither_warned_about_nor_refused_as_a_workbook(name) -> None:
    result = read(name, CSV_TABLE.encode())
    assert not any("read as CSV" in p.message for p in result.problems)
    assert check_upload(name, b"Just a note.\n") == "csv"


def test_a_real_workbook_is_read_without_a_warning() -> None:
    result = read("assessment.xlsx", _workbook())
    assert not any("Excel workbook" in p.message for p in result.problems)
    assert not result.capabilities.empty


def test_the_guard_refuses_plain_text_under_a_workbook_name_with_its_own_kind() -> None:
    with pytest.raises(FileRejected) as caught:
        check_upload("a.xlsx", b"Hello,\nthis is not a table.\n")
    assert caught.value.kind == "not_workbook"
    assert check_upload("a.xlsx", CSV_TABLE.encode()) == "csv"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (CSV_TABLE, True),
        (CSV_TABLE.replace(",", ";"), True),
        (CSV_TABLE.replace(",", "\t"), True),
        (CSV_TABLE.replace(",", "|"), True),
        ("country,level\nKenya,3\n\n\n", True),
        ("country,year,level\nKenya,2024\nUganda,2024,2\n", True),  # ragged, as people type
        ("Just one line, with a comma", False),
        ("Dear colleague,\nplease find the file attached.\nRegards\n", False),
        ("404 Not Found\nThe page was moved.\n", False),
        ("", False),
    ],
)
def test_reads_as_table(text: str, expected: bool) -> None:
    assert reads_as_table(text) is expected
