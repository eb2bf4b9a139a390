"""Years that head a group of assessments rather than a column or a cell of their own.

Trackers group a wide table's assessments by year in two ways:

* over the countries (capabilities down): a row of years above the row of countries, each
  year merged (or written once) over its countries, "2022" over Kenya, Uganda and Tanzania,
  then "2024" over the same three. Each column is then that country in that year, as if
  headed "Kenya 2022": the inverse of a country merged over its years, which ``layout``'s
  ``column_header`` reads;
* among the countries (one row each, capabilities across): a row holding a year alone,
  "2021", then that year's countries, then "2024" and the next year's.

A year is a plain year here (2022, "2022"): anything else in such a row means it is not a
band of years, and the table is read as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from components.ingest.drafts import Meta
from components.ingest.sheets import Sheet
from components.ingest.values import YEAR_RANGE, When

_YEAR_TEXT = re.compile(r"\s*(\d{4})\s*")


def plain_year(value: Any) -> int | None:
    """The year a cell holds alone (2022, 2022.0, " 2022"), or ``None``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and float(value).is_integer() and int(value) in YEAR_RANGE:
        return int(value)
    if isinstance(value, str) and (found := _YEAR_TEXT.fullmatch(value)):
        year = int(found[1])
        return year if year in YEAR_RANGE else None
    return None


def years_above(sheet: Sheet, header: int, columns: Sequence[int]) -> dict[int, int]:
    """column -> the year over it, when the row above the header is a band of years over the
    assessment ``columns``: only years from the first of them on, the first under one, and
    each year over the columns from it up to the next (merged across, or written once)."""
    if header == 0 or not columns:
        return {}
    above = sheet.rows[header - 1]
    # A title left of the assessments ("EAC tracker" over the labels) is no part of the band.
    filled = [value for value in above[min(columns) :] if value is not None]
    if not filled or any(plain_year(value) is None for value in filled):
        return {}
    years: dict[int, int] = {}
    year = None
    for column in range(min(columns), max(columns) + 1):
        here = above[column] if column < len(above) else None
        year = plain_year(here) if here is not None else year
        if year is None:
            return {}  # an assessment with no year over it: no band
        years[column] = year
    return {column: years[column] for column in columns}


def with_year_above(heading: Any, year: int | None) -> Any:
    """A country's column header with the year over it ("Kenya" under 2022: "Kenya 2022");
    a header that names a year of its own, or is no text, as it is."""
    if year is None or not isinstance(heading, str) or plain_year(heading) is not None:
        return heading
    if re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", heading):
        return heading
    return f"{heading} {year}"


class YearRows:
    """The defaults of a countries-as-rows table's rows, as rows holding a year alone set
    them: the year of the last such row above, over what the table's surroundings say."""

    def __init__(self, defaults: Meta, *, dated: bool) -> None:
        self.defaults = self._original = defaults
        self.dated = dated  # the table has a date or year column: a year row is not read
        # One Meta per year, kept for the read (the rows' metadata is memoised by identity).
        self._by_year: dict[int, Meta] = {}

    def takes(self, cells: tuple[Any, ...]) -> bool:
        """Whether the row holds a year alone, which then holds for the rows below."""
        filled = [value for value in cells if value is not None]
        year = plain_year(filled[0]) if len(filled) == 1 and not self.dated else None
        if year is None:
            return False
        if year not in self._by_year:
            self._by_year[year] = replace(self._original, when=When(year))
        self.defaults = self._by_year[year]
        return True
