"""Gnumeric workbooks (.gnumeric) are read as the .xlsx they are made into, and a hostile one
costs nothing.

Each file is written here as Gnumeric 1.12 saves it (gzip-compressed XML: ``gnm:Workbook``,
its sheet index, each ``gnm:Sheet`` with its name, columns' and rows' info, style regions,
``gnm:Cell`` elements by Row and Col with their ValueType, merged regions, comments), uncompressed
as some save it, and as older versions wrote it (``gmr:`` in the gnome.org namespace, each
cell's text in a ``Content`` element). What is read is compared with the same cells in an .xlsx.
"""

from __future__ import annotations

import gzip
import io
from dataclasses import dataclass, field
from html import escape
from typing import Any

import pytest
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from components.ingest.file_guard import check_upload
from components.ingest.gnumeric import gnumeric_sheets
from components.ingest.limits import DEFAULT_LIMITS, ReadLimits
from components.ingest.refusals import FileRejected
from tests.ingest.reader_support import FW, TITLES, by_assessment, errors, read

ALL = range(1, 22)
LEVELS = {n: (n * 2) % 5 for n in ALL}
OTHER = {n: (n + 1) % 5 for n in ALL}


@dataclass(frozen=True)
class Formula:
    """A formula, which Gnumeric saves without its result."""

    text: str


@dataclass
class GSheet:
    name: str
    rows: list[list[Any]]
    hidden: bool = False
    hidden_rows: tuple[int, ...] = ()  # 0-based
    merges: tuple[str, ...] = ()  # "A1:B1"
    percent_columns: tuple[int, ...] = ()  # 0-based, styled "0%"
    notes: dict[str, str] = field(default_factory=dict)


def _cell(row: int, column: int, value: Any, old: bool) -> str:
    place = f'Row="{row}" Col="{column}"'
    if isinstance(value, Formula):
        kind, text = None, value.text
    elif isinstance(value, bool):
        kind, text = "20", "TRUE" if value else "FALSE"
    elif isinstance(value, int | float):
        kind, text = "40", repr(value)
    else:
        kind, text = "60", escape(str(value), quote=False)
    typed = f' ValueType="{kind}"' if kind else ""
    if old:
        content = f"<gmr:Content>{text}</gmr:Content>"
        return f'<gmr:Cell Col="{column}" Row="{row}" Style="0"{typed}>{content}</gmr:Cell>'
    return f"<gnm:Cell {place}{typed}>{text}</gnm:Cell>"


def gnumeric(sheets: list[GSheet], *, compressed: bool = True, old: bool = False) -> bytes:
    """The sheets as Gnumeric saves them: gzip'd XML (or not), today's format or an old one."""
    p = "gmr" if old else "gnm"
    space = "http://www.gnome.org/gnumeric/v7" if old else "http://www.gnumeric.org/v10.dtd"
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<{p}:Workbook xmlns:{p}="{space}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
        f'<{p}:Version Epoch="1" Major="12" Minor="55" Full="1.12.55"/>',
        f"<{p}:Attributes><{p}:Attribute><{p}:name>WorkbookView::show_horizontal_scrollbar"
        f"</{p}:name><{p}:value>TRUE</{p}:value></{p}:Attribute></{p}:Attributes>",
        f'<{p}:Calculation ManualRecalc="0" EnableIteration="1"/>',
        f"<{p}:SheetNameIndex>",
        *(f"<{p}:SheetName>{escape(s.name)}</{p}:SheetName>" for s in sheets),
        f"</{p}:SheetNameIndex><{p}:Sheets>",
    ]
    for sheet in sheets:
        visibility = (
            "GNM_SHEET_VISIBILITY_HIDDEN" if sheet.hidden else "GNM_SHEET_VISIBILITY_VISIBLE"
        )
        out.append(f'<{p}:Sheet DisplayFormulas="0" HideZero="0" Visibility="{visibility}">')
        out.append(f"<{p}:Name>{escape(sheet.name)}</{p}:Name>")
        out.append(f"<{p}:MaxCol>{max(map(len, sheet.rows)) - 1}</{p}:MaxCol>")
        out.append(f"<{p}:MaxRow>{len(sheet.rows) - 1}</{p}:MaxRow>")
        out.append(
            f'<{p}:Cols DefaultSizePts="48"><{p}:ColInfo No="0" Unit="160" Count="2"/></{p}:Cols>'
        )
        out.append(f'<{p}:Rows DefaultSizePts="12.8">')
        out += [f'<{p}:RowInfo No="{r}" Unit="12.8" Hidden="1"/>' for r in sheet.hidden_rows]
        out.append(f"</{p}:Rows><{p}:Styles>")
        out.append(
            f'<{p}:StyleRegion startCol="0" startRow="0" endCol="255" endRow="65535">'
            f'<{p}:Style HAlign="1" VAlign="2" Format="General"/></{p}:StyleRegion>'
        )
        out += [
            f'<{p}:StyleRegion startCol="{c}" startRow="0" endCol="{c}" endRow="65535">'
            f'<{p}:Style HAlign="1" VAlign="2" Format="0%"/></{p}:StyleRegion>'
            for c in sheet.percent_columns
        ]
        out.append(f"</{p}:Styles><{p}:Cells>")
        for r, row in enumerate(sheet.rows):
            out += [_cell(r, c, v, old) for c, v in enumerate(row) if v is not None]
        out.append(f"</{p}:Cells>")
        if sheet.merges:
            out.append(f"<{p}:MergedRegions>")
            out += [f"<{p}:Merge>{ref}</{p}:Merge>" for ref in sheet.merges]
            out.append(f"</{p}:MergedRegions>")
        if sheet.notes:
            out.append(f"<{p}:Objects>")
            out += [
                f'<{p}:CellComment ObjectBound="{ref}" Author="" Text="{escape(text)}"/>'
                for ref, text in sheet.notes.items()
            ]
            out.append(f"</{p}:Objects>")
        out.append(f"</{p}:Sheet>")
    out.append(f"</{p}:Sheets></{p}:Workbook>")
    xml = "\n".join(out).encode("utf-8")
    return gzip.compress(xml) if compressed else xml


def xlsx_of(sheets: list[GSheet]) -> bytes:
    """The same sheets as an .xlsx (formulas left empty, as never calculated)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets:
        worksheet = workbook.create_sheet(sheet.name)
        for r, row in enumerate(sheet.rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None and not isinstance(value, Formula):
                    cell = worksheet.cell(row=r, column=c, value=value)
                    if c - 1 in sheet.percent_columns and isinstance(value, int | float):
                        cell.number_format = "0%"
        for ref in sheet.merges:
            worksheet.merge_cells(ref)
        for r in sheet.hidden_rows:
            worksheet.row_dimensions[r + 1].hidden = True
        if sheet.hidden:
            worksheet.sheet_state = "hidden"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def form(country: str, year: int, levels: dict[int, Any]) -> list[list[Any]]:
    rows: list[list[Any]] = [
        ["Country", country],
        ["Year", year],
        [],
        ["No", "Capability", "Level"],
    ]
    rows += [[n, TITLES[n], levels.get(n)] for n in ALL]
    rows += [[], ["No", "Enabler", "Level"]]
    return rows + [[e.number, e.title, e.number % 5] for e in FW.enablers]


SHAPES: dict[str, tuple[list[GSheet], dict[tuple, dict[int, int]]]] = {
    "a sheet per country, enablers below": (
        [
            GSheet("Honduras", form("Honduras", 2022, LEVELS)),
            GSheet("Lebanon", form("Lebanon", 2022, OTHER)),
        ],
        {("Honduras", 2022, None): LEVELS, ("Lebanon", 2022, None): OTHER},
    ),
    "countries by capabilities, the title merged over them": (
        [
            GSheet(
                "MNR 2024",
                [
                    ["MNR levels 2024"],
                    ["Country", "Year", *(f"C{n}" for n in ALL)],
                    ["Georgia", 2024, *(LEVELS[n] for n in ALL)],
                    ["Kenya", 2024, *(OTHER[n] for n in ALL)],
                ],
                merges=("A1:W1",),
            )
        ],
        {("Georgia", 2024, None): LEVELS, ("Kenya", 2024, None): OTHER},
    ),
    "last round's rows hidden under a hidden sheet's copy": (
        [
            GSheet(
                "Data",
                [
                    ["Country", "Year", "Capability", "Level"],
                    *(["Nepal", 2023, TITLES[n], LEVELS[n]] for n in ALL),
                    *(["Nepal", 2019, TITLES[n], OTHER[n]] for n in ALL),
                ],
                hidden_rows=tuple(range(22, 43)),
            ),
            GSheet("Copy", [["Country", "Year", "Capability", "Level"]], hidden=True),
        ],
        {("Nepal", 2023, None): LEVELS, ("Nepal", 2019, None): OTHER},
    ),
}

WRITERS = {
    "Gnumeric 1.12, gzip'd": gnumeric,
    "saved uncompressed": lambda sheets: gnumeric(sheets, compressed=False),
    "an old version's format": lambda sheets: gnumeric(sheets, old=True),
}


def _enablers(result) -> dict[tuple, Any]:
    frame = result.enablers.dropna(subset=["level"])
    return {(r.country, r.year, r.enabler): r.level for r in frame.itertuples()}


@pytest.mark.parametrize(("sheets", "expected"), SHAPES.values(), ids=SHAPES.keys())
@pytest.mark.parametrize("write", WRITERS.values(), ids=WRITERS.keys())
def test_a_gnumeric_workbook_is_read_as_the_same_xlsx(sheets, expected, write):
    result = read("levels.gnumeric", write(sheets))
    from_xlsx = read("levels.xlsx", xlsx_of(sheets))
    assert by_assessment(result) == expected == by_assessment(from_xlsx)
    assert sorted(p.message for p in result.problems) == sorted(
        p.message for p in from_xlsx.problems
    )
    assert _enablers(result) == _enablers(from_xlsx)


def test_sheets_keep_names_merges_hidden_rows_formats_and_notes():
    sheet = GSheet(
        "Kenya 2023",
        [["Country", "Kenya"], ["Share", 0.5], ["Rate", 0.25]],
        hidden_rows=(2,),
        merges=("B1:C1",),
        percent_columns=(1,),
        notes={"B1": "checked by the ministry"},
    )
    (read_sheet,) = gnumeric_sheets(gnumeric([sheet]), DEFAULT_LIMITS)
    assert read_sheet.name == "Kenya 2023"
    assert read_sheet.merges == [(0, 1, 0, 2)]
    assert read_sheet.hidden_rows == {2}
    assert read_sheet.number_formats == {(1, 1): "0%", (2, 1): "0%"}
    assert read_sheet.notes == {(0, 1): "checked by the ministry"}


def test_a_formula_gnumeric_saved_without_its_result_is_said_not_guessed():
    rows = form("Kenya", 2023, {**LEVELS, 4: Formula("=ROUND(AVERAGE(D8:E8),0)")})
    result = read("levels.gnumeric", gnumeric([GSheet("Kenya", rows)]))
    assert 4 not in by_assessment(result)[("Kenya", 2023, None)]
    said = [p for p in errors(result) if p.cell == "C8"]
    assert len(said) == 1
    assert "=ROUND(AVERAGE(D8:E8),0)" in said[0].message
    assert "no saved result" in said[0].message


def _bomb(size: int) -> bytes:
    head = b'<?xml version="1.0"?><gnm:Workbook xmlns:gnm="http://www.gnumeric.org/v10.dtd">'
    return gzip.compress(head + b" " * size + b"</gnm:Workbook>", compresslevel=9)


# (a hostile or damaged file, the limits, how it is refused)
REFUSED = {
    "a gzip bomb (unpacks a thousand times its size)": (
        _bomb(60 * 1024 * 1024),
        DEFAULT_LIMITS,
        "compression_ratio",
    ),
    "unpacks past the unpacked-size limit": (
        _bomb(3 * 1024 * 1024),
        ReadLimits(max_uncompressed_bytes=2 * 1024 * 1024, max_compression_ratio=10_000),
        "too_big_unpacked",
    ),
    "a DTD (entities)": (
        gzip.compress(
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
            b'<gnm:Workbook xmlns:gnm="http://www.gnumeric.org/v10.dtd"><gnm:Sheets/></gnm:Workbook>'
        ),
        DEFAULT_LIMITS,
        "unsafe_content",
    ),
}


@pytest.mark.parametrize(("data", "limits", "kind"), REFUSED.values(), ids=REFUSED.keys())
def test_a_hostile_gnumeric_file_is_refused_before_it_is_unpacked_whole(data, limits, kind):
    with pytest.raises(FileRejected) as caught:
        check_upload("levels.gnumeric", data, limits)
    assert caught.value.kind == kind
    result = read("levels.gnumeric", data, limits)
    assert not result.opened


def test_a_damaged_gnumeric_file_is_refused_saying_so():
    whole = gnumeric([GSheet("Kenya", form("Kenya", 2023, LEVELS))])
    result = read("levels.gnumeric", whole[: len(whole) // 2])
    assert [p.message for p in errors(result)] == [
        "This Gnumeric workbook is damaged or incomplete (it does not unpack or its XML does "
        "not read to the end), so it could not be opened."
    ]


@pytest.mark.parametrize(
    "data",
    [gzip.compress(b"Country,Year\nKenya,2023\n"), b"\x1f\x8b\x08\x00" + bytes(20)],
    ids=["a CSV compressed", "a damaged gzip"],
)
def test_other_gzip_files_are_still_refused_as_archives(data):
    with pytest.raises(FileRejected) as caught:
        check_upload("levels.csv.gz", data)
    assert "compressed archive (.gz)" in caught.value.message


def test_a_sheet_far_past_the_limits_costs_nothing():
    cells = [
        f'<gnm:Cell Row="{r}" Col="{c}" ValueType="40">1</gnm:Cell>'
        for r, c in ((10**9, 0), (0, 10**9), (99_999_999_999_999, 5))
    ]
    rows = form("Kenya", 2023, LEVELS)
    data = gnumeric([GSheet("Kenya", rows)], compressed=False).replace(
        b"</gnm:Cells>", "".join(cells).encode() + b"</gnm:Cells>"
    )
    result = read("levels.gnumeric", data)
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}
    assert any("rows" in p.message for p in errors(result))
    assert any("columns" in p.message for p in errors(result))


def test_the_columns_of_a_cell_reference_are_read_past_z():
    sheet = GSheet("S", [["a"] * 30], merges=("AA1:AC1",))
    (read_sheet,) = gnumeric_sheets(gnumeric([sheet]), DEFAULT_LIMITS)
    assert read_sheet.merges == [(0, 26, 0, 28)]
    assert get_column_letter(27) == "AA"
