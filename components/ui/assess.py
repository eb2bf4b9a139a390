"""The assessment editor's state: the entry being edited, its draft in the database, its link.

A person's work must survive switching pages and reloading the tab. Switching pages keeps
``st.session_state``; reloading starts a new session, so the entry is also kept as a draft in
the library's database (``components.library.drafts``) under a token the page puts in its
address (``/assess?draft=<token>``). Each run, ``open_entry`` reads the widgets into the entry
(``components.ingest.editing.revise``) and writes the draft when it changed: one small
transaction per change. Nothing is written before the first change, so merely looking creates
nothing. When the database cannot be used, the editor keeps working in the session and the
page says that reloading will lose the work.

Widgets hold the values while they are on screen; the entry (under ``ENTRY``) is the truth
between runs. Widget keys are set from the entry before the widgets draw (``seed_widgets``)
and never given a default of their own, so a restored or newly started entry shows at once.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass

import streamlit as st
from sqlalchemy import Engine

from components.framework.model import Framework
from components.ingest.editing import (
    META_FIELDS,
    Answer,
    DraftFormatError,
    Entry,
    Kind,
    blank_entry,
    coverage,
    entry_from_payload,
    merge_entries,
    revise,
    to_payload,
)
from components.library.database import LibraryUnavailable
from components.library.drafts import (
    DraftConflict,
    DraftLimits,
    DraftRefused,
    DraftUnreadable,
    delete_draft,
    draft_limits,
    encode_payload,
    is_token,
    load_draft,
    new_token,
    save_draft,
)
from components.ui import state
from components.ui.library import library_engine, library_secrets, library_settings
from components.ui.links import first_value
from components.ui.markdown import Markdown, caption, md, notice

ENTRY = "mnr_assess_entry"
SLOT = "mnr_assess_slot"
FLASH = "mnr_assess_flash"
DRAFT_PARAM = "draft"
WIDGET_PREFIX = "assess_"


@dataclass
class DraftSlot:
    """Where this session's entry is kept.

    ``token``: the draft's token (None until the first change is kept). ``stored``: the
    payload last written or read under it (a change is written only when it differs).
    ``problem``: why the draft is not kept right now, in plain words. ``unavailable``: the
    database could not be reached; no more attempts until the person asks (each would wait
    for a connection). ``unopened``: the token came from a link that could not be opened, so
    nothing may be written under it (that would overwrite the draft it holds).
    """

    token: str | None = None
    stored: str | None = None
    problem: str | None = None
    unavailable: bool = False
    unopened: bool = False

    @property
    def kept(self) -> bool:
        return self.token is not None and self.problem is None and not self.unopened


# --- widget keys ---------------------------------------------------------------------------------


def meta_key(name: str) -> str:
    return f"{WIDGET_PREFIX}meta_{name}"


def answer_key(kind: Kind, part: str, number: int) -> str:
    """The widget key of one part (``level``, ``evidence``, ``confidence``) of an answer."""
    return f"{WIDGET_PREFIX}{kind}_{part}_{number}"


def _numbers(framework: Framework, kind: Kind) -> list[int]:
    items = framework.capabilities if kind == "capability" else framework.enablers
    return [item.number for item in items]


KINDS: tuple[Kind, ...] = ("capability", "enabler")


def _widget_values(entry: Entry, framework: Framework) -> dict[str, object]:
    values: dict[str, object] = {meta_key(name): getattr(entry, name) for name in META_FIELDS}
    for kind in KINDS:
        for number in _numbers(framework, kind):
            answer = entry.answer(kind, number)
            values[answer_key(kind, "level", number)] = answer.level
            values[answer_key(kind, "evidence", number)] = answer.evidence
            values[answer_key(kind, "confidence", number)] = answer.confidence
    return values


def seed_widgets(entry: Entry, framework: Framework, *, force: bool = False) -> None:
    """Give the widgets the entry's values: those without one (``force``: all of them)."""
    for key, value in _widget_values(entry, framework).items():
        if force or key not in st.session_state:
            st.session_state[key] = value


def _read_widgets(entry: Entry, framework: Framework) -> Entry:
    get = st.session_state.get

    def answers(kind: Kind, numbers: list[int]) -> dict[int, Answer]:
        return {
            number: Answer(
                level=get(answer_key(kind, "level", number)),
                evidence=get(answer_key(kind, "evidence", number)) or "",
                confidence=get(answer_key(kind, "confidence", number)),
            )
            for number in numbers
        }

    return revise(
        entry,
        framework,
        meta={name: get(meta_key(name), "") for name in META_FIELDS},
        capabilities=answers("capability", _numbers(framework, "capability")),
        enablers=answers("enabler", _numbers(framework, "enabler")),
    )


# --- the draft store -----------------------------------------------------------------------------


def _slot() -> DraftSlot:
    return st.session_state.setdefault(SLOT, DraftSlot())


def limits() -> DraftLimits:
    """What drafts may cost (environment first, then secrets.toml's ``[library]`` table)."""
    return draft_limits(secrets_section=library_secrets())


def _store() -> tuple[Engine, DraftLimits]:
    """The database drafts go to and their limits; ``LibraryUnavailable`` when unusable."""
    return library_engine(library_settings()), limits()


def flash(message: str | Markdown, kind: str = "success") -> None:
    """A message for the top of the page, shown once (after the rerun an action causes)."""
    st.session_state.setdefault(FLASH, []).append((kind, message))


def take_flash() -> list[tuple[str, str | Markdown]]:
    return st.session_state.pop(FLASH, [])


def open_entry(framework: Framework) -> Entry:
    """This run's entry: restored from a link that just arrived, else the session's, with what
    the widgets now hold; kept as a draft when it changed. Puts the draft in the address."""
    incoming = state.page_link_params(known=(DRAFT_PARAM,))
    slot = _slot()
    if incoming is not None and DRAFT_PARAM in incoming:
        token = first_value(incoming[DRAFT_PARAM]) or ""
        if token != slot.token:
            _restore(token, framework)
    entry = st.session_state.get(ENTRY)
    if entry is None:
        entry = blank_entry()
        st.session_state[ENTRY] = entry
    seed_widgets(entry, framework)
    revised = _read_widgets(entry, framework)
    if revised != entry:
        st.session_state[ENTRY] = revised
    kept = _keep(revised, framework)
    state.share_page_only()
    state.share(DRAFT_PARAM, _slot().token)
    return kept


def _restore(token: str, framework: Framework) -> None:
    """Open the draft of a link in this session, or say why not and start afresh."""
    fresh = blank_entry()
    if not is_token(token):
        _start(fresh, framework, DraftSlot())
        flash(_not_found(), "info")
        return
    try:
        engine, draft_settings = _store()
        stored = load_draft(engine, token, draft_settings)
    except LibraryUnavailable as error:
        _start(fresh, framework, DraftSlot(token=token, problem=error.reason, unopened=True))
        return
    except DraftUnreadable:
        stored = None
    entry = None
    if stored is not None:
        try:
            entry = entry_from_payload(stored.payload, framework)
        except DraftFormatError:
            entry = None
    if entry is None:
        _start(fresh, framework, DraftSlot())
        flash(_not_found(), "info")
        return
    _start(entry, framework, DraftSlot(token=token, stored=stored.text))
    flash(
        f"Your draft is back: {coverage(entry, framework).text}. Last kept "
        f"{stored.used_at:%Y-%m-%d %H:%M} UTC.",
    )


def _not_found() -> str:
    return (
        "The draft in this link was not found: a draft is cleared after "
        f"{limits().expiry_days} days without use, or the link is incomplete. A fresh "
        "assessment was started here."
    )


def _start(entry: Entry, framework: Framework, slot: DraftSlot) -> None:
    st.session_state[ENTRY] = entry
    st.session_state[SLOT] = slot
    seed_widgets(entry, framework, force=True)


def start_entry(entry: Entry, framework: Framework) -> None:
    """Work on another entry from now on, under a new draft (made on its first keep).

    The previous draft stays kept under its own link. A database found unavailable stays so
    (no waiting for it again) until the person asks to try again.
    """
    previous = _slot()
    slot = DraftSlot(problem=previous.problem, unavailable=True) if previous.unavailable else None
    _start(entry, framework, slot or DraftSlot())


def _keep(entry: Entry, framework: Framework) -> Entry:
    """Write the entry as its draft when it changed since the last write (one transaction).

    When the same draft was changed elsewhere meanwhile (another tab or browser with the same
    link), both sets of changes are merged and kept, and the merged entry is returned.
    """
    slot = _slot()
    if slot.unavailable or slot.unopened:
        return entry
    if slot.token is None and entry.is_blank:
        return entry  # nothing typed yet: nothing to keep, nothing created
    if encode_payload(to_payload(entry)) == slot.stored and slot.problem is None:
        return entry
    token = slot.token or new_token()
    try:
        engine, draft_settings = _store()
        kept = _save_merging(
            engine, token, entry, limits=draft_settings, slot=slot, framework=framework
        )
    except LibraryUnavailable as error:
        slot.problem = f"the library is not available: {error.reason}"
        slot.unavailable = True
        return entry
    except DraftRefused as error:
        slot.problem = error.reason
        return entry
    slot.token, slot.problem = token, None
    if kept != entry:
        st.session_state[ENTRY] = kept
        seed_widgets(kept, framework, force=True)
        flash(
            "This draft was also changed elsewhere (another tab or browser with its link): "
            "those changes are kept too, and they now show here.",
            "info",
        )
    return kept


_MERGE_ATTEMPTS = 3


def _save_merging(
    engine: Engine,
    token: str,
    entry: Entry,
    *,
    limits: DraftLimits,
    slot: DraftSlot,
    framework: Framework,
) -> Entry:
    """Save, merging with changes made elsewhere; sets ``slot.stored``. The entry kept."""
    for _ in range(_MERGE_ATTEMPTS):
        try:
            slot.stored = save_draft(engine, token, to_payload(entry), limits, expected=slot.stored)
            return entry
        except DraftConflict as conflict:
            base = _entry_or_none(slot.stored, framework)
            try:
                theirs = entry_from_payload(conflict.payload, framework)
            except (DraftUnreadable, DraftFormatError):
                theirs = None  # a damaged draft: this side's entry replaces it
            if base is not None and theirs is not None:
                entry = merge_entries(base, entry, theirs)
            slot.stored = conflict.stored
    raise DraftRefused("it keeps being changed elsewhere at this very moment; try again")


def _entry_or_none(stored: str | None, framework: Framework) -> Entry | None:
    if stored is None:
        return None
    try:
        return entry_from_payload(json.loads(stored), framework)
    except (ValueError, DraftFormatError):
        return None


def retry_keeping(framework: Framework) -> None:
    """The person asks to try the database again (after it was unavailable)."""
    slot = _slot()
    if slot.unopened and slot.token is not None:
        _restore(slot.token, framework)  # the link's draft first: never write over it
        return
    slot.problem, slot.unavailable = None, False


def discard_draft(framework: Framework) -> None:
    """Forget the draft (in the database too) and start a blank assessment."""
    slot = _slot()
    if slot.token is not None and not slot.unopened and not slot.unavailable:
        try:
            engine, _ = _store()
            delete_draft(engine, slot.token)
        except LibraryUnavailable:
            pass  # it expires on its own; the page no longer points at it
    _start(blank_entry(), framework, DraftSlot())
    flash("The draft was discarded. This is a blank assessment.", "info")


def draft_slot() -> DraftSlot:
    """How this session's entry is kept (for the page to say so)."""
    return _slot()


def render_flash() -> None:
    """The messages ``flash`` kept for this run; plain ``str`` ones are shown as typed."""
    for kind, message in take_flash():
        if kind == "success":
            notice("success", message, icon=":material/restore:")
        else:
            notice("info", message, icon=":material/info:")


def render_keeping(framework: Framework) -> None:
    """Say how the work is kept: in a draft the address reopens, or only in this session."""
    slot = _slot()
    if slot.unopened:
        notice(
            "warning",
            md(
                "The draft in this link could not be opened, because the library is not "
                "available: {problem}. Nothing in it was changed: open the same link again "
                "later. Work started here meanwhile is kept only in this browser session.",
                max_chars=None,
                problem=slot.problem,
            ),
            icon=":material/cloud_off:",
        )
        st.button(
            "Try to open the draft again",
            key="assess_retry",
            on_click=retry_keeping,
            args=(framework,),
        )
        return
    if slot.problem is not None:
        notice(
            "warning",
            md(
                "Your work is not kept as a draft, because {problem}. The editor still works "
                "and keeps it in this browser session, but **reloading this tab will lose "
                "it**. Add it to your session, then save it to the library (editors) or "
                "download it as Excel on the Upload page before you leave.",
                max_chars=None,
                problem=slot.problem,
            ),
            icon=":material/cloud_off:",
        )
        if slot.unavailable:
            st.button(
                "Try keeping the draft again",
                key="assess_retry",
                on_click=retry_keeping,
                args=(framework,),
            )
        return
    if slot.token is None:
        st.caption(
            ":material/cloud_upload: Your work is kept as a draft from your first change; the "
            "page's address then reopens it."
        )
        return
    days = limits().expiry_days
    caption(
        md(
            ":material/cloud_done: Kept as you go. This page's address reopens this draft, "
            "here or in another browser, for {days} days after its last use: bookmark it to "
            "finish later, and share it only with people who may change it.",
            days=days,
        )
    )


def today() -> datetime.date:
    return datetime.datetime.now(datetime.UTC).date()
