"""Dates written as text: "04/03/2024", "4.3.2024", "4 March 2024", "March 4, 2024".

A date with the month's name is one date, in any of the vocabulary's languages ("4 mars
2024", "4 de marzo de 2024"). A date of numbers alone ("04/03/2024") is the 4th of March
written day first (most of the world) or the 3rd of April written month first (the United
States): the column it is in decides, when one of its dates has a first number above 12 (day
first) or a second one above 12 (month first), and the column is read that way, said once.
When nothing in the column decides, only the year is certain: it is kept, as any text holding
a year is, unless the column gives one country two such dates in one year. Those would be two
assessments merged into one, so their rows are not used, and that is said with what to write.
A date in a Buddhist-era year ("15/03/2567", "15 March 2567", as Excel with the Thai setting
writes dates) is read in the Gregorian calendar (15 March 2024), said (``calendars``).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from openpyxl.utils import get_column_letter

from components.ingest.calendars import MONTH_NAMES, buddhist_note, gregorian_of_buddhist
from components.ingest.periods import MONTH_WORD, month_number
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.values import When

_NUMBERS = re.compile(r"^\s*(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{4})\s*$")
_ORDINAL = r"(?:st|nd|rd|th|er|eme|º|°|o)?"
_DAY_MONTH = re.compile(
    rf"^\s*(?P<day>\d{{1,2}}){_ORDINAL}[\s./-]*(?:de\s+)?(?P<month>{MONTH_WORD})"
    rf"[\s,./-]*(?:de\s+)?(?P<year>\d{{4}})\s*$",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(
    rf"^\s*(?P<month>{MONTH_WORD})\s+(?P<day>\d{{1,2}}){_ORDINAL},?\s+(?P<year>\d{{4}})\s*$",
    re.IGNORECASE,
)
Order = Literal["day", "month", "unsettled", "both"]


def spelled_date(text: str) -> datetime.date | None:
    """The date of "4 March 2024", "March 4, 2024", "4 de marzo de 2024"; ``None`` for any
    other text, and for a day the month does not have."""
    found = _DAY_MONTH.match(text) or _MONTH_DAY.match(text)
    if found is None:
        return None
    month = month_number(found["month"])
    if month is None:
        return None
    try:
        return datetime.date(int(found["year"]), month, int(found["day"]))
    except ValueError:
        return None


def number_parts(value: Any) -> tuple[int, int, int] | None:
    """(first, second, year) of a date of numbers with the year last ("04/03/2024")."""
    if not isinstance(value, str):
        return None
    found = _NUMBERS.match(value)
    if found is None:
        return None
    return int(found[1]), int(found[3]), int(found[4])


def column_order(values: Sequence[Any]) -> Order:
    """Whether a column's dates of numbers are written day first, month first, either
    (``unsettled``: no number above 12 decides) or both (it has one of each)."""
    parts = [p for p in map(number_parts, values) if p is not None]
    day = any(first > 12 >= second for first, second, _ in parts)
    month = any(second > 12 >= first for first, second, _ in parts)
    if day and month:
        return "both"
    return "day" if day else "month" if month else "unsettled"


def as_date(parts: tuple[int, int, int], order: Order) -> datetime.date | None:
    first, second, year = parts
    day, month = (first, second) if order == "day" else (second, first)
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True)
class Clash:
    """Two dates of numbers, unsettled, that one country has in one year: which is which
    assessment cannot be told."""

    country: Any
    year: int
    texts: tuple[str, ...]


def unsettled_clash(dates: Sequence[Any], countries: Sequence[Any] | None) -> Clash | None:
    """The first country (or the whole column, without countries) with two different
    unsettled dates of numbers in one year."""
    seen: dict[tuple[Any, int], list[str]] = {}
    for row, value in enumerate(dates):
        parts = number_parts(value)
        if parts is None:
            continue
        country = countries[row] if countries is not None and row < len(countries) else None
        texts = seen.setdefault((country, parts[2]), [])
        text = value.strip()
        if text not in texts:
            texts.append(text)
            if len(texts) == 2:
                return Clash(country, parts[2], tuple(texts))
    return None


# What a date of numbers gives when its column cannot tell which assessment it belongs to:
# no year, and its row is not used (``drafts.MetaReader`` sees this very value).
UNUSABLE = When(note="a date that could be read two ways")


def text_date(
    ctx: ReadContext,
    sheet: Sheet,
    value: Any,
    row: int,
    column: int,
    *,
    country_column: int | None = None,
) -> When | None:
    """The date a text cell gives as a date of numbers or with the month's name, reported as
    the module says; ``None`` for any other value (read as before)."""
    if not isinstance(value, str):
        return None
    spelled = spelled_date(value)
    if spelled is not None:
        return _in_gregorian(value, spelled)
    parts = number_parts(value)
    if parts is None:
        return None
    first, second, written = parts
    # "15/03/2567", as Excel with the Thai setting writes a date: read in the Gregorian year.
    parts = (first, second, gregorian_of_buddhist(written) or written)
    decisive = first > 12 or second > 12
    if decisive:
        order: Order = "day" if first > 12 else "month"
    else:
        order = ctx.cached(
            "date order", (sheet.name, column), lambda _: column_order(_whole(sheet, column))
        )
    if order in ("day", "month"):
        date = as_date(parts, order)
        if date is None:
            return When(note=f"“{value.strip()}” is not a real date")
        if not decisive:
            _say_order(ctx, sheet, row, column, order)
        if written != date.year:
            return When(date.year, date, buddhist_note(value.strip(), written, date))
        return When(date.year, date)
    clash = ctx.cached(
        "date clash",
        (sheet.name, column, country_column),
        lambda _: unsettled_clash(
            _whole(sheet, column),
            None if country_column is None else _whole(sheet, country_column),
        ),
    )
    if clash is None:
        return None  # one such date a year: its year is read, with a note, as before
    if ctx.once((sheet.name, "date clash", column)):
        whose = f" for {clash.country}" if clash.country else ""
        ctx.add(
            "error",
            sheet,
            cell_address(row, column),
            f"The dates in column {get_column_letter(column + 1)} can be read day first or "
            f"month first ({quoted(clash.texts[0])} is {_both_ways(clash.texts[0])}), and two "
            f"of them{whose} fall in {clash.year} ({', '.join(map(quoted, clash.texts))}), so "
            "which assessment each row belongs to is not clear; rows with such a date were "
            "not used.",
            "Write the dates as YYYY-MM-DD (such as 2024-03-04) or with the month's name "
            "(such as 4 March 2024).",
        )
    return UNUSABLE


def _in_gregorian(value: str, date: datetime.date) -> When:
    """A date with its month's name; one of the Buddhist era ("15 March 2567") in the
    Gregorian calendar, said."""
    year = gregorian_of_buddhist(date.year)
    if year is None:
        return When(date.year, date)
    try:
        day = date.replace(year=year)
    except ValueError:  # 29 February of the Buddhist-era year, a year without one
        return When(note=f"“{value.strip()}” is not a real date")
    return When(year, day, buddhist_note(value.strip(), date.year, day))


def dates_refused(ctx: ReadContext, sheet: Sheet) -> bool:
    """Whether rows of the sheet were left out for their dates (already said)."""
    return any(key[:2] == (sheet.name, "date clash") for key in ctx.reported)


def _whole(sheet: Sheet, column: int) -> list[Any]:
    return sheet.column(column, 0, len(sheet.rows))


def _both_ways(text: str) -> str:
    # Both numbers are 12 or less: either reading is a real date.
    parts = number_parts(text) or (1, 1, 2000)
    return f"{_spelt(as_date(parts, 'day'))} or {_spelt(as_date(parts, 'month'))}"


def _spelt(date: datetime.date | None) -> str:
    return "" if date is None else f"{date.day} {MONTH_NAMES[date.month - 1]} {date.year}"


def _say_order(ctx: ReadContext, sheet: Sheet, row: int, column: int, order: Order) -> None:
    """Say once for the column how its dates that could be read either way were read, and
    which date of it decided."""
    if not ctx.once((sheet.name, "date order", column)):
        return
    decisive = next(
        (
            value.strip()
            for value in _whole(sheet, column)
            if (parts := number_parts(value)) is not None
            and (parts[0] > 12 if order == "day" else parts[1] > 12)
        ),
        None,
    )
    date = as_date(number_parts(decisive), order) if decisive else None
    if date is None:
        return
    ctx.add(
        "warning",
        sheet,
        cell_address(row, column),
        f"The dates in column {get_column_letter(column + 1)} were read with the {order} "
        f"first, since {quoted(decisive)} there can only be {_spelt(date)}.",
        "If that is wrong, write the dates as YYYY-MM-DD (such as 2024-03-04).",
    )
