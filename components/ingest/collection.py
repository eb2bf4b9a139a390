"""The set of assessments a person is working with: uploads, the fictional demo, the library,
and assessments entered in the app.

A ``Collection`` is immutable: every operation returns a new one, so a page can never change
what another page (or another user) sees by accident. Frames follow the tidy contract of
``components.ingest.report`` plus an ``origin`` column that says where each assessment came from.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from components.ingest.report import (
    ASSESSMENT_COLUMNS,
    CAPABILITY_COLUMNS,
    ENABLER_COLUMNS,
    empty_plans,
    find_duplicate_assessments,
)

Origin = Literal["upload", "demo", "library", "workshop", "editor"]
ORIGIN_LABELS: dict[str, str] = {
    "upload": "Uploaded",
    "demo": "Fictional demo",
    "library": "From the library",
    "workshop": "From a workshop",
    "editor": "Entered in the app",
}
SUMMARY_COLUMNS = [*ASSESSMENT_COLUMNS, "origin", "assessed", "total"]


FICTIONAL_ORIGIN: Origin = "demo"
# The framework edition an assessment was made against. Only library assessments carry it (the
# library records it when saving); any other assessment was read with the app's own framework.
EDITION_COLUMN = "framework_edition"


def assessment_editions(
    capabilities: pd.DataFrame, assessment_ids: Iterable[str], current: str
) -> dict[str, str]:
    """Assessment id -> the framework edition it was made against (``current`` when unknown)."""
    wanted = list(dict.fromkeys(assessment_ids))
    if EDITION_COLUMN not in capabilities.columns:
        return dict.fromkeys(wanted, current)
    first = capabilities.drop_duplicates("assessment_id").set_index("assessment_id")
    editions = {}
    for assessment_id in wanted:
        value = first[EDITION_COLUMN].get(assessment_id) if assessment_id in first.index else None
        editions[assessment_id] = current if value is None or pd.isna(value) else str(value)
    return editions


def editions_notice(
    capabilities: pd.DataFrame,
    assessment_ids: Iterable[str],
    labels: Mapping[str, str],
    current: str,
) -> str | None:
    """A sentence when these assessments were made against different framework editions.

    None when they share one edition (the usual case): nothing needs saying.
    """
    editions = assessment_editions(capabilities, assessment_ids, current)
    if len(set(editions.values())) < 2:
        return None
    named = "; ".join(
        f"{labels.get(assessment_id, assessment_id)}: {edition}"
        for assessment_id, edition in editions.items()
    )
    return (
        "These assessments were made against different editions of the framework "
        f"({named}). A capability may not mean quite the same in each edition: compare "
        "with care."
    )


def is_fictional(capabilities: pd.DataFrame, assessment_ids: Iterable[str] | None = None) -> bool:
    """True when any of these assessments (all, when none are named) is fictional demo data.

    The one test of "is this made-up data", so that every page and export that shows demo
    assessments says so, and nothing else does.
    """
    if "origin" not in capabilities.columns:
        return False
    origins = capabilities["origin"]
    if assessment_ids is not None:
        origins = origins[capabilities["assessment_id"].isin(list(assessment_ids))]
    return bool((origins == FICTIONAL_ORIGIN).any())


def fictional_assessment_ids(capabilities: pd.DataFrame) -> frozenset[str]:
    """The assessments in ``capabilities`` that are fictional demo data."""
    if "origin" not in capabilities.columns:
        return frozenset()
    fictional = capabilities["origin"] == FICTIONAL_ORIGIN
    return frozenset(capabilities.loc[fictional, "assessment_id"].unique())


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({column: pd.Series(dtype="object") for column in [*columns, "origin"]})


@dataclass(frozen=True)
class Collection:
    """Capabilities, enablers and action plans of every assessment in use, in the tidy long
    shape (plans in ``report.PLAN_COLUMNS``, without an origin: their assessment has one)."""

    capabilities: pd.DataFrame = field(default_factory=lambda: _empty(CAPABILITY_COLUMNS))
    enablers: pd.DataFrame = field(default_factory=lambda: _empty(ENABLER_COLUMNS))
    plans: pd.DataFrame = field(default_factory=empty_plans)

    @property
    def is_empty(self) -> bool:
        return self.capabilities.empty

    @property
    def assessment_ids(self) -> list[str]:
        return list(dict.fromkeys(self.capabilities["assessment_id"]))

    def count(self, origin: Origin | None = None) -> int:
        """How many assessments there are (of one origin, when given)."""
        frame = self.capabilities
        if origin is not None:
            frame = frame[frame["origin"] == origin]
        return int(frame["assessment_id"].nunique())

    def counts_by_origin(self) -> dict[str, int]:
        """How many assessments there are of each origin present (one pass over the rows)."""
        if self.capabilities.empty or "origin" not in self.capabilities.columns:
            return {}
        per_origin = self.capabilities.groupby("origin", sort=False)["assessment_id"].nunique()
        return {str(origin): int(count) for origin, count in per_origin.items()}

    @functools.cached_property
    def fictional_ids(self) -> frozenset[str]:
        """The assessments that are fictional demo data.

        Worked out once per collection: collections are replaced on every change, never
        changed, and every run asks (the demo notice, the address bar, the exports).
        """
        return fictional_assessment_ids(self.capabilities)

    @property
    def has_demo(self) -> bool:
        return bool(self.fictional_ids)

    def any_fictional(self, assessment_ids: Iterable[str]) -> bool:
        """True when any of these assessments is fictional demo data (as ``is_fictional``)."""
        return not self.fictional_ids.isdisjoint(assessment_ids)


def add_assessments(
    collection: Collection,
    capabilities: pd.DataFrame,
    enablers: pd.DataFrame,
    origin: Origin,
    plans: pd.DataFrame | None = None,
) -> Collection:
    """Add assessments (with their action plans); one already present under the same id is
    replaced, not doubled.

    Ids are stable hashes of country, date and source, so uploading the same file twice
    replaces the first reading instead of creating a silent duplicate. ``plans`` replaces the
    plans of the incoming assessments; ``None`` keeps the plan an assessment of the same id
    already has (a workshop's refreshed levels, an edited entry added again, a file without
    a plan uploaded again keep the plan made in the app).
    """
    incoming = set(capabilities["assessment_id"])
    if not incoming:
        return collection
    kept = remove_assessments(collection, incoming)
    new_plans = collection.plans if plans is None else plans
    new_plans = new_plans[new_plans["assessment_id"].isin(incoming)]
    return Collection(
        capabilities=_concat(kept.capabilities, capabilities.assign(origin=origin)),
        enablers=_concat(kept.enablers, enablers.assign(origin=origin)),
        plans=_concat(kept.plans, new_plans),
    )


def set_plan(collection: Collection, assessment_id: str, plan: pd.DataFrame) -> Collection:
    """The collection with one assessment's action plan replaced by ``plan`` (its rows for
    that assessment; an empty frame removes the plan). Unknown assessments change nothing."""
    if assessment_id not in set(collection.capabilities["assessment_id"]):
        return collection
    others = collection.plans[collection.plans["assessment_id"] != assessment_id]
    mine = plan[plan["assessment_id"] == assessment_id]
    return Collection(
        capabilities=collection.capabilities,
        enablers=collection.enablers,
        plans=_concat(others.reset_index(drop=True), mine),
    )


def remove_assessments(collection: Collection, assessment_ids: Iterable[str]) -> Collection:
    """Everything except the given assessments."""
    dropped = set(assessment_ids)
    return Collection(
        capabilities=collection.capabilities[
            ~collection.capabilities["assessment_id"].isin(dropped)
        ].reset_index(drop=True),
        enablers=collection.enablers[
            ~collection.enablers["assessment_id"].isin(dropped)
        ].reset_index(drop=True),
        plans=collection.plans[~collection.plans["assessment_id"].isin(dropped)].reset_index(
            drop=True
        ),
    )


def remove_origin(collection: Collection, origin: Origin) -> Collection:
    """Everything except the assessments of one origin (e.g. unload the demo)."""
    ids = collection.capabilities.loc[collection.capabilities["origin"] == origin, "assessment_id"]
    return remove_assessments(collection, ids)


def summarise(collection: Collection) -> pd.DataFrame:
    """One row per assessment: who, when, from where, and how many capabilities it rates."""
    frame = collection.capabilities
    if frame.empty:
        return pd.DataFrame(columns=SUMMARY_COLUMNS)
    grouped = frame.groupby("assessment_id", sort=False, dropna=False)
    summary = grouped[[*ASSESSMENT_COLUMNS[1:], "origin"]].first()
    summary["assessed"] = grouped["level"].count()
    summary["total"] = grouped["capability"].nunique()
    summary = summary.reset_index()[SUMMARY_COLUMNS]
    return summary.sort_values(
        ["origin", "country", "year", "date", "round"], na_position="last", kind="stable"
    ).reset_index(drop=True)


def _concat(first: pd.DataFrame, second: pd.DataFrame) -> pd.DataFrame:
    frames = [frame for frame in (first, second) if not frame.empty]
    if not frames:
        return first
    if len(frames) == 1:
        return frames[0].reset_index(drop=True)
    return pd.concat(frames, ignore_index=True)


def duplicate_groups(collection: Collection, pending: pd.DataFrame) -> pd.DataFrame:
    """Groups of assessments of the same country, date and round, across session and uploads.

    Adds a ``where`` column ("in this session" or "new upload") so a person can see which
    copy is which before choosing the one to keep.
    """
    in_session = set(collection.capabilities["assessment_id"])
    pending_new = pending[~pending["assessment_id"].isin(in_session)]
    # New uploads first: re-uploading a corrected file most likely means "keep the new one".
    combined = _concat(pending_new[CAPABILITY_COLUMNS], collection.capabilities[CAPABILITY_COLUMNS])
    groups = find_duplicate_assessments(combined)
    return groups.assign(
        where=groups["assessment_id"].map(
            lambda assessment_id: "in this session" if assessment_id in in_session else "new upload"
        )
    )


def discarded_by_choice(groups: pd.DataFrame, keep: Mapping[object, str]) -> set[str]:
    """The assessment ids to leave out, given the one to keep in each duplicate group.

    A group without a choice keeps every member: nothing is dropped that nobody chose to drop.
    """
    discarded: set[str] = set()
    for group, members in groups.groupby("duplicate_group", sort=False):
        chosen = keep.get(group)
        if chosen is None or chosen not in set(members["assessment_id"]):
            continue
        discarded.update(set(members["assessment_id"]) - {chosen})
    return discarded
