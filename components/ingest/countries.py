"""Countries by name or ISO 3166 code, as pycountry knows them: never an invented code."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache, lru_cache

import pycountry

from components.base.text import normalise


def country_of_code(text: str) -> tuple[str, str] | None:
    """(name, code) for a country written as its ISO 3166 alpha-3 code ("UGA": Uganda), when
    pycountry knows the code; a made-up code gets nothing. Also in small letters ("uga"), as
    survey tools export their choices' names; not mixed ("Uga" is a name)."""
    if not re.fullmatch(r"[A-Z]{3}|[a-z]{3}", text):
        return None
    found = pycountry.countries.get(alpha_3=text.upper())
    if found is None:
        return None
    return getattr(found, "common_name", None) or found.name, found.alpha_3


# Bounded: the keys are user text, and a long-running server must not grow without limit.
@lru_cache(maxsize=4096)
def iso3_of(country: str) -> str | None:
    """The ISO 3166 alpha-3 code of a country pycountry knows by this exact name, else None."""
    return _iso3_by_name().get(normalise(country))


@cache
def _iso3_by_name() -> Mapping[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                names.setdefault(normalise(value), country.alpha_3)
    return names
