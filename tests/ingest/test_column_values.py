"""A column's distinct values found once per read (components/ingest/column_values.py), and the
guards of the passes over whole sheets that use them: each may skip a pass only when the pass
would have changed nothing, so a sheet that just passes a guard and one that just fails it
are read as they were (tab and pipe rows, a heading written again over blocks, error cells)."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest

from components.framework.model import default_framework
from components.ingest import column_values
from components.ingest.column_values import distinct, has_text_with, whole_column
from components.ingest.limits import ReadLimits
from components.ingest.sheets import ReadContext, Sheet
from tests.ingest.reader_support import TITLES, assert_problem, by_assessment, read, xlsx
from tests.ingest.test_error_values import with_errors


@pytest.fixture(autouse=True, params=["guarded", "short"])
def guard(request, monkeypatch):
    """Each test twice: with every sheet long enough for the guards (they decide), and as
    the sheets are (short: the passes look at the rows themselves). Both read alike."""
    if request.param == "guarded":
        monkeypatch.setattr(column_values, "GUARDED_ROWS", 0)
    return request.param


def _ctx() -> ReadContext:
    return ReadContext("t.xlsx", default_framework(), ReadLimits())


def _grid(rows: list[tuple[Any, ...]]) -> Sheet:
    """A sheet with its grid's columns, as calamine's reading gives it."""
    wide = max(map(len, rows), default=0)
    columns = [tuple(r[c] if c < len(r) else None for r in rows) for c in range(wide)]
    return Sheet("Data", rows, columns=columns)


def test_a_grid_column_s_values_are_found_once_and_a_list_s_each_time():
    ctx = _ctx()
    column = ("Kenya", "Kenya", 2024.0, None)
    first = distinct(ctx, column)
    assert first == {"Kenya", 2024.0, None}
    assert distinct(ctx, column) is first  # found once per read
    equal = tuple(column)  # the same values in another tuple: its own set, the same values
    assert distinct(ctx, ("Ghana",)) == {"Ghana"}
    assert distinct(ctx, equal) == first
    listed = list(column)
    assert distinct(ctx, listed) == first
    assert distinct(ctx, listed) is not distinct(ctx, listed)  # a list may change: not kept


@pytest.mark.parametrize(
    ("rows", "columns", "expected"),
    [
        ([("a\tb",), (1.0, 2.0)], True, True),  # just passes: one text holds a tab
        ([("a b",), (1.0, "\\t")], True, False),  # just fails: no text holds one
        ([(None, None, "x\ty")], True, True),  # in the last column
        ([("a\tb",)], False, True),  # no grid: not known, the pass looks itself
        ([("a b",)], False, True),
    ],
)
def test_a_sheet_holds_a_text_with_a_mark(rows, columns, expected, guard):
    sheet = _grid(rows) if columns else Sheet("Data", rows)
    # A short sheet is not guarded: the pass looks itself.
    assert has_text_with(_ctx(), sheet, "\t") is (expected or guard == "short")


def test_a_grid_cut_shorter_than_the_rows_is_not_trusted():
    sheet = _grid([("a b",), ("c d",)])
    sheet.rows.append(("e\tf",))  # the rows went on without the columns
    assert has_text_with(_ctx(), sheet, "\t") is True
    assert whole_column(sheet, 0) == sheet.column(0, 0, len(sheet.rows))


def _long(joiner: str | None) -> list[list[Any]]:
    """A long table of Kenya's 21 levels; with ``joiner``, each row pasted into one cell
    (after the header, which stays in cells of its own)."""
    header = ["Country", "Year", "Capability", "Level"]
    rows = [["Kenya", 2024, TITLES[n], n % 5] for n in range(1, 22)]
    if joiner is None:
        return [header, *rows]
    if joiner == "|":
        lines = [["| " + " | ".join(header) + " |"], ["|---|---|---|---|"]]
        return lines + [["| " + " | ".join(str(v) for v in r) + " |"] for r in rows]
    return [header, *[[joiner.join(str(v) for v in r)] for r in rows]]


KENYA = {("Kenya", 2024, None): {n: n % 5 for n in range(1, 22)}}


@pytest.mark.parametrize(
    ("joiner", "said"),
    [
        ("\t", "split at the tabs"),  # passes the tab guard: split and read
        ("|", "Markdown"),  # passes the pipe guard: split and read
        (None, None),  # fails both: read as it is, nothing said
    ],
)
def test_rows_in_one_cell_are_split_only_when_a_cell_holds_the_mark(joiner, said):
    result = read("t.xlsx", xlsx({"Data": _long(joiner)}))
    assert by_assessment(result) == KENYA
    messages = " ".join(p.message for p in result.problems)
    if said is None:
        assert "split" not in messages
        assert "Markdown" not in messages
    else:
        assert said in messages


def _blocks(again: bool) -> list[list[Any]]:
    """A wide table of two countries; with ``again``, its header written again over two
    other countries' rows (a printout's blocks), else those rows under the one header."""
    header = ["Capability", "Kenya", "Ghana"]
    rows = [header, *[[TITLES[n], n % 5, (n + 1) % 5] for n in range(1, 22)]]
    second = [["Capability", "Togo", "Benin"]] if again else []
    return rows + second + [[TITLES[n], (n + 2) % 5, (n + 3) % 5] for n in range(1, 22)]


def test_a_heading_written_again_over_other_countries_starts_a_block():
    # Passes the guard: the heading "Capability" is held twice in column A.
    result = read("t.xlsx", xlsx({"Data": _blocks(again=True)}))
    assert {key[0] for key in by_assessment(result)} == {"Kenya", "Ghana", "Togo", "Benin"}
    assert any("written again" in p.message for p in result.problems)
    # Fails it: the heading once; each capability twice is no heading, so no block.
    once = read("t.xlsx", xlsx({"Data": _blocks(again=False)}))
    assert not any("written again" in p.message for p in once.problems)
    assert {key[0] for key in by_assessment(once)} <= {"Kenya", "Ghana"}


def _moved_out_of_worksheets(data: bytes) -> bytes:
    """The xlsx with its first sheet's part kept as xl/sheet1.xml (its reference changed):
    a package Excel never writes, but one that opens."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            part = source.read(info)
            name = info.filename
            if name == "xl/worksheets/sheet1.xml":
                name = "xl/sheet1.xml"
            elif name == "xl/_rels/workbook.xml.rels":
                part = part.replace(b"worksheets/sheet1.xml", b"sheet1.xml")
            elif name == "[Content_Types].xml":
                part = part.replace(b"/xl/worksheets/sheet1.xml", b"/xl/sheet1.xml")
            copy.writestr(name, part)
    return buffer.getvalue()


def _form(level_4: object) -> list[list[object]]:
    rows: list[list[object]] = [["Country", "Kenya"], ["Year", 2024], []]
    rows.append(["No.", "Capability", "Level"])
    rows += [[n, TITLES[n], level_4 if n == 4 else n % 5] for n in range(1, 22)]
    return rows  # capability 4's level in C8


@pytest.mark.parametrize(
    ("move", "shown"),
    [
        (False, "#REF!"),  # an error cell: the workbook's scan sees it, nothing skipped
        (True, "#REF!"),  # the sheet outside xl/worksheets: not skipped, still reported
    ],
)
def test_a_level_cell_showing_an_error_is_reported_wherever_its_sheet_is_kept(move, shown):
    data = with_errors(xlsx({"Assessment": _form("ERR")}), {"C8": shown})
    result = read("k.xlsx", _moved_out_of_worksheets(data) if move else data)
    assert 4 not in next(iter(by_assessment(result).values()))
    assert_problem(result, "error", "C8", f"C8 shows {shown}")


def test_a_blank_level_in_a_workbook_without_error_cells_is_not_assessed():
    # Passes the guard (no formula, no error cell): the blank level is not assessed, unsaid.
    result = read("k.xlsx", xlsx({"Assessment": _form(None)}))
    assert 4 not in next(iter(by_assessment(result).values()))
    assert not [p for p in result.problems if p.cell == "C8"]


def _units(units: list[tuple[str, str | None]]) -> list[list[Any]]:
    """A row per unit; its mark (national or not) in a Level column when any is given."""
    marked = any(mark for _, mark in units)
    level = ["Level"] if marked else []
    head = ["Country / unit", *level, "Year", *(TITLES[n] for n in range(1, 22))]
    rows: list[list[Any]] = [head]
    for index, (name, mark) in enumerate(units):
        rows.append([name, *([mark] if marked else []), 2023, *((n + index) % 5 for n in TITLES)])
    return rows


@pytest.mark.parametrize(
    ("units", "left_out"),
    [
        # Passes the guard: a country's row, and words marking the levels of government.
        ([("Kenya", "National"), ("Nairobi", "Sub-national"), ("Mombasa", "Sub-national")],
         {"Nairobi", "Mombasa"}),
        # Passes it by the country's row alone: parts named as subdivisions under it.
        ([("Kenya", None), ("Nairobi County", None), ("Mombasa County", None)],
         {"Nairobi County", "Mombasa County"}),
        # Fails it by a hair: the sub-national word only, and no country's row at all.
        ([("Nairobi", "Sub-national"), ("Mombasa", "Sub-national")], set()),
        ([("Nairobi County", None), ("Mombasa County", None)], set()),
    ],
)  # fmt: skip
def test_sub_national_rows_are_left_out_only_where_a_sheet_can_say_so(units, left_out):
    result = read("units.xlsx", xlsx({"Data": _units(units)}))
    assert not {key[0] for key in by_assessment(result)} & left_out
    said = [p for p in result.problems if "sub-national" in p.message]
    assert bool(said) == bool(left_out)


@pytest.mark.parametrize(
    ("heading", "refused"),
    [("cap[SQ{n:03d}]", True), ("cap SQ{n:03d}", False), ("{title}", False)],
)
def test_question_codes_are_refused_only_when_a_heading_holds_a_bracket(heading, refused):
    head = ["country", "year", *(heading.format(n=n, title=TITLES[n]) for n in range(1, 22))]
    row = ["Kenya", 2023, *(n % 5 for n in range(1, 22))]
    result = read("survey.xlsx", xlsx({"Responses": [head, row]}))
    said = any("LimeSurvey" in p.message for p in result.problems)
    assert said is refused
    if heading == "{title}":
        assert by_assessment(result) == {("Kenya", 2023, None): {n: n % 5 for n in range(1, 22)}}


@pytest.mark.parametrize(
    ("heading", "dropped"),
    [("Example:", True), ("Example: write 2 for Developing", False), ("Examples", True)],
)
def test_an_example_is_left_out_only_under_a_heading_of_its_own(heading, dropped):
    top = [[heading], []]
    rows = [*top, ["Country", "Uganda"], ["Year", 2024], [], ["No.", "Capability", "Level"]]
    rows += [[n, TITLES[n], n % 5] for n in range(1, 22)]
    result = read("book.xlsx", xlsx({"Assessment": rows, "Kenya": _kenya()}))
    assert (("Uganda", 2024, None) not in by_assessment(result)) is dropped


def _kenya() -> list[list[Any]]:
    rows: list[list[Any]] = [["Country", "Kenya"], ["Year", 2023], [], ["Capability", "Level"]]
    return rows + [[TITLES[n], (n + 1) % 5] for n in range(1, 22)]


@pytest.mark.parametrize(
    ("written", "country", "said"),
    [
        ("Atlantis", "Atlantis", None),  # nothing to settle: read as written, once per name
        ("Kenya (KEN)", "Kenya", None),  # a code beside the name: the name kept, the code read
        ("Kenya and Uganda", None, "names 2 countries"),  # two countries: refused
        ("🇰🇪 Kenya", "Kenya", None),  # a flag left out
    ],
)
def test_country_names_settle_alike_on_every_row_of_a_long_table(written, country, said):
    rows: list[list[Any]] = [["Country", "Year", "Capability", "Level"]]
    rows += [[written, year, TITLES[n], n % 5] for year in (2022, 2023) for n in range(1, 22)]
    result = read("long.xlsx", xlsx({"Data": rows}))
    assert {key[0] for key in by_assessment(result)} == ({country} if country else set())
    if said:
        assert_problem(result, "error", "A2", said)
