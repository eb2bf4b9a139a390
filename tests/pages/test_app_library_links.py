"""AppTest: a library link shared with another person opens, from the library, what of it
they may see; what is gone or not shared with them is counted in plain words, never by id and
never in the words for uploads. After a restart (a new, empty session) pages offer the library
again, and the Library page says that a sign-in ends with the session."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.library import store
from components.library.visibility import EDITOR
from tests.library_support import assessment
from tests.pages import test_app_library as shared
from tests.pages.test_app_library import library_page, texts

library = shared.library  # the fixture: an editor-mode library in a fresh SQLite file

ROOT = Path(__file__).resolve().parents[2]
GONE = "c179844285a9"  # an assessment deleted from the library (or never in it)
LIBRARY_LINK_PAGES = [
    "pages/profile.py",
    "pages/heatmap.py",
    "pages/compare.py",
    "pages/trends.py",
    "pages/present.py",
    "pages/plan.py",
]


def saved(library) -> dict[str, str]:
    """Three countries shared with everyone and one for editors only: country -> session id."""
    for country, year, level, visibility in [
        ("Armenia", 2024, 2, "everyone"),
        ("Brazil", 2023, 3, "everyone"),
        ("Chile", 2022, 1, "everyone"),
        ("Secretland", 2024, 3, "editors"),
    ]:
        store.save_assessments(library, *assessment(country, year, level), visibility=visibility)
    listing = store.list_assessments(library, viewer=EDITOR)
    return dict(zip(listing["country"], store.listing_session_ids(listing), strict=True))


def open_link(page: str, **params: str) -> AppTest:
    """Another person's fresh browser opening the link: the first request carries it."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page(page)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown(at: AppTest) -> str:
    parts = [texts(at.info), texts(at.warning), texts(at.markdown), texts(at.caption)]
    parts += [str(box.options) for box in at.selectbox] + [str(m.options) for m in at.multiselect]
    return " ".join(parts)


def test_a_compare_link_whose_main_assessment_is_gone_opens_the_rest(library):
    ids = saved(library)
    countries = ",".join([GONE, ids["Armenia"], ids["Brazil"], ids["Secretland"]])
    at = open_link("pages/compare.py", a=GONE, source="library", countries=countries)
    words = shown(at)
    assert (
        "2 assessments in this link are no longer in the library, or not shared with you; the "
        "rest of the link is shown." in words
    )
    assert "upload" not in texts(at.info).casefold()
    assert "this session does not have" not in words
    for raw in (GONE, ids["Secretland"], "Secretland"):
        assert raw not in words
    opened = set(at.session_state["mnr_collection"].capabilities["country"])
    assert opened == {"Armenia", "Brazil"}
    assert at.multiselect[0].value == ["Armenia", "Brazil"]


@pytest.mark.parametrize("page", LIBRARY_LINK_PAGES)
def test_a_library_link_to_a_gone_assessment_says_so_in_library_words(library, page):
    saved(library)
    at = open_link(page, a=GONE, source="library")
    words = texts(at.info)
    assert (
        "One assessment in this link is no longer in the library, or not shared with you. "
        "An editor may need to sign in, or to share it." in words
    )
    assert "Uploads stay" not in words
    assert GONE not in shown(at)


def test_a_profile_link_opens_the_country_it_is_laid_over(library):
    ids = saved(library)
    at = open_link(
        "pages/profile.py", a=ids["Armenia"], source="library", compare_country=ids["Chile"]
    )
    opened = set(at.session_state["mnr_collection"].capabilities["country"])
    assert opened == {"Armenia", "Chile"}
    assert at.session_state["mnr_country"] == "Armenia"
    assert "no longer in the library" not in texts(at.info)


def test_an_empty_page_offers_the_library_and_says_a_restart_closes_what_was_open(library):
    at = open_link("pages/heatmap.py")
    assert "closed when the browser session ends, and when the app restarts" in texts(at.info)
    labels = [link.proto.label for link in at.get("page_link")]
    assert "Open from the library" in labels
    assert "Upload assessments" in labels


def test_the_library_page_says_a_sign_in_ends_with_the_session(library):
    at = library_page()
    assert "a restart of the app ends it" in texts(at.caption)
    assert "sign in again" in texts(at.caption)
