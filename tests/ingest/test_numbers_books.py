"""Apple Numbers spreadsheets (components/ingest/numbers_books.py, numbers_guard.py): read as the
.xlsx made of them, each Numbers sheet a sheet, several tables on one stacked in reading order.

Every .numbers file is written here with numbers-parser, as a person on a Mac makes it: the
app's template opened in Numbers (each worksheet one table), tables of their own, several
tables on a sheet, several sheets, dates, level labels, empty cells; and broken or locked ones.
"""

from __future__ import annotations

import datetime
import io
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from numbers_parser import Document
from numbers_parser.cell import ErrorCell
from numbers_parser.model import _NumbersModel
from openpyxl import load_workbook

from components.ingest import numbers_books
from components.ingest.book_sheets import ErrorValue
from components.ingest.file_guard import check_upload
from components.ingest.limits import DEFAULT_LIMITS, ReadLimits
from components.ingest.mapping import preview_sheets
from components.ingest.numbers_books import numbers_sheets
from components.ingest.refusals import FileRejected
from components.ingest.sheets import ReadContext
from components.ingest.template import write_template
from tests.ingest.numbers_support import NSheet, NTable, numbers_file
from tests.ingest.reader_support import (
    ARVENIA_2021,
    BELMORA_2023,
    EXPECTED,
    FW,
    LABELS,
    SAMPLE,
    SAMPLE_LEVELS,
    by_assessment,
    errors,
    long_rows,
    per_sheet,
    read,
    wide_country_rows,
)


def template_in_numbers() -> tuple[bytes, bytes]:
    """The app's filled template, and the same opened in Numbers and saved (each worksheet
    a table of that sheet, its merged cells merged)."""
    xlsx = write_template(FW, SAMPLE)
    workbook = load_workbook(io.BytesIO(xlsx))
    sheets = []
    for sheet in workbook.worksheets:
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        merges = [str(m) for m in sheet.merged_cells.ranges]
        sheets.append(NSheet(sheet.title, [NTable("Table 1", rows, merges=merges)]))
    return xlsx, numbers_file(sheets)


def one_sheet(rows: list[list[Any]], merges: tuple[str, ...] = ()) -> bytes:
    return numbers_file([NSheet("Sheet 1", [NTable("Table 1", rows, merges=list(merges))])])


KENYA = {1: 2, 2: 3, 3: 0, 7: 4}
LEVELS_TABLE = [["Capability", "Level"]] + [[FW.capability(n).title, v] for n, v in KENYA.items()]
# Levels written as the scale's labels, and a capability left empty (not assessed).
LABELLED = [["Country", "Belmora"], ["Year", 2023], [], ["No.", "Capability", "Level"]] + [
    [n, FW.capability(n).title, LABELS[level]] for n, level in BELMORA_2023.items()
]
WITH_EMPTY = [["Country", "Arvenia"], ["Year", 2021], [], ["No.", "Level"]] + [
    [n, ARVENIA_2021.get(n)] for n in range(1, 22)
]
# A long table whose Country cells are merged over each country's rows, as people lay it out.
MERGED_LONG = [["Country", "Year", "Capability", "Level"]] + [
    [country if index == 0 else None, year, number, level]
    for country, year, given in [("Arvenia", 2021, ARVENIA_2021), ("Belmora", 2023, BELMORA_2023)]
    for index, (number, level) in enumerate(given.items())
]

# (case, the .numbers file, (country, year, round) -> the levels a person gets)
SHAPES = [
    (
        "a countries-by-capabilities table",
        lambda: one_sheet(wide_country_rows()),
        EXPECTED,
    ),
    ("a long table", lambda: one_sheet(long_rows()), EXPECTED),
    (
        "a long table, each country merged over its rows",
        lambda: one_sheet(MERGED_LONG, ("A2:A6", "A7:A9")),
        {("Arvenia", 2021, None): ARVENIA_2021, ("Belmora", 2023, None): BELMORA_2023},
    ),
    (
        "two tables on one sheet: Country and Year in a small table above the levels, made last",
        lambda: numbers_file(
            [
                NSheet(
                    "Assessment",
                    [
                        NTable("Levels", LEVELS_TABLE, y=0.0),
                        NTable("Details", [["Country", "Kenya"], ["Year", 2024]], y=-200.0),
                    ],
                )
            ]
        ),
        {("Kenya", 2024, None): KENYA},
    ),
    (
        "two tables of Numbers' new-table size (22 rows), mostly empty, one above the other",
        lambda: numbers_file(
            [
                NSheet(
                    "Assessment",
                    [
                        NTable("Table 1", [["Country", "Kenya"], ["Year", 2024], *[[]] * 20]),
                        NTable("Table 2", [*LEVELS_TABLE, *[[]] * 17], y=400.0),
                    ],
                )
            ]
        ),
        {("Kenya", 2024, None): KENYA},
    ),
    (
        "two sheets, a country each",
        lambda: numbers_file(
            [
                NSheet("Arvenia", [NTable("Table 1", per_sheet("Arvenia", 2021, ARVENIA_2021))]),
                NSheet("Belmora", [NTable("Table 1", per_sheet("Belmora", 2023, BELMORA_2023))]),
            ]
        ),
        {("Arvenia", 2021, None): ARVENIA_2021, ("Belmora", 2023, None): BELMORA_2023},
    ),
    (
        "the date of the assessment as a date",
        lambda: one_sheet(
            [["Country", "Kenya"], ["Date", datetime.datetime(2024, 3, 15)], [], *LEVELS_TABLE]
        ),
        {("Kenya", 2024, None): KENYA},
    ),
    (
        "levels as the scale's labels",
        lambda: one_sheet(LABELLED),
        {("Belmora", 2023, None): BELMORA_2023},
    ),
    ("empty level cells", lambda: one_sheet(WITH_EMPTY), {("Arvenia", 2021, None): ARVENIA_2021}),
]


@pytest.mark.parametrize(("data", "expected"), [s[1:] for s in SHAPES], ids=[s[0] for s in SHAPES])
def test_a_numbers_spreadsheet_is_read_as_its_tables_say(data, expected):
    result = read("assessment.numbers", data())
    assert errors(result) == []
    assert by_assessment(result) == expected


def test_the_template_filled_in_numbers_reads_as_the_template_does():
    xlsx, numbers = template_in_numbers()
    as_xlsx, as_numbers = read("template.xlsx", xlsx), read("template.numbers", numbers)
    assert by_assessment(as_numbers) == by_assessment(as_xlsx)
    assert by_assessment(as_numbers)[SAMPLE.country, SAMPLE.year, SAMPLE.round] == {
        n: level for n, level in SAMPLE_LEVELS.items() if level is not None
    }
    assert errors(as_numbers) == errors(as_xlsx) == []


def test_an_empty_level_is_not_assessed_never_zero():
    result = read("arvenia.numbers", one_sheet(WITH_EMPTY))
    frame = result.capabilities.set_index("capability")["level"]
    assert len(frame) == 21
    for number in range(1, 22):
        given = ARVENIA_2021.get(number)
        assert pd.isna(frame[number]) if given is None else frame[number] == given


def test_tables_are_stacked_under_their_names_in_reading_order():
    data = numbers_file(
        [
            NSheet(
                "Assessment",
                [
                    NTable("Levels", LEVELS_TABLE, y=0.0),
                    NTable("Details", [["Country", "Kenya"], ["Year", 2024]], y=-200.0),
                ],
            )
        ]
    )
    previews = preview_sheets("kenya.numbers", data, FW)
    assert [p.name for p in previews] == ["Assessment"]
    rows = [[v for v in row if v] for row in previews[0].rows]
    assert rows[:5] == [["Details"], ["Country", "Kenya"], ["Year", "2024"], [], ["Levels"]]
    assert rows[5] == ["Capability", "Level"]


def test_the_guard_knows_a_numbers_file_by_its_parts_not_its_name():
    data = one_sheet(long_rows())
    for name in ("assessment.numbers", "assessment.xlsx", "assessment"):
        assert check_upload(name, data) == "numbers"


def test_a_password_protected_numbers_file_is_refused_saying_how_to_remove_it():
    data = numbers_file([NSheet("Sheet 1", [NTable("Table 1", long_rows())])], password="pw")  # noqa: S106
    with pytest.raises(FileRejected) as refused:
        check_upload("locked.numbers", data)
    assert refused.value.kind == "encrypted"
    assert "password" in refused.value.message
    assert "Remove Password" in refused.value.fix
    result = read("locked.numbers", data)
    assert result.capabilities.empty
    assert "protected with a password" in errors(result)[0].message


def _replace_part(data: bytes, name: str, new: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, new if info.filename == name else source.read(info))
    return out.getvalue()


def _chunk(payload: bytes) -> bytes:
    """An .iwa chunk holding ``payload`` stored as snappy literals (valid snappy, any bytes)."""
    import snappy  # numbers-parser's own dependency

    packed = snappy.compress(payload)
    return b"\x00" + len(packed).to_bytes(3, "little") + packed


# (case, the file's bytes made from a good one, the words of the refusal)
DAMAGED = [
    ("cut short in transfer", lambda good: good[: len(good) // 2], "damaged"),
    (
        "an archive that is no archive",
        lambda good: _replace_part(good, "Index/Document.iwa", b"\x07not snappy"),
        "damaged",
    ),
    (
        "an archive of messages that are not Numbers'",
        lambda good: _replace_part(good, "Index/Document.iwa", _chunk(b"\xff" * 64)),
        "damaged",
    ),
    (
        "an archive claiming to unpack to gigabytes",
        lambda good: _replace_part(
            good, "Index/Document.iwa", b"\x00\x05\x00\x00" + b"\xff\xff\xff\xff\x0f"
        ),
        "unpacked",
    ),
]


@pytest.mark.parametrize(("damage", "words"), [d[1:] for d in DAMAGED], ids=[d[0] for d in DAMAGED])
def test_a_damaged_numbers_file_is_refused_with_a_message_never_a_traceback(damage, words):
    data = damage(one_sheet(long_rows()))
    result = read("broken.numbers", data)
    assert result.capabilities.empty
    problem = errors(result)[0]
    assert words in problem.message
    assert problem.fix


def test_rows_past_the_limit_are_said_to_be_cut_as_for_an_xlsx():
    limits = ReadLimits(max_rows_per_sheet=6)
    result = read("long.numbers", one_sheet(long_rows()), limits)
    assert any("6" in p.message and "row" in p.message for p in result.problems)


def test_a_table_past_the_cells_read_is_cut_and_said(monkeypatch):
    monkeypatch.setattr(numbers_books, "MAX_CELLS", 30)
    result = read("long.numbers", one_sheet(long_rows()))
    cut = [p for p in errors(result) if "more than 30 cells" in p.message]
    assert cut
    assert "“Table 1”" in cut[0].message
    assert "“Sheet 1”" in cut[0].message


def test_the_upload_is_opened_in_a_temporary_folder_that_is_removed(monkeypatch, tmp_path):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    read("assessment.numbers", one_sheet(long_rows()))
    assert list(tmp_path.iterdir()) == []


def test_the_app_starts_without_loading_numbers_parser():
    code = (
        "import sys, components.ingest.reader, components.ingest.mapping;"
        "sys.exit('numbers_parser' in sys.modules)"
    )
    root = Path(__file__).resolve().parents[2]
    assert subprocess.run([sys.executable, "-c", code], cwd=root, check=False).returncode == 0


def test_a_hostile_index_zip_is_held_to_the_file_s_limits():
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(30):
            archive.writestr(f"Index/Tables/Tile-{number}.iwa", b"")
    package = io.BytesIO(one_sheet(long_rows()))
    with zipfile.ZipFile(package, "a") as archive:
        archive.writestr("Index.zip", inner.getvalue())
    data = package.getvalue()
    with pytest.raises(FileRejected) as refused:
        check_upload("nested.numbers", data, ReadLimits(max_zip_entries=len(_names(data)) + 10))
    assert refused.value.kind == "too_many_parts"
    assert check_upload("nested.numbers", data, DEFAULT_LIMITS) == "numbers"


def _names(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.namelist()


def _written(*cells: tuple[Any, str | None]) -> bytes:
    """One table with the values given in column A (each formatted in Numbers as the kind
    named), saved; an ``ErrorCell`` where the value is the string "error"."""
    doc = Document(num_rows=len(cells), num_cols=1, num_header_rows=0, num_header_cols=0)
    table = doc.sheets[0].tables[0]
    for row, (value, formatting) in enumerate(cells):
        if value == "error":
            # numbers-parser writes no formula; an error cell is what a failed one leaves.
            error = ErrorCell(row, 0)
            error._model, error._table_id = table._model, table._table_id
            table._data[row][0] = error
            continue
        table.write(row, 0, value)
        if formatting is not None:
            table.set_cell_formatting(row, 0, formatting)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "values.numbers"
        doc.save(path)
        return path.read_bytes()


# (case, the value and how Numbers formats it, what the sheet holds, its number format)
VALUES = [
    ("a whole number (Numbers keeps numbers as decimals)", (3, None), 3.0, None),
    ("a decimal", (2.5, None), 2.5, None),
    ("text", ("Kenya", None), "Kenya", None),
    ("text like a formula stays text", ("=1+1", None), "=1+1", None),
    ("a ticked box", (True, "tickbox"), True, None),
    (
        "a date",
        (datetime.datetime(2024, 3, 15), None),
        datetime.datetime(2024, 3, 15),
        "yyyy-mm-dd",
    ),
    (
        "a date and time",
        (datetime.datetime(2024, 3, 15, 9, 30), None),
        datetime.datetime(2024, 3, 15, 9, 30),
        "yyyy-mm-dd hh:mm",
    ),
    ("a percentage", (0.03, "percentage"), 0.03, "0%"),
    ("a duration, as Numbers shows it", (datetime.timedelta(hours=2), None), "2:00:00", None),
    ("an error", ("error", None), ErrorValue("#VALUE!"), None),
]


@pytest.mark.parametrize(
    ("written", "held", "number_format"), [v[1:] for v in VALUES], ids=[v[0] for v in VALUES]
)
def test_a_value_keeps_its_type(written, held, number_format):
    sheet = numbers_sheets(ReadContext("values.numbers", FW, DEFAULT_LIMITS), _written(written))[0]
    value = sheet.cells[0][0]
    assert (value, type(value)) == (held, type(held))
    assert sheet.number_formats.get((0, 0)) == number_format


def test_a_level_cell_showing_an_error_is_said_never_read_as_not_assessed():
    rows = [["Country", "Kenya"], ["Year", 2024], [], ["Capability", "Level"]]
    rows += [[FW.capability(n).title, n % 5] for n in range(1, 4)]
    data = _replace_error(one_sheet(rows), row=5, column=1)
    result = read("kenya.numbers", data)
    assert by_assessment(result) == {("Kenya", 2024, None): {1: 1, 3: 3}}
    problem = next(p for p in errors(result) if p.cell == "B6")
    assert "#VALUE!" in problem.message
    assert "could not be read" in problem.message


def _replace_error(data: bytes, row: int, column: int) -> bytes:
    """The file with one cell made an error cell, as a formula that failed leaves it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.numbers"
        path.write_bytes(data)
        doc = Document(path)
        table = doc.sheets[0].tables[0]
        error = ErrorCell(row, column)
        error._model, error._table_id = table._model, table._table_id
        table._data[row][column] = error
        out = Path(folder) / "out.numbers"
        doc.save(out)
        return out.read_bytes()


def _declared(rows: int) -> bytes:
    """A small table whose file declares ``rows`` rows (what a hostile file may claim): saved,
    then its table's row count changed in the saved messages alone."""
    with tempfile.TemporaryDirectory() as folder:
        path, out = Path(folder) / "small.numbers", Path(folder) / "declared.numbers"
        path.write_bytes(one_sheet([["Country", "Level"], ["Kenya", 3]]))
        model = _NumbersModel(path, None)
        table_id = model.table_ids(model.sheet_ids()[0])[0]
        model.number_of_rows(table_id, rows)
        model.save(out, package=False, password=None, hint="")
        return out.read_bytes()


def test_a_table_larger_than_numbers_allows_is_damaged_and_costs_nothing():
    started = time.perf_counter()
    result = read("huge.numbers", _declared(2_000_000))
    assert time.perf_counter() - started < 10
    assert result.capabilities.empty
    assert "Apple Numbers spreadsheet seems to be damaged" in errors(result)[0].message


def test_a_table_as_long_as_numbers_allows_is_cut_to_the_row_limit_before_it_is_read():
    # A million rows of two columns, cut to the 51 the limit reads before a cell is made (made
    # whole, they would take half a minute); the empty rows past the limit say nothing.
    started = time.perf_counter()
    result = read("long.numbers", _declared(1_000_000), ReadLimits(max_rows_per_sheet=50))
    assert time.perf_counter() - started < 10
    assert not any("damaged" in p.message or "not read" in p.message for p in result.problems)
