"""A live workshop in Chromium: a facilitator on a projector and five phones, each in its own
browser context: join, vote, reveal, agree, and the agreed level on the profile page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from components.library import access
from tests.conftest import open_page, running_app, screenshot, wait_until_idle
from tests.workshop_support import open_workshop_as_host

pytestmark = pytest.mark.browser

PASSPHRASE = "blue whale under the bridge"  # noqa: S105 (a test passphrase)
WAIT = 30_000  # ms: a busy two-core machine may take a while; every wait is on a condition
VOTES = ["2 · Developing", "2 · Developing", "2 · Developing", "3 · Established", "Don't know"]


@pytest.fixture(scope="module")
def workshop_app(tmp_path_factory, browser):
    """An app of its own: an editor passphrase, and a library no other test touches."""
    folder = tmp_path_factory.mktemp("workshop-library")
    env = {
        "MNR_LIBRARY_PATH": str(folder / "library.sqlite3"),
        "MNR_EDITOR_PASSPHRASE_HASH": access.hash_passphrase(PASSPHRASE, n=2**10),
        "MNR_LIBRARY_MODE": "editor",
    }
    with running_app("workshop-app", env=env) as url:
        yield url


def test_a_room_votes_from_phones_and_the_facilitator_walks_out_with_an_assessment(
    browser, workshop_app
):
    contexts = []
    try:
        contexts.append(browser.new_context(viewport={"width": 1280, "height": 720}))
        host = contexts[0].new_page()
        # The demo loaded first: its countries must not be what "See the profile" shows.
        code = open_workshop_as_host(
            host, workshop_app + "/workshop?source=demo", PASSPHRASE, "Zembla", WAIT
        )
        join = host.locator('[data-testid="stCode"]').first.inner_text()
        assert join.endswith(f"/join?w={code}")
        assert "key" not in join
        wait_until_idle(host)
        screenshot(host, "workshop-projector-lobby")

        phones = []
        for _ in VOTES:
            context = browser.new_context(
                viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
            )
            contexts.append(context)
            phone = context.new_page()
            phone.set_default_timeout(30_000)
            open_page(phone, f"{workshop_app}/join?w={code}")
            expect(phone.get_by_text("The facilitator will start soon")).to_be_visible(timeout=WAIT)
            phones.append(phone)
        # Each phone took a seat of its own, kept in its own address.
        tokens = {p.evaluate("() => new URLSearchParams(location.search).get('p')") for p in phones}
        assert len(tokens) == len(VOTES)
        expect(host.locator(".st-key-workshop-participants")).to_contain_text("5", timeout=WAIT)

        host.get_by_role("button", name="Start with the first capability").click()
        for phone, choice in zip(phones, VOTES, strict=True):
            expect(phone.get_by_text("1 · Leadership")).to_be_visible(timeout=WAIT)
            phone.get_by_text(choice, exact=True).click()
            phone.get_by_role("button", name="Send my vote").click()
            expect(phone.locator(".st-key-your-vote")).to_contain_text(
                f"Your vote: {choice}", timeout=WAIT
            )
        wait_until_idle(phones[0])
        screenshot(phones[0], "workshop-phone-voted")

        # The projector counts the votes but shows no distribution before the reveal.
        expect(host.locator(".st-key-workshop-votes-in")).to_contain_text("5", timeout=WAIT)
        assert host.locator(".js-plotly-plot").count() == 0
        host.get_by_role("button", name="Reveal").click()
        expect(host.locator(".js-plotly-plot")).to_be_visible(timeout=WAIT)
        main = host.locator('[data-testid="stMain"]')
        expect(main).to_contain_text("Agreement", timeout=WAIT)
        expect(main).to_contain_text("Median", timeout=WAIT)
        wait_until_idle(host)
        screenshot(host, "workshop-projector-revealed")
        # The phones see the room's votes too, now.
        expect(phones[4].get_by_text("The room's votes")).to_be_visible(timeout=WAIT)

        host.locator('[data-testid="stButtonGroup"]').get_by_text(
            "2 · Developing", exact=True
        ).click()
        host.get_by_label("Note (optional)").fill("Consensus after a short discussion")
        host.get_by_role("button", name="Record the agreed level").click()
        expect(main).to_contain_text("Agreed: 2 · Developing", timeout=WAIT)

        # Recording put the levels in the session too; the button says so for certain (the
        # page's result part is redrawn with it, the link to the profile enabled).
        host.get_by_role("button", name="Put the agreed levels in my session").click()
        expect(main).to_contain_text("The agreed levels are in your session", timeout=WAIT)
        wait_until_idle(host)
        host.get_by_role("link", name="See the profile").click()
        host.wait_for_selector("h1:has-text('Country profile')", timeout=WAIT)
        wait_until_idle(host)
        profile = host.locator('[data-testid="stMain"]')
        expect(profile).to_contain_text("Zembla", timeout=WAIT)
        assert "country=" not in host.url  # the workshop's own assessment, not a demo one
        expect(profile).to_contain_text("1 of 21 capabilities assessed", timeout=WAIT)
        assert host.locator('[data-testid="stException"]').count() == 0
        screenshot(host, "workshop-profile")
    finally:
        for context in contexts:
            context.close()
