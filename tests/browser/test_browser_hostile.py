"""A hostile workbook through the real file input: every page shows its text as typed.

No link, image, emphasis, colour or formula on any page comes from the file's text, and no
request leaves the app's server (a Markdown image would make the browser fetch it). A
10,000-character name is cut where it is shown, so the profile and the heatmap keep their
shape on a desktop and on a phone.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from components.library.access import hash_passphrase
from tests.browser.hostile import (
    FILE,
    FIND_MARKDOWN_FROM_USER_TEXT,
    FORMATTED,
    LONG_NAME,
    MARKERS,
    PHISH,
    hostile_workbook,
)
from tests.conftest import (
    _require_browser,
    open_options,
    open_page,
    running_app,
    screenshot,
    wait_until_idle,
)

pytestmark = pytest.mark.browser

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PASSPHRASE = "correct horse battery staple"  # noqa: S105 (a test passphrase)
PAGES = {
    "Country profile": "profile",
    "Heatmap": "heatmap",
    "Compare": "compare",
    "Trends": "trends",
    "Present": "present",
    "Upload assessments": "upload",
    "Library": "library",
}


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory):
    _require_browser()
    env = {
        "MNR_LIBRARY_PATH": str(tmp_path_factory.mktemp("library") / "library.sqlite3"),
        "MNR_EDITOR_PASSPHRASE_HASH": hash_passphrase(PASSPHRASE, n=2**10),
        "MNR_LIBRARY_MODE": "editor",
    }
    with running_app("streamlit-hostile", env=env) as url:
        yield url


@pytest.fixture
def tab(browser, hostile_app):
    """A fresh tab (its own session) on the hostile app, and the requests that left it."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    outside: list[str] = []

    def watch(request) -> None:
        if not request.url.startswith((hostile_app, "data:", "blob:", "about:")):
            outside.append(request.url)

    page.on("request", watch)
    try:
        yield page, outside
    finally:
        context.close()


def no_markdown_from_user_text(page) -> None:
    wait_until_idle(page)
    found = page.evaluate(FIND_MARKDOWN_FROM_USER_TEXT, list(MARKERS))
    assert found == [], found


def upload_hostile_workbook(page, url: str) -> None:
    open_page(page, url + "/upload")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        files=[{"name": FILE, "mimeType": XLSX, "buffer": hostile_workbook()}]
    )
    add = page.get_by_role("button", name="Add 6 assessments to this session")
    add.wait_for(timeout=90_000)
    no_markdown_from_user_text(page)
    report = page.locator(".st-key-upload-result-0").inner_text()
    assert "_HOSTILEFILE_" in report  # the file name is shown as typed
    add.click()
    expect(page.get_by_text("Every assessment read from these files")).to_be_visible(timeout=60_000)


def choose_country(page, name: str) -> None:
    """Pick a country in the sidebar's picker: type the start of its name, press Enter."""
    open_sidebar(page)
    picker = page.locator('[data-testid="stSidebar"]').get_by_role("combobox", name="Country")
    start = name[:20]
    open_options(page, picker)
    picker.fill(start)
    page.get_by_role("option").filter(has_text=start).first.wait_for()
    picker.press("Enter")
    expect(picker).to_have_value(re.compile("^" + re.escape(start)), timeout=60_000)
    wait_until_idle(page)


def open_sidebar(page) -> None:
    """The present page (and a phone) start with the sidebar folded away."""
    expand = page.locator('[data-testid="stExpandSidebarButton"]')
    if expand.count() and expand.is_visible():
        expand.click()
        page.locator('[data-testid="stSidebarNav"]').wait_for()


def go_to(page, title: str, path: str) -> None:
    open_sidebar(page)
    page.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
    page.wait_for_url(f"**/{path}*")
    page.wait_for_function("() => document.querySelector('h1') !== null")
    wait_until_idle(page)
    if page.viewport_size["width"] < 600:  # on a phone the open sidebar covers the page
        page.locator('[data-testid="stSidebarCollapseButton"] button').click()
        page.locator('[data-testid="stExpandSidebarButton"]').wait_for()


def test_hostile_text_is_shown_as_typed_on_every_page(tab, hostile_app):
    page, outside = tab
    upload_hostile_workbook(page, hostile_app)
    for country in (FORMATTED, PHISH, LONG_NAME):
        choose_country(page, country)
        for title, path in PAGES.items():
            go_to(page, title, path)
            if path == "present":
                page.get_by_text("Set up the presentation").click()
                wait_until_idle(page)
            no_markdown_from_user_text(page)
    # The formatting characters are there to read, as typed.
    choose_country(page, FORMATTED)
    go_to(page, "Country profile", "profile")
    heading = page.locator('[data-testid="stMain"] h2').first.inner_text()
    assert "**HOSTILEBOLD** _HOSTILEEM_ ~~HOSTILEDEL~~ `HOSTILECODE`" in heading
    assert "([HOSTILEROUND](http:" in heading
    # Links carry ids, not names (they end up in histories and proxy logs).
    assert "HOSTILE" not in page.url
    assert "Confidential" not in page.url
    assert "a=" in page.url
    assert outside == []


def test_library_messages_show_names_as_typed(tab, hostile_app):
    page, outside = tab
    upload_hostile_workbook(page, hostile_app)
    go_to(page, "Library", "library")
    page.get_by_text("Editors: sign in to save").click()
    page.get_by_label("Editor passphrase").fill(PASSPHRASE)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Signed in as an editor.")).to_be_visible(timeout=60_000)
    page.get_by_role("button", name="Save 6 assessments to the library").click()
    # One line sums the save up; each assessment's line, names as typed, is in its details.
    expect(page.get_by_text("6 assessments saved to the library.")).to_be_visible(timeout=60_000)
    page.get_by_text("Details (6)").first.click()
    expect(page.get_by_text("saved as version 1").first).to_be_visible(timeout=60_000)
    no_markdown_from_user_text(page)
    # Saving again: already there, identical; the message names them as typed.
    page.get_by_role("button", name="Save 6 assessments to the library").click()
    expect(page.get_by_text("already in the library, identical").first).to_be_visible(
        timeout=60_000
    )
    page.get_by_text("Details (6)").first.click()
    expect(page.get_by_text("identical to version 1").first).to_be_visible(timeout=60_000)
    no_markdown_from_user_text(page)
    # Rename one to a phishing link: the message shows it as text.
    rename = page.locator('[data-testid="stForm"]').filter(has_text="Assessment to rename")
    rename.get_by_label("New title").fill(PHISH)
    rename.get_by_role("button", name="Rename").click()
    expect(page.get_by_text("Renamed").first).to_be_visible(timeout=60_000)
    assert "[Session expired" in page.locator('[data-testid="stAlert"]').first.inner_text()
    no_markdown_from_user_text(page)
    assert outside == []


def test_the_data_grid_hands_out_no_csv_of_its_own(tab, hostile_app):
    page, _ = tab
    upload_hostile_workbook(page, hostile_app)
    grid = page.locator('[data-testid="stDataFrame"]').last
    grid.scroll_into_view_if_needed()
    grid.hover()
    page.locator('[data-testid="stElementToolbar"]').last.wait_for(state="attached")
    assert page.get_by_label("Download as CSV").count() == 0


@pytest.mark.parametrize(("width", "height"), [(1400, 900), (390, 844)])
def test_a_10000_character_name_keeps_the_pages_in_shape(tab, hostile_app, width, height):
    page, _ = tab
    page.set_viewport_size({"width": width, "height": height})
    upload_hostile_workbook(page, hostile_app)
    choose_country(page, LONG_NAME)
    go_to(page, "Country profile", "profile")
    heading = page.locator('[data-testid="stMain"] h2').first.inner_text()
    assert heading.endswith("…") or "…" in heading
    assert len(heading) < 200
    tall = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    screenshot(page, f"hostile-profile-{width}")
    assert tall < 16_000, f"the profile is {tall} px tall"
    go_to(page, "Heatmap", "heatmap")
    page.get_by_text("All rounds").click()
    # The choice's rerun has run once the address says so; then the new chart is drawn.
    page.wait_for_function("() => location.search.includes('rows=all')")
    wait_until_idle(page)
    grid = page.locator('[data-testid="stPlotlyChart"] .nsewdrag').first
    grid.wait_for()
    box = grid.bounding_box()
    chart = page.locator('[data-testid="stPlotlyChart"]').first.bounding_box()
    screenshot(page, f"hostile-heatmap-{width}")
    assert box is not None
    assert chart is not None
    if width >= 1000:
        # The grid keeps most of the chart's width; the names on its axis are cut. (On a
        # phone 21 columns, the names and the legend share 360 px, whatever the names.)
        assert box["width"] > chart["width"] * 0.45, f"the grid is {box['width']} px wide"
