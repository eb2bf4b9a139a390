"""Where an assessment in the editor starts: blank, a new round of an assessment in the session
(or, for editors, in the library), or an edit of one; and discarding a draft.

The choices are drawn only while their expander is open: for editors they list the library,
which is not worth a query on every change of a level.
"""

from __future__ import annotations

import streamlit as st

from components.framework.model import Framework
from components.ingest.editing import Entry, StartMode, blank_entry, start_from, starting_points
from components.library.database import LibraryUnavailable
from components.library.store import list_assessments, listing_labels, open_assessments
from components.ui import state
from components.ui.assess import discard_draft, flash, start_entry
from components.ui.library import is_editor, library_engine, library_settings, library_viewer
from components.ui.markdown import Markdown, caption, md

BLANK = "blank"
START_OPEN = "assess_start_open"
START_CHOICE = "assess_start_choice"
START_MODE = "assess_start_mode"
DISCARD_CONFIRM = "assess_discard_confirm"
MODE_LABELS: dict[StartMode, str] = {
    "round": "A new round of it: its levels, evidence and confidence are copied; you set the "
    "year or date and the round",
    "edit": "Change it: the same assessment, corrected (it keeps its year and round, and "
    "replaces its copy in your session)",
}


def render_origin(entry: Entry) -> None:
    """What the entry was started from, if anything."""
    if entry.start_mode == "round" and entry.started_from:
        caption(
            md(
                ":material/content_copy: A new round, started from {origin}: set its year or "
                "date and round below.",
                origin=entry.started_from,
            )
        )
    elif entry.start_mode == "edit" and entry.started_from:
        caption(md(":material/edit: Changing {origin}.", origin=entry.started_from))


def render_start(entry: Entry, framework: Framework) -> None:
    """The "start another assessment" choices, in an expander that computes them when open."""
    box = st.expander(
        "Start another assessment, or start from an earlier one",
        key=START_OPEN,
        on_change="rerun",
        icon=":material/note_add:",
    )
    with box:
        if box.open:
            _render_choices(entry, framework)


def _library_choices() -> tuple[dict[str, str], str | Markdown | None]:
    """Library assessments an editor may start from, and a note when there are none to offer."""
    try:
        settings = library_settings()
        if not is_editor(settings):
            return {}, (
                "Editors who signed in on the Library page can also start from the library's "
                "assessments."
            )
        listing = list_assessments(library_engine(settings), viewer=library_viewer(settings))
    except LibraryUnavailable as error:
        return {}, md("The library is not available: {reason}.", reason=error.reason)
    return {
        f"library:{library_id}": f"{label} · in the library"
        for library_id, label in listing_labels(listing).items()
    }, None


def _render_choices(entry: Entry, framework: Framework) -> None:
    session = state.collection().capabilities
    points = starting_points(session)
    options = {BLANK: "A blank assessment"}
    options |= {f"session:{assessment_id}": label for assessment_id, label in points.items()}
    library, note = _library_choices()
    options |= library
    if st.session_state.get(START_CHOICE) not in options:
        st.session_state.pop(START_CHOICE, None)  # what it named has gone from the session
    choice = st.selectbox(
        "Start from",
        list(options),
        format_func=options.__getitem__,  # a select box shows its options as plain text
        key=START_CHOICE,
        help="Any assessment in your session: uploaded, entered here, or opened from the library.",
    )
    if note:
        caption(note)
    if not session.empty and (session.get("origin") == "demo").any():
        st.caption("The fictional demo is not offered: what you enter here is a real assessment.")
    mode: StartMode = "blank"
    if choice != BLANK:
        mode = st.radio(
            "How",
            list(MODE_LABELS),
            format_func=MODE_LABELS.__getitem__,
            key=START_MODE,
        )
    if not entry.is_blank:
        st.caption(
            "What you entered so far stays in its own draft: copy this page's address first "
            "if you want to come back to it."
        )
    st.button(
        "Start",
        key="assess_start",
        type="primary",
        icon=":material/play_arrow:",
        on_click=_start,
        args=(choice, mode, options[choice], framework),
    )
    if not entry.is_blank:
        st.divider()
        confirmed = st.checkbox("Yes, discard what I entered on this page", key=DISCARD_CONFIRM)
        st.button(
            "Discard this draft",
            key="assess_discard",
            icon=":material/delete:",
            disabled=not confirmed,
            on_click=_discard,
            args=(framework,),
        )


def _start(choice: str, mode: StartMode, label: str, framework: Framework) -> None:
    """Start the chosen entry (a callback: it runs before the page draws its widgets)."""
    st.session_state[START_OPEN] = False
    if choice == BLANK:
        start_entry(blank_entry(), framework)
        flash("A blank assessment was started.", "info")
        return
    where, _, identifier = choice.partition(":")
    try:
        if where == "library":
            settings = library_settings()
            capabilities, enablers = open_assessments(
                library_engine(settings), [int(identifier)], viewer=library_viewer(settings)
            )
            identifier = str(capabilities["assessment_id"].iloc[0])
        else:
            current = state.collection()
            capabilities, enablers = current.capabilities, current.enablers
        entry = start_from(
            capabilities, enablers, identifier, mode=mode, framework=framework, label=label
        )
    except LibraryUnavailable as error:
        flash(md("The library is not available: {reason}.", reason=error.reason), "info")
        return
    except (KeyError, IndexError, ValueError):
        flash("That assessment is no longer there; nothing was started.", "info")
        return
    start_entry(entry, framework)
    if mode == "round":
        flash(
            md(
                "A new round was started from {name}: its levels, evidence and confidence are "
                "copied. Set its year or date and round below.",
                name=label,
            ),
            "info",
        )
    else:
        flash(
            md(
                "You are changing {name}. Added to your session, it replaces the copy there; "
                "saved to the library by an editor, it becomes a new version.",
                name=label,
            ),
            "info",
        )


def _discard(framework: Framework) -> None:
    st.session_state[START_OPEN] = False
    st.session_state.pop(DISCARD_CONFIRM, None)
    discard_draft(framework)
