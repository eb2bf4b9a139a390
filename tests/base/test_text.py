"""Text helpers: normalising for matching and quoting untrusted values."""

import pytest

from components.base.text import normalise, quote_for_notice


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
        ("[x](http://e)", "“\\[x\\]\\(http\\://e\\)”"),
        ("**bold**", "“\\*\\*bold\\*\\*”"),
        ("line\nbreak", "“line break”"),
    ],
)
def test_quote_for_notice(value, expected):
    assert quote_for_notice(value) == expected


def test_quote_for_notice_cuts_long_values():
    quoted = quote_for_notice("a" * 500, max_chars=20)
    assert quoted == "“" + "a" * 19 + "…”"
