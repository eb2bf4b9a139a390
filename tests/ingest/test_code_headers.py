"""A header written as a country's ISO3 code in capitals (components/ingest/code_headers.py)."""

from __future__ import annotations

from typing import Any

import pytest

from components.ingest.matching import classify_header
from tests.ingest.reader_support import TITLES, by_assessment, read, xlsx


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("NAM", None),  # Namibia's code, though Vietnamese "Năm" (year) reads "nam"
        ("Năm", "year"),
        ("nam", "year"),  # in small letters a word, not a code
        ("NIVEAU", "level"),  # capitals that are no code stay a header word
        ("ANNÉE", "year"),
        ("ISO3", "iso3"),
    ],
)
def test_a_code_in_capitals_is_no_header_word(header: str, field: Any) -> None:
    assert classify_header(header) == field


def test_a_table_of_countries_by_their_codes_reads_each() -> None:
    rows: list[list[Any]] = [["No.", "Capability", "KEN", "NAM", "TUR"]]
    rows += [[n, TITLES[n], n % 5, 4 - n % 5, 2] for n in range(1, 22)]
    result = read("codes.xlsx", xlsx({"Data": rows}))
    assert {country for country, _, _ in by_assessment(result)} == {"Kenya", "Namibia", "Türkiye"}
