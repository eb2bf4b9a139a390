"""Which of two columns a header row names alike is the one meant."""

from __future__ import annotations

import pytest

from components.ingest.column_roles import asks_country
from components.ingest.header_choice import settled_fields
from tests.ingest.reader_support import TITLES, by_assessment, csv_bytes, read


@pytest.mark.parametrize(
    ("headers", "capability"),
    [
        (["Title", "Country", "Capability", "Current level"], 2),
        (["Item", "Country", "Indicator", "Level"], 2),
        # "Title" alone is the capability's column
        (["Title", "Country", "Level"], 0),
        # the word Capability first: kept
        (["Capability", "Title", "Level"], 0),
    ],
)
def test_the_capability_column_is_the_one_headed_so(headers, capability):
    found = {"capability": 0 if headers[0] in ("Title", "Item", "Capability") else None}
    assert settled_fields(tuple(headers), found, asks_country)["capability"] == capability


def test_a_sharepoint_list_is_read_by_its_capability_column():
    rows = [["Title", "Country", "Capability", "Current level", "Assessment year", "Modified"]]
    levels = {1: 1, 2: 3, 3: 0}
    for number, level in levels.items():
        title = TITLES[number]
        rows.append(
            [f"Kenya – {title}", "Kenya", f"{number}. {title}", level, 2024, "6/11/2024 6:10 AM"]
        )
    result = read("list.csv", csv_bytes(rows))
    assert by_assessment(result) == {("Kenya", 2024, None): levels}
    assert not any(p.severity == "error" for p in result.problems)
