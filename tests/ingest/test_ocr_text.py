"""Headers and years as OCR reads a scan ("Capabi|ity", "Leve1", "2O23") are read as they show;
a capability's number OCR garbled ("l9") gives way to the clear title beside it."""

from __future__ import annotations

from typing import Any

import pytest

from components.ingest.ocr_text import ocr_header, ocr_year_note, ocr_years
from tests.ingest.reader_support import (
    TITLES,
    assert_problem,
    by_assessment,
    csv_bytes,
    errors,
    read,
    xlsx,
)

LEVELS = {n: (n * 2) % 5 for n in range(1, 22)}


@pytest.mark.parametrize(
    ("text", "header"),
    [
        ("Capabi|ity", "Capability"),
        ("Capabi1ity", "Capability"),
        ("CapabiIity", "Capability"),
        ("CAPABIL1TY", "CAPABILITY"),
        ("Leve1", "Level"),
        ("Leve|", "Level"),
        ("LEVE1", "LEVEl"),  # read as the header "level" (headers are read in any case)
        ("C0untry", "Country"),
        ("Capacit|e", None),  # no header of the vocabulary once read so ("Capacitle")
        ("Level", None),  # a header as written: nothing to read otherwise
        ("Level 1", None),  # a digit standing alone is no letter
        ("C1", None),
        ("Leve1 3", None),  # a level written "Level 3" is no header
        ("Chi1d Help1ine", None),  # a title, not a header
    ],
)
def test_ocr_header(text, header):
    assert ocr_header(text) == header


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        ("Mongolia 2O23", "Mongolia 2023"),
        ("MNR self-assessment 2Ol9", "MNR self-assessment 2019"),
        ("Report 2OO5", "Report 2005"),
        ("Mongolia 2023 (2O24 draft)", "Mongolia 2023 (2O24 draft)"),  # a year in digits is there
        ("lOlO", "lOlO"),  # no digit: a word
        ("O2O3", "O2O3"),  # no year once read
        ("2O23a", "2O23a"),  # part of a word
        ("Mongolia", "Mongolia"),
    ],
)
def test_ocr_years(text, read_as):
    assert ocr_years(text) == read_as


def test_ocr_year_note_quotes_the_year_as_written():
    assert "“2O23”" in ocr_year_note("MONGOLIA - NATlONAL REPORT 2O23", 2023)
    assert ocr_year_note("Mongolia 2023", 2023) == ""
    assert ocr_year_note("", 2023) == ""


def _scan(header: list[str], title: str, numbers: dict[int, Any]) -> list[list[Any]]:
    rows = [[title, None, None], header]
    return rows + [[numbers.get(n, n), TITLES[n], LEVELS[n]] for n in LEVELS]


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
@pytest.mark.parametrize(
    ("header", "title", "year"),
    [
        (["No", "Capabi1ity", "Leve1"], "MONGOLIA - MODEL NATlONAL RESPONSE 2O23", 2023),
        (["No.", "Capabi|ity", "Leve|"], "Mongolia - MNR assessment 2O24", 2024),
        (["NO", "CAPABIL1TY", "LEVE1"], "Mongolia – Self-assessment 2Ol9", 2019),
    ],
)
def test_a_scanned_table_is_read_through_its_ocr_slips(header, title, year, kind):
    numbers = {11: "ll", 19: "l9", 7: "O7"}  # numbers OCR garbled beside clear titles
    rows = _scan(header, title, numbers)
    data = xlsx({"Page 1": rows}) if kind == "xlsx" else csv_bytes(rows)
    result = read(f"mongolia.{kind}", data)
    assert by_assessment(result) == {(title.split()[0], year, None): LEVELS}
    assert not errors(result)
    assert_problem(result, "warning", "A1", "with a letter for a digit, as OCR reads")
    assert_problem(result, "warning", "A13", "“ll” does not name a capability; the row was taken")
    assert_problem(result, "warning", "A21", "“l9” does not name a capability")


def test_a_garbled_number_with_no_title_beside_it_is_still_refused():
    rows = [["Country", "Mongolia"], ["Year", 2023], ["No.", "Level"]]
    rows += [["l9" if n == 19 else n, LEVELS[n]] for n in LEVELS]
    result = read("mongolia.xlsx", xlsx({"Page 1": rows}))
    assert 19 not in by_assessment(result)[("Mongolia", 2023, None)]
    assert_problem(result, "error", "A22", "“l9” is not a capability")
