"""Back and Forward: the history rule is installed only in browsers, and a history entry's
view is reopened though this session wrote its address (a stale click's address is not)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from components.ui.history import came_by_back_or_forward, in_browser

CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140"
IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 Safari/604.1"


@pytest.mark.parametrize(
    ("user_agent", "browser"),
    [
        (CHROME, True),
        (IPHONE, True),
        (None, False),  # AppTest: no element for a script nobody runs
        ("", False),
        ("Python/3.11 websockets/17.4", False),
    ],
)
def test_in_browser(user_agent, browser):
    assert in_browser(user_agent) is browser


def test_outside_a_run_nothing_came_by_back_or_forward():
    assert came_by_back_or_forward() is False


def _receive_script() -> None:
    import streamlit as st

    from components.ui import state

    if not state.collection().has_demo:
        state.load_demo_into_session()
    state.receive_link()
    st.markdown(f"Country: {state.selected_country()}")


@pytest.mark.parametrize(
    ("by_back", "country"),
    [
        (False, "Dravonia"),  # a click sent the address shown a moment ago: the newer choice
        (True, "Arvenia"),  # Back to the page left on Arvenia: its view again
    ],
)
def test_an_own_address_is_reopened_only_by_back_or_forward(monkeypatch, by_back, country):
    from components.ui import state

    at = AppTest.from_function(_receive_script)
    at.run()
    left = {"country": "Arvenia", "source": "demo"}
    at.session_state[state.SELECTED_COUNTRY] = "Dravonia"
    at.session_state[state.PUBLISHED_LINKS] = [left]
    at.query_params.update(left)
    monkeypatch.setattr(state, "came_by_back_or_forward", lambda: by_back)
    at.run()
    assert not at.exception
    assert at.markdown[-1].value == f"Country: {country}"
