"""Present mode and shared links in Chromium: step through slides; a link restores a view."""

import pytest
from playwright.sync_api import expect

from tests.conftest import (
    ARTIFACTS,
    choose_option,
    load_demo,
    open_page,
    screenshot,
    wait_until_idle,
)

pytestmark = pytest.mark.browser


def slide_title(page) -> str:
    return page.locator('[data-testid="stMain"] h1').first.inner_text()


def test_present_steps_through_the_slides_on_a_projector(browser, app_url):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    try:
        open_page(page, app_url + "/present?country=Arvenia&source=demo")
        assert "Arvenia 2023 (Second review): the six domains" in slide_title(page)
        assert "Slide 1 of 12" in page.locator('[data-testid="stMain"]').inner_text()
        assert page.get_by_text("Fictional demo data").first.is_visible()
        # The slide fits the projector: the title and the Next button are both on screen. On
        # a wide window the sidebar may start open and slide shut after the page is drawn (the
        # page's config arrives with its run): what fits is asserted once it has, with retries.
        next_button = page.get_by_role("button", name="Next")
        expect(page.locator('[data-testid="stMain"] h1').first).to_be_in_viewport(ratio=1)
        expect(next_button).to_be_in_viewport(ratio=1)
        screenshot(page, "present-slide-1")
        titles = [slide_title(page)]
        for number in range(2, 13):
            next_button.click()
            page.wait_for_selector(f"text=Slide {number} of 12")
            wait_until_idle(page)
            titles.append(slide_title(page))
        assert titles[1:7] == [
            "Policy and Governance",
            "Criminal Justice",
            "Victim",
            "Societal",
            "Industry",
            "Media and Communications",
        ]
        assert "beside 7 other countries" in titles[7]
        assert titles[8] == "What changed since Arvenia 2021 (First review)"
        assert titles[9].endswith("gaps to work on")
        assert titles[10].endswith("the action plan")
        assert page.get_by_role("button", name="Next").is_disabled()
        assert "slide=12" in page.url
        page.get_by_role("button", name="Previous").click()
        page.wait_for_selector("text=Slide 11 of 12")
        wait_until_idle(page)
        assert slide_title(page).endswith("the action plan")
        screenshot(page, "present-plan")
        page.get_by_role("button", name="Previous").click()
        page.wait_for_selector("text=Slide 10 of 12")
        wait_until_idle(page)
        assert slide_title(page).endswith("gaps to work on")
        screenshot(page, "present-gaps")
    finally:
        context.close()


def test_a_shared_link_restores_the_view(browser, app_url, page):
    open_page(page, app_url + "/")
    load_demo(page)
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Heatmap", exact=True).click()
    page.wait_for_selector(".js-plotly-plot")
    wait_until_idle(page)
    page.get_by_text("All rounds").click()
    page.wait_for_function("() => location.search.includes('rows=all')")
    wait_until_idle(page)
    choose_option(page, page.get_by_role("combobox", name="Order of rows"), "By Victim score")
    page.wait_for_function("() => location.search.includes('victim')")
    wait_until_idle(page)
    shared = page.url
    assert "rows=all" in shared
    assert "sort=domain%3Avictim" in shared or "sort=domain:victim" in shared

    # Someone else opens the link in a fresh browser session.
    other = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        tab = other.new_page()
        open_page(tab, shared)
        tab.wait_for_selector(".js-plotly-plot")
        wait_until_idle(tab)
        main = tab.locator('[data-testid="stMain"]').inner_text()
        assert "Fictional demo data" in main
        assert tab.get_by_role("radio", name="All rounds").is_checked()
        order = tab.get_by_role("combobox", name="Order of rows")
        assert order.input_value() == "By Victim score"
        assert "20 assessments" in main
    finally:
        other.close()


def test_a_link_to_an_upload_this_session_lacks_offers_the_upload(page, app_url):
    open_page(page, app_url + "/profile?country=Zembla&round=2024")
    expect(page.locator('[data-testid="stMain"]')).to_contain_text("not in this session")
    expect(page.get_by_role("link", name="Upload the assessment")).to_be_visible()
    assert page.locator('[data-testid="stException"]').count() == 0


def sidebar_is_open(page) -> bool:
    return page.locator('[data-testid="stSidebar"]').get_attribute("aria-expanded") == "true"


def main_scroll_top(page) -> float:
    return page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollTop")


def test_the_projector_keeps_the_sidebar_shut_and_the_slide_in_view(browser, app_url):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    try:
        open_page(page, app_url + "/present?country=Arvenia&source=demo")
        assert not sidebar_is_open(page)
        # Between slides the sidebar never opens by itself (it did, when two places set it).
        for number in range(2, 5):
            page.get_by_role("button", name="Next").click()
            page.wait_for_selector(f"text=Slide {number} of 12")
            wait_until_idle(page)
            assert not sidebar_is_open(page), f"the sidebar opened on slide {number}"

        # Switching to a comparison from the set-up below the slide starts at its top.
        setup = page.get_by_text("Set up the presentation")
        setup.click()
        comparison = page.locator(".st-key-present_mode").get_by_text("A comparison", exact=True)
        comparison.scroll_into_view_if_needed()
        wait_until_idle(page)
        assert main_scroll_top(page) > 0
        comparison.click()
        page.wait_for_selector("text=Slide 1 of 3")
        wait_until_idle(page)
        expect(page.locator('[data-testid="stMain"] h1').first).to_be_in_viewport()
        page.wait_for_function(
            "() => document.querySelector('[data-testid=\"stMain\"]').scrollTop === 0"
        )
        assert slide_title(page) == "Domain scores side by side"
        assert not sidebar_is_open(page)
        screenshot(page, "present-comparison-1280x720")
    finally:
        context.close()


def test_previous_and_next_stay_reachable_in_a_short_window(browser, app_url):
    context = browser.new_context(viewport={"width": 1280, "height": 600})
    page = context.new_page()
    try:
        # Slide 8 is the tall heatmap beside the other countries.
        open_page(page, app_url + "/present?country=Arvenia&source=demo&slide=8")
        page.wait_for_selector(".js-plotly-plot")
        wait_until_idle(page)
        for name in ("Previous", "Next"):
            # Wholly in the window, once the sidebar has slid shut (see the test above).
            expect(page.get_by_role("button", name=name)).to_be_in_viewport(ratio=1)
        # The window as it is (the screenshot helper would grow it to the whole page).
        shot = ARTIFACTS / "screenshots" / "present-1280x600-heatmap-slide.png"
        shot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shot))
        page.get_by_role("button", name="Next").click()
        page.wait_for_selector("text=Slide 9 of 12")
        wait_until_idle(page)
        expect(page.get_by_role("button", name="Previous")).to_be_in_viewport()
    finally:
        context.close()


def test_a_link_to_a_comparison_keeps_its_set_up_though_the_first_run_ends_at_the_slide(
    browser, app_url
):
    """The set-up sits below the slide, so entering the page draws it only in the run the
    browser asks for once the slide's chart is drawn; the link's choices must survive that."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    try:
        open_page(
            page,
            app_url + "/present?country=Arvenia&source=demo&mode=comparison"
            "&countries=Arvenia,Belmora&slide=2",
        )
        expect(page.get_by_text("Slide 2 of")).to_be_visible()
        page.get_by_text("Set up the presentation").click()
        setup = page.locator('[data-testid="stExpanderDetails"]').last
        expect(setup.get_by_role("radio", name="A comparison")).to_be_checked()
        expect(setup.get_by_text("Belmora", exact=True)).to_be_visible()
        assert "mode=comparison" in page.url
    finally:
        context.close()
