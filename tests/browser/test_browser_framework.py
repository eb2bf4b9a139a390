"""The home and framework pages in real Chromium, as a person sees them."""

import pytest
from playwright.sync_api import expect

from components.framework.model import default_framework
from tests.conftest import open_page, screenshot

pytestmark = pytest.mark.browser


def test_home_page_offers_the_ways_in(page, app_url):
    open_page(page, app_url + "/")
    assert page.locator("h1").first.inner_text() == "MNR Dashboard"
    body = page.locator('[data-testid="stMain"]').inner_text()
    assert "Model National Response" in body
    assert "Where would you like to start?" in body
    screenshot(page, "home")
    page.get_by_role("link", name="Open the framework").click()
    page.wait_for_url("**/framework")
    page.wait_for_selector("text=Capability domains")
    assert page.locator("h1").first.inner_text() == "The Model National Response"


def test_every_capability_shows_under_its_domain(page, app_url):
    framework = default_framework()
    open_page(page, app_url + "/framework")
    for domain in framework.domains:
        block = page.locator(f".st-key-domain-{domain.id}")
        assert block.count() == 1, f"no block for {domain.name}"
        expect(block).to_contain_text(domain.outcome_heading)  # drawn a moment after the rest
        text = block.inner_text()
        assert domain.name in text
        assert domain.outcome_heading in text
        for capability in framework.capabilities_in(domain.id):
            assert capability.title in text, f"{capability.label} missing under {domain.name}"
        others = [c for c in framework.capabilities if c.domain != domain.id]
        for capability in others:
            assert capability.label not in text, f"{capability.label} wrongly under {domain.name}"
    sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
    assert "The framework" in sidebar
    screenshot(page, "framework")


def test_capability_link_opens_it(page, app_url):
    open_page(page, app_url + "/framework?capability=7")
    linked = page.locator(".st-key-linked-capability")
    assert "7 · Access to Image Databases" in linked.inner_text()
    assert "Criminal Justice" in linked.inner_text()
    assert page.locator(".st-key-domain-criminal-justice details").get_attribute("open") is not None
    assert page.locator(".st-key-domain-victim details").get_attribute("open") is None
    screenshot(page, "framework-capability-7")


def test_bad_link_shows_a_notice_not_an_error(page, app_url):
    open_page(page, app_url + "/framework?domain=%3Cscript%3Ealert(1)%3C/script%3E&capability=x")
    main = page.locator('[data-testid="stMain"]').inner_text()
    assert "does not exist" in main
    assert page.locator('[data-testid="stException"]').count() == 0
    assert "Capability domains" in main


def test_search_box_filters(page, app_url):
    open_page(page, app_url + "/framework")
    box = page.get_by_role("textbox", name="Search the capabilities")
    box.fill("helpline")
    box.press("Enter")
    page.wait_for_selector("text=1 capability matches your search")
    assert "11 · Child Helpline" in page.locator(".st-key-found-11").inner_text()
    screenshot(page, "framework-search")


@pytest.mark.parametrize("path", ["/upload", "/framework?capability=7"])
def test_a_deep_link_as_the_first_request_gets_the_full_app(browser, path):
    """A facilitator's shared link may be the very first request after the app starts."""
    from tests.conftest import running_app

    with running_app("streamlit-first-request") as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            tab = context.new_page()
            open_page(tab, url + path)
            tab.wait_for_selector('[data-testid="stSidebar"] >> text=Your assessments')
            sidebar = tab.locator('[data-testid="stSidebar"]').inner_text()
            assert "Upload assessments" in sidebar
            assert "The framework" in sidebar
            assert "\napp\n" not in f"\n{sidebar}\n"
        finally:
            context.close()
