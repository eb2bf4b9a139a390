"""The library page's sections: the listing with its filters and the open buttons, and for
editors saving, new versions, renaming, deleting and importing; the download for everyone.

Each section draws itself and acts on its buttons. An action that changes the library or the
session leaves its message with ``flash`` and reruns, so the page redraws from the library as
it now is, with the message on top.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from components.base.text import count_of, plural
from components.framework.country_groups import default_classification
from components.framework.model import Framework
from components.ingest.collection import Collection
from components.library.access import LibraryConfig
from components.library.aggregates import aggregate_peers
from components.library.database import describe_library
from components.library.store import (
    MAX_TITLE_CHARS,
    SaveOutcome,
    delete_assessments,
    filter_choices,
    filter_listing,
    list_assessments,
    listing_labels,
    listing_table,
    only,
    open_assessments_and_plans,
    rename_assessment,
    save_assessments,
    saveable_assessments,
    set_visibility,
)
from components.library.transfer import export_workbook, import_workbook
from components.library.visibility import (
    VISIBILITIES,
    VISIBILITY_HELP,
    VISIBILITY_LABELS,
    Viewer,
    Visibility,
)
from components.ui import state
from components.ui.export_buttons import XLSX
from components.ui.library import add_to_session, flash, pending_versions, set_pending_versions
from components.ui.markdown import (
    NAME_CHARS,
    Markdown,
    joined,
    literal,
    md,
    notice,
    option_format,
)
from components.ui.peers import USE_AGGREGATES, min_peers, render_aggregates_toggle
from components.ui.uploads import problem_table

ALL_COUNTRIES = "All countries"
ALL_YEARS = "All years"
_FLASH_KINDS = {"saved": "success", "identical": "info", "exists": "warning"}


def render_library(
    engine: Engine, framework: Framework, *, viewer: Viewer, settings: LibraryConfig
) -> None:
    """The library's sections: what the viewer may see, the editing sections for editors.

    Raises ``LibraryUnavailable`` when the library cannot be used; the page says why.
    """
    if not viewer.named:
        # Private mode: before sign-in, nothing of the library is shown, not even its size.
        st.info(
            "This library is private: sign in as an editor to see it. Files you upload stay in "
            "your own session.",
            icon=":material/lock:",
        )
        return
    listing = list_assessments(engine, viewer=viewer)
    _render_listing(engine, listing, viewer=viewer)
    _render_aggregates(engine, viewer)
    if viewer.editor:
        _render_save(engine, framework, settings)
        if not listing.empty:
            _render_visibility(engine, listing)
            _render_rename_and_delete(engine, listing)
        _render_import(engine, framework, settings)
    _render_export(engine, listing, viewer)


def _render_listing(engine: Engine, listing: pd.DataFrame, *, viewer: Viewer) -> None:
    st.header("In the library")
    # Where the library lives is for the people who run it, not for every visitor.
    if viewer.editor:
        summary = md(
            "{count} · {where}",
            max_chars=None,
            count=count_of(len(listing), "saved assessment"),
            where=describe_library(engine),
        )
    else:
        summary = md("{count} shared with everyone", count=count_of(len(listing), "assessment"))
    st.caption(summary)
    if listing.empty:
        st.info(
            "There is nothing here to open yet. An editor can save the assessments of their "
            "session here (upload them first), or import a library workbook, and choose who "
            "may see each."
            if not viewer.editor
            else "The library is empty. Save the assessments of your session here (upload "
            "them first), or import a library workbook.",
            icon=":material/inventory_2:",
        )
        return
    countries, years = filter_choices(listing)
    country_column, year_column, text_column = st.columns([2, 1, 2])
    country = country_column.selectbox(
        "Country",
        [ALL_COUNTRIES, *countries],
        format_func=option_format({}, markdown=False),
        key="library_filter_country",
    )
    year = year_column.selectbox("Year", [ALL_YEARS, *years], key="library_filter_year")
    text = text_column.text_input(
        "Search", key="library_filter_text", placeholder="Title, country, round, assessor…"
    )
    latest_only = st.checkbox("Latest version of each assessment only", key="library_filter_latest")
    shown = filter_listing(
        listing,
        country=None if country == ALL_COUNTRIES else country,
        year=None if year == ALL_YEARS else year,
        text=text,
        latest_only=latest_only,
    )
    if shown.empty:
        st.info("No saved assessment matches these filters.", icon=":material/filter_alt_off:")
        return
    st.dataframe(listing_table(shown), hide_index=True, width="stretch")
    labels = listing_labels(shown)
    chosen = st.multiselect(
        "Open in this session",
        list(labels),
        format_func=option_format(labels, markdown=False),
        key="library_open_choice",
        placeholder="Choose one or more",
    )
    open_chosen, open_all = st.columns(2)
    if open_chosen.button(
        f"Open {len(chosen)} chosen" if chosen else "Open the chosen ones",
        key="library_open",
        icon=":material/open_in_browser:",
        disabled=not chosen,
    ):
        _open_in_session(engine, chosen, viewer)
    if open_all.button(
        Markdown(f"Open all {len(labels)} shown"),
        key="library_open_all",
        icon=":material/select_all:",
    ):
        _open_in_session(engine, list(labels), viewer)


def _render_aggregates(engine: Engine, viewer: Viewer) -> None:
    """Offer the assessments shared in aggregates only to this session's peer medians."""
    pool = aggregate_peers(engine, viewer, default_classification())
    if not pool.count:
        st.session_state.pop(USE_AGGREGATES, None)
        return
    st.header("Peer medians from the library")
    st.caption(
        md(
            "The library shares {countries} in aggregates only (the latest assessment of "
            "each): never shown by name, they may count in peer medians that rest on at least "
            "{minimum} assessments. Countries already in your session count once, by name.",
            countries=count_of(pool.count, "country", "countries"),
            minimum=min_peers(),
        )
    )
    render_aggregates_toggle()


def _open_in_session(engine: Engine, library_ids: Sequence[int], viewer: Viewer) -> None:
    capabilities, enablers, plans = open_assessments_and_plans(engine, library_ids, viewer=viewer)
    add_to_session(capabilities, enablers, plans)
    count = capabilities["assessment_id"].nunique()
    flash(
        f"Opened {count_of(count, 'library assessment')} in this session: pick one in the "
        "sidebar, or see them in the pictures."
    )
    st.rerun()


def _visibility_picker(key: str, default: Visibility, label: str) -> Visibility:
    """A choice of who may see an assessment, each option explained."""
    return st.radio(
        label,
        VISIBILITIES,
        index=VISIBILITIES.index(default),
        format_func=VISIBILITY_LABELS.__getitem__,
        captions=[VISIBILITY_HELP[v] for v in VISIBILITIES],
        key=key,
    )


def _render_save(engine: Engine, framework: Framework, settings: LibraryConfig) -> None:
    st.header("Save this session's assessments to the library")
    current = state.collection()
    candidates = saveable_assessments(current.capabilities)
    pending = [i for i in pending_versions() if i in candidates]
    if pending:
        _render_pending_versions(engine, framework, current, pending)
        return
    if not candidates:
        st.caption(
            "There is nothing to save: upload assessments or enter one in the app first (the "
            "fictional demo is never saved, and assessments opened from the library unchanged "
            "are there already)."
        )
        upload, assess = st.columns(2)
        upload.page_link(
            "pages/upload.py", label="Upload assessments", icon=":material/upload_file:"
        )
        assess.page_link("pages/assess.py", label="Assess in the app", icon=":material/edit_note:")
        return
    chosen = st.multiselect(
        "Assessments to save",
        list(candidates),
        default=list(candidates),
        format_func=option_format(candidates, markdown=False),
        key="library_save_choice",
    )
    visibility = _visibility_picker(
        "library_save_visibility", settings.default_visibility, "Who may see them"
    )
    if st.button(
        Markdown(f"Save {count_of(len(chosen), 'assessment')} to the library"),
        key="library_save",
        type="primary",
        icon=":material/save:",
        disabled=not chosen,
    ):
        outcomes = save_assessments(
            engine,
            only(current.capabilities, chosen),
            only(current.enablers, chosen),
            visibility=visibility,
            edition=framework.edition,
            plans=only(current.plans, chosen),
        )
        st.session_state["library_pending_visibility"] = visibility
        _report_outcomes(outcomes)
        set_pending_versions(
            [outcome.session_id for outcome in outcomes if outcome.status == "exists"]
        )
        st.rerun()


def _render_pending_versions(
    engine: Engine, framework: Framework, current: Collection, pending: list[str]
) -> None:
    labels = saveable_assessments(current.capabilities)
    notice(
        "warning",
        md(
            "Already in the library, with different content: {names}. Save them as new "
            "versions (the earlier versions are kept), or cancel.",
            names=joined([literal(labels[i]) for i in pending]),
        ),
        icon=":material/difference:",
    )
    save, cancel = st.columns(2)
    if save.button(
        "Save as new versions", key="library_save_versions", type="primary", icon=":material/save:"
    ):
        outcomes = save_assessments(
            engine,
            only(current.capabilities, pending),
            only(current.enablers, pending),
            as_new_version=True,
            visibility=st.session_state.get("library_pending_visibility", "editors"),
            edition=framework.edition,
            plans=only(current.plans, pending),
        )
        _report_outcomes(outcomes)
        set_pending_versions([])
        st.rerun()
    if cancel.button("Cancel", key="library_save_cancel", icon=":material/close:"):
        set_pending_versions([])
        flash("Nothing more was saved.", "info")
        st.rerun()


def _report_outcomes(outcomes: Sequence[SaveOutcome]) -> None:
    """One message per kind of outcome, not one per assessment: "80 assessments saved to the
    library." with each assessment's line folded under it; those not saved named in the
    message itself. A single assessment's outcome is its own message, as it is."""
    for status, kind in _FLASH_KINDS.items():
        these = [outcome for outcome in outcomes if outcome.status == status]
        if len(these) == 1:
            flash(these[0].message, kind)
        elif these:
            flash(_summary(status, these), kind, [outcome.message for outcome in these])


def _summary(status: str, outcomes: Sequence[SaveOutcome]) -> Markdown:
    count = count_of(len(outcomes), "assessment")
    if status == "saved":
        return md("{count} saved to the library.", count=count)
    names = joined([literal(outcome.label) for outcome in outcomes])
    if status == "identical":
        return md(
            "{count} already in the library, identical: nothing new to save for {names}.",
            count=count,
            names=names,
        )
    return md(
        "{count} already in the library with different content, not saved yet: {names}.",
        count=count,
        names=names,
    )


def _render_visibility(engine: Engine, listing: pd.DataFrame) -> None:
    """Editors choose who may see each assessment (each version has its own)."""
    labels = listing_labels(listing)
    current = dict(zip(listing["library_id"].astype(int), listing["visibility"], strict=True))
    st.header("Who may see them")
    st.caption(
        "Countries are promised that self-assessments are not disclosed or used to rank them: "
        "an assessment is for editors only until you choose otherwise."
    )
    with st.form("library_visibility", border=False):
        chosen = st.multiselect(
            "Assessments",
            list(labels),
            format_func=option_format(
                {i: f"{labels[i]} · now: {VISIBILITY_LABELS[current[i]]}" for i in labels},
                markdown=False,
                max_chars=2 * NAME_CHARS,
            ),
            placeholder="Choose one or more",
            key="library_visibility_choice",
        )
        visibility = st.radio(
            "Who may see them",
            VISIBILITIES,
            format_func=VISIBILITY_LABELS.__getitem__,
            captions=[VISIBILITY_HELP[v] for v in VISIBILITIES],
            key="library_visibility_value",
        )
        if st.form_submit_button("Apply", icon=":material/visibility_lock:"):
            if not chosen:
                st.error("Choose the assessments first.", icon=":material/error:")
            else:
                changed = set_visibility(engine, chosen, visibility)
                flash(f"{count_of(changed, 'assessment')} now: {VISIBILITY_LABELS[visibility]}.")
                st.rerun()


def _render_rename_and_delete(engine: Engine, listing: pd.DataFrame) -> None:
    labels = listing_labels(listing)
    st.header("Rename or delete")
    rename, remove = st.columns(2, gap="large")
    with rename, st.form("library_rename", border=False):
        target = st.selectbox(
            "Assessment to rename",
            list(labels),
            format_func=option_format(labels, markdown=False),
        )
        title = st.text_input("New title", max_chars=MAX_TITLE_CHARS)
        if st.form_submit_button("Rename", icon=":material/edit:"):
            if not title.strip():
                notice("error", "Write the new title first.", icon=":material/error:")
            elif rename_assessment(engine, target, title):
                flash(md("Renamed {old} to “{new}”.", old=labels[target], new=title.strip()))
                st.rerun()
            else:
                st.error("That assessment is no longer in the library.", icon=":material/error:")
    with remove:
        chosen = st.multiselect(
            "Assessments to delete",
            list(labels),
            format_func=option_format(labels, markdown=False),
            key="library_delete_choice",
            placeholder="Choose one or more",
        )
        confirmed = st.checkbox(
            Markdown(f"Yes, delete {len(chosen)} for everyone (this cannot be undone)"),
            key="library_delete_confirm",
            disabled=not chosen,
        )
        if st.button(
            "Delete",
            key="library_delete",
            icon=":material/delete:",
            disabled=not (chosen and confirmed),
        ):
            deleted = delete_assessments(engine, chosen)
            st.session_state.pop("library_delete_choice", None)
            st.session_state.pop("library_delete_confirm", None)
            flash(f"Deleted {count_of(deleted, 'assessment')} from the library.")
            st.rerun()


def _render_import(engine: Engine, framework: Framework, settings: LibraryConfig) -> None:
    st.header("Import a library workbook")
    st.caption(
        md(
            "A workbook exported from a library (or any workbook the upload page reads). "
            "Assessments identical to ones already here are not imported twice; one that "
            "differs becomes a new version. A library export keeps who may see each "
            "assessment; anything else is imported as “{visibility}”.",
            visibility=VISIBILITY_LABELS[settings.default_visibility],
        )
    )
    upload = st.file_uploader("Library workbook (.xlsx)", type=["xlsx"], key="library_import_file")
    if upload is not None and st.button(
        "Import into the library", key="library_import", icon=":material/input:"
    ):
        outcome = import_workbook(
            engine,
            upload.name,
            upload.getvalue(),
            framework,
            visibility=settings.default_visibility,
        )
        if outcome.read.problems:
            with st.expander(
                md("What the reader said about {name}", name=upload.name), expanded=True
            ):
                st.dataframe(problem_table(outcome.read), hide_index=True, width="stretch")
        if not outcome.outcomes:
            st.error("No assessment could be imported from that file.", icon=":material/error:")
            return
        there = outcome.already_there
        flash(
            f"Imported {count_of(outcome.saved, 'assessment')}; "
            f"{there} {plural(there, 'was', 'were')} in the library already."
        )
        if not outcome.read.problems:
            st.rerun()
        st.button("Show the library", key="library_import_done")


def _render_export(engine: Engine, listing: pd.DataFrame, viewer: Viewer) -> None:
    st.header("Download the library")
    st.caption(
        "The whole library as one Excel workbook, every version included, each with who may "
        "see it. The upload page reads it, and an editor can import it into another library."
        if viewer.editor
        else "What the library shares with everyone, as one Excel workbook, every version "
        "included. The upload page reads it, and an editor can import it into another library."
    )
    st.download_button(
        "Download the library (Excel)",
        data=lambda: export_workbook(engine, viewer=viewer),
        file_name="mnr-library.xlsx",
        mime=XLSX,
        icon=":material/download:",
        key="library_export",
        disabled=listing.empty,
        on_click="ignore",
    )
