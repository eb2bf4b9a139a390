"""A long table whose rows name their country only by its ISO3 code.

Scripted and database exports often key each row by an ISO 3166 alpha-3 code (a column
headed "ISO3", "ISO", "Country code") and give no column of countries' names, or leave the
Country column empty beside the codes. When every code in that column is one pycountry
knows ("KEN", or "ken" as survey tools export it), the column is read as the country column:
each row's country is its own code's (named as pycountry names it, "KEN": Kenya), and a
warning says once that the countries were taken from their codes. A column holding any code
pycountry does not know is left as it was (a Country label, title or sheet name gives the
country), never guessed.

Web apps and databases keep the ISO 3166 alpha-2 code instead ("KE" under "country_code"). A
column under such a header whose every value is an alpha-2 code pycountry knows ("KE", or
"ke") is read as the same codes in alpha-3 ("KEN"): the codes are exact, so nothing is guessed,
and the warning quotes the code as the file has it. Two letters elsewhere are not read as codes
("IN", "NO" and "AT" are words).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pycountry

from components.ingest.countries import country_of_code
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.vocabulary import Field


def with_code_column(
    ctx: ReadContext, sheet: Sheet, header: int, columns: Mapping[Field, int], end: int
) -> Mapping[Field, int]:
    """``columns`` with the ISO3 column as the country column, when the table has no
    Country column (or an empty one) and every value of its ISO3 column is a known code."""
    if "iso3" not in columns:
        return columns
    first = header + 1
    given = _alpha3_for_alpha2(sheet, columns["iso3"], first, end)
    if "country" in columns and any(
        v is not None for v in sheet.column(columns["country"], first, end)
    ):
        return columns
    column = columns["iso3"]
    codes = [v for v in sheet.column(column, first, end) if v is not None]
    if not codes or not all(isinstance(v, str) and _known(v.strip()) for v in codes):
        return columns
    sample = codes[0].strip()
    named = country_of_code(sample) or (sample, sample)
    kind = "ISO3"
    if given:  # quoted as the file has it
        sample, kind = given[min(given)], "ISO 3166"
    if ctx.once((sheet.name, "countries-from-codes", column)):
        ctx.add(
            "warning",
            sheet,
            cell_address(header, column),
            "No row of the table names its country, so each row's country was taken from its "
            f"{kind} code in the column headed {quoted(sheet.value(header, column))} "
            f"({quoted(sample)} is {named[0]}).",
            "If that is right, there is nothing to do. Otherwise add a Country column with "
            "each row's country's name.",
        )
    return {**columns, "country": column}


def _alpha3_for_alpha2(sheet: Sheet, column: int, first: int, end: int) -> dict[int, str]:
    """When every value of ``column`` is a known alpha-2 code, the column's cells rewritten
    as the alpha-3 codes (returned: each row's code as the file has it); else nothing."""
    values = sheet.column(column, first, end)
    codes = {row: v.strip() for row, v in enumerate(values, first) if v is not None}
    if not codes or not all(
        isinstance(v, str) and _ALPHA2.fullmatch(v) and pycountry.countries.get(alpha_2=v.upper())
        for v in codes.values()
    ):
        return {}
    for row, code in codes.items():
        cells = list(sheet.rows[row])
        cells[column] = pycountry.countries.get(alpha_2=code.upper()).alpha_3
        sheet.rows[row] = tuple(cells)
    sheet.columns = None  # the rows changed: the columns no longer say the same
    return codes


_ALPHA2 = re.compile(r"[A-Z]{2}|[a-z]{2}")


def _known(text: str) -> bool:
    return country_of_code(text) is not None
