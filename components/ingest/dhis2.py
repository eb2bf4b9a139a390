"""DHIS2's table exports: "Data | Period | Organisation unit | Value".

DHIS2, the health and social-welfare information system many ministries run, exports a
pivot table or a data set as one row per value: the data element ("MNR C07 Access to Image
Databases - level"), the period as a DHIS2 period code ("2023", "2023July", "202301",
"2023Q1"), the organisation unit (here the country) and the value. Its header words name
nothing the reader knows alone ("Data" is a date in Portuguese, "Value" anything), so the
four together are what is recognised, in the languages DHIS2 ships: the header is read as
Capability, Period, Country and Level; each period code becomes its year (a financial year,
a month or a quarter with a warning naming it, since the assessment is then filed under
that year); the system's "MNR" prefix and "- level" suffix around a data element's code or
title are left out when what remains names one capability for certain.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from components.ingest.matching import Catalogue, match_item
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.vocabulary import key_of

# The rows a header is looked for in.
_HEADER_ROWS = 10
_HEADER_CHARS = 30
_DATA = frozenset(
    {"data", "data element", "dataelement", "dx", "data item", "donnees", "element de donnees",
     "datos", "elemento de datos", "dados", "elemento de dados"}
)  # fmt: skip
_PERIOD = frozenset({"period", "pe", "periode", "periodo"})
_UNIT = frozenset(
    {"organisation unit", "organization unit", "org unit", "orgunit", "ou",
     "organisation unit name", "organization unit name", "unite d organisation",
     "unite organisationnelle", "unidad organizativa", "unidad organizacional",
     "unidade organizacional", "unidade organisacional"}
)  # fmt: skip
_VALUE = frozenset({"value", "valeur", "valor"})
# What the reader's vocabulary calls each column, in the header written in its place.
_AS = (("Capability", _DATA), ("Period", _PERIOD), ("Country", _UNIT), ("Level", _VALUE))

_MONTHS = "January February March April May June July August September October November December"
_FINANCIAL = {"april": "April", "july": "July", "oct": "October", "nov": "November"}
_PERIOD_CODE = re.compile(
    r"(?P<year>\d{4})(?:(?P<fy>April|July|Oct|Nov)|(?P<month>0[1-9]|1[0-2])(?P<rest>\d{2}|B)?"
    r"|(?P<part>Q[1-4]|S[1-2]|(?:AprilS|NovS)[1-2]|(?:Bi|Wed|Thu|Sat|Sun)?W\d{1,2}))?",
    re.IGNORECASE,
)
_SYSTEM_PREFIX = re.compile(r"^\s*mnr[\s_.:-]+(?=c(?:ap)?[\s_.-]*\d|\D)", re.IGNORECASE)
_LEVEL_SUFFIX = re.compile(r"[\s_]*[-–:(_]?\s*(?:level|niveau|nivel)\)?\s*$", re.IGNORECASE)


def read_dhis2_header(ctx: ReadContext, sheet: Sheet) -> bool:
    """When ``sheet`` is a DHIS2 export, write its header in the reader's words and its
    period codes and data elements as the reader reads them (in ``sheet``'s rows). False for
    a DHIS2 pivot table that cannot be read (reported): then the sheet is not read."""
    for row in range(min(len(sheet.rows), _HEADER_ROWS)):
        columns = _dhis2_columns(sheet.rows[row])
        if columns is not None:
            break
        if (pivot := _periods_across(sheet.rows[row])) is not None:
            return _read_pivot(ctx, sheet, row, pivot)
    else:
        return True
    cells = list(sheet.rows[row])
    for (word, _), column in zip(_AS, columns, strict=True):
        cells[column] = word
    sheet.rows[row] = tuple(cells)
    data, period = columns[0], columns[1]
    for below in range(row + 1, len(sheet.rows)):
        cells = list(sheet.rows[below])
        if period < len(cells) and cells[period] is not None:
            cells[period] = _year(ctx, sheet, below, period, cells[period])
        if data < len(cells) and isinstance(cells[data], str):
            cells[data] = _element(cells[data], ctx.capabilities)
        sheet.rows[below] = tuple(cells)
    sheet.columns = None  # the rows changed: the columns no longer say the same
    return True


def _periods_across(cells: tuple[Any, ...]) -> tuple[int, int | None, list[int]] | None:
    """A DHIS2 pivot table's header: the data element's column, the organisation unit's
    (or None) and the periods' columns ("2022", "2023July"), nothing else."""
    data = unit = None
    periods = []
    for column, value in enumerate(cells):
        whole = isinstance(value, int | float) and not isinstance(value, bool)
        text = str(int(value)) if whole and value == int(value) else value
        if not isinstance(text, str):
            if value is not None:
                return None
            continue
        if not _short(text):
            return None
        if _PERIOD_CODE.fullmatch(text.strip()):
            periods.append(column)
        elif _key(text) in _DATA and data is None:
            data = column
        elif _key(text) in _UNIT and unit is None:
            unit = column
        else:
            return None
    return (data, unit, periods) if data is not None and periods else None


def _read_pivot(
    ctx: ReadContext, sheet: Sheet, row: int, pivot: tuple[int, int | None, list[int]]
) -> bool:
    """Periods across: read as capabilities by years (the country from around the table)
    when no organisation unit column says otherwise; refused with how to export it else."""
    data, unit, periods = pivot
    if unit is not None:
        first = cell_address(row, periods[0])
        ctx.add(
            "error",
            sheet,
            first,
            "This is a DHIS2 pivot table with the periods across "
            f"({quoted(sheet.rows[row][periods[0]])} in {first}) and the organisation units "
            "down the rows; it was not read.",
            "In DHIS2, download the table as a plain data source (Download, Plain data source, "
            "CSV): one row per value with the columns Data, Period, Organisation unit, Value.",
        )
        return False
    cells = list(sheet.rows[row])
    cells[data] = "Capability"
    for column in periods:
        cells[column] = _year(ctx, sheet, row, column, cells[column])
    sheet.rows[row] = tuple(cells)
    for below in range(row + 1, len(sheet.rows)):
        cells = list(sheet.rows[below])
        if data < len(cells) and isinstance(cells[data], str):
            cells[data] = _element(cells[data], ctx.capabilities)
            sheet.rows[below] = tuple(cells)
    sheet.columns = None  # the rows changed: the columns no longer say the same
    return True


def _dhis2_columns(cells: tuple[Any, ...]) -> tuple[int, ...] | None:
    """The columns of the data element, period, organisation unit and value, when a row
    heads a DHIS2 table with all four."""
    keys = [_key(value) if _short(value) else None for value in cells]
    found = []
    for _, words in _AS:
        column = next((c for c, key in enumerate(keys) if key in words), None)
        if column is None:
            return None
        found.append(column)
    return tuple(found)


@lru_cache(maxsize=4096)
def _key(text: str) -> str:
    return key_of(text)


def _short(value: Any) -> bool:
    """Whether a cell could be one of DHIS2's header words (a long text never is)."""
    return isinstance(value, str) and len(value) <= _HEADER_CHARS


def _year(ctx: ReadContext, sheet: Sheet, row: int, column: int, value: Any) -> Any:
    """A DHIS2 period code as its year; a period shorter or other than a calendar year with a
    warning naming it. Anything else is left for the reader to read or report."""
    text = str(int(value)) if isinstance(value, int | float) and value == int(value) else value
    code = _PERIOD_CODE.fullmatch(text.strip()) if isinstance(text, str) else None
    if code is None:
        return value
    year = int(code["year"])
    if code["fy"]:
        month = _FINANCIAL[code["fy"].casefold()]
        said = f"the financial year that starts in {month} {year}"
    elif code["month"] and not code["rest"]:
        said = f"the month {_MONTHS.split()[int(code['month']) - 1]} {year}"
    elif code["month"]:
        said = f"a period of {year} (DHIS2's code for a day or two months)"
    elif code["part"]:
        said = f"a part of {year} ({code['part']})"
    else:
        return year
    if ctx.once(("dhis2-period", sheet.name, text)):
        ctx.add(
            "warning",
            sheet,
            cell_address(row, column),
            f"The period {quoted(text)} is {said}; the assessment was filed under the year {year}.",
            "If that is wrong, export the data by yearly period (Period: Yearly in DHIS2).",
        )
    return year


def _element(text: str, catalogue: Catalogue) -> str:
    """A data element's name without the system's prefix and level suffix ("MNR C07 Access to
    Image Databases - level" is "C07 Access to Image Databases"), when what remains names a
    capability for certain; else as it is (the reader then says what it could not read)."""
    plain = _LEVEL_SUFFIX.sub("", _SYSTEM_PREFIX.sub("", text.replace("_", " "))).strip()
    if plain == text.strip():
        return text
    match = match_item(plain, catalogue)
    certain = match.how in ("number", "title") and not match.note
    return plain if certain and match.number is not None else text
