"""Invisible characters in a quoted cell, named: a message that quotes "Legis­lation" (with a
soft hyphen from Word) would otherwise seem to quote the exact title it says is not exact.

``invisible_named`` gives the words to add after the quote: " (it contains a soft hyphen)".
"""

from __future__ import annotations

from typing import Any

# The characters a word processor, a web page or a PDF leaves in text that show as nothing.
_NAMES = {
    "\u00ad": "a soft hyphen",
    "\u200b": "a zero-width space",
    "\u200c": "a zero-width non-joiner",
    "\u200d": "a zero-width joiner",
    "\u2060": "a word joiner",
    "\ufeff": "a byte order mark",
    "\u200e": "a left-to-right mark",
    "\u200f": "a right-to-left mark",
    "\u034f": "a combining grapheme joiner",
}


def invisible_named(value: Any) -> str:
    """ " (it contains a soft hyphen)" for text with invisible characters; "" otherwise."""
    if not isinstance(value, str):
        return ""
    names = [name for ch, name in _NAMES.items() if ch in value]
    if not names:
        return ""
    said = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f" (it contains {said}, which does not show)"
