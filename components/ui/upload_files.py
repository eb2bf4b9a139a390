"""Uploaded bytes: read each file once, keep only what was read, and let the bytes go.

Streamlit keeps every uploaded file's bytes in its upload manager, per session, until that
session is shut down. In Streamlit 1.67 a session whose tab was closed is kept for reconnection
(``server.disconnectedSessionTTL``) and then dropped from its session storage *without* being
shut down, so its files are never removed: the process keeps every upload of every closed tab
(upstream issue 12506, https://github.com/streamlit/streamlit/issues/12506, closed without a
fix; ``MemorySessionStorage`` in 1.67 still expires sessions with no clean-up callback).

The work-around, in one place (here):

- ``read_uploads`` reads each new file once, keeps only the tidy frames (``ReadResult``), and
  at once removes the file from Streamlit's upload manager and closes it (``release``): from
  then on nothing holds the bytes. The upload box still lists the file (the browser remembers
  it); the page shows what was read from it.
- The one exception: a file the reader was unsure about (``needs_mapping``) keeps one copy of
  its bytes in this session's state (``kept_upload``), because the mapping step shows its rows
  and reads it again with each of the person's choices. The copy goes when the file leaves
  the upload box, and with the session (session state, unlike the upload manager, is freed
  with it); it was counted in the session's budget when it was read.
- Files past the session's budget (``SessionLimits``: files and bytes in all) are released
  unread, with a problem in their report saying which limit and what to do.
- ``sweep_orphaned_uploads`` removes the files of sessions the runtime no longer knows (a tab
  closed while its files were still arriving), each time any session opens the upload page.
- ``release_read`` empties every other object Streamlit made over the same bytes (the
  widget's return value and its value in session state are different objects).
- After that, freed memory is handed back to the operating system (``malloc_trim`` where
  the C library has it), and the app fixes glibc's mmap threshold when it starts
  (``components.base.memory``): without that, freed uploads stay in the process's heap.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st
from streamlit import runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

from components.base.memory import give_back_memory
from components.base.text import count_of
from components.framework.model import Framework
from components.ingest.limits import MB, ReadLimits, SessionLimits
from components.ingest.mapping import NO_MAPPING
from components.ingest.mapping import Mapping as ReadingMapping
from components.ingest.reader import read_assessment_file
from components.ingest.report import CAPABILITY_COLUMNS, ENABLER_COLUMNS, Problem, ReadResult
from components.ui import state
from components.ui.mapping_step import needs_mapping

_LOG = logging.getLogger(__name__)
SESSION_BUDGET = "mnr_upload_budget"
KEPT_UPLOADS = "mnr_upload_kept"


@dataclass(frozen=True)
class KeptUpload:
    """A file kept for the mapping step: its name and its bytes (the upload manager's are gone)."""

    name: str
    data: bytes


def _kept() -> dict[str, KeptUpload]:
    return st.session_state.setdefault(KEPT_UPLOADS, {})


def kept_upload(file_id: str) -> KeptUpload | None:
    """The kept copy of a file the mapping step may read again, or None (it was released)."""
    return _kept().get(file_id)


def forget_removed(in_box: Sequence[Any]) -> None:
    """Let go of the kept copies of files no longer in the upload box."""
    kept = _kept()
    listed = {file.file_id for file in in_box}
    for file_id in set(kept) - listed:
        del kept[file_id]


def results_for_mapping(mapping: ReadingMapping) -> dict[str, ReadResult]:
    """The session's results; when the person's mapping changed since they were read, what
    was read from the kept files is forgotten, so that they are read again with it.

    Files read fully at once were released and are not read again: a mapping is for files the
    reader was unsure about, and a file that read without a doubt stays as it was read.
    """
    results = state.upload_results()
    if st.session_state.get(state.UPLOAD_MAPPING_READ) != mapping:
        for file_id in _kept():
            results.pop(file_id, None)
        st.session_state[state.UPLOAD_MAPPING_READ] = mapping
    return results


@dataclass
class UploadBudget:
    """What this session has read so far: files and bytes, against its ``SessionLimits``."""

    files: int = 0
    bytes: int = 0

    def refusal(self, size: int, limits: SessionLimits) -> Problem | None:
        """Why one more file of ``size`` bytes may not be read (None: it may)."""
        if self.files >= limits.max_files:
            message = (
                f"Not read: this session has read {count_of(self.files, 'file')}, the most one "
                "session may read."
            )
        elif self.bytes + size > limits.max_bytes:
            message = (
                f"Not read: with this file the session would have read "
                f"{(self.bytes + size) / MB:,.1f} MB, more than the "
                f"{limits.max_bytes / MB:,.0f} MB one session may read."
            )
        else:
            return None
        return Problem(
            "error",
            "",
            None,
            None,
            message,
            "Save what you need to the library (or download it), then open the app in a new "
            "tab to upload more. The person who runs the app can raise the limits "
            "(MNR_MAX_FILES_PER_SESSION, MNR_MAX_SESSION_UPLOAD_MB).",
        )

    def spend(self, size: int) -> None:
        self.files += 1
        self.bytes += size


def budget() -> UploadBudget:
    """This session's upload budget (kept in its own session state)."""
    return st.session_state.setdefault(SESSION_BUDGET, UploadBudget())


def release(file: Any) -> None:
    """Drop an uploaded file's bytes: from Streamlit's upload manager, and from the file."""
    ctx = get_script_run_ctx()
    if ctx is not None:
        ctx.uploaded_file_mgr.remove_file(ctx.session_id, file.file_id)
    # An UploadedFile is a BytesIO over the same bytes, and the uploader's value in session
    # state holds it until the next rerun: emptied, it holds nothing. (Emptied, not closed:
    # Streamlit's test harness still reads the value.)
    file.seek(0)
    file.truncate(0)


def release_read(holders: Sequence[object], results: Mapping[str, ReadResult]) -> None:
    """Empty every file object that still shares the bytes of a file already read.

    Streamlit makes a new ``UploadedFile`` each time it reads the uploader's value (the
    widget's return value and ``st.session_state`` hold different objects over the same
    bytes): each of them must let go.
    """
    released = 0
    for holder in holders:
        files = holder if isinstance(holder, list) else [holder]
        for file in files:
            if getattr(file, "file_id", None) in results and hasattr(file, "truncate"):
                release(file)
                released += 1
    if released:
        give_back_memory()


def files_in_box(widget_value: object) -> list[Any]:
    """The files the upload box lists, in its order, read or not (each has a ``file_id``).

    ``widget_value`` is the uploader's value in session state: after ``release`` a file is a
    ``DeletedFile`` there (Streamlit holds no bytes for it), which still has its id.
    """
    if widget_value is None:
        return []
    values = widget_value if isinstance(widget_value, list) else [widget_value]
    return [value for value in values if hasattr(value, "file_id")]


def _not_read(name: str, problem: Problem) -> ReadResult:
    return ReadResult(
        name,
        pd.DataFrame(columns=CAPABILITY_COLUMNS),
        pd.DataFrame(columns=ENABLER_COLUMNS),
        (Problem(problem.severity, name, None, None, problem.message, problem.fix),),
        opened=False,
    )


def read_uploads(
    files: Sequence[Any],
    results: MutableMapping[str, ReadResult],
    framework: Framework,
    limits: ReadLimits,
    session_limits: SessionLimits,
    *,
    mapping: ReadingMapping = NO_MAPPING,
    on_file: Callable[[int, int, str], None] | None = None,
) -> int:
    """Read the files not read yet into ``results`` (by file id), releasing each; how many.

    New files are read with the person's ``mapping`` and released; one the reader was unsure
    about keeps a copy for the mapping step (``kept_upload``), which is read again here when
    the mapping changed. Other files whose bytes are gone (read before) are skipped.
    ``on_file(done, total, name)`` is called before each file (for a progress bar).
    """
    kept = _kept()
    unread = [
        f
        for f in files
        if f.file_id not in results and (f.file_id in kept or hasattr(f, "getvalue"))
    ]
    spent = budget()
    for done, file in enumerate(unread):
        copy = kept.get(file.file_id)
        if on_file is not None:
            on_file(done, len(unread), copy.name if copy is not None else file.name)
        if copy is not None:  # read before, and counted then: read again with the mapping
            results[file.file_id] = read_assessment_file(
                copy.name, copy.data, framework, limits, mapping
            )
            continue
        size = int(file.size)
        refusal = spent.refusal(size, session_limits)
        if refusal is not None:
            results[file.file_id] = _not_read(file.name, refusal)
        else:
            spent.spend(size)
            data = file.getvalue()
            result = read_assessment_file(file.name, data, framework, limits, mapping)
            results[file.file_id] = result
            if needs_mapping(result):
                kept[file.file_id] = KeptUpload(file.name, data)
        release(file)
    return len(unread)


def sweep_orphaned_uploads() -> int:
    """Remove uploaded files of sessions the runtime no longer knows; how many sessions.

    Uses the runtime's session list and the memory upload manager's storage, which are not
    public API: where they are missing (another Streamlit version), nothing happens.
    """
    if not runtime.exists():
        return 0
    instance = runtime.get_instance()
    manager = instance.uploaded_file_mgr
    storage = getattr(manager, "file_storage", None)
    session_manager = getattr(instance, "_session_mgr", None)
    if not isinstance(storage, dict) or session_manager is None:
        return 0
    try:
        known = {info.session.id for info in session_manager.list_sessions()}
    except Exception:  # noqa: BLE001 - a clean-up must never break the page
        _LOG.warning("Could not list sessions to sweep uploaded files", exc_info=True)
        return 0
    orphans = [session_id for session_id in list(storage) if session_id not in known]
    for session_id in orphans:
        manager.remove_session_files(session_id)
    return len(orphans)
