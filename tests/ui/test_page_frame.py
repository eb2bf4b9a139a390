"""The one place that decides the sidebar's state."""

import pytest

from components.ui.page_frame import looks_narrow, sidebar_state


@pytest.mark.parametrize(
    ("url_path", "query", "expected"),
    [
        ("present", {}, "collapsed"),
        ("present", {"slide": "3"}, "collapsed"),
        ("workshop", {"w": "abc"}, "collapsed"),  # a running workshop on the projector
        ("workshop", {}, "auto"),  # opening one needs the sidebar's country
        ("", {}, "auto"),  # home
        ("heatmap", {"w": "abc"}, "auto"),
        ("join", {"w": "abc"}, "auto"),  # phones: "auto" keeps it shut there anyway
    ],
)
def test_sidebar_state(url_path, query, expected):
    assert sidebar_state(url_path, query) == expected


@pytest.mark.parametrize(
    ("agent", "narrow"),
    [
        ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148", True),
        ("Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile Safari/537.36", True),
        ("Mozilla/5.0 (Linux; Android 13; SM-X200) Safari/537.36", True),  # a tablet
        ("Mozilla/5.0 (iPad; CPU OS 16_0 like Mac OS X)", True),
        ("Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36", False),
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/130.0", False),
        ("", False),
        (None, False),
    ],
)
def test_looks_narrow(agent, narrow):
    assert looks_narrow(agent) is narrow
