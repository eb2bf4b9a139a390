"""The editor's last step: the entry joins the session like an upload, and stays in step.

Adding checks the entry first (a country, a sensible year or date) and, as the upload page
does, asks before it replaces an assessment of the same country, date and round. Once added,
the session's copy follows every change made here, so the pictures show the work as it goes;
while the entry does not pass its checks, the session keeps its last good copy.
"""

from __future__ import annotations

import datetime

import streamlit as st

from components.framework.model import Framework
from components.ingest.collection import ORIGIN_LABELS, Collection
from components.ingest.editing import (
    Entry,
    add_entry,
    check_entry,
    entry_frames,
    session_duplicates,
    to_payload,
)
from components.ingest.labels import assessment_label, assessment_labels
from components.library.drafts import encode_payload
from components.scoring.rounds import country_key
from components.ui import state
from components.ui.markdown import caption, joined, md, notice
from components.ui.selection import country_choices

SYNCED = "mnr_assess_synced"  # (assessment id, payload) of the entry's copy in the session
REPLACE_CONFIRM = "assess_replace"


def _origin(current: Collection, assessment_id: str) -> str | None:
    rows = current.capabilities[current.capabilities["assessment_id"] == assessment_id]
    return None if rows.empty else str(rows["origin"].iloc[0])


def _fingerprint(entry: Entry) -> tuple[str, str]:
    return entry.assessment_id, encode_payload(to_payload(entry))


def render_add(entry: Entry, framework: Framework, today: datetime.date) -> None:
    """Checks, the duplicate question, and the button that adds (or replaces) the entry."""
    check = check_entry(entry, today)
    current = state.collection()
    capabilities, enablers = entry_frames(entry, framework, today)
    duplicates = session_duplicates(current.capabilities, capabilities)
    origin = _origin(current, entry.assessment_id)
    name = assessment_label(capabilities.iloc[0]) if entry.country else ""
    if entry.is_blank:
        st.caption("Write the country and score what was assessed; then add it here.")
        st.button("Add to my session", key="assess_add", icon=":material/add:", disabled=True)
        return
    for problem in check.problems:
        notice("error", problem, icon=":material/error:")
    for note in check.notes:
        caption(md(":material/info: {note}", max_chars=None, note=note))

    if origin == "editor" and check.ok and not duplicates:
        if st.session_state.get(SYNCED) != _fingerprint(entry):
            state.set_collection(add_entry(current, capabilities, enablers))
            st.session_state[SYNCED] = _fingerprint(entry)
        notice(
            "success",
            md(
                "**{name}** is in your session: every picture, export and the library see "
                "it, and they show your changes as you make them.",
                name=name,
            ),
            icon=":material/check_circle:",
        )
        _render_next_steps()
        return
    if origin == "editor":
        st.info(
            "Your session keeps the copy added earlier until this one can replace it.",
            icon=":material/pause_circle:",
        )
    confirmed = True
    if duplicates:
        labels = assessment_labels(current.capabilities)
        origins = {i: ORIGIN_LABELS.get(_origin(current, i) or "", "") for i in duplicates}
        names = joined(
            [md("{label} ({origin})", label=labels[i], origin=origins[i]) for i in duplicates]
        )
        notice(
            "warning",
            md(
                "Your session already has {names}: the same country, year or date and round. "
                "Replace it with this one, or change the year, date or round above.",
                names=names,
            ),
            icon=":material/difference:",
        )
        confirmed = st.checkbox("Replace it with this one", key=REPLACE_CONFIRM)
    st.button(
        _add_label(origin),
        key="assess_add",
        type="primary",
        icon=":material/add:",
        disabled=not (check.ok and confirmed),
        on_click=_add,
        args=(entry, framework, today, tuple(duplicates)),
    )


def _add_label(origin: str | None) -> str:
    if origin is None:
        return "Add to my session"
    if origin == "editor":
        return "Update it in my session"
    return f"Replace the copy in my session ({ORIGIN_LABELS.get(origin, origin).lower()})"


def _add(
    entry: Entry, framework: Framework, today: datetime.date, replacing: tuple[str, ...]
) -> None:
    """Add the entry to the session and show it in the sidebar (a callback: before the page
    and the sidebar draw, so both show it at once)."""
    capabilities, enablers = entry_frames(entry, framework, today)
    state.set_collection(add_entry(state.collection(), capabilities, enablers, replacing))
    st.session_state[SYNCED] = _fingerprint(entry)
    st.session_state.pop(REPLACE_CONFIRM, None)
    wanted = country_key(entry.country)
    choices = country_choices(state.collection().capabilities)
    country = next((c for c in choices if country_key(c) == wanted), None)
    if country is not None:
        st.session_state[state.SELECTED_COUNTRY] = country
        st.session_state[state.SELECTED_ASSESSMENT] = entry.assessment_id


def _render_next_steps() -> None:
    profile, heatmap, library = st.columns(3)
    profile.page_link("pages/profile.py", label="See its profile", icon=":material/radar:")
    heatmap.page_link("pages/heatmap.py", label="Heatmap", icon=":material/grid_on:")
    library.page_link(
        "pages/library.py",
        label="Save it to the library (editors)",
        icon=":material/inventory_2:",
    )
