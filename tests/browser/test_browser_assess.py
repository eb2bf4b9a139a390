"""The assessment editor in Chromium, on a phone and on a projector: score a few capabilities,
reload the tab and find the work still there, add it to the session, see it in the profile."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from tests.conftest import (
    choose_option,
    open_page,
    running_app,
    screenshot,
    wait_until_idle,
)

pytestmark = pytest.mark.browser
# Each change is a rerun, and the profile draws seven charts: on a busy shared machine that
# can take tens of seconds, so every wait (actions, expectations, idle) allows a minute.
WAIT = 60_000


@pytest.fixture(scope="module")
def editor_url(tmp_path_factory, browser) -> Iterator[str]:
    """An app of its own: its drafts go to a library in a temporary folder, not the user's."""
    folder = tmp_path_factory.mktemp("assess-library")
    env = {"MNR_LIBRARY_PATH": str(folder / "library.sqlite3"), "MNR_LIBRARY_MODE": "read-only"}
    with running_app("assess-server", env=env) as url:
        yield url


def choose_level(page, number: int, label: str) -> None:
    """Pick a capability's level from its drop-down, as a person does."""
    box = page.locator(f".st-key-assess-capability-{number}").get_by_role("combobox")
    choose_option(page, box, label)
    expect(box).to_have_value(label, timeout=WAIT)


def open_domain(page, domain: str) -> None:
    page.locator(f".st-key-assess-domain-{domain} summary").click()
    expect(
        page.locator(f".st-key-assess-domain-{domain} [data-testid=stSelectbox]").first
    ).to_be_visible(timeout=WAIT)


def type_into(page, label: str, value: str) -> None:
    # In the page, not the sidebar (which has a "Round" picker of its own).
    field = page.locator('[data-testid="stMain"]').get_by_label(label, exact=True)
    field.fill(value)
    field.press("Tab")  # a text input sends its value when it loses focus


@pytest.mark.parametrize(
    ("width", "height", "name"), [(390, 844, "phone"), (1280, 720, "projector")]
)
def test_scores_survive_a_reload_and_reach_the_profile(browser, editor_url, width, height, name):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(WAIT)
    try:
        open_page(page, editor_url + "/assess")
        expect(page.get_by_text("0 of 21 capabilities assessed")).to_be_visible(timeout=WAIT)
        type_into(page, "Country", "Zembla")
        expect(page).to_have_url(re.compile(r"/assess\?draft=[A-Za-z0-9_-]{22}$"), timeout=WAIT)
        type_into(page, "Year or date", "2024")
        open_domain(page, "victim")
        choose_level(page, 8, "3 · Established")
        expect(page.get_by_text("3. Victim · 1 of 4 assessed")).to_be_visible(timeout=WAIT)
        choose_level(page, 9, "1 · Building")
        choose_level(page, 11, "0 · Not in place")
        evidence = page.locator(".st-key-assess-capability-9 textarea")
        evidence.fill("Trained workforce in two regions only")
        evidence.press("Tab")
        expect(page.get_by_text("3 of 21 capabilities assessed")).to_be_visible(timeout=WAIT)
        expect(page.locator(".st-key-assess-capability-8")).to_contain_text(
            "in place nationally, resourced and used routinely", timeout=WAIT
        )
        wait_until_idle(page)
        screenshot(page, f"assess-{name}-scored")
        link = page.url

        page.reload()
        page.wait_for_selector("h1")
        expect(page.get_by_text("Your draft is back: 3 of 21 capabilities assessed")).to_be_visible(
            timeout=WAIT
        )
        assert page.url == link
        main = page.locator('[data-testid="stMain"]')
        expect(main.get_by_label("Country", exact=True)).to_have_value("Zembla", timeout=WAIT)
        open_domain(page, "victim")
        victim = page.locator(".st-key-assess-domain-victim")
        expect(victim.get_by_role("combobox").nth(0)).to_have_value("3 · Established", timeout=WAIT)
        expect(victim.get_by_role("combobox").nth(3)).to_have_value(
            "0 · Not in place", timeout=WAIT
        )
        expect(page.locator(".st-key-assess-capability-9 textarea")).to_have_value(
            "Trained workforce in two regions only", timeout=WAIT
        )
        assert page.locator('[data-testid="stException"]').count() == 0
        wait_until_idle(page)
        screenshot(page, f"assess-{name}-reloaded")

        page.get_by_role("button", name="Add to my session").click()
        expect(page.get_by_text("is in your session: every picture")).to_be_visible(timeout=WAIT)
        page.get_by_role("link", name="See its profile").click()
        page.wait_for_url("**/profile*")
        expect(page.get_by_role("heading", name="Zembla 2024")).to_be_visible(timeout=WAIT)
        wait_until_idle(page)
        assert page.locator('[data-testid="stException"]').count() == 0
        screenshot(page, f"assess-{name}-profile")
    finally:
        context.close()
