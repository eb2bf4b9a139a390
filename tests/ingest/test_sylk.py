"""SYLK files (.slk) are read as the .xlsx they are made into: what a person sees in Excel.

Each file is written here as its program writes it: Excel's "SYLK (Symbolic Link)" (its ``ID;PWXL``
record, number formats as ``P`` records, fonts, an ``F`` record before a formatted cell that
also sets the place the next ``C`` record's value goes, the row given once per row), Excel for
Mac's (CR line ends), LibreOffice's (``ID;PCALCOOO32``, every cell's row and column), and a
tool's under a .csv name. What is read is compared with the same cells in an .xlsx.
"""

from __future__ import annotations

import datetime
import io
import unicodedata
from dataclasses import dataclass
from typing import Any

import pytest
from openpyxl import Workbook

from components.ingest.file_guard import check_upload
from components.ingest.limits import DEFAULT_LIMITS, ReadLimits
from components.ingest.sylk import is_sylk, sylk_sheets
from tests.ingest.reader_support import TITLES, by_assessment, errors, read

ALL = range(1, 22)
LEVELS = {n: (n * 3) % 5 for n in ALL}


@dataclass(frozen=True)
class Formula:
    """A formula cell: its R1C1 text and the value Excel saved (None: not saved)."""

    formula: str
    value: Any = None


@dataclass(frozen=True)
class Percent:
    value: float


# Excel's number formats (P records), in the order it writes its first ones.
FORMATS = ["General", "0", "0.00", "0%", "dd/mm/yyyy"]
PERCENT, DATE = 3, 4


def _text(value: str, escapes: bool) -> str:
    """A text as Excel writes it in a K field: quoted, ";" doubled, accented letters as its
    ESC N sequences (Excel's) or as they are (LibreOffice's)."""
    text = value.replace(";", ";;")
    if escapes:
        accents = {"\u0301": "B", "\u0300": "A", "\u0302": "C", "\u0303": "D", "\u0308": "H"}
        out = []
        for char in text:
            parts = unicodedata.normalize("NFD", char)
            if len(parts) == 2 and parts[1] in accents:
                out.append(f"\x1bN{accents[parts[1]]}{parts[0]}")
            else:
                out.append(char)
        text = "".join(out)
    return f'"{text}"'


def _value(value: Any, escapes: bool) -> str:
    if isinstance(value, str):
        return "K" + _text(value, escapes)
    if isinstance(value, bool):
        return "K" + ("TRUE" if value else "FALSE")
    if isinstance(value, datetime.date):
        return f"K{(value - datetime.date(1899, 12, 30)).days}"
    if isinstance(value, Percent):
        return f"K{value.value}"
    return f"K{value}"


def excel_sylk(rows: list[list[Any]], *, mac: bool = False, carried: bool = False) -> bytes:
    """``rows`` as Excel saves them as SYLK: a cell's row only on a row's first record; a
    formatted cell's F record first, giving its place (with ``carried``, its C record then
    gives none: the format allows it). ``mac``: Excel for Mac's CR line ends."""
    lines = ["ID;PWXL;N;E", *(f"P;P{shown}" for shown in FORMATS)]
    lines += ["P;FCalibri;M220;L9", "P;ECalibri;M220;L9", "F;P0;DG0G10;M75"]
    lines += [
        f"B;Y{len(rows)};X{max(map(len, rows))};D0 0 {len(rows) - 1} 3",
        "O;L;D;V0;K47;G100 0.001",
    ]
    for r, row in enumerate(rows, start=1):
        first = True
        for c, value in enumerate(row, start=1):
            if value is None:
                continue
            place = (f"Y{r};" if first else "") + f"X{c}"
            shown = DATE if isinstance(value, datetime.date) else None
            shown = PERCENT if isinstance(value, Percent) else shown
            if shown is not None:
                lines.append(f"F;P{shown};F{'%0R' if shown == PERCENT else 'G0G'};{place}")
                if carried:
                    place = ""
            fields = [place] if place else []
            if isinstance(value, Formula):
                saved = [] if value.value is None else [_value(value.value, True)]
                fields += [*saved, f"E{value.formula}"]
            else:
                fields.append(_value(value, True))
            lines.append(";".join(["C", *fields]))
            first = False
    lines.append("E")
    end = "\r" if mac else "\r\n"
    return (end.join(lines) + end).encode("cp1252")


def calc_sylk(rows: list[list[Any]]) -> bytes:
    """``rows`` as LibreOffice Calc saves them as SYLK: every cell's row and column, text as
    it is (no ESC sequences), "\\n" line ends."""
    lines = ["ID;PCALCOOO32"]
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                lines.append(f"C;Y{r};X{c};{_value(value, False)}")
    lines.append("E")
    return ("\n".join(lines) + "\n").encode("cp1252")


def xlsx_of(rows: list[list[Any]]) -> bytes:
    """The same cells as an .xlsx (formulas as the values Excel saved), as Excel saves it."""
    workbook = Workbook()
    sheet = workbook.active
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            shown = value.value if isinstance(value, Formula) else value
            if isinstance(shown, Percent):
                sheet.cell(row=r, column=c, value=shown.value).number_format = "0%"
            elif shown is not None:
                sheet.cell(row=r, column=c, value=shown)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def form(
    country: str, year: Any, levels: dict[int, Any], label: str = "Country"
) -> list[list[Any]]:
    rows: list[list[Any]] = [[label, country], ["Year", year], [], ["No", "Capability", "Level"]]
    return rows + [[n, TITLES[n], levels.get(n)] for n in ALL]


def wide(countries: dict[str, dict[int, Any]], year: int) -> list[list[Any]]:
    rows: list[list[Any]] = [["Country", "Year", *(f"{n}. {TITLES[n]}" for n in ALL)]]
    return rows + [
        [name, year, *(levels.get(n) for n in ALL)] for name, levels in countries.items()
    ]


SOME = {n: level for n, level in LEVELS.items() if n % 4}

# (the cells, the assessments a person sees in Excel)
SHAPES: dict[str, tuple[list[list[Any]], dict[tuple, dict[int, int]]]] = {
    "a form: Country and Year above the levels": (
        form("Nepal", 2023, LEVELS),
        {("Nepal", 2023, None): LEVELS},
    ),
    "countries by capabilities, some not assessed": (
        wide({"Malawi": LEVELS, "Georgia": SOME}, 2024),
        {("Malawi", 2024, None): LEVELS, ("Georgia", 2024, None): SOME},
    ),
    "a label with a semicolon, an accented country": (
        form("Côte d'Ivoire", 2022, LEVELS, label="Country; territory"),
        {("Côte d'Ivoire", 2022, None): LEVELS},
    ),
    "a date of assessment, levels as formulas with saved values": (
        [
            ["Country", "Perú"],
            ["Date of assessment", datetime.date(2024, 3, 15)],
            [],
            ["No", "Capability", "Score", "Level"],
            *([n, TITLES[n], LEVELS[n], Formula("ROUND(RC[-1],0)", LEVELS[n])] for n in ALL),
        ],
        {("Perú", 2024, None): LEVELS},
    ),
}

WRITERS = {
    "Excel": excel_sylk,
    "Excel, F records giving the place": lambda rows: excel_sylk(rows, carried=True),
    "Excel for Mac (CR line ends)": lambda rows: excel_sylk(rows, mac=True),
    "LibreOffice": calc_sylk,
}


# LibreOffice writes no number format: a date is the number Excel then shows too.
CASES = [
    pytest.param(rows, expected, write, id=f"{shape}, {writer}")
    for shape, (rows, expected) in SHAPES.items()
    for writer, write in WRITERS.items()
    if not (writer == "LibreOffice" and "date" in shape)
]


@pytest.mark.parametrize(("rows", "expected", "write"), CASES)
@pytest.mark.parametrize("name", ["export.slk", "export.csv"])
def test_a_sylk_file_is_read_as_the_workbook_excel_shows(rows, expected, write, name):
    result = read(name, write(rows))
    assert by_assessment(result) == expected
    assert not errors(result), errors(result)
    from_xlsx = read("export.xlsx", xlsx_of(rows))
    assert by_assessment(from_xlsx) == expected
    assert sorted(p.message for p in result.problems) == sorted(
        p.message for p in from_xlsx.problems
    )


# (the cells, words of the message a person gets, as for the same .xlsx)
SAID = {
    "a level typed as a percentage": (
        form("Kenya", 2023, {**LEVELS, 5: Percent(0.75)}),
        "0.75",
    ),
    "a level showing an error value": (
        [
            *form("Kenya", 2023, LEVELS)[:8],
            [5, TITLES[5], "#N/A"],
            *form("Kenya", 2023, LEVELS)[9:],
        ],
        "#N/A",
    ),
}


@pytest.mark.parametrize(("rows", "words"), SAID.values(), ids=SAID.keys())
def test_what_is_said_of_a_level_is_what_is_said_of_the_same_xlsx(rows, words):
    data = excel_sylk(rows).replace(b'K"#N/A"', b"K#N/A")
    result = read("export.slk", data)
    from_xlsx = read("export.xlsx", xlsx_of(rows))
    said = [p.message for p in result.problems if words in p.message]
    assert said
    if words != "#N/A":  # the .xlsx made here holds text "#N/A", the SYLK an error value
        assert said == [p.message for p in from_xlsx.problems if words in p.message]
    assert by_assessment(result).keys() == {("Kenya", 2023, None)}


def test_a_cell_keeps_the_number_format_its_f_record_gives():
    rows = [["Date", datetime.date(2024, 3, 15)], ["Share", Percent(0.5)], ["Count", 7]]
    for data in (excel_sylk(rows), excel_sylk(rows, carried=True)):
        (sheet,) = sylk_sheets(data, DEFAULT_LIMITS)
        assert sheet.cells == {
            0: {0: "Date", 1: 45366},
            1: {0: "Share", 1: 0.5},
            2: {0: "Count", 1: 7},
        }
        assert sheet.number_formats == {(0, 1): "dd/mm/yyyy", (1, 1): "0%"}


def test_excel_escapes_and_doubled_semicolons_are_read_as_the_text():
    data = (
        b'ID;PWXL;N;E\r\nC;Y1;X1;K"Pa\x1bNBis;; ;;r\x1bNAegion"\r\n'
        b'C;Y2;X1;K"C\x1bNCote d\x1bNHi\x1b :line"\r\nC;Y3;X1;K"\x1bNH  and 5\x1bN0C"\r\nE\r\n'
    )
    (sheet,) = sylk_sheets(data, DEFAULT_LIMITS)
    assert [sheet.cells[row][0] for row in range(3)] == [
        "Pa\u00eds; ;r\u00e8gion",
        "C\u00f4te d\u00ef\nline",
        "\u00a8 and 5\u00b0C",
    ]


def test_a_formula_saved_without_its_value_is_said_not_guessed():
    rows = form("Kenya", 2023, {**LEVELS, 7: Formula("R[0]C[-1]*0")})
    result = read("export.slk", excel_sylk(rows))
    assert 7 not in by_assessment(result)[("Kenya", 2023, None)]
    assert any(
        p.cell == "C11" and "formula" in p.message and "no saved result" in p.message
        for p in errors(result)
    )


@pytest.mark.parametrize(
    "text",
    [
        "ID;Country;Year;Capability;Level\n1;Kenya;2023;Leadership;3\n2;Kenya;2023;Legislation;1\n",
        "ID;Pays;Année;Capacité;Niveau\n1;Sénégal;2023;Leadership;3\n",
        "ID\nKenya\nGhana\n",
    ],
    ids=["a semicolon CSV whose first column is ID", "its first field starts with P", "a list"],
)
def test_a_csv_starting_with_id_is_no_sylk(text):
    assert not is_sylk(text)
    assert check_upload("export.csv", text.encode("utf-8")) == "csv"


def test_a_csv_with_an_id_column_is_still_read():
    lines = ["ID;Country;Year;Capability;Level"]
    lines += [f"{n};Kenya;2023;{TITLES[n]};{LEVELS[n]}" for n in ALL]
    result = read("export.csv", "\n".join(lines).encode())
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}


def test_rows_and_columns_past_the_limits_cost_nothing_and_are_said():
    rows = form("Kenya", 2023, LEVELS)
    data = excel_sylk(rows).replace(b"E\r\n", b"")
    data += b"C;Y99999999;X1;K1\r\nC;Y" + b"9" * 1000 + b";X" + b"9" * 1000 + b";K2\r\nE\r\n"
    result = read("export.slk", data, ReadLimits(max_rows_per_sheet=500))
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}
    assert any("rows" in p.message and "500" in p.message for p in errors(result))


def test_a_sylk_file_without_a_cell_is_refused_saying_so():
    result = read("empty.slk", b"ID;PWXL;N;E\r\nP;PGeneral\r\nC;Y1\r\nE\r\n")
    assert [p.message for p in errors(result)] == [
        "This SYLK file (.slk) holds no cell, so there is nothing to read."
    ]
