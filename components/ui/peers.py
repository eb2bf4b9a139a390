"""Streamlit glue for peer medians: the group picker, the minimum setting, the library's
aggregate-only assessments. The numbers are ``components.scoring.peer_groups``'.

The chosen group lives in this session's state (shared by the profile page and the
presentation); the library's aggregate-only assessments are read afresh on each use, only
when the person asked for them on the Library page, and never kept with a name.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st

from components.framework.country_groups import KIND_LABELS, default_classification
from components.framework.model import Framework
from components.library.aggregates import aggregate_peers
from components.library.database import LibraryUnavailable
from components.scoring.peer_groups import (
    ALL,
    GROUP_KIND_LABELS,
    GROUP_KINDS,
    NAMED,
    AggregatePeers,
    PeerGroup,
    PeerMedian,
    focus_group,
    min_peers_setting,
    peer_median,
)
from components.ui import state
from components.ui.library import library_engine, library_settings, library_viewer
from components.ui.markdown import md
from components.ui.memo import remember
from components.ui.selection import country_choices

# What the person chose, kept outside the widgets: Streamlit forgets a widget's value on a
# page that does not draw it, and the presentation uses the group chosen on the profile page.
PEER_CHOICE = "mnr_peer_group"  # {"kind": ..., "names": {kind: name}, "countries": [...]}
USE_AGGREGATES = "mnr_use_library_aggregates"
_KIND_WIDGET = "peer_group_kind"
_NAME_WIDGET = "peer_group_name"
_COUNTRIES_WIDGET = "peer_group_countries"
_AGGREGATES_WIDGET = "library_use_aggregates"


def _choice() -> dict[str, Any]:
    return st.session_state.setdefault(PEER_CHOICE, {"kind": ALL, "names": {}, "countries": []})


def _peers_section() -> Mapping[str, Any]:
    try:
        section = st.secrets.get("peers", {})
    except (FileNotFoundError, KeyError, ValueError):
        return {}
    return section if isinstance(section, Mapping) else {}


def min_peers() -> int:
    """The fewest assessments a median may rest on (``MNR_MIN_PEERS``, default 3)."""
    return min_peers_setting(section=_peers_section())


def chosen_group(capabilities: pd.DataFrame, focus_id: str) -> PeerGroup:
    """The peer group chosen in this session (every other country until one is chosen).

    A classification group defaults to the focus country's own group.
    """
    choice = _choice()
    kind = choice["kind"]
    if kind == NAMED:
        return PeerGroup(NAMED, countries=tuple(choice["countries"]))
    if kind in KIND_LABELS:
        classification = default_classification()
        name = choice["names"].get(kind) or focus_group(
            capabilities, focus_id, kind, classification
        )
        if name is None:
            names = classification.group_names(kind)
            name = names[0] if names else None
        return PeerGroup(kind, name)
    return PeerGroup(ALL)


def _keep(widget: str, field: str, kind: str | None = None) -> None:
    """Copy a picker's value into the kept choice (an ``on_change`` callback)."""
    choice = _choice()
    value = st.session_state.get(widget)
    if kind is None:
        choice[field] = value
    else:
        choice[field] = {**choice[field], kind: value}


def render_group_picker(capabilities: pd.DataFrame, focus_id: str, country: str) -> PeerGroup:
    """The peer group widgets (the kind, then the group or the countries); the group."""
    classification = default_classification()
    choice = _choice()
    st.session_state[_KIND_WIDGET] = choice["kind"]
    kind = st.selectbox(
        "Peer group",
        GROUP_KINDS,
        format_func=GROUP_KIND_LABELS.__getitem__,
        key=_KIND_WIDGET,
        on_change=_keep,
        args=(_KIND_WIDGET, "kind"),
        help="Whom the peer median compares with. Comparisons are for learning, not ranking.",
    )
    if kind in KIND_LABELS:
        own = focus_group(capabilities, focus_id, kind, classification)
        names = classification.group_names(kind)
        current = chosen_group(capabilities, focus_id).name
        st.session_state[_NAME_WIDGET] = current if current in names else names[0]
        st.selectbox(
            KIND_LABELS[kind],
            names,
            key=_NAME_WIDGET,
            on_change=_keep,
            args=(_NAME_WIDGET, "names", kind),
        )
        if own is None:
            st.caption(
                md(
                    "{country} has no ISO3 code that this classification knows (the fictional "
                    "demo's codes are in none): choose a group, or choose the countries "
                    "yourself.",
                    country=country,
                )
            )
        source = classification.sources[kind]
        st.caption(md("Groups: {citation}.", max_chars=None, citation=source.citation))
    elif kind == NAMED:
        others = [c for c in country_choices(capabilities) if c != country]
        choice["countries"] = [c for c in choice["countries"] if c in others]
        st.session_state[_COUNTRIES_WIDGET] = choice["countries"]
        st.multiselect(
            "Countries in the group",
            others,
            key=_COUNTRIES_WIDGET,
            on_change=_keep,
            args=(_COUNTRIES_WIDGET, "countries"),
            placeholder="Choose the countries to compare with",
        )
    return chosen_group(capabilities, focus_id)


def render_aggregates_toggle() -> None:
    """The switch that lets this session's peer medians count the library's aggregates."""
    st.session_state[_AGGREGATES_WIDGET] = bool(st.session_state.get(USE_AGGREGATES))
    st.toggle(
        "Count them in this session's peer medians",
        key=_AGGREGATES_WIDGET,
        on_change=lambda: st.session_state.__setitem__(
            USE_AGGREGATES, bool(st.session_state.get(_AGGREGATES_WIDGET))
        ),
        help="The profile's and the presentation's peer medians then include them.",
    )


def aggregates_in_use() -> bool:
    """Whether this session asked for the library's aggregate-only assessments."""
    return bool(st.session_state.get(USE_AGGREGATES))


def session_aggregates(capabilities: pd.DataFrame) -> AggregatePeers | None:
    """The library's aggregate-only assessments, when this session asked for them.

    Countries the session holds by name are left out (they count once, by name). None when
    not asked for, or when the library cannot be read (the Library page says why).
    """
    if not st.session_state.get(USE_AGGREGATES):
        return None
    try:
        settings = library_settings()
        countries = capabilities["country"].dropna().astype(str).unique().tolist()
        return aggregate_peers(
            library_engine(settings),
            library_viewer(settings),
            default_classification(),
            exclude_countries=countries,
        )
    except LibraryUnavailable:
        return None


def group_median(
    capabilities: pd.DataFrame, framework: Framework, focus_id: str, group: PeerGroup
) -> PeerMedian:
    """The chosen group's median for the focus assessment, with this session's settings.

    Worked out once per change of the session's assessments, except when it draws on the
    library's aggregates: those change outside this session, so it is computed afresh.
    """
    pool = session_aggregates(capabilities)
    minimum = min_peers()

    def compute() -> PeerMedian:
        return peer_median(
            capabilities,
            framework,
            focus_id,
            group,
            default_classification(),
            min_peers=minimum,
            pool=pool,
        )

    current = state.collection()
    if pool is not None or capabilities is not current.capabilities:
        return compute()
    return remember(current, "peer_median", (focus_id, repr(group), minimum), compute)
