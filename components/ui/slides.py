"""Which slide the presentation shows, and the Previous and Next buttons that move it.

The slide number lives in the session (``present_slide``), so that a rerun keeps the slide. A
link may set it (``/present?slide=3``); a number the presentation does not have starts at the
first slide with a notice. Every number is kept within the deck: switching from a country's
ten slides to a comparison's three never leaves the presenter on a slide that is not there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from components.ui import state
from components.ui.links import first_value, pick_int
from components.ui.markdown import Markdown, md
from components.ui.page_frame import ask_scroll_to_top
from components.ui.slide_keys import follow_slide_keys

SLIDE = "present_slide"
SLIDE_PARAM = "slide"


def clamp_slide(number: int, count: int) -> int:
    """``number`` kept between the first slide and the last of ``count``."""
    return min(max(number, 1), count)


def slide_to_show(
    stored: int | None,
    link: Mapping[str, str | Sequence[str]] | None,
    count: int,
) -> tuple[int, Markdown | None]:
    """The slide on screen, and a notice when a link asked for one that does not exist.

    ``stored`` is the slide shown before (None at the start); a link that names a slide wins
    over it, once (``link`` is None on the runs after the one that opened the link).
    """
    notice = None
    if link is not None and SLIDE_PARAM in link:
        number = pick_int(link, SLIDE_PARAM, 1, count)
        if number is None:
            notice = md(
                "The link's slide “{asked}” does not exist; this presentation has {count} "
                "slides. Starting at the first.",
                asked=first_value(link[SLIDE_PARAM]) or "",
                count=count,
            )
        stored = number or 1
    return clamp_slide(1 if stored is None else stored, count), notice


def current_slide(incoming: Mapping[str, str] | None, count: int) -> int:
    """The slide to show this run (kept in the session); a bad link's notice is queued."""
    number, notice = slide_to_show(st.session_state.get(SLIDE), incoming, count)
    if notice is not None:
        st.session_state[state.LINK_NOTICES].append(notice)
    st.session_state[SLIDE] = number
    return number


def go_to(target: int, count: int) -> None:
    """Button callback: show slide ``target`` (kept within the deck) on the next run, from
    its top (the set-up below a slide may have been scrolled to)."""
    st.session_state[SLIDE] = clamp_slide(target, count)
    ask_scroll_to_top()


def render_slide_controls(number: int, count: int) -> None:
    """Previous, "Slide n of m" and Next in one row under the slide.

    The row is a keyed container (``st-key-present_controls``) that the page keeps at the
    bottom edge of a short window, so the buttons stay reachable under a tall slide. A
    clicker's keys (arrows, Page Up and Down, Space) press the same buttons.
    """
    with st.container(key=CONTROLS_KEY):
        _render_controls_row(number, count)
    follow_slide_keys("present_previous", "present_next")


CONTROLS_KEY = "present_controls"


def _render_controls_row(number: int, count: int) -> None:
    previous, position, following = st.columns([1, 2, 1], vertical_alignment="center")
    with previous:
        st.button(
            "Previous",
            icon=":material/arrow_back:",
            on_click=go_to,
            args=(number - 1, count),
            disabled=number == 1,
            key="present_previous",
            width="stretch",
        )
    with position:
        st.markdown(Markdown(f"**Slide {number} of {count}**"), text_alignment="center")
    with following:
        st.button(
            "Next",
            icon=":material/arrow_forward:",
            on_click=go_to,
            args=(number + 1, count),
            disabled=number == count,
            key="present_next",
            width="stretch",
            type="primary",
        )
