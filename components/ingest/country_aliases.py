"""Other names of a country, read as the country; a misspelt one, pointed out.

``mnr_data/country_aliases.toml`` lists names pycountry does not give a country, or gives
under another name, that people write for one country only: former names ("Swaziland",
"Turkey", "Burma", "Zaire"), the World Bank's (WDI) names ("Congo, Dem. Rep.", "Gambia, The",
"Korea, Rep.", "Lao PDR") and abbreviations ("DRC", "CAR", "BiH", "UAE", "UK"). Such a name
is read as the country: the assessment is filed under pycountry's name for it (its common
name when it has one) with its ISO3 code, so that files using the old and the new name join,
and a warning says which name was read as which. An assessment with an ISO3 code of another
country of its own (an ISO3 cell or column) is left as written: its code groups it.

A name no list knows that is one letter away from exactly one country's English name (a
letter too many or too few, or two letters swapped: "Keyna", "Ugnada", "Tanzaniaa",
"Mozambiqe") is never changed; ``unknown_countries`` asks whether that country was meant. A
letter written for another is not looked at: made-up names ("Arvenia") are that far from real
ones ("Armenia").
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pycountry

from components.base.text import normalise
from components.ingest.countries import (
    english_names,
    iso3_of,
    iso_form_of,
    other_name_of,
    shown_name,
)
from components.ingest.country_translations import in_languages, one_slip, translated_country
from components.ingest.drafts import Draft, cell_holding
from components.ingest.sheets import ReadContext, quoted

ALIASES_PATH = Path(__file__).resolve().parents[2] / "mnr_data" / "country_aliases.toml"
# A shorter name is too easily another word one letter away ("Chad": "Chat").
_MIN_MISSPELT = 5


@cache
def aliases_file(path: Path = ALIASES_PATH) -> Mapping[str, Any]:
    """``mnr_data/country_aliases.toml`` as read (its aliases and its regions), once."""
    return tomllib.loads(path.read_bytes().decode("utf-8"))


@cache
def country_aliases(path: Path = ALIASES_PATH) -> Mapping[str, str]:
    """The aliases file's names, normalised -> ISO3 code (one pycountry knows)."""
    data = aliases_file(path)
    aliases: dict[str, str] = {}
    for name, code in data.get("aliases", {}).items():
        if not isinstance(code, str) or pycountry.countries.get(alpha_3=code) is None:
            raise ValueError(f"{path}: the alias {name!r} gives {code!r}, not an ISO3 code.")
        aliases[normalise(name)] = code
    return aliases


def kept_name(code: str) -> str:
    """The name an assessment of the country ``code`` is filed under: the name people use
    (``countries.shown_name``: "Tanzania", "Democratic Republic of the Congo", "Eswatini")."""
    return shown_name(code)


def alias_of(name: str) -> tuple[str, str] | None:
    """(kept name, ISO3) of the country the aliases file gives ``name``, whose name it is after
    "the" ("The Philippines"), whose ISO list form ``name`` is ("Korea, Republic of", "Russian
    Federation"), or whose name in another language it is (``countries.other_name_of``:
    "Maroc", "Tunisie / تونس"), else ``None``."""
    key = normalise(name)
    code = country_aliases().get(key) or _written_two_ways(name)
    # "The Philippines", "the Netherlands": a country's name after "the".
    if code is None and key.startswith("the ") and iso3_of(key.removeprefix("the ")):
        code = iso3_of(key.removeprefix("the "))
    if code is not None:
        return kept_name(code), code
    found = iso_form_of(name)
    if found is None and iso3_of(name) is None and (other := other_name_of(name)):
        found = kept_name(other[0]), other[0]
    return found


# A name and more words: "Eswatini (Swaziland)", "Kenya – national", "Nairobi County, Kenya".
_TWO_PARTS = re.compile(
    r"^(?P<first>[^()]+?)"
    r"(?:\s*\((?P<bracket>[^()]+)\)|\s+[-–—]\s+(?P<dash>.+)|\s*,\s+(?P<comma>.+))$"
)
_NATIONAL = frozenset({"the", "national", "nationale", "nacional", "national level"})


def name_parts(name: str) -> tuple[str, str, str] | None:
    """(first part, second part, how they are set apart: "bracket", "dash" or "comma") of a
    name written in two parts ("Myanmar (Burma)", "Kenya – Nairobi county"), else ``None``."""
    found = _TWO_PARTS.match(name.strip())
    if found is None:
        return None
    how = next(kind for kind in ("bracket", "dash", "comma") if found[kind])
    return found["first"].strip(), found[how].strip(), how


def _written_two_ways(name: str) -> str | None:
    """The ISO3 code of a country written with another of its names in brackets ("Myanmar
    (Burma)"), or with "(the)" or "national" after it; else ``None``."""
    parts = name_parts(name)
    if parts is None or parts[2] == "comma":
        return None
    first, second, _ = parts
    code = iso3_of(first) or _alias_code(first)
    if code is None:
        return None
    if normalise(second) in _NATIONAL or (iso3_of(second) or _alias_code(second)) == code:
        return code
    return None


def _alias_code(name: str) -> str | None:
    return country_aliases().get(normalise(name))


def read_aliases(ctx: ReadContext, drafts: list[Draft]) -> None:
    """File each of ``drafts`` whose country is written with another of its names under the
    kept name and its ISO3 code, with a warning once per name."""
    for draft in drafts:
        found = alias_of(draft.country) if draft.country else None
        if found is None or (draft.iso3 and draft.iso3.strip().upper() != found[1]):
            continue
        written, (name, code) = draft.country, found
        if normalise(written) == normalise(name):
            continue  # the kept name, differently accented or cased: left as written
        draft.country, draft.iso3 = name, code
        if not ctx.once(("alias", written)):
            continue
        ctx.add(
            "warning",
            draft.sheet,
            draft.country_cell or cell_holding(draft.sheet, written),
            f"The country {quoted(written)}{_language_note(written)} was read as {quoted(name)} "
            f"({code}), the name the dashboard keeps for it, so that its assessments join those "
            f"filed as {quoted(name)}.",
            f"If {quoted(written)} is not {quoted(name)}, write the country's full name, or its "
            "ISO3 code in an ISO3 cell or column.",
        )


def _language_note(written: str) -> str:
    """What ``written`` is, when it is a country's name in other languages: " (its name in
    French)", " (its name in Spanish, German and Dutch)"; " (one country, written two ways)"
    for a bilingual cell ("Tunisie / تونس"); else nothing."""
    if country_aliases().get(normalise(written)) or iso_form_of(written):
        return ""
    if other_name_of(written) is None:
        return ""
    single = translated_country(written)  # else a bilingual cell, whose parts name it
    if single is None:
        return " (one country, written two ways)"
    return f" (its name in {in_languages(single[1])})"


@lru_cache(maxsize=1024)
def misspelt_country(name: str) -> tuple[str, str] | None:
    """(English name, ISO3) of the one country whose name ``name`` is one letter away from
    (one letter more or less, or two next to each other swapped), else ``None``."""
    key = normalise(name)
    if len(key) < _MIN_MISSPELT:
        return None
    codes = {code for known, code in english_names().items() if one_slip(key, known)}
    if len(codes) != 1:
        return None
    code = codes.pop()
    return kept_name(code), code
