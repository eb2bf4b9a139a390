"""DIF files (Data Interchange Format) are read as the .xlsx they are made into.

Each file is written here as its program writes it: Excel's "DIF (Data Interchange Format)"
(a header of TABLE, VECTORS, TUPLES and DATA items, then each row's values after ``-1,0 BOT``,
CR LF, Windows-1252), LibreOffice's and Gnumeric's (their own titles, LF), and a tool's saved
under a .txt name. What is read is compared with the same cells in an .xlsx.
"""

from __future__ import annotations

import io
import time
from typing import Any

import pytest
from openpyxl import Workbook

from components.ingest.book_sheets import ErrorValue
from components.ingest.dif import dif_sheets, is_dif
from components.ingest.file_guard import check_upload
from components.ingest.limits import DEFAULT_LIMITS, ReadLimits
from tests.ingest.reader_support import TITLES, by_assessment, errors, read

ALL = range(1, 22)
LEVELS = {n: (n + 2) % 5 for n in ALL}
SOME = {n: level for n, level in LEVELS.items() if n % 5}


def dif(rows: list[list[Any]], title: str = "EXCEL", end: str = "\r\n") -> bytes:
    """``rows`` as a DIF file: its header, then each row (``BOT``) and its values, each cell
    (empty ones too) written, as Excel writes them."""
    width = max(len(row) for row in rows)
    lines = ["TABLE", "0,1", f'"{title}"', "VECTORS", f"0,{width}", '""']
    lines += ["TUPLES", f"0,{len(rows)}", '""', "DATA", "0,0", '""']
    for row in rows:
        lines += ["-1,0", "BOT"]
        for value in [*row, *([None] * (width - len(row)))]:
            if isinstance(value, ErrorValue):
                lines += ["0,0", "NA"]
            elif isinstance(value, bool):
                lines += [f"0,{int(value)}", "TRUE" if value else "FALSE"]
            elif isinstance(value, int | float):
                lines += [f"0,{value}", "V"]
            else:
                text = "" if value is None else str(value).replace('"', '""')
                lines += ["1,0", f'"{text}"']
    lines += ["-1,0", "EOD"]
    return (end.join(lines) + end).encode("cp1252")


def xlsx_of(rows: list[list[Any]]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append([None if v == "" else v for v in row])
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
    return rows + [[n, TITLES[n], levels.get(n)] for n in ALL]


def wide(countries: dict[str, dict[int, Any]], year: int) -> list[list[Any]]:
    rows: list[list[Any]] = [["Country", "ISO3", "Year", *(f"{n}. {TITLES[n]}" for n in ALL)]]
    return rows + [
        [name, name[:3].upper(), year, *(lv.get(n) for n in ALL)] for name, lv in countries.items()
    ]


SHAPES = {
    "a form: Country and Year above the levels": (
        form("Armenia", 2023, LEVELS),
        {("Armenia", 2023, None): LEVELS},
    ),
    "countries by capabilities, some not assessed": (
        wide({"Botswana": LEVELS, "Honduras": SOME}, 2022),
        {("Botswana", 2022, None): LEVELS, ("Honduras", 2022, None): SOME},
    ),
    'a title with quotes, an accented country, "Level" as text': (
        [
            ['MNR self-assessment, "final" version'],
            *form("Perú", 2021, {n: str(v) for n, v in LEVELS.items()}),
        ],
        {("Perú", 2021, None): LEVELS},
    ),
}

WRITERS = {
    "Excel, .dif": ("export.dif", dif),
    "LibreOffice": ("export.dif", lambda rows: dif(rows, title="", end="\n")),
    "Gnumeric": ("export.dif", lambda rows: dif(rows, title="GNUMERIC", end="\n")),
    "a tool's, named .txt": ("export.txt", lambda rows: dif(rows, title="MNR-TOOL")),
}


@pytest.mark.parametrize(("rows", "expected"), SHAPES.values(), ids=SHAPES.keys())
@pytest.mark.parametrize(("name", "write"), WRITERS.values(), ids=WRITERS.keys())
def test_a_dif_file_is_read_as_the_workbook_excel_shows(rows, expected, name, write):
    result = read(name, write(rows))
    assert by_assessment(result) == expected
    assert not errors(result), errors(result)
    from_xlsx = read("export.xlsx", xlsx_of(rows))
    assert sorted(p.message for p in result.problems) == sorted(
        p.message for p in from_xlsx.problems
    )


def test_values_are_read_by_their_indicators():
    rows = [['a "quoted" word', 2.5, True, False, ErrorValue("#N/A"), None, -3]]
    (sheet,) = dif_sheets(dif(rows), DEFAULT_LIMITS)
    assert sheet.cells == {0: {0: 'a "quoted" word', 1: 2.5, 2: True, 3: False, 4: "#N/A", 6: -3}}
    assert isinstance(sheet.cells[0][4], ErrorValue)


def test_a_level_not_available_is_said_as_an_error_value():
    rows = form("Kenya", 2023, {**LEVELS, 6: ErrorValue("#N/A")})
    result = read("export.dif", dif(rows))
    assert 6 not in by_assessment(result)[("Kenya", 2023, None)]
    assert any(p.cell == "C10" and "#N/A" in p.message for p in errors(result))


@pytest.mark.parametrize(
    "text",
    [
        "TABLE,Country,Level\nLeadership,Kenya,3\n",
        "TABLE\nKenya\nGhana\n",
        'TABLE\n0,1\n"x"\nVECTORS\n0,2\n""\n',  # no DATA: no values
    ],
    ids=["a CSV whose first cell is TABLE", "a list", "a header without values"],
)
def test_text_that_only_starts_like_dif_is_no_dif(text):
    assert not is_dif(text)
    assert check_upload("export.csv", text.encode()) == "csv"


def test_a_damaged_dif_is_refused_saying_so():
    data = dif(form("Kenya", 2023, LEVELS)).replace(b'1,0\r\n"Leadership"', b'7,0\r\n"Leadership"')
    result = read("export.dif", data)
    assert next(p.message for p in errors(result)).startswith("This DIF file (.dif) is damaged")


def test_a_long_dif_is_read_up_to_the_row_limit_quickly():
    rows: list[list[Any]] = [["Country", "Year", "Capability", "Level"]]
    rows += [["Kenya", 2000 + i // 21, i % 21 + 1, i % 5] for i in range(100_000)]
    data = dif(rows)
    started = time.perf_counter()
    result = read("big.dif", data, ReadLimits(max_rows_per_sheet=1_000))
    assert time.perf_counter() - started < 20
    assert any("rows" in p.message and "1,000" in p.message for p in errors(result))
