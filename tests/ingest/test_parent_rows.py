"""A country's parent row over its capabilities' rows (components/ingest/parent_rows), as
Smartsheet, MS Project and Asana export a plan's hierarchy: "Jordan 2024" over indented domain
and capability rows, "Kenya (2023)" with the tool's dates and "% Complete" beside it. Each
country's rows are its own, up to the next; a header of countries, or tables stacked each
under its own title and header, are left as they were."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from openpyxl import Workbook
from openpyxl.styles import Alignment

from components.ingest.limits import DEFAULT_LIMITS
from components.ingest.parent_rows import country_parent_rows
from components.ingest.sheets import ReadContext, Sheet
from tests.ingest.reader_support import FW, TITLES, by_assessment, csv_bytes, errors, read

JORDAN = {n: n % 5 for n in range(1, 22) if n != 2}
GUATEMALA = {n: (n * 2) % 5 for n in range(1, 22) if n != 6}
DOMAINS = {d.name: [c.number for c in FW.capabilities if c.domain == d.id] for d in FW.domains}


def _plan(parent: str, *, domains: bool, project: bool) -> list[list[Any]]:
    """A plan's rows: each country's parent row (``parent`` with {c} and {y}), its domains'
    rows with a roll-up (``domains``), its capabilities; a project's dates beside them."""
    rows: list[list[Any]] = [["Task Name", "Maturity", "Assigned To", "Start", "% Complete"]]
    for country, levels in (("Jordan", JORDAN), ("Guatemala", GUATEMALA)):
        dates = ["01/02/24", "64%"] if project else []
        rows.append([parent.format(c=country, y=2024), None, None, *dates])
        for domain, numbers in DOMAINS.items():
            if domains:
                rows.append([domain, 2.5, None, *dates])
            for number in numbers:
                rows.append([TITLES[number], levels.get(number), "team@example.org", *dates])
    return rows


def _indented(rows: list[list[Any]]) -> bytes:
    """The rows in an xlsx, as Smartsheet writes its hierarchy: the children indented."""
    book = Workbook()
    sheet = book.active
    sheet.title = "MNR Assessment Tracker"
    for row in rows:
        sheet.append(row)
        cell = sheet.cell(row=sheet.max_row, column=1)
        if cell.value in TITLES.values():
            cell.alignment = Alignment(indent=2)
        elif cell.value in DOMAINS:
            cell.alignment = Alignment(indent=1)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("parent", ["{c} {y}", "{c} ({y})", "{c} – {y}", "{c} MNR {y}"])
@pytest.mark.parametrize("domains", [True, False])
@pytest.mark.parametrize("made", ["xlsx", "csv"])
def test_each_countrys_parent_row_gives_its_rows_country_and_year(parent, domains, made):
    rows = _plan(parent, domains=domains, project=made == "csv")
    data = _indented(rows) if made == "xlsx" else csv_bytes(rows)

    result = read(f"smartsheet.{made}", data)

    assert by_assessment(result) == {
        ("Jordan", 2024, None): JORDAN,
        ("Guatemala", 2024, None): GUATEMALA,
    }
    assert not errors(result)
    assert any("above the capabilities' rows" in p.message for p in result.problems)


def test_a_parent_row_without_a_year_gives_the_country():
    rows = _plan("{c}", domains=True, project=True)

    result = read("plan.csv", csv_bytes(rows))

    assert by_assessment(result) == {
        ("Jordan", None, None): JORDAN,
        ("Guatemala", None, None): GUATEMALA,
    }


def test_a_parent_rows_round_is_the_assessments_round():
    rows = _plan("{c} – Baseline {y}", domains=False, project=False)

    result = read("plan.csv", csv_bytes(rows))

    assert set(by_assessment(result)) == {
        ("Jordan", 2024, "Baseline"),
        ("Guatemala", 2024, "Baseline"),
    }


def _unchanged(rows: list[tuple[Any, ...]]) -> bool:
    sheet = Sheet("Sheet1", list(rows))
    ctx = ReadContext("plan.xlsx", FW, DEFAULT_LIMITS)
    country_parent_rows(ctx, [sheet])
    return sheet.rows == rows and not ctx.problems


def test_rows_that_are_no_parents_are_left():
    header = ("Capability", "Level", "Country")
    with_country = [header, ("Jordan",), *((TITLES[n], 2, "Jordan") for n in range(1, 22))]
    stacked = [("Capability", "Level"), ("Kenya 2023",), (TITLES[1], 2), (TITLES[2], 3)]
    stacked += [("Uganda 2023",), ("Capability", "Level"), (TITLES[1], 1), (TITLES[2], 4)]
    # countries across a header under a band: a header, not a country's parent row
    banded = [("No.", "Capability", "East Africa"), (None, None, "Kenya", "Uganda")]
    banded += [(n, TITLES[n], n % 5, 4 - n % 5) for n in range(1, 22)]
    # a capability's row before the first country's: whose it is cannot be told
    before = [("Task", "Level"), (TITLES[1], 2), ("Kenya 2023",), (TITLES[2], 3), (TITLES[3], 1)]
    for rows in (with_country, stacked, banded, before):
        assert _unchanged([tuple(r) for r in rows])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya (2023)", ("Kenya", "2023", None)),
        ("Jordan – MNR", ("Jordan", None, None)),
        ("Total", None),  # no country's name begins so
        ("Kenya" + " x" * 40, None),  # longer than a parent row's text
        (2023, None),  # only text
    ],
)
def test_a_parent_row_s_text_reads_the_same_in_every_read(text, expected):
    """A text's reading is kept for the process (it depends on the text alone): a second
    read's context gets the same answer."""
    from components.ingest.parent_rows import _heading

    for _ in range(2):
        ctx = ReadContext("plan.xlsx", FW, DEFAULT_LIMITS)
        assert _heading(ctx, text) == expected
