"""An OpenOffice.org 1 or StarOffice 6-7 spreadsheet (.sxc, .stc) is read as the .ods made of
it: every shape the reader reads in an .ods it reads in one, with the same messages; numbers,
dates, booleans and text keep their types (text cells untyped, as OpenOffice.org 1 wrote
them); its DOCTYPE naming the program's DTD is no reason to refuse it, but one that declares
anything is; a sheet that reaches too far is refused as an .ods's is.

Each file is written as OpenOffice.org 1.1 saves it (``old_support.sxc``), on one line as it
wrote it, or pretty-printed as other tools leave XML.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from typing import Any

import pytest
from python_calamine import CalamineWorkbook

from components.ingest.file_guard import check_upload
from components.ingest.refusals import FileRejected
from components.ingest.report import SOURCE_SEPARATOR
from components.ingest.sxc_books import ods_of_sxc
from tests.ingest.odf_support import Sheet as OdfSheet
from tests.ingest.odf_support import ods
from tests.ingest.old_support import SXC_NAMESPACES, sxc
from tests.ingest.reader_support import TITLES, by_assessment, read

ALL = range(1, 22)


def _form(country: str, year: Any, shift: int = 0) -> list[list[Any]]:
    rows: list[list[Any]] = [
        ["Country", country],
        ["Year", year],
        [],
        ["No", "Capability", "Level"],
    ]
    return rows + [[n, TITLES[n], (n + shift) % 5] for n in ALL]


def _wide() -> list[list[Any]]:
    rows: list[list[Any]] = [["Country", "Year", *[f"{n}. {TITLES[n]}" for n in ALL]]]
    return rows + [
        [c, 2022, *[(n + s) % 5 for n in ALL]] for s, c in enumerate(["Elbonia", "Freedonia"])
    ]


# (what the file is, its sheets, what a careful person reads in it)
SHAPES = [
    (
        "a form: Country and Year above the table",
        [("Sheet1", _form("Elbonia", 2023))],
        {("Elbonia", 2023, None): {n: n % 5 for n in ALL}},
    ),
    (
        "a wide table, German sheet name",
        [("Tabelle1", _wide())],
        {
            ("Elbonia", 2022, None): {n: n % 5 for n in ALL},
            ("Freedonia", 2022, None): {n: (n + 1) % 5 for n in ALL},
        },
    ),
    (
        "a sheet per country, the year a date",
        [
            ("Elbonia", _form("Elbonia", datetime.date(2021, 3, 1))),
            ("Freedonia", _form("Freedonia", datetime.date(2021, 3, 1), 2)),
        ],
        {
            ("Elbonia", 2021, None): {n: n % 5 for n in ALL},
            ("Freedonia", 2021, None): {n: (n + 2) % 5 for n in ALL},
        },
    ),
]


@pytest.mark.parametrize("typed_text", [False, True], ids=["text untyped", "text typed"])
@pytest.mark.parametrize("pretty", [False, True], ids=["one line", "pretty-printed"])
@pytest.mark.parametrize(("what", "sheets", "expected"), SHAPES, ids=[s[0] for s in SHAPES])
def test_an_openoffice_1_spreadsheet_reads_as_its_ods_does(
    what, sheets, expected, pretty, typed_text
):
    data = sxc(sheets, pretty=pretty, typed_text=typed_text)
    assert check_upload("calc.sxc", data) == "sxc"
    result = read("calc.sxc", data)
    assert by_assessment(result) == expected, what
    as_ods = read("calc.ods", ods([OdfSheet(name, rows) for name, rows in sheets]))
    assert [(p.severity, p.cell, p.message) for p in result.problems] == [
        (p.severity, p.cell, p.message) for p in as_ods.problems
    ]


def test_a_template_and_a_renamed_file_are_read_by_their_mimetype():
    sheets = [("Sheet1", _form("Elbonia", 2023))]
    template = sxc(sheets, mimetype="application/vnd.sun.xml.calc.template")
    assert check_upload("form.stc", template) == "sxc"
    assert check_upload("form.xls", sxc(sheets)) == "sxc"
    result = read("form.stc", template)
    assert set(result.capabilities["source"]) == {f"form.stc{SOURCE_SEPARATOR}Sheet1"}


def test_values_keep_their_types_and_hidden_rows_stay_hidden():
    rows = [["Elbonia", 2.5, True, datetime.date(2023, 5, 17)], ["old", 1]]
    package = ods_of_sxc(sxc([("Sheet1", rows)], hidden_rows=frozenset({1})))
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        content = archive.read("content.xml")
    assert b"<!DOCTYPE" not in content
    assert b'<table:table-row table:visibility="collapse">' in content
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(package))
    assert workbook.get_sheet_by_index(0).to_python()[0] == [
        "Elbonia",
        2.5,
        True,
        datetime.date(2023, 5, 17),
    ]


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE office:document-content [<!ENTITY lol "lol">]>',
        '<!DOCTYPE office:document-content SYSTEM "office.dtd" [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE office:document-content PUBLIC "x" "office.dtd"><!ENTITY y "y">',
    ],
)
def test_a_doctype_that_declares_anything_is_refused_as_unsafe(doctype: str):
    with pytest.raises(FileRejected) as refused:
        check_upload("calc.sxc", sxc([("Sheet1", [["Country"]])], doctype=doctype))
    assert refused.value.kind == "unsafe_content"


def test_a_sheet_that_reaches_too_far_is_refused_as_an_ods_is():
    far = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<office:document-content {SXC_NAMESPACES} office:class="spreadsheet"><office:body>'
        '<table:table table:name="S"><table:table-row table:number-rows-repeated="1000000">'
        '<table:table-cell table:number-columns-repeated="200" table:value-type="float" '
        'table:value="1"><text:p>1</text:p></table:table-cell></table:table-row></table:table>'
        "</office:body></office:document-content>"
    )
    data = sxc([("S", [["x"]])])
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            target.writestr(info, far if info.filename == "content.xml" else source.read(info))
    result = read("far.sxc", buffer.getvalue())
    assert not result.opened
    [problem] = result.problems
    assert "row 1,000,000 and column 200" in problem.message


def test_a_package_without_its_content_is_refused_as_damaged():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.sun.xml.calc")
        archive.writestr("styles.xml", "<x/>")
    with pytest.raises(FileRejected) as refused:
        check_upload("calc.sxc", buffer.getvalue())
    assert refused.value.kind == "damaged"
    assert "OpenOffice.org 1 spreadsheet (.sxc)" in refused.value.message
