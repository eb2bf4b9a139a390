"""A survey tool's guess of where the respondent sat, beside the question naming the country.

Alchemer, SurveyMonkey and Qualtrics add the respondent's location, looked up from the IP
address, as columns headed "Country", "City", "State/Region", "Postal", "Latitude" and
"Longitude". Their "Country" is where the person filling the form was (a consultant in the
United Kingdom), not the country assessed, which is the answer to the form's own question
("Which country does this assessment cover?"). Taken first, as the header "Country" is, it
filed assessments under the wrong countries without a word.

A "Country" column with such location columns next to it is the respondent's location: when
a column asks for the country, that column is the country column.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from components.base.text import normalise

# The location columns a survey tool adds from the IP address, normalised.
_LOCATION = frozenset(
    {
        "city",
        "state",
        "region",
        "state region",
        "stateregion",
        "postal",
        "postal code",
        "zip",
        "zip code",
        "latitude",
        "longitude",
        "ip address",
        "ip",
        "location latitude",
        "location longitude",
        "locationlatitude",
        "locationlongitude",
    }
)
# Location columns are this near the Country column, either side.
_NEAR = 3


def with_asked_country(
    cells: tuple[Any, ...], found: dict[Any, int], asks_country: Callable[[Any], bool]
) -> dict[Any, int]:
    """``found`` (a header row's fields -> columns) with the column asking for the country as
    the country column, when the "Country" column is a survey tool's location."""
    if "country" in found:
        found["country"] = asked_country_column(cells, found["country"], asks_country)
    return found


def asked_country_column(
    cells: tuple[Any, ...], country: int, asks_country: Callable[[Any], bool]
) -> int:
    """The country column of a header row whose "Country" column is ``country``: a column that
    asks for the country (``asks_country``) when ``country`` lies among location columns,
    else ``country``."""
    near = cells[max(0, country - _NEAR) : country + _NEAR + 1]
    if not any(isinstance(v, str) and _location(v) for v in near):
        return country
    asked = [c for c, v in enumerate(cells) if c != country and asks_country(v)]
    return asked[0] if len(asked) == 1 else country


def _plain(value: Any) -> bool:
    """A header that names a column ("Country"), not a question asking for the country."""
    return isinstance(value, str) and "?" not in value and len(value.split()) <= 2


def _location(value: str) -> bool:
    return " ".join(normalise(value).replace("/", " ").split()) in _LOCATION


def not_located(asked: list[int], texts: dict[int, Any]) -> list[int]:
    """The columns ``asked`` for the country (a form's, ``texts`` their headers by column)
    without those among a survey tool's location columns, when another one is left."""
    located = [
        c
        for c in asked
        if _plain(texts.get(c))
        and any(
            isinstance(texts.get(n), str) and _location(texts[n])
            for n in range(c - _NEAR, c + _NEAR + 1)
        )
    ]
    kept = [c for c in asked if c not in located]
    return kept if kept else asked
