"""A grouped report (Salesforce's formatted report, SSRS/Crystal groups, pivot-style and
Power BI subtotals) in xlsx, csv and a web page saved as .xls: its group and total rows are
skipped, its detail rows read, and a country named only by its group row is given to the
rows under it with a warning. Titles above a table and domain headings are read as before."""

from __future__ import annotations

from typing import Any

import pytest
from openpyxl import Workbook

from components.ingest.grouped_reports import drop_group_rows
from components.ingest.limits import DEFAULT_LIMITS
from components.ingest.sheets import ReadContext, Sheet
from tests.ingest.reader_support import FW, TITLES, by_assessment, csv_bytes, errors, read, xlsx

BRAZIL = {n: n % 5 for n in range(1, 22) if n != 2}  # capability 2 not assessed
MEXICO = {n: (n + 2) % 5 for n in range(1, 22)}
GROUPS = (("Brazil", BRAZIL), ("Mexico", MEXICO))
EXPECTED = {
    ("Brazil", 2024, None): BRAZIL,
    ("Mexico", 2024, None): MEXICO,
}


def _report(group: str, total: str | None, grand: str | None, *, country: str) -> list[list]:
    """A grouped report's rows: header, then per country a group row, its rows, a total.
    ``country`` is "column" (each row names it), "blank" (a Country column left blank under
    the group row, as SSRS writes it) or "none" (no Country column at all)."""
    head = ["Capability Number", "Capability", "Maturity Level", "Assessment Year"]
    if country != "none":
        head = ["Country", *head]
    rows: list[list] = [["MNR Capability Levels by Country"], ["As of 14/03/2024"], [], head]
    for name, given in GROUPS:
        rows.append([group.format(country=name, n=len(given))])
        for number, level in given.items():
            row: list[Any] = [number, TITLES[number], level, 2024]
            if country != "none":
                row = [name if country == "column" else None, *row]
            rows.append(row)
        if total:
            rows.append([total.format(country=name, n=len(given))])
    if grand:
        rows.append([grand.format(n=sum(len(g) for _, g in GROUPS))])
    rows += [[], ["Confidential Information - Do Not Distribute"]]
    return rows


def _merged_xlsx(rows: list[list]) -> bytes:
    """The rows in an xlsx whose one-cell rows below the header are merged across the table."""
    from io import BytesIO

    book = Workbook()
    sheet = book.active
    width = len(rows[3])
    for index, row in enumerate(rows, start=1):
        sheet.append(row)
        if index > 4 and len(row) == 1 and not row[0].startswith("Confidential"):
            sheet.merge_cells(start_row=index, start_column=1, end_row=index, end_column=width)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _html(rows: list[list]) -> bytes:
    """The rows as a report tool's web page saved as .xls, a one-cell row spanning the table."""
    width = len(rows[3])
    lines = ["<html><body><table>"]
    for row in rows:
        if len(row) == 1 and not row[0].startswith("Confidential"):
            lines.append(f'<tr><td colspan="{width}"><b>{row[0]}</b></td></tr>')
        else:
            lines.append("<tr>" + "".join(f"<td>{'' if v is None else v}</td>" for v in row))
    lines.append("</table></body></html>")
    return "\n".join(lines).encode()


FORMATS = {
    "xlsx": lambda rows: ("report.xlsx", xlsx({"Report": rows})),
    "merged xlsx": lambda rows: ("report.xlsx", _merged_xlsx(rows)),
    "csv": lambda rows: ("report.csv", csv_bytes(rows)),
    "html xls": lambda rows: ("report.xls", _html(rows)),
}
REPORTS = {
    "salesforce": ("Account Name: {country} ({n} records)", None, "Grand Totals ({n} records)"),
    "ssrs": ("Country: {country}", "Total", "Grand Total"),
    "pivot": ("{country} ({n})", None, "Grand Total"),
    "spanish salesforce": ("País: {country} ({n} registros)", None, "Total general ({n})"),
    "power bi": ("{country}", "Total", "Total"),
    "excel outline": ("Country: {country}", "{country} Count", "Grand Count"),
}


@pytest.mark.parametrize("made_by", sorted(FORMATS))
@pytest.mark.parametrize(
    "report", ["salesforce", "ssrs", "pivot", "spanish salesforce", "power bi"]
)
@pytest.mark.parametrize("country", ["column", "blank", "none"])
def test_group_and_total_rows_are_skipped_and_the_rows_read(made_by, report, country):
    name, data = FORMATS[made_by](_report(*REPORTS[report], country=country))
    result = read(name, data)
    assert not errors(result), [p.message for p in errors(result)]
    assert by_assessment(result) == EXPECTED
    messages = [p.message for p in result.problems]
    assert any("head or total a group of rows" in m for m in messages)
    # A country the rows do not give is said to be taken from its group row, per group.
    taken = [m for m in messages if "was taken from the group row" in m]
    assert len(taken) == (0 if country == "column" else 2)


def test_excel_outline_total_rows_are_skipped():
    rows = _report(*REPORTS["excel outline"], country="column")
    result = read("outline.xlsx", xlsx({"Report": rows}))
    assert not errors(result)
    assert by_assessment(result) == EXPECTED


def test_a_count_that_is_not_the_blocks_is_no_group():
    """ "Brazil (7)" over 20 rows says no group: the row is not skipped as one."""
    rows = _report("{country} (7)", None, None, country="none")
    result = read("report.csv", csv_bytes(rows))
    assert not any("head or total a group" in p.message for p in result.problems)
    assert ("Brazil", 2024, None) not in by_assessment(result)


def _two_tables(gap: bool) -> list[list]:
    head = ["Capability", "Level", "Year"]
    rows: list[list] = [["Country: Kenya"], head]
    rows += [[TITLES[n], BRAZIL.get(n, 0), 2023] for n in range(1, 22)]
    rows += [[]] if gap else []
    rows += [["Country: Uganda"], head]
    return rows + [[TITLES[n], MEXICO[n], 2023] for n in range(1, 22)]


@pytest.mark.parametrize("gap", [True, False])
def test_a_title_over_the_next_tables_header_is_left(gap):
    """ "Country: Uganda" over a second table's own header is that table's title, not a group
    of one report: the rows are left as they are, for the tables' titles to be read."""
    rows = [tuple(row) for row in _two_tables(gap)]
    sheet = Sheet("Report", list(rows))
    ctx = ReadContext("report.xlsx", FW, DEFAULT_LIMITS)
    drop_group_rows(ctx, [sheet])
    assert sheet.rows == rows
    assert not ctx.problems


@pytest.mark.parametrize("made_by", ["xlsx", "csv"])
def test_titles_over_a_table_are_still_read(made_by):
    rows: list[list] = [["Country: Kenya"], ["Year: 2023"], ["Capability", "Level"]]
    rows += [[TITLES[n], MEXICO[n]] for n in range(1, 22)]
    rows += [["Total"]]
    name, data = FORMATS[made_by](rows)
    result = read(name, data)
    assert not errors(result)
    assert by_assessment(result) == {("Kenya", 2023, None): MEXICO}


@pytest.mark.parametrize(
    "rows",
    [
        # A country's row with no level (coloured in only) in a table of countries.
        [("Country", "Year", *TITLES.values()), ("Kenya",), ("Uganda", 2024, *MEXICO.values())],
        # A note of many words after a "<field>:" among the rows.
        [
            ("Capability", "Level"),
            ("Leadership", 2),
            ("Note: levels agreed at the workshop",),
            ("Legislation", 3),
        ],
    ],
)
def test_rows_that_are_no_groups_are_left(rows):
    sheet = Sheet("Report", list(rows))
    ctx = ReadContext("report.xlsx", FW, DEFAULT_LIMITS)
    drop_group_rows(ctx, [sheet])
    assert sheet.rows == rows
    assert not ctx.problems
