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
from components.framework.model import Framework
from components.ingest.collection import Collection
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
    open_assessments,
    rename_assessment,
    save_assessments,
    saveable_assessments,
)
from components.library.transfer import export_workbook, import_workbook
from components.ui import state
from components.ui.export_buttons import XLSX
from components.ui.library import add_to_session, flash, pending_versions, set_pending_versions
from components.ui.markdown import Markdown, joined, literal, md, notice, option_format
from components.ui.uploads import problem_table

ALL_COUNTRIES = "All countries"
ALL_YEARS = "All years"
_FLASH_KINDS = {"saved": "success", "identical": "info", "exists": "warning"}


def render_library(engine: Engine, framework: Framework, *, editor: bool) -> None:
    """The library's sections: what is in it for everyone, the editing sections for editors.

    Raises ``LibraryUnavailable`` when the library cannot be used; the page says why.
    """
    listing = list_assessments(engine)
    _render_listing(engine, listing, editor=editor)
    if editor:
        _render_save(engine)
        if not listing.empty:
            _render_rename_and_delete(engine, listing)
        _render_import(engine, framework)
    _render_export(engine, listing)


def _render_listing(engine: Engine, listing: pd.DataFrame, *, editor: bool) -> None:
    st.subheader("In the library")
    # Where the library lives is for the people who run it, not for every visitor.
    where = f" · {describe_library(engine)}" if editor else ""
    st.caption(md("{count}{where}", count=count_of(len(listing), "saved assessment"), where=where))
    if listing.empty:
        st.info(
            "The library is empty. An editor can save the assessments of their session here "
            "(upload them first), or import a library workbook.",
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
        _open_in_session(engine, chosen)
    if open_all.button(
        Markdown(f"Open all {len(labels)} shown"),
        key="library_open_all",
        icon=":material/select_all:",
    ):
        _open_in_session(engine, list(labels))


def _open_in_session(engine: Engine, library_ids: Sequence[int]) -> None:
    capabilities, enablers = open_assessments(engine, library_ids)
    add_to_session(capabilities, enablers)
    count = capabilities["assessment_id"].nunique()
    flash(
        f"Opened {count_of(count, 'library assessment')} in this session: pick one in the "
        "sidebar, or see them in the pictures."
    )
    st.rerun()


def _render_save(engine: Engine) -> None:
    st.subheader("Save this session's uploads to the library")
    current = state.collection()
    candidates = saveable_assessments(current.capabilities)
    pending = [i for i in pending_versions() if i in candidates]
    if pending:
        _render_pending_versions(engine, current, pending)
        return
    if not candidates:
        st.caption(
            "There is nothing to save: upload assessments first (the fictional demo is never "
            "saved, and assessments opened from the library are there already)."
        )
        st.page_link("pages/upload.py", label="Upload assessments", icon=":material/upload_file:")
        return
    chosen = st.multiselect(
        "Assessments to save",
        list(candidates),
        default=list(candidates),
        format_func=option_format(candidates, markdown=False),
        key="library_save_choice",
    )
    if st.button(
        Markdown(f"Save {count_of(len(chosen), 'assessment')} to the library"),
        key="library_save",
        type="primary",
        icon=":material/save:",
        disabled=not chosen,
    ):
        outcomes = save_assessments(
            engine, only(current.capabilities, chosen), only(current.enablers, chosen)
        )
        _report_outcomes(outcomes)
        set_pending_versions(
            [outcome.session_id for outcome in outcomes if outcome.status == "exists"]
        )
        st.rerun()


def _render_pending_versions(engine: Engine, current: Collection, pending: list[str]) -> None:
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
        )
        _report_outcomes(outcomes)
        set_pending_versions([])
        st.rerun()
    if cancel.button("Cancel", key="library_save_cancel", icon=":material/close:"):
        set_pending_versions([])
        flash("Nothing more was saved.", "info")
        st.rerun()


def _report_outcomes(outcomes: Sequence[SaveOutcome]) -> None:
    for outcome in outcomes:
        flash(outcome.message, _FLASH_KINDS[outcome.status])


def _render_rename_and_delete(engine: Engine, listing: pd.DataFrame) -> None:
    labels = listing_labels(listing)
    st.subheader("Rename or delete")
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


def _render_import(engine: Engine, framework: Framework) -> None:
    st.subheader("Import a library workbook")
    st.caption(
        "A workbook exported from a library (or any workbook the upload page reads). "
        "Assessments identical to ones already here are not imported twice; one that differs "
        "becomes a new version."
    )
    upload = st.file_uploader("Library workbook (.xlsx)", type=["xlsx"], key="library_import_file")
    if upload is not None and st.button(
        "Import into the library", key="library_import", icon=":material/input:"
    ):
        outcome = import_workbook(engine, upload.name, upload.getvalue(), framework)
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


def _render_export(engine: Engine, listing: pd.DataFrame) -> None:
    st.subheader("Download the library")
    st.caption(
        "The whole library as one Excel workbook, every version included. The upload page "
        "reads it, and an editor can import it into another library."
    )
    st.download_button(
        "Download the library (Excel)",
        data=lambda: export_workbook(engine),
        file_name="mnr-library.xlsx",
        mime=XLSX,
        icon=":material/download:",
        key="library_export",
        disabled=listing.empty,
        on_click="ignore",
    )
