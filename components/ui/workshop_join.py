"""The participant's page on a phone (``/join?w=<code>``), simple at 390 px wide.

On the first visit the page adds a random participant token to its own address
(``&p=<token>``): a phone that reloads or reconnects with that address is the same
participant and keeps its votes. Once seated, the page also keeps the token in a cookie for
this workshop (a tiny component writes it; ``st.context.cookies`` reads it back): the bare
join link opened again in the same browser, in a new tab or after the QR code is scanned
again, takes that token instead of a new one, so the phone is still one participant with its
vote and its name. The page shows the capability the room votes on now, big
level choices with their descriptors, "don't know", an optional comment, and "your vote".
It shows only this participant's own vote until the facilitator reveals the room's.

A small fragment polls every ``WATCH_SECONDS`` (one small query: the workshop's stage and
this participant's own name and vote) and redraws the page only when the facilitator did
something, or when this participant voted or gave a name in another tab (the same phone
opening the link twice): each tab shows the participant's ballot as it stands. Sending a vote
reruns only the ballot, saving a name only its box, and another participant's vote redraws no
phone, so 40 phones voting at once stay cheap.
"""

from __future__ import annotations

import functools
import time
from typing import Any

import streamlit as st
from sqlalchemy import Engine

from components.framework.model import Framework
from components.library.database import LibraryUnavailable
from components.library.workshop_votes import (
    HEARTBEAT_SECONDS,
    JOIN_COOKIE_SECONDS,
    MAX_COMMENT_CHARS,
    MAX_NAME_CHARS,
    Seat,
    Vote,
    cast_vote,
    clean_name,
    join,
    join_cookie_name,
    mark_seen,
    participant_token,
    room,
    seat_pulse,
    set_name,
)
from components.library.workshops import ENDED, WorkshopError, find_workshop
from components.scoring.agreement import DONT_KNOW_LABEL, agreement, median_text
from components.ui import state
from components.ui.history import in_browser
from components.ui.library import library_engine, library_settings, render_unavailable
from components.ui.links import first_value
from components.ui.markdown import caption, heading, literal, md, notice
from components.ui.workshop_link import typed_code

WATCH_SECONDS = 2.0
DONT_KNOW = -1  # the ballot's value for "don't know"
SENT = "mnr_join_sent"  # capability -> this participant's vote as this tab shows it
SEEN = "mnr_join_seen"  # when this phone last said it is in the room (time.monotonic())
NAMED = "mnr_join_named"  # the name (or None) this tab shows: its last full run's, or saved since
NAME_TYPED = "mnr_join_name_typed"  # the name box's text
NAME_ERROR = "mnr_join_name_error"  # why the name could not be saved, shown once
PHONE_STYLE = """<style>
[data-testid="stMainBlockContainer"] { padding: 3.5rem 1rem 2rem; max-width: 40rem; }
[data-testid="stMain"] h1 { font-size: 1.35rem; }
[data-testid="stMain"] h2 { font-size: 1.5rem; }
.st-key-ballot [data-testid="stRadio"] label p { font-size: 1.15rem; font-weight: 600; }
.st-key-ballot [data-testid="stRadio"] label { padding: .35rem 0; }
.st-key-ballot button { min-height: 3.2rem; font-size: 1.15rem; }
/* No app menu for participants: the page shows nothing in the sidebar, and its toggle would
   open every page of the app on a phone. This style goes with the page: others keep theirs. */
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"] { display: none; }
/* The component that keeps the seat in a cookie draws nothing: no gap above the title. */
.st-key-keep-join-seat { display: none; }
</style>"""

# Writes the cookie that keeps this browser's token for the workshop (name and value are
# checked to have a token's form before they get here: no ";" or "=" can reach the cookie).
_KEEP_SEAT_JS = """
export default function ({ data }) {
  const secure = window.location.protocol === "https:" ? "; Secure" : "";
  document.cookie = `${data.name}=${data.value}; Path=/; Max-Age=${data.seconds}; `
    + `SameSite=Lax${secure}`;
}
"""

# What a participant is told about the name they give: the facilitator's attendance list.
NAME_NOTE = (
    "Give your name or organisation if you want, for the list of who took part: the "
    "facilitator can download that list of names. It is never shown on the screen, and never "
    "beside your votes: no file links a name to a vote."
)


def render_join_page(framework: Framework) -> None:
    """The whole participant page, from the link's ``w`` (and ``p``, added when missing)."""
    st.html(PHONE_STYLE)
    state.page_link_params(known=("w", "p"))
    code = first_value(st.query_params.get("w")) or ""
    token = participant_token(code, first_value(st.query_params.get("p")), st.context.cookies)
    state.share("w", code)
    state.share("p", token)
    if not code:
        st.title("Join a workshop")
        _render_code_box()
        return
    try:
        engine = library_engine(library_settings())
        seat = join(engine, code, token)
    except WorkshopError as error:
        st.title("Join a workshop")
        st.error(error.reason, icon=":material/error:")
        return
    except LibraryUnavailable as error:
        st.title("Join a workshop")
        render_unavailable(error.reason)
        return
    _keep_seat(code, token)
    _render_seat(engine, seat, token, framework)


@functools.cache
def _keeper() -> Any:
    # Registered on first use, not at import.
    return st.components.v2.component("mnr_keep_join_seat", js=_KEEP_SEAT_JS, isolate_styles=False)


def _keep_seat(code: str, token: str) -> None:
    """Keep this seat's token in the browser (a cookie for this workshop, renewed on every
    visit): the join link opened again without ``p`` takes it back (``participant_token``)."""
    if not in_browser(st.context.headers.get("User-Agent")):
        return  # only a browser runs the script (AppTest sessions get no element for it)
    data = {"name": join_cookie_name(code), "value": token, "seconds": JOIN_COOKIE_SECONDS}
    _keeper()(key="keep-join-seat", data=data, height=0)


def _render_code_box() -> None:
    """Without a link: type the code the facilitator's screen shows, then join."""
    st.info(
        "Scan the QR code on the screen, or type the workshop's code shown there.",
        icon=":material/qr_code_scanner:",
    )
    with st.form("join_code", border=False):
        typed = st.text_input(
            "Workshop code",
            max_chars=300,
            help="Capitals and small letters differ. A whole join link works too.",
        )
        sent = st.form_submit_button(
            "Join", type="primary", icon=":material/login:", width="stretch"
        )
    if not sent:
        return
    code = typed_code(typed)
    if not code:
        st.warning("Type the code first.", icon=":material/keyboard:")
        return
    try:
        workshop = find_workshop(library_engine(library_settings()), code)
    except LibraryUnavailable as error:
        render_unavailable(error.reason)
        return
    if workshop is None:
        notice(
            "error",
            md(
                "No workshop has the code “{code}”. Check it against the screen: capitals and "
                "small letters differ, and so do 0 and O, 1 and l.",
                code=code,
            ),
            icon=":material/error:",
        )
        return
    if not workshop.is_open:
        st.error(ENDED.reason, icon=":material/error:")
        return
    # The page's own address from now on (a reload keeps the seat). Set now, not only shared
    # for the end of the run: the rerun starts from the address as it is when it is asked.
    st.query_params["w"] = code
    state.share("w", code)
    st.rerun()


def _render_seat(engine: Engine, seat: Seat, token: str, framework: Framework) -> None:
    workshop = seat.workshop
    heading(workshop.title, level="title")
    item = workshop.current
    capability = None if item is None else item.capability
    if capability is not None:
        _take_ballot(capability, seat.votes.get(capability))
    _take_name(seat.name)
    _watch(
        engine,
        workshop.id,
        workshop.stage,
        workshop.code,
        token,
        capability=capability,
    )
    if item is None:
        st.info(
            "Welcome! The facilitator will start soon: the first capability appears here by "
            "itself. Keep this page open.",
            icon=":material/hourglass_top:",
        )
    else:
        capability = framework.capability(item.capability)
        st.caption(
            md(
                "Capability {position} of {count} · {domain}",
                position=item.position + 1,
                count=len(workshop.items),
                domain=framework.domain(capability.domain).name,
            )
        )
        st.markdown(md("## {label}", max_chars=None, label=capability.label))
        caption(literal(capability.description, max_chars=None))
        own = seat.votes.get(item.capability)
        if item.closed:
            st.info("Voting on this capability is closed.", icon=":material/lock:")
            _render_own_vote(own, framework)
        else:
            _ballot(engine, workshop.code, token, item.capability, framework=framework, own=own)
        if item.revealed:
            _render_room(engine, workshop.code, framework)
    _render_name(engine, workshop.code, token)


def _ballot_keys(capability: int) -> tuple[str, str]:
    """The session keys of the ballot's level and comment for ``capability``."""
    return f"ballot_level_{capability}", f"ballot_comment_{capability}"


def _take_ballot(capability: int, vote: Vote | None) -> None:
    """Show the participant's vote as the database has it: kept as this tab's (``SENT``),
    and put in the ballot's level and comment when it is not what this tab showed (the first
    visit, or a vote sent from another tab of the same participant since). A choice this tab
    has not sent stays while there is no vote to show instead."""
    shown = st.session_state.setdefault(SENT, {})
    if capability in shown and shown[capability] == vote:
        return
    shown[capability] = vote
    if vote is not None:
        level_key, comment_key = _ballot_keys(capability)
        st.session_state[level_key] = DONT_KNOW if vote.level is None else vote.level
        st.session_state[comment_key] = vote.comment or ""


def _take_name(name: str | None) -> None:
    """Show the participant's name as the database has it (before the watch, which compares
    the two), and put it in the name box when it changed since this tab last showed it."""
    if NAMED in st.session_state and st.session_state[NAMED] == name:
        return
    st.session_state[NAMED] = name
    st.session_state[NAME_TYPED] = name or ""


def _watch(
    engine: Engine,
    workshop_id: int,
    stage: int,
    code: str,
    token: str,
    *,
    capability: int | None,
) -> None:
    """Redraw the page when the facilitator moves on, closes, reveals or ends, or when this
    participant's vote or name is no longer what the page shows (given in another tab); and
    say, now and then, that this phone is still in the room."""

    @st.fragment(run_every=WATCH_SECONDS)
    def watch() -> None:
        try:
            _heartbeat(engine, code, token)
            pulse = seat_pulse(engine, workshop_id, token, capability)
        except LibraryUnavailable:
            return  # the next poll tries again; the page keeps what it shows
        if pulse is None or pulse.stage != stage or pulse.name != st.session_state.get(NAMED):
            st.rerun(scope="app")
        # What this tab shows: its last full run's vote, or the one it sent since.
        if capability is not None and pulse.vote != st.session_state.get(SENT, {}).get(capability):
            st.rerun(scope="app")

    watch()


def _heartbeat(engine: Engine, code: str, token: str) -> None:
    """Mark this phone as seen, at most every ``HEARTBEAT_SECONDS`` (not every poll: forty
    phones writing every two seconds would queue on the database's write lock)."""
    now = time.monotonic()
    if now - st.session_state.get(SEEN, -HEARTBEAT_SECONDS) < HEARTBEAT_SECONDS:
        return
    st.session_state[SEEN] = now
    mark_seen(engine, code, token)  # the token took a seat in this run: it is well formed


def _vote_text(vote: Vote | None, framework: Framework) -> str | None:
    if vote is None:
        return None
    if vote.level is None:
        return DONT_KNOW_LABEL
    return f"{vote.level} · {framework.scale.level(vote.level).label}"


def _render_own_vote(vote: Vote | None, framework: Framework) -> None:
    text = _vote_text(vote, framework)
    if text is None:
        st.caption("You did not vote on this capability.")
        return
    with st.container(key="your-vote"):
        notice("success", md("Your vote: **{text}**", text=text), icon=":material/how_to_vote:")


def _ballot(
    engine: Engine,
    code: str,
    token: str,
    capability: int,
    *,
    framework: Framework,
    own: Vote | None,
) -> None:
    """The levels with their descriptors, "don't know", a comment, and the send button."""

    @st.fragment
    def ballot() -> None:
        scale = framework.scale
        options = [*scale.values, DONT_KNOW]
        labels = {level.value: f"{level.value} · {level.label}" for level in scale.levels}
        labels[DONT_KNOW] = DONT_KNOW_LABEL
        mine = st.session_state.get(SENT, {}).get(capability, own)
        level_key, comment_key = _ballot_keys(capability)
        with st.container(key="ballot"), st.form(f"ballot_form_{capability}", border=False):
            choice = st.radio(
                "Your rating",
                options,
                index=None,
                format_func=labels.__getitem__,
                captions=[level.descriptor for level in scale.levels]
                + ["You cannot judge this capability."],
                key=level_key,
            )
            comment = st.text_area(
                "Comment (optional)", max_chars=MAX_COMMENT_CHARS, key=comment_key, height=90
            )
            sent = st.form_submit_button(
                "Send my vote", type="primary", icon=":material/send:", width="stretch"
            )
        if choice not in options:  # nothing chosen, or a value no option has (a crafted client)
            choice = None
        if sent:
            if choice is None:
                st.warning("Choose a level, or “Don't know”, first.", icon=":material/touch_app:")
            else:
                try:
                    mine = cast_vote(
                        engine,
                        code,
                        token,
                        capability,
                        level=None if choice == DONT_KNOW else int(choice),
                        comment=comment,
                        framework=framework,
                    )
                    st.session_state.setdefault(SENT, {})[capability] = mine
                except WorkshopError as error:
                    st.error(error.reason, icon=":material/error:")
                except LibraryUnavailable as error:
                    notice(
                        "error",
                        md(
                            "Your vote could not be sent: {reason}. Try again.",
                            reason=error.reason,
                        ),
                    )
        _render_own_vote(mine, framework)
        if mine is not None:
            st.caption("You can change your vote until the facilitator closes the voting.")

    ballot()


def _render_room(engine: Engine, code: str, framework: Framework) -> None:
    """After the reveal: the room's votes, as they were when the screen was revealed.

    Plain bars, not a chart: a phone draws them at once, with no charting code to load.
    """
    try:
        current = room(engine, code)
    except LibraryUnavailable:
        return
    if current is None:
        return
    scale = framework.scale
    result = agreement(current.levels, scale)
    counts = [(f"{v} · {scale.level(v).label}", result.distribution[v]) for v in scale.values]
    counts.append((DONT_KNOW_LABEL, result.dont_know))
    most = max([count for _, count in counts] + [1])
    with st.container(key="room-votes"):
        st.markdown("**The room's votes**")
        for label, count in counts:
            st.progress(count / most, text=md("{label}: {count}", label=label, count=count))
        if result.median is not None:
            caption(md("Median {median}.", median=median_text(result, scale)))


def _render_name(engine: Engine, code: str, token: str) -> None:
    """The name or organisation the participant may give, in a fragment of its own.

    No form: the name is saved as soon as the box loses focus or Enter is pressed, and "Save"
    saves it too. A form's Save press alone could be lost: tapping it moves the focus out of
    the box, the page shifts under the finger (a phone's keyboard closes) and the tap lands
    beside the button. In a fragment, as the ballot is, saving redraws only this box; the name
    is saved in a callback, before the box is drawn, so the box shows it at once.
    """

    def save() -> None:
        typed = st.session_state.get(NAME_TYPED)
        if clean_name(typed) == st.session_state.get(NAMED):
            return  # the box lost focus and Save was pressed: one write is enough
        try:
            kept = set_name(engine, code, token, typed)
        except (WorkshopError, LibraryUnavailable) as error:
            st.session_state[NAME_ERROR] = error.reason
            return
        # The watch compares the database's name with this one: no full rerun follows.
        st.session_state[NAMED] = kept

    @st.fragment
    def name_box() -> None:
        shown = st.session_state.get(NAMED)
        label = md("You take part as {name}", name=shown) if shown else "You take part anonymously"
        with st.expander(label, icon=":material/badge:"):
            st.caption(NAME_NOTE)
            st.text_input(
                "Your name or organisation (optional)",
                max_chars=MAX_NAME_CHARS,
                key=NAME_TYPED,
                on_change=save,
            )
            st.button("Save", on_click=save)
            error = st.session_state.pop(NAME_ERROR, None)
            if error:
                notice("error", error, icon=":material/error:")  # escaped: a database's words

    name_box()
