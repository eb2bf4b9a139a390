"""Library: assessments kept between visits. Look, filter, open; editors save, rename, delete."""

import streamlit as st

from components.framework.model import default_framework
from components.library import store
from components.ui import library as render_library
from components.ui import state
from components.ui.navigation import run_through_navigation
from components.ui.render import render_demo_notice
from components.ui.uploads import problem_table

run_through_navigation()

framework = default_framework()
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ALL_COUNTRIES = "All countries"
ALL_YEARS = "All years"

st.title("Assessment library")
render_demo_notice()
st.markdown(
    "The library keeps assessments between visits, for everyone who uses this app. Open the "
    "ones you need in your session to see them in the pictures. What you upload stays in your "
    "own session until an editor saves it here."
)
render_library.render_flash()


def show_library() -> None:
    settings = render_library.library_settings()
    engine = render_library.library_engine(settings)
    editor = render_library.render_access(settings)
    listing = store.list_assessments(engine)
    show_listing(engine, listing, editor=editor)
    if editor:
        show_save(engine)
        if not listing.empty:
            show_rename_and_delete(engine, listing)
        show_import(engine)
    show_export(engine, listing)


def show_listing(engine, listing, *, editor: bool) -> None:
    st.subheader("In the library")
    plural = "s" if len(listing) != 1 else ""
    # Where the library lives is for the people who run it, not for every visitor.
    where = f" · {store.describe_library(engine)}" if editor else ""
    st.caption(f"{len(listing)} saved assessment{plural}{where}")
    if listing.empty:
        st.info(
            "The library is empty. An editor can save the assessments of their session here "
            "(upload them first), or import a library workbook.",
            icon=":material/inventory_2:",
        )
        return
    countries, years = store.filter_choices(listing)
    country_column, year_column, text_column = st.columns([2, 1, 2])
    country = country_column.selectbox(
        "Country", [ALL_COUNTRIES, *countries], key="library_filter_country"
    )
    year = year_column.selectbox("Year", [ALL_YEARS, *years], key="library_filter_year")
    text = text_column.text_input(
        "Search", key="library_filter_text", placeholder="Title, country, round, assessor…"
    )
    latest_only = st.checkbox("Latest version of each assessment only", key="library_filter_latest")
    shown = store.filter_listing(
        listing,
        country=None if country == ALL_COUNTRIES else country,
        year=None if year == ALL_YEARS else year,
        text=text,
        latest_only=latest_only,
    )
    if shown.empty:
        st.info("No saved assessment matches these filters.", icon=":material/filter_alt_off:")
        return
    st.dataframe(store.listing_table(shown), hide_index=True, width="stretch")
    labels = store.listing_labels(shown)
    chosen = st.multiselect(
        "Open in this session",
        list(labels),
        format_func=labels.__getitem__,
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
        open_in_session(engine, chosen)
    if open_all.button(
        f"Open all {len(labels)} shown",
        key="library_open_all",
        icon=":material/select_all:",
    ):
        open_in_session(engine, list(labels))


def open_in_session(engine, library_ids) -> None:
    capabilities, enablers = store.open_assessments(engine, library_ids)
    render_library.add_to_session(capabilities, enablers)
    count = capabilities["assessment_id"].nunique()
    plural = "s" if count != 1 else ""
    render_library.flash(
        f"Opened {count} library assessment{plural} in this session: pick one in the sidebar, "
        "or see them in the pictures."
    )
    st.rerun()


def show_save(engine) -> None:
    st.subheader("Save this session's uploads to the library")
    current = state.collection()
    candidates = store.saveable_assessments(current.capabilities)
    pending = [i for i in render_library.pending_versions() if i in candidates]
    if pending:
        show_pending_versions(engine, current, pending)
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
        format_func=candidates.__getitem__,
        key="library_save_choice",
    )
    plural = "s" if len(chosen) != 1 else ""
    if st.button(
        f"Save {len(chosen)} assessment{plural} to the library",
        key="library_save",
        type="primary",
        icon=":material/save:",
        disabled=not chosen,
    ):
        outcomes = store.save_assessments(
            engine, store.only(current.capabilities, chosen), store.only(current.enablers, chosen)
        )
        report_outcomes(outcomes)
        render_library.set_pending_versions(
            [outcome.session_id for outcome in outcomes if outcome.status == "exists"]
        )
        st.rerun()


def show_pending_versions(engine, current, pending) -> None:
    labels = store.saveable_assessments(current.capabilities)
    st.warning(
        "Already in the library, with different content: "
        + "; ".join(labels[i] for i in pending)
        + ". Save them as new versions (the earlier versions are kept), or cancel.",
        icon=":material/difference:",
    )
    save, cancel = st.columns(2)
    if save.button(
        "Save as new versions", key="library_save_versions", type="primary", icon=":material/save:"
    ):
        outcomes = store.save_assessments(
            engine,
            store.only(current.capabilities, pending),
            store.only(current.enablers, pending),
            as_new_version=True,
        )
        report_outcomes(outcomes)
        render_library.set_pending_versions([])
        st.rerun()
    if cancel.button("Cancel", key="library_save_cancel", icon=":material/close:"):
        render_library.set_pending_versions([])
        render_library.flash("Nothing more was saved.", "info")
        st.rerun()


def report_outcomes(outcomes) -> None:
    for outcome in outcomes:
        kind = {"saved": "success", "identical": "info", "exists": "warning"}[outcome.status]
        render_library.flash(outcome.message, kind)


def show_rename_and_delete(engine, listing) -> None:
    labels = store.listing_labels(listing)
    st.subheader("Rename or delete")
    rename, remove = st.columns(2, gap="large")
    with rename, st.form("library_rename", border=False):
        target = st.selectbox("Assessment to rename", list(labels), format_func=labels.__getitem__)
        title = st.text_input("New title", max_chars=store.MAX_TITLE_CHARS)
        if st.form_submit_button("Rename", icon=":material/edit:"):
            if not title.strip():
                st.error("Write the new title first.", icon=":material/error:")
            elif store.rename_assessment(engine, target, title):
                render_library.flash(f"Renamed {labels[target]} to “{title.strip()}”.")
                st.rerun()
            else:
                st.error("That assessment is no longer in the library.", icon=":material/error:")
    with remove:
        chosen = st.multiselect(
            "Assessments to delete",
            list(labels),
            format_func=labels.__getitem__,
            key="library_delete_choice",
            placeholder="Choose one or more",
        )
        confirmed = st.checkbox(
            f"Yes, delete {len(chosen)} for everyone (this cannot be undone)",
            key="library_delete_confirm",
            disabled=not chosen,
        )
        if st.button(
            "Delete",
            key="library_delete",
            icon=":material/delete:",
            disabled=not (chosen and confirmed),
        ):
            deleted = store.delete_assessments(engine, chosen)
            st.session_state.pop("library_delete_choice", None)
            st.session_state.pop("library_delete_confirm", None)
            plural = "s" if deleted != 1 else ""
            render_library.flash(f"Deleted {deleted} assessment{plural} from the library.")
            st.rerun()


def show_import(engine) -> None:
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
        outcome = store.import_workbook(engine, upload.name, upload.getvalue(), framework)
        if outcome.read.problems:
            with st.expander(f"What the reader said about {upload.name}", expanded=True):
                st.dataframe(problem_table(outcome.read), hide_index=True, width="stretch")
        if not outcome.outcomes:
            st.error("No assessment could be imported from that file.", icon=":material/error:")
            return
        render_library.flash(
            f"Imported {outcome.saved} assessment{'s' if outcome.saved != 1 else ''}; "
            f"{outcome.already_there} {'were' if outcome.already_there != 1 else 'was'} "
            "in the library already."
        )
        if not outcome.read.problems:
            st.rerun()
        st.button("Show the library", key="library_import_done")


def show_export(engine, listing) -> None:
    st.subheader("Download the library")
    st.caption(
        "The whole library as one Excel workbook, every version included. The upload page "
        "reads it, and an editor can import it into another library."
    )
    st.download_button(
        "Download the library (Excel)",
        data=lambda: store.export_workbook(engine),
        file_name="mnr-library.xlsx",
        mime=XLSX,
        icon=":material/download:",
        key="library_export",
        disabled=listing.empty,
        on_click="ignore",
    )


try:
    show_library()
except store.LibraryUnavailable as error:
    render_library.render_unavailable(error.reason)
