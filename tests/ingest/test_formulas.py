"""Formulas without a saved result are reported at their cell, not read as blank."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import (
    SAMPLE_LEVELS,
    assert_problem,
    edit_template,
    levels,
    long_rows,
    read,
    set_level,
    xlsx,
)


def test_a_level_that_is_a_formula_without_a_saved_result_is_reported_and_the_rest_kept():
    data, (cell, number) = edit_template(set_level(3, "=1+1"))
    result = read("edited.xlsx", data)
    assert_problem(result, "error", cell, "formula", sheet="Assessment")
    assert len(result.problems) == 1
    assert levels(result.capabilities) == {**SAMPLE_LEVELS, number: None}


def test_formula_cells_without_a_saved_result_are_reported_in_a_long_table():
    rows = long_rows()
    rows[1][3] = "=1+1"
    result = read("f.xlsx", xlsx({"Data": rows}))
    assert_problem(result, "error", "D2", "formula", sheet="Data")


@pytest.mark.parametrize(
    ("header", "meaning"),
    [
        ("Year", "the year of row 3"),
        ("Round", "the round of row 3"),
        ("Assessed by", "the assessor of row 3"),
    ],
)
def test_a_long_tables_metadata_formula_without_a_saved_result_is_reported(header, meaning):
    rows = [["Country", "Capability", "Level", header]]
    rows += [["Elbonia", number, 2, 2024 if header == "Year" else "x"] for number in (1, 2, 3)]
    rows[2][3] = "=2020+4"  # openpyxl saves no result: the cell reads blank
    result = read("f.xlsx", xlsx({"Data": rows}))
    assert_problem(result, "error", "D3", meaning, sheet="Data")


def _with_placeholder_results(
    data: bytes, *, calc_on_load: bool = True, stored: bytes = b"0"
) -> bytes:
    """openpyxl's workbook as xlsxwriter writes one: each formula's result stored as 0 (a
    placeholder), and the workbook asking for its formulas to be calculated on opening (or,
    ``calc_on_load=False``, as Excel saves a calculated workbook)."""
    import io
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            content = source.read(info)
            if info.filename.startswith("xl/worksheets/"):
                result = b"<v>" + stored + b"</v>"
                content = content.replace(b"<v></v>", result).replace(b"<v/>", result)
            if info.filename == "xl/workbook.xml" and not calc_on_load:
                content = content.replace(b' fullCalcOnLoad="1"', b"")
            copy.writestr(info.filename, content)
    return buffer.getvalue()


def _formula_levels_sheet():
    rows = [["Country", "Elbonia"], ["Year", 2024], [], ["No.", "Capability", "Level", "Notes"]]
    rows += [[number, None, 2, "=1+1" if number == 4 else None] for number in range(1, 8)]
    rows[5][2] = "=Raw!C2"  # capability 2's level
    rows[6][2] = "=1+1"  # capability 3's level
    return {"Summary": rows, "Notes sheet & more": [["a", "=1+1"]]}


def test_formula_results_a_workbook_asks_to_recalculate_are_reported_never_read_as_0():
    data = _with_placeholder_results(xlsx(_formula_levels_sheet()))
    result = read("x.xlsx", data)
    found = levels(result.capabilities)
    assert (found[2], found[3]) == (None, None)
    assert {number: found[number] for number in (1, 4, 5, 6, 7)} == dict.fromkeys(
        (1, 4, 5, 6, 7), 2
    )
    assert_problem(result, "error", "C6", "calculated when it is opened", sheet="Summary")
    assert_problem(result, "error", "C7", "the level of capability 3", sheet="Summary")
    # Only the cells the reader needed: not the notes, nor the other sheet's formula.
    assert [p.cell for p in result.problems if p.severity == "error"] == ["C6", "C7"]


def test_formula_results_saved_by_a_program_that_calculates_them_are_read():
    data = _with_placeholder_results(xlsx(_formula_levels_sheet()), calc_on_load=False)
    result = read("x.xlsx", data)
    found = levels(result.capabilities)
    assert (found[2], found[3]) == (0, 0)
    assert [p for p in result.problems if p.severity == "error"] == []


def test_results_a_program_stored_on_purpose_are_read_even_when_it_asks_to_recalculate():
    # xlsxwriter stores the value a script gives it: anything but its placeholder 0 was meant.
    data = _with_placeholder_results(xlsx(_formula_levels_sheet()), stored=b"3")
    result = read("x.xlsx", data)
    found = levels(result.capabilities)
    assert (found[2], found[3]) == (3, 3)
    assert [p for p in result.problems if p.severity == "error"] == []


def _saved_as_text(data: bytes, *, calc_on_load: bool = False) -> bytes:
    """openpyxl's formulas as Excel saves =IF(x="","",x) on an empty x: ``t="str"`` and an
    empty saved result."""
    import io
    import re
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            content = source.read(info)
            if info.filename.startswith("xl/worksheets/"):
                content = re.sub(
                    rb'<c r="([A-Z]+\d+)"((?: s="\d+")?)><f>([^<]*)</f><v\s*/?>(?:</v>)?',
                    rb'<c r="\1"\2 t="str"><f>\3</f><v></v>',
                    content,
                )
            if info.filename == "xl/workbook.xml":
                content = content.replace(b' fullCalcOnLoad="1"', b"")
                if calc_on_load:
                    content = re.sub(rb"<calcPr", b'<calcPr fullCalcOnLoad="1"', content, count=1)
            copy.writestr(info.filename, content)
    return buffer.getvalue()


def _if_blank_levels() -> dict:
    rows = [["Country", "Elbonia"], ["Year", 2024], [], ["No.", "Capability", "Level"]]
    rows += [[number, None, 2] for number in range(1, 5)]
    rows[5][2] = '=IF(Raw!A2="","",Raw!A2)'
    return {"Form": rows}


def test_a_formula_whose_saved_result_is_empty_text_is_not_assessed_not_an_error():
    result = read("x.xlsx", _saved_as_text(xlsx(_if_blank_levels())))
    found = levels(result.capabilities)
    assert {number: found[number] for number in (1, 2, 3, 4)} == {1: 2, 2: None, 3: 2, 4: 2}
    assert [p for p in result.problems if "formula" in p.message] == []


def test_an_empty_text_result_in_a_workbook_asking_to_recalculate_is_still_reported():
    data = _saved_as_text(xlsx(_if_blank_levels()), calc_on_load=True)
    result = read("x.xlsx", data)
    assert_problem(result, "error", "C6", "formula", sheet="Form")


def test_a_formula_with_no_result_at_all_beside_empty_text_results_is_reported():
    sheets = _if_blank_levels()
    data = _saved_as_text(xlsx(sheets))
    import io
    import zipfile

    # C7's result removed altogether (and its type): a formula never calculated.
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as copy:
        for info in source.infolist():
            content = source.read(info)
            if info.filename.startswith("xl/worksheets/"):
                content = content.replace(
                    b'<c r="C7" t="n"><v>2</v></c>', b'<c r="C7"><f>1+1</f></c>'
                ).replace(b'<c r="C7"><v>2</v></c>', b'<c r="C7"><f>1+1</f></c>')
            copy.writestr(info.filename, content)
    result = read("x.xlsx", buffer.getvalue())
    assert_problem(result, "error", "C7", "no saved result", sheet="Form")
    assert [p.cell for p in result.problems if "formula" in p.message] == ["C7"]
