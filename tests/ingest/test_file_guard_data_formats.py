"""Text files that are no table: JSON (an online form's export) and an Excel web query (.iqy)."""

from __future__ import annotations

import json

import pytest

from components.ingest.file_guard import check_upload
from components.ingest.refusals import FileRejected
from tests.ingest.reader_support import csv_bytes, read

KOBO = [{"_id": 1, "country": "Kenya", "year": 2023, "cap_01": 3}]
IQY = (
    "WEB\r\n1\r\nhttps://ministry.sharepoint.com/sites/mnr/_vti_bin/owssvr.dll?XMLDATA=1"
    "&List={1234}\r\n\r\nSelection={1234}\r\n"
)


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("kobo.json", json.dumps(KOBO).encode(), ("JSON", "XLSX", "CSV")),
        ("kobo.json", json.dumps(KOBO, indent=2).encode("utf-8-sig"), ("JSON",)),
        ("export.csv", json.dumps({"results": KOBO}).encode(), ("JSON",)),
        ("export.txt", b"[1, 2, 3]", ("JSON",)),
        ("broken.json", b'{"_id": 1, "country": "Ken', ("JSON",)),
        ("query.iqy", IQY.encode(), ("web query", "open it in Excel", ".xlsx")),
        ("query.txt", IQY.replace("\r\n", "\n").lower().encode(), ("web query",)),
    ],
)
def test_json_and_web_queries_are_refused_with_what_to_do(name, data, words):
    with pytest.raises(FileRejected) as caught:
        check_upload(name, data)
    assert caught.value.kind == "not_spreadsheet"
    text = f"{caught.value.message} {caught.value.fix}".lower()
    for word in words:
        assert word.lower() in text


@pytest.mark.parametrize(
    "rows",
    [
        [["[Country]", "[Year]", "Capability", "Level"], ["Kenya", 2023, 1, 3]],
        [["{draft}", "Year", "Capability", "Level"], ["Kenya", 2023, 1, 3]],
        [["WEB", "Year"], ["Kenya", 2023]],
    ],
)
def test_a_table_starting_with_a_bracket_or_web_is_still_a_table(rows):
    assert check_upload("table.csv", csv_bytes(rows)) == "csv"


def test_the_reader_reports_a_json_file_as_one_error():
    result = read("kobo.json", json.dumps(KOBO).encode())
    assert [p.severity for p in result.problems] == ["error"]
    assert "JSON" in result.problems[0].message
