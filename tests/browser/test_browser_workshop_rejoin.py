"""A phone that opens the join link again (a new tab, the QR code scanned again) in the same
browser is the same participant: its vote comes back and the room counts it once. Another
phone (another browser context) is another participant."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from components.library import access
from tests.conftest import open_page, running_app, screenshot, wait_until_idle
from tests.workshop_support import open_workshop_as_host

pytestmark = pytest.mark.browser

PASSPHRASE = "blue whale under the bridge"  # noqa: S105 (a test passphrase)
WAIT = 30_000  # ms: a busy two-core machine may take a while; every wait is on a condition
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)
READ_P = "() => new URLSearchParams(location.search).get('p')"


@pytest.fixture(scope="module")
def workshop_app(tmp_path_factory, browser):
    """An app of its own: an editor passphrase, and a library no other test touches."""
    folder = tmp_path_factory.mktemp("workshop-rejoin-library")
    env = {
        "MNR_LIBRARY_PATH": str(folder / "library.sqlite3"),
        "MNR_EDITOR_PASSPHRASE_HASH": access.hash_passphrase(PASSPHRASE, n=2**10),
        "MNR_LIBRARY_MODE": "editor",
    }
    with running_app("workshop-rejoin-app", env=env) as url:
        yield url


def _phone(browser):
    return browser.new_context(
        viewport={"width": 390, "height": 844}, user_agent=IPHONE, is_mobile=True, has_touch=True
    )


def _open_join(context, link: str):
    phone = context.new_page()
    phone.set_default_timeout(30_000)
    open_page(phone, link)
    expect(phone.get_by_text("1 · Leadership")).to_be_visible(timeout=WAIT)
    phone.wait_for_function("() => new URLSearchParams(location.search).has('p')")
    return phone


def test_the_same_phone_opening_the_link_again_is_the_same_participant(browser, workshop_app):
    contexts = []
    try:
        contexts.append(browser.new_context(viewport={"width": 1280, "height": 720}))
        host = contexts[0].new_page()
        code = open_workshop_as_host(host, workshop_app + "/workshop", PASSPHRASE, "Zembla", WAIT)
        link = f"{workshop_app}/join?w={code}"
        host.get_by_role("button", name="Start with the first capability").click()
        main = host.locator('[data-testid="stMain"]')

        # The phone's first tab joins and votes.
        contexts.append(_phone(browser))
        first = _open_join(contexts[1], link)
        token = first.evaluate(READ_P)
        first.get_by_text("3 · Established", exact=True).click()
        first.get_by_role("button", name="Send my vote").click()
        expect(first.locator(".st-key-your-vote")).to_contain_text(
            "Your vote: 3 · Established", timeout=WAIT
        )
        expect(main).to_contain_text("1 joined since the start", timeout=WAIT)

        # The same phone opens the bare link again (a new tab, the QR code scanned again):
        # the same participant, its vote already given, not a fresh ballot.
        second = _open_join(contexts[1], link)
        assert second.evaluate(READ_P) == token
        expect(second.locator(".st-key-your-vote")).to_contain_text(
            "Your vote: 3 · Established", timeout=WAIT
        )
        expect(second.get_by_role("radio", name="3 · Established")).to_be_checked()
        wait_until_idle(second)
        screenshot(second, "workshop-rejoin-phone-second-tab")

        # Another phone is another participant: the room counts two, not three, and one vote.
        contexts.append(_phone(browser))
        other = _open_join(contexts[2], link)
        assert other.evaluate(READ_P) != token
        expect(main).to_contain_text("2 joined since the start", timeout=WAIT)
        expect(host.locator(".st-key-workshop-participants")).to_contain_text("2", timeout=WAIT)
        expect(host.locator(".st-key-workshop-votes-in")).to_contain_text("1", timeout=WAIT)
        assert host.locator('[data-testid="stException"]').count() == 0
        assert second.locator('[data-testid="stException"]').count() == 0
        wait_until_idle(host)
        screenshot(host, "workshop-rejoin-projector")
    finally:
        for context in contexts:
            context.close()


# A tab shows a vote or a name given in the participant's other tab as soon as it would show
# the room moving on: its watch polls every two seconds; the rest is a busy machine's slack.
FOLLOWS = 15_000  # ms


def test_a_participant_s_open_tabs_show_the_vote_and_name_given_in_either(browser, workshop_app):
    contexts = []
    try:
        contexts.append(browser.new_context(viewport={"width": 1280, "height": 720}))
        host = contexts[0].new_page()
        code = open_workshop_as_host(host, workshop_app + "/workshop", PASSPHRASE, "Yland", WAIT)
        link = f"{workshop_app}/join?w={code}"
        host.get_by_role("button", name="Start with the first capability").click()

        # One phone, the join link open in two tabs before either votes: one participant.
        contexts.append(_phone(browser))
        first = _open_join(contexts[1], link)
        second = _open_join(contexts[1], link)
        assert second.evaluate(READ_P) == first.evaluate(READ_P)
        expect(second.locator(".st-key-ballot")).to_be_visible()

        # A vote in the first tab shows in the second, which nobody touches or reloads.
        first.get_by_text("3 · Established", exact=True).click()
        first.get_by_role("button", name="Send my vote").click()
        expect(first.locator(".st-key-your-vote")).to_contain_text("3 · Established")
        expect(second.locator(".st-key-your-vote")).to_contain_text(
            "Your vote: 3 · Established", timeout=FOLLOWS
        )
        expect(second.get_by_role("radio", name="3 · Established")).to_be_checked()

        # Changed in the second tab: the first, which sent 3 itself, shows the change.
        second.get_by_text("1 · Building", exact=True).click()
        second.get_by_role("button", name="Send my vote").click()
        expect(second.locator(".st-key-your-vote")).to_contain_text("1 · Building")
        expect(first.locator(".st-key-your-vote")).to_contain_text(
            "Your vote: 1 · Building", timeout=FOLLOWS
        )
        expect(first.get_by_role("radio", name="1 · Building")).to_be_checked()

        # A name given in one tab is the name the other shows.
        first.get_by_text("You take part anonymously").click()
        first.get_by_label("Your name or organisation (optional)").fill("Ministry of Justice")
        screenshot(first, "workshop-phone-name-box")
        first.get_by_role("button", name="Save").click()
        expect(first.get_by_text("You take part as Ministry of Justice")).to_be_visible(
            timeout=FOLLOWS
        )
        expect(second.get_by_text("You take part as Ministry of Justice")).to_be_visible(
            timeout=FOLLOWS
        )

        # Still one participant with one vote on the projector.
        expect(host.locator(".st-key-workshop-votes-in")).to_contain_text("1", timeout=WAIT)
        for tab in (host, first, second):
            assert tab.locator('[data-testid="stException"]').count() == 0
        wait_until_idle(second)
        screenshot(second, "workshop-second-tab-follows-the-first")
    finally:
        for context in contexts:
            context.close()
