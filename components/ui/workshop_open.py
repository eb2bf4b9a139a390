"""Opening a workshop (the facilitator page without a workshop in its link), and the open
workshops of the deployment for editors.

Who may open one: an **editor** (signed in with the editor passphrase, as for saving to the
library). A workshop writes to the shared database and puts a page on the room's network,
so it is not for every visitor; a deployment in read-only mode has no workshops at all. Once
open, the facilitator's key in the link is what controls it, with no sign-in needed (a
second laptop with the facilitator link keeps control).
"""

from __future__ import annotations

import datetime

import streamlit as st
from sqlalchemy import Engine

from components.base.text import count_of
from components.framework.model import Framework
from components.library.access import LibraryConfig, passphrase_problem
from components.library.database import LibraryUnavailable
from components.library.workshops import (
    MAX_COUNTRY_CHARS,
    MAX_OPEN_WORKSHOPS,
    MAX_ROUND_CHARS,
    WorkshopError,
    close_as_editor,
    open_workshop,
    open_workshops,
)
from components.scoring.rounds import country_key
from components.ui import state
from components.ui.library import is_editor, render_sign_in_form
from components.ui.markdown import Markdown, md, notice
from components.ui.page_frame import ask_scroll_to_top
from components.ui.selection import invented_countries

HOW_IT_WORKS = """\
1. **Open a workshop** for a country and round, and choose the capabilities and their order.
2. **The room joins** from phones with the QR code or the link on the screen; names are
   optional, never shown on the screen, and the facilitator can download them as a list of
   who took part, never beside the votes.
3. **For each capability** people rate it (a level, or "don't know"); you see the votes come
   in, **reveal** the distribution when the room is ready, discuss, and **record the agreed
   level** and a note.
4. **At the end** the agreed levels are an assessment in your session (every picture and
   export, saveable to the library), and the votes download without names.
"""


def render_opening(engine: Engine, settings: LibraryConfig, framework: Framework) -> None:
    """How a workshop works, and for editors the form that opens one."""
    st.markdown(HOW_IT_WORKS)
    if settings.mode == "read-only":
        st.info(
            "Workshops are off here: this app is read-only (`MNR_LIBRARY_MODE=read-only`), "
            "and a workshop writes its votes to the shared database. Run one on an app in "
            "editor mode, for example on your laptop (see the README, “Running a workshop”).",
            icon=":material/visibility:",
        )
        return
    problem = passphrase_problem(settings)
    if problem is not None:
        notice(
            "info",
            md(
                "Opening a workshop needs the editor sign-in. {problem}",
                max_chars=None,
                problem=Markdown(problem),  # app wording, with its `code`
            ),
            icon=":material/lock:",
        )
        return
    if not is_editor(settings):
        st.info(
            "Opening a workshop needs the editor sign-in (the same passphrase as for saving to "
            "the library). Participants need no sign-in, and neither does a facilitator who "
            "has the facilitator link.",
            icon=":material/lock:",
        )
        render_sign_in_form(settings, "workshop")
        return
    _render_form(engine, framework)
    _render_open_workshops(engine)


OPEN_ERROR = "mnr_workshop_open_error"
NEW_LINK = "mnr_workshop_new_link"


def _render_form(engine: Engine, framework: Framework) -> None:
    st.header("Open a workshop")
    capabilities = {c.number: c.label for c in framework.capabilities}
    problem = st.session_state.pop(OPEN_ERROR, None)
    if problem:
        st.error(problem, icon=":material/error:")
    if "workshop_open_country" not in st.session_state:
        # A workshop records real levels: never filed under one of the demo's invented
        # countries, whose rounds it would join on every page.
        chosen = state.selected_country()
        invented = invented_countries(state.collection().capabilities)
        real = chosen is not None and country_key(chosen) not in invented
        st.session_state["workshop_open_country"] = chosen if real else ""
    with st.form("workshop_open", border=True):
        country_column, year_column, round_column = st.columns([3, 1, 2])
        country_column.text_input(
            "Country", key="workshop_open_country", max_chars=MAX_COUNTRY_CHARS
        )
        year_column.number_input(
            "Year",
            min_value=1990,
            max_value=2100,
            value=datetime.date.today().year,
            step=1,
            key="workshop_open_year",
        )
        round_column.text_input(
            "Round (optional)",
            placeholder="e.g. national workshop",
            max_chars=MAX_ROUND_CHARS,
            key="workshop_open_round",
        )
        st.multiselect(
            "Capabilities, in the order the room will take them",
            list(capabilities),
            default=list(capabilities),
            format_func=capabilities.__getitem__,
            key="workshop_open_capabilities",
            help="All 21 by domain to begin with. Remove the ones you skip; to change the "
            "order, remove a capability and add it again at the end.",
        )
        st.form_submit_button(
            "Open the workshop",
            type="primary",
            icon=":material/groups:",
            on_click=_open,
            args=(engine, framework),
        )


def _open(engine: Engine, framework: Framework) -> None:
    """Open the workshop the form describes, and put its facilitator link in the address.

    A callback, so that the address changes before the page runs (a rerun would drop it):
    the page then draws the new workshop.
    """
    year = st.session_state.get("workshop_open_year")
    try:
        new = open_workshop(
            engine,
            framework,
            country=st.session_state.get("workshop_open_country", ""),
            year=None if year is None else int(year),
            round_label=st.session_state.get("workshop_open_round"),
            capabilities=st.session_state.get("workshop_open_capabilities", []),
        )
    except WorkshopError as error:
        st.session_state[OPEN_ERROR] = error.reason
        return
    except LibraryUnavailable as error:
        st.session_state[OPEN_ERROR] = f"The database is not available: {error.reason}."
        return
    # The facilitator's link holds the key: a reload or a second laptop keeps control. Set
    # here for this run, and sent to the browser again by the run (``resend_new_link``): what
    # a callback sends is dropped when the run starts.
    st.query_params.from_dict({"w": new.code, "key": new.key})
    st.session_state[NEW_LINK] = True
    # The form was at the foot of the page: the workshop starts at its top, where the title
    # and any warning about reaching this computer are.
    ask_scroll_to_top()


def resend_new_link() -> None:
    """Put a just-opened workshop's facilitator link in the browser's address bar."""
    if st.session_state.pop(NEW_LINK, False):
        st.query_params.from_dict(st.query_params.to_dict())


def _render_open_workshops(engine: Engine) -> None:
    listing = open_workshops(engine)
    st.header("Open workshops on this app")
    st.caption(
        md(
            "{count} open, of at most {most} at once. Each is controlled from its facilitator "
            "link; an editor can close one that is no longer needed (its participants' link "
            "stops working; nothing is deleted).",
            count=count_of(len(listing), "workshop"),
            most=MAX_OPEN_WORKSHOPS,
        )
    )
    if listing.empty:
        return
    for row in listing.itertuples(index=False):
        title, close = st.columns([4, 1], vertical_alignment="center")
        title.markdown(
            md(
                "**{title}** · opened {opened} UTC · {participants}",
                title=row.title,
                opened=row.opened,
                participants=count_of(int(row.participants), "participant"),
            )
        )
        if close.button("Close", key=f"workshop_close_{row.workshop_id}", icon=":material/stop:"):
            close_as_editor(engine, int(row.workshop_id))
            st.rerun()
