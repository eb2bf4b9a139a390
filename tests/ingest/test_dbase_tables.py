"""A dBase, FoxPro or Clipper table (.dbf) is read as a sheet whose first row is its field
names, as Excel and LibreOffice open it: every table shape the reader reads in an .xlsx it
reads in one, as dBase III, FoxPro, Visual FoxPro and dBase 7 write it; blanks and nulls are
not assessed (never 0); deleted records are left out; text is read in the code page the
header names, or, when it names none, the one its letters fit (said); a table without
records, cut short or encrypted is refused saying so.

Each table is written byte by byte as those programs write it (``old_support.dbf``).
"""

from __future__ import annotations

import datetime
import struct
import time
from typing import Any

import pytest

from components.ingest.dbase_tables import dbase_sheet, is_dbase
from components.ingest.file_guard import check_upload
from components.ingest.limits import DEFAULT_LIMITS, ReadLimits
from components.ingest.refusals import FileRejected
from tests.ingest.old_support import Field, dbf
from tests.ingest.reader_support import TITLES, by_assessment, read

ALL = range(1, 22)
CAPS = [Field(f"CAP{n:02d}", "N", 1) for n in ALL]


def _encrypted(table: bytes) -> bytes:
    """The table as dBase IV marks an encrypted one (its 16th byte)."""
    return table[:15] + b"\x01" + table[16:]


def _levels(shift: int, missing: tuple[int, ...] = ()) -> dict[int, int]:
    return {n: (n + shift) % 5 for n in ALL if n not in missing}


# (what the table is, its bytes, its file name, what a careful person reads in it)
TABLES: list[tuple[str, bytes, str, dict[tuple, dict[int, int]]]] = [
    (
        "a statistics office's dBase III table, blanks not assessed",
        dbf(
            [Field("COUNTRY", "C", 40), Field("ISO3", "C", 3), Field("YEAR", "N", 4), *CAPS],
            [
                ["Elbonia", "XEL", 2023, *[None if n in (4, 9) else n % 5 for n in ALL]],
                ["Freedonia", "XFR", 2023, *[(n + 1) % 5 for n in ALL]],
            ],
        ),
        "mnr.dbf",
        {("Elbonia", 2023, None): _levels(0, (4, 9)), ("Freedonia", 2023, None): _levels(1)},
    ),
    (
        "a FoxPro 2 long table, its country and year in the file name",
        dbf(
            [Field("NUM", "N", 2), Field("CAPABILITY", "C", 60), Field("LEVEL", "N", 1)],
            [[n, TITLES[n], n % 5] for n in ALL],
            version=0xF5,
        ),
        "mnr_elbonia_2022.dbf",
        {("Elbonia", 2022, None): _levels(0)},
    ),
    (
        "a Visual FoxPro table: levels as N(3,1) ('2.0'), Spanish field names",
        dbf(
            [
                Field("PAIS", "C", 30),
                Field("ANIO", "N", 4),
                *[Field(f"C{n}", "N", 3, 1) for n in ALL],
            ],
            [["Elbonia", 2024, *[float(n % 5) for n in ALL]]],
            version=0x30,
            language=0x03,
        ),
        "export.dbf",
        {("Elbonia", 2024, None): _levels(0)},
    ),
    (
        "Visual FoxPro integers, nullable: a null is not assessed, never 0",
        dbf(
            [
                Field("COUNTRY", "C", 20),
                Field("YEAR", "I", 4),
                *[Field(f"CAP{n}", "I", 4, nullable=True) for n in ALL],
            ],
            [["Elbonia", 2021, *[None if n == 3 else n % 5 for n in ALL]]],
            version=0x30,
            language=0x03,
        ),
        "vfp.dbf",
        {("Elbonia", 2021, None): _levels(0, (3,))},
    ),
    (
        "a dBase 7 table of integers (its 48-byte field descriptors)",
        dbf(
            [
                Field("COUNTRY", "C", 20),
                Field("YEAR", "I", 4),
                *[Field(f"CAP{n}", "I", 4) for n in ALL],
            ],
            [["Elbonia", 2020, *[None if n == 5 else n % 5 for n in ALL]]],
            version=0x04,
            language=0x00,
        ),
        "dbase7.dbf",
        {("Elbonia", 2020, None): _levels(0, (5,))},
    ),
    (
        "a date field, a logical one and a Clipper text of 300 characters",
        dbf(
            [
                Field("COUNTRY", "C", 20),
                Field("DATE", "D", 8),
                Field("FINAL", "L", 1),
                Field("CAPABILITY", "N", 2),
                Field("LEVEL", "N", 1),
                Field("EVIDENCE", "C", 300),
            ],
            [["Elbonia", datetime.date(2023, 6, 30), True, n, n % 5, "Plan " * 60] for n in ALL],
        ),
        "long.dbf",
        {("Elbonia", 2023, None): _levels(0)},
    ),
    (
        "a record marked deleted is left out, as dBase leaves it out",
        dbf(
            [Field("COUNTRY", "C", 20), Field("YEAR", "N", 4), *CAPS],
            [
                ["Elbonia", 2023, *[n % 5 for n in ALL]],
                ["Freedonia", 2023, *[(n + 1) % 5 for n in ALL]],
            ],
            deleted=frozenset({1}),
        ),
        "deleted.dbf",
        {("Elbonia", 2023, None): _levels(0)},
    ),
]


@pytest.mark.parametrize(("what", "data", "name", "expected"), TABLES, ids=[t[0] for t in TABLES])
def test_a_dbase_table_is_read_as_excel_opens_it(what, data, name, expected):
    assert check_upload(name, data) == "dbf"
    result = read(name, data)
    assert result.opened, what
    assert by_assessment(result) == expected
    assert not [p for p in result.problems if p.severity == "error"]


def test_deleted_records_and_memo_fields_are_said():
    data = dbf(
        [Field("COUNTRY", "C", 20), Field("YEAR", "N", 4), Field("NOTES", "M", 10), *CAPS],
        [
            ["Elbonia", 2023, "12", *[n % 5 for n in ALL]],
            ["Freedonia", 2023, "13", *[n % 5 for n in ALL]],
        ],
        version=0x83,
        deleted=frozenset({1}),
    )
    said = [p.message for p in read("memo.dbf", data).problems]
    assert any("1 record(s) of the table are marked as deleted" in m for m in said)
    assert any("“NOTES”" in m and "separate memo file" in m for m in said)


@pytest.mark.parametrize(
    ("language", "encoding", "country", "said"),
    [
        (0x02, "cp850", "Perú", None),  # DOS code page 850, as Clipper writes it
        (0x01, "cp437", "Côte d'Ivoire", None),
        (0x03, "cp1252", "México", None),
        (0xC9, "cp1251", "Кыргызстан", None),
        (0x00, "cp1252", "Perú", "Windows-1252"),  # no code page named: guessed, and said
        (0x57, "cp1251", "Кыргызстан", "Windows-1251"),  # "the writer's Windows": guessed
        (0x00, "utf-8", "São Tomé and Príncipe", "UTF-8"),
    ],
)
def test_text_is_read_in_the_code_page_named_or_else_the_one_it_fits(
    language: int, encoding: str, country: str, said: str | None
):
    data = dbf(
        [Field("PAIS", "C", 30), Field("ANO", "N", 4), *CAPS],
        [[country, 2022, *[n % 5 for n in ALL]]],
        language=language,
        encoding=encoding,
    )
    sheet, warnings = dbase_sheet(data, DEFAULT_LIMITS)
    assert sheet.cells[1][0] == country
    if said is None:
        assert warnings == []
    else:
        [(message, fix)] = warnings
        assert "does not say which code page" in message
        assert said in message
        assert ".xlsx" in fix


def test_a_null_date_a_blank_logical_and_an_overflow_are_no_values():
    data = dbf(
        [Field("ON", "D", 8), Field("OK", "L", 1), Field("LEVEL", "N", 2)],
        [[None, None, None]],
    )
    data = data.replace(b"  \x1a", b"**\x1a")  # a number too wide for its field: "**"
    sheet, _ = dbase_sheet(data, DEFAULT_LIMITS)
    assert sheet.cells.get(1) == {2: "**"}


# --------------------------------------------------------------------------------------------
# Refused, and what a hostile table costs


@pytest.mark.parametrize(
    ("data", "kind", "words"),
    [
        (dbf([Field("COUNTRY", "C", 30), *CAPS], []), "no_sheets", "no records"),
        (
            dbf(
                [Field("COUNTRY", "C", 30), *CAPS], [["Elbonia", *[1] * 21]], deleted=frozenset({0})
            ),
            "no_sheets",
            "no records",
        ),
        (
            dbf([Field("COUNTRY", "C", 30), *CAPS], [["Elbonia", *[1] * 21]], count=500),
            "damaged",
            "counts 500 records, but the file holds only 1",
        ),
        (
            _encrypted(dbf([Field("C", "C", 5)], [["x"]], version=0x03)),
            "encrypted",
            "encrypted",
        ),
    ],
    ids=["no records", "all deleted", "cut short", "encrypted"],
)
def test_a_table_that_cannot_be_read_is_refused_saying_why(data: bytes, kind: str, words: str):
    with pytest.raises(FileRejected) as refused:
        check_upload("table.dbf", data)
    assert refused.value.kind == kind
    assert words in refused.value.message
    assert refused.value.fix
    result = read("table.dbf", data)
    assert not result.opened
    assert result.capabilities.empty


@pytest.mark.parametrize(
    "data",
    [
        b"\x03" + bytes(range(256)) * 4,
        b"\x03\x7c\x05\x11" + b"\x00" * 60,
        b"\x30 not a table at all, though it starts with the byte Visual FoxPro writes",
    ],
)
def test_other_bytes_that_start_as_a_table_are_not_taken_for_one(data: bytes):
    assert not is_dbase(data)


def test_a_long_table_costs_only_the_rows_read_and_the_cut_is_said():
    fields = [
        Field("COUNTRY", "C", 10),
        Field("YEAR", "N", 4),
        Field("NUM", "N", 2),
        Field("LEVEL", "N", 1),
    ]
    records: list[list[Any]] = [
        [f"C{number}", 2000 + number % 20, number % 21 + 1, number % 5] for number in range(60000)
    ]
    data = dbf(fields, records)
    started = time.perf_counter()
    sheet, _ = dbase_sheet(data, ReadLimits(max_rows_per_sheet=100))
    assert time.perf_counter() - started < 1
    assert max(sheet.cells) == 100  # the first row past the limit, kept to say the cut


def test_a_million_deleted_records_cost_nothing_each():
    table = dbf([Field("COUNTRY", "C", 1)], [["E"]])
    header_length = struct.unpack_from("<H", table, 8)[0]
    count = 1_000_001
    data = bytearray(table[:header_length]) + b"*x" * (count - 1) + b" E\x1a"
    struct.pack_into("<I", data, 4, count)
    started = time.perf_counter()
    assert check_upload("deleted.dbf", bytes(data)) == "dbf"
    sheet, warnings = dbase_sheet(bytes(data), DEFAULT_LIMITS)
    assert time.perf_counter() - started < 1
    assert sheet.cells[1] == {0: "E"}
    assert "1,000,000 record(s) of the table are marked as deleted" in warnings[0][0]
