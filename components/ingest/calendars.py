"""A year written in another calendar: Buddhist era "2567", Solar Hijri "1402", Hijri "1445".

Thai, Cambodian, Lao, Myanmar and Sri Lankan offices date documents in the Buddhist era (the
Gregorian year + 543), and Excel with the Thai setting writes dates so ("15/03/2567"); Iran and
Afghanistan in the Solar Hijri calendar (a year from about 21 March: 1402 is March 2023 to
March 2024); many Arab states in the Hijri (lunar) calendar (a year of 354 days: 1445 is July
2023 to July 2024).

A Buddhist-era year is exactly the Gregorian year + 543: Thailand's year has begun on 1 January
since 1941, so 2567 is 2024 and 15/03/2567 is 15 March 2024. A Date or Year cell holding one
(``buddhist_era``: marked "พ.ศ.", "BE", "B.E.", or a plain year, a date or a date cell in the
Buddhist era's years that an MNR assessment can have, 2553-2583, where no Gregorian year is) is
read as the Gregorian year, with a warning saying what was written and the year used. A Hijri
or Solar Hijri year is never converted: it falls across two Gregorian years, of which only the
person knows the one the assessment belongs to; what it likely is, and the Gregorian years to
choose from, are said instead (so is a Buddhist-era year no assessment can have, "2600 BE").

The calendar is told by a mark beside the number ("2566 BE", "พ.ศ. 2566", "1445 AH", "1402 SH")
or else by the years an MNR assessment can have (the framework is of 2015; 2010 to 2040 is
generous): there the three calendars' years do not overlap (Buddhist era 2553-2583, Solar Hijri
1389-1419, Hijri 1432-1462). An Ethiopian year (7 or 8 years behind, 2016 is 2023/24) looks like
a Gregorian year and cannot be told from one: it is read as written.

A column header naming a country and such a year ("Kenya 2566 BE", "Iran 1402 SH", a plain
"Kenya 2566") is split as one with a Gregorian year is (``other_calendar_header``): the year is
never part of the country's name.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

# How every fix for a year of another calendar starts (the upload page knows it by this).
WRITE_GREGORIAN = "Write the year in the Gregorian calendar"

# The years an MNR assessment can plausibly have (Gregorian).
_PLAUSIBLE = range(2010, 2041)
_BUDDHIST_OFFSET = 543
_SOLAR_HIJRI_OFFSET = 621  # 1 Farvardin Y falls on 20 or 21 March of Y + 621.
# 1 Muharram of the year 1 of the tabular Hijri calendar (16 July 622 Julian).
_HIJRI_EPOCH = datetime.date(622, 7, 19)

_MARKS = {
    "buddhist": re.compile(r"\bB\.?\s?E\b\.?|พ\.?\s?ศ\.?|\bbuddhist", re.IGNORECASE),
    "solar": re.compile(r"\bS\.?\s?H\b\.?|\bH\.?\s?S\b\.?|\bsolar|\bshamsi|هـ\.?\s?ش|ش", re.I),
    "hijri": re.compile(r"\bA\.?\s?H\b\.?|\bhijri|\bhégire|\bhegira|هـ", re.IGNORECASE),
}
_MARK = r"(?:B\.?\s?E\b\.?|พ\.?\s?ศ\.?|A\.?\s?H\b\.?|S\.?\s?H\b\.?|H\.?\s?S\b\.?)"
# Groups as ``values._HEADER_YEAR``'s: the country, the year as written and a round after it.
_OTHER_YEAR = re.compile(
    r"^(?P<country>.*?)[\s,(\[–—_-]*(?<![A-Za-z0-9])"
    rf"(?P<when>(?:{_MARK}\s*)?\d{{4}}(?:\s*{_MARK})?)(?![A-Za-z0-9]|[.,]\d)[)\]]?"
    r"[\s,)\]–—:_-]*(?P<round>.*)$",
    re.IGNORECASE,
)
_WHOLE = re.compile(r"\d{4}\.0")
_NUMBER = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_DATE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}")
# The Thai months' names, in full and as Excel abbreviates them ("มี.ค."), and a date with one.
_THAI_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("มกราคม", "ม.ค."),
            ("กุมภาพันธ์", "ก.พ."),
            ("มีนาคม", "มี.ค."),
            ("เมษายน", "เม.ย."),
            ("พฤษภาคม", "พ.ค."),
            ("มิถุนายน", "มิ.ย."),
            ("กรกฎาคม", "ก.ค."),
            ("สิงหาคม", "ส.ค."),
            ("กันยายน", "ก.ย."),
            ("ตุลาคม", "ต.ค."),
            ("พฤศจิกายน", "พ.ย."),
            ("ธันวาคม", "ธ.ค."),
        ),
        start=1,
    )
    for name in names
}
_THAI_LETTER = re.compile(r"[\u0e01-\u0e5b]")
_THAI_DATE = re.compile(
    r"(?:วันที่\s?)?(?P<day>\d{1,2})\s?(?P<month>[\u0e01-\u0e4e][\u0e01-\u0e4e. ]*?)\s?"
    r"(?:พ\.\s?ศ\.\s?)?(?P<year>\d{4})"
)
_ISO_DAY = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
# The months as messages write a date ("15 March 2024"), in any locale.
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class OtherYear:
    """A year in another calendar: its (first) Gregorian year, what it is (a clause ending
    with no stop, as ``When.note``), a fix naming the Gregorian year(s) to write, and
    whether it is a Buddhist-era year (the one calendar whose year is one Gregorian year)."""

    year: int
    note: str
    fix: str
    buddhist: bool = False


@dataclass(frozen=True)
class BuddhistEra:
    """A Buddhist-era year or date read in the Gregorian calendar: the year (and date) used,
    a clause saying what was written and what was used (as ``When.note``), and a fix."""

    year: int
    date: datetime.date | None
    note: str
    fix: str


def buddhist_era(value: object) -> BuddhistEra | None:
    """The Gregorian year (and date) of a Buddhist-era year or date ("2567", "พ.ศ. 2567",
    "2567 BE", "15/03/2567", "2567-03-15", a date cell in 2567) an assessment can have, else
    ``None`` (a Gregorian year, a Hijri one, a Buddhist-era year no assessment can have)."""
    thai = _thai_date(value)
    if thai is not None:
        return thai
    other = other_calendar_year(value)
    if other is None or not other.buddhist or other.year not in _PLAUSIBLE:
        return None
    day = value if isinstance(value, datetime.date) else _iso_day(value)
    if day is not None:
        day = day.date() if isinstance(day, datetime.datetime) else day
        try:
            day = day.replace(year=other.year)
        except ValueError:  # 29 February of a year that has none once converted
            return None
    shown = _day(value) if isinstance(value, datetime.date) else " ".join(str(value).split())
    if isinstance(value, float):
        shown = str(int(value))
    written = other.year + _BUDDHIST_OFFSET
    return BuddhistEra(
        other.year, day, buddhist_note(shown, written, day), buddhist_fix(written, other.year)
    )


def buddhist_note(shown: str, written: int, day: datetime.date | None = None) -> str:
    """What a Buddhist-era year or date was read as (a clause, as ``When.note``): "“2567” is
    a year of the Buddhist era (พ.ศ.): the Gregorian year 2024 (2567 − 543) was used"."""
    year = written - _BUDDHIST_OFFSET
    if day is None:
        return (
            f"“{shown}” is a year of the Buddhist era (พ.ศ.): the Gregorian year {year} "
            f"({written} − 543) was used"
        )
    return (
        f"“{shown}” is a date of the Buddhist era (พ.ศ. {written}): {day.day} "
        f"{MONTH_NAMES[day.month - 1]} {day.year} in the Gregorian calendar "
        f"({written} − 543) was used"
    )


def buddhist_fix(written: int, year: int) -> str:
    """The fix said with a Buddhist-era year read in the Gregorian calendar."""
    return (
        f"Nothing to do if {written} is a Buddhist-era year; otherwise write the year in the "
        f"Gregorian calendar, such as {year}."
    )


def buddhist_fix_for(value: object, year: int) -> str | None:
    """The fix to say when ``value`` was read as the Gregorian ``year`` of the Buddhist-era year
    it holds (2567 read as 2024, by whichever reading: a year, a date, a month's name), else
    ``None``."""
    written = year + _BUDDHIST_OFFSET
    if gregorian_of_buddhist(written) is None:
        return None
    if isinstance(value, datetime.date):
        held = [value.year]
    elif isinstance(value, int | float) and not isinstance(value, bool):
        held = [int(value)] if float(value).is_integer() else []
    else:
        held = [int(number) for number in _NUMBER.findall(str(value))]
        if year in held:
            return None  # "2566 (2023)": the Gregorian year is written, and was read
    return buddhist_fix(written, year) if written in held else None


def gregorian_of_buddhist(year: int) -> int | None:
    """The Gregorian year of a date's year in the Buddhist era's years an assessment can have
    (2567: 2024), else ``None``: what a date of numbers ("15/03/2567") is read in."""
    gregorian = year - _BUDDHIST_OFFSET
    return gregorian if gregorian in _PLAUSIBLE else None


# A Buddhist-era year in running text (a title, a sheet name), marked or not: "2567",
# "พ.ศ. 2567", "2567 BE".
_BUDDHIST_IN_TEXT = re.compile(
    r"(?:(?:พ\.?\s?ศ\.?|\bB\.?\s?E\b\.?)\s*)?\b(25[5-8]\d)\b(?:\s*B\.?\s?E\b\.?)?"
)


def gregorian_years_in(text: str) -> str:
    """``text`` with each Buddhist-era year an assessment can have written as its Gregorian
    year ("Thailand 2567" as "Thailand 2024", "พ.ศ. 2567" as "2024"): the year of a title or a
    sheet name, read as a date's is (``gregorian_of_buddhist``)."""

    def gregorian(found: re.Match[str]) -> str:
        year = gregorian_of_buddhist(int(found[1]))
        return found[0] if year is None else str(year)

    return _BUDDHIST_IN_TEXT.sub(gregorian, text)


def _thai_date(value: object) -> BuddhistEra | None:
    """A date as Excel with the Thai setting shows it, the month by its Thai name and the year
    in the Buddhist era ("15 มีนาคม 2567", "15 มี.ค. 2567", in Thai digits too), in the
    Gregorian calendar; ``None`` for anything else."""
    if not isinstance(value, str) or not _THAI_LETTER.search(value):
        return None
    found = _THAI_DATE.fullmatch(" ".join(value.split()))
    if found is None:
        return None
    month = _THAI_MONTHS.get(found["month"].replace(" ", ""))
    written = int(found["year"])
    year = gregorian_of_buddhist(written)
    if month is None or year is None:
        return None
    try:
        day = datetime.date(year, month, int(found["day"]))
    except ValueError:
        return None
    shown = " ".join(value.split())
    return BuddhistEra(year, day, buddhist_note(shown, written, day), buddhist_fix(written, year))


def _iso_day(value: object) -> datetime.date | None:
    """The day of a text date written year first ("2567-03-15"), else ``None``."""
    found = _ISO_DAY.fullmatch(str(value).strip())
    if found is None:
        return None
    try:
        return datetime.date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return None


def other_calendar_year(value: object) -> OtherYear | None:
    """The other calendar's year a number or a text such as "2566 BE" likely is, else ``None``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, datetime.date):  # a date cell typed with a Buddhist-era year
        return _likely(value.year, None, f"“{_day(value)}”")
    if isinstance(value, int | float):
        if not float(value).is_integer():
            return None
        number, mark, shown = int(value), None, str(int(value))
    else:
        text = str(value).strip()
        numbers = _NUMBER.findall(text)
        if len(numbers) != 1 or len(text) > 40:
            return None
        number, shown = int(numbers[0]), " ".join(text.split())
        if _DATE.fullmatch(text):  # "12/05/2566", "2566-05-12": a date in that year
            return _likely(number, None, f"“{shown}”")
        marks = [name for name, pattern in _MARKS.items() if pattern.search(text)]
        # A Solar Hijri mark "هـ ش" holds the Hijri mark "هـ" too: the solar one is meant.
        if marks == ["solar", "hijri"]:
            marks = ["solar"]
        mark = marks[0] if len(marks) == 1 else None
        rest = _NUMBER.sub("", text)
        if (mark is None and rest.strip(" .")) or len(marks) > 1:
            return None
    return _likely(number, mark, f"“{shown}”")


def other_calendar_header(text: str) -> re.Match[str] | None:
    """A header ``text`` split as country, another calendar's year and round, if it is one.
    A number header is read as the spreadsheet gives it: "2566.0" is 2566."""
    found = _OTHER_YEAR.match(text[:-2] if _WHOLE.fullmatch(text) else text)
    if found is None or other_calendar_year(found.group("when")) is None:
        return None
    return found


def date_note(day: datetime.date) -> str:
    """Why a date whose year no assessment can have ("2566-05-12") gives no year."""
    other = other_calendar_year(day)
    return other.note if other else f"“{_day(day)}” is a date in the year {day.year}, not a year"


def _day(day: datetime.date) -> str:
    day = day.date() if isinstance(day, datetime.datetime) else day
    return day.isoformat()


def year_note(value: object, otherwise: str = "is not a year") -> str:
    """Why ``value`` (no Gregorian year) is not read as a year: another calendar's year it
    likely is, or ``otherwise`` (a whole number shown as one: "2566", never "2566.0")."""
    other = other_calendar_year(value)
    if other is not None:
        return other.note
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"“{value}” {otherwise}"


def _likely(number: int, mark: str | None, shown: str) -> OtherYear | None:
    buddhist = number - _BUDDHIST_OFFSET
    if mark == "buddhist" or (mark is None and buddhist in _PLAUSIBLE):
        return OtherYear(
            buddhist,
            f"{shown} looks like a Buddhist-era year ({buddhist} in the Gregorian calendar)",
            f"{WRITE_GREGORIAN}: {buddhist}.",
            buddhist=True,
        )
    solar = number + _SOLAR_HIJRI_OFFSET
    if mark == "solar" or (mark is None and solar in _PLAUSIBLE):
        return _two_years(shown, "a Solar Hijri year", solar, f"March {solar} to March {solar + 1}")
    start, end = _hijri_year(number)
    if start.year > 1 and (mark == "hijri" or (mark is None and start.year in _PLAUSIBLE)):
        span = f"{start:%B} {start.year} to {end:%B} {end.year}"
        return _two_years(shown, "a Hijri year", start.year, span)
    return None


def _two_years(shown: str, what: str, first: int, span: str) -> OtherYear:
    return OtherYear(
        first,
        f"{shown} looks like {what} ({span} in the Gregorian calendar)",
        f"{WRITE_GREGORIAN}: {first} or {first + 1}, the one the assessment belongs to.",
    )


def _hijri_year(year: int) -> tuple[datetime.date, datetime.date]:
    """The first and last day of a Hijri year (the tabular calendar: within a day or two)."""

    def first_day(y: int) -> datetime.date:
        return _HIJRI_EPOCH + datetime.timedelta(days=(y - 1) * 354 + (3 + 11 * y) // 30)

    if not 1 <= year <= 2000:
        return datetime.date(1, 1, 1), datetime.date(1, 1, 1)
    return first_day(year), first_day(year + 1) - datetime.timedelta(days=1)
