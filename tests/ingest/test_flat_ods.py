"""A LibreOffice flat XML spreadsheet (.fods) is read as the .ods it is: every shape the reader
reads in an .ods it reads in a .fods, and a hostile one is refused with a clear message.

Both files are built from the same sheets, as LibreOffice writes them (``odf_support``).
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from typing import Any

import pytest
from openpyxl import load_workbook

from components.ingest.file_guard import check_upload
from components.ingest.flat_ods import flat_document, ods_package
from components.ingest.limits import DEFAULT_LIMITS
from components.ingest.mapping import preview_sheets
from components.ingest.refusals import FileRejected
from components.ingest.report import SOURCE_SEPARATOR
from components.ingest.template import write_template
from tests.ingest.odf_support import (
    MIMETYPE,
    NAMESPACES,
    Formula,
    Sheet,
    Shown,
    body_xml,
    declarations,
    fods,
    fods_text,
    ods,
)
from tests.ingest.reader_support import FW, SAMPLE, SAMPLE_LEVELS, TITLES, by_assessment, read

# --------------------------------------------------------------------------------------------
# The shapes people's workbooks take, each read the same from an .ods and from a .fods


def _template_sheets() -> list[Sheet]:
    """The app's own template, filled in, as it comes back saved in LibreOffice."""
    workbook = load_workbook(io.BytesIO(write_template(FW, SAMPLE)), data_only=True)
    sheets = []
    for worksheet in workbook.worksheets:
        rows = [list(row) for row in worksheet.iter_rows(values_only=True)]
        while rows and all(v is None for v in rows[-1]):
            rows.pop()
        sheets.append(Sheet(worksheet.title, [_trimmed(r) for r in rows]))
    return sheets


def _trimmed(row: list[Any]) -> list[Any]:
    while row and row[-1] is None:
        row = row[:-1]
    return row


LONG_HEADER = ["Country", "Year", "Capability", "Level", "Evidence"]


def _long(country: str, year: int, level: int = 0) -> list[list[Any]]:
    return [[country, year, TITLES[n], (n + level) % 5, "National plan"] for n in range(1, 22)]


def _wide_merged() -> Sheet:
    """Capabilities down, a country merged over its two years' columns."""
    rows: list[list[Any]] = [["Capability", "Elbonia", None], [None, 2021, 2023]]
    rows += [[TITLES[n], n % 5, (n + 1) % 5] for n in range(1, 22)]
    return Sheet("Levels", rows, merged={(0, 1): (1, 2)})


def _merged_down() -> Sheet:
    """A long table whose country is merged down over its rows."""
    rows: list[list[Any]] = [LONG_HEADER[:4]]
    rows += [["Arvenia" if n == 1 else None, 2022, TITLES[n], n % 5] for n in range(1, 22)]
    return Sheet("Data", rows, merged={(1, 0): (21, 1)})


def _dated_form() -> Sheet:
    rows: list[list[Any]] = [
        ["Country", "Quentra"],
        ["Date of assessment", datetime.date(2024, 3, 15)],
        [],
        ["No.", "Capability", "Level"],
    ]
    rows += [[n, TITLES[n], n % 5] for n in range(1, 22)]
    return Sheet("Assessment", rows)


def _formulas_without_results() -> Sheet:
    rows: list[list[Any]] = [
        ["Country", "Kenya"],
        ["Year", 2024],
        [],
        ["No.", "Capability", "Level"],
    ]
    rows += [[n, TITLES[n], Formula(f"{n % 5}+0")] for n in range(1, 22)]
    return Sheet("Assessment", rows)


def _formulas_with_results() -> Sheet:
    rows: list[list[Any]] = [
        ["Country", "Kenya"],
        ["Year", 2024],
        [],
        ["No.", "Capability", "Level"],
    ]
    rows += [[n, TITLES[n], Formula(f"{n % 5}+0", n % 5)] for n in range(1, 22)]
    return Sheet("Assessment", rows)


SHAPES: dict[str, tuple[list[Sheet], dict[tuple, dict[int, int]]]] = {
    "the app's template, filled in": (
        _template_sheets(),
        {("Arvenia", 2021, "baseline"): {n: v for n, v in SAMPLE_LEVELS.items() if v is not None}},
    ),
    "a long table of two countries, rows repeated": (
        [
            Sheet(
                "Data",
                [LONG_HEADER, *_long("Elbonia", 2023), *_long("Quentra", 2023, 1)],
            )
        ],
        {
            ("Elbonia", 2023, None): {n: n % 5 for n in range(1, 22)},
            ("Quentra", 2023, None): {n: (n + 1) % 5 for n in range(1, 22)},
        },
    ),
    "equal levels side by side (repeated columns)": (
        [
            Sheet(
                "Levels",
                [["Year", 2023], [], ["Capability", "Elbonia", "Quentra", "Arvenia"]]
                + [[TITLES[n], n % 5, n % 5, n % 5] for n in range(1, 22)],
            )
        ],
        {
            (c, 2023, None): {n: n % 5 for n in range(1, 22)}
            for c in ("Elbonia", "Quentra", "Arvenia")
        },
    ),
    "a row given twice (repeated rows)": (
        [Sheet("Data", [LONG_HEADER, *_long("Elbonia", 2023)[:3], *_long("Elbonia", 2023)[2:]])],
        {("Elbonia", 2023, None): {n: n % 5 for n in range(1, 22)}},
    ),
    "a form dated with a date cell": (
        [_dated_form()],
        {("Quentra", 2024, None): {n: n % 5 for n in range(1, 22)}},
    ),
    "a hidden helper sheet repeating the assessment": (
        [
            Sheet("Data", [LONG_HEADER, *_long("Elbonia", 2023)]),
            Sheet("Helper", [LONG_HEADER, *_long("Elbonia", 2023)], hidden=True),
        ],
        {("Elbonia", 2023, None): {n: n % 5 for n in range(1, 22)}},
    ),
    "hidden rows and a hidden column": (
        [
            Sheet(
                "Data",
                [LONG_HEADER, *_long("Elbonia", 2023)],
                hidden_rows=frozenset({3, 4}),
                hidden_columns=frozenset({4}),
            )
        ],
        {("Elbonia", 2023, None): {n: n % 5 for n in range(1, 22)}},
    ),
    "formulas with their saved results": (
        [_formulas_with_results()],
        {("Kenya", 2024, None): {n: n % 5 for n in range(1, 22)}},
    ),
    "formulas never calculated": ([_formulas_without_results()], {}),
    "level cells showing error values": (
        [
            Sheet(
                "Assessment",
                [["Country", "Kenya"], ["Year", 2024], [], ["No.", "Capability", "Level"]]
                + [[n, TITLES[n], Shown("#N/A") if n == 3 else n % 5] for n in range(1, 22)],
            )
        ],
        {("Kenya", 2024, None): {n: n % 5 for n in range(1, 22) if n != 3}},
    ),
}


def _problems(result) -> list[tuple[str, str | None, str | None, str, str]]:
    return [(p.severity, p.sheet, p.cell, p.message, p.fix) for p in result.problems]


@pytest.mark.parametrize(("sheets", "expected"), SHAPES.values(), ids=SHAPES.keys())
def test_a_fods_reads_as_the_same_ods_does(sheets, expected):
    assert "number-columns-repeated" in fods_text(sheets)  # LibreOffice's runs, as it writes them
    from_ods = read("assessment.ods", ods(sheets))
    from_fods = read("assessment.ods", fods(sheets))  # the same name: the same messages
    assert by_assessment(from_fods) == by_assessment(from_ods) == expected
    assert _problems(from_fods) == _problems(from_ods)
    assert from_fods.capabilities.drop(columns="assessment_id").equals(
        from_ods.capabilities.drop(columns="assessment_id")
    )


@pytest.mark.parametrize("sheet", [_wide_merged(), _merged_down()], ids=["across", "down"])
def test_merged_cells_are_read_as_in_the_same_ods(sheet):
    # Covered cells are empty, as calamine reads an .ods's: the merged value is in the first
    # cell only, and the merges (``ods_merges``) fill the rest as an xlsx's.
    from_ods = read("merged.ods", ods([sheet]))
    from_fods = read("merged.ods", fods([sheet]))
    assert by_assessment(from_fods) == by_assessment(from_ods) != {}
    assert _problems(from_fods) == _problems(from_ods)


def test_formulas_never_calculated_are_said_to_be_so():
    result = read("script.fods", fods([_formulas_without_results()]))
    assert any(
        "hold formulas with no saved result" in p.message and p.cell == "C5:C25"
        for p in result.problems
    )


def test_the_guard_names_a_fods_for_what_it_is():
    assert (
        check_upload("assessment.fods", fods(SHAPES["a form dated with a date cell"][0])) == "fods"
    )


def test_a_fods_under_another_name_is_read_too():
    result = read("export.xml", fods([_dated_form()]))
    assert by_assessment(result) == {("Quentra", 2024, None): {n: n % 5 for n in range(1, 22)}}


# --------------------------------------------------------------------------------------------
# How scripts write it: another encoding, other prefixes, no declaration


def _other_prefixes(text: str, prefixes: dict[str, str]) -> str:
    for name, other in prefixes.items():
        text = re.sub(rf"(?<![\w:.-]){name}:", f"{other}:", text)
        text = text.replace(f"xmlns:{name}=", f"xmlns:{other}=")
    return text


FORM = [_dated_form()]
WRITTEN = {
    "UTF-8 with a byte-order mark": lambda: b"\xef\xbb\xbf" + fods(FORM),
    "no XML declaration": lambda: fods(FORM, declaration=""),
    "ISO-8859-1": lambda: fods_text(
        FORM, declaration='<?xml version="1.0" encoding="ISO-8859-1"?>'
    ).encode("latin-1"),
    "UTF-16": lambda: fods_text(FORM, declaration='<?xml version="1.0" encoding="UTF-16"?>').encode(
        "utf-16"
    ),
    "other prefixes": lambda: _other_prefixes(
        fods_text(FORM), {"office": "o", "table": "t", "text": "p", "style": "s"}
    ).encode(),
    "a usual prefix for another namespace": lambda: (
        _other_prefixes(fods_text(FORM), {"table": "tb"})
        .replace("<office:document ", '<office:document xmlns:table="urn:example:other" ', 1)
        .encode()
    ),
    "a comment before the document": lambda: fods(FORM, prolog="<!-- made by a script -->\n"),
}


@pytest.mark.parametrize("data", WRITTEN.values(), ids=WRITTEN.keys())
def test_a_fods_as_scripts_write_it_is_read(data):
    result = read("script.fods", data())
    assert by_assessment(result) == {("Quentra", 2024, None): {n: n % 5 for n in range(1, 22)}}
    assert not [p for p in result.problems if p.severity == "error"]


def test_names_keep_their_letters_in_another_encoding():
    sheet = Sheet(
        "Données", [["Country", "São Tomé"], ["Year", 2023], [], ["No.", "Capability", "Level"]]
    )
    sheet.rows += [[n, TITLES[n], n % 5] for n in range(1, 22)]
    text = fods_text([sheet], declaration='<?xml version="1.0" encoding="ISO-8859-1"?>')
    result = read("names.fods", text.encode("latin-1"))
    assert list(by_assessment(result)) == [("São Tomé", 2023, None)]
    assert result.capabilities["source"].iloc[0] == f"names.fods{SOURCE_SEPARATOR}Données"


# --------------------------------------------------------------------------------------------
# Hostile files: refused before anything reads their cells, with a clear message

# Ten entities, each ten of the one before: "&lol9;" would be a billion "lol"s.
LAUGHS = (
    '<!DOCTYPE office:document [<!ENTITY lol0 "lol">'
    + "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    + "]>\n"
)


def _with_cell(cell: str) -> str:
    """The dated form with one more row holding ``cell``."""
    return fods_text(FORM).replace(
        '<table:table-row table:number-rows-repeated="1048000">',
        f"<table:table-row>{cell}</table:table-row>"
        '<table:table-row table:number-rows-repeated="1048000">',
        1,
    )


HOSTILE = {
    "billion laughs": (
        lambda: fods_text(FORM, prolog=LAUGHS).replace("Quentra", "&lol9;").encode(),
        "unsafe_content",
        "declares XML entities",
    ),
    "an external entity": (
        lambda: (
            fods_text(
                FORM, prolog='<!DOCTYPE office:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            )
            .replace("Quentra", "&x;")
            .encode()
        ),
        "unsafe_content",
        "declares XML entities",
    ),
    "a DTD after a long comment": (
        lambda: fods_text(
            FORM, prolog="<!--" + "x" * 10_000 + '-->\n<!DOCTYPE d [<!ENTITY e "e">]>'
        ).encode(),
        "unsafe_content",
        "declares XML entities",
    ),
    "a cell repeated across two billion columns": (
        lambda: _with_cell(
            '<table:table-cell table:number-columns-repeated="2000000000" '
            'office:value-type="float" office:value="1"/>'
        ).encode(),
        "too_far",
        "column 2,000,000,000",
    ),
    "a row repeated two billion times": (
        lambda: (
            _with_cell('<table:table-cell office:value-type="float" office:value="1"/>')
            .replace(
                '<table:table-row><table:table-cell office:value-type="float" office:value="1"/>',
                '<table:table-row table:number-rows-repeated="2000000000"><table:table-cell '
                'office:value-type="float" office:value="1"/>',
            )
            .encode()
        ),
        "too_far",
        "more than the dashboard reads",
    ),
    "more sheets than the limit": (
        lambda: fods([Sheet(f"S{n}", [["x"]]) for n in range(DEFAULT_LIMITS.max_sheets + 1)]),
        "too_many_sheets",
        f"at most {DEFAULT_LIMITS.max_sheets}",
    ),
    "no sheet": (lambda: fods([]), "no_sheets", "no sheets"),
    "cut short": (lambda: fods(FORM)[:-300], "damaged", "damaged or incomplete"),
    "cut short, other prefixes": (
        lambda: _other_prefixes(fods_text(FORM), {"table": "t"}).encode()[:-300],
        "damaged",
        "damaged or incomplete",
    ),
    "a flat text document (.fodt)": (
        lambda: (
            fods_text([])
            .replace("opendocument.spreadsheet", "opendocument.text")
            .replace("office:spreadsheet", "office:text")
            .encode()
        ),
        "not_spreadsheet",
        "OpenDocument text document (.fodt)",
    ),
    "larger than the upload limit": (
        lambda: fods(FORM, prolog=f"<!--{'x' * DEFAULT_LIMITS.max_file_bytes}-->"),
        "too_large",
        "the largest file the dashboard accepts",
    ),
}


@pytest.mark.parametrize(("data", "kind", "said"), HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_fods_is_refused_with_a_clear_message(data, kind, said):
    payload = data()
    with pytest.raises(FileRejected) as refused:
        check_upload("assessment.fods", payload, DEFAULT_LIMITS)
    assert refused.value.kind == kind
    assert said in refused.value.message
    # Through the reader: one error saying so, never a traceback, nothing read.
    result = read("assessment.fods", payload)
    assert result.capabilities.empty
    assert any(said in p.message and p.severity == "error" for p in result.problems)


def test_the_entities_are_never_expanded():
    # A refused file's cells are never read: the entity's text is in no message.
    data = (
        fods_text(FORM, prolog='<!DOCTYPE d [<!ENTITY secret "TOPSECRET">]>')
        .replace("Quentra", "&secret;")
        .encode()
    )
    result = read("assessment.fods", data)
    assert not any("TOPSECRET" in p.message + p.fix for p in result.problems)


# --------------------------------------------------------------------------------------------
# Telling a flat OpenDocument file from other XML


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (fods_text(FORM)[:3000], "spreadsheet"),
        ("<office:document " + declarations() + ">" + body_xml(FORM), "spreadsheet"),
        (
            f'<o:document xmlns:o="{NAMESPACES["office"]}" o:mimetype="{MIMETYPE}">',
            "spreadsheet",
        ),
        (
            f"<?xml version='1.0'?><office:document xmlns:office='{NAMESPACES['office']}' "
            "office:mimetype='application/vnd.oasis.opendocument.text'>",
            "text",
        ),
        (f'<office:document xmlns:office="{NAMESPACES["office"]}">', ""),
        ('<?xml version="1.0"?><office:document xmlns:office="urn:example">', None),
        (
            '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
            None,
        ),
        ("Country,Year\nKenya,2024\n", None),
    ],
)
def test_flat_document(head, kind):
    assert flat_document(head) == kind


def test_a_fods_as_libreoffice_writes_it_is_packaged_unchanged():
    data = fods(FORM)
    with zipfile.ZipFile(io.BytesIO(ods_package(data))) as archive:
        assert archive.read("content.xml") == data
        assert archive.read("mimetype") == MIMETYPE.encode()


def test_the_mapping_step_previews_a_fods_as_an_ods():
    previews = preview_sheets("form.fods", fods(FORM), FW)
    assert [p.name for p in previews] == ["Assessment"]
    assert previews[0].rows[0][:2] == ("Country", "Quentra")


def test_a_large_fods_written_on_one_line_is_read():
    # Longer than the text the guard looks at first, with no line break after the declaration.
    rows = [LONG_HEADER] + [r for c in range(80) for r in _long(f"Country {c}", 2023)]
    data = fods([Sheet("Data", rows)])
    assert len(data) > 1024 * 1024
    assert data.count(b"\n") == 1
    result = read("long.fods", data)
    assert len(by_assessment(result)) == 80


# A chart as LibreOffice embeds it in a .fods: a whole chart document, with a table of its own,
# inside the frame (an .ods keeps it in a part of its own, "Object 1/content.xml").
CHART = (
    '<draw:frame draw:z-index="0" draw:name="Object 1"><draw:object '
    'draw:notify-on-update-of-ranges="Assessment.B5:Assessment.C25"><office:document '
    'office:mimetype="application/vnd.oasis.opendocument.chart" office:version="1.3">'
    '<office:body><office:chart><chart:chart chart:class="chart:bar"><chart:plot-area '
    'table:cell-range-address="Assessment.B5:Assessment.C25"/><table:table '
    'table:name="local-table"><table:table-header-rows><table:table-row><table:table-cell>'
    '<text:p/></table:table-cell><table:table-cell office:value-type="string"><text:p>Level'
    "</text:p></table:table-cell></table:table-row></table:table-header-rows><table:table-rows>"
    '<table:table-row><table:table-cell office:value-type="string"><text:p>Leadership</text:p>'
    '</table:table-cell><table:table-cell office:value-type="float" office:value="3"><text:p>3'
    "</text:p></table:table-cell></table:table-row></table:table-rows></table:table>"
    "</chart:chart></office:chart></office:body></office:document></draw:object></draw:frame>"
)
CHART_NAMESPACES = (
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:chart="urn:oasis:names:tc:opendocument:xmlns:chart:1.0" '
)


def _with_chart(where: str) -> str:
    text = fods_text(FORM).replace("<office:document ", f"<office:document {CHART_NAMESPACES}", 1)
    if where == "in a cell":
        return text.replace("<text:p>Quentra</text:p>", f"<text:p>Quentra</text:p>{CHART}", 1)
    return text.replace(
        "<table:table-column/>", f"<table:shapes>{CHART}</table:shapes><table:table-column/>", 1
    )


@pytest.mark.parametrize(
    "data",
    [
        lambda: _with_chart("in a cell").encode(),
        lambda: _with_chart("on the sheet").encode(),
        lambda: _other_prefixes(_with_chart("in a cell"), {"table": "t", "draw": "d"}).encode(),
        lambda: (
            (_with_chart("on the sheet") + "<!-- a second -->")
            .replace("</draw:object>", f"{CHART}</draw:object>", 1)
            .encode()
        ),
    ],
    ids=["in a cell", "on the sheet", "other prefixes", "an object in an object"],
)
def test_an_embedded_chart_s_table_is_no_sheet_and_leaves_the_sheet_whole(data):
    result = read("charted.fods", data())
    assert by_assessment(result) == {("Quentra", 2024, None): {n: n % 5 for n in range(1, 22)}}
    assert not [p for p in result.problems if p.severity == "error"]
    assert not any("local-table" in (p.sheet or "") + p.message for p in result.problems)
