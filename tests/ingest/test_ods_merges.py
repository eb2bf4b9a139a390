"""Merged cells in an .ods and a .fods (components/ingest/ods_merges.py): read as the same
merges in an .xlsx are, with the same messages.

calamine reports no merges for OpenDocument files and reads covered cells as empty; the
merges are found in ``content.xml``. Every file is built in code from the same sheets: as
LibreOffice writes an .ods and a .fods (``odf_support``: covered cells, runs of equal cells
and rows as repeats), and as an .xlsx with the same merges (openpyxl).
"""

from __future__ import annotations

import io
import re
import time
from typing import Any

import pytest
from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from components.ingest.flat_ods import ods_package
from components.ingest.limits import DEFAULT_LIMITS, ReadLimits
from components.ingest.ods_merges import ods_merges
from tests.ingest.odf_support import Sheet, fods, fods_text, ods
from tests.ingest.reader_support import TITLES, by_assessment, read

ALL = range(1, 22)
HUGE = 1_000_000_000
FORMATS = {"ods": ods, "fods": fods}


def _xlsx(sheets: list[Sheet]) -> bytes:
    """The same sheets as an .xlsx, merged where the .ods merges."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets:
        worksheet = workbook.create_sheet(sheet.name)
        for row in sheet.rows:
            worksheet.append(row)
        for (top, left), (rows, columns) in sheet.merged.items():
            worksheet.merge_cells(
                start_row=top + 1,
                start_column=left + 1,
                end_row=top + rows,
                end_column=left + columns,
            )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _problems(result) -> list[tuple[str, str | None, str | None, str, str]]:
    return [(p.severity, p.sheet, p.cell, p.message, p.fix) for p in result.problems]


def _years_under_countries() -> Sheet:
    """Capabilities down; each country merged over its two years' columns."""
    rows: list[list[Any]] = [
        ["Capability", "Elbonia", None, "Quentra", None],
        [None, 2021, 2023, 2021, 2023],
    ]
    rows += [[TITLES[n], n % 5, (n + 1) % 5, (n + 2) % 5, (n + 3) % 5] for n in ALL]
    return Sheet("Levels", rows, merged={(0, 1): (1, 2), (0, 3): (1, 2)})


def _country_merged_down() -> Sheet:
    """A long table: each country and its year merged down over its 21 rows."""
    rows: list[list[Any]] = [["Country", "Year", "Capability", "Level"]]
    merged = {}
    for offset, country in enumerate(("Elbonia", "Quentra", "Arvenia")):
        first = len(rows)
        rows += [
            [country if n == 1 else None, 2022 if n == 1 else None, TITLES[n], (n + offset) % 5]
            for n in ALL
        ]
        merged[first, 0] = merged[first, 1] = (21, 1)
    return Sheet("Data", rows, merged=merged)


def _titles_merged_across() -> Sheet:
    """A form whose capability titles (and their header) are merged over columns B and C."""
    rows: list[list[Any]] = [
        ["Country", "Elbonia"],
        ["Year", 2024],
        [],
        ["No.", "Capability", None, "Level"],
    ]
    rows += [[n, TITLES[n], None, n % 5] for n in ALL]
    return Sheet("Form", rows, merged={(row, 1): (1, 2) for row in range(3, 25)})


def _titles_across_over_years() -> Sheet:
    """Countries down; each capability's title merged over its two years' columns."""
    top: list[Any] = ["Country"]
    years: list[Any] = [None]
    merged = {}
    for n in ALL:
        merged[0, len(top)] = (1, 2)
        top += [TITLES[n], None]
        years += [2021, 2023]
    rows = [top, years]
    for offset, country in enumerate(("Elbonia", "Quentra")):
        rows.append([country, *(v for n in ALL for v in ((n + offset) % 5, (n + 1) % 5))])
    return Sheet("Matrix", rows, merged=merged)


def _levels_merged_down() -> Sheet:
    """A form whose level cells of capabilities 5 to 7 are merged into one holding 2."""
    rows: list[list[Any]] = [
        ["Country", "Elbonia"],
        ["Year", 2024],
        [],
        ["No.", "Capability", "Level"],
    ]
    rows += [[n, TITLES[n], 2 if n == 5 else None if n in (6, 7) else n % 5] for n in ALL]
    return Sheet("Form", rows, merged={(8, 2): (3, 1)})


def _after_repeats() -> Sheet:
    """Two empty rows (one repeated row) and two empty columns (one repeated cell) before a
    country merged over its two years' columns."""
    rows: list[list[Any]] = [[], [], [None, None, "Capability", "Elbonia", None]]
    rows.append([None, None, None, 2021, 2023])
    rows += [[None, None, TITLES[n], n % 5, (n + 1) % 5] for n in ALL]
    return Sheet("Levels", rows, merged={(2, 3): (1, 2)})


def _titled_long_table() -> Sheet:
    """A title merged across the top of a long table (the rest of the file has no merge)."""
    rows: list[list[Any]] = [["MNR self-assessments, all countries", None, None, None]]
    rows.append(["Country", "Year", "Capability", "Level"])
    for offset, country in enumerate(("Elbonia", "Quentra")):
        rows += [[country, 2021 + offset, TITLES[n], (n + offset) % 5] for n in ALL]
    return Sheet("Data", rows, merged={(0, 0): (1, 4)})


MERGED_LEVELS = (
    "The level cells C9:C11 are merged into one holding “2”; that level was given to each of "
    "rows 9 to 11, which the merge covers."
)

CASES: dict[str, tuple[Sheet, dict[tuple, dict[int, int]], list[tuple[str, str]]]] = {
    "a country merged over its two years (countries across, years under)": (
        _years_under_countries(),
        {
            (country, year, None): {n: (n + shift) % 5 for n in ALL}
            for country, year, shift in (
                ("Elbonia", 2021, 0),
                ("Elbonia", 2023, 1),
                ("Quentra", 2021, 2),
                ("Quentra", 2023, 3),
            )
        },
        [],
    ),
    "a country and its year merged down its rows in a long table": (
        _country_merged_down(),
        {
            (country, 2022, None): {n: (n + offset) % 5 for n in ALL}
            for offset, country in enumerate(("Elbonia", "Quentra", "Arvenia"))
        },
        [],
    ),
    "capability titles merged across two columns": (
        _titles_merged_across(),
        {("Elbonia", 2024, None): {n: n % 5 for n in ALL}},
        [],
    ),
    "capability titles across, each merged over its two years": (
        _titles_across_over_years(),
        {
            ("Elbonia", 2021, None): {n: n % 5 for n in ALL},
            ("Elbonia", 2023, None): {n: (n + 1) % 5 for n in ALL},
            ("Quentra", 2021, None): {n: (n + 1) % 5 for n in ALL},
            ("Quentra", 2023, None): {n: (n + 1) % 5 for n in ALL},
        },
        [("warning", "B2:AQ2")],  # each column read as its year's: said as for an xlsx
    ),
    "level cells merged down over three capabilities": (
        _levels_merged_down(),
        {("Elbonia", 2024, None): {n: 2 if n in (5, 6, 7) else n % 5 for n in ALL}},
        [("warning", "C9:C11")],
    ),
    "a title merged across the top of a long table": (
        _titled_long_table(),
        {
            ("Elbonia", 2021, None): {n: n % 5 for n in ALL},
            ("Quentra", 2022, None): {n: (n + 1) % 5 for n in ALL},
        },
        [],
    ),
    "a merge after repeated rows and columns": (
        _after_repeats(),
        {
            ("Elbonia", 2021, None): {n: n % 5 for n in ALL},
            ("Elbonia", 2023, None): {n: (n + 1) % 5 for n in ALL},
        },
        [],
    ),
}


@pytest.mark.parametrize("form", FORMATS)
@pytest.mark.parametrize(("sheet", "expected", "said"), CASES.values(), ids=CASES.keys())
def test_merged_cells_read_as_the_same_merges_in_an_xlsx(form, sheet, expected, said):
    result = read(f"merged.{form}", FORMATS[form]([sheet]))
    from_xlsx = read("merged.xlsx", _xlsx([sheet]))
    assert by_assessment(result) == by_assessment(from_xlsx) == expected
    assert _problems(result) == _problems(from_xlsx)
    assert [(p.severity, p.cell) for p in result.problems] == said


@pytest.mark.parametrize("form", FORMATS)
def test_merged_level_cells_are_named_in_a_warning(form):
    result = read(f"merged.{form}", FORMATS[form]([_levels_merged_down()]))
    assert [p.message for p in result.problems] == [MERGED_LEVELS]


def test_the_repeats_are_written_as_libreoffice_writes_them():
    # The cases are what they say: LibreOffice's repeats written before the merged cell, and
    # a row holding a merge written once, repeated.
    text = fods_text([_after_repeats()])
    merge = text.index("number-columns-spanned")
    assert re.search(r'<table:table-row table:number-rows-repeated="2">', text[:merge])
    row = text.rindex("<table:table-row", 0, merge)
    assert 'table:number-columns-repeated="2"/>' in text[row:merge]
    text = fods_text([_repeated_merged_rows()])
    assert text.count("number-columns-spanned") == 1
    assert '<table:table-row table:number-rows-repeated="3">' in text


# --------------------------------------------------------------------------------------------
# The ranges: where calamine reads the cells, within the reader's limits


def _calamine_grid(data: bytes, name: str) -> list[list[Any]]:
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    try:
        return workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
    finally:
        workbook.close()


def _repeated_merged_rows() -> Sheet:
    """Three equal rows, each merging two cells: one row repeated three times."""
    rows: list[list[Any]] = [["Domain", None, "Note"]] * 3
    return Sheet("Notes", rows, merged={(row, 0): (1, 2) for row in range(3)})


GRIDS = {
    "countries over years": _years_under_countries(),
    "merged down": _country_merged_down(),
    "levels merged down": _levels_merged_down(),
    "after repeated rows and columns": _after_repeats(),
    "a merged row repeated": _repeated_merged_rows(),
}


@pytest.mark.parametrize("form", FORMATS)
@pytest.mark.parametrize("sheet", GRIDS.values(), ids=GRIDS.keys())
def test_each_range_is_where_calamine_reads_its_cells(form, sheet):
    data = ods([sheet]) if form == "ods" else ods_package(fods([sheet]))
    ranges = ods_merges({}, data, DEFAULT_LIMITS)
    assert ranges == {
        sheet.name: [
            ((top, left), (top + rows - 1, left + columns - 1))
            for (top, left), (rows, columns) in sheet.merged.items()
        ]
    }
    grid = _calamine_grid(data, sheet.name)
    for (top, left), (bottom, right) in ranges[sheet.name]:
        assert grid[top][left] == sheet.rows[top][left]
        # The covered cells come back empty: what the merge gives them is the reader's doing.
        covered = [
            grid[row][column]
            for row in range(top, bottom + 1)
            for column in range(left, right + 1)
            if (row, column) != (top, left)
        ]
        assert covered
        assert set(covered) == {""}


def test_each_sheet_has_its_own_merges():
    sheets = [
        Sheet("Plain", [["Capability", "Level"], ["Leadership", 2]]),
        _years_under_countries(),
        Sheet("Notes", [["No merge here"]]),
        _country_merged_down(),
        Sheet("Last", [["Nothing merged after the last merge"]] * 3),
    ]
    for data in (ods(sheets), ods_package(fods(sheets))):
        assert ods_merges({}, data, DEFAULT_LIMITS) == {
            "Levels": [((0, 1), (0, 2)), ((0, 3), (0, 4))],
            "Data": [((r, c), (r + 20, c)) for r in (1, 22, 43) for c in (0, 1)],
        }


LIMITED = ReadLimits(max_rows_per_sheet=10, max_columns=3)
# (row, column) -> (rows, columns) merged -> the range kept under LIMITED (None: left out)
CUT: dict[str, tuple[tuple[int, int], tuple[int, int], Any]] = {
    "within the limits": ((0, 0), (2, 2), ((0, 0), (1, 1))),
    "across the last column": ((0, 1), (1, 5), ((0, 1), (0, 2))),
    "down past the last row": ((8, 0), (5, 1), ((8, 0), (9, 0))),
    "starting past the last column": ((0, 3), (1, 2), None),
    "starting past the last row": ((10, 0), (2, 1), None),
}


@pytest.mark.parametrize(("at", "span", "kept"), CUT.values(), ids=CUT.keys())
def test_a_merge_is_cut_to_the_rows_and_columns_read(at, span, kept):
    rows: list[list[Any]] = [[f"r{r}c{c}" for c in range(6)] for r in range(14)]
    for row in range(at[0], at[0] + span[0]):
        for column in range(at[1], at[1] + span[1]):
            if (row, column) != at:
                rows[row][column] = None
    data = ods([Sheet("S", rows, merged={at: span})])
    assert ods_merges({}, data, LIMITED) == ({"S": [kept]} if kept else {})


NO_MERGE = {
    "an empty cell merged": Sheet("S", [[None, None, "x"], ["a", "b"]], merged={(0, 0): (1, 2)}),
    "a span that is no number": Sheet("S", [["x", "y"]], declared={(0, 0): (1, "two")}),
    "a span of one cell": Sheet("S", [["x", "y"]], declared={(0, 0): (1, 1)}),
    "no span at all": Sheet("S", [["x", "y"]]),
}


@pytest.mark.parametrize("sheet", NO_MERGE.values(), ids=NO_MERGE.keys())
def test_what_merges_nothing_gives_no_range(sheet):
    assert ods_merges({}, ods([sheet]), DEFAULT_LIMITS) == {}


# --------------------------------------------------------------------------------------------
# A span that claims more than the file covers: a billion columns (and rows)


def _form() -> list[list[Any]]:
    rows: list[list[Any]] = [["Elbonia national MNR self-assessment 2023"], []]
    rows.append(["No.", "Capability", "Level"])
    return rows + [[n, TITLES[n], n % 5 if n != 6 else None] for n in ALL]


def _long() -> list[list[Any]]:
    rows: list[list[Any]] = [["Country", "Year", "Capability", "Level"]]
    rows += [["Elbonia", 2023, TITLES[n], n % 5] for n in ALL if n != 4]
    return [*rows, [None, 2023, TITLES[4], 3]]  # a row with no country: an error, kept so


def _wide() -> list[list[Any]]:
    rows: list[list[Any]] = [["Capability", "Elbonia 2023", "Quentra 2023"]]
    return rows + [[TITLES[n], n % 5, (n + 1) % 5] for n in ALL]


# rows, the cell claiming the span, the cells it really covers (merged), the range read
HOSTILE: dict[str, tuple[list[list[Any]], tuple[int, int], tuple[int, int], Any]] = {
    "the title's columns, nothing covered": (_form(), (0, 0), (1, HUGE), None),
    "the title's rows and columns, nothing covered": (_form(), (0, 0), (HUGE, HUGE), None),
    "a level's rows, nothing covered": (_form(), (7, 2), (HUGE, 1), None),
    "a long table's Country header, nothing covered": (_long(), (0, 0), (HUGE, HUGE), None),
    "a country's column, nothing covered": (_long(), (1, 0), (HUGE, 1), None),
    "a country heading's columns, nothing covered": (_wide(), (0, 1), (1, HUGE), None),
    "a country heading's columns, one covered": (
        [["Capability", "Elbonia", None], *([TITLES[n], n % 5, None] for n in ALL)],
        (0, 1),
        (HUGE, HUGE),
        (1, 2),
    ),
}


@pytest.mark.parametrize("form", FORMATS)
@pytest.mark.parametrize(("rows", "at", "span", "covered"), HOSTILE.values(), ids=HOSTILE.keys())
def test_a_span_of_a_billion_reads_quickly_and_invents_nothing(form, rows, at, span, covered):
    merged = {at: covered} if covered else {}
    sheet = Sheet("Data", rows, merged=merged, declared={at: span})
    assert f'table:number-columns-spanned="{span[1]}"' in fods_text([sheet])
    data = FORMATS[form]([sheet])
    started = time.perf_counter()
    result = read(f"hostile.{form}", data)
    assert time.perf_counter() - started < 5  # a billion cells would take hours
    # Read as the merge the file really holds (its covered cells), or as no merge at all.
    real = Sheet("Data", rows, merged=merged)
    assert by_assessment(result) == by_assessment(read("real.xlsx", _xlsx([real]))) != {}
    assert _problems(result) == _problems(read(f"hostile.{form}", FORMATS[form]([real])))
    package = data if form == "ods" else ods_package(data)
    ranges = ods_merges({}, package, DEFAULT_LIMITS)
    if covered:
        assert ranges == {"Data": [(at, (at[0] + covered[0] - 1, at[1] + covered[1] - 1))]}
    else:
        assert ranges == {}


# A sheet's merges reach as far as its covered cells, down and across.
SPANS: dict[str, tuple[dict, dict, list[tuple[tuple[int, int], tuple[int, int]]]]] = {
    "down and across": ({(1, 1): (3, 2)}, {}, [((1, 1), (3, 2))]),
    "claiming more rows than covered": ({(1, 1): (2, 1)}, {(1, 1): (5, 1)}, [((1, 1), (2, 1))]),
    "claiming more columns than covered": ({(0, 0): (1, 2)}, {(0, 0): (1, 4)}, [((0, 0), (0, 1))]),
    "two merges one under the other": (
        {(0, 0): (2, 1), (2, 0): (2, 1)},
        {(0, 0): (4, 1)},
        [((0, 0), (1, 0)), ((2, 0), (3, 0))],
    ),
}


@pytest.mark.parametrize(("merged", "declared", "ranges"), SPANS.values(), ids=SPANS.keys())
def test_a_merge_reaches_as_far_as_its_covered_cells(merged, declared, ranges):
    rows: list[list[Any]] = [[f"r{r}c{c}" for c in range(4)] for r in range(5)]
    for (top, left), (height, width) in merged.items():
        for row in range(top, top + height):
            for column in range(left, left + width):
                if (row, column) != (top, left):
                    rows[row][column] = None
    data = ods([Sheet("S", rows, merged=merged, declared=declared)])
    assert ods_merges({}, data, DEFAULT_LIMITS) == {"S": ranges}
