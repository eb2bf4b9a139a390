"""A country's sheet copied and renamed for another country, its Country cell left unchanged.

A regional desk copies the sheet "Kenya", renames the copy "Uganda", types Uganda's levels into
it, and leaves its Country cell (and ISO3 code) saying Kenya. Read by its Country cell, the
file holds two assessments of Kenya; read by the sheet's name, the cell is ignored. Neither is
certain: the person may have renamed the wrong sheet. So when a sheet's name is a country
other than its Country cell's, and another sheet of the file is named after the country the
cell gives, that sheet's assessment is not used, with an error naming the sheet, both
countries and the cell to correct. (Taking the sheet's name would be a guess about which of
the two the person got wrong; the file says both.) A sheet whose name names no country, or
no sibling named after its cell's country, is read by its Country cell as before.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from components.ingest.countries import iso3_of, shown_name
from components.ingest.country_aliases import alias_of
from components.ingest.drafts import Draft
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.values import split_assessment_header

# Rows above a table where its Country cell is looked for, to name it.
_LABEL_ROWS = 60


@lru_cache(maxsize=1024)
def country_code(name: str | None) -> str | None:
    """The ISO3 code of a country's name (in English, another language, or a name the
    aliases file knows), else ``None``; never of a code alone ("MOJ", "IND": an acronym)."""
    name = (name or "").strip()
    if not name or (name.isupper() and len(name) <= 3):
        return None
    code = iso3_of(name)
    if code is None and (alias := alias_of(name)) is not None:
        code = alias[1]
    return code


@lru_cache(maxsize=1024)
def _name_code(sheet_name: str, by_code: bool) -> str | None:
    """The country a sheet's name names, less a year or round ("Uganda 2024"), or with
    ``by_code`` the ISO3 code it is ("UGA": sheets named by code, each with the Country cell
    copied)."""
    name = split_assessment_header(sheet_name)[0]
    if by_code and isinstance(name, str) and _iso3_name(name):
        return name.strip()
    return country_code(name) if isinstance(name, str) else None


def _named_by_code(names: list[str]) -> bool:
    """Whether a workbook's sheets are named by ISO3 codes: two or more named by three capital
    letters, each a code ("KEN", "UGA"); not when any is another's ("POL", "VIC", "MED": the
    domains of one country's assessment, "Policy" read as Poland)."""
    short = [name.strip() for name in names if re.fullmatch(r"\s*[A-Z]{3}\s*", name)]
    return len(short) >= 2 and all(_iso3_name(name) for name in short)


def _iso3_name(name: str) -> bool:
    name = name.strip()
    return len(name) == 3 and name.isupper() and pycountry.countries.get(alpha_3=name) is not None


def refuse_renamed_copies(ctx: ReadContext, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` less those of a sheet named after another country than its Country cell's
    when a sibling sheet is named after the cell's country (each refused with an error)."""
    sheets = {id(d.sheet): d.sheet for d in drafts if d.country and not d.needs_owner}
    if len(sheets) < 2:
        return drafts  # one sheet's assessments (a long table's 200, the template's one)
    by_code = _named_by_code([d.sheet.name for d in drafts if d.sheet.name])
    named = {
        id(d.sheet): _name_code(d.sheet.name, by_code) if d.sheet.name else None for d in drafts
    }
    if len({code for code in named.values() if code}) < 2:
        return drafts  # the usual case: sheets not named after two countries
    refused = []
    for draft in drafts:
        by_name = named[id(draft.sheet)]
        own = (draft.iso3 or "").upper() or country_code(draft.country)
        if by_name is None or own is None or by_name == own or draft.needs_owner:
            continue
        siblings = [
            d.sheet for d in drafts if d.sheet is not draft.sheet and named[id(d.sheet)] == own
        ]
        if siblings:
            _say(ctx, draft, siblings[0])
            refused.append(id(draft))
    return [d for d in drafts if id(d) not in refused] if refused else drafts


def _say(ctx: ReadContext, draft: Draft, sibling: Sheet) -> None:
    sheet, name = draft.sheet, split_assessment_header(draft.sheet.name)[0]
    if isinstance(name, str) and _iso3_name(name):
        name = shown_name(name.strip())  # "UGA": named after Uganda
    cell = _country_cell(sheet, draft.country)
    at = f" ({cell})" if cell else ""
    ctx.add(
        "error",
        sheet,
        cell,
        f"Sheet {quoted(sheet.name)} is named after {name}, but its Country cell{at} says "
        f"{draft.country}, as sheet {quoted(sibling.name)} does: it looks like a copy of that "
        f"sheet renamed for {name}, its Country cell left unchanged. Which country it assesses "
        "is not clear, so its assessment was not used.",
        f"If the sheet assesses {name}, write {quoted(name)} in its Country cell{at} (and its "
        f"ISO3 code, if given); if it assesses {draft.country}, rename the sheet. Then upload "
        "the file again.",
    )


def _country_cell(sheet: Sheet, country: str | None) -> str | None:
    """The cell holding the country's name above or beside the table (the first found)."""
    for row, cells in enumerate(sheet.rows[:_LABEL_ROWS]):
        for column, value in enumerate(cells):
            if isinstance(value, str) and country and value.strip() == country.strip():
                return cell_address(row, column)
    return None
