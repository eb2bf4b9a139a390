"""A table whose first row is data (a database dump): said, with the headings to add."""

from __future__ import annotations

import pytest

from tests.ingest.reader_support import by_assessment, csv_bytes, read, xlsx

ROWS = [
    [country, iso3, 2023, n, (n + k) % 5]
    for k, (country, iso3) in enumerate([("Kenya", "KEN"), ("Sénégal", "SEN")])
    for n in range(1, 22)
]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("dump.csv", csv_bytes(ROWS)),
        ("dump.csv", csv_bytes(ROWS, sep=";")),
        ("dump.xlsx", xlsx({"Export": ROWS})),
        ("titles.csv", csv_bytes([[c, y, f"Capability {n}", lv] for c, _, y, n, lv in ROWS])),
    ],
)
def test_a_first_row_of_data_is_said_with_the_headings_to_add(name, data):
    result = read(name, data)
    assert by_assessment(result) == {}
    said = [p for p in result.problems if "not column headings" in p.message]
    assert len(said) == 1
    assert "Country, ISO3, Year, Capability and Level" in said[0].message
    assert said[0].message.count("“") >= 3  # the first row's values quoted


def test_with_its_headings_the_same_table_is_read():
    rows = [["Country", "ISO3", "Year", "Capability", "Level"], *ROWS]
    result = read("dump.csv", csv_bytes(rows))
    assert set(by_assessment(result)) == {("Kenya", 2023, None), ("Sénégal", 2023, None)}
    assert not [p for p in result.problems if "not column headings" in p.message]


def test_a_sheet_of_text_only_is_not_taken_for_a_headerless_table():
    result = read("notes.csv", csv_bytes([["Some note", "more"], ["Other", "text"]]))
    assert not [p for p in result.problems if "not column headings" in p.message]
