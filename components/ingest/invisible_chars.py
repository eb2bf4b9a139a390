"""Invisible characters in cells: left out where cells are read, named where a message quotes
one that is still there.

A PDF converter, a web page or Word leaves characters in text that show as nothing: a
zero-width space (U+200B) before a level, a soft hyphen (U+00AD) inside a title, a byte order
mark where two exports were joined, left-to-right marks around a number. A person sees "1" and
"Legislation", so the reader reads them so: ``visible`` leaves out every format character
(Unicode's category Cf, and the few other characters that never show: the combining grapheme
joiner, the Hangul fillers), once, where the sheets' cells are read (``sheets``).

The one exception: a zero-width space, non-joiner or joiner between two letters of a script
that writes with them (Persian, Khmer, the Indic scripts: the names of countries in those
languages hold them), where it is part of the spelling; it stays, as it stands in the names
the reader compares the cell with.

``invisible_named`` gives the words a message adds after quoting a text that still holds any
(a sheet's name, which is never changed): " (it contains a soft hyphen, which does not show)".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
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
# Every format character (category Cf, Unicode 14), the combining grapheme joiner and the
# Hangul fillers that stand alone (U+3164, U+FFA0): none shows as a letter or a digit.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)
# Written with these between letters in some scripts (Persian, the Indic scripts, Khmer).
_SPELLING = "\u200b\u200c\u200d"
# Scripts that never use them between letters: their letters' names begin so.
_SPACED_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC", "ARMENIAN")


def visible(text: str) -> str:
    """``text`` less the characters that do not show (a zero-width space and "1" -> "1"); the
    same text when it holds none (the usual case, found without looking at each character)."""
    if text.isascii() or _INVISIBLE.search(text) is None:
        return text
    return _INVISIBLE.sub(_left_out, text)


def _left_out(found: re.Match[str]) -> str:
    char, text, at = found.group(), found.string, found.start()
    spelt = char in _SPELLING and 0 < at < len(text) - 1
    if spelt and _spelt_with(text[at - 1]) and _spelt_with(text[at + 1]):
        return char  # part of the word's spelling
    return ""


def _spelt_with(char: str) -> bool:
    """A letter (or vowel sign) of a script that may join or part its letters so."""
    if char.isascii() or unicodedata.category(char)[0] not in "LM":
        return False
    return not unicodedata.name(char, "").startswith(_SPACED_SCRIPTS)


def visible_cells(values: Iterable[Any]) -> dict[Any, Any]:
    """{cell value: what it shows} for the texts among ``values`` that hold characters that
    do not show: the text without them, or ``None`` when nothing else is left (a cell holding a
    zero-width space alone is empty). Values that need no change are left out."""
    changed: dict[Any, Any] = {}
    for value in values:
        if value.__class__ is str and not value.isascii() and _INVISIBLE.search(value):
            shown = visible(value)
            if shown != value:
                changed[value] = shown if shown.strip() else None
    return changed


def visible_row(values: Iterable[Any]) -> list[Any]:
    """A row's values, each text as it shows (``visible``)."""
    return [visible(v) if v.__class__ is str and not v.isascii() else v for v in values]


def invisible_named(value: Any) -> str:
    """ " (it contains a soft hyphen, which does not show)" for text with characters that do
    not show (those ``visible`` leaves out); "" otherwise."""
    if not isinstance(value, str) or value.isascii() or _INVISIBLE.search(value) is None:
        return ""
    hidden = [m.group() for m in _INVISIBLE.finditer(value) if not _left_out(m)]
    if not hidden:
        return ""
    names = list(dict.fromkeys(_NAMES.get(ch, _unnamed(ch)) for ch in hidden))
    said = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f" (it contains {said}, which does not show)"


def _unnamed(char: str) -> str:
    name = unicodedata.name(char, "").lower()
    return f"the invisible character U+{ord(char):04X}" + (f" ({name})" if name else "")
