"""The country and year printed in a sheet's page header or footer, or drawn in a text box."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from openpyxl import Workbook

from components.ingest.outside_titles import header_lines
from tests.ingest.odf_support import Sheet as OdsSheet
from tests.ingest.odf_support import ods
from tests.ingest.reader_support import FW, by_assessment, read

# One sheet per domain, each with its capabilities and no country or year in the cells.
DOMAINS = {
    "Policy & Governance": {1: 2, 2: 3, 3: 1},
    "Criminal Justice": {4: 1, 5: 0},
}


def _domain_rows(name: str, given: dict[int, int]) -> list[list[Any]]:
    rows: list[list[Any]] = [[f"Domain: {name}"], [], ["Capability", "Level", "Evidence"]]
    return rows + [[FW.capability(n).title, level, "seen"] for n, level in given.items()]


def _xlsx(header: dict[str, str], *, sheets: dict[str, dict[int, int]] = DOMAINS) -> bytes:
    """A workbook of ``sheets``, each with the header or footer parts ``header`` sets
    (openpyxl's names: "oddHeader.center", "oddFooter.left", "firstHeader.center"…)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, given in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in _domain_rows(name, given):
            sheet.append(row)
        for place, text in header.items():
            part, side = place.split(".")
            getattr(getattr(sheet, part), side).text = text
        if "firstHeader.center" in header:
            sheet.HeaderFooter.differentFirst = True
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("header", "country", "year", "where"),
    [
        (
            {"oddHeader.center": "Kyrgyzstan – MNR self-assessment 2024"},
            "Kyrgyzstan",
            2024,
            "the page header",
        ),
        # the country and the year in two parts of the header, the page number in a third
        (
            {
                "oddHeader.left": "Republic of Moldova",
                "oddHeader.center": "Model National Response",
                "oddHeader.right": "Page &P of &N",
                "oddFooter.center": "Printed 2023",
            },
            "Republic of Moldova",
            2023,
            "the page header",
        ),
        # in the footer only, in a bold font (Excel's codes are no words)
        ({"oddFooter.center": '&"Arial,Bold"&12Ghana · MNR · 2022'}, "Ghana", 2022, "footer"),
        # a header naming no country: the year only
        ({"oddHeader.center": "Ministry of Education 2021"}, None, 2021, "the page header"),
    ],
)
def test_the_page_header_gives_the_country_and_year_nothing_else_gives(
    header, country, year, where
):
    result = read("scores per domain.xlsx", _xlsx(header))
    found = by_assessment(result)
    if country is None:
        assert found == {}, "no country anywhere: refused, never invented"
        assert any("No country is given" in p.message for p in result.problems)
        return
    assert found == {(country, year, None): {1: 2, 2: 3, 3: 1, 4: 1, 5: 0}}
    messages = [p.message for p in result.problems if p.severity == "warning"]
    assert any(f"“{country}” was taken from" in m and where in m for m in messages)
    assert any(f"year {year} was taken from" in m for m in messages)


def test_a_title_in_the_cells_is_taken_before_the_page_header():
    sheets = {"Scores": {1: 2, 2: 3}}
    data = _xlsx({"oddHeader.center": "Kenya MNR 2020"}, sheets=sheets)
    workbook_rows = [["Uganda – MNR 2024"], [], ["Capability", "Level"]]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Scores"
    for row in [*workbook_rows, [FW.capability(1).title, 2], [FW.capability(2).title, 3]]:
        sheet.append(row)
    sheet.oddHeader.center.text = "Kenya MNR 2020"
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert by_assessment(read("f.xlsx", buffer.getvalue())) == {
        ("Uganda", 2024, None): {1: 2, 2: 3}
    }
    # … and with no title in the cells, the header's
    assert by_assessment(read("f.xlsx", data)) == {("Kenya", 2020, None): {1: 2, 2: 3}}


@pytest.mark.parametrize(
    ("code", "lines"),
    [
        (
            "&LMinistry&CKenya – MNR 2024&RPage &P of &N",
            ["Ministry", "Kenya – MNR 2024", "Page of"],
        ),
        ('&C&"Calibri,Bold"&14Ghana &D', ["Ghana"]),
        ("&CR&&D Unit &A", ["R&D Unit"]),
        ("&C&F", []),
    ],
)
def test_excel_header_codes_are_not_words(code, lines):
    assert header_lines(code) == lines


_DRAWING = (
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor>'
    "<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row>"
    "<xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff>"
    "<xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp><xdr:nvSpPr>"
    '<xdr:cNvPr id="2" name="TextBox 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr/>'
    "<xdr:txBody><a:bodyPr/>{paragraphs}</xdr:txBody></xdr:sp><xdr:clientData/>"
    "</xdr:twoCellAnchor></xdr:wsDr>"
)


def _with_text_box(data: bytes, paragraphs: list[str]) -> bytes:
    """``data`` (an xlsx of one sheet) with a text box holding ``paragraphs`` on its sheet."""
    xml = "".join(f"<a:p><a:r><a:t>{p}</a:t></a:r></a:p>" for p in paragraphs)
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(b"</worksheet>", b'<drawing r:id="rIdT"/></worksheet>')
                if b"xmlns:r=" not in content:
                    content = content.replace(
                        b"<worksheet ",
                        b'<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
                        b'2006/relationships" ',
                        1,
                    )
            target.writestr(item, content)
        target.writestr(
            "xl/worksheets/_rels/sheet1.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>',
        )
        target.writestr("xl/drawings/drawing1.xml", _DRAWING.format(paragraphs=xml))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (
            ["Kingdom of Lesotho", "Model National Response – self-assessment, May 2024"],
            ("Kingdom of Lesotho", 2024),
        ),
        (["Namibia MNR 2023"], ("Namibia", 2023)),
        # a key drawn beside the table names no country: refused, as without it
        (["How to read the levels", "0 – Not in place", "4 – Mature"], None),
    ],
)
def test_a_text_box_gives_the_title_nothing_else_gives(paragraphs, expected):
    data = _with_text_box(_xlsx({}, sheets={"Sheet1": {1: 2, 2: 3}}), paragraphs)
    result = read("scores.xlsx", data)
    if expected is None:
        assert by_assessment(result) == {}
        assert any("No country is given" in p.message for p in result.problems)
        return
    country, year = expected
    assert by_assessment(result) == {(country, year, None): {1: 2, 2: 3}}
    assert any(
        "taken from a text box on sheet “Sheet1”" in p.message and country in p.message
        for p in result.problems
    )


def _ods_with_header(header: str, footer: str) -> bytes:
    sheets = [OdsSheet(name, _domain_rows(name, given)) for name, given in DOMAINS.items()]
    data = ods(sheets)
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    styles = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-styles '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:master-styles>'
        '<style:master-page style:name="Default"><style:header><style:region-left><text:p>'
        f"{header}</text:p></style:region-left><style:region-right><text:p>Page "
        "<text:page-number>1</text:page-number></text:p></style:region-right></style:header>"
        f"<style:footer><text:p>{footer}</text:p></style:footer></style:master-page>"
        "</office:master-styles></office:document-styles>"
    )
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("styles.xml", styles)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("header", "footer", "expected"),
    [
        (
            "Kazakhstan · Model National Response · 2023",
            "Ministry of Education",
            ("Kazakhstan", 2023),
        ),
        ("Ministry of Education", "Uzbekistan, MNR 2022", ("Uzbekistan", 2022)),
    ],
)
def test_an_ods_page_header_or_footer_gives_the_country_and_year(header, footer, expected):
    result = read("scores per domain.ods", _ods_with_header(header, footer))
    assert by_assessment(result) == {(*expected, None): {1: 2, 2: 3, 3: 1, 4: 1, 5: 0}}
    assert any("taken from the page" in p.message for p in result.problems)
