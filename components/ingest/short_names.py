"""A country taken from an abbreviated sheet name ("Ken", "Ug", "Tz"): refused, the country
suggested.

No country's name is three letters or fewer, so a sheet named so that gives the assessment's
country (no Country label or column gave one) names it by an abbreviation, unless it is an
ISO3 code (``countries.country_of_code``, "KEN") or a name of ``mnr_data/country_aliases.toml``
("UK", "DRC"). Such an assessment is an error rather than a new country "Ug" (which would
join no other file of Uganda's and no region): the message suggests the country when the
abbreviation is exactly one country's ISO 3166 alpha-2 or alpha-3 code or the start of
exactly one country's English name ("Ug": Uganda, "Tz": Tanzania by its code TZ, "Ken":
Kenya), and asks for the full name. A longer unknown sheet name ("Elbonia") stays a country,
as ``unknown_countries`` decides.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

from components.base.text import normalise
from components.ingest.countries import iso3_of
from components.ingest.country_aliases import alias_of, kept_name
from components.ingest.drafts import Draft
from components.ingest.sheets import ReadContext, quoted

# How the fix for an abbreviated sheet name starts (the upload page knows it by this).
RENAME_TO_FULL_NAME = "Rename the sheet to the country's full name"

_LONGEST_ABBREVIATION = 3


def drop_abbreviated(ctx: ReadContext, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` less those whose country is an abbreviation taken from the sheet's name,
    each said once per sheet as an error."""
    kept, dropped = [], set()
    for draft in drafts:
        if not _abbreviated_sheet_country(draft):
            kept.append(draft)
            continue
        name, sheet = draft.country or "", draft.sheet.name
        dropped.add(sheet)
        if not ctx.once(("abbreviated sheet country", sheet, name)):
            continue
        message = (
            f"The country {quoted(name)} was taken from the name of sheet {quoted(sheet)}, "
            "but it is not a country's name, only an abbreviation; the sheet's assessment was "
            "not used."
        )
        meant = abbreviation_of(name)
        if meant is not None:
            message += f" It may be {meant[0]} ({meant[1]})."
        example = f"“{meant[0]}”" if meant else "“Kenya”"
        ctx.add(
            "error",
            draft.sheet,
            None,
            message,
            f"{RENAME_TO_FULL_NAME} (such as {example}), or add a Country "
            "label with the country's name above the table, then upload the file again.",
        )
    # What was said while reading a sheet whose assessment is not used ("the country was taken
    # from the sheet name", "the year from the title") would contradict the error: left out.
    dropped -= {draft.sheet.name for draft in kept}
    ctx.problems[:] = [p for p in ctx.problems if p.severity != "warning" or p.sheet not in dropped]
    return kept


def _abbreviated_sheet_country(draft: Draft) -> bool:
    name = (draft.country or "").strip()
    if not name or draft.iso3 or draft.country_cell or not name.isalpha():
        return False
    if len(name) > _LONGEST_ABBREVIATION or iso3_of(name) or alias_of(name):
        return False
    return normalise(name) in normalise(draft.sheet.name or "").split()


@lru_cache(maxsize=256)
def abbreviation_of(text: str) -> tuple[str, str] | None:
    """(name, ISO3) of the one country ``text`` abbreviates: its alpha-2 or alpha-3 code, or
    the start of its English name; else ``None``."""
    key = normalise(text)
    codes = set()
    for country in pycountry.countries:
        names = (getattr(country, a, None) for a in ("name", "official_name", "common_name"))
        if key.upper() in (country.alpha_2, country.alpha_3) or any(
            normalise(n).startswith(key) for n in names if n
        ):
            codes.add(country.alpha_3)
    if len(codes) != 1:
        return None
    code = codes.pop()
    return kept_name(code), code
