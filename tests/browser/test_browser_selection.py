"""The sidebar's round always belongs to the country on screen."""

import pytest
from playwright.sync_api import expect

from tests.conftest import choose_option, load_demo, open_options, open_page, wait_until_idle

pytestmark = pytest.mark.browser


def pick(page, label: str, option: str) -> None:
    sidebar = page.locator('[data-testid="stSidebar"]')
    choose_option(
        page,
        sidebar.locator('[data-testid="stSelectbox"]')
        .filter(has_text=label)
        .get_by_role("combobox"),
        option,
    )
    wait_until_idle(page)


def shown(page, label: str) -> str:
    box = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(
        has_text=label
    )
    return box.get_by_role("combobox").input_value()


def test_choosing_a_country_shows_its_latest_round(page, app_url):
    open_page(page, app_url + "/profile")
    load_demo(page)
    pick(page, "Round", "2021 (First review)")  # Arvenia's middle round
    expect(page.locator('[data-testid="stMain"] h2').first).to_contain_text("Arvenia 2021")
    pick(page, "Country", "Dravonia")
    heading = page.locator('[data-testid="stMain"] h2').first
    expect(heading).to_contain_text("Dravonia")
    round_shown = shown(page, "Round")
    assert round_shown in heading.inner_text()
    assert "Arvenia" not in heading.inner_text()
    # The picker's choice is Dravonia's latest round, the one the page draws.
    open_options(
        page,
        page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]')
        .filter(has_text="Round")
        .get_by_role("combobox"),
    )
    options = page.get_by_role("option").all_inner_texts()
    assert round_shown == options[-1]
