"""Number formats Excel's web pages give through CSS classes (``.xl65 {mso-number-format:…}``
in a ``<style>`` block, ``<td class=xl65>``) are read as inline ones are: text stays text, a
year shown by ``yyyy`` is that year, a date given as its serial is that day.

The pages are written as Excel's "Save as Web Page" writes one sheet: the classes in the
page's ``<style>`` (``web_support.EXCEL_CSS``), each cell naming its class."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from components.ingest.html_styles import Styles, format_kind, number_format
from components.ingest.html_tables import page_sheets
from components.ingest.limits import DEFAULT_LIMITS
from tests.ingest.reader_support import by_assessment, read
from tests.ingest.web_support import EXCEL_CSS, form_rows, sheet_page, sheet_table

ALL = {n: n % 5 for n in range(1, 22)}

# (case, the declarations, the format given, what it shows)
FORMATS: list[tuple[str, str, str | None, str | None]] = [
    ("Excel's text", 'mso-number-format:"\\@";', "@", "text"),
    ("text, quoted singly", "mso-number-format:'\\@'", "@", "text"),
    ("a named date", 'mso-number-format:"Short Date";', "Short Date", "date"),
    ("a year alone", "mso-number-format:yyyy;", "yyyy", "year"),
    ("a year, two digits", 'mso-number-format:"yy";', "yy", "year"),
    ("a day first", 'mso-number-format:"dd\\/mm\\/yyyy";', "dd/mm/yyyy", "date"),
    (
        "a locale's date, text section",
        'mso-number-format:"\\[$-409\\]d\\\\-mmm\\\\-yy\\;\\@";',
        None,
        "date",
    ),
    ("a month and year", 'mso-number-format:"mmm\\\\ yyyy";', None, "date"),
    ("a percentage", "mso-number-format:0%;", "0%", "percent"),
    ("Excel's named percentage", "mso-number-format:Percent;", "Percent", "percent"),
    ("one decimal", 'mso-number-format:"0\\.0";', "0.0", None),
    ("thousands", 'mso-number-format:"\\#\\,\\#\\#0";', "#,##0", None),
    ("scientific", 'mso-number-format:"0\\.00E\\+00";', "0.00E+00", None),
    ("a time is no date", 'mso-number-format:"h\\:mm";', "h:mm", None),
    ("General", "mso-number-format:General;", "General", None),
    ("the last one given wins", 'mso-number-format:General;mso-number-format:"\\@"', "@", "text"),
    ("none", "text-align:right;", None, None),
]


@pytest.mark.parametrize(
    ("style", "code", "kind"), [case[1:] for case in FORMATS], ids=[case[0] for case in FORMATS]
)
def test_a_number_format_is_read_as_excel_wrote_it(style, code, kind):
    if code is not None:
        assert number_format(style) == code
    assert format_kind(number_format(style)) == kind


# (case, the style block, the element's attributes, the declarations that style it)
RULES: list[tuple[str, str, dict[str, str], str]] = [
    ("a class", '.xl65\n\t{mso-number-format:"\\@";}', {"class": "xl65"}, "\\@"),
    ("a class on an element", "td.xl65 {mso-number-format:yyyy}", {"class": "XL65"}, "yyyy"),
    ("in an HTML comment", "<!--\n.xl66 {mso-number-format:0%;}\n-->", {"class": "xl66"}, "0%"),
    ("inside @media", "@media print { .xl67 {mso-number-format:yyyy} }", {"class": "xl67"}, "yyyy"),
    ("two selectors", ".a, .xl68 {mso-number-format:0%}", {"class": "xl68"}, "0%"),
    ("after a comment", "/* .xl69 {x} */ .xl69 {mso-number-format:0%}", {"class": "xl69"}, "0%"),
    ("not an element's rule", 'td {mso-number-format:"\\@"}', {"class": "xl65"}, ""),
    (
        "the element's own style last",
        ".xl65 {display:none}",
        {"class": "xl65", "style": "a:b"},
        "a:b",
    ),
]


@pytest.mark.parametrize(
    ("css", "attributes", "words"), [case[1:] for case in RULES], ids=[case[0] for case in RULES]
)
def test_a_class_rule_styles_the_elements_naming_it(css, attributes, words):
    style = Styles([css]).of(attributes)
    assert words in style
    if not words:
        assert style == ""


# --------------------------------------------------------------------------------------------
# What a cell given a class holds


def excel_page(rows: list[list[Any]]) -> bytes:
    """One sheet saved by Excel as "Web Page" (.htm): the classes in the page's style block."""
    return sheet_page(sheet_table(rows), style=EXCEL_CSS).encode("cp1252")


# (case, the cell as Excel writes it, its value)
CELLS: list[tuple[str, str, Any]] = [
    ("a text class keeps a year as text", "<td class=xl65>2023</td>", "2023"),
    ("a text class keeps a decimal's zero", "<td class=xl65>1.50</td>", "1.50"),
    ("a text class keeps a code", "<td class=xl65>007</td>", "007"),
    ("a text class keeps a range", "<td class=xl65>2-3</td>", "2-3"),
    ("a yyyy class shows the serial's year", '<td class=xl66 x:num="45292">2024</td>', 2024),
    ("a yyyy class on a typed year", "<td class=xl66 x:num>2024</td>", 2024),
    (
        "a date class gives the day the serial is",
        '<td class=xl67 align=right x:num="45366">3/15/2024</td>',
        datetime.datetime(2024, 3, 15),
    ),
    ("a percent class", '<td class=xl68 x:num="0.75">75%</td>', 0.75),
    ("a decimal class", "<td class=xl69 x:num>2.5</td>", 2.5),
    ("a class the page does not define", "<td class=xl99>3</td>", 3),
]


@pytest.mark.parametrize(
    ("cell", "expected"), [case[1:] for case in CELLS], ids=[case[0] for case in CELLS]
)
def test_a_cells_class_gives_its_format(cell, expected):
    [sheet] = page_sheets(excel_page([["Label", cell], ["a", "b"]]), DEFAULT_LIMITS)
    value = sheet.cells[0][1]
    if isinstance(expected, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time())
    assert (type(value), value) == (type(expected), expected)


def test_a_year_formatted_yyyy_is_the_assessments_year():
    year = '<td class=xl66 align=right x:num="45292">2024</td>'
    result = read("MNR Kenya.htm", excel_page(form_rows("Kenya", year, ALL)))
    assert by_assessment(result) == {("Kenya", 2024, None): ALL}
    assert not [p for p in result.problems if p.severity == "error"]
