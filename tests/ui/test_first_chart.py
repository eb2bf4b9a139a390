"""When a picture page's first run ends at its first chart: on entering it, in a browser."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from components.ui.first_chart import ENTERED, waits_for_first_chart

CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140"
IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 Safari/604.1"


@pytest.mark.parametrize(
    ("entered", "user_agent", "waits"),
    [
        (True, CHROME, True),
        (True, IPHONE, True),
        (False, CHROME, False),  # a choice, a tab, the request for the rest: the whole page
        (True, None, False),  # no browser (AppTest): nobody would ask for the rest
        (True, "", False),
        (True, "Python/3.11 websockets/17.4", False),
    ],
)
def test_waits_for_first_chart(entered, user_agent, waits):
    assert waits_for_first_chart(entered, user_agent) is waits


def _pages_script() -> None:
    import streamlit as st

    from components.ui.first_chart import note_page

    note_page(st.session_state["next_page"])


@pytest.mark.parametrize(
    ("pages", "entered"),
    [
        (["profile"], [True]),  # opening the app on a page enters it
        (["profile", "profile", "profile"], [True, False, False]),
        (["profile", "", "profile"], [True, True, True]),  # home and back
        (["heatmap", "profile", "profile", "heatmap"], [True, True, False, True]),
    ],
)
def test_a_run_enters_a_page_when_the_run_before_was_on_another(pages, entered):
    at = AppTest.from_function(_pages_script)
    seen = []
    for page in pages:
        at.session_state["next_page"] = page
        at.run()
        seen.append(at.session_state[ENTERED])
    assert seen == entered
