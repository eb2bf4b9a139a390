"""The upload page's mapping step: when a file was not read fully, the person says how.

Which row holds the headers, which column is country, year, capability, level and evidence,
and which capability each unmatched label means (or that it is not one). Every choice is stored
at once in the session's ``Mapping`` (through the widgets' callbacks, before the page reruns),
so the report and the preview update as the person maps, and the same decisions apply to every
other file of the same shape in the session. Nothing is applied until the person chooses it.
"""

from __future__ import annotations

import hashlib
from typing import Any

import pandas as pd
import streamlit as st
from openpyxl.utils import get_column_letter

from components.framework.model import Framework
from components.ingest.calendars import WRITE_GREGORIAN
from components.ingest.mapping import (
    ROLE_LABELS,
    ROLES,
    Mapping,
    SheetPreview,
    label_key,
    mapping_for,
    preview_sheets,
)
from components.ingest.report import Problem, ReadResult
from components.ingest.short_names import RENAME_TO_FULL_NAME
from components.ui import state
from components.ui.markdown import caption, literal, md, option_format

NOT_A_CAPABILITY = 0  # the drop-down's value for "not a capability"
UNDECIDED = -1
# Unmatched labels asked about at most, per file (the rest follow once these are settled).
MAX_LABELS = 40
# Session key suffix: the person has chosen something in this file's step.
_TOUCHED = "-touched"


# Errors about a value written in the file that no choice of sheet, header row, columns or
# labels changes, known by the start of the fix the reader gives them: a year in another
# calendar (``components.ingest.calendars``) and a country abbreviated in a sheet's name
# (``components.ingest.short_names``). The step is not offered for them alone.
FIXED_ONLY_IN_THE_FILE = (WRITE_GREGORIAN, RENAME_TO_FULL_NAME)


def fixed_only_in_the_file(problem: Problem) -> bool:
    """Whether only changing the file fixes this problem (the mapping step cannot)."""
    return problem.severity == "error" and problem.fix.startswith(FIXED_ONLY_IN_THE_FILE)


def needs_mapping(result: ReadResult) -> bool:
    """Whether to offer the step: labels unmatched, errors it can fix, or nothing read (and no
    error saying why that only the file can fix), in a file that could be opened (for one that
    could not, no choice of rows or columns helps)."""
    if not result.opened:
        return False
    errors = [p for p in result.problems if p.severity == "error"]
    fixable = [p for p in errors if not fixed_only_in_the_file(p)]
    nothing = result.capabilities.empty and (fixable or not errors)
    return bool(nothing) or bool(result.unmatched_labels) or bool(fixable)


def fix_in_the_file_note(result: ReadResult, *, kept_meanwhile: bool) -> str | None:
    """What to do about the errors only the file can fix (``None`` when there are none)."""
    found = {
        p.fix.startswith(WRITE_GREGORIAN) for p in result.problems if fixed_only_in_the_file(p)
    }
    if not found:
        return None
    what = " and ".join(
        name for kind, name in ((True, "a year"), (False, "a sheet's name")) if kind in found
    )
    meanwhile = (
        " Until then, what could be read is kept (an assessment whose year could not be read "
        "is kept without one)."
        if kept_meanwhile
        else ""
    )
    return (
        f"The report names {what} written in the file in a way the app cannot use; no choice "
        "on this page changes it. To give it: correct it in the file as the report says, save "
        "the file, remove this copy from the upload box above and upload the corrected file."
        + meanwhile
    )


def render_mapping_step(
    result: ReadResult, data: bytes, framework: Framework, key: str, *, expanded: bool
) -> None:
    """The step for one file: its sheets' layout, then its unmatched labels.

    Once the person has chosen something in it, it stays open: the reading changes with each
    choice (a file read partly is not "nothing read" any more), and a step that closed under
    the person's hand would hide the next choice.
    """
    with st.expander(
        "Fix how this file is read",
        icon=":material/tune:",
        expanded=expanded or bool(st.session_state.get(f"{key}{_TOUCHED}")),
        key=f"{key}-step",
    ):
        st.caption(
            "Tell the app what it could not work out. Your choices apply at once to this file "
            "and to any other file in this session with the same headers."
        )
        previews = [p for p in preview_sheets(result.file, data, framework) if p.rows]
        if previews:
            _render_layout(previews, key, start=_sheet_to_start(result, previews))
        else:
            # The reader opened it (else the step is not offered): its sheets are empty.
            st.caption(
                "No sheet of this file has a filled cell, so there is nothing to map. Fill in "
                "the template (or a table of capabilities and levels) and upload it again."
            )
        _render_labels(result, framework, key)


def _sheet_to_start(result: ReadResult, previews: list[SheetPreview]) -> int:
    """The sheet the step opens on: the first with an error, else with a warning, else the
    first (not an instructions sheet the person would have to leave first)."""
    names = [p.name for p in previews]
    for severity in ("error", "warning"):
        for problem in result.problems:
            if problem.severity == severity and problem.sheet in names:
                return names.index(problem.sheet)
    return 0


def _render_layout(previews: list[SheetPreview], key: str, *, start: int) -> None:
    names = [p.name or "(the file)" for p in previews]
    index = 0
    if len(previews) > 1:
        index = st.selectbox(
            "Sheet",
            range(len(previews)),
            index=start,
            format_func=option_format(dict(enumerate(names)), markdown=False),
            key=f"{key}-sheet",
        )
    preview = previews[index]
    st.dataframe(_preview_frame(preview), width="stretch", height=260)
    prefix = f"{key}-{index}"
    header_default = (preview.header_row or 0) + 1
    use = st.toggle(
        "Read this sheet with the layout below",
        key=f"{prefix}-use",
        on_change=_store_layout,
        args=(preview, prefix),
    )
    header = st.number_input(
        "Row with the headers",
        min_value=1,
        max_value=len(preview.rows),
        value=min(header_default, len(preview.rows)),
        key=f"{prefix}-header",
        on_change=_store_layout,
        args=(preview, prefix),
    )
    choices = preview.column_choices(int(header) - 1)
    options = [None, *choices]
    columns = st.columns(len(ROLES))
    for column, role in zip(columns, ROLES, strict=True):
        guess = preview.columns.get(role)
        column.selectbox(
            ROLE_LABELS[role],
            options,
            index=options.index(guess) if guess in options else 0,
            format_func=option_format({None: "—", **choices}, markdown=False),
            key=_role_key(prefix, role, int(header) - 1),
            on_change=_store_layout,
            args=(preview, prefix),
        )
    if not use:
        st.caption(
            "Check the header row and the columns, then switch on “Read this sheet with the "
            "layout below”. A capability column without a level column reads the other "
            "columns as assessments (countries or years); a country column without a "
            "capability column reads capabilities across the header row."
        )


def _store_layout(preview: SheetPreview, prefix: str) -> None:
    """Callback: the layout widgets' values into the session's mapping (or out of it)."""
    st.session_state[f"{prefix.rpartition('-')[0]}{_TOUCHED}"] = True
    mapping = state.upload_mapping()
    header = int(st.session_state.get(f"{prefix}-header", (preview.header_row or 0) + 1)) - 1
    # Pickers not drawn yet for this header row show the guess: the mapping takes it too.
    chosen = {
        role: st.session_state.get(_role_key(prefix, role, header), preview.columns.get(role))
        for role in ROLES
    }
    roles = {role: column for role, column in chosen.items() if column is not None}
    sheet_mapping = mapping_for(preview, header, roles)
    # What these widgets stored before (another header row of the same sheet) is replaced,
    # not kept beside: it would match first, higher up the sheet.
    stored = f"{prefix}-signature"
    replaced = {sheet_mapping.signature, st.session_state.get(stored)}
    kept = tuple(m for m in mapping.sheets if m.signature not in replaced)
    on = bool(st.session_state.get(f"{prefix}-use")) and bool(roles)
    st.session_state[stored] = sheet_mapping.signature if on else None
    state.set_upload_mapping(Mapping((*kept, sheet_mapping) if on else kept, mapping.labels))


def _role_key(prefix: str, role: str, header: int) -> str:
    """A column picker's key, per header row: the pickers name the columns by that row, and a
    picker kept across rows would go on showing the old row's names."""
    return f"{prefix}-{role}-row{header}"


def _preview_frame(preview: SheetPreview) -> pd.DataFrame:
    """The sheet's first rows with Excel's row numbers and column letters (text shown as is)."""
    width = max(preview.width, 1)
    rows = [list(row) + [""] * (width - len(row)) for row in preview.rows]
    frame = pd.DataFrame(rows, columns=[get_column_letter(c + 1) for c in range(width)])
    frame.index = pd.RangeIndex(1, len(rows) + 1, name="Row")
    return frame


def _render_labels(result: ReadResult, framework: Framework, key: str) -> None:
    # Labels once asked about stay on screen after they are mapped, so a choice can be undone;
    # one that the file's reading no longer meets (a header row read as data before the person
    # chose the right row) and that was never decided is not asked about any more.
    asked: list[str] = st.session_state.setdefault(f"{key}-asked", [])
    asked.extend(label for label in result.unmatched_labels if label not in asked)
    decided = state.upload_mapping().labels
    unmatched = set(result.unmatched_labels)
    # One question per label as the mapping keeps it (case and spacing aside).
    by_key = {label_key(label): label for label in reversed(asked)}
    labels = [
        label for key_, label in reversed(by_key.items()) if label in unmatched or key_ in decided
    ]
    if not labels:
        return
    st.markdown("**Labels that name no capability**")
    options = [UNDECIDED, *(c.number for c in framework.capabilities), NOT_A_CAPABILITY]
    names = {c.number: f"{c.number} · {c.title}" for c in framework.capabilities}
    names[UNDECIDED] = "Choose…"
    names[NOT_A_CAPABILITY] = "Not a capability (leave it out)"
    for label in labels[:MAX_LABELS]:
        # Keyed by the label itself, not its place: the list changes as the reading does.
        remembered = label_key(label)
        digest = hashlib.sha1(remembered.encode(), usedforsecurity=False).hexdigest()[:12]
        widget = f"{key}-label-{digest}"
        default = UNDECIDED
        if remembered in decided:
            number = decided[remembered]
            default = NOT_A_CAPABILITY if number is None else number
        st.selectbox(
            literal(label),
            options,
            index=options.index(default),
            format_func=option_format(names, markdown=False),
            key=widget,
            on_change=_store_label,
            args=(label, widget),
        )
    if len(labels) > MAX_LABELS:
        caption(
            md(
                "{count} more labels appear once these are settled.",
                count=len(labels) - MAX_LABELS,
            )
        )


def _store_label(label: str, widget: str) -> None:
    """Callback: one label's decision into the session's mapping."""
    st.session_state[f"{widget.rpartition('-label-')[0]}{_TOUCHED}"] = True
    chosen: Any = st.session_state.get(widget, UNDECIDED)
    mapping = state.upload_mapping()
    labels = dict(mapping.labels)
    if chosen == UNDECIDED:
        labels.pop(label_key(label), None)
    else:
        labels[label_key(label)] = None if chosen == NOT_A_CAPABILITY else int(chosen)
    state.set_upload_mapping(Mapping(mapping.sheets, labels))
