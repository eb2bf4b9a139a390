"""Text helpers: normalising for matching and quoting untrusted values."""

import re

import pytest

from components.base.text import WORD_JOINER, escape_markdown, normalise, plural, quote_for_notice


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Research, Analysis & Monitoring", "research analysis and monitoring"),
        ("  End-to-end   support ", "end to end support"),
        ("CSEA_Hotline", "csea hotline"),
        ("Résumé", "resume"),
        ("", ""),
        ("!!!", ""),
    ],
)
def test_normalise(text, expected):
    assert normalise(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("victim", "“victim”"),
        ("[x](http://e)", "“\\[x\\]\\(http\\:\u2060\\/\\/e\\)”"),
        ("**bold**", "“\\*\\*bold\\*\\*”"),
        ("line\nbreak", "“line break”"),
    ],
)
def test_quote_for_notice(value, expected):
    assert quote_for_notice(value) == expected


HOSTILE = [
    "[Session expired - click here](https://evil.example/phish)",
    "![p](http://some.host/pixel.png)",
    "**bold** _em_ ~~strike~~ `code` $x^2$ :red[red] :material/home: :smile:",
    "<img src=x onerror=alert(1)> &amp; &#x5B;",
    "see www.evil.example or https://evil.example or mail a@evil.example",
    "# heading\n> quote\n1. list\n- item",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_escape_markdown_leaves_no_markdown(value):
    escaped = escape_markdown(value)
    # Every ASCII punctuation character is escaped: none can open a link, image, emphasis,
    # formula, Streamlit directive or HTML tag.
    unescaped = re.sub(r"\\[!-/:-@\[-`{-~]", "", escaped)
    assert not re.search(r"[!-/:-@\[-`{-~]", unescaped)
    # Web and mail addresses are broken for GitHub's autolinks (which ignore backslashes).
    plain = re.sub(r"\\(.)", r"\1", escaped)
    assert "://" not in plain
    assert "www." not in plain.casefold()
    assert not re.search(r"@\w", plain)
    # What a person reads is the text as typed.
    assert plain.replace(WORD_JOINER, "") == value


def test_escape_markdown_drops_direction_overrides():
    assert escape_markdown("abc\u202edef\u2066g") == "abcdefg"
    assert escape_markdown("عربي") == "عربي"  # right-to-left text itself is kept


def test_quote_for_notice_cuts_long_values():
    quoted = quote_for_notice("a" * 500, max_chars=20)
    assert quoted == "“" + "a" * 19 + "…”"


@pytest.mark.parametrize(
    ("count", "word", "said"),
    [
        (2, "capability", "capabilities"),  # not “capabilitys”
        (1, "capability", "capability"),
        (3, "enabler", "enablers"),
        (2, "country", "countries"),
        (2, "day", "days"),
        (2, "was", "were"),
    ],
)
def test_plural(count, word, said):
    assert plural(count, word, "were" if word == "was" else None) == said
