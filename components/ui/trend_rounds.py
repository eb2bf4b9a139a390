"""The trends page's two rounds: "From" always the earlier, "To" always a later one.

The pickers offer no backwards or empty comparison: "From" lists every round but the latest,
"To" only the rounds after the chosen "From". A link that asks for a reversed pair, or the same
round twice, is put right before the pickers draw, with a notice saying what it asked for
and what is shown; the address then holds the pair shown, so a shared link reopens it.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from components.ui import state
from components.ui.markdown import Markdown, md, option_format
from components.ui.selection import RoundPair, round_pair

FROM_KEY = "trend_from"
TO_KEY = "trend_to"


def _pair_notice(
    asked: tuple[object, object], shown: RoundPair, rounds: Mapping[str, str]
) -> Markdown:
    """What the link asked for and what is shown instead."""
    earlier, later = rounds[shown.earlier], rounds[shown.later]
    if shown.reversed_:
        return md(
            "The link compares “{asked_from}” with the earlier “{asked_to}”, backwards; showing "
            "what changed from {earlier} to {later} instead (“From” is always the earlier round).",
            asked_from=rounds.get(str(asked[0]), str(asked[0])),
            asked_to=rounds.get(str(asked[1]), str(asked[1])),
            earlier=earlier,
            later=later,
        )
    return md(
        "The link compares the round “{same}” with itself; showing what changed from {earlier} "
        "to {later} instead.",
        same=rounds.get(str(asked[0]), str(asked[0])),
        earlier=earlier,
        later=later,
    )


def settle_rounds(incoming: dict[str, str] | None, rounds: Mapping[str, str]) -> None:
    """Before the page draws its notices: take a link's rounds, and put the pair right.

    For a country with two or more ``rounds`` (id -> label, oldest first).
    """
    ids = list(rounds)
    state.restore_choice(incoming, "from", rounds, FROM_KEY, "first round")
    state.restore_choice(incoming, "to", rounds, TO_KEY, "second round")
    asked = (st.session_state.get(FROM_KEY), st.session_state.get(TO_KEY))
    from_link = incoming is not None and ("from" in incoming or "to" in incoming)
    # A person's new "From" stays put ("To" moves to the latest); a link's pair is swapped.
    pair = round_pair(ids, *asked, keep_earlier=not from_link)
    if from_link and (pair.reversed_ or pair.same):
        state.add_link_notice(_pair_notice(asked, pair, rounds))
    # Set before the pickers draw (which get no ``index``): they then show the pair shown.
    st.session_state[FROM_KEY] = pair.earlier
    st.session_state[TO_KEY] = pair.later


def render_round_pickers(rounds: Mapping[str, str]) -> RoundPair:
    """The two pickers (after ``settle_rounds``); the pair chosen, the earlier first, is also
    put in the address."""
    ids = list(rounds)
    left, right = st.columns(2)
    with left:
        earlier = st.selectbox(
            "From (the earlier round)",
            ids[:-1],
            format_func=option_format(rounds, markdown=False),
            key=FROM_KEY,
        )
    with right:
        later = st.selectbox(
            "To (a later round)",
            ids[ids.index(earlier) + 1 :],
            format_func=option_format(rounds, markdown=False),
            key=TO_KEY,
        )
    state.share("from", rounds[earlier])
    state.share("to", rounds[later])
    return RoundPair(earlier, later)
