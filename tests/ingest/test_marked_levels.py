"""Level cells holding a program's mark of a missing value (components/ingest/marked_levels.py):
NULL (SQL Server, database exports), \\N (MySQL), "." (SAS, Stata), NaN (pandas) and an #N/A
typed with no formula (R's openxlsx) are not assessed, never 0, said in one warning per file and
mark; an assessment with nothing but marks is refused ("no level given"); a formula's #N/A stays
an error; "null" is the German zero only among German number words."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import pytest
import xlwt

from components.ingest.book_errors import XLS_ERROR_CODES
from tests.ingest.reader_support import (
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    errors,
    read,
    xlsx,
)

ALL = range(1, 22)
KENYA = {n: n % 5 for n in ALL}
MISSING = (3, 8, 15)  # the capabilities whose level cells hold the mark
MARKS = ["NULL", "null", "\\N", ".", ".A", "NaN", "(null)"]


def long_table(mark: Any, countries: tuple[str, ...] = ("Kenya",)) -> list[list[Any]]:
    rows: list[list[Any]] = [["Country", "Year", "Capability", "Level"]]
    for country in countries:
        for n in ALL:
            rows.append([country, 2024, TITLES[n], mark if n in MISSING else KENYA[n]])
    return rows  # Kenya's capability 3 in D4


def countries_rows(mark: Any, countries: tuple[str, ...] = ("Kenya",)) -> list[list[Any]]:
    rows: list[list[Any]] = [["Country", "Year", *(TITLES[n] for n in ALL)]]
    for country in countries:
        rows.append([country, 2024, *(mark if n in MISSING else KENYA[n] for n in ALL)])
    return rows  # Kenya's capability 3 in E2


def capabilities_rows(mark: Any, countries: tuple[str, ...] = ("Kenya",)) -> list[list[Any]]:
    rows: list[list[Any]] = [["No.", "Capability", *(f"{c} 2024" for c in countries)]]
    for n in ALL:
        rows.append([n, TITLES[n], *(mark if n in MISSING else KENYA[n] for _ in countries)])
    return rows  # Kenya's capability 3 in C4


def form(mark: Any, countries: tuple[str, ...] = ("Kenya",)) -> list[list[Any]]:
    rows: list[list[Any]] = [["Country", countries[0]], ["Year", 2024], [], ["No.", "Capability"]]
    rows[3].append("Level")
    for n in ALL:
        rows.append([n, TITLES[n], mark if n in MISSING else KENYA[n]])
    return rows  # capability 3's level in C7


LAYOUTS = [(long_table, "D4"), (countries_rows, "E2"), (capabilities_rows, "C4"), (form, "C7")]
READ = {n: v for n, v in KENYA.items() if n not in MISSING}


def as_file(rows: list[list[Any]], kind: str) -> tuple[str, bytes]:
    return ("k.csv", csv_bytes(rows)) if kind == "csv" else ("k.xlsx", xlsx({"Levels": rows}))


def mark_warnings(result, mark: str) -> list[Any]:
    return [p for p in result.problems if p.message.startswith(f"“{mark}” is the mark")]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@pytest.mark.parametrize("mark", MARKS)
@pytest.mark.parametrize(("layout", "cell"), LAYOUTS)
def test_a_mark_in_level_cells_is_not_assessed_said_once(layout, cell, mark, kind) -> None:
    result = read(*as_file(layout(mark), kind))
    assert by_assessment(result) == {("Kenya", 2024, None): READ}  # never 0
    assert not errors(result)
    named = {"null": "NULL", ".A": ".", "(null)": "NULL"}.get(mark, mark)
    [warning] = mark_warnings(result, named)
    assert warning.severity == "warning"
    assert warning.cell == cell
    assert f"3 level cells ({cell}, " in warning.message
    assert "as not assessed, never as a level" in warning.message
    assert len(result.problems) == 1


@pytest.mark.parametrize(("layout", "cell"), LAYOUTS[:3])
def test_one_warning_per_file_counts_the_marks_of_every_assessment(layout, cell) -> None:
    result = read("k.xlsx", xlsx({"Levels": layout("NULL", ("Kenya", "Uganda", "Peru"))}))
    assert by_assessment(result) == {(c, 2024, None): READ for c in ("Kenya", "Uganda", "Peru")}
    [warning] = mark_warnings(result, "NULL")
    assert "9 level cells" in warning.message
    assert "SQL Server" in warning.message


def test_each_mark_of_a_file_is_said_once() -> None:
    rows = long_table(".")
    rows[1][3], rows[2][3] = "\\N", "NULL"  # capabilities 1 and 2
    result = read("k.csv", csv_bytes(rows))
    kenya = {n: v for n, v in READ.items() if n > 2}
    assert by_assessment(result) == {("Kenya", 2024, None): kenya}
    assert [len(mark_warnings(result, m)) for m in (".", "\\N", "NULL")] == [1, 1, 1]
    assert "SAS and Stata" in mark_warnings(result, ".")[0].message
    assert "MySQL" in mark_warnings(result, "\\N")[0].message


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@pytest.mark.parametrize("layout", [long_table, countries_rows, capabilities_rows])
def test_a_file_whose_every_level_is_a_mark_is_refused(layout, kind) -> None:
    rows = layout("NULL", ("Kenya", "Uganda"))
    for cells in rows[1:]:
        cells[:] = ["NULL" if isinstance(v, int) and v in range(5) else v for v in cells]
    if layout is capabilities_rows:  # its numbers are the capabilities'
        rows[1:] = [[n, TITLES[n], "NULL", "NULL"] for n in ALL]
    result = read(*as_file(rows, kind))
    assert by_assessment(result) == {}
    refusals = [p for p in errors(result) if p.message.startswith("No level is given for")]
    assert len(refusals) == 2
    assert "hold “NULL”" in refusals[0].message
    assert "0 to 4" in refusals[0].fix
    assert not [p for p in result.problems if "has a level" in p.message]  # not "empty"


def test_an_assessment_whose_every_level_is_a_mark_is_left_out_with_a_warning() -> None:
    rows = long_table(".", ("Kenya", "Uganda"))
    for cells in rows[22:]:
        cells[3] = "."
    result = read("k.csv", csv_bytes(rows))
    assert by_assessment(result) == {("Kenya", 2024, None): READ}
    assert_problem(result, "warning", "D23", "No level is given for Uganda 2024")
    [said] = mark_warnings(result, ".")
    assert "3 level cells (D4, D9, D16)" in said.message  # Kenya's only
    assert not errors(result)


def test_iso3_and_year_cells_holding_a_mark_are_no_code_and_no_year() -> None:
    rows = [["Country", "ISO3", "Year", "Capability", "Level"]]
    rows += [["Kosovo", "NULL", 2024, TITLES[n], "NULL" if n == 2 else 3] for n in ALL]
    rows += [["Kenya", "KEN", "NULL", TITLES[n], 2] for n in ALL]
    result = read("k.csv", csv_bytes(rows))
    assert by_assessment(result) == {
        ("Kosovo", 2024, None): {n: 3 for n in ALL if n != 2},
        ("Kenya", None, None): dict.fromkeys(ALL, 2),
    }
    assert not [p for p in result.problems if "three letters" in p.message]
    assert not [p for p in result.problems if "is not a year" in p.message]
    [said] = mark_warnings(result, "NULL")
    assert "1 level cell (E3) as not assessed" in said.message
    assert "B2 as no ISO3 code" in said.message
    assert "C23 as no year" in said.message


def test_a_country_cell_holding_a_mark_gives_no_country_never_one_named_null() -> None:
    rows = long_table(2, ("Kenya", "NULL"))
    result = read("k.csv", csv_bytes(rows))
    assert set(by_assessment(result)) == {("Kenya", 2024, None)}
    assert_problem(result, "error", "A23", "the Country cell holds “NULL”, the mark databases")


GERMAN = ["null", "eins", "zwei", "drei", "vier"]


@pytest.mark.parametrize(
    ("rows", "read_as"),
    [
        # A German file writing its levels out: "null" is the German zero.
        (
            [
                ["Land", "Jahr", "Fähigkeit", "Stufe"],
                *(["Kenia", 2024, TITLES[n], GERMAN[n % 5]] for n in ALL),
            ],
            {n: n % 5 for n in ALL},
        ),
        (
            [
                ["Country", "Year", *(TITLES[n] for n in ALL)],
                ["Kenya", 2024, *(GERMAN[n % 5].title() for n in ALL)],
            ],
            {n: n % 5 for n in ALL},
        ),
        # German headers, levels as digits, NULL where missing: a database export.
        (
            [
                ["Land", "Jahr", "Fähigkeit", "Stufe"],
                *(["Kenia", 2024, TITLES[n], "NULL" if n % 5 == 0 else n % 5] for n in ALL),
            ],
            {n: n % 5 for n in ALL if n % 5},
        ),
    ],
    ids=["German words down", "German words across", "German headers, digits"],
)
def test_null_is_the_german_zero_only_among_german_number_words(rows, read_as) -> None:
    result = read("k.xlsx", xlsx({"Stufen": rows}))
    assert list(by_assessment(result).values()) == [read_as]
    assert not errors(result)


# An #N/A typed in the cell (``t="e"``, no formula), as R's openxlsx writes NA.
def typed_errors(
    data: bytes, cells: dict[str, str], formula: str | None = None, array: str | None = None
) -> bytes:
    """The xlsx with each cell holding "ERR" made an error cell showing the value given: typed,
    or with ``formula`` behind it; ``array``: a range an array formula in A30 fills."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            part = source.read(info)
            if info.filename.startswith("xl/worksheets/"):
                text = part.decode()
                for cell, shown in cells.items():
                    inner = f"<f>{formula}</f>" if formula else ""
                    text = re.sub(
                        rf'<c r="{cell}"([^>]*) t="inlineStr"><is><t>ERR</t></is></c>',
                        rf'<c r="{cell}"\1 t="e">{inner}<v>{shown}</v></c>',
                        text,
                    )
                if array:
                    spill = (
                        f'<row r="30"><c r="A30" t="e"><f t="array" ref="{array}">'
                        "XLOOKUP(B2:B22,L!A:A,L!B:B)</f><v>#N/A</v></c></row>"
                    )
                    text = text.replace("</sheetData>", spill + "</sheetData>")
                part = text.encode()
            copy.writestr(info, part)
    return buffer.getvalue()


ERROR_LAYOUTS = [(long_table, ("D4", "D9", "D16")), (countries_rows, ("E2", "J2", "Q2"))]


@pytest.mark.parametrize(("layout", "cells"), ERROR_LAYOUTS)
def test_an_na_typed_without_a_formula_is_not_assessed_said_once(layout, cells) -> None:
    data = typed_errors(xlsx({"MNR": layout("ERR")}), dict.fromkeys(cells, "#N/A"))
    result = read("k.xlsx", data)
    assert by_assessment(result) == {("Kenya", 2024, None): READ}
    assert not errors(result)
    [said] = mark_warnings(result, "#N/A")
    assert f"3 level cells ({', '.join(cells)})" in said.message
    assert "openxlsx" in said.message
    assert "Paste Special > Values" in said.fix  # or a failed lookup's, pasted


@pytest.mark.parametrize(("layout", "cells"), ERROR_LAYOUTS)
def test_an_na_from_a_formula_stays_an_error_naming_its_cell(layout, cells) -> None:
    data = typed_errors(xlsx({"MNR": layout("ERR")}), dict.fromkeys(cells, "#N/A"), "NA()")
    result = read("k.xlsx", data)
    assert by_assessment(result) == {("Kenya", 2024, None): READ}
    for cell in cells:
        assert_problem(result, "error", cell, f"{cell} shows #N/A, an Excel error value")
    assert not mark_warnings(result, "#N/A")


def test_an_na_spilt_by_an_array_formula_stays_an_error() -> None:
    # A dynamic array's result fills its range: only its first cell holds the formula.
    data = typed_errors(xlsx({"MNR": long_table("ERR")}), {"D4": "#N/A"}, array="D2:D22")
    result = read("k.xlsx", data)
    assert_problem(result, "error", "D4", "D4 shows #N/A, an Excel error value")


@pytest.mark.parametrize("shown", ["#REF!", "#VALUE!", "#DIV/0!"])
def test_other_error_values_typed_stay_errors(shown) -> None:
    data = typed_errors(xlsx({"MNR": long_table("ERR")}), {"D4": shown})
    assert_problem(read("k.xlsx", data), "error", "D4", f"D4 shows {shown}")


def test_an_xls_na_typed_is_not_assessed() -> None:
    # A BOOLERR record; a FORMULA record's #N/A stays an error (test_book_errors).
    book = xlwt.Workbook()
    sheet = book.add_sheet("MNR")
    for r, cells in enumerate(long_table("ERR")):
        for c, value in enumerate(cells):
            if value == "ERR":
                sheet.row(r).set_cell_error(c, {v: k for k, v in XLS_ERROR_CODES.items()}["#N/A"])
            else:
                sheet.write(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    result = read("k.xls", buffer.getvalue())
    assert by_assessment(result) == {("Kenya", 2024, None): READ}
    assert not errors(result)
    [said] = mark_warnings(result, "#N/A")
    assert "3 level cells (D4, D9, D16)" in said.message


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_evidence_and_confidence_cells_holding_a_mark_give_none(kind: str) -> None:
    rows: list[list[Any]] = [["Country", "Year", "Capability", "Level", "Evidence", "Confidence"]]
    for n in ALL:
        evidence, confidence = "NULL" if n % 2 else "Strategy", "NULL" if n % 3 else "High"
        rows.append(["Kenya", 2024, TITLES[n], n % 5, evidence, confidence])
    result = read(*as_file(rows, kind))
    frame = result.capabilities.set_index("capability")
    assert frame["evidence"].isna().sum() == 11  # the odd capabilities': never "NULL"
    assert set(frame["evidence"].dropna()) == {"Strategy"}
    assert set(frame["confidence"].dropna()) == {"high"}
    assert frame["confidence"].isna().sum() == 14
    assert not result.problems
