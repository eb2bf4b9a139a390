"""The action plan page in Chromium: the demo's plan grid and the suggestion, on a desktop
and a phone."""

from __future__ import annotations

import pytest

from tests.conftest import next_frame, open_page, screenshot, wait_until_idle

pytestmark = pytest.mark.browser
WAIT = 60_000  # a rerun on a busy machine with the demo loaded can take tens of seconds
RUNNING = """() => document.querySelector('[data-testid="stApp"]')
    .getAttribute('data-test-script-state') === 'running'"""


@pytest.mark.parametrize(("width", "height", "name"), [(1400, 900, "desktop"), (390, 844, "phone")])
def test_the_plan_page_draws_the_demo_plan(page, app_url, width, height, name):
    from playwright.sync_api import expect

    page.set_viewport_size({"width": width, "height": height})
    open_page(page, f"{app_url}/plan?country=Arvenia&source=demo")
    expect(page.get_by_text("Fictional demo data").first).to_be_visible()
    expect(page.get_by_role("heading", name="Where to start")).to_be_visible()
    expect(page.locator('[data-testid="stDataFrame"]')).to_have_count(1)
    expect(page.get_by_role("button", name="Save the plan")).to_be_visible()
    wait_until_idle(page)
    screenshot(page, f"plan-{name}")


@pytest.mark.parametrize(
    ("path", "heading", "row", "name"),
    [
        (
            "profile?country=Arvenia&source=demo",
            "The gaps and their plan",
            "No plan yet",
            "profile-gap-plans",
        ),
        (
            "trends?country=Arvenia&source=demo",
            "The earlier round's plan",
            "Target met",
            "trends-follow-up",
        ),
        ("portfolio?country=Arvenia&source=demo", "Per domain", "Hollmere", "portfolio"),
    ],
)
def test_plans_show_where_people_look(page, app_url, path, heading, row, name):
    from playwright.sync_api import expect

    page.set_viewport_size({"width": 1400, "height": 900})
    open_page(page, f"{app_url}/{path}")
    target = page.get_by_role("heading", name=heading).first
    expect(target).to_be_visible()
    target.scroll_into_view_if_needed()
    expect(page.locator('[data-testid="stTable"]').get_by_text(row).first).to_be_visible()
    wait_until_idle(page)
    screenshot(page, f"plan-{name}")
    expect(page.locator('[data-testid="stTable"]').get_by_text(row).first).to_be_visible()


def test_a_plan_typed_in_the_grid_is_saved_in_the_session(page, app_url):
    from playwright.sync_api import expect

    from components.ui.plan_page import EDITOR_WIDTHS

    # Every column of the grid fits beside the sidebar at 1280 px (nothing to scroll to).
    page.set_viewport_size({"width": 1280, "height": 900})
    open_page(page, f"{app_url}/plan?country=Arvenia&source=demo")
    grid = page.locator('[data-testid="stDataFrame"]')
    # The grid is a canvas: double-click the middle of the first data row's "Lead
    # organisation" cell, after the columns before it (their widths set by the page); rows
    # are 35 px, the header first. Once it is drawn, and where it is after the page has
    # settled (a page opens scrolled to its top).
    expect(grid.locator("canvas").first).to_be_visible(timeout=WAIT)
    wait_until_idle(page)
    grid.scroll_into_view_if_needed()
    next_frame(page)
    box = grid.bounding_box()
    assert box is not None
    widths = list(EDITOR_WIDTHS.values())
    before = widths[: list(EDITOR_WIDTHS).index("Lead organisation")]
    # Columns narrower in all than the grid are widened in proportion to fill it.
    middle = sum(before) + EDITOR_WIDTHS["Lead organisation"] / 2
    lead_x = box["x"] + middle * max(1.0, box["width"] / sum(widths))
    assert box["width"] >= sum(widths), "the grid fits beside the sidebar at 1280 px"

    def type_lead(row: int, text: str) -> None:
        page.mouse.dblclick(lead_x, box["y"] + 35 * row + 17)
        editor = page.locator("textarea").last
        expect(editor).to_be_visible(timeout=WAIT)
        editor.fill(text)
        page.keyboard.press("Enter")
        expect(editor).to_be_hidden(timeout=WAIT)

    # An edit alone is not kept, and the page says so.
    type_lead(1, "Office of the Prime Minister")
    expect(page.get_by_text("changes that are not saved yet")).to_be_visible(timeout=WAIT)
    wait_until_idle(page)
    # Save clicked at once after the next edit: the grid sends an edit 150 ms after it is made,
    # so the click reaches the server first; both edits are saved all the same.
    type_lead(2, "National Research Council")
    page.get_by_role("button", name="Save the plan").click()
    saved = page.get_by_text("6 capabilities with a plan")  # the demo's 4 and the 2 typed
    expect(saved).to_be_visible(timeout=WAIT)
    expect(page.get_by_text("changes that are not saved yet")).to_have_count(0)
    wait_until_idle(page)
    screenshot(page, "plan-saved")
    # What was saved is what the plan's download holds (the grid itself is a canvas).
    with page.expect_download() as download:
        page.get_by_role("button", name="This plan (CSV)").click()
    text = download.value.path().read_text(encoding="utf-8-sig")
    assert "Office of the Prime Minister" in text
    assert "National Research Council" in text
    assert len(text.strip().splitlines()) == 1 + 6
