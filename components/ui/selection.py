"""Choosing what to look at: countries and their assessments, in plain labels.

The sidebar offers a country and one of its rounds; these helpers turn the collection into
those choices. Pure functions, so the choices can be tested without a running app.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from components.charts.views import peer_ids
from components.ingest.collection import fictional_assessment_ids
from components.ingest.labels import assessment_labels, country_of
from components.scoring.peers import anonymise
from components.scoring.rounds import country_key, country_rounds, latest_assessments


def country_choices(capabilities: pd.DataFrame) -> list[str]:
    """Countries in the collection, alphabetically (never by score: no league tables).

    Spellings of one country ("Kenya", "KENYA ") are one choice, shown as first written.
    """
    if capabilities.empty:
        return []
    names: dict[str, str] = {}
    for name in capabilities["country"].dropna().astype(str):
        names.setdefault(country_key(name), name)
    return sorted(names.values(), key=str.casefold)


def round_choices(capabilities: pd.DataFrame, country: str | None) -> dict[str, str]:
    """Assessment id -> round label for one country's assessments, oldest first.

    The order and labels are scoring's (``country_rounds``), so pickers and trend charts agree.
    """
    if capabilities.empty or country is None:
        return {}
    rounds = country_rounds(capabilities, country)
    return dict(zip(rounds["assessment_id"], rounds["label"], strict=True))


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
    keys = capabilities["country"].map(country_key)
    counts = capabilities.groupby(keys)["assessment_id"].nunique()
    return [
        name
        for name in country_choices(capabilities)
        if counts.get(country_key(name), 0) >= minimum
    ]


def same_kind_countries(
    capabilities: pd.DataFrame, countries: Sequence[str], focus_country: str | None
) -> list[str]:
    """The ``countries`` of the focus country's kind: real ones beside a real country, the
    fictional demo's beside one of the demo's. Invented scores never stand beside real ones.
    """
    invented = invented_countries(capabilities)
    if not invented:
        return list(countries)
    focus_invented = focus_country is not None and country_key(focus_country) in invented
    return [c for c in countries if (country_key(c) in invented) == focus_invented]


def same_kind_ids(
    capabilities: pd.DataFrame, assessment_ids: Sequence[str], focus_country: str | None
) -> list[str]:
    """The ``assessment_ids`` of the focus country's kind (real, or the fictional demo's)."""
    fictional = fictional_assessment_ids(capabilities)
    if not fictional:
        return list(assessment_ids)
    invented = focus_country is not None and country_key(focus_country) in invented_countries(
        capabilities
    )
    return [i for i in assessment_ids if (i in fictional) == invented]


def kind_left_out(capabilities: pd.DataFrame, focus_country: str | None) -> str:
    """What a page says when it leaves out the other kind for the sidebar's country."""
    if focus_country is not None and country_key(focus_country) in invented_countries(capabilities):
        return (
            "Only the fictional demo's assessments are shown, as the country chosen in the "
            "sidebar is one of its invented ones; choose a real country there to see yours."
        )
    return (
        "The fictional demo's invented assessments are left out beside real ones; choose one "
        "of its countries in the sidebar to see them."
    )


def invented_countries(capabilities: pd.DataFrame) -> set[str]:
    """The countries (as ``country_key``) of the fictional demo's assessments."""
    fictional = fictional_assessment_ids(capabilities)
    if not fictional or capabilities.empty:
        return set()
    keys = capabilities["country"].map(country_key)
    return set(keys[capabilities["assessment_id"].isin(fictional)])


def kept_comparison(
    saved: Sequence[str] | None, countries: Sequence[str], focus_country: str | None
) -> list[str] | None:
    """A saved comparison that names countries no longer offered (another country of the
    other kind chosen in the sidebar): what it can keep, or the default comparison when
    fewer than two are left. ``None`` when the saved choice stands as it is."""
    if saved is None or set(saved) <= set(countries):
        return None
    kept = [country for country in saved if country in countries]
    return kept if len(kept) >= 2 else default_comparison(countries, focus_country)


def default_comparison(countries: Sequence[str], focus_country: str | None) -> list[str]:
    """The countries a comparison starts with: the focus, then the next three alphabetically.

    Alphabetical, never by score: a comparison is not a league table.
    """
    others = [country for country in countries if country != focus_country]
    return ([focus_country] if focus_country in countries else []) + others[:3]


def latest_of_each(
    capabilities: pd.DataFrame, countries: Sequence[str], focus_country: str | None
) -> tuple[list[str], str | None]:
    """The latest assessment of each chosen country, and which of them is the focus's."""
    ids = [list(round_choices(capabilities, country))[-1] for country in countries]
    return ids, focus_of(ids, countries, focus_country)


def focus_of(
    assessment_ids: Sequence[str], countries: Sequence[str], focus_country: str | None
) -> str | None:
    """Which of the compared assessments (one per country, in order) is the focus country's."""
    pairs = zip(assessment_ids, countries, strict=True)
    return next((i for i, country in pairs if country == focus_country), None)


def country_aliases(
    countries: Sequence[str], focus_country: str | None, *, anonymised: bool
) -> dict[str, str]:
    """How each compared country is named: itself, or, anonymised, "Country A, B, …"."""
    if anonymised:
        return anonymise(list(countries), focus_country)
    return {country: country for country in countries}


def undated_count(capabilities: pd.DataFrame) -> int:
    """Assessments with neither a year nor a date (a year filter cannot include them)."""
    if capabilities.empty:
        return 0
    first = capabilities.drop_duplicates("assessment_id")
    return int((first["year"].isna() & first["date"].isna()).sum())


def comparison_labels(
    capabilities: pd.DataFrame,
    assessment_ids: Sequence[str],
    countries: Sequence[str],
    focus_country: str | None,
    *,
    anonymised: bool,
) -> dict[str, str]:
    """Labels for a comparison: real ones, or, anonymised, "Country A, B, …" for the peers.

    Only the focus country keeps its name in the anonymised view; peers are lettered in the
    order they were chosen, which says nothing about their scores.
    """
    labels = assessment_labels(capabilities)
    if not anonymised:
        return {i: labels[i] for i in assessment_ids}
    aliases = anonymise(list(countries), focus_country)
    return {
        i: labels[i] if country == focus_country else aliases[country]
        for i, country in zip(assessment_ids, countries, strict=True)
    }


@dataclass(frozen=True)
class OverlayChoices:
    """What a country profile can lay over its radar: another round, or another country."""

    earlier: dict[str, str]  # the country's other rounds: assessment id -> round label
    others: dict[str, str]  # every other country's latest assessment: id -> label
    other_countries: dict[str, str]  # the same ids -> country name (what a link carries)


def overlay_choices(
    capabilities: pd.DataFrame,
    focus_id: str,
    country: str | None,
    labels: Mapping[str, str] | None = None,
) -> OverlayChoices:
    """The rounds and countries a profile of ``focus_id`` (of ``country``) can compare with.

    ``labels`` are ``assessment_labels(capabilities)`` when the caller already has them.
    """
    if labels is None:
        labels = assessment_labels(capabilities)
    earlier = {
        i: label for i, label in round_choices(capabilities, country).items() if i != focus_id
    }
    others = {i: labels[i] for i in peer_ids(capabilities, focus_id)}
    other_countries = {i: str(c) for i, c in country_of(capabilities, list(others)).items()}
    return OverlayChoices(earlier, others, other_countries)


# What an overlay picker with something to choose reads when nothing is laid over.
NO_OVERLAY = "None"


@dataclass(frozen=True)
class OverlayPicker:
    """How to draw one overlay picker: its options, which is shown first, and its placeholder.

    With nothing to choose it has no option at all and reads its placeholder, which says why
    (greyed out). Not a lone ``None`` option: Streamlit takes a stored ``None`` for "nothing
    chosen" and shows its generic "Choose an option" from the second run on, so the same
    picker read "None" or "Choose an option" depending on how the page was reached.
    """

    options: list[str | None]
    index: int | None
    placeholder: str

    @property
    def disabled(self) -> bool:
        return not self.options


def overlay_picker(choices: Mapping[str, str], nothing_to_choose: str) -> OverlayPicker:
    """The picker for ``choices`` (id -> label); ``nothing_to_choose`` when there are none."""
    if not choices:
        return OverlayPicker([], None, nothing_to_choose)
    return OverlayPicker([None, *choices], 0, NO_OVERLAY)


@dataclass(frozen=True)
class RoundPair:
    """Two rounds of a country to compare, the earlier always first.

    ``reversed_`` and ``same`` say what was wrong with the pair asked for (a link, or a stale
    choice), so the page can say what it shows instead.
    """

    earlier: str
    later: str
    reversed_: bool = False
    same: bool = False


def round_pair(
    ids: Sequence[str], earlier: object, later: object, *, keep_earlier: bool = False
) -> RoundPair:
    """The pair to show for the chosen ``earlier`` and ``later`` of ``ids`` (oldest first).

    Why ordered: "improved" and "declined", "the earlier round" and its plan's targets are
    only true from the older round to the newer one, so a reversed choice is never read
    backwards. A reversed pair is swapped (a link that named the rounds the wrong way round);
    with ``keep_earlier`` (a person just chose "From") the "From" stays and "To" becomes the
    latest round. The same round twice is compared with the latest (the latest with the round
    before it). A round not in ``ids`` counts as not chosen: "To" falls back to the latest,
    "From" to the round before "To". Needs at least two rounds.
    """
    if len(ids) < 2:
        raise ValueError("two rounds are needed to compare")
    last = len(ids) - 1
    order = {assessment_id: index for index, assessment_id in enumerate(ids)}
    to_index = order.get(later, last)  # type: ignore[call-overload]
    from_index = order.get(earlier, max(to_index - 1, 0))  # type: ignore[call-overload]
    if from_index < to_index:
        return RoundPair(ids[from_index], ids[to_index])
    same = from_index == to_index
    if same or keep_earlier:
        if from_index < last:
            return RoundPair(ids[from_index], ids[last], reversed_=not same, same=same)
        return RoundPair(ids[last - 1], ids[last], reversed_=not same, same=same)
    return RoundPair(ids[to_index], ids[from_index], reversed_=True)
