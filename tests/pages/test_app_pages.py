"""AppTest: every page runs without an exception, and the pages show what a person needs."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.framework.model import default_framework
from tests.shown import as_read

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "pages").glob("*.py"))


def open_app(page: str | None = None, **params: str) -> AppTest:
    """The app opened at ``page`` with a link's query parameters, as a first request."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if page is not None:
        at.switch_page(page)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_without_an_exception(page):
    at = open_app(page)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, f"{page} shows no title"


def test_home_explains_and_links():
    at = open_app()
    assert at.title[0].value == "MNR Dashboard"
    text = " ".join(as_read(m.value) for m in at.markdown)
    assert "Model National Response" in text
    assert "21 capabilities" in text
    assert "never as zero" in text
    assert {link.proto.page for link in at.page_link} >= {"framework"}


def test_framework_page_lists_every_domain_with_its_capabilities():
    framework = default_framework()
    at = open_app("pages/framework.py")
    labels = [e.label for e in at.expander]
    assert len(labels) == 6
    for expander, domain in zip(at.expander, framework.domains, strict=True):
        assert domain.name in expander.label
        shown = " ".join(as_read(m.value) for m in expander.markdown)
        for capability in framework.capabilities_in(domain.id):
            assert capability.label in shown
        html = " ".join(h.proto.body for h in expander.html)
        assert domain.outcome_heading in html


def test_framework_page_shows_enablers_and_scale():
    at = open_app("pages/framework.py")
    enablers = " ".join(as_read(m.value) for m in at.get_by_key("enablers").markdown)
    for enabler in default_framework().enablers:
        assert enabler.title in enablers
    scale_html = " ".join(h.proto.body for h in at.get_by_key("scale").html)
    for level in default_framework().scale.levels:
        assert level.label in scale_html
    assert "Not assessed" in scale_html


def test_capability_deep_link_opens_it_in_its_domain():
    at = open_app("pages/framework.py", capability="7")
    assert not at.exception
    assert at.header[0].value == "7 · Access to Image Databases"
    expanded = {e.label: e.proto.expanded for e in at.expander}
    assert [label for label, is_open in expanded.items() if is_open] == [
        "**2. Criminal Justice** · capabilities 4–7"
    ]


def test_domain_deep_link_opens_that_domain():
    at = open_app("pages/framework.py", domain="victim")
    opened = [e.label for e in at.expander if e.proto.expanded]
    assert opened == ["**3. Victim** · capabilities 8–11"]
    assert not at.info


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"capability": "99"}, "numbered 1 to 21"),
        ({"domain": "police"}, "does not exist"),
        ({"colour": "red"}, "does not use the link parameter"),
    ],
)
def test_bad_links_show_a_notice_and_the_whole_framework(params, words):
    at = open_app("pages/framework.py", **params)
    assert not at.exception
    assert any(words in info.value for info in at.info)
    assert all(e.proto.expanded for e in at.expander)


@pytest.mark.parametrize(
    ("query", "found", "message"),
    [
        ("hotline", ["12 · CSEA Hotline"], "1 capability matches your search"),
        ("database", ["7 · Access to Image Databases"], "1 capability matches your search"),
        ("qwertyuiop", [], None),
    ],
)
def test_search_filters_capabilities(query, found, message):
    at = open_app("pages/framework.py")
    at.text_input(key="framework_search").input(query).run()
    assert not at.exception
    results = [
        m.value.split("**")[1]
        for number in range(1, 22)
        if (block := _maybe(at, f"found-{number}")) is not None
        for m in block.markdown
    ]
    assert results == found
    if message:
        assert at.header[0].value == message
    else:
        assert "No capability contains every word" in at.warning[0].value


def _maybe(at: AppTest, key: str):
    try:
        return at.get_by_key(key)
    except KeyError:
        return None
