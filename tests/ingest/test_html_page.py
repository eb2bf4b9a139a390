"""A web page read as a browser reads it (``html_page``): tables built as a browser builds them,
white space as it shows it, Excel's sheet names, the encoding the page declares.

What a person gets from the page (sheets, assessments) is tested in ``test_html_tables``.
"""

from __future__ import annotations

import pytest

from components.ingest.html_page import Table, read_page
from components.ingest.refusals import FileRejected


def _tables(page) -> list[Table]:
    return [item for item in page.flow.items if isinstance(item, Table)]


def _texts(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows]


# (case, the table as written, its cells' text row by row)
TABLES = [
    ("closed as written", "<table><tr><td>a</td><td>b</td></tr></table>", [["a", "b"]]),
    ("cells and rows left open", "<table><tr><td>a<td>b<tr><td>c</table>", [["a", "b"], ["c"]]),
    ("no <tr>", "<table><td>a</td><td>b</td></table>", [["a", "b"]]),
    (
        "thead, tbody and tfoot",
        "<table><thead><tr><th>h</th></thead><tbody><tr><td>a</tbody><tfoot><tr><td>f</table>",
        [["h"], ["a"], ["f"]],
    ),
    ("upper case", "<TABLE><TR><TD>a</TD></TR></TABLE>", [["a"]]),
    ("a <br> and blocks", "<table><tr><td>a<br/>b<div>c</div></td></tr></table>", [["a\nb\nc"]]),
    (
        "spaces as a browser shows them",
        "<table><tr><td>  a \n\t b&nbsp; </td></tr></table>",
        [["a b"]],
    ),
    (
        "a script in a cell is no text",
        "<table><tr><td>a<script>b()</script></td></tr></table>",
        [["a"]],
    ),
]


@pytest.mark.parametrize(("markup", "rows"), [c[1:] for c in TABLES], ids=[c[0] for c in TABLES])
def test_a_table_is_built_as_a_browser_builds_it(markup, rows):
    [table] = _tables(read_page(markup.encode()))
    assert _texts(table) == rows


def test_a_table_inside_a_cell_makes_its_table_a_layout_table():
    page = read_page(
        b"<table><tr><td>Kenya</td><td><table><tr><td>a</td></tr></table></td></tr></table>"
    )
    [outer] = _tables(page)
    assert outer.holds_tables
    [inner] = [item for item in outer.rows[0][1].items if isinstance(item, Table)]
    assert _texts(inner) == [["a"]]
    assert not inner.holds_tables


SETTINGS = (
    "<x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>Data &amp; notes</x:Name>"
    "</x:ExcelWorksheet><x:ExcelWorksheet><x:Name>Lists</x:Name><x:WorksheetOptions>"
    "<x:Visible>SheetHidden</x:Visible></x:WorksheetOptions></x:ExcelWorksheet>"
    "</x:ExcelWorksheets></x:ExcelWorkbook>"
)


@pytest.mark.parametrize(
    "head",
    [f"<!--[if gte mso 9]><xml>{SETTINGS}</xml><![endif]-->", f"<xml>{SETTINGS}</xml>"],
    ids=["in a conditional comment", "as elements"],
)
def test_excel_names_its_sheets(head):
    page = read_page(
        f"<html><head>{head}<title>Report</title></head><body>x</body></html>".encode()
    )
    assert page.sheet_names == [("Data & notes", False), ("Lists", True)]
    assert page.title == "Report"
    assert page.flow.lines() == ["x"]  # Excel's settings are no text


# (case, the page's bytes, the cell's text)
ENCODINGS = [
    ("UTF-8", "<table><tr><td>Côte d’Ivoire</td></tr></table>".encode(), "Côte d’Ivoire"),
    (
        "Windows-1252 declared",
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        "<table><tr><td>Côte d’Ivoire</td></tr></table>".encode("cp1252"),
        "Côte d’Ivoire",
    ),
    (
        "ISO-8859-1 declared, read as browsers do (Windows-1252)",
        "<meta charset=iso-8859-1><table><tr><td>Côte d’Ivoire</td></tr></table>".encode("cp1252"),
        "Côte d’Ivoire",
    ),
    (
        "UTF-8 declared but not so",
        "<meta charset='utf-8'><table><tr><td>Côte d’Ivoire</td></tr></table>".encode("cp1252"),
        "Côte d’Ivoire",
    ),
    ("UTF-16", "<table><tr><td>São Tomé</td></tr></table>".encode("utf-16"), "São Tomé"),
]


@pytest.mark.parametrize(
    ("data", "text"), [c[1:] for c in ENCODINGS], ids=[c[0] for c in ENCODINGS]
)
def test_the_page_is_read_in_its_encoding(data, text):
    [table] = _tables(read_page(data))
    assert _texts(table) == [[text]]


def test_bad_markup_does_not_stop_the_reading():
    page = read_page(b"<p>a <![weird]> b</p><table><tr><td>c</td></tr></table>")
    assert _texts(_tables(page)[0]) == [["c"]]


def test_a_utf16_page_cut_in_a_character_is_damaged():
    with pytest.raises(FileRejected) as refused:
        read_page("<table><tr><td>a</td></tr></table>".encode("utf-16")[:-1])
    assert refused.value.kind == "damaged"
