"""Choosing what to look at: countries and their assessments, in plain labels.

The sidebar offers a country and one of its rounds; these helpers turn the collection into
those choices. Pure functions, so the choices can be tested without a running app.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from components.scoring import country_rounds, latest_assessments
from components.tables import unique_assessment_labels


def country_choices(capabilities: pd.DataFrame) -> list[str]:
    """Countries in the collection, alphabetically (never by score: no league tables)."""
    if capabilities.empty:
        return []
    names = capabilities["country"].dropna().astype(str).unique().tolist()
    return sorted(names, key=str.casefold)


def round_choices(capabilities: pd.DataFrame, country: str | None) -> dict[str, str]:
    """Assessment id -> round label for one country's assessments, oldest first.

    The order and labels are scoring's (``country_rounds``), so pickers and trend charts agree.
    """
    if capabilities.empty or country is None:
        return {}
    rounds = country_rounds(capabilities, country)
    return dict(zip(rounds["assessment_id"], rounds["label"], strict=True))


def assessment_labels(capabilities: pd.DataFrame) -> dict[str, str]:
    """Assessment id -> "Country year (round)" for every assessment, told apart by source."""
    if capabilities.empty:
        return {}
    return unique_assessment_labels(capabilities.drop_duplicates("assessment_id"))


def year_choices(capabilities: pd.DataFrame) -> list[int]:
    """The years that have at least one assessment, oldest first."""
    if capabilities.empty:
        return []
    return sorted(int(year) for year in capabilities["year"].dropna().unique())


ROUND_FILTERS = {
    "latest": "Latest round of each country",
    "all": "All rounds",
    "years": "Chosen years",
}


def filter_assessments(
    capabilities: pd.DataFrame, which: str, years: Sequence[int] = ()
) -> list[str]:
    """Assessment ids for a round filter: the latest per country, all, or those in some years."""
    if capabilities.empty:
        return []
    if which == "latest":
        return latest_assessments(capabilities)
    if which == "years":
        chosen = capabilities[capabilities["year"].isin(list(years))]
        return list(dict.fromkeys(chosen["assessment_id"]))
    return list(dict.fromkeys(capabilities["assessment_id"]))


def comparison_choices(
    capabilities: pd.DataFrame, countries: Sequence[str]
) -> dict[str, dict[str, str]]:
    """For each country, its assessments (id -> round label), oldest first."""
    return {country: round_choices(capabilities, country) for country in countries}


def countries_with_rounds(capabilities: pd.DataFrame, minimum: int = 2) -> list[str]:
    """Countries with at least ``minimum`` assessments, alphabetically."""
    if capabilities.empty:
        return []
    counts = capabilities.groupby("country")["assessment_id"].nunique()
    return sorted((str(c) for c, n in counts.items() if n >= minimum), key=str.casefold)


def country_of(capabilities: pd.DataFrame, assessment_ids: Sequence[str]) -> dict[str, str]:
    """Assessment id -> its country, for the given assessments (in their order)."""
    first = capabilities.drop_duplicates("assessment_id").set_index("assessment_id")["country"]
    return {assessment_id: str(first[assessment_id]) for assessment_id in assessment_ids}
