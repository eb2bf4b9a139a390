"""Excel's "XML Spreadsheet 2003" is read as the .xlsx it is made into: every shape the reader
reads in an .xlsx it reads in one, with the same messages, and a hostile one costs nothing.

Each file is written here as Excel writes it on "Save As > XML Spreadsheet 2003" (its
declaration, ``<?mso-application?>``, namespaces, document properties, styles, ``ss:Index`` on a
row or cell after empty ones, ``WorksheetOptions``), and compared with the same sheets in an
.xlsx written by openpyxl.
"""

from __future__ import annotations

import datetime
import io
import time
import zipfile
from dataclasses import dataclass, field
from html import escape
from typing import Any

import pytest
from openpyxl import Workbook

from components.ingest.book_sheets import ErrorValue
from components.ingest.file_guard import check_upload
from components.ingest.limits import DEFAULT_LIMITS, ReadLimits
from components.ingest.mapping import preview_sheets
from components.ingest.markup_books import write_xlsx
from components.ingest.refusals import FileRejected
from components.ingest.report import SOURCE_SEPARATOR
from components.ingest.spreadsheet_xml import spreadsheet_sheets
from tests.ingest.reader_support import FW, TITLES, by_assessment, read

# --------------------------------------------------------------------------------------------
# Writing a workbook as Excel writes XML Spreadsheet 2003


@dataclass
class Formula:
    """A formula cell, with the result Excel saved beside it."""

    formula: str
    value: Any


@dataclass
class XSheet:
    name: str
    rows: list[list[Any]]
    hidden: bool = False
    # (row, column) -> (rows down, columns across) the cell there is merged over, 0-based
    merged: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)


HEAD = """<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:html="http://www.w3.org/TR/REC-html40">
 <DocumentProperties xmlns="urn:schemas-microsoft-com:office:office">
  <Author>M&amp;E team</Author>
  <Created>2024-03-15T09:12:44Z</Created>
  <Version>16.00</Version>
 </DocumentProperties>
 <OfficeDocumentSettings xmlns="urn:schemas-microsoft-com:office:office">
  <AllowPNG/>
 </OfficeDocumentSettings>
 <ExcelWorkbook xmlns="urn:schemas-microsoft-com:office:excel">
  <WindowHeight>12435</WindowHeight>
  <WindowWidth>28800</WindowWidth>
  <ProtectStructure>False</ProtectStructure>
  <ProtectWindows>False</ProtectWindows>
 </ExcelWorkbook>
 <Styles>
  <Style ss:ID="Default" ss:Name="Normal">
   <Alignment ss:Vertical="Bottom"/>
   <Borders/>
   <Font ss:FontName="Calibri" x:Family="Swiss" ss:Size="11" ss:Color="#000000"/>
   <Interior/>
   <NumberFormat/>
   <Protection/>
  </Style>
  <Style ss:ID="s62">
   <NumberFormat ss:Format="Short Date"/>
  </Style>
  <Style ss:ID="s63">
   <NumberFormat ss:Format="Percent"/>
  </Style>
 </Styles>
"""

OPTIONS = """  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">
   <PageSetup>
    <Header x:Margin="0.3"/>
    <Footer x:Margin="0.3"/>
    <PageMargins x:Bottom="0.75" x:Left="0.7" x:Right="0.7" x:Top="0.75"/>
   </PageSetup>
{visible}   <ProtectObjects>False</ProtectObjects>
   <ProtectScenarios>False</ProtectScenarios>
  </WorksheetOptions>
"""


def cell_xml(value: Any, attributes: str = "") -> str:
    if isinstance(value, Formula):
        return cell_xml(value.value, f'{attributes} ss:Formula="{escape(value.formula)}"')
    if isinstance(value, ErrorValue):
        kind, text = "Error", str(value)
    elif isinstance(value, bool):
        kind, text = "Boolean", "1" if value else "0"
    elif isinstance(value, int | float):
        kind, text = "Number", repr(value)
    elif isinstance(value, datetime.date):
        kind, text = "DateTime", f"{value.isoformat()}T00:00:00.000"
        attributes += ' ss:StyleID="s62"'
    else:
        kind, text = "String", escape(str(value), quote=False)
    return f'<Cell{attributes}><Data ss:Type="{kind}">{text}</Data></Cell>'


def worksheet_xml(sheet: XSheet) -> str:
    width = max((len(row) for row in sheet.rows), default=1)
    parts = [
        f' <Worksheet ss:Name="{escape(sheet.name)}">\n'
        f'  <Table ss:ExpandedColumnCount="{width}" ss:ExpandedRowCount="{len(sheet.rows)}" '
        'x:FullColumns="1"\n   x:FullRows="1" ss:DefaultRowHeight="15">\n'
    ]
    skipped_row = False
    for r, row in enumerate(sheet.rows):
        if not any(v is not None for v in row) and (r, 0) not in sheet.merged:
            skipped_row = True  # Excel leaves an empty row out: the next one says its index
            continue
        cells, skipped = [], False
        c = 0
        while c < len(row):
            value = row[c]
            down, across = sheet.merged.get((r, c), (0, 0))
            if value is None and not (down or across):
                skipped, c = True, c + 1
                continue
            attributes = f' ss:Index="{c + 1}"' if skipped else ""
            if across:
                attributes += f' ss:MergeAcross="{across}"'
            if down:
                attributes += f' ss:MergeDown="{down}"'
            cells.append(
                cell_xml(value, attributes) if value is not None else f"<Cell{attributes}/>"
            )
            skipped = False  # the next cell follows the merge: no index needed
            c += 1 + across
        index = f' ss:Index="{r + 1}"' if skipped_row else ""
        parts.append(f"   <Row{index}>\n    " + "\n    ".join(cells) + "\n   </Row>\n")
        skipped_row = False
    visible = "   <Visible>SheetHidden</Visible>\n" if sheet.hidden else ""
    parts.append("  </Table>\n" + OPTIONS.format(visible=visible) + " </Worksheet>\n")
    return "".join(parts)


def spreadsheet_ml(sheets: list[XSheet]) -> bytes:
    return (HEAD + "".join(worksheet_xml(s) for s in sheets) + "</Workbook>\n").encode()


def xlsx_of(sheets: list[XSheet]) -> bytes:
    """The same sheets as an .xlsx, as Excel would save them."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets:
        worksheet = workbook.create_sheet(sheet.name)
        for r, row in enumerate(sheet.rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    shown = value.value if isinstance(value, Formula) else value
                    worksheet.cell(
                        row=r,
                        column=c,
                        value=str(shown) if isinstance(shown, ErrorValue) else shown,
                    )
        for (r, c), (down, across) in sheet.merged.items():
            worksheet.merge_cells(
                start_row=r + 1, start_column=c + 1, end_row=r + 1 + down, end_column=c + 1 + across
            )
        if sheet.hidden:
            worksheet.sheet_state = "hidden"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------------------------
# The shapes people's workbooks take, each read the same from the XML and from an .xlsx

COUNTRIES = ["Kenya", "Ghana", "Nepal"]
LONG_HEADER = ["Country", "Year", "Capability", "Level", "Evidence"]


def _long(country: str, year: int, shift: int = 0) -> list[list[Any]]:
    return [[country, year, TITLES[n], (n + shift) % 5, "National plan"] for n in range(1, 22)]


def _form(country: str, year: Any, levels: dict[int, Any]) -> list[list[Any]]:
    rows: list[list[Any]] = [
        ["Country", country],
        ["Year", year],
        [],
        ["No.", "Capability", "Level"],
    ]
    return rows + [[n, TITLES[n], levels.get(n)] for n in range(1, 22)]


ALL = {n: n % 5 for n in range(1, 22)}

SHAPES: dict[str, tuple[list[XSheet], dict[tuple, dict[int, int]]]] = {
    "countries by capabilities": (
        [
            XSheet(
                "Levels",
                [["Year", 2023], [], ["Capability", *COUNTRIES]]
                + [[TITLES[n], n % 5, (n + 1) % 5, (n + 2) % 5] for n in range(1, 22)],
            )
        ],
        {
            (country, 2023, None): {n: (n + shift) % 5 for n in range(1, 22)}
            for shift, country in enumerate(COUNTRIES)
        },
    ),
    "a long table of two countries": (
        [XSheet("Data", [LONG_HEADER, *_long("Kenya", 2023), *_long("Ghana", 2022, 1)])],
        {
            ("Kenya", 2023, None): ALL,
            ("Ghana", 2022, None): {n: (n + 1) % 5 for n in range(1, 22)},
        },
    ),
    "a template with Country and Year above the table": (
        [XSheet("Assessment", _form("Kenya", 2023, ALL))],
        {("Kenya", 2023, None): ALL},
    ),
    "a form dated with a date cell, some capabilities not assessed": (
        [
            XSheet(
                "Assessment",
                _form(
                    "Nepal", datetime.date(2024, 3, 15), {n: n % 5 for n in range(1, 22) if n % 4}
                ),
            )
        ],
        {("Nepal", 2024, None): {n: n % 5 for n in range(1, 22) if n % 4}},
    ),
    "two sheets, one country each": (
        [
            XSheet("Kenya", _form("Kenya", 2023, ALL)),
            XSheet("Ghana", _form("Ghana", 2023, {n: 4 - n % 5 for n in range(1, 22)})),
        ],
        {
            ("Kenya", 2023, None): ALL,
            ("Ghana", 2023, None): {n: 4 - n % 5 for n in range(1, 22)},
        },
    ),
    "a hidden helper sheet repeating the assessment": (
        [
            XSheet("Data", [LONG_HEADER, *_long("Kenya", 2023)]),
            XSheet("Helper", [LONG_HEADER, *_long("Kenya", 2023)], hidden=True),
        ],
        {("Kenya", 2023, None): ALL},
    ),
    "a country merged over its two years' columns": (
        [
            XSheet(
                "Levels",
                [["Capability", "Kenya", None], [None, 2021, 2023]]
                + [[TITLES[n], n % 5, (n + 1) % 5] for n in range(1, 22)],
                merged={(0, 1): (0, 1)},
            )
        ],
        {
            ("Kenya", 2021, None): ALL,
            ("Kenya", 2023, None): {n: (n + 1) % 5 for n in range(1, 22)},
        },
    ),
    "a long table's country merged down its rows": (
        [
            XSheet(
                "Data",
                [LONG_HEADER[:4]]
                + [["Ghana" if n == 1 else None, 2022, TITLES[n], n % 5] for n in range(1, 22)],
                merged={(1, 0): (20, 0)},
            )
        ],
        {("Ghana", 2022, None): ALL},
    ),
    "level cells showing error values": (
        [
            XSheet(
                "Assessment",
                _form(
                    "Kenya",
                    2024,
                    # (an #N/A typed in an .xlsx is a missing value's mark: test below)
                    {n: ErrorValue("#REF!") if n == 3 else n % 5 for n in range(1, 22)},
                ),
            )
        ],
        {("Kenya", 2024, None): {n: n % 5 for n in range(1, 22) if n != 3}},
    ),
    "formulas with their saved results": (
        [
            XSheet(
                "Assessment",
                _form(
                    "Kenya",
                    2024,
                    {n: Formula("=VLOOKUP(RC[-1],Scores!C1:C2,2,0)", n % 5) for n in range(1, 22)},
                ),
            )
        ],
        {("Kenya", 2024, None): ALL},
    ),
}


def _problems(result) -> list[tuple[str, str | None, str | None, str, str]]:
    return [(p.severity, p.sheet, p.cell, p.message, p.fix) for p in result.problems]


@pytest.mark.parametrize(("sheets", "expected"), SHAPES.values(), ids=SHAPES.keys())
def test_an_xml_spreadsheet_reads_as_the_same_xlsx_does(sheets, expected):
    from_xml = read("assessment.xml", spreadsheet_ml(sheets))
    from_xlsx = read("assessment.xml", xlsx_of(sheets))  # the same name: the same messages
    assert by_assessment(from_xml) == by_assessment(from_xlsx) == expected
    assert _problems(from_xml) == _problems(from_xlsx)
    assert from_xml.capabilities.drop(columns="assessment_id").equals(
        from_xlsx.capabilities.drop(columns="assessment_id")
    )


@pytest.mark.parametrize("shown", ["#REF!", "#N/A"])
def test_an_error_cell_is_said_to_show_its_error(shown):
    # An #N/A too: the formula that may have given it is not kept (``marked_levels``).
    levels = {n: ErrorValue(shown) if n == 3 else n % 5 for n in range(1, 22)}
    sheets = [XSheet("Assessment", _form("Kenya", 2024, levels))]
    result = read("assessment.xls", spreadsheet_ml(sheets))
    [problem] = [p for p in result.problems if p.cell == "C7"]
    assert problem.severity == "error"
    assert f"shows {shown}" in problem.message
    assert "could not be read" in problem.message


def test_the_guard_names_it_and_the_sheets_keep_their_names():
    data = spreadsheet_ml(SHAPES["two sheets, one country each"][0])
    assert check_upload("export.xls", data) == "spreadsheetml"
    result = read("export.xls", data)
    assert set(result.capabilities["source"]) == {
        f"export.xls{SOURCE_SEPARATOR}Kenya",
        f"export.xls{SOURCE_SEPARATOR}Ghana",
    }


def test_the_mapping_step_previews_its_sheets():
    previews = preview_sheets(
        "old.xml", spreadsheet_ml(SHAPES["two sheets, one country each"][0]), FW
    )
    assert [p.name for p in previews] == ["Kenya", "Ghana"]
    assert previews[0].rows[0] == ("Country", "Kenya")


# --------------------------------------------------------------------------------------------
# What Excel and scripts write beyond plain values

RAW_FORM = (
    HEAD
    + ' <Worksheet ss:Name="{name}">\n  <Table>\n{rows}  </Table>\n </Worksheet>\n</Workbook>\n'
)


def text(value: str) -> str:
    return f'<Data ss:Type="String">{value}</Data>'


def number(value: float) -> str:
    return f'<Data ss:Type="Number">{value}</Data>'


def row_xml(*cells: str, attributes: str = "") -> str:
    return f"   <Row{attributes}>" + "".join(f"<Cell>{c}</Cell>" for c in cells) + "</Row>\n"


# Rich text, as Excel writes it: its own Data element in HTML's namespace.
RICH = '<ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40">{}</ss:Data>'


def raw_form(country_cell: str, level_cell: str = number(3), name: str = "Assessment") -> bytes:
    """A form whose country cell and first level cell are written as given; the other levels 2."""
    rows = [
        row_xml(text("Country"), country_cell),
        row_xml(text("Year"), number(2023)),
        row_xml(text("Capability"), text("Level"), attributes=' ss:Index="4"'),
        row_xml(text(TITLES[1]), level_cell),
    ]
    rows += [row_xml(text(escape(TITLES[n])), number(2)) for n in range(2, 22)]
    return RAW_FORM.format(name=name, rows="".join(rows)).encode()


# (case, country cell, first level cell, the country read, the first level read)
CELLS = [
    (
        "entities",
        text("S&#227;o Tom&#233; &amp; Pr&#237;ncipe"),
        None,
        "São Tomé & Príncipe",
        3,
    ),
    (
        "rich text",
        RICH.format('<B>Ke</B><Font html:Color="#FF0000">nya</Font>'),
        None,
        "Kenya",
        3,
    ),
    (
        "a comment on the level cell",
        text("Kenya"),
        number(3)
        + '<Comment ss:Author="Reviewer">'
        + RICH.format("<B>Reviewer:</B> was 1")
        + "</Comment>",
        "Kenya",
        3,
    ),
    (
        "an old level struck through beside the new one",
        text("Kenya"),
        RICH.format("<S>1</S> 3"),
        "Kenya",
        3,
    ),
    (
        "a level typed as text",
        text("Kenya"),
        text("3"),
        "Kenya",
        3,
    ),
    (
        "a number written 3.0",
        text("Kenya"),
        number("3.0"),
        "Kenya",
        3,
    ),
]


@pytest.mark.parametrize(
    ("country_cell", "level_cell", "country", "level"),
    [case[1:] for case in CELLS],
    ids=[case[0] for case in CELLS],
)
def test_cells_read_as_excel_shows_them(country_cell, level_cell, country, level):
    data = raw_form(country_cell, *([level_cell] if level_cell else []))
    result = read("assessment.xml", data)
    found = by_assessment(result)
    assert list(found) == [(country, 2023, None)]
    assert found[country, 2023, None][1] == level
    assert not [p for p in result.problems if p.severity == "error"]


def test_struck_words_are_said_to_be_struck():
    data = raw_form(
        text("Kenya"),
        RICH.format("<S>1</S> 3"),
    )
    result = read("assessment.xml", data)
    assert any("struck through" in p.message for p in result.problems)


# How scripts write it: another encoding, no declaration
IVORY = raw_form(text("Côte d’Ivoire")).decode()
WRITTEN = {
    "Windows-1252": IVORY.replace(
        '<?xml version="1.0"?>', '<?xml version="1.0" encoding="windows-1252"?>'
    ).encode("cp1252"),
    "UTF-16": IVORY.replace(
        '<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>'
    ).encode("utf-16"),
    "no declaration": IVORY.split("\n", 2)[2].encode(),
}


@pytest.mark.parametrize("data", WRITTEN.values(), ids=WRITTEN.keys())
def test_as_scripts_write_it(data):
    result = read("export.xls", data)
    assert list(by_assessment(result)) == [("Côte d’Ivoire", 2023, None)]


def test_a_hidden_sheet_is_hidden_and_a_row_marked_hidden_too():
    hidden = (
        '<WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">'
        "<Visible>SheetVeryHidden</Visible></WorksheetOptions>"
    )
    hidden_row = row_xml(text("a"), attributes=' ss:Hidden="1"')
    data = (
        f'{HEAD} <Worksheet ss:Name="Visible"><Table>{hidden_row}</Table></Worksheet>\n'
        f' <Worksheet ss:Name="Lists"><Table>{row_xml(text("b"))}</Table>{hidden}</Worksheet>\n'
        "</Workbook>\n"
    ).encode()
    visible, lists = spreadsheet_sheets(data, DEFAULT_LIMITS)
    assert (visible.hidden, lists.hidden) == (False, True)
    assert visible.hidden_rows == {0}


# --------------------------------------------------------------------------------------------
# Indexes, merges and spans that reach far: clipped to the limits, costing nothing

SMALL = ReadLimits(max_rows_per_sheet=100, max_columns=20)
BILLION, FAR = "1000000000", text("far")


def _with_row(row: str) -> bytes:
    return raw_form(text("Kenya")).replace(b"  </Table>", row.encode() + b"\n  </Table>")


HOSTILE = {
    "a row's index of a billion": (
        row_xml(FAR, attributes=f' ss:Index="{BILLION}"'),
        "more than 100 rows",
    ),
    "a cell's index of a billion": (
        f'<Row><Cell ss:Index="{BILLION}">{FAR}</Cell></Row>',
        "beyond column T",
    ),
    "a merge across two billion columns and down two billion rows": (
        f'<Row><Cell ss:MergeAcross="2{BILLION}" ss:MergeDown="2{BILLION}">{FAR}</Cell></Row>',
        None,
    ),
    "rows spanning a billion times over": (
        f'<Row ss:Span="{BILLION}"/>{row_xml(FAR)}',
        "more than 100 rows",
    ),
    "an index of a thousand digits": (
        f'<Row ss:Index="{"9" * 1000}"><Cell ss:Index="{"9" * 1000}">{FAR}</Cell></Row>',
        "more than 100 rows",
    ),
}
FORM_READ = {("Kenya", 2023, None): {1: 3, **dict.fromkeys(range(2, 22), 2)}}


@pytest.mark.parametrize(("row", "said"), HOSTILE.values(), ids=HOSTILE.keys())
def test_far_reaching_indexes_and_merges_cost_nothing(row, said):
    data = _with_row(row)
    [sheet] = spreadsheet_sheets(data, SMALL)
    # Nothing is made for the places it claims: the cells written, one past the limit at most.
    assert sum(len(cells) for cells in sheet.cells.values()) <= 2 * 25 + 1
    assert max(sheet.cells) <= SMALL.max_rows_per_sheet
    assert all(
        b < SMALL.max_rows_per_sheet and r < SMALL.max_columns for _, _, b, r in sheet.merges
    )
    start = time.perf_counter()
    result = read("export.xml", data, SMALL)
    assert time.perf_counter() - start < 5
    assert by_assessment(result) == FORM_READ
    if said:
        assert any(said in p.message for p in result.problems), result.problems


def test_sheets_past_the_limit_are_cut_saying_so():
    sheets = [XSheet(f"Sheet {n}", [["Country", "Kenya"]]) for n in range(1, 6)]
    result = read("many.xml", spreadsheet_ml(sheets), ReadLimits(max_sheets=3))
    said = "The workbook has 5 sheets; only the first 3 were read."
    assert any(p.message == said for p in result.problems)


# --------------------------------------------------------------------------------------------
# Refused, with a clear message

LAUGHS = (
    '<!DOCTYPE Workbook [<!ENTITY lol0 "lol">'
    + "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    + "]>\n"
)

REFUSED = {
    "billion laughs": (
        raw_form(text("&lol9;")).replace(b"<Workbook", LAUGHS.encode() + b"<Workbook", 1),
        "unsafe_content",
        "unsafe content",
    ),
    "cut short": (raw_form(text("Kenya"))[:-400], "damaged", "damaged or incomplete"),
    "no worksheet": ((HEAD + "</Workbook>").encode(), "no_sheets", "has no sheets"),
}


def _refusal(data: bytes) -> FileRejected:
    """What the guard, or else the reading of the sheets, refuses the file with."""
    try:
        check_upload("old.xml", data)
        spreadsheet_sheets(data, DEFAULT_LIMITS)
    except FileRejected as refused:
        return refused
    raise AssertionError("not refused")


@pytest.mark.parametrize(("data", "kind", "words"), REFUSED.values(), ids=REFUSED.keys())
def test_a_hostile_or_damaged_file_is_refused_with_a_clear_message(data, kind, words):
    refused = _refusal(data)
    assert refused.kind == kind
    assert words in refused.message
    result = read("old.xml", data)
    assert result.capabilities.empty
    assert any(words in p.message and p.severity == "error" for p in result.problems)
    assert not any("could not be read (" in p.message for p in result.problems)  # no crash


def test_other_xml_is_still_refused():
    with pytest.raises(FileRejected) as refused:
        check_upload(
            "data.xml", b'<?xml version="1.0"?><Workbook xmlns="urn:example"><a/></Workbook>'
        )
    assert "an XML data file" in refused.value.message


def test_the_package_is_a_small_real_xlsx():
    package = write_xlsx(
        spreadsheet_sheets(
            spreadsheet_ml(SHAPES["two sheets, one country each"][0]), DEFAULT_LIMITS
        )
    )
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        assert "xl/workbook.xml" in archive.namelist()
