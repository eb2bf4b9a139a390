"""A workbook saved as a web page: a "Single File Web Page" (.mht, .mhtml) is read, each
worksheet a sheet with its name, in order; the main page of a "Web Page" (.htm) whose sheets
stayed in their folder is refused, naming the sheets and saying how to save the workbook.

The files are written as Excel 2016 and Chrome write them (``web_support``)."""

from __future__ import annotations

import io
import time
from typing import Any

import pytest
from openpyxl import load_workbook

from components.ingest.file_guard import check_upload
from components.ingest.limits import DEFAULT_LIMITS
from components.ingest.markup_books import write_xlsx
from components.ingest.refusals import FileRejected
from components.ingest.report import SOURCE_SEPARATOR
from components.ingest.web_archive import archive_sheets
from tests.ingest.reader_support import TITLES, by_assessment, read
from tests.ingest.web_support import (
    BOUNDARY,
    browser_mht,
    excel_mht,
    form_rows,
    frameset_page,
    part,
    sheet_page,
    sheet_table,
)

ALL = {n: n % 5 for n in range(1, 22)}
OTHER = {n: 4 - n % 5 for n in range(1, 22)}


def sheet(country: str, year: Any, levels: dict[int, int] = ALL) -> str:
    return sheet_page(sheet_table(form_rows(country, year, levels)))


def chrome_page(country: str) -> str:
    """A system's report page as a browser shows it, saved with its logo."""
    rows = "".join(
        f"<tr><td>{n}</td><td>{TITLES[n]}</td><td>{n % 5}</td></tr>" for n in range(1, 22)
    )
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>MNR report</title></head>"
        "<body><img src='https://mne.example.org/static/logo.png'><h1>MNR self-assessment</h1>"
        f"<p>Country: {country}</p><p>Year: 2023</p><table class='report'><thead><tr>"
        f"<th>No.</th><th>Capability</th><th>Level</th></tr></thead><tbody>{rows}</tbody>"
        "</table></body></html>"
    )


def single_sheet_mht() -> bytes:
    """One sheet saved as "Single File Web Page": its table in the main page, named there."""
    page = sheet_page(sheet_table(form_rows("Nepal", 2022, ALL))).replace(
        " <x:WorksheetOptions>",
        " <x:ExcelWorkbook>\n  <x:ExcelWorksheets>\n   <x:ExcelWorksheet>\n"
        "    <x:Name>MNR Nepal</x:Name>\n    <x:WorksheetOptions>\n",
    )
    page = page.replace(
        " </x:WorksheetOptions>\n",
        " </x:WorksheetOptions>\n   </x:ExcelWorksheet>\n  </x:ExcelWorksheets>\n"
        " </x:ExcelWorkbook>\n",
    )
    return (
        "MIME-Version: 1.0\nX-Document-Type: Worksheet\n"
        f'Content-Type: multipart/related; boundary="{BOUNDARY}"\n\n'
        + part("file:///C:/0E8D990C/Nepal.htm", "text/html", page)
        + part("file:///C:/0E8D990C/Nepal_files/filelist.xml", "text/xml", "<xml></xml>")
        + f"--{BOUNDARY}--\n"
    ).encode("ascii")


def script_export(countries: list[tuple[str, dict[int, int]]]) -> bytes:
    """A web system's multi-sheet "export to Excel" as JavaScript exporters write it: the
    sheets named in the main part, each pointing at its part by ``cid:``."""
    settings = "".join(
        f"<x:ExcelWorksheet>\n    <x:Name>{country}</x:Name>\n"
        f'    <x:WorksheetSource HRef=3D"cid:sheet{n}"/>\n</x:ExcelWorksheet>\n'
        for n, (country, _) in enumerate(countries)
    )
    head = (
        '<html xmlns:o=3D"urn:schemas-microsoft-com:office:office"\n'
        'xmlns:x=3D"urn:schemas-microsoft-com:office:excel"\n'
        'xmlns=3D"http://www.w3.org/TR/REC-html40">\n'
    )
    sheets = "".join(
        f"------BOUNDARY_9527----\nContent-ID: sheet{n}\n"
        'Content-Transfer-Encoding: quoted-printable\nContent-Type: text/html; charset="us-ascii"'
        f"\n\n{head}<head></head>\n<body>\n<table>"
        + "".join(
            f"<tr><td>{label}</td><td>{value}</td></tr>"
            for label, value in [("Country", country), ("Year", 2023), ("Capability", "Level")]
        )
        + "".join(f"<tr><td>{TITLES[c]}</td><td>{level}</td></tr>" for c, level in levels.items())
        + "</table>\n</body>\n</html>\n"
        for n, (country, levels) in enumerate(countries)
    )
    return (
        "MIME-Version: 1.0\nX-Document-Type: Workbook\n"
        'Content-Type: multipart/related; boundary="----BOUNDARY_9527----"\n\n'
        "------BOUNDARY_9527----\nContent-Location: file:///C:/0E8D990C/MimeExcel.xml\n"
        'Content-Transfer-Encoding: quoted-printable\nContent-Type: text/html; charset="us-ascii"'
        f"\n\n{head}<head>\n<xml>\n <x:ExcelWorkbook>\n  <x:ExcelWorksheets>\n{settings}"
        "  </x:ExcelWorksheets>\n </x:ExcelWorkbook>\n</xml>\n</head>\n</html>\n"
        f"{sheets}------BOUNDARY_9527------\n"
    ).encode("ascii")


def workbook_of(data: bytes):
    return load_workbook(io.BytesIO(write_xlsx(archive_sheets(data, DEFAULT_LIMITS))))


# (case, file name, archive, the assessments read, the sheets (name, hidden))
ARCHIVES: list[tuple[str, str, bytes, dict, list[tuple[str, bool]]]] = [
    (
        "Excel: a sheet per country, named and in order",
        "MNR 2023.mht",
        excel_mht([("Kenya", sheet("Kenya", 2023)), ("Ghana", sheet("Ghana", 2023, OTHER))]),
        {("Kenya", 2023, None): ALL, ("Ghana", 2023, None): OTHER},
        [("Kenya", False), ("Ghana", False)],
    ),
    (
        "Excel: a hidden sheet of lists stays hidden",
        "MNR 2023.mhtml",
        excel_mht(
            [
                ("Kenya", sheet("Kenya", 2023)),
                ("Lists", sheet_page(sheet_table([["0 - Not in place"], ["1 - Building"]]))),
            ],
            hidden=("Lists",),
        ),
        {("Kenya", 2023, None): ALL},
        [("Kenya", False), ("Lists", True)],
    ),
    (
        "Excel: a year shown by stylesheet.css's yyyy class is that year, not its date's serial",
        "MNR 2024.mht",
        excel_mht(
            [("Kenya", sheet("Kenya", '<td class=xl66 align=right x:num="45292">2024</td>'))]
        ),
        {("Kenya", 2024, None): ALL},
        [("Kenya", False)],
    ),
    (
        "Excel: a sheet with nothing on it (a chart's place) is left out",
        "MNR 2023.mht",
        excel_mht(
            [
                ("Chart", sheet_page(sheet_table([[None, None]]))),
                ("Ghana", sheet("Ghana", 2023, OTHER)),
            ]
        ),
        {("Ghana", 2023, None): OTHER},
        [("Ghana", False)],
    ),
    (
        "Excel: parts in UTF-8 as their header says, though the page says Windows-1252",
        "MNR 2023.mht",
        excel_mht([("STP", sheet("São Tomé and Príncipe", 2023))], charset="utf-8"),
        {("São Tomé and Príncipe", 2023, None): ALL},
        [("STP", False)],
    ),
    (
        "Excel: the page's own Windows-1252, the part labelled us-ascii as Excel labels it",
        "MNR 2023.mht",
        excel_mht([("CIV", sheet("Côte d’Ivoire", 2023))]),
        {("Côte d’Ivoire", 2023, None): ALL},
        [("CIV", False)],
    ),
    (
        "Excel: one sheet, its table in the main page",
        "Nepal.mht",
        single_sheet_mht(),
        {("Nepal", 2022, None): ALL},
        [("MNR Nepal", False)],
    ),
    (
        "a system's web archive served under an Excel name",
        "export.xls",
        excel_mht([("Kenya", sheet("Kenya", 2023))]),
        {("Kenya", 2023, None): ALL},
        [("Kenya", False)],
    ),
    (
        "a web system's export, each sheet's part named by its Content-ID",
        "report.xls",
        script_export([("Kenya", ALL), ("Ghana", OTHER)]),
        {("Kenya", 2023, None): ALL, ("Ghana", 2023, None): OTHER},
        [("Kenya", False), ("Ghana", False)],
    ),
    (
        "sheets whose places the settings give otherwise: the pages after the main one",
        "MNR 2023.mht",
        excel_mht(
            [("Kenya", sheet("Kenya", 2023)), ("Ghana", sheet("Ghana", 2023, OTHER))]
        ).replace(b'HRef=3D"Book1_files/sheet', b'HRef=3D"Exported/page'),
        {("Kenya", 2023, None): ALL, ("Ghana", 2023, None): OTHER},
        [("Kenya", False), ("Ghana", False)],
    ),
    (
        "a script's output: a byte order mark and blank lines before the headers",
        "export.xls",
        b"\xef\xbb\xbf\r\n\r\n" + excel_mht([("Kenya", sheet("Kenya", 2023))]),
        {("Kenya", 2023, None): ALL},
        [("Kenya", False)],
    ),
    (
        "Chrome's 'Web page, single file': the page and its logo",
        "MNR report.mhtml",
        browser_mht(chrome_page("Côte d’Ivoire")),
        {("Côte d’Ivoire", 2023, None): ALL},
        [("MNR self-assessment", False)],
    ),
]


@pytest.mark.parametrize(
    ("name", "data", "expected", "sheets"),
    [case[1:] for case in ARCHIVES],
    ids=[case[0] for case in ARCHIVES],
)
def test_a_web_archive_is_read_sheet_by_sheet(name, data, expected, sheets):
    assert check_upload(name, data) == "mht"
    result = read(name, data)
    assert by_assessment(result) == expected
    assert not [p for p in result.problems if p.severity == "error"], result.problems
    book = workbook_of(data)
    assert [(s.title, s.sheet_state == "hidden") for s in book.worksheets] == sheets


def test_each_assessment_names_its_sheet_in_the_source():
    data = excel_mht([("Kenya", sheet("Kenya", 2023)), ("Ghana", sheet("Ghana", 2023, OTHER))])
    result = read("MNR 2023.mht", data)
    assert set(result.capabilities["source"]) == {
        f"MNR 2023.mht{SOURCE_SEPARATOR}Kenya",
        f"MNR 2023.mht{SOURCE_SEPARATOR}Ghana",
    }


def test_a_text_class_keeps_codes_as_text_and_a_date_class_gives_the_day():
    page = sheet_page(
        sheet_table(
            [
                ["Code", "Reported"],
                [
                    "<td class=xl65>007</td>",
                    '<td class=xl67 align=right x:num="45366">15/03/2024</td>',
                ],
                ["<td class=xl65>2023</td>", "<td class=xl69 align=right x:num>2.5</td>"],
                ["<td class=xl65>2-3</td>", '<td class=xl68 align=right x:num="0.75">75%</td>'],
            ]
        )
    )
    sheet_cells = workbook_of(excel_mht([("Codes", page)]))["Codes"]
    assert [sheet_cells[f"A{row}"].value for row in (2, 3, 4)] == ["007", "2023", "2-3"]
    assert sheet_cells["B2"].value.date().isoformat() == "2024-03-15"
    assert sheet_cells["B3"].value == 2.5
    assert (sheet_cells["B4"].value, sheet_cells["B4"].number_format) == (0.75, "0%")


# --------------------------------------------------------------------------------------------
# Refused: what the file is, and what to do


def _many_parts(count: int) -> bytes:
    parts = "".join(
        f"--{BOUNDARY}\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\nAAAA\n"
        for _ in range(count)
    )
    head = f'MIME-Version: 1.0\nContent-Type: multipart/related; boundary="{BOUNDARY}"\n\n'
    return (head + parts + f"--{BOUNDARY}--\n").encode("ascii")


def _nested(depth: int) -> bytes:
    head = "MIME-Version: 1.0\n"
    body = ""
    for level in range(depth):
        head += f'Content-Type: multipart/related; boundary="b{level}"\n\n--b{level}\n'
    return (head + body).encode("ascii")


# (case, file name, archive, the refusal's kind, words of its message, words of its fix)
REFUSED: list[tuple[str, str, bytes, str, str, str]] = [
    (
        "a sign-in page saved instead of the report",
        "report.mhtml",
        browser_mht(
            "<html><head><title>Sign in</title></head><body><form><p>User name</p>"
            "<input name=user><p>Password</p><input type=password></form></body></html>"
        ),
        "not_spreadsheet",
        "This file is a web archive (.mht, a “Single File Web Page”), not a spreadsheet, and "
        "none of its pages holds a table",
        "export the data from the system as .xlsx or .csv",
    ),
    (
        "the same, named as a workbook",
        "report.xls",
        browser_mht("<html><body><p>Your session has expired.</p></body></html>"),
        "not_spreadsheet",
        "Its name ends in .xls, but it is not a valid Excel workbook. This file is a web archive",
        "“Excel Workbook (*.xlsx)”",
    ),
    (
        "a message without its boundary",
        "report.mht",
        b"MIME-Version: 1.0\nContent-Type: multipart/related\n\n<html><table></table></html>\n",
        "damaged",
        "it is damaged",
        "“Excel Workbook (*.xlsx)”",
    ),
    (
        "parts past any saved page's",
        "report.mht",
        _many_parts(5000),
        "too_many_parts",
        "holds 5,000 parts",
        "“Excel Workbook (*.xlsx)”",
    ),
    (
        "messages nested past any saved page's",
        "report.mht",
        _nested(3000),
        "damaged",
        "it is damaged",
        "save the page again",
    ),
]


@pytest.mark.parametrize(
    ("name", "data", "kind", "message", "fix"),
    [case[1:] for case in REFUSED],
    ids=[case[0] for case in REFUSED],
)
def test_a_web_archive_without_a_table_is_refused_saying_what_it_is(name, data, kind, message, fix):
    started = time.perf_counter()
    with pytest.raises(FileRejected) as refused:
        check_upload(name, data)
    assert time.perf_counter() - started < 2  # a hostile message costs nothing
    assert refused.value.kind == kind
    assert message in refused.value.message
    assert fix in refused.value.fix
    result = read(name, data)
    assert by_assessment(result) == {}
    [problem] = [p for p in result.problems if p.severity == "error"]
    assert message in problem.message


# --------------------------------------------------------------------------------------------
# A workbook saved as "Web Page" (.htm): its sheets are in the folder beside it


FRAMESETS: list[tuple[str, str, str, str]] = [
    (
        "three sheets, named",
        frameset_page(["Kenya", "Ghana", "Notes"]),
        "its sheets (“Kenya”, “Ghana”, “Notes”) are separate files in the folder “Book1_files”",
        "MNR.htm",
    ),
    (
        "names with entities, and more than are shown",
        frameset_page(["R&amp;D", *(f"Round {n}" for n in range(1, 7))], book="MNR%202023"),
        "its sheets (“R&D”, “Round 1”, “Round 2”, “Round 3”, “Round 4” and 2 more) are separate "
        "files in the folder “MNR 2023_files”",
        "MNR 2023.html",
    ),
]


@pytest.mark.parametrize(
    ("page", "words", "name"),
    [case[1:] for case in FRAMESETS],
    ids=[case[0] for case in FRAMESETS],
)
def test_a_workbooks_web_page_without_its_folder_names_its_sheets(page, words, name):
    data = page.encode("cp1252")
    with pytest.raises(FileRejected) as refused:
        check_upload(name, data)
    assert refused.value.message.startswith(
        "This file is the main page of an Excel workbook saved as a web page (“Web Page”)"
    )
    assert words in refused.value.message
    assert "“Single File Web Page (*.mht; *.mhtml)”" in refused.value.fix
    assert "Upload the workbook itself (.xlsx)" in refused.value.fix
    [problem] = [p for p in read(name, data).problems if p.severity == "error"]
    assert words in problem.message


def test_a_sites_frameset_is_no_workbook():
    page = (
        b"<html><head><title>Reports</title></head><frameset cols='20%,80%'>"
        b"<frame src='menu.html'><frame src='report.html'></frameset></html>"
    )
    with pytest.raises(FileRejected) as refused:
        check_upload("reports.htm", page)
    assert "holds no table" in refused.value.message
    assert "workbook saved as a web page" not in refused.value.message
