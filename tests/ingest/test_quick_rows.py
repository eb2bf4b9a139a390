"""The quick path (each distinct value read once, clean tables taken at once) reads exactly what
the row-by-row path reads: the same assessments, levels and problems, in the same order."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from io import BytesIO
from typing import Any

import pandas as pd
import pytest
from openpyxl import Workbook

from components.ingest.mapping import Mapping
from components.ingest.quick_rows import QuickRows
from components.ingest.reader import read_assessment_file
from tests.ingest.reader_support import FW

HEADER = ("Country", "Year", "Capability", "Level", "Evidence", "Confidence")
TITLES = [c.title for c in FW.capabilities]


def _clean(countries: int = 3) -> list[tuple[Any, ...]]:
    return [
        (f"Country {c}", 2020 + c % 2, title, (c + n) % 5, None, None)
        for c in range(countries)
        for n, title in enumerate(TITLES)
    ]


CASES: dict[str, list[tuple[Any, ...]]] = {
    "clean": _clean(),
    "clean with evidence and confidence": [
        (*row[:4], f"note {i % 3}", ("low", "Medium", "high")[i % 3])
        for i, row in enumerate(_clean())
    ],
    "blank levels, spacer rows and a total row": [
        *[(*row[:3], None if i % 6 == 0 else row[3], None, None) for i, row in enumerate(_clean())],
        (None, None, None, None, None, None),
        ("Total", None, None, 42, None, None),
    ],
    "a capability twice for one assessment": [*_clean(1), ("Country 0", 2020, TITLES[3], 1)],
    "a true/false cell beside 1 and 1.0": [
        ("Country 0", 2020, TITLES[0], 1),
        ("Country 0", 2020, TITLES[1], 1.0),
        ("Country 0", 2020, TITLES[2], True),
        ("Country 1", 2020, TITLES[0], True),
        ("Country 1", 2020, TITLES[1], 1),
    ],
    "two spellings of one country": [
        ("Elbonia", 2020, TITLES[0], 1),
        ("elbonia ", 2020, TITLES[0], 2),
        ("Elbonia", 2020, TITLES[1], 3),
    ],
    "a row without country, then more rows": [
        ("Freedonia", 2021, TITLES[0], 2),
        (None, 2021, TITLES[1], 3),
        ("Freedonia", 2021, TITLES[2], 1),
    ],
    "typos, unknown labels, bad levels and odd dates": [
        ("Zembla", "March 2022", "Leadersip", 2),
        ("Zembla", "March 2022", "Capability 99", 1),
        ("Zembla", "March 2022", TITLES[2], "seven"),
        ("Zembla", "March 2022", TITLES[3], "2 - Developing"),
        ("Zembla", datetime.date(2022, 3, 1), TITLES[4], 2),
        ("Zembla", "March 2022", TITLES[5], "2-3"),
        ("Zembla", "March 2022", "Average", 2),
        ("Zembla", "March 2022", TITLES[6], 3),
    ],
    "enablers by code among capabilities": [
        ("Quentra", 2023, TITLES[0], 2),
        ("Quentra", 2023, "E3", 1),
        ("Quentra", 2023, TITLES[1], 4),
    ],
}


def _workbook(rows: list[tuple[Any, ...]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Data"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(list(row))
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _every_row(self: QuickRows, first: int, last: int) -> Iterator[int]:
    """The row-by-row path for every row: what the quick path must equal."""
    yield from (row for row in range(first, last) if self.sheet.rows[row])


# A label the person mapped to capability 2 in the mapping step, beside capability 2's title.
MAPPED = Mapping(labels={"lead agency": 2, "not ours": None})
CASES["a mapped label naming a capability given by title too"] = [
    ("Ostravia", 2022, TITLES[0], 3),
    ("Ostravia", 2022, "Lead agency", 2),
    ("Ostravia", 2022, "Not ours", 4),
    ("Ostravia", 2022, TITLES[1], 1),
]
CASES["a mapped label, clean"] = [
    ("Ostravia", 2022, TITLES[0], 3),
    ("Ostravia", 2022, "Lead agency", 2),
    ("Ostravia", 2022, "Not ours", 4),
]


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_quick_path_reads_what_row_by_row_reads(case, monkeypatch):
    data = _workbook(CASES[case])
    quick = read_assessment_file("table.xlsx", data, FW, mapping=MAPPED)
    monkeypatch.setattr(QuickRows, "slow_rows", _every_row)
    slow = read_assessment_file("table.xlsx", data, FW, mapping=MAPPED)
    assert quick.problems == slow.problems
    pd.testing.assert_frame_equal(quick.capabilities, slow.capabilities)
    pd.testing.assert_frame_equal(quick.enablers, slow.enablers)
    assert quick.unmatched_labels == slow.unmatched_labels


def test_a_true_cell_is_never_read_as_level_1():
    result = read_assessment_file("table.xlsx", _workbook(CASES[_bool_case()]), FW)
    levels = {
        (row.country, int(row.capability)): (None if pd.isna(row.level) else int(row.level))
        for row in result.capabilities.itertuples()
        if row.capability <= 3
    }
    assert levels == {
        ("Country 0", 1): 1,
        ("Country 0", 2): 1,
        ("Country 0", 3): None,
        ("Country 1", 1): None,
        ("Country 1", 2): 1,
        ("Country 1", 3): None,
    }
    cells = sorted(p.cell for p in result.problems if "not a level" in p.message)
    assert cells == ["D4", "D5"]


def _bool_case() -> str:
    return "a true/false cell beside 1 and 1.0"


def test_a_mapped_label_and_a_title_for_one_capability_are_a_duplicate():
    rows = CASES["a mapped label naming a capability given by title too"]
    result = read_assessment_file("table.xlsx", _workbook(rows), FW, mapping=MAPPED)
    levels = result.capabilities.set_index("capability")["level"]
    assert int(levels[1]) == 3
    assert 2 not in levels.dropna().index  # two levels for capability 2: neither is kept...
    assert [p.cell for p in result.problems if "appears twice" in p.message] == ["D3, D5"]


def test_tables_stacked_under_their_own_titles_keep_their_own_country_on_every_read():
    """Each table's rows take the country of the title above it, on every read. The rows'
    metadata are memoised by their table's defaults: a read that let one table's defaults be
    freed while the memo still held their id gave the next table's rows (defaults made at
    the same address) the first table's country, about one read in five."""
    from tests.ingest.reader_support import TITLES, by_assessment, xlsx

    rows: list[list[Any]] = []
    for country, shift in [("Kenya", 0), ("Uganda", 1)]:
        rows += [[f"Country: {country}"], ["No.", "Capability", "Level", "Year"]]
        rows += [[n, TITLES[n], (n + shift) % 5, 2024] for n in range(1, 22)]
    data = xlsx({"Report": rows})
    expected = {
        ("Kenya", 2024, None): {n: n % 5 for n in range(1, 22)},
        ("Uganda", 2024, None): {n: (n + 1) % 5 for n in range(1, 22)},
    }
    for _ in range(40):
        result = read_assessment_file("stacked.xlsx", data, FW)
        assert by_assessment(result) == expected
        assert not result.problems


@pytest.mark.parametrize(
    ("value", "heading"),
    [
        ("Total", True),
        ("Average", True),
        ("Domain 1: Policy and Governance", True),
        ("Media", True),  # Spanish "media": a mean
        ("Media: Ethical and Informed Media Reporting", False),  # a capability's, not a mean
        ("Kenya", False),
        (7, False),  # only text is a heading
    ],
)
def test_a_label_s_heading_reads_the_same_in_every_read(value, heading):
    """Kept per process (it depends on the text and the framework's names only): a second
    read's context gets the same answer."""
    from components.framework.model import default_framework
    from components.ingest.limits import ReadLimits
    from components.ingest.quick_rows import is_heading
    from components.ingest.sheets import ReadContext

    for _ in range(2):
        ctx = ReadContext("t.xlsx", default_framework(), ReadLimits())
        assert is_heading(ctx, value) is heading
