"""Column headers cut short as a database's field names are ("LAWENFORCE", "E2ESUPPORT") are
read as the capability their letters shorten when the columns follow the framework's order
and the place leaves no doubt; said in one warning. Out of order, in a gap holding another
column, or a name that shortens no title: nothing is placed, and the headers are reported as
before. Tables are written as dBase and SPSS exports write them (a row per country)."""

from __future__ import annotations

from typing import Any

import pytest

from components.ingest.short_headers import shortens
from tests.ingest.old_support import Field, dbf
from tests.ingest.reader_support import TITLES, by_assessment, read, xlsx

ALL = range(1, 22)
# Epi Info's export (dBase: 10 characters), and SPSS's (8 characters)
DBASE = [
    *("LEADERSHIP", "RESEARCH", "LEGISLATN", "LAWENFORCE", "JUDICIARY", "OFFENDMGMT"),
    *("IMAGEDB", "E2ESUPPORT", "CPWORKFORC", "COMPENSATN", "HELPLINE", "HOTLINE"),
    *("EDUCATION", "CHILDPART", "OFFSUPPORT", "TAKEDOWN", "REPORTING", "INNOVATION"),
    *("CSR", "MEDIA", "TERMINOLGY"),
]
SPSS = [
    *("LEADERSH", "RESEARCH", "LEGISLAT", "LAWENFOR", "JUDICIAR", "OFFMGMT", "IMAGEDB"),
    *("E2ESUPP", "CPWORKF", "COMPENS", "HELPLINE", "HOTLINE", "EDUCATN", "CHILDPRT"),
    *("OFFSUPP", "TAKEDOWN", "REPORTNG", "INNOVATN", "CSR", "MEDIA", "TERMINOL"),
]
LEVELS = {"Elbonia": {n: n % 5 for n in ALL}, "Freedonia": {n: (n * 3) % 5 for n in ALL}}


def _rows(header: list[str], numbers: list[int | None] | None = None) -> list[list[Any]]:
    """A row per country under ``header``; each column holds the level of the capability
    ``numbers`` gives it (1 to 21 in order by default; None: a remark)."""
    numbers = list(ALL) if numbers is None else numbers
    rows: list[list[Any]] = [["COUNTRY", "YEAR", *header]]
    for country, levels in LEVELS.items():
        rows.append([country, 2024, *[levels[n] if n else "see notes" for n in numbers]])
    return rows


def _table(header: list[str]) -> bytes:
    fields = [Field("COUNTRY", "C", 20), Field("YEAR", "N", 4), *[Field(h, "N", 1) for h in header]]
    return dbf(fields, _rows(header)[1:])


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("epi_info.dbf", lambda: _table(DBASE)),
        ("spss.dbf", lambda: _table(SPSS)),
        ("spss.xlsx", lambda: xlsx({"Data": _rows(SPSS)})),
        ("lower case.xlsx", lambda: xlsx({"Data": _rows([h.lower() for h in DBASE])})),
    ],
)
def test_field_names_in_the_framework_s_order_are_read_as_their_capabilities(name, data):
    result = read(name, data())
    assert by_assessment(result) == {(c, 2024, None): levels for c, levels in LEVELS.items()}
    assert not [p for p in result.problems if p.severity == "error"]
    [said] = [p for p in result.problems if "shorten" in p.message]
    assert "as capability" in said.message
    assert "full title" in said.fix


def test_a_regional_matrix_headed_by_titles_cut_short_in_words_is_read_whole():
    short = ["Leadership", "Research", "Legislation", "LE unit", "Judiciary", "Offender mgmt"]
    short += ["Image DB", "E2E support", "CP workforce", "Compensation", "Helpline", "Hotline"]
    short += ["Education", "Child particip.", "Offender support", "NTD", "Reporting"]
    short += ["Innovation", "CSR", "Media", "Terminology"]
    result = read("matrix.xlsx", xlsx({"Data": _rows(short)}))
    unread = {4}  # "LE unit": no letters of "Dedicated Law Enforcement" past "le"
    assert by_assessment(result) == {
        (c, 2024, None): {n: level for n, level in levels.items() if n not in unread}
        for c, levels in LEVELS.items()
    }
    [said] = [p for p in result.problems if "shorten" in p.message]
    assert "“Offender mgmt” as capability 6, “Image DB” as 7" in said.message
    assert "“Child particip.” as 14" in said.message


def test_one_column_placed_is_said_in_the_singular():
    header = [TITLES[n] for n in ALL]
    header[3] = "LAWENFORCE"
    result = read("one.xlsx", xlsx({"Data": _rows(header)}))
    [said] = [p for p in result.problems if "shorten" in p.message]
    assert said.message.startswith("1 column heading shortens")
    assert "“LAWENFORCE” as capability 4" in said.message
    assert said.cell == "F1"


SHIFTED = [*range(11, 22), *range(1, 11)]


@pytest.mark.parametrize(
    ("what", "header", "numbers", "unread"),
    [
        (
            "the columns out of the framework's order",
            [DBASE[n - 1] for n in SHIFTED],
            SHIFTED,
            {4, 6, 7, 8, 9, 10, 14, 15, 17, 18, 21},
        ),
        (
            "another column in the gap where capability 4 is missing",
            [*DBASE[:3], "BUDGET", *DBASE[3:]],
            [1, 2, 3, None, *range(4, 22)],
            {4},
        ),
        (
            "a name that shortens no title where capability 4 is missing",
            [*DBASE[:3], "BUDGET", *DBASE[4:]],
            list(ALL),
            {4},
        ),
    ],
)
def test_nothing_is_placed_where_the_order_or_the_name_leaves_doubt(what, header, numbers, unread):
    result = read("doubt.xlsx", xlsx({"Data": _rows(header, numbers)}))
    found = by_assessment(result)[("Elbonia", 2024, None)]
    assert set(ALL) - set(found) == unread, what
    assert all(found[n] == n % 5 for n in found)
    said = " ".join(p.message for p in result.problems)
    assert "not a capability or a known column" in said


def test_too_few_known_columns_place_nothing():
    header = ["LEADERSHIP", "LAWENFORCE", "OFFENDMGMT", "IMAGEDB"]
    rows = [["COUNTRY", "YEAR", *header], ["Elbonia", 2024, 1, 2, 3, 4]]
    result = read("few.xlsx", xlsx({"Data": rows}))
    assert not any("shorten" in p.message for p in result.problems)


@pytest.mark.parametrize(
    ("value", "title", "expected"),
    [
        ("LAWENFORCE", "Dedicated Law Enforcement", True),
        ("E2ESUPPORT", "End to End Support", True),
        ("CPWORKFORC", "Child Protection Workforce", True),
        ("IMAGEDB", "Access to Image Databases", True),
        ("csr", "Corporate Social Responsibility", True),
        ("TERMINOLGY", "Universal Terminology", True),
        ("INNOVATN", "Innovative Solution Development", True),
        ("off_supp", "Offender Support Systems", True),
        ("REMARKS", "Universal Terminology", False),  # "r" starts no word of the title
        ("NOTES", "Child Participation", False),
        ("TOTAL", "Universal Terminology", False),  # letters out of the title's order
        # A few words cut short, as a regional office heads its matrix.
        ("Law enforcement", "Dedicated Law Enforcement", True),
        ("Offender mgmt", "Offender Management Process", True),
        ("Child particip.", "Child Participation", True),
        ("E2E support", "End to End Support", True),
        ("LE unit", "Dedicated Law Enforcement", False),  # "unit": no letters of the title
        ("see the notes", "Child Participation", False),
        ("a b c d e f", "Child Participation", False),  # more words than a short name has
        # Each word starts a later word of the title, or the heading is something else.
        ("Comms plan", "Compensation, Remedies and Complaints Arrangements", False),
        ("Law no.", "Dedicated Law Enforcement", False),
        ("Child action", "Child Participation", False),
        ("LE", "Leadership", False),  # too short to tell
        (4, "Dedicated Law Enforcement", False),
    ],
)
def test_a_field_name_shortens_a_title_when_it_keeps_its_letters_in_order(value, title, expected):
    assert shortens(value, title) is expected
