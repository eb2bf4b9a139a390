"""A library link shared with another person, in their own browser (one at a projector's
size, one a phone): it opens from the library what they may see and counts in plain words
what is gone. Then the app restarts under the open tabs: the next click finds an empty
session that offers the library again, and the Library page says a sign-in ends with it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from components.library import access, store
from components.library.access import sqlite_url
from components.library.database import create_library_engine
from components.library.visibility import EDITOR
from tests.conftest import _free_port, open_page, running_app, screenshot, wait_until_idle
from tests.library_support import assessment

pytestmark = pytest.mark.browser

PASSPHRASE = "blue whale under the bridge"  # noqa: S105 (a test passphrase)
WAIT = 30_000  # ms: a busy two-core machine may take a while; every wait is on a condition
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)
GONE = "c179844285a9"  # deleted from the library before the link was opened
GONE_WORDS = "One assessment in this link is no longer in the library, or not shared with you"


@pytest.fixture(scope="module")
def shared_library(tmp_path_factory, browser):
    """Three countries shared with everyone; the app's settings; the compare link's ids."""
    folder = tmp_path_factory.mktemp("library-links")
    path = folder / "library.sqlite3"
    engine = create_library_engine(sqlite_url(path))
    for country, year, level in [("Armenia", 2024, 2), ("Brazil", 2023, 3), ("Chile", 2022, 1)]:
        store.save_assessments(engine, *assessment(country, year, level), visibility="everyone")
    listing = store.list_assessments(engine, viewer=EDITOR)
    ids = dict(zip(listing["country"], store.listing_session_ids(listing), strict=True))
    engine.dispose()
    env = {
        "MNR_LIBRARY_PATH": str(path),
        "MNR_EDITOR_PASSPHRASE_HASH": access.hash_passphrase(PASSPHRASE, n=2**10),
        "MNR_LIBRARY_MODE": "editor",
    }
    return env, ids


def _main(page):
    return page.locator('[data-testid="stMain"]')


def test_a_shared_library_link_opens_for_another_person_and_a_restart_is_said(
    browser, shared_library
):
    env, ids = shared_library
    link = f"/compare?a={GONE}&source=library&countries={GONE},{ids['Armenia']},{ids['Brazil']}"
    port = _free_port()
    desk = browser.new_context(viewport={"width": 1280, "height": 720})
    phone = browser.new_context(
        viewport={"width": 390, "height": 844}, user_agent=IPHONE, is_mobile=True, has_touch=True
    )
    try:
        with running_app("library-links-app", env=env, port=port) as url:
            a = desk.new_page()
            a.set_default_timeout(WAIT)
            open_page(a, url + link)
            expect(_main(a)).to_contain_text(GONE_WORDS, timeout=WAIT)
            expect(_main(a)).to_contain_text("the rest of the link is shown")
            expect(_main(a)).not_to_contain_text("Uploads stay")
            expect(_main(a)).not_to_contain_text(GONE)
            expect(a.get_by_text("Brazil").first).to_be_visible()
            screenshot(a, "library-link-desk")
            b = phone.new_page()
            b.set_default_timeout(WAIT)
            open_page(b, url + link)
            expect(_main(b)).to_contain_text(GONE_WORDS, timeout=WAIT)
            screenshot(b, "library-link-phone")
            open_page(a, url + "/library")
            a.get_by_text("Editors: sign in").click()
            a.get_by_label("Editor passphrase").fill(PASSPHRASE)
            a.get_by_role("button", name="Sign in").click()
            expect(a.get_by_text("Signed in as an editor.")).to_be_visible(timeout=WAIT)
            # Let the signed-in page finish drawing before the app stops: its page links load
            # their code on first use, and a load cut short by the stop fails for the tab's life.
            expect(_main(a).get_by_role("link", name="Assess in the app")).to_be_visible()
            wait_until_idle(a)
            a.wait_for_load_state("networkidle")
        with running_app("library-links-app-restarted", env=env, port=port):
            # The tabs stay open on what they last drew; the next click is a new session.
            a.get_by_role("link", name="Heatmap").first.click(timeout=WAIT)
            expect(_main(a)).to_contain_text("when the app restarts", timeout=60_000)
            expect(a.get_by_role("link", name="Open from the library")).to_be_visible()
            wait_until_idle(a)
            screenshot(a, "library-restart-desk-heatmap")
            a.get_by_role("link", name="Library").first.click(timeout=WAIT)
            expect(_main(a)).to_contain_text("a restart of the app ends it", timeout=60_000)
            expect(a.get_by_text("Signed in as an editor.")).to_have_count(0)
            wait_until_idle(a)
            screenshot(a, "library-restart-desk-library")
            # The phone's address holds its view (what was gone left out): opened again after
            # the restart, it reopens the same comparison from the library.
            b.reload()
            expect(_main(b)).to_contain_text("Brazil 2023", timeout=60_000)
            expect(_main(b)).not_to_contain_text("no assessments in this session")
            wait_until_idle(b)
            screenshot(b, "library-restart-phone-link")
    finally:
        desk.close()
        phone.close()
