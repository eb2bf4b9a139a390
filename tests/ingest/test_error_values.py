"""Error values in level cells (components/ingest/error_values.py): a level cell that shows #N/A
(from a formula), #REF!, #SPILL!, … with or without a formula behind it is reported as a level
that could not be read, never read as "not assessed"; a newer error value anywhere does not
refuse the workbook; a Country cell holding a linked data type (Geography) says so."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from tests.ingest.reader_support import (
    SAMPLE_LEVELS,
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    edit_template,
    errors,
    read,
    set_level,
    xlsx,
)

KENYA = {n: n % 5 for n in range(1, 22)}
CLASSIC = ["#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!"]
NEWER = ["#SPILL!", "#CALC!", "#FIELD!", "#GETTING_DATA", "#BLOCKED!", "#CONNECT!", "#BUSY!"]


def with_errors(
    data: bytes, errors_at: dict[str, str], formula: str | None = None, linked: bool = False
) -> bytes:
    """The xlsx with each cell holding "ERR" at ``errors_at``'s cells made an error cell showing
    the value given, as Excel stores it (``t="e"``): with no formula behind it unless one is
    given, and ``linked``, as a linked data type (Geography) is kept (``vm=``)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            part = source.read(info)
            if info.filename.startswith("xl/worksheets/"):
                text = part.decode()
                for cell, shown in errors_at.items():
                    inner = f"<f>{formula}</f>" if formula else ""
                    vm = ' vm="1"' if linked else ""
                    text = re.sub(
                        rf'<c r="{cell}"([^>]*) t="inlineStr"><is><t>ERR</t></is></c>',
                        rf'<c r="{cell}"\1 t="e"{vm}>{inner}<v>{shown}</v></c>',
                        text,
                    )
                part = text.encode()
            copy.writestr(info, part)
    return buffer.getvalue()


def form(level_4: object) -> list[list[object]]:
    rows: list[list[object]] = [["Country", "Kenya"], ["Year", 2024], [], ["No.", "Capability"]]
    rows[3].append("Level")
    for n in range(1, 22):
        rows.append([n, TITLES[n], level_4 if n == 4 else KENYA[n]])
    return rows  # capability 4's level in C8


def long_table(level_4: object) -> list[list[object]]:
    rows: list[list[object]] = [["Country", "Year", "Capability", "Level"]]
    for n in range(1, 22):
        rows.append(["Kenya", 2024, TITLES[n], level_4 if n == 4 else KENYA[n]])
    return rows  # capability 4's level in D5


def countries_rows(level_4: object) -> list[list[object]]:
    header: list[object] = ["Country", "Year", *(TITLES[n] for n in range(1, 22))]
    return [header, ["Kenya", 2024, *(level_4 if n == 4 else KENYA[n] for n in range(1, 22))]]


def capabilities_rows(level_4: object) -> list[list[object]]:
    rows: list[list[object]] = [["No.", "Capability", "Kenya 2024"]]
    for n in range(1, 22):
        rows.append([n, TITLES[n], level_4 if n == 4 else KENYA[n]])
    return rows  # Kenya's level of capability 4 in C5


LAYOUTS = [(form, "C8"), (long_table, "D5"), (countries_rows, "F2"), (capabilities_rows, "C5")]
WITHOUT_4 = {("Kenya", 2024, None): {n: v for n, v in KENYA.items() if n != 4}}


# An #N/A typed with no formula is a program's mark of a missing value (test_marked_levels).
@pytest.mark.parametrize("shown", [e for e in CLASSIC if e != "#N/A"] + NEWER)
@pytest.mark.parametrize(("layout", "cell"), LAYOUTS)
def test_a_level_cell_showing_an_error_value_is_reported_not_read_as_not_assessed(
    layout, cell, shown
):
    result = read("k.xlsx", with_errors(xlsx({"Assessment": layout("ERR")}), {cell: shown}))
    assert by_assessment(result) == WITHOUT_4
    assert_problem(
        result, "error", cell, f"{cell} shows {shown}, an Excel error value, not a level"
    )
    problem = next(p for p in result.problems if p.cell == cell)
    assert "capability 4" in problem.message
    assert "could not be read" in problem.message
    assert "Type the level" in problem.fix
    assert "leave the cell empty" in problem.fix


@pytest.mark.parametrize("shown", ["#N/A", "#SPILL!"])
def test_a_level_error_with_its_formula_says_what_it_shows(shown):
    data = with_errors(xlsx({"Assessment": form("ERR")}), {"C8": shown}, "VLOOKUP(B8,L!A:B,2)")
    result = read("k.xlsx", data)
    assert by_assessment(result) == WITHOUT_4
    assert_problem(result, "error", "C8", f"C8 shows {shown}, an Excel error value, not a level")
    assert len([p for p in errors(result) if p.cell == "C8"]) == 1


def test_a_level_error_in_the_template_is_reported():
    data, (cell, number) = edit_template(set_level(3, "ERR"))
    result = read("t.xlsx", with_errors(data, {cell: "#N/A"}, "VLOOKUP(B8,L!A:B,2)"))
    assert_problem(result, "error", cell, f"{cell} shows #N/A, an Excel error value")
    levels = next(iter(by_assessment(result).values()))
    expected = {n: v for n, v in SAMPLE_LEVELS.items() if v is not None and n != number}
    assert levels == expected


@pytest.mark.parametrize("shown", ["#SPILL!", "#CALC!", "#GETTING_DATA", "#UNKNOWN!"])
def test_a_newer_error_value_elsewhere_does_not_refuse_the_workbook(shown):
    data = with_errors(
        xlsx({"Assessment": form(4), "Notes": [["Top capabilities"], ["ERR"]]}), {"A2": shown}
    )
    result = read("k.xlsx", data)
    assert by_assessment(result) == {("Kenya", 2024, None): {**KENYA, 4: 4}}
    assert not errors(result)


@pytest.mark.parametrize("shown", ["#N/A", "#SPILL!"])
def test_a_csv_level_cell_holding_an_error_value_is_reported(shown):
    result = read("k.csv", csv_bytes(long_table(shown)))
    assert by_assessment(result) == WITHOUT_4
    assert_problem(result, "error", "D5", f"“{shown}” is an Excel error value, not a level")


def test_a_country_cell_holding_a_linked_data_type_says_to_convert_it_to_text():
    rows = long_table(4)
    rows[1][0] = rows[2][0] = "ERR"
    data = with_errors(xlsx({"Data": rows}), {"A2": "#VALUE!", "A3": "#VALUE!"}, linked=True)
    result = read("k.xlsx", data)
    assert_problem(result, "error", "A2", "A2 holds a linked data type, such as Geography")
    problem = next(p for p in result.problems if p.cell == "A2")
    assert "Data > Convert to Text" in problem.fix
    assert "formula" not in problem.fix
    assert by_assessment(result) == {
        ("Kenya", 2024, None): {n: v for n, v in KENYA.items() if n > 2}
    }
