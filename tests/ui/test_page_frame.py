"""The one place that decides the sidebar's state."""

import pytest

from components.ui.page_frame import sidebar_state


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
