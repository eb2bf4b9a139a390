"""The mapping step's preview: a sheet's first rows as the person typed them."""

import datetime

from components.ingest.mapping import preview_sheets
from tests.ingest.reader_support import FW, xlsx


def test_the_preview_shows_numbers_and_dates_as_typed():
    rows = [
        ["Country", "Year", "Date", "Capability", "Level"],
        ["Kenya", 2023, datetime.datetime(2023, 5, 2), "Leadership", 3.0],
    ]
    (preview,) = preview_sheets("kenya.xlsx", xlsx({"Data": rows}), FW)
    assert preview.rows[1] == ("Kenya", "2023", "2023-05-02", "Leadership", "3")


def test_an_empty_workbook_has_nothing_to_preview():
    assert preview_sheets("empty.xlsx", xlsx({"Sheet": []}), FW) == []
