"""Small text helpers shared by every package: matching, plurals, shortening, escaping."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$])")
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


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """The word that goes with ``count``: ``plural(1, "assessment")`` is "assessment".

    Irregular words give their plural: ``plural(n, "copy", "copies")``, ``plural(n, "was",
    "were")``. Only 1 takes the singular ("0 assessments", "1 assessment").
    """
    if count == 1:
        return singular
    return plural_form if plural_form is not None else singular + "s"


def count_of(count: int, singular: str, plural_form: str | None = None) -> str:
    """A count with its noun: "1 assessment", "3 assessments", "2 capabilities"."""
    return f"{count:,} {plural(count, singular, plural_form)}"


def shorten(text: object, max_chars: int) -> str:
    """``text`` cut to at most ``max_chars`` characters, ending in "…" when it was cut."""
    text = str(text)
    if len(text) <= max_chars:
        return text
    return text[: max(max_chars - 1, 0)].rstrip() + ELLIPSIS


def escape_markdown(text: object) -> str:
    """Text shown literally where Streamlit renders Markdown (headings, captions, labels, tables).

    Names and evidence come from people's files and links: escaped, a country named
    "[sign in](https://…)" stays text instead of becoming a link or an image.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def quote_for_notice(value: str, max_chars: int = NOTICE_MAX_CHARS) -> str:
    """A user-supplied value made safe to show inside Markdown, in quotes, cut if very long.

    Values from URLs and files are untrusted: escaping keeps them from turning into links,
    images or formatting, and the cut keeps a hostile 10,000-character value from flooding
    the page.
    """
    text = shorten(" ".join(str(value).split()), max_chars)
    return "“" + _MARKDOWN_SPECIAL.sub(r"\\\1", text) + "”"
