"""Streamlit glue for the assessment library: settings, the shared engine, editor sign-in,
the session's side (opened assessments, messages after a rerun). The page's sections are in
``library_page``.

The engine is shared infrastructure (a connection pool to one database per deployment), so it
is the one thing cached process-wide with ``st.cache_resource``. Everything about a person
(whether they signed in as an editor, which library assessments they opened, what they are
about to save) stays in their own ``st.session_state``, under the keys below.
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from components.base.text import normalise, plural
from components.ingest.collection import add_assessments, remove_assessments, remove_origin
from components.library.access import (
    ConfigError,
    LibraryConfig,
    SignInLimiter,
    attempt_sign_in,
    library_config,
    passphrase_problem,
)
from components.library.database import LibraryUnavailable, create_library_engine
from components.library.store import (
    list_assessments,
    listing_session_ids,
    open_assessments_and_plans,
)
from components.library.visibility import Viewer
from components.ui import state
from components.ui.links import (
    ASSESSMENT,
    COUNTRY,
    LIBRARY_SOURCE,
    SOURCE,
    first_value,
    linked_parts,
)
from components.ui.markdown import Markdown, joined, md, notice

LIBRARY_EDITOR = "mnr_library_editor"
LIBRARY_PENDING = "mnr_library_pending"
LIBRARY_FLASH = "mnr_library_flash"
LIBRARY_CLIENT = "mnr_library_client"
LIBRARY_ORIGIN = "library"

UNAVAILABLE = "The library is not available: {reason}. Uploads still work in this session."


@st.cache_resource(show_spinner=False)
def sign_in_limiter() -> SignInLimiter:
    """The process's sign-in limiter, shared by every session.

    The one piece of per-process state outside the database, on purpose: it only slows
    guessing, so losing it at a restart loses nothing, and a replica counting on its own still
    slows a guesser there (a sticky load balancer keeps a client on one replica).
    """
    return SignInLimiter()


def _client() -> tuple[str | None, str]:
    """Who is signing in: the connection's address and this browser session's own token."""
    token = st.session_state.setdefault(LIBRARY_CLIENT, secrets.token_hex(16))
    return st.context.ip_address, token


def library_secrets() -> Mapping[str, Any]:
    """The ``[library]`` table of secrets.toml, or nothing when there is no such file or table."""
    try:
        section = st.secrets.get("library", {})
    except (FileNotFoundError, KeyError, ValueError):
        return {}
    return section if isinstance(section, Mapping) else {}


def library_settings() -> LibraryConfig:
    """Where the library is and who may change it (environment first, then secrets.toml).

    Raises ``LibraryUnavailable`` for a setting that cannot be used.
    """
    try:
        return library_config(secrets_section=library_secrets())
    except ConfigError as error:
        raise LibraryUnavailable(str(error).rstrip(".")) from error


@st.cache_resource(show_spinner=False, max_entries=4)
def _engine(url: str) -> Engine:
    return create_library_engine(url)


def library_engine(settings: LibraryConfig) -> Engine:
    """The engine for the configured library, created once per process and URL."""
    return _engine(settings.url)


def render_unavailable(reason: str) -> None:
    notice("warning", UNAVAILABLE.format(reason=reason), icon=":material/cloud_off:")


# --- editors ---------------------------------------------------------------------------------


def is_editor(settings: LibraryConfig) -> bool:
    """Whether this session may change the library (signed in, in editor mode)."""
    return settings.can_sign_in and bool(st.session_state.get(LIBRARY_EDITOR))


def library_viewer(settings: LibraryConfig) -> Viewer:
    """Who this session is for the library: an editor (signed in) or a visitor."""
    return settings.viewer(signed_in=is_editor(settings))


def forget_hidden(engine: Engine, viewer: Viewer) -> int:
    """Take out of this session the library assessments ``viewer`` may not see by name.

    After signing out, what only editors may see leaves the session too: the sidebar, the
    pictures and every export then show what a visitor may see. How many were taken out.
    """
    capabilities = state.collection().capabilities
    if capabilities.empty or "origin" not in capabilities.columns:
        return 0
    opened = set(capabilities.loc[capabilities["origin"] == LIBRARY_ORIGIN, "assessment_id"])
    if not opened:
        return 0
    allowed = set(listing_session_ids(list_assessments(engine, viewer=viewer)))
    hidden = opened - allowed
    if hidden:
        state.set_collection(remove_assessments(state.collection(), hidden))
    return len(hidden)


def _sign_out(engine: Engine, settings: LibraryConfig) -> None:
    st.session_state.pop(LIBRARY_EDITOR, None)
    st.session_state.pop(LIBRARY_PENDING, None)
    try:
        hidden = forget_hidden(engine, settings.viewer(signed_in=False))
    except LibraryUnavailable:
        # The library cannot be asked what a visitor may see: take out all it gave.
        state.set_collection(remove_origin(state.collection(), LIBRARY_ORIGIN))  # type: ignore[arg-type]
        hidden = -1
    if hidden:
        flash(
            "Signed out. The library assessments only editors may see were taken out of this "
            "session.",
            "info",
        )


def render_access(settings: LibraryConfig, engine: Engine) -> bool:
    """Say what this session may do with the library; offer sign-in. True for an editor."""
    if settings.mode == "read-only":
        st.info(
            "This library is read-only here: you can look at what it shares with everyone, "
            "open it in your session and download it. Saving is off. Files you upload stay in "
            "your own session.",
            icon=":material/visibility:",
        )
        return False
    problem = passphrase_problem(settings)
    if problem is not None:
        notice("info", Markdown(problem), icon=":material/lock:")  # the app's own wording
        return False
    if is_editor(settings):
        signed_in, sign_out = st.columns([4, 1], vertical_alignment="center")
        signed_in.success("Signed in as an editor.", icon=":material/edit:")
        sign_out.button(
            "Sign out", key="library_sign_out", on_click=_sign_out, args=(engine, settings)
        )
        return True
    with st.expander("Editors: sign in to save, rename, delete or import", expanded=False):
        render_sign_in_form(settings, "library")
    # A restart ends every session, sign-ins too, and a new session cannot know there was one
    # (nothing of it is kept, on purpose): the words are there before it is needed.
    st.caption(
        "An editor's sign-in lasts for this browser session: closing the tab or a restart of "
        "the app ends it. If the editor part is gone, the sign-in ended: sign in again."
    )
    return is_editor(settings)


def render_sign_in_form(settings: LibraryConfig, key: str) -> None:
    """The editor passphrase and its button (one sign-in for the whole browser session)."""
    with st.form(f"{key}_sign_in", border=False):
        passphrase = st.text_input("Editor passphrase", type="password", key=f"{key}_passphrase")
        submitted = st.form_submit_button("Sign in", icon=":material/login:")
    if submitted:
        _try_sign_in(settings, passphrase)


def _try_sign_in(settings: LibraryConfig, passphrase: str) -> None:
    address, session = _client()
    outcome = attempt_sign_in(
        sign_in_limiter(), address, session, passphrase, settings.passphrase_hash
    )
    if outcome is True:
        st.session_state[LIBRARY_EDITOR] = True
        st.rerun()
    if outcome is False:
        notice("error", "That passphrase is not right.", icon=":material/error:")
        return
    seconds = max(1, math.ceil(outcome))
    notice(
        "error",
        Markdown(
            f"Too many wrong passphrases were tried from here. Try again in {seconds} "
            f"{plural(seconds, 'second')}."
        ),
        icon=":material/timer:",
    )


# --- the session's side ------------------------------------------------------------------------


def add_to_session(
    capabilities: pd.DataFrame, enablers: pd.DataFrame, plans: pd.DataFrame | None = None
) -> None:
    """Put library assessments (with their action plans) into this session's collection
    (origin "library")."""
    state.set_collection(
        add_assessments(
            state.collection(),
            capabilities,
            enablers,
            LIBRARY_ORIGIN,  # type: ignore[arg-type]
            plans,
        )
    )


def flash(message: Markdown | str, kind: str = "success", details: Sequence[str] = ()) -> None:
    """A message to show after the rerun that follows an action, with ``details`` (lines of
    plain text, shown as typed) folded under it in an expander.

    Build messages that name user data with ``components.ui.markdown.md``; a plain ``str`` is
    shown escaped, as it is.
    """
    st.session_state.setdefault(LIBRARY_FLASH, []).append((kind, message, tuple(details)))


def render_flash() -> None:
    icons = {
        "success": ":material/check_circle:",
        "warning": ":material/warning:",
        "info": ":material/info:",
    }
    for wanted, message, *more in st.session_state.pop(LIBRARY_FLASH, []):
        kind = wanted if wanted in icons else "info"
        notice(kind, message, icon=icons[kind])
        details = more[0] if more else ()
        if details:
            with st.expander(md("Details ({count})", count=f"{len(details):,}")):
                st.markdown(joined([md("- {line}", None, line=line) for line in details], "\n"))


def pending_versions() -> list[str]:
    """Session ids of assessments the person was told are already in the library."""
    return list(st.session_state.get(LIBRARY_PENDING, []))


def set_pending_versions(ids: list[str]) -> None:
    if ids:
        st.session_state[LIBRARY_PENDING] = ids
    else:
        st.session_state.pop(LIBRARY_PENDING, None)


def open_linked_assessments() -> None:
    """Called by app.py before a link is applied: a link to library assessments
    (``source=library``) opens the assessments it names by id (``a=<id>`` and the page's
    choices, ``countries=<id>,<id>``…: what links carry), or, for an older link, the
    assessments of its country, that this person may see by name.

    Nothing the person may not see is opened, and nothing is said here: what could not be
    opened is counted in one notice that says the same whether the library no longer has it
    or keeps it from this person (``components.ui.links.gone_from_library``), and a country
    named in an older link gets the words of ``components.ui.links.read_selection``.
    """
    params = st.query_params.to_dict()
    if first_value(params.get(SOURCE)) != LIBRARY_SOURCE or state.is_own_link(params):
        return
    country = first_value(params.get(COUNTRY))
    current = state.collection().capabilities
    have = set() if current.empty else set(current["assessment_id"])
    wanted_ids = [part for part in linked_parts(params) if part not in have]
    wanted = normalise(country) if country and country.strip() else None
    if wanted is not None and first_value(params.get(ASSESSMENT)) is None:
        if not current.empty and (current["country"].dropna().map(normalise) == wanted).any():
            wanted = None
    else:
        wanted = None
    if not wanted_ids and wanted is None:
        return
    try:
        settings = library_settings()
        engine = library_engine(settings)
        listing = list_assessments(engine, viewer=library_viewer(settings))
        by_id = [session_id in wanted_ids for session_id in listing_session_ids(listing)]
        chosen = listing.loc[by_id, "library_id"].tolist()
        if wanted is not None:
            # The latest version of each of the country's rounds, as the person would open them.
            same = listing["country"].fillna("").map(normalise) == wanted
            chosen += listing.loc[same & listing["latest"], "library_id"].tolist()
        if not chosen:
            return
        capabilities, enablers, plans = open_assessments_and_plans(
            engine, list(dict.fromkeys(chosen)), viewer=library_viewer(settings)
        )
    except LibraryUnavailable:
        return  # the link's notice says what is not here; the library page says why
    add_to_session(capabilities, enablers, plans)
