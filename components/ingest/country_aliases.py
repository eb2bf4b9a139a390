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

import tomllib
from collections.abc import Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pycountry

from components.base.text import normalise
from components.ingest.countries import english_names, iso_form_of, shown_name
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
    """(kept name, ISO3) of the country the aliases file gives ``name``, or whose ISO list
    form ``name`` is ("Korea, Republic of", "Russian Federation"), else ``None``."""
    code = country_aliases().get(normalise(name))
    return iso_form_of(name) if code is None else (kept_name(code), code)


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
            f"The country {quoted(written)} was read as {quoted(name)} ({code}), the name the "
            f"dashboard keeps for it, so that its assessments join those filed as {quoted(name)}.",
            f"If {quoted(written)} is not {quoted(name)}, write the country's full name, or its "
            "ISO3 code in an ISO3 cell or column.",
        )


@lru_cache(maxsize=1024)
def misspelt_country(name: str) -> tuple[str, str] | None:
    """(English name, ISO3) of the one country whose name ``name`` is one letter away from
    (one letter more or less, or two next to each other swapped), else ``None``."""
    key = normalise(name)
    if len(key) < _MIN_MISSPELT:
        return None
    codes = {code for known, code in english_names().items() if _one_slip(key, known)}
    if len(codes) != 1:
        return None
    code = codes.pop()
    return kept_name(code), code


def _one_slip(typed: str, known: str) -> bool:
    """True when ``typed`` is ``known`` with one letter more, one less, or two swapped."""
    if typed == known:
        return False
    if len(typed) == len(known):
        diff = [i for i, (a, b) in enumerate(zip(typed, known, strict=True)) if a != b]
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and typed[diff[0]] == known[diff[1]]
            and typed[diff[1]] == known[diff[0]]
        )
    longer, shorter = (typed, known) if len(typed) > len(known) else (known, typed)
    if len(longer) != len(shorter) + 1:
        return False
    i = next(
        (i for i, (a, b) in enumerate(zip(shorter, longer, strict=False)) if a != b), len(shorter)
    )
    return longer[:i] + longer[i + 1 :] == shorter
