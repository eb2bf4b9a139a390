"""A country cell's text read once per distinct text (components/ingest/country_texts.py):
the same reading as the cell's text on its own gives, and the reader's messages about it
(which name the cell) still said in each read."""

from __future__ import annotations

import pytest

from components.ingest.country_texts import country_line, country_text
from tests.ingest.reader_support import TITLES, by_assessment, read, xlsx


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("  Kenya \n Republic ", ("Kenya Republic", None, False, False)),
        ("   ", (None, None, False, False)),  # blank: no text
        ("#N/A", ("#N/A", "#N/A", False, False)),
        ("??????", ("??????", None, True, True)),
        ("Vi?t Nam", ("Vi?t Nam", None, True, False)),
        ("114377001", ("114377001", None, False, True)),
    ],
)
def test_a_country_text_reads_as_its_one_line_would(value, expected):
    assert country_text(value) == expected
    assert country_text(value) == expected  # kept: the same again
    line = " ".join(value.split()) or None
    assert country_line(line) == expected


def _long(country: str) -> bytes:
    rows = [["Country", "Year", "Capability", "Level"]]
    rows += [[country, 2024, TITLES[n], n % 5] for n in range(1, 22)]
    return xlsx({"Data": rows})


@pytest.mark.parametrize("country", ["#N/A", "114377001"])
def test_what_is_said_of_a_country_cell_is_said_in_every_read(country):
    first, second = (read("long.xlsx", _long(country)) for _ in range(2))
    assert by_assessment(first) == by_assessment(second) == {}
    said = [p.message for p in first.problems if p.cell == "A2"]
    assert said
    assert said == [p.message for p in second.problems if p.cell == "A2"]


def test_a_country_read_twice_reads_the_same():
    first, second = (read("long.xlsx", _long("Kenya")) for _ in range(2))
    assert by_assessment(first) == by_assessment(second)
    assert {key[0] for key in by_assessment(first)} == {"Kenya"}
