"""The facilitator page as a whole: open a workshop, or run the one in the link (live panel,
join address, result, downloads, closing).

The link holds the workshop's code and the facilitator's key (``/workshop?w=…&key=…``);
both are put back in the address on every run, so a reload keeps control. Without them the
page offers to open a workshop (``workshop_open``).
"""

from __future__ import annotations

import streamlit as st
from sqlalchemy import Engine

from components.base.text import count_of
from components.exports.workshop import names_csv
from components.framework.model import Framework
from components.library.database import LibraryUnavailable
from components.library.workshop_votes import participant_names, workshop_assessment_id
from components.library.workshops import Workshop, WorkshopError, close_workshop, facilitate
from components.ui import state
from components.ui.export_buttons import render_vote_exports
from components.ui.library import library_engine, library_settings, render_unavailable
from components.ui.links import first_value
from components.ui.markdown import heading, md
from components.ui.page_frame import scroll_to_top_if_asked
from components.ui.workshop_host import render_reach_warning, render_workspace
from components.ui.workshop_link import (
    check_base,
    default_join_base,
    facilitator_url,
    join_url,
    lan_address,
)
from components.ui.workshop_open import render_opening, resend_new_link
from components.ui.workshop_session import put_in_session, workshop_result

JOIN_BASE = "workshop_join_base"
PROJECTOR_STYLE = """<style>
[data-testid="stMainBlockContainer"] { padding-top: 2.5rem; padding-bottom: 1rem; }
[data-testid="stMain"] h1 { font-size: 1.4rem; padding-bottom: 0; }
[data-testid="stMain"] h2 { font-size: 2rem; padding: 0.1rem 0 0; }
[data-testid="stMetricValue"] { font-size: 2.2rem; }
.st-key-workshop-join code { font-size: 1.5rem; }
/* The description, who joined and the notes are read across a room: larger and darker. */
[data-testid="stMain"] [data-testid="stCaptionContainer"],
[data-testid="stMain"] [data-testid="stCaptionContainer"] * { font-size: 1.15rem; color: #3D4451; }
</style>"""


def render_facilitator_page(framework: Framework) -> None:
    """The whole facilitator page, from the link's ``w`` and ``key``."""
    state.page_link_params(known=("w", "key"))
    code = first_value(st.query_params.get("w"))
    key = first_value(st.query_params.get("key"))
    try:
        settings = library_settings()
        engine = library_engine(settings)
        if not code:
            st.title("Run a live workshop")
            render_opening(engine, settings, framework)
            return
        state.share("w", code)
        state.share("key", key)
        resend_new_link()
        workshop = facilitate(engine, code, key or "")
    except WorkshopError as error:
        st.title("Workshop")
        st.error(error.reason, icon=":material/error:")
        st.page_link("pages/workshop.py", label="Open a new workshop", icon=":material/groups:")
        return
    except LibraryUnavailable as error:
        st.title("Workshop")
        render_unavailable(error.reason)
        return
    _render_workshop(engine, workshop, key or "", framework)
    scroll_to_top_if_asked()


def _join_base() -> str:
    """The address participants reach, as chosen (or guessed from this computer)."""
    if JOIN_BASE not in st.session_state:
        st.session_state[JOIN_BASE] = default_join_base(
            st.context.url,
            st.get_option("server.address"),
            int(st.get_option("server.port")),
            lan_address(),
            st.get_option("server.baseUrlPath") or "",
        )
    base, _ = check_base(st.session_state[JOIN_BASE])
    return base or "http://localhost:8501"


def _render_workshop(engine: Engine, workshop: Workshop, key: str, framework: Framework) -> None:
    st.html(PROJECTOR_STYLE)
    heading(f"Workshop: {workshop.title}", level="title")
    if not workshop.is_open:
        st.warning(
            "This workshop is closed: its participants' link no longer works, and its votes "
            "and decisions stay as they are. The result and the votes are below.",
            icon=":material/lock:",
        )
    base = _join_base()
    join = join_url(base, workshop.code)
    render_workspace(engine, workshop, key, framework, join)
    st.divider()
    _render_result(engine, workshop, framework)
    _render_setup(workshop, key, base)


def _render_result(engine: Engine, workshop: Workshop, framework: Framework) -> None:
    st.header("The result")
    st.caption(
        md(
            "{decided} of {items} decided. Capabilities not decided, or agreed “not assessed”, "
            "are not assessed in the assessment (never 0).",
            decided=workshop.decided,
            items=count_of(len(workshop.items), "capability", "capabilities"),
        )
    )
    if st.button(
        "Put the agreed levels in my session",
        key="workshop_to_session",
        icon=":material/input:",
        help="Recording a level does this too. Then see them in every picture and export, and "
        "save them to the library.",
    ):
        put_in_session(engine, workshop, framework)
        st.success(
            "The agreed levels are in your session as an assessment from a workshop.",
            icon=":material/check_circle:",
        )
    links = st.columns(2)
    # The link selects the workshop's own assessment: without it the profile would show
    # whatever the sidebar had chosen before (the demo's first country, say).
    opens = state.link_to(workshop_assessment_id(workshop))
    links[0].page_link(
        "pages/profile.py",
        label="See the profile",
        icon=":material/radar:",
        query_params=opens,
        disabled=opens is None,
        help=None if opens else "Put the agreed levels in your session first.",
    )
    links[1].page_link(
        "pages/library.py", label="Save it to the library", icon=":material/inventory_2:"
    )
    # Read when someone downloads, not on every redraw of the live screen.
    render_vote_exports(
        lambda: workshop_result(engine, workshop, framework),
        framework,
        title=workshop.title,
        key="workshop-votes",
    )
    st.download_button(
        "Who took part: the names given (CSV)",
        data=lambda: names_csv(participant_names(engine, workshop.id)),
        file_name="mnr-workshop-participants.csv",
        mime="text/csv",
        key="workshop-names",
        icon=":material/badge:",
        on_click="ignore",
        help="The names and organisations participants chose to give, sorted, never beside "
        "their votes (the phones tell them you can download this list); they are not shown on "
        "this screen.",
    )
    if workshop.is_open:
        _render_close(engine, workshop, framework)


def _render_close(engine: Engine, workshop: Workshop, framework: Framework) -> None:
    key = first_value(st.query_params.get("key")) or ""
    with st.expander("Close the workshop", icon=":material/stop_circle:"):
        st.caption(
            "Closing ends the voting: the participants' link stops working. The votes, the "
            "decisions and this page stay."
        )
        confirmed = st.checkbox("Yes, close it for everyone", key="workshop_close_confirm")
        if st.button("Close the workshop", key="workshop_close", disabled=not confirmed):
            try:
                close_workshop(engine, workshop.code, key)
                put_in_session(engine, facilitate(engine, workshop.code, key), framework)
            except WorkshopError as error:
                st.error(error.reason, icon=":material/error:")
                return
            st.rerun()


def _render_setup(workshop: Workshop, key: str, base: str) -> None:
    with st.expander("Where participants join", icon=":material/wifi:"):
        render_reach_warning(base)
        st.text_input(
            "The address participants reach (this computer on the room's network)",
            key=JOIN_BASE,
            help="Guessed from this computer; change it if the phones use another address.",
        )
        _, problem = check_base(st.session_state.get(JOIN_BASE, ""))
        if problem:
            st.error(problem, icon=":material/error:")
        st.caption("Participants' link (no key in it):")
        st.code(join_url(base, workshop.code), language=None, wrap_lines=True)
    with st.expander("Facilitator link, for a second laptop", icon=":material/key:"):
        st.warning(
            "This link controls the workshop: keep it off the screen and out of chats. "
            "Present in full screen (F11) so that the address bar, which holds it, is not "
            "projected.",
            icon=":material/warning:",
        )
        st.code(facilitator_url(base, workshop.code, key), language=None, wrap_lines=True)
