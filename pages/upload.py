"""Upload: get the template, upload workbooks, see exactly what was read, keep what is valid."""

import streamlit as st

from components.exports.safe_text import safe_csv_bytes
from components.framework.model import default_framework
from components.ingest.collection import remove_assessments
from components.ingest.foreign_headers import known_languages
from components.ingest.limits import limits_from_env, session_limits_from_env
from components.ingest.mapping import NO_MAPPING
from components.scoring.tables import preview_table
from components.ui import state
from components.ui.export_buttons import render_data_exports
from components.ui.mapping_step import (
    fix_in_the_file_note,
    needs_mapping,
    render_mapping_step,
)
from components.ui.markdown import Markdown, caption, md, notice, option_format, toast
from components.ui.navigation import run_through_navigation
from components.ui.page_frame import narrow_layout
from components.ui.render import (
    render_demo_notice,
    render_preview,
    render_problem_list,
    render_table,
)
from components.ui.upload_files import (
    files_in_box,
    forget_removed,
    kept_upload,
    read_uploads,
    release_read,
    results_for_mapping,
    sweep_orphaned_uploads,
)
from components.ui.uploads import (
    PROBLEMS_SHOWN_AS_TABLE,
    UPLOAD_LABEL,
    UPLOAD_TYPES,
    add_label,
    already_loaded,
    already_loaded_note,
    apply_plan,
    duplicate_choices,
    duplicates_among,
    file_kinds_markdown,
    files_in_order,
    files_to_read,
    has_assessments,
    keep_heading,
    nothing_to_add,
    plan_additions,
    problem_table,
    removed_message,
    results_in_order,
    session_overview,
    upload_summary,
    uploader_help,
    without_levels_note,
    without_repeats,
)

run_through_navigation()

framework = default_framework()
limits = limits_from_env()
session_limits = session_limits_from_env()

st.title("Upload assessments")
render_demo_notice()
st.markdown(
    md(
        "Bring assessments in from Excel, LibreOffice, CSV or a system's “export to Excel”. The "
        "app reads the template below, "
        "and also tables you made yourself: one row per country and capability, or a grid of "
        "capabilities and countries, with headings in {languages}. It tells you exactly which "
        "cell it could not use and why, keeps everything else, and lets you say what it could "
        "not work out. What it reads stays in this browser session (nobody else sees it), and "
        "each file is let go once it is read (one the app was unsure about, when you remove it "
        "or close the tab).",
        max_chars=None,
        languages=known_languages(),
    )
)

st.header("1. Get the template")
st.markdown(
    Markdown(
        f"One sheet per assessment: the country and date at the top, then the "
        f"{len(framework.capabilities)} capabilities with a drop-down for the level, and "
        f"columns for evidence and confidence. A second sheet covers the "
        f"{len(framework.enablers)} enablers. Leave a level blank when the capability was not "
        "assessed."
    )
)
st.download_button(
    "Download the Excel template",
    data=state.cached_template(),
    file_name="mnr-assessment-template.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    icon=":material/download:",
    type="primary",
)

st.header("2. Upload your files")
files = st.file_uploader(
    UPLOAD_LABEL,
    type=UPLOAD_TYPES,
    accept_multiple_files=True,
    key=state.UPLOADER,
    help=uploader_help(limits.max_file_bytes, session_limits),
)
with st.expander("Which files can I upload?"):
    st.markdown(file_kinds_markdown())

mapping = state.upload_mapping()
results = results_for_mapping(mapping)
# The box lists every file, also those whose bytes were let go after reading (see
# components/ui/upload_files.py: uploads are released as soon as they are read).
in_box = files_in_box(st.session_state.get(state.UPLOADER))
unread = files_to_read(results, in_box)
forget_removed(in_box)
if unread:
    progress = st.progress(0.0, text="Reading…")

    def show_progress(done: int, total: int, name: str) -> None:
        progress.progress(done / total, text=md("Reading {name}…", name=name))

    read_uploads(
        unread, results, framework, limits, session_limits, mapping=mapping, on_file=show_progress
    )
    progress.empty()
release_read([files, st.session_state.get(state.UPLOADER)], results)
sweep_orphaned_uploads()

if not in_box:
    demo_hint = (
        ""
        if state.collection().has_demo
        else " You can also load the fictional demo from the sidebar to see what the app does."
    )
    notice(
        "info",
        Markdown(
            "No file yet. Download the template above, fill it in Excel or LibreOffice, and "
            f"upload it here.{demo_hint}"
        ),
        icon=":material/upload_file:",
    )

ordered = results_in_order(results, in_box)
uploaded = files_in_order(results, in_box)
for index, result in enumerate(ordered):
    kept = kept_upload(uploaded[index].file_id)
    fix_step = kept is not None and (needs_mapping(result) or mapping != NO_MAPPING)
    summary = upload_summary(result, fix_step=fix_step)
    with st.container(border=True, key=f"upload-result-{index}"):
        # A heading without an anchor link: its text is the file's name.
        st.header(md(":material/description: {name}", name=summary.file_label), anchor=False)
        found, rated, errors, warnings = st.columns(4)
        found.metric("Assessments found", summary.assessments)
        rated.metric(
            "Levels read",
            summary.levels_read,
            help="Capability levels read; a blank level means not assessed and is not counted.",
        )
        errors.metric("Errors", summary.errors, help="Values that were not used.")
        warnings.metric(
            "Warnings", summary.warnings, help="Values used with an assumption the report states."
        )
        if summary.also_read:
            caption(summary.also_read)
        st.markdown(summary.verdict)  # Markdown: the app's own words and counts
        if result.problems:
            report = problem_table(result)
            if len(report) <= PROBLEMS_SHOWN_AS_TABLE and narrow_layout():
                render_problem_list(report)
            elif len(report) <= PROBLEMS_SHOWN_AS_TABLE:
                render_table(report)
            else:
                caption(Markdown(f"{len(report)} problems: scroll, sort or search the table."))
                st.dataframe(report, hide_index=True, width="stretch")
            st.download_button(
                "Download this report (CSV)",
                data=safe_csv_bytes(report),
                file_name=f"{summary.file_stem}-validation-report.csv",
                mime="text/csv",
                icon=":material/download:",
                key=f"report-{index}",
            )
        in_the_file = fix_in_the_file_note(result, kept_meanwhile=summary.assessments > 0)
        if in_the_file:
            notice("info", in_the_file, icon=":material/edit_note:")
        if kept is not None and fix_step:
            render_mapping_step(
                result,
                kept.data,
                framework,
                f"{state.MAPPING_WIDGET_PREFIX}{uploaded[index].file_id}",
                expanded=summary.assessments == 0 and len(ordered) == 1,
            )
        if summary.assessments:
            with st.expander("Preview what was read", expanded=len(ordered) == 1):
                render_preview(
                    preview_table(result.capabilities, framework), key=f"preview-{index}"
                )

if has_assessments(ordered):
    current = state.collection()
    every_group = duplicates_among(current, ordered)
    repeats = already_loaded(current, ordered, every_group)
    groups = without_repeats(every_group, repeats)
    choices = duplicate_choices(groups, len(framework.capabilities))
    keep: dict[object, str] = {}
    if choices:
        st.header("3. Choose between duplicates")
        st.markdown(
            "These assessments have the same country, date and round. Keep one of each group; "
            "the others are left out."
        )
        for choice in choices:
            keep[choice.group] = st.radio(
                choice.question,
                list(choice.options),
                format_func=option_format(choice.options, markdown=True),
                key=f"{state.DUPLICATE_CHOICE_PREFIX}{choice.group}",
            )
    plan = plan_additions(current, ordered, groups, keep, repeats)
    st.header(keep_heading(bool(choices)))
    repeated = already_loaded_note(every_group, repeats)
    if repeated:
        notice("info", repeated, icon=":material/content_copy:")
    empty = without_levels_note(plan)
    if empty:
        notice("warning", empty, icon=":material/warning:")
    if not plan.has_work:
        notice("success", nothing_to_add(bool(keep)), icon=":material/check_circle:")
    elif st.button(add_label(plan), type="primary", icon=":material/add:", key="add_uploads"):
        state.set_collection(apply_plan(current, plan))
        st.rerun()

st.divider()
st.header("In this session")
current = state.collection()
if current.is_empty:
    st.caption("No assessments yet.")
else:
    overview, labels = session_overview(current, framework)
    st.dataframe(overview, hide_index=True, width="stretch")
    render_data_exports(current, framework, key="session-export")
    with st.form("remove_assessments", border=False):
        chosen = st.multiselect(
            "Remove assessments from this session",
            list(labels),
            format_func=option_format(labels, markdown=False),
            placeholder="Choose one or more",
        )
        if st.form_submit_button("Remove", icon=":material/delete:"):
            if chosen:
                state.set_collection(remove_assessments(current, chosen))
                toast(removed_message(len(chosen)), icon=":material/delete:")
                st.rerun()
            st.warning("Choose the assessments to remove first.")
