"""A presentation clicker in Chromium: its keys move the slides as Previous and Next do, not
while a box is being typed in, and not on another page."""

import time

import pytest
from playwright.sync_api import expect

from tests.browser.test_browser_hostile import open_sidebar
from tests.conftest import open_options, open_page, screenshot, wait_until_idle

pytestmark = pytest.mark.browser

# Counts the keydown listeners the slide keys' component has on the document, so that a test
# can see it is added once per tab, not once per rerun, and gone once the page is left.
COUNT_LISTENERS = """
(() => {
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  window.__slideKeyListeners = new Set();
  const ours = (target, type, fn) =>
    target === document && type === 'keydown' && String(fn).includes('next_button');
  EventTarget.prototype.addEventListener = function (type, fn, options) {
    if (ours(this, type, fn)) { window.__slideKeyListeners.add(fn); }
    return add.call(this, type, fn, options);
  };
  EventTarget.prototype.removeEventListener = function (type, fn, options) {
    if (ours(this, type, fn)) { window.__slideKeyListeners.delete(fn); }
    return remove.call(this, type, fn, options);
  };
})();
"""


def listeners(page) -> int:
    return page.evaluate("() => window.__slideKeyListeners.size")


def keys_ready(page) -> None:
    """The component's script arrives a moment after the page is drawn: wait for its
    listener, as a person pressing a key a second later would."""
    page.wait_for_function("() => window.__slideKeyListeners.size > 0")


def press(page, key: str) -> None:
    page.keyboard.press(key)
    wait_until_idle(page)


def expect_slide(page, number: int, count: int) -> None:
    main = page.locator('[data-testid="stMain"]')
    expect(main).to_contain_text(f"Slide {number} of {count}")
    page.wait_for_function(
        "n => new URLSearchParams(location.search).get('slide') === n", arg=str(number)
    )
    wait_until_idle(page)


def stays_on(page, number: int, count: int) -> None:
    """A key that should do nothing: give a rerun time to start, then the slide is the same."""
    time.sleep(1.0)
    wait_until_idle(page)
    expect_slide(page, number, count)


@pytest.fixture
def projector(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    context.add_init_script(COUNT_LISTENERS)
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    try:
        yield tab
    finally:
        context.close()


def test_a_clickers_keys_move_the_slides_like_the_buttons(projector, app_url):
    page = projector
    open_page(page, app_url + "/present?country=Arvenia&source=demo")
    expect_slide(page, 1, 12)
    keys_ready(page)
    # On the first slide, going back does nothing.
    press(page, "ArrowLeft")
    press(page, "PageUp")
    stays_on(page, 1, 12)
    steps = [("ArrowRight", 2), ("PageDown", 3), ("Space", 4), ("ArrowLeft", 3), ("PageUp", 2)]
    for key, number in steps:
        press(page, key)
        expect_slide(page, number, 12)
    expect(page.locator('[data-testid="stMain"] h1').first).to_have_text("Policy and Governance")
    assert listeners(page) == 1, "one listener, however many reruns"
    screenshot(page, "present-keys-slide-2")

    # The last slide: going on does nothing, going back does.
    open_page(page, app_url + "/present?country=Arvenia&source=demo&slide=12")
    expect_slide(page, 12, 12)
    keys_ready(page)
    press(page, "ArrowRight")
    press(page, "Space")
    stays_on(page, 12, 12)
    press(page, "ArrowLeft")
    expect_slide(page, 11, 12)
    assert page.locator('[data-testid="stException"]').count() == 0


def test_keys_typed_in_a_box_stay_in_the_box(projector, app_url):
    page = projector
    open_page(page, app_url + "/present?country=Arvenia&source=demo&mode=comparison")
    expect_slide(page, 1, 3)
    keys_ready(page)
    page.get_by_text("Set up the presentation").click()
    wait_until_idle(page)
    box = page.get_by_role("combobox", name="Countries (latest round of each)")
    # A rerun landing while the box opens can take its focus and what was typed (seen in CI):
    # open it again and type again, as a person would.
    for attempt in range(3):
        open_options(page, box)
        box.press_sequentially("Bo")
        try:
            expect(box).to_have_value("Bo", timeout=5_000)
            break
        except AssertionError:
            if attempt == 2:
                raise
            box.fill("")
    for key in ["ArrowLeft", "ArrowRight", "Space", "PageDown"]:
        page.keyboard.press(key)
    expect(box).to_be_focused()
    page.keyboard.press("Escape")
    stays_on(page, 1, 3)
    # Space on the anonymising toggle switches it, and moves no slide.
    toggle = page.get_by_label("Anonymised: only the country chosen")
    toggle.focus()
    press(page, "Space")
    expect(toggle).to_be_checked()
    stays_on(page, 1, 3)


def test_the_keys_do_nothing_on_another_page(projector, app_url):
    page = projector
    open_page(page, app_url + "/present?country=Arvenia&source=demo&slide=2")
    expect_slide(page, 2, 12)
    keys_ready(page)
    assert listeners(page) == 1
    open_sidebar(page)
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Heatmap", exact=True).click()
    page.wait_for_selector("h1:has-text('Capability heatmap')")
    wait_until_idle(page)
    assert listeners(page) == 0, "the listener left with the page"
    address = page.url
    for key in ["ArrowRight", "ArrowLeft", "PageDown"]:
        press(page, key)
    time.sleep(1.0)
    wait_until_idle(page)
    assert page.url == address
    expect(page.locator('[data-testid="stMain"] h1').first).to_contain_text("Capability heatmap")

    # Back on the presentation, the keys work again, with one listener.
    page.go_back()
    expect_slide(page, 2, 12)
    keys_ready(page)
    press(page, "ArrowRight")
    expect_slide(page, 3, 12)
    assert listeners(page) == 1
