"""A level Excel turned into a date: "3/4" (level 3 of 4) typed in a cell becomes 3 April (or
4 March where the month comes first), and the cell then holds the date, not what was typed.

``date_as_level`` says so for ``values.parse_level``: the date is never read as a level (which
of the day and the month was the level is the locale's), but the message says what was likely
typed and what to type instead.
"""

from __future__ import annotations

import datetime

from components.framework.model import Scale


def date_as_level(value: object, scale: Scale) -> tuple[None, str, str, str]:
    """(no level, error, no warning, fix) for a cell that is not text nor a number, with a hint
    when it is a date whose day or month could be a level typed as "3/4"."""
    if not isinstance(value, datetime.date):
        return None, f"“{value}” is not a level", "", ""
    shown = value.date() if isinstance(value, datetime.datetime) else value
    top = scale.maximum
    levels = range(scale.minimum, top + 1)
    # "3/4" as 3 April (day first) or as 4 March (month first): the other part is the top.
    typed = set()
    if value.month == top and value.day in levels:
        typed.add(f"{value.day}/{top}")
    if value.day == top and value.month in levels:
        typed.add(f"{value.month}/{top}")
    level, how = (
        (f"as {min(typed).split('/')[0]}", "turned") if typed else ("alone", "may have turned")
    )
    if not typed:
        if value.day not in levels or value.month not in levels:
            return None, f"“{shown}” is a date, not a level", "", ""
        typed = {f"{value.day}/{value.month}", f"{value.month}/{value.day}"}
    said = " or ".join(sorted(typed))
    return (
        None,
        f"“{shown}” is a date, not a level: Excel {how} what was typed ({said}?) into a date",
        "",
        f"Type the level {level}, with no “/” (or format the column as Text before typing, so "
        "that Excel keeps what is typed).",
    )
