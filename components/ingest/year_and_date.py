"""A year and a date for one assessment (a Year column beside a Date column): the year decides.

A long table or a form's export often holds both the year an assessment belongs to and a date:
the day it was filled in or submitted ("Date", "Timestamp", "Submission date"). The year is
what the person wrote the assessment is for, so it decides, as a form's year question already
does (``forms``). The date is kept as the assessment's date only when it is in that year; when
it is not, it is left out (the dashboard orders assessments by their date before their year,
so a date of another year would move the assessment), and that is said once for the two
columns, naming both and a row where they disagree. A year cell that is empty or cannot be
read ("twenty-one", "2O21", a year of another calendar) leaves the date to say when, as before,
and the year cell's message says so: the year was taken from the date, naming it and its cell.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import replace
from typing import Any, Protocol

from openpyxl.utils import get_column_letter

from components.ingest.matching import Field, classify_header
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.text_dates import UNUSABLE
from components.ingest.values import When, is_blank

Cell = tuple[Any, int, int]  # (value, row, column)


class MetaReader(Protocol):
    """What reads a date or year cell and reports it (``drafts.MetaReader``)."""

    ctx: ReadContext
    sheet: Sheet

    def when(
        self,
        value: Any,
        row: int,
        column: int,
        *,
        country: int | None = None,
        instead: str | None = None,
    ) -> When: ...


def read_when(
    reader: MetaReader, cells: Mapping[Field, Cell], country: int | None
) -> tuple[When, tuple[str, str] | None]:
    """When from the year, date or "when" cells of ``cells`` (``MetaReader.when`` reads and
    reports each), and the date or year written but not read (``drafts.written_when``)."""
    if "year" not in cells:
        when, unread = When(), None
        for name in ("when", "date"):
            if name in cells and when.year is None:
                when = reader.when(*cells[name], country=country)
                unread = unread or written_when(cells[name], when)
        return when, unread
    # The dates first, so that a year cell that cannot be read says the date's year was used.
    dates = {n: reader.when(*cells[n], country=country) for n in ("when", "date") if n in cells}
    beside = next((n for n, when in dates.items() if when.year is not None), None)
    instead = _instead(cells[beside], dates[beside]) if beside else None
    year = reader.when(*cells["year"], country=country, instead=instead)
    if year.year is None:
        unread = written_when(cells["year"], year)
        for name, when in dates.items():
            unread = unread or written_when(cells[name], when)
        return (dates[beside] if beside else year), unread
    return _with_date(reader, cells, year, dates), None


def _instead(cell: Cell, when: When) -> str:
    """What is done when the year cell gives no year: the date's year used, and from where."""
    value, row, column = cell
    shown = f"the date {quoted(when.date.isoformat())}" if when.date else quoted(value)
    return f"the year {when.year} was taken from {shown} in {cell_address(row, column)} instead"


def _with_date(
    reader: MetaReader, cells: Mapping[Field, Cell], year: When, dates: Mapping[Field, When]
) -> When:
    """``year`` (read from the year cell) with the date of a date cell in the same year."""
    for name in ("date", "when"):
        if name not in dates:
            continue
        other = dates[name]
        if other.year is None:
            continue  # nothing read (said by ``MetaReader.when``, if anything was written)
        if other.year == year.year:
            return replace(year, date=year.date or other.date, round=year.round or other.round)
        _disagree(reader, cells["year"], cells[name], year, other)
        return year
    return year


def _disagree(
    reader: MetaReader, year_cell: Cell, date_cell: Cell, year: When, other: When
) -> None:
    """Say, once for the two columns, that a date of another year was left out."""
    ctx, sheet = reader.ctx, reader.sheet
    if not ctx.once((sheet.name, "year-date", year_cell[2], date_cell[2])):
        return
    y_at, d_at = cell_address(*year_cell[1:]), cell_address(*date_cell[1:])
    written = quoted(year_cell[0])
    day = other.date.isoformat() if other.date else None
    date_shown = quoted(day or date_cell[0])
    columns = (
        f"the year column {_column(reader, year_cell)} and the date column "
        f"{_column(reader, date_cell)}"
    )
    spans = "spans two years" in year.note and other.year == (year.year or 0) + 1
    if spans:
        message = (
            f"The date {date_shown} in {d_at} falls in {written} in {y_at}, which was read as "
            f"{year.year}, its first year; the date was left out so that the assessment stays "
            f"under {year.year} (and so in every row where {columns} differ)."
        )
        fix = (
            f"Nothing to do if {year.year} is right. To file the assessment under {other.year}, "
            f"write {other.year} in the year column."
        )
    else:
        message = (
            f"The year {written} in {y_at} and the date {date_shown} in {d_at} are not of the "
            f"same year; the year decides: the assessment was read as {year.year}, and the date "
            f"was left out (and so in every row where {columns} differ)."
        )
        fix = (
            f"Nothing to do if the date is only when the form was filled in or sent. If the "
            f"assessment is of {other.year}, write {other.year} in the year column."
        )
    ctx.add("warning", sheet, y_at, message, fix)


def _column(reader: MetaReader, cell: Cell) -> str:
    """A column's letter and its header ("C (“Timestamp”)"): the label left of the cell or
    the first header text above it that names a date or year, when there is one."""
    _, row, column = cell
    letter = get_column_letter(column + 1)
    rows = reader.sheet.rows
    above = [(r, column) for r in range(row - 1, -1, -1)]
    for r, c in [(row, column - 1), *above]:
        value = rows[r][c] if 0 <= c < len(rows[r]) else None
        if isinstance(value, datetime.date) or not isinstance(value, str):
            continue
        kind = classify_header(value)
        if kind in ("year", "date", "when"):
            return f"{letter} ({quoted(value)})"
    return letter


def written_when(cell: tuple[Any, int, int], when: When) -> tuple[str, str] | None:
    """The date or year as written and its cell, when ``cell`` holds one that gave no year."""
    value, row, column = cell
    if when.year is not None or when is UNUSABLE:
        return None  # read, or a date that cannot say which assessment (said for its column)
    if value is None or isinstance(value, bool) or is_blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    return (text, cell_address(row, column)) if text else None
