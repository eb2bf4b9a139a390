"""Offline: walking through every page fetches nothing from outside the app's own server."""

import pytest

from tests.conftest import load_demo, open_page, wait_until_idle

pytestmark = pytest.mark.browser

NAVIGATION = {
    "Upload assessments": "upload",
    "Assess in the app": "assess",
    "Country profile": "profile",
    "Heatmap": "heatmap",
    "Compare": "compare",
    "Trends": "trends",
    "The framework": "framework",
    "Live workshop": "workshop",
    "Join a workshop": "join",
}


def test_no_request_leaves_the_machine(page, app_url):
    outside: list[str] = []

    def watch(request) -> None:
        if not request.url.startswith((app_url, "data:", "blob:", "about:")):
            outside.append(request.url)

    page.on("request", watch)
    open_page(page, app_url + "/")
    load_demo(page)
    titles = {}
    for title, path in NAVIGATION.items():
        page.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
        page.wait_for_url(f"**/{path}*")
        wait_until_idle(page)
        # Each page names itself in the browser tab, so several open tabs can be told apart.
        page.wait_for_function(
            "(expected) => document.title === expected", arg=f"{title} · MNR Dashboard"
        )
        titles[path] = page.evaluate("() => document.title")
    assert outside == []
    assert len(set(titles.values())) == len(NAVIGATION)
