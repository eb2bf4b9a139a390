"""Years written in a Date or Year cell the way spreadsheets and people write them, beyond
``values.parse_when``'s.

- A thousands separator inside the year ("2 023", with a space, a no-break space, a narrow
  no-break space or a thin space, as French Excel formats a number): the year, quietly, as
  levels tolerate the same spaces.
- A fiscal year written short ("FY23", "FY-23"): read as the year it names (2023), with a
  warning saying so, as ``parse_when`` reads "FY 2023" (its year, said) and a fiscal year
  over two years ("FY2023/24", "2023-24": its first year, said).
- A two-digit year 00 to 49 ("23", a Year cell typed short): the year 2000 + it (2023), with
  a warning naming the assumption. Only in a Date or Year cell or column, never elsewhere;
  50 to 99 are left unread, since 1950-1999 is no assessment's year and 2050 none yet.
- A Buddhist-era year or date ("2567", "พ.ศ. 2567", "15/03/2567", a date cell in 2567): read
  in the Gregorian calendar (2024), with a warning (``calendars.buddhist_era``).
- A year after 2100 ("2203", digits swapped for 2023): an error saying it is in the future,
  and that the assessment is read without a year, as for a year of another calendar; the year
  meant is suggested when swapping two adjacent digits gives a year that can be ("did you mean
  2023?"), never used.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from components.ingest.calendars import buddhist_era, other_calendar_year
from components.ingest.values import When, is_blank, parse_when

# Spaces a number format puts between thousands: space, no-break, narrow no-break, thin.
_SPACED = re.compile(r"([12])[ \u00a0\u202f\u2009\u2007]+(\d{3})")
_FISCAL = re.compile(r"FY\s*[-'’]?\s*(\d{2})", re.IGNORECASE)
_LAST_TWO_DIGIT = 49
_FUTURE = range(2101, 10000)


def year_cell(value: Any) -> When:
    """A Date or Year cell's year: the forms above, else ``parse_when``'s reading."""
    if is_blank(value) or isinstance(value, bool):
        return parse_when(value)
    number = _whole(value)
    if number is not None:
        if 0 <= number <= _LAST_TWO_DIGIT:
            year = 2000 + number
            return When(year, note=f"“{number}” has two digits; it was read as the year {year}")
        if number in _FUTURE and other_calendar_year(number) is None:
            return When(note=future_note(number))
        if date.today().year < number < _FUTURE.start:  # "2031": read, but a target's year?
            return When(
                number,
                note=f"“{number}” is after this year ({date.today().year}): "
                "an assessment is dated when it was made, a target by the year it aims at",
            )
    if isinstance(value, str):
        text = value.strip()
        spaced = _SPACED.fullmatch(text)
        if spaced is not None:
            return parse_when(spaced[1] + spaced[2])
        fiscal = _FISCAL.fullmatch(text)
        if fiscal is not None:
            year = 2000 + int(fiscal[1])
            if year <= 2000 + _LAST_TWO_DIGIT:
                return When(year, note=f"“{text}” is a fiscal year; it was read as the year {year}")
    when = parse_when(value)
    # A Buddhist-era year or date ("2567", "15/03/2567"): its Gregorian year, said (calendars).
    era = buddhist_era(value) if when.year is None and when.note else None
    return when if era is None else When(era.year, era.date, era.note)


def future_year(value: Any) -> bool:
    """True when ``value`` is a whole number after 2100 ("2203"): a year in the future."""
    number = _whole(value)
    return number is not None and number in _FUTURE and other_calendar_year(number) is None


def future_note(number: int) -> str:
    meant = swapped_years(number)
    guess = f": did you mean {' or '.join(map(str, meant))}?" if meant else ""
    return f"“{number}” is a year in the future (perhaps two of its digits were swapped{guess})"


def swapped_years(number: int) -> list[int]:
    """The years from 2000 to next year that ``number`` gives with two adjacent digits
    swapped ("2203": 2023), in order."""
    digits = str(number)
    found = set()
    for i in range(len(digits) - 1):
        swapped = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :]
        if 2000 <= int(swapped) <= date.today().year + 1:
            found.add(int(swapped))
    return sorted(found)


def _whole(value: Any) -> int | None:
    """``value`` as a whole number (23, 23.0, "23"), else ``None``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value) if float(value).is_integer() else None
    if isinstance(value, str) and re.fullmatch(r"\d{1,4}", value.strip()):
        return int(value.strip())
    return None
