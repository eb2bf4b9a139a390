"""The browser's Back and Forward buttons: one press per page, back to the view it showed."""

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.conftest import choose_option, load_demo, open_page, wait_until_idle

pytestmark = pytest.mark.browser

TITLES = {"/profile": "Country profile", "/heatmap": "Capability heatmap"}


def go(page, title: str) -> None:
    """Click a page in the sidebar, as a person does, and wait until it is drawn whole."""
    page.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
    page.wait_for_function(
        "title => document.querySelector('h1')?.innerText.includes(title)",
        arg={"Country profile": "Country profile", "Heatmap": "Capability heatmap"}.get(
            title, title
        ),
    )
    wait_until_idle(page)


def back(page) -> None:
    page.go_back()
    wait_until_idle(page)


def shown_page(page) -> tuple[str, str]:
    """The address's path and the page's heading, once the page on screen is that path's."""
    path = urlsplit(page.url).path
    # Back's rerun may start after the address changed: wait for its page (slow under load).
    expect(page.locator("h1").first).to_contain_text(TITLES.get(path, ""), timeout=60_000)
    wait_until_idle(page)
    return path, page.locator("h1").first.inner_text()


def view(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def with_demo(page, app_url: str) -> None:
    open_page(page, app_url + "/")
    load_demo(page)


def test_back_returns_to_the_previous_page_in_one_press(browser, app_url, page):
    with_demo(page, app_url)
    go(page, "Country profile")
    profile_view = view(page)
    go(page, "Heatmap")
    heatmap_view = view(page)
    go(page, "Compare")

    back(page)
    path, heading = shown_page(page)
    assert (path, heading) == ("/heatmap", "Capability heatmap")
    expect(page.locator('[data-testid="stMain"] .js-plotly-plot').first).to_be_visible()
    assert view(page) == heatmap_view
    assert heatmap_view["rows"] == ["latest"]

    back(page)
    assert shown_page(page) == ("/profile", "Country profile")
    assert view(page) == profile_view
    expect(page.locator('[data-testid="stMain"] h2').first).to_contain_text("Arvenia")
    # The entry held the profile's own address, not the heatmap's view under its path.
    assert "link parameter" not in page.locator('[data-testid="stMain"]').inner_text()

    page.go_forward()
    wait_until_idle(page)
    assert shown_page(page) == ("/heatmap", "Capability heatmap")

    # The address after Back still reopens the same view for someone else.
    shared = page.url
    other = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        tab = other.new_page()
        open_page(tab, shared)
        wait_until_idle(tab)
        assert shown_page(tab) == ("/heatmap", "Capability heatmap")
        assert view(tab) == heatmap_view
        assert "Fictional demo data" in tab.locator('[data-testid="stMain"]').inner_text()
    finally:
        other.close()


def test_a_new_choice_on_a_page_updates_its_entry_and_back_reopens_the_view_left(page, app_url):
    with_demo(page, app_url)
    go(page, "Country profile")
    expect(page.locator('[data-testid="stMain"] h2').first).to_contain_text("Arvenia")
    go(page, "Heatmap")
    entries = page.evaluate("history.length")

    sidebar = page.locator('[data-testid="stSidebar"]')
    choose_option(
        page,
        sidebar.locator('[data-testid="stSelectbox"]')
        .filter(has_text="Country")
        .get_by_role("combobox"),
        "Dravonia",
    )
    page.wait_for_function("() => location.search.includes('Dravonia')")
    wait_until_idle(page)
    assert page.evaluate("history.length") == entries  # the heatmap's entry, updated

    back(page)
    assert shown_page(page) == ("/profile", "Country profile")
    expect(page.locator('[data-testid="stMain"] h2').first).to_contain_text("Arvenia")
    assert view(page)["country"] == ["Arvenia"]

    page.go_forward()
    wait_until_idle(page)
    assert shown_page(page) == ("/heatmap", "Capability heatmap")
    assert view(page)["country"] == ["Dravonia"]
