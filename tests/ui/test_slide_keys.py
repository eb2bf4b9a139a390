"""A clicker's keys: which of them press Next and which Previous, and no element in a session
without a browser (the keys themselves are pressed in tests/browser/test_browser_slide_keys.py)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from components.ui.slide_keys import NEXT_KEYS, PREVIOUS_KEYS


@pytest.mark.parametrize(
    ("key", "button"),
    [
        ("ArrowRight", "next"),
        ("PageDown", "next"),
        (" ", "next"),  # Space
        ("ArrowLeft", "previous"),
        ("PageUp", "previous"),
        ("b", None),  # a clicker's "blank screen" key is not a slide key
        (".", None),
        ("Enter", None),  # presses a focused button itself
        ("ArrowUp", None),  # scrolls a tall slide
    ],
)
def test_which_button_a_key_presses(key, button):
    pressed = "next" if key in NEXT_KEYS else "previous" if key in PREVIOUS_KEYS else None
    assert pressed == button


def _page() -> None:
    import streamlit as st

    from components.ui.slide_keys import follow_slide_keys

    st.button("Previous", key="present_previous")
    st.button("Next", key="present_next")
    follow_slide_keys("present_previous", "present_next")


def test_without_a_browser_nothing_is_added():
    at = AppTest.from_function(_page)
    at.run()
    assert not at.exception
    assert [button.label for button in at.button] == ["Previous", "Next"]
    assert len(at.main.children) == 2
