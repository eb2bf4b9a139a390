"""The facilitator's screen (``/workshop?w=<code>&key=<key>``), fit for a projector at 1280x720.

A small fragment polls the workshop's change counter every ``LIVE_SECONDS`` (one small
query): when votes come in it redraws just the counts; when the facilitator acted, or votes
change a revealed distribution, it reruns the page, which reads the room and rebuilds the
figure. A quiet second costs almost nothing, and the chart on the projector is drawn once per
change instead of every second (a chart redrawn every second flickers, and on a busy laptop
never finishes drawing). Every button acts through the database
(with the key) and the screen redraws from it, so a second facilitator laptop, a reload or
another replica shows the same thing. Names never reach this screen.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import streamlit as st
from sqlalchemy import Engine

from components.base.text import count_of
from components.charts.agreement import distribution_view
from components.charts.views import FigureView
from components.framework.model import Framework
from components.library.database import LibraryUnavailable
from components.library.workshop_votes import PRESENT_SECONDS, Room, room
from components.library.workshops import (
    Workshop,
    WorkshopError,
    facilitate,
    go_to,
    poll,
    record_decision,
    set_closed,
    set_revealed,
    undo_decision,
)
from components.scoring.agreement import (
    DISAGREEMENT_RULE,
    Agreement,
    agreement,
    agreement_word,
    decision_text,
    median_text,
    spread_text,
)
from components.ui.markdown import caption, literal, md, notice
from components.ui.render import draw_chart
from components.ui.slide_keys import follow_slide_keys
from components.ui.workshop_link import cached_qr_png as qr_png
from components.ui.workshop_link import unreachable_reason
from components.ui.workshop_session import put_in_session

LIVE_SECONDS = 1.0
PRESENCE_REFRESH_SECONDS = 5.0
LIVE = "mnr_workshop_live"
COUNTS = "mnr_workshop_counts"
ERROR = "mnr_workshop_error"
NOT_ASSESSED = -1  # the agreed-level choice "not assessed"
CHART_HEIGHT = 300  # with the heading and the numbers, the live view fits a 720-pixel screen


@dataclass(frozen=True)
class Counts:
    """The numbers the counts' fragment last read: at which change, and when."""

    key: tuple[str, int]  # the workshop's code and revision
    read_at: float  # time.monotonic()
    room: Room


@dataclass(frozen=True)
class Live:
    """What the live panel last read, and the picture made from it."""

    code: str
    revision: int
    room: Room
    result: Agreement | None
    view: FigureView | None


def _read(engine: Engine, code: str, revision: int, framework: Framework) -> Live | None:
    current = room(engine, code)
    if current is None:
        return None
    item = current.workshop.current
    if item is None:
        return Live(code, revision, current, None, None)
    result = agreement(current.levels, framework.scale)
    agreed = item.agreed_level if item.decided else None
    view = (
        distribution_view(result, framework.scale, agreed=agreed, height=CHART_HEIGHT)
        if item.revealed
        else None
    )
    return Live(code, revision, current, result, view)


def _act(action, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
    """Run a facilitator action; keep its refusal to show in the panel."""
    try:
        action(*args, **kwargs)
    except WorkshopError as error:
        st.session_state[ERROR] = error.reason
    except LibraryUnavailable as error:
        st.session_state[ERROR] = f"The database is not available: {error.reason}."


def _record(engine: Engine, code: str, key: str, capability: int, framework: Framework) -> None:
    choice = st.session_state.get(f"workshop_agreed_{capability}")
    if choice != NOT_ASSESSED and choice not in framework.scale.values:
        choice = None  # nothing chosen, or a value no option has (a crafted client)
    if choice is None:
        st.session_state[ERROR] = "Choose the agreed level (or “Not assessed”) first."
        return
    note = st.session_state.get(f"workshop_note_{capability}", "")
    level = None if choice == NOT_ASSESSED else int(choice)
    _act(
        record_decision, engine, code, key, capability, level=level, note=note, framework=framework
    )
    if ERROR not in st.session_state:
        _sync_session(engine, code, key, framework)


def _undo(engine: Engine, code: str, key: str, capability: int, framework: Framework) -> None:
    _act(undo_decision, engine, code, key, capability)
    st.session_state.pop(f"workshop_agreed_{capability}", None)
    st.session_state.pop(f"workshop_note_{capability}", None)
    if ERROR not in st.session_state:
        _sync_session(engine, code, key, framework)


def _sync_session(engine: Engine, code: str, key: str, framework: Framework) -> None:
    """Keep the session's workshop assessment in step with what was agreed."""
    try:
        put_in_session(engine, facilitate(engine, code, key), framework)
    except (WorkshopError, LibraryUnavailable) as error:
        st.session_state[ERROR] = getattr(error, "reason", str(error))


def render_workspace(
    engine: Engine, workshop: Workshop, key: str, framework: Framework, join: str
) -> None:
    """The live panel and the controls, drawn again whenever the workshop changed.

    The page itself draws them; the counts' fragment (``_counts``) polls every
    ``LIVE_SECONDS`` and reruns the page only when it must. So no chart is rebuilt, and
    nothing flickers on the projector, while nothing happens.
    """
    try:
        pulse = poll(engine, workshop.id)
    except LibraryUnavailable as error:
        notice(
            "warning",
            md("The database is not available: {reason}.", reason=error.reason),
            icon=":material/cloud_off:",
        )
        return
    if pulse is None:
        st.error("This workshop is no longer in the database.", icon=":material/error:")
        return
    cached: Live | None = st.session_state.get(LIVE)
    if cached is None or cached.code != workshop.code or cached.revision != pulse.revision:
        cached = _read(engine, workshop.code, pulse.revision, framework)
        if cached is None:
            return
        st.session_state[LIVE] = cached
    _render_live(engine, cached, key, framework, join)


def _counts(engine: Engine, live: Live, *, lobby: bool) -> None:
    """The numbers that change while the room votes, kept fresh by a fragment.

    Every ``LIVE_SECONDS`` it polls the change counter; when votes came in, it reads the
    counts again and redraws just these numbers. When the facilitator acted (here or on
    another laptop), or when votes change a revealed distribution, it reruns the whole page.
    """
    workshop = live.room.workshop
    item = workshop.current
    revealed = item is not None and item.revealed

    @st.fragment(run_every=LIVE_SECONDS)
    def counts() -> None:
        try:
            pulse = poll(engine, workshop.id)
        except LibraryUnavailable:
            pulse = None  # the next poll tries again; the numbers stay as they were
        if pulse is not None and (
            pulse.stage != workshop.stage
            or pulse.status != workshop.status
            or (revealed and pulse.revision != live.revision)
        ):
            st.rerun(scope="app")
        now = time.monotonic()
        seen: Counts | None = st.session_state.get(COUNTS)
        if pulse is not None and (
            seen is None
            or seen.key != (workshop.code, pulse.revision)
            # Phones leave without a vote or a change: the room is counted again now and then.
            or now - seen.read_at >= PRESENCE_REFRESH_SECONDS
        ):
            current = room(engine, workshop.code)
            if current is not None:
                seen = Counts((workshop.code, pulse.revision), now, current)
                st.session_state[COUNTS] = seen
        if seen is None or seen.key[0] != workshop.code:
            seen = Counts((workshop.code, live.revision), now, live.room)
        if lobby:
            _render_people(seen.room)
            return
        left, right = st.columns(2)
        with left, st.container(key="workshop-votes-in"):
            st.metric("Votes in", len(seen.room.levels))
        with right:
            _render_people(seen.room)

    counts()


def _render_people(current: Room) -> None:
    """Who is in the room now, and how many joined since the start (closed tabs, earlier
    phones and all): the first is what the facilitator waits for."""
    with st.container(key="workshop-participants"):
        st.metric(
            "In the room",
            current.present,
            help=md(
                "Phones that had the join page open in the last {seconds} seconds.",
                seconds=int(PRESENT_SECONDS),
            ),
        )
    st.caption(md("{joined} joined since the start", joined=current.participants))


def _render_live(engine: Engine, live: Live, key: str, framework: Framework, join: str) -> None:
    current = live.room.workshop
    error = st.session_state.pop(ERROR, None)
    if error:
        st.error(error, icon=":material/error:")
    item = current.current
    if item is None:
        _render_lobby(engine, live, key, join)
        return
    main, side = st.columns([3, 2], gap="large")
    with main:
        _render_capability(engine, live, framework)
    with side:
        _render_controls(engine, live, key, framework, join)


def render_reach_warning(join: str) -> None:
    """Above the join address and its QR code: why phones cannot open it, and the fix."""
    reason = unreachable_reason(st.get_option("server.address"), join)
    if reason:
        st.warning(reason, icon=":material/wifi_off:")


def _render_lobby(engine: Engine, live: Live, key: str, join: str) -> None:
    workshop = live.room.workshop
    render_reach_warning(join)
    left, right = st.columns([3, 2], gap="large", vertical_alignment="center")
    with left:
        st.markdown("## Join from your phone")
        st.markdown("Scan the code, or open this address:")
        with st.container(key="workshop-join"):
            st.code(join, language=None, wrap_lines=True)
        # For a phone that cannot scan, and a link that got cut when typed.
        st.markdown(
            md(
                "Or open {page} and type the code **{code}**",
                page=join.split("?", maxsplit=1)[0],
                code=workshop.code,
            )
        )
        _counts(engine, live, lobby=True)
        st.button(
            "Start with the first capability",
            key="workshop_start",
            type="primary",
            icon=":material/play_arrow:",
            disabled=not workshop.is_open,
            on_click=_act,
            args=(go_to, engine, workshop.code, key, 0),
        )
    with right:
        st.image(qr_png(join), caption="Scan to join", width=330)


def _render_capability(engine: Engine, live: Live, framework: Framework) -> None:
    workshop = live.room.workshop
    item = workshop.current
    assert item is not None  # noqa: S101 (checked by the caller)
    capability = framework.capability(item.capability)
    domain = framework.domain(capability.domain)
    st.caption(
        md(
            "Capability {position} of {count} · {domain}",
            position=item.position + 1,
            count=len(workshop.items),
            domain=domain.name,
        )
    )
    st.markdown(md("## {label}", max_chars=None, label=capability.label))
    caption(literal(capability.description, max_chars=None))
    result = live.result
    assert result is not None  # noqa: S101 (read with the capability)
    numbers, statistics = st.columns(2)
    with numbers:
        _counts(engine, live, lobby=False)
    median, spread = statistics.columns(2)
    if not item.revealed:
        state = "closed" if item.closed else "open"
        st.info(
            md(
                "Voting is {state}. The distribution stays hidden, here and on the phones, "
                "until you press **Reveal**.",
                state=state,
            ),
            icon=":material/visibility_off:",
        )
        return
    scale = framework.scale
    median.metric("Median", "–" if result.median is None else f"{result.median:g}")
    spread.metric(
        "Middle half",
        "–"
        if result.lower_quartile is None
        else f"{result.lower_quartile:g}–{result.upper_quartile:g}",
    )
    word = agreement_word(result)
    if result.disagreement:
        st.markdown(
            md(
                ":red-badge[:material/warning: **Disagreement**] the middle half of the votes "
                "spans three levels or more ({spread}): worth discussing.",
                spread=spread_text(result),
            )
        )
    elif word == "Agreement":
        st.markdown(
            md(
                ":green-badge[:material/handshake: **Agreement**] median {median}; {spread}.",
                median=median_text(result, scale),
                spread=spread_text(result),
            )
        )
    else:
        st.markdown(md(":gray-badge[{word}]", word=word))
    view = live.view
    assert view is not None  # noqa: S101 (built when revealed)
    draw_chart(
        view.figure,
        key="workshop-distribution",
        config={"displaylogo": False, "displayModeBar": False},
    )
    caption(md("{view} {rule}", max_chars=None, view=view.caption, rule=DISAGREEMENT_RULE))
    if live.room.comments:
        with st.expander(md("Comments ({count}, without names)", count=len(live.room.comments))):
            for comment in live.room.comments:
                st.text(comment)


def _render_controls(engine: Engine, live: Live, key: str, framework: Framework, join: str) -> None:
    workshop = live.room.workshop
    item = workshop.current
    assert item is not None  # noqa: S101 (checked by the caller)
    code, disabled = workshop.code, not workshop.is_open
    previous, following = st.columns(2)
    previous.button(
        "Previous",
        key="workshop_previous",
        icon=":material/arrow_back:",
        width="stretch",
        disabled=disabled or item.position == 0,
        on_click=_act,
        args=(go_to, engine, code, key, item.position - 1),
    )
    following.button(
        "Next",
        key="workshop_next",
        icon=":material/arrow_forward:",
        width="stretch",
        disabled=disabled or item.position >= len(workshop.items) - 1,
        on_click=_act,
        args=(go_to, engine, code, key, item.position + 1),
    )
    follow_slide_keys("workshop_previous", "workshop_next")  # a clicker moves capabilities too
    reveal, close = st.columns(2)
    reveal.button(
        "Hide" if item.revealed else "Reveal",
        key="workshop_reveal",
        type="secondary" if item.revealed else "primary",
        icon=":material/visibility_off:" if item.revealed else ":material/visibility:",
        width="stretch",
        disabled=disabled,
        on_click=_act,
        args=(set_revealed, engine, code, key, item.capability, not item.revealed),
    )
    close.button(
        "Reopen voting" if item.closed else "Close voting",
        key="workshop_close_voting",
        icon=":material/lock_open:" if item.closed else ":material/lock:",
        width="stretch",
        disabled=disabled,
        on_click=_act,
        args=(set_closed, engine, code, key, item.capability, not item.closed),
    )
    _render_decision(engine, live, key, framework)
    with st.expander("Join link and QR code"):
        render_reach_warning(join)
        st.image(qr_png(join, scale=6), width=180)
        st.code(join, language=None, wrap_lines=True)


def _render_decision(engine: Engine, live: Live, key: str, framework: Framework) -> None:
    workshop = live.room.workshop
    item = workshop.current
    assert item is not None  # noqa: S101 (checked by the caller)
    scale = framework.scale
    options = {level.value: f"{level.value} · {level.label}" for level in scale.levels}
    options[NOT_ASSESSED] = "Not assessed"
    if item.decided:
        st.success(
            md("Agreed: **{level}**", level=decision_text(True, item.agreed_level, scale)),
            icon=":material/check_circle:",
        )
    widget = f"workshop_agreed_{item.capability}"
    if widget not in st.session_state and item.decided:
        st.session_state[widget] = NOT_ASSESSED if item.agreed_level is None else item.agreed_level
    note_widget = f"workshop_note_{item.capability}"
    if note_widget not in st.session_state and item.note:
        st.session_state[note_widget] = item.note
    result = live.result
    suggestion = (
        f" The median suggests {median_text(result, scale)}."
        if result is not None and result.median is not None and item.revealed
        else ""
    )
    with st.form(f"workshop_decision_{item.capability}", border=False):
        st.segmented_control(
            "Agreed level",
            list(options),
            format_func=options.__getitem__,
            key=widget,
            help=md("The room's decision, which you record.{suggestion}", suggestion=suggestion),
        )
        st.text_input("Note (optional)", key=note_widget, max_chars=2000)
        st.form_submit_button(
            "Record the agreed level",
            icon=":material/check:",
            width="stretch",
            disabled=not workshop.is_open,
            on_click=_record,
            args=(engine, workshop.code, key, item.capability, framework),
        )
    if item.decided and workshop.is_open:
        st.button(
            "Undo the decision",
            key="workshop_undo",
            on_click=_undo,
            args=(engine, workshop.code, key, item.capability, framework),
        )
    st.caption(
        md(
            "{decided} of {items} decided.",
            decided=workshop.decided,
            items=count_of(len(workshop.items), "capability", "capabilities"),
        )
    )
