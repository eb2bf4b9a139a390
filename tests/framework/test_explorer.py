"""Searching the framework and reading deep links."""

import pytest

from components.framework.explorer import find_domain, resolve_framework_link, search_capabilities
from components.framework.model import default_framework


@pytest.fixture(scope="module")
def framework():
    return default_framework()


@pytest.mark.parametrize(
    ("query", "numbers"),
    [
        ("image database", [7]),
        ("IMAGE   Database", [7]),
        ("compensation & remedies", [10]),
        ("helpline", [11]),
        ("hotline", [12]),
        ("educat", [13]),
        ("victim", [3, 4, 5, 9, 11]),
        ("csea", [2, 12, 16, 17, 18]),
        ("1", [1]),
        ("21", [21]),
        ("takedown procedures", [16]),
        ("interpol icse", [7]),
        ("réséarch", [2]),
        ("nothing-like-this", []),
        ("", []),
        ("   ", []),
        ("!!!", []),
    ],
)
def test_search(framework, query, numbers):
    assert [c.number for c in search_capabilities(framework, query)] == numbers


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        ("victim", "victim"),
        ("Criminal Justice", "criminal-justice"),
        ("criminal-justice", "criminal-justice"),
        ("MEDIA AND COMMUNICATIONS", "media-and-communications"),
        ("media & communications", "media-and-communications"),
        ("3", "victim"),
        ("0", None),
        ("7", None),
        ("police", None),
        ("", None),
    ],
)
def test_find_domain(framework, reference, expected):
    found = find_domain(framework, reference)
    assert (found.id if found else None) == expected


@pytest.mark.parametrize(
    ("params", "capability", "domain", "notice_words"),
    [
        ({}, None, None, []),
        ({"capability": "7"}, 7, "criminal-justice", []),
        ({"capability": " 12 "}, 12, "societal", []),
        ({"capability": ["8", "9"]}, 8, "victim", []),
        ({"domain": "victim"}, None, "victim", []),
        ({"domain": "Industry"}, None, "industry", []),
        ({"capability": "99"}, None, None, ["capability “99”", "1 to 21"]),
        ({"capability": "seven"}, None, None, ["capability “seven”"]),
        ({"capability": "-1"}, None, None, ["capability “\\-1”"]),
        ({"capability": ""}, None, None, ["does not exist"]),
        ({"domain": "police"}, None, None, ["domain “police”", "`victim`"]),
        ({"utm_source": "mail"}, None, None, ["parameter “utm\\_source”"]),
        ({"capability": "8", "domain": "industry"}, 8, "victim", ["belongs to Victim"]),
        ({"capability": "8", "domain": "victim"}, 8, "victim", []),
        ({"domain": "[click](http://evil.example)"}, None, None, ["\\[click\\]"]),
    ],
)
def test_resolve_framework_link(framework, params, capability, domain, notice_words):
    focus = resolve_framework_link(framework, params)
    assert (focus.capability, focus.domain) == (capability, domain)
    text = " ".join(focus.notices)
    for words in notice_words:
        assert words in text
    if not notice_words:
        assert focus.notices == ()


def test_a_huge_parameter_is_cut_in_the_notice(framework):
    focus = resolve_framework_link(framework, {"domain": "x" * 10_000})
    assert focus.domain is None
    assert len(focus.notices[0]) < 400
