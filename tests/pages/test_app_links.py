"""AppTest: a link value the session cannot use is named on every picture page, with what is
shown instead, also after a browser's second run draws the rest of the page."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.ui import first_chart

ROOT = Path(__file__).resolve().parents[2]
# Every page that takes its choices from a link.
LINKED_PAGES = [
    "pages/profile.py",
    "pages/heatmap.py",
    "pages/compare.py",
    "pages/trends.py",
    "pages/portfolio.py",
    "pages/plan.py",
    "pages/present.py",
]


def open_link(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page(page)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def notices(at: AppTest) -> str:
    return " ".join(i.value for i in at.info)


@pytest.mark.parametrize("page", LINKED_PAGES)
@pytest.mark.parametrize(
    ("params", "words"),
    [
        (
            {"country": "Nowhere", "round": "1999"},
            "“Nowhere” (round “1999”), which is not one of the fictional demo countries; "
            "showing Arvenia, 2023 \\(Second review\\), instead.",
        ),
        (
            {"country": "Belmora", "round": "1999"},
            "round “1999” of Belmora, which this session does not have; showing the latest, "
            "2023 \\(First review\\), instead.",
        ),
    ],
)
def test_a_link_value_that_cannot_be_used_is_named_with_what_is_shown(page, params, words):
    at = open_link(page, source="demo", **params)
    assert not at.exception, [e.value for e in at.exception]
    assert words in notices(at)
    assert at.query_params["country"] in {"Arvenia", "Belmora"}  # the address = the view


def test_the_notice_stays_when_a_browser_draws_the_rest_of_the_page(monkeypatch):
    """In a browser the profile's first run stops after its radar and a second run draws the
    rest; that run no longer sees the link, and must still say what the link could not do."""
    monkeypatch.setattr(first_chart, "waits_for_first_chart", lambda entered, _agent: entered)
    at = open_link("pages/profile.py", country="Nowhere", source="demo", round="1999")
    assert "“Nowhere”" in notices(at)
    first_run = len(at.header)  # stopped after the first chart
    at.run()  # the rest of the page, as the browser asks for it
    assert len(at.header) > first_run
    assert "“Nowhere”" in notices(at)
    at.run()  # the person's next choice: the link is history
    assert "“Nowhere”" not in notices(at)
