"""Small text helpers shared by every package: matching, plurals, shortening, escaping."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
NOTICE_MAX_CHARS = 60


def normalise(text: str) -> str:
    """Lower-case words without accents or punctuation, "&" read as "and", single spaces.

    Used wherever people's spelling is compared with the framework's: "Research, analysis &
    monitoring" and "research analysis and monitoring" normalise to the same string.
    """
    return _normalise_text(str(text))


# Bounded: the keys are user text (country names, labels), and a long-running server must not
# grow without limit. The same few hundred strings are normalised again and again per file.
@lru_cache(maxsize=16384)
def _normalise_text(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("&", " and ")
    return " ".join(_NON_WORD.sub(" ", text).replace("_", " ").split())


ELLIPSIS = "…"


def word_set(text: str) -> frozenset[str]:
    """The words of a space-separated list, as a set: a vocabulary written as one string."""
    return frozenset(text.split())


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """The word that goes with ``count``: ``plural(1, "assessment")`` is "assessment".

    A consonant and "y" make "ies" ("capability", "capabilities"; "day", "days"). Irregular
    words give their plural: ``plural(n, "was", "were")``. Only 1 takes the singular
    ("0 assessments", "1 assessment").
    """
    if count == 1:
        return singular
    if plural_form is not None:
        return plural_form
    if len(singular) > 1 and singular[-1] == "y" and singular[-2].lower() not in "aeiouy":
        return singular[:-1] + "ies"
    return singular + "s"


def count_of(count: int, singular: str, plural_form: str | None = None) -> str:
    """A count with its noun: "1 assessment", "3 assessments", "2 capabilities"."""
    return f"{count:,} {plural(count, singular, plural_form)}"


def shorten(text: object, max_chars: int) -> str:
    """``text`` cut to at most ``max_chars`` characters, ending in "…" when it was cut."""
    text = str(text)
    if len(text) <= max_chars:
        return text
    return text[: max(max_chars - 1, 0)].rstrip() + ELLIPSIS


# Every ASCII punctuation character can be backslash-escaped in CommonMark; escaping all of them
# (not a hand-picked few) also covers Streamlit's own syntax: ``:red[...]`` colours,
# ``:material/...:`` icons, ``:smile:`` emoji and ``$...$`` formulas.
_ASCII_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# GitHub-flavoured Markdown turns web and mail addresses in plain text into links *after*
# escapes are read, so a backslash cannot stop it. A word joiner (U+2060, invisible and
# zero-width) breaks the patterns it looks for ("www.", "://", "@" before a domain) and only
# there; the text reads the same. Streamlit's ":smile:" emoji and ":material/...:" icons are
# also read from the text after escapes: a word joiner after a colon that starts a word stops
# them too ("Zembla 2024: saved" is left alone).
WORD_JOINER = "\u2060"
_AUTOLINK_STARTS = re.compile(r"(?i)(www)(?=\.)|(:)(?=[/\w])|(@)(?=[\w-])")
# Explicit direction overrides and isolates (U+202A-U+202E, U+2066-U+2069) reorder the text
# around them: a name could make "Renamed A to B" read otherwise. They are not needed to write
# right-to-left names, so displayed text drops them.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def strip_bidi_controls(text: object) -> str:
    """``text`` without the invisible characters that reorder the text around them."""
    return _BIDI_CONTROLS.sub("", str(text))


def one_line(text: object, max_chars: int | None = None) -> str:
    """Text on one line (white space collapsed, direction overrides dropped), cut with "…"."""
    flat = " ".join(strip_bidi_controls(text).split())
    return flat if max_chars is None else shorten(flat, max_chars)


def escape_markdown(text: object) -> str:
    """Text shown literally where Streamlit renders Markdown (messages, labels, tabs, tables).

    Names and evidence come from people's files and links: escaped, a country named
    "[sign in](https://…)" stays text instead of becoming a link, "![p](http://…)" does not
    make the browser fetch an image, and ``**``, ``$x^2$``, ``:red[...]`` or a bare web
    address stay as typed. Direction overrides are dropped (see ``strip_bidi_controls``).
    """
    text = strip_bidi_controls(text)
    text = _AUTOLINK_STARTS.sub(lambda m: m.group(0) + WORD_JOINER, text)
    return _ASCII_PUNCTUATION.sub(r"\\\1", text)


def quote_for_notice(value: str, max_chars: int = NOTICE_MAX_CHARS) -> str:
    """A user-supplied value made safe to show inside Markdown, in quotes, cut if very long.

    Values from URLs and files are untrusted: escaping keeps them from turning into links,
    images or formatting, and the cut keeps a hostile 10,000-character value from flooding
    the page.
    """
    return "“" + escape_markdown(one_line(value, max_chars)) + "”"
