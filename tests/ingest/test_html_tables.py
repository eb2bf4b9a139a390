"""A web page of tables saved under an Excel name ("export to Excel") is read as the .xlsx made of
it: each data table a sheet, with the text above it as rows, as Excel shows it.

Each page is written here as web systems write it: the ``tableToExcel`` template many PHP and
JavaScript applications use (Excel's namespaces, the sheet's name in ``<x:ExcelWorksheet>``
inside a conditional comment, a ``mso-number-format`` style), a report with a title and
"Country: Kenya" above its table, a table of labels above the data table, layout tables.
"""

from __future__ import annotations

import io
import time
from typing import Any

import pytest
from openpyxl import load_workbook

from components.ingest.book_sheets import ErrorValue
from components.ingest.file_guard import check_upload
from components.ingest.hidden_rows import hidden_columns, hidden_rows
from components.ingest.html_tables import page_sheets
from components.ingest.limits import DEFAULT_LIMITS, ReadLimits
from components.ingest.markup_books import write_xlsx
from components.ingest.refusals import FileRejected
from components.ingest.report import SOURCE_SEPARATOR
from tests.ingest.reader_support import TITLES, by_assessment, read

# --------------------------------------------------------------------------------------------
# Pages as systems write them

SETTINGS = (
    "<x:ExcelWorksheet><x:Name>{name}</x:Name><x:WorksheetOptions><x:DisplayGridlines/>"
    "{visible}</x:WorksheetOptions></x:ExcelWorksheet>"
)


def excel_page(body: str, names: tuple[str, ...] = (), hidden: tuple[str, ...] = ()) -> bytes:
    """A page as the ``tableToExcel`` template writes it, with Excel's settings naming sheets."""
    settings = "".join(
        SETTINGS.format(
            name=name, visible="<x:Visible>SheetHidden</x:Visible>" if name in hidden else ""
        )
        for name in names
    )
    return (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:x="urn:schemas-microsoft-com:office:excel" '
        'xmlns="http://www.w3.org/TR/REC-html40">\n<head>\n'
        '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">\n'
        "<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets>"
        f"{settings}</x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]-->\n"
        '<style>\n  td { mso-number-format:"\\@"; }\n  br { mso-data-placement:same-cell; }\n'
        "</style>\n</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
    ).encode()


def plain_page(body: str, title: str = "Export") -> bytes:
    """A page as a PHP report writes it: a doctype, a title, no Excel markup."""
    return (
        f"<!DOCTYPE html>\n<html lang='en'>\n<head><meta charset='utf-8'><title>{title}</title>"
        f"</head>\n<body>\n{body}\n</body>\n</html>\n"
    ).encode()


def table(rows: list[list[Any]], header: bool = True, attributes: str = ' border="1"') -> str:
    """A table as exports write it: a header row of ``<th>`` in ``<thead>``, the rest in
    ``<tbody>``, an empty cell as ``&nbsp;``, each row on its own line."""

    def cells(row: list[Any], tag: str) -> str:
        return "".join(f"<{tag}>{'&nbsp;' if value is None else value}</{tag}>" for value in row)

    head = f"<thead><tr>{cells(rows[0], 'th')}</tr></thead>\n" if header else ""
    body = "".join(f"  <tr>{cells(row, 'td')}</tr>\n" for row in rows[1 if header else 0 :])
    return f"<table{attributes}>\n{head}<tbody>\n{body}</tbody>\n</table>"


ALL = {n: n % 5 for n in range(1, 22)}
COUNTRIES = ["Kenya", "Ghana", "Nepal"]
WIDE = [["Capability", *COUNTRIES]] + [
    [TITLES[n], n % 5, (n + 1) % 5, (n + 2) % 5] for n in range(1, 22)
]
LONG = [["Country", "Year", "Capability", "Level", "Evidence"]] + [
    [country, 2023, TITLES[n], (n + shift) % 5 if n % 7 else None, "Plan<br>adopted 2021"]
    for shift, country in enumerate(COUNTRIES[:2])
    for n in range(1, 22)
]
FORM = [["No.", "Capability", "Level"]] + [[n, TITLES[n], n % 5] for n in range(1, 22)]
LABELS = (
    '<table class="title-table"><tr><td class="report-title">MNR self-assessment</td></tr>'
    "<tr><td>Country</td><td>Kenya</td></tr><tr><td>Year</td><td>2023</td></tr></table>\n<br>\n"
)
NESTED = (
    '<table width="100%" cellpadding="0"><tr><td><h2>MNR self-assessment</h2></td></tr>\n'
    "<tr><td><b>Country:</b> Kenya</td><td><b>Year:</b> 2023</td></tr>\n"
    f'<tr><td colspan="2">{table(FORM)}</td></tr></table>'
)
MERGED_ACROSS = (
    '<table border="1"><tr><th rowspan="2">Capability</th><th colspan="2">Kenya</th></tr>'
    "<tr><th>2021</th><th>2023</th></tr>"
    + "".join(
        f"<tr><td>{TITLES[n]}</td><td>{n % 5}</td><td>{(n + 1) % 5}</td></tr>" for n in range(1, 22)
    )
    + "</table>"
)
COUNTRY_DOWN = '<td rowspan="21">Ghana</td><td rowspan="21">2022</td>'
MERGED_DOWN = (
    '<table border="1"><tr><th>Country</th><th>Year</th><th>Capability</th><th>Level</th></tr>'
    + "".join(
        f"<tr>{COUNTRY_DOWN if n == 1 else ''}<td>{TITLES[n]}</td><td>{n % 5}</td></tr>"
        for n in range(1, 22)
    )
    + "</table>"
)

# (case, file name, page, the assessments read, the sheets' names)
PAGES: list[tuple[str, str, bytes, dict[tuple, dict[int, int]], list[str]]] = [
    (
        "tableToExcel: countries by capabilities, the sheet named MNR 2023",
        "export.xls",
        excel_page(table(WIDE), names=("MNR 2023",)),
        {(c, 2023, None): {n: (n + s) % 5 for n in range(1, 22)} for s, c in enumerate(COUNTRIES)},
        ["MNR 2023"],
    ),
    (
        "a long table, levels not assessed left &nbsp;",
        "assessments.xls",
        plain_page(table(LONG)),
        {
            (country, 2023, None): {n: (n + s) % 5 for n in range(1, 22) if n % 7}
            for s, country in enumerate(COUNTRIES[:2])
        },
        ["Export"],
    ),
    (
        "a report: a heading, then Country and Year, then the table",
        "report.xls",
        plain_page(
            "<h1>MNR self-assessment</h1>\n<p>Country: Kenya</p>\n<p>Year: 2023</p>\n" + table(FORM)
        ),
        {("Kenya", 2023, None): ALL},
        ["MNR self-assessment"],
    ),
    (
        "a table of labels above the data table",
        "report.xls",
        excel_page(LABELS + table(FORM), names=("Assessment",)),
        {("Kenya", 2023, None): ALL},
        ["Assessment"],
    ),
    (
        "a layout table around the data table",
        "report.xls",
        plain_page(NESTED, title=""),
        {("Kenya", 2023, None): ALL},
        ["MNR self-assessment"],
    ),
    (
        "a country over its two years' columns (colspan, rowspan)",
        "levels.xls",
        excel_page(MERGED_ACROSS),
        {("Kenya", 2021, None): ALL, ("Kenya", 2023, None): {n: (n + 1) % 5 for n in range(1, 22)}},
        ["Table 1"],
    ),
    (
        "a long table's country and year down its rows (rowspan)",
        "levels.xls",
        excel_page(MERGED_DOWN),
        {("Ghana", 2022, None): ALL},
        ["Table 1"],
    ),
    (
        "two tables, each under its heading",
        "both.html",
        plain_page(
            "<h2>Kenya 2023</h2>\n"
            + table(FORM)
            + "\n<h2>Ghana 2022</h2>\n"
            + table([FORM[0]] + [[n, TITLES[n], 4 - n % 5] for n in range(1, 22)])
        ),
        {("Kenya", 2023, None): ALL, ("Ghana", 2022, None): {n: 4 - n % 5 for n in range(1, 22)}},
        ["Kenya 2023", "Ghana 2022"],
    ),
    (
        "a hidden sheet repeating the assessment",
        "export.xls",
        excel_page(
            "<p>Country: Kenya</p><p>Year: 2023</p>" + table(FORM) + table(FORM),
            names=("Assessment", "Helper"),
            hidden=("Helper",),
        ),
        {("Kenya", 2023, None): ALL},
        ["Assessment", "Helper"],
    ),
    (
        "an XHTML page in Windows-1252",
        "export.xls",
        (
            '<?xml version="1.0" encoding="windows-1252"?>\n'
            '<html xmlns="http://www.w3.org/1999/xhtml"><body>'
            "<p>Country: Côte d’Ivoire</p><p>Year: 2023</p>" + table(FORM) + "</body></html>"
        ).encode("cp1252"),
        {("Côte d’Ivoire", 2023, None): ALL},
        ["Table 1"],
    ),
    (
        "a page saved as Unicode (UTF-16)",
        "export.xls",
        ("<html><body><p>Country: São Tomé and Príncipe</p><p>Year: 2023</p>" + table(FORM)).encode(
            "utf-16"
        ),
        {("São Tomé and Príncipe", 2023, None): ALL},
        ["Table 1"],
    ),
]


@pytest.mark.parametrize(
    ("name", "data", "expected", "sheets"),
    [case[1:] for case in PAGES],
    ids=[case[0] for case in PAGES],
)
def test_a_page_of_tables_is_read(name, data, expected, sheets):
    assert check_upload(name, data) == "html"
    result = read(name, data)
    assert by_assessment(result) == expected
    assert not [p for p in result.problems if p.severity == "error"], result.problems
    assert [s.name for s in page_sheets(data, DEFAULT_LIMITS)] == sheets


def test_a_line_break_in_a_cell_is_one_in_the_evidence():
    result = read("assessments.xls", plain_page(table(LONG)))
    assert set(result.capabilities["evidence"].dropna()) == {"Plan\nadopted 2021"}


def test_the_sheets_are_named_in_the_source():
    result = read("export.xls", excel_page(table(WIDE), names=("MNR 2023",)))
    assert set(result.capabilities["source"]) == {f"export.xls{SOURCE_SEPARATOR}MNR 2023"}


def test_error_cells_are_said_to_show_their_error():
    rows = [FORM[0]] + [[n, TITLES[n], "#N/A" if n == 3 else n % 5] for n in range(1, 22)]
    page = excel_page("<p>Country: Kenya</p><p>Year: 2023</p>" + table(rows))
    result = read("export.xls", page)
    assert by_assessment(result) == {
        ("Kenya", 2023, None): {n: n % 5 for n in range(1, 22) if n != 3}
    }
    [problem] = [p for p in result.problems if p.severity == "error"]
    assert "shows #N/A, an Excel error value, not a level" in problem.message
    assert problem.cell == "C6"


# --------------------------------------------------------------------------------------------
# A cell's value, as Excel reads the page

# (case, the cell as written, its value)
VALUES: list[tuple[str, str, Any]] = [
    ("a whole number", "<td>3</td>", 3),
    ("a year", "<td>2023</td>", 2023),
    ("a negative number", "<td>-1</td>", -1),
    ("a decimal point", "<td>2.5</td>", 2.5),
    ("a decimal comma stays text", "<td>1,5</td>", "1,5"),
    ("a thousands comma stays text", "<td>1,234</td>", "1,234"),
    ("a thousand or one and a half stays text", "<td>1.500</td>", "1.500"),
    ("a leading zero stays text (a code)", "<td>007</td>", "007"),
    ("a percentage stays text", "<td>75%</td>", "75%"),
    ("Excel's x:num with its value", '<td x:num="1234.5">1,234.50</td>', 1234.5),
    ("Excel's bare x:num", "<td x:num>4</td>", 4),
    ("Excel's x:num for a percentage", '<td x:num="0.75">75%</td>', 0.75),
    (
        "Excel's x:num for a date is the date shown",
        '<td x:num="45366">15/03/2024</td>',
        "15/03/2024",
    ),
    ("Excel's text format", "<td style=\"mso-number-format:'\\@'\">3</td>", "3"),
    ("Excel's x:str", "<td x:str>2</td>", "2"),
    ("an error value", "<td>#N/A</td>", ErrorValue("#N/A")),
    ("Excel's x:err", '<td x:err="#DIV/0!">#DIV/0!</td>', ErrorValue("#DIV/0!")),
    ("Excel's x:bool", '<td x:bool="TRUE">TRUE</td>', True),
    ("&nbsp; alone is empty", "<td>&nbsp;</td>", None),
    ("a line break", "<td>Plan<br>adopted 2021</td>", "Plan\nadopted 2021"),
    ("two paragraphs", "<td><p>Plan</p>\n<p>adopted</p></td>", "Plan\nadopted"),
    ("spaces and line ends in the source", "<td>\n    Child   Helpline\n  </td>", "Child Helpline"),
    ("&amp;", "<td>Trinidad &amp; Tobago</td>", "Trinidad & Tobago"),
    ("&#233; and &#8217;", "<td>C&#244;te d&#8217;Ivoire</td>", "Côte d’Ivoire"),
    ("named entities", "<td>S&atilde;o Tom&eacute;</td>", "São Tomé"),
    ("words struck through", "<td><s>2</s> 3</td>", "~~2~~ 3"),
    ("text that looks like a formula", "<td>=1+1</td>", "=1+1"),
    ("a cell left open", "<td>3<td>4", 3),
]


@pytest.mark.parametrize(
    ("cell", "expected"), [case[1:] for case in VALUES], ids=[case[0] for case in VALUES]
)
def test_a_cell_is_read_as_excel_reads_it(cell, expected):
    page = f"<table><tr><td>Label</td>{cell}</tr><tr><td>a</td><td>b</td><td>c</td></tr></table>"
    [sheet] = page_sheets(page.encode(), DEFAULT_LIMITS)
    value = sheet.cells[0].get(1)
    assert (type(value), value) == (type(expected), expected)


def test_text_stays_text_in_the_workbook_made():
    page = (
        "<table><tr><td>=1+1</td><td>#N/A</td><td>3</td></tr><tr><td>a</td><td>b</td></tr></table>"
    )
    package = write_xlsx(page_sheets(page.encode(), DEFAULT_LIMITS))
    cells = next(load_workbook(io.BytesIO(package)).active.iter_rows())
    assert [(c.value, c.data_type) for c in cells] == [("=1+1", "s"), ("#N/A", "e"), (3, "n")]


# --------------------------------------------------------------------------------------------
# Spans and sizes that reach far: clipped, costing nothing

SMALL = ReadLimits(max_rows_per_sheet=60, max_columns=20, max_sheets=2)

NINES = "9" * 1000
HOSTILE = {
    "a colspan of a billion": '<tr><td colspan="1000000000">note</td></tr>',
    "a rowspan of a billion": '<tr><td rowspan="1000000000">note</td><td>x</td></tr>',
    "both, on every cell": '<tr><td colspan="999999999" rowspan="999999999">a</td>'
    '<td colspan="999999999" rowspan="999999999">b</td></tr>' * 5,
    "a span of a thousand digits": f'<tr><td colspan="{NINES}" rowspan="{NINES}">a</td></tr>',
}


@pytest.mark.parametrize("rows", HOSTILE.values(), ids=HOSTILE.keys())
def test_far_reaching_spans_cost_nothing(rows):
    page = plain_page(
        "<p>Country: Kenya</p><p>Year: 2023</p>"
        + table(FORM).replace("</tbody>", rows + "</tbody>")
    )
    start = time.perf_counter()
    [sheet] = page_sheets(page, SMALL)
    assert all(
        b < SMALL.max_rows_per_sheet and r < SMALL.max_columns for _, _, b, r in sheet.merges
    )
    assert all(b <= 2 + 22 + 5 for _, _, b, _ in sheet.merges)  # never past the table's end
    result = read("export.xls", page, SMALL)
    assert time.perf_counter() - start < 5
    assert by_assessment(result) == {("Kenya", 2023, None): ALL}


def test_rows_columns_and_tables_past_the_limits_are_cut_saying_so():
    long = [FORM[0]] + [[n % 21 + 1, TITLES[n % 21 + 1], n % 5] for n in range(80)]
    wide = [[f"Column {c}" for c in range(30)], list(range(30))]
    page = plain_page(
        "<h2>Long</h2>"
        + table(long)
        + "<h2>Wide</h2>"
        + table(wide)
        + "<h2>Third</h2>"
        + table(wide)
    )
    result = read("export.xls", page, SMALL)
    messages = [p.message for p in result.problems]
    assert "The sheet has more than 60 rows; the rows after row 60 were not read." in messages
    assert any("beyond column T (20 columns)" in m for m in messages)
    assert "The page has 3 tables (a sheet each); only the first 2 were read." in messages


# --------------------------------------------------------------------------------------------
# A web page without a table is refused, saying what it is and what to do

NO_TABLE = {
    "a sign-in page saved as .xls": (
        "export.xls",
        plain_page("<h1>Session expired</h1><p>Please sign in.</p>"),
    ),
    "a page whose only table is in a script": (
        "report.html",
        plain_page("<p>Loading…</p><script>var t = '<table>' + rows + '</table>';</script>"),
    ),
    "a page whose tables are empty": (
        "report.htm",
        plain_page("<table><tr><td>&nbsp;</td></tr></table>"),
    ),
}


@pytest.mark.parametrize(("name", "data"), NO_TABLE.values(), ids=NO_TABLE.keys())
def test_a_page_without_a_table_is_refused(name, data):
    result = read(name, data)
    assert result.capabilities.empty
    [problem] = result.problems
    assert problem.severity == "error"
    assert "web page (HTML)" in problem.message
    assert "holds no table" in problem.message
    assert "export it again" in problem.fix


def test_the_guard_refuses_a_page_without_a_table_before_reading():
    with pytest.raises(FileRejected) as refused:
        check_upload("export.xlsx", plain_page("<h1>Session expired</h1>"))
    assert refused.value.message.startswith(
        "Its name ends in .xlsx, but it is not a valid Excel workbook."
    )
    assert "holds no table" in refused.value.message


# --------------------------------------------------------------------------------------------
# Rows and columns a page hides are hidden rows and columns of the workbook made, as Excel
# hides them when it opens the page

HIDING_CSS = "<style>\n.xl70 {display:none;}\n.xl71 {mso-hide:all;}\n</style>\n"
VISIBLE = "<tr><td>a</td><td>b</td><td>c</td></tr>"


def hiding_page(table_html: str) -> bytes:
    return f"<html><head>{HIDING_CSS}</head><body>{table_html}</body></html>".encode()


# (case, the table, the rows hidden (1-based), the columns hidden (0-based))
HIDDEN: list[tuple[str, str, set[int], set[int]]] = [
    (
        "a row's own display:none",
        f"<table>{VISIBLE}<tr style='display:none'>{VISIBLE[4:]}</table>",
        {2},
        set(),
    ),
    ("a row's class", f"<table>{VISIBLE}<tr class=xl70>{VISIBLE[4:]}</table>", {2}, set()),
    (
        "a row's mso-hide:all",
        f"<table><tr style='mso-hide:all'>{VISIBLE[4:]}{VISIBLE}</table>",
        {1},
        set(),
    ),
    (
        "Excel's hidden column: <col width=0 style='display:none'>",
        "<table><col width=64><col width=0 style='display:none;mso-width-source:userset'>"
        f"<col width=64>{VISIBLE}</table>",
        set(),
        {1},
    ),
    (
        "a <col> spanning columns before a hidden one",
        f"<table><col span=2><col class=xl71>{VISIBLE}</table>",
        set(),
        {2},
    ),
    (
        "a cell hidden by its class",
        "<table><tr><td>a</td><td>b</td><td class=xl70>c</td></tr></table>",
        set(),
        {2},
    ),
    (
        "a cell hidden by its own style",
        "<table><tr><td style='display:none'>a</td><td>b</td></tr></table>",
        set(),
        {0},
    ),
    ("nothing hidden", f"<table><col span=3>{VISIBLE}{VISIBLE}</table>", set(), set()),
]


@pytest.mark.parametrize(
    ("html", "rows", "columns"), [case[1:] for case in HIDDEN], ids=[case[0] for case in HIDDEN]
)
def test_rows_and_columns_the_page_hides_are_hidden(html, rows, columns):
    package = write_xlsx(page_sheets(hiding_page(html), DEFAULT_LIMITS))
    [name] = load_workbook(io.BytesIO(package)).sheetnames
    assert hidden_rows(package, name) == rows
    assert hidden_columns(package, name) == columns


def test_old_rows_hidden_by_a_class_leave_the_visible_levels():
    old = "".join(
        f"<tr class=xl70><td>{n}</td><td>{TITLES[n]}</td><td>{(n + 1) % 5}</td></tr>"
        for n in range(1, 22)
    )
    page = table(FORM).replace("</tbody>", old + "</tbody>")
    result = read("export.xls", hiding_page("<p>Country: Kenya</p><p>Year: 2023</p>" + page))
    assert by_assessment(result) == {("Kenya", 2023, None): ALL}
    assert any(
        "Hidden rows give 21 capabilities of Kenya 2023" in p.message for p in result.problems
    )
    assert not [p for p in result.problems if p.severity == "error"]


def test_a_hidden_columns_list_beside_the_title_names_no_country():
    # A drop-down's list of countries in a hidden column (Excel's <col style='display:none'>)
    rows = [
        ["MNR self-assessment 2023", None, None, "Albania"],
        [None, None, None, "Kenya"],
        [None, None, None, None],
        ["Capability", "Level", "Notes", None],
    ] + [[TITLES[n], n % 5, "seen", None] for n in (1, 2, 3)]
    body = "".join(
        "<tr>" + "".join(f"<td>{'' if v is None else v}</td>" for v in row) + "</tr>"
        for row in rows
    )
    page = f"<table><col span=3><col width=0 style='display:none'>{body}</table>"
    result = read("scores.xls", hiding_page(page))
    assert by_assessment(result) == {}
    assert any("No country is given" in p.message for p in result.problems)


def test_a_title_excel_shows_over_the_empty_level_cell_is_no_level():
    # Excel writes text shown over the empty cells beside it as colspan with mso-ignore:colspan
    rows = "".join(
        f"<tr><td x:num>{n}</td><td colspan=2 style='mso-ignore:colspan'>{TITLES[n]}</td></tr>"
        if n == 5
        else f"<tr><td x:num>{n}</td><td>{TITLES[n]}</td><td x:num>{n % 5}</td></tr>"
        for n in range(1, 22)
    )
    page = plain_page(
        "<p>Country: Kenya</p><p>Year: 2023</p><table><tr><td>No.</td><td>Capability</td>"
        f"<td>Level</td></tr>{rows}</table>"
    )
    result = read("export.xls", page)
    assert by_assessment(result) == {("Kenya", 2023, None): {n: n % 5 for n in ALL if n != 5}}
    assert not [p for p in result.problems if p.severity == "error"], result.problems
    [sheet] = page_sheets(page, DEFAULT_LIMITS)
    assert sheet.merges == []
