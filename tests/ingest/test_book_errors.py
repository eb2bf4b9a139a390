"""Error values in .xls and .ods cells (components/ingest/book_errors.py): a level cell showing
#N/A, #REF!, … (or LibreOffice's Err:502) is an error naming its sheet and cell, never "not
assessed", as in an xlsx; the rest of the file is read.

The .xls files are written by xlwt (an error cell as Excel's Paste Special > Values leaves it,
a BOOLERR record) and, for a formula whose saved result is an error (what Excel stores for a
lookup that found nothing), the same file with the formula's saved result made that error: xlwt
stores none. The .ods files are written as LibreOffice writes them.
"""

from __future__ import annotations

import io
import re
import struct
from typing import Any
from xml.sax.saxutils import escape

import pytest
import xlwt

from components.ingest.book_errors import XLS_ERROR_CODES, ods_errors, xls_error, xls_errors
from tests.ingest.odf_support import package
from tests.ingest.reader_support import (
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    errors,
    read,
)

KENYA = {n: n % 5 for n in range(1, 22)}
WITHOUT_4 = {("Kenya", 2024, None): {n: v for n, v in KENYA.items() if n != 4}}
CODES = {shown: code for code, shown in XLS_ERROR_CODES.items()}
CLASSIC = ["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!"]


class Error:
    """A cell showing ``shown``: as a pasted value, or as a formula's saved result."""

    def __init__(self, shown: str, formula: bool = False) -> None:
        self.shown, self.formula = shown, formula


def form(level_4: Any) -> list[list[Any]]:
    rows: list[list[Any]] = [["Country", "Kenya"], ["Year", 2024], [], ["No.", "Capability"]]
    rows[3].append("Level")
    for n in range(1, 22):
        rows.append([n, TITLES[n], level_4 if n == 4 else KENYA[n]])
    return rows  # capability 4's level in C8


def long_table(level_4: Any) -> list[list[Any]]:
    rows: list[list[Any]] = [["Country", "Year", "Capability", "Level"]]
    for n in range(1, 22):
        rows.append(["Kenya", 2024, TITLES[n], level_4 if n == 4 else KENYA[n]])
    return rows  # capability 4's level in D5


def countries_rows(level_4: Any) -> list[list[Any]]:
    header: list[Any] = ["Country", "Year", *(TITLES[n] for n in range(1, 22))]
    return [header, ["Kenya", 2024, *(level_4 if n == 4 else KENYA[n] for n in range(1, 22))]]


def capabilities_rows(level_4: Any) -> list[list[Any]]:
    rows: list[list[Any]] = [["No.", "Capability", "Kenya 2024"]]
    for n in range(1, 22):
        rows.append([n, TITLES[n], level_4 if n == 4 else KENYA[n]])
    return rows  # Kenya's level of capability 4 in C5


LAYOUTS = [(form, "C8"), (long_table, "D5"), (countries_rows, "F2"), (capabilities_rows, "C5")]


def xls(sheets: dict[str, list[list[Any]]]) -> bytes:
    book = xlwt.Workbook()
    formulas: list[tuple[int, int, int]] = []
    for name, rows in sheets.items():
        sheet = book.add_sheet(name)
        for r, cells in enumerate(rows):
            for c, value in enumerate(cells):
                if isinstance(value, Error) and value.formula:
                    sheet.write(r, c, xlwt.Formula("NA()"))
                    formulas.append((r, c, CODES[value.shown]))
                elif isinstance(value, Error):
                    sheet.row(r).set_cell_error(c, CODES[value.shown])
                elif value is not None:
                    sheet.write(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return _errors_saved(buffer.getvalue(), formulas)


def _errors_saved(data: bytes, formulas: list[tuple[int, int, int]]) -> bytes:
    """The .xls with each formula's saved result (xlwt's: none, an empty text) the error
    Excel saves for it: type 2, the error's code, then 0xFFFF."""
    for row, column, code in formulas:
        # The FORMULA record's row, column and style, then its saved result.
        record = re.escape(struct.pack("<HH", row, column)) + b"(?s:..)"
        found = re.search(record + re.escape(struct.pack("<Q", 0xFFFF000000000003)), data)
        assert found is not None
        saved = struct.pack("<Q", 0xFFFF000000000002 | code << 16)
        data = data[: found.start() + 6] + saved + data[found.start() + 14 :]
    return data


def ods(rows: list[list[Any]], name: str = "Assessment") -> bytes:
    """An .ods as LibreOffice writes it; ``Error`` cells as it saves an error (``calcext``)."""

    def cell(value: Any) -> str:
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, Error):
            formula = ' table:formula="of:=VLOOKUP([.B8];$Levels.A:B;2;0)"' if value.formula else ""
            return (
                f'<table:table-cell{formula} office:value-type="string" office:string-value="" '
                f'calcext:value-type="error"><text:p>{escape(value.shown)}</text:p>'
                "</table:table-cell>"
            )
        if isinstance(value, int):
            return (
                f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>"
            )
        return (
            f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p>'
            "</table:table-cell>"
        )

    body = "".join(
        f"<table:table-row>{''.join(cell(v) for v in cells)}</table:table-row>" for cells in rows
    )
    return ods_content(
        f'<table:table table:name="{name}">{body}</table:table>',
    )


def ods_content(tables: str) -> bytes:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
        'office:version="1.2"><office:body><office:spreadsheet>'
        f"{tables}</office:spreadsheet></office:body></office:document-content>"
    )
    return package(content)


def assert_level_error(result, cell: str, shown: str, kind: str) -> None:
    assert by_assessment(result) == WITHOUT_4
    assert_problem(
        result,
        "error",
        cell,
        f"{cell} shows {shown}, {kind} error value, not a level",
        "Assessment",
    )
    problem = next(p for p in result.problems if p.cell == cell)
    assert "capability 4" in problem.message
    assert "could not be read" in problem.message
    assert f"Type the level in {cell}" in problem.fix
    assert "Paste Special > Values" in problem.fix
    assert not [p for p in result.problems if "not assessed" in p.message]


# An #N/A typed with no formula is a program's mark of a missing value (test_marked_levels).
@pytest.mark.parametrize(
    ("shown", "formula"),
    [
        (shown, formula)
        for shown in CLASSIC
        for formula in (False, True)
        if formula or shown[1] != "N"
    ],
)
@pytest.mark.parametrize(("layout", "cell"), LAYOUTS)
def test_an_xls_level_cell_showing_an_error_is_reported_not_read_as_not_assessed(
    layout, cell, shown, formula
):
    result = read("k.xls", xls({"Assessment": layout(Error(shown, formula))}))
    assert_level_error(result, cell, shown, "an Excel")


@pytest.mark.parametrize(
    ("shown", "formula", "kind"),
    [
        ("#N/A", True, "a LibreOffice"),  # a lookup that found nothing
        ("Err:502", True, "a LibreOffice"),  # LibreOffice's own: an invalid argument
        ("#VALUE!", False, "a LibreOffice"),  # pasted as values: no formula behind it
        ("#DIV/0!", True, "a LibreOffice"),
    ],
)
@pytest.mark.parametrize(("layout", "cell"), LAYOUTS)
def test_an_ods_level_cell_showing_an_error_is_reported_not_read_as_not_assessed(
    layout, cell, shown, formula, kind
):
    result = read("k.ods", ods(layout(Error(shown, formula))))
    assert_level_error(result, cell, shown, kind)


@pytest.mark.parametrize(
    ("cell_xml", "shown"),
    [
        # As older LibreOffice and other programs save it: no calcext, an empty string result.
        (
            '<table:table-cell table:formula="of:=NA()" office:value-type="string" '
            'office:string-value=""><text:p>#N/A</text:p></table:table-cell>',
            "#N/A",
        ),
        (
            '<table:table-cell table:formula="of:=1/0" calcext:value-type="error">'
            "<text:p>#DIV/0!</text:p></table:table-cell>",
            "#DIV/0!",
        ),
    ],
)
def test_an_ods_error_saved_other_ways_is_reported_too(cell_xml, shown):
    rows = [
        f"<table:table-row>{''.join(cells)}</table:table-row>"
        for cells in _ods_form_cells(cell_xml)
    ]
    data = ods_content(f'<table:table table:name="Assessment">{"".join(rows)}</table:table>')
    assert_level_error(read("k.ods", data), "C8", shown, "a LibreOffice")


def _ods_form_cells(level_4: str) -> list[list[str]]:
    def text(value: Any) -> str:
        kind = "float" if isinstance(value, int) else "string"
        number = f' office:value="{value}"' if isinstance(value, int) else ""
        return (
            f'<table:table-cell office:value-type="{kind}"{number}><text:p>{escape(str(value))}'
            "</text:p></table:table-cell>"
        )

    return [
        [text(v) if not (isinstance(v, str) and v.startswith("<")) else v for v in cells]
        for cells in form(level_4)
    ]


def test_an_ods_formula_whose_empty_text_is_no_error_is_not_assessed():
    # A formula giving "" (``=IF(A1="";"";A1)``) shows nothing: not assessed, no error.
    cell_xml = (
        '<table:table-cell table:formula="of:=IF([.A1]=&quot;&quot;;&quot;&quot;;[.A1])" '
        'office:value-type="string" office:string-value=""><text:p></text:p></table:table-cell>'
    )
    rows = [f"<table:table-row>{''.join(c)}</table:table-row>" for c in _ods_form_cells(cell_xml)]
    result = read(
        "k.ods", ods_content(f'<table:table table:name="A">{"".join(rows)}</table:table>')
    )
    assert by_assessment(result) == WITHOUT_4
    assert not errors(result)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("k.xls", lambda rows: xls({"Assessment": rows})),
        ("k.ods", ods),
    ],
)
def test_error_values_outside_the_level_cells_do_not_stop_the_file_being_read(name, data):
    rows = form(4)
    rows[4].append(Error("#REF!", formula=True))  # a helper column beside capability 1
    rows.append([])
    rows.append(["Average", None, Error("#DIV/0!", formula=True)])
    result = read(name, data(rows))
    assert by_assessment(result) == {("Kenya", 2024, None): {**KENYA, 4: 4}}
    assert not errors(result)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("k.xls", lambda rows: xls({"Data": rows})),
        ("k.ods", lambda rows: ods(rows, "Data")),
    ],
)
def test_a_country_cell_showing_an_error_names_it_never_empty(name, data):
    rows = long_table(4)
    rows[16][0] = Error("#N/A", formula=True)  # capability 16's row: B17 looked up nothing
    result = read(name, data(rows))
    assert_problem(result, "error", "A17", "Row 17 has no country (A17 shows #N/A, a formula")
    assert not any("is empty" in p.message for p in result.problems)
    assert by_assessment(result) == {
        ("Kenya", 2024, None): {n: v for n, v in {**KENYA, 4: 4}.items() if n != 16}
    }


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("k.xls", lambda rows: xls({"Summary": rows})),
        ("k.ods", lambda rows: ods(rows, "Summary")),
    ],
)
def test_a_countries_row_of_error_values_says_what_it_shows(name, data):
    rows = countries_rows(4)
    rows.append(["Uganda", 2024, *(Error("#REF!", formula=True) for _ in range(21))])
    result = read(name, data(rows))
    assert_problem(result, "error", "C3:W3", "show #REF!, a formula error", "Summary")
    assert by_assessment(result) == {("Kenya", 2024, None): {**KENYA, 4: 4}}


@pytest.mark.parametrize(
    ("text", "shown", "kind"),
    [
        ("Err:502", "Err:502", "a LibreOffice error value"),  # a LibreOffice csv
        ("err:504", "err:504", "a LibreOffice error value"),
        ("#VALEUR!", "#VALEUR!", "an Excel error value"),  # French Excel
        ("#¡REF!", "#¡REF!", "an Excel error value"),  # Spanish Excel
        ("#N/D", "#N/D", "an Excel error value"),  # Portuguese Excel
        ("#N/A", "#N/A", "an Excel error value"),
    ],
)
def test_an_error_value_written_as_text_is_reported_with_how_to_fix_it(text, shown, kind):
    result = read("k.csv", csv_bytes(long_table(text)))
    assert by_assessment(result) == WITHOUT_4
    assert_problem(result, "error", "D5", f"“{shown}” is {kind}, not a level")
    problem = next(p for p in result.problems if p.cell == "D5")
    assert "Paste Special > Values" in problem.fix


@pytest.mark.parametrize(
    ("kind", "payload", "shown"),
    [
        # BOOLERR: row, column, style, the value, then 1 for an error (0 for a boolean).
        (0x0205, struct.pack("<HHHBB", 3, 2, 15, 0x2A, 1), "#N/A"),
        (0x0205, struct.pack("<HHHBB", 3, 2, 15, 0x17, 1), "#REF!"),
        (0x0205, struct.pack("<HHHBB", 3, 2, 15, 1, 0), None),  # TRUE
        # FORMULA: row, column, style, the saved result (8 bytes), options, the formula.
        (0x0006, struct.pack("<HHHQHL", 3, 2, 15, 0xFFFF000000070002, 0, 0), "#DIV/0!"),
        (0x0006, struct.pack("<HHHQHL", 3, 2, 15, 0xFFFF000000000003, 0, 0), None),  # none
        (0x0006, struct.pack("<HHHdHL", 3, 2, 15, 3.0, 0, 0), None),  # a number
        (0x0006, struct.pack("<HHHQHL", 3, 2, 15, 0xFFFF000000010001, 0, 0), None),  # TRUE
        (0x0006, struct.pack("<HHHQHL", 3, 2, 15, 0xFFFF000000000000, 0, 0), None),  # text
    ],
)
def test_the_records_that_show_an_error_are_told_apart(kind, payload, shown):
    assert xls_error(kind, payload) == shown


def test_a_damaged_xls_has_no_error_cells_rather_than_a_traceback():
    assert xls_errors(b"not a compound file") == {}
    assert ods_errors(b"not a zip") == {}
