"""Fair peer groups: a median among comparable countries, shown only when it rests on enough.

A peer median compares a country with a group: every other country in the session, a UN M49
region or sub-region, a World Bank income group (both from ``components.framework.
country_groups``, by ISO3 code), or countries a person names. It uses the latest assessment of
each country in the group, plus any library assessments shared "in aggregates only" that
belong to it (they come without a name, see ``AggregatePeers``).

A median is shown only when it rests on at least ``min_peers`` assessments (3 by default, the
``MNR_MIN_PEERS`` setting), so that no single country can be read out of it; a domain whose
median would rest on fewer is left blank. Every median says which group it is and how many
assessments it rests on: "Median of 5 assessments in Sub-Saharan Africa".
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from components.base.text import count_of
from components.framework.country_groups import KIND_LABELS, Classification
from components.framework.model import Framework
from components.ingest.collection import fictional_assessment_ids, is_fictional
from components.scoring.peers import peer_domain_stats
from components.scoring.rounds import country_key, latest_assessments

DEFAULT_MIN_PEERS = 3
ALL = "all"
NAMED = "named"
GROUP_KINDS = (ALL, "un_region", "un_subregion", "income", NAMED)
GROUP_KIND_LABELS = {
    ALL: "All other countries",
    **KIND_LABELS,
    NAMED: "Countries I choose",
}


def min_peers_setting(
    env: Mapping[str, str] | None = None, section: Mapping[str, object] | None = None
) -> int:
    """``MNR_MIN_PEERS`` (or ``[peers] min_assessments`` in secrets.toml), at least 2.

    A value that is not a whole number of 2 or more falls back to the default (3): a typo must
    never lower the bar to one assessment, where the median *is* a country's own score.
    """
    env = os.environ if env is None else env
    raw = env.get("MNR_MIN_PEERS")
    if raw is None or not str(raw).strip():
        raw = (section or {}).get("min_assessments")
    try:
        value = int(str(raw).strip())
    except (TypeError, ValueError):
        return DEFAULT_MIN_PEERS
    return value if value >= 2 else DEFAULT_MIN_PEERS


@dataclass(frozen=True)
class PeerGroup:
    """Who the peers are: a kind of group and, for a classification, the group's name."""

    kind: str = ALL
    name: str | None = None  # "Sub-Saharan Africa", "Lower middle income"
    countries: tuple[str, ...] = ()  # for a named group: the countries, as shown

    @property
    def phrase(self) -> str:
        """How a median names its group: "in Sub-Saharan Africa", "of the countries you
        chose"."""
        if self.kind == NAMED:
            return "of the countries you chose"
        if self.kind == "income":
            return f"in the World Bank group “{self.name}”"
        if self.kind in KIND_LABELS:
            return f"in {self.name}"
        return "of all other countries"


@dataclass(frozen=True)
class AggregatePeers:
    """Library assessments shared "in aggregates only", as a peer median may use them.

    Nothing names them: ``levels`` has an alias per assessment ("aggregate-1", …), the
    capability and the level (no country, date, round, evidence or source), and ``groups``
    the alias's groups by kind (from its ISO3 code, looked up before the code was dropped).
    """

    levels: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=["assessment_id", "capability", "level"])
    )
    groups: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.groups)


@dataclass(frozen=True)
class PeerMedian:
    """A group's median and quartiles per domain, or why there is none."""

    group: PeerGroup
    stats: pd.DataFrame  # PEER_DOMAIN_COLUMNS; median NaN where a domain rests on too few
    count: int  # assessments in the group (session and library aggregates)
    from_library: int  # of which shared by the library in aggregates only
    min_peers: int
    # What was left out as of the other kind: "the fictional demo's countries" beside a real
    # country, "real countries" beside one of the demo's; empty when the session has one kind.
    apart: str = ""

    @property
    def shown(self) -> bool:
        return self.count >= self.min_peers

    @property
    def label(self) -> str:
        """ "Median of 5 assessments in Sub-Saharan Africa": what a chart's legend calls it."""
        return f"Median of {count_of(self.count, 'assessment')} {self.group.phrase}"

    @property
    def text(self) -> str:
        """ "Median of 5 assessments in Sub-Saharan Africa" (and how many came from the
        library's aggregates)."""
        text = self.label
        if self.from_library:
            text += f" ({self.from_library} of them shared by the library in aggregates only)"
        if self.apart:
            text += f"; {self.apart} left out"
        return text

    @property
    def reason(self) -> str | None:
        """Why no median is shown, in words; None when it is."""
        if self.shown:
            return None
        return (
            f"No peer median: it would rest on {count_of(self.count, 'assessment')} "
            f"{self.group.phrase}, and a median needs at least {self.min_peers} so that no "
            "single country can be read out of it. Choose a wider group."
        )


def focus_group(
    capabilities: pd.DataFrame, focus_id: str, kind: str, classification: Classification
) -> str | None:
    """The focus assessment's own group of one classification kind (by its ISO3), or None."""
    if kind not in KIND_LABELS:
        return None
    rows = capabilities.loc[capabilities["assessment_id"] == focus_id]
    iso3 = rows["iso3"].dropna().iloc[0] if "iso3" in rows and rows["iso3"].notna().any() else None
    return classification.group_of(iso3, kind)


def group_members(
    capabilities: pd.DataFrame,
    focus_id: str,
    group: PeerGroup,
    classification: Classification,
) -> list[str]:
    """The session's peers in the group: the latest assessment of each other country in it.

    Peers are of the focus's own kind: a real country is never measured against the
    fictional demo's invented countries, nor an invented one against real countries.
    """
    latest = latest_assessments(capabilities)
    first = capabilities.drop_duplicates("assessment_id").set_index("assessment_id")
    own = country_key(first.at[focus_id, "country"])
    fictional = fictional_assessment_ids(capabilities)
    own_kind = focus_id in fictional
    chosen = {country_key(country) for country in group.countries}
    members = []
    for assessment_id in latest:
        key = country_key(first.at[assessment_id, "country"])
        if key == own or (assessment_id in fictional) != own_kind:
            continue
        if group.kind == NAMED and key not in chosen:
            continue
        if group.kind in KIND_LABELS:
            iso3 = first.at[assessment_id, "iso3"] if "iso3" in first.columns else None
            iso3 = None if iso3 is None or pd.isna(iso3) else str(iso3)
            if classification.group_of(iso3, group.kind) != group.name:
                continue
        members.append(assessment_id)
    return members


def _pool_members(pool: AggregatePeers | None, group: PeerGroup) -> list[str]:
    if pool is None or group.kind == NAMED:
        return []  # a named group is chosen by name: anonymous assessments cannot be in it
    if group.kind == ALL:
        return list(pool.groups)
    return [alias for alias, groups in pool.groups.items() if groups.get(group.kind) == group.name]


def peer_median(
    capabilities: pd.DataFrame,
    framework: Framework,
    focus_id: str,
    group: PeerGroup,
    classification: Classification,
    *,
    min_peers: int = DEFAULT_MIN_PEERS,
    pool: AggregatePeers | None = None,
) -> PeerMedian:
    """The group's median per domain, resting on at least ``min_peers`` assessments.

    The group never holds the focus country itself. A domain whose median would rest on fewer
    than ``min_peers`` assessments (the others did not assess it) gets no median either.
    """
    members = group_members(capabilities, focus_id, group, classification)
    # The library's aggregates are real countries': no peers of an invented one.
    pooled = [] if is_fictional(capabilities, [focus_id]) else _pool_members(pool, group)
    columns = ["assessment_id", "capability", "level"]
    frames = [capabilities.loc[capabilities["assessment_id"].isin(members), columns]]
    if pooled and pool is not None:
        frames.append(pool.levels.loc[pool.levels["assessment_id"].isin(pooled), columns])
    frame = pd.concat([f for f in frames if not f.empty] or frames[:1], ignore_index=True)
    ids: Sequence[str] = [*members, *pooled]
    stats = peer_domain_stats(frame, framework, assessment_ids=list(ids))
    too_few = stats["n"] < min_peers
    stats.loc[too_few, ["median", "q1", "q3"]] = float("nan")
    fictional = fictional_assessment_ids(capabilities)
    apart = ""
    if fictional and not set(capabilities["assessment_id"].unique()) <= fictional:
        apart = "real countries" if focus_id in fictional else "the fictional demo's countries"
    return PeerMedian(group, stats, len(ids), len(pooled), min_peers, apart)
