"""What people write around a level that is not part of it: quotes, pictographs, footnote marks,
and the reason after a "not assessed" word.

A level pasted from an e-mail or a csv keeps its quotes (``"3"``, ``‘2’``, ``«4»``, ``'3``); a
dashboard export puts a coloured dot or a tick before it (``🟢 3 - Established``, ``✅ 3``,
``★ 3``, ``3 🟢``); a team marks a level it will come back to with a footnote (``3*``, ``3¹``,
``Established†``), and a page copied from the web or Word keeps its reference marks (``3[a]``,
``2[1]``); and "N/A" often carries its reason (``N/A – no federal system``).

``unwrapped`` takes the quotes, the pictographs (by their Unicode category, "other symbol", not
by a list of a few emoji) and the footnote marks off the ends of a cell and says what it took;
``values.parse_level`` then reads what is left and, when that is a plain level, uses it with a
warning naming what was left out (a single leading apostrophe, Excel's own text marker, is
taken off quietly). Nothing is taken from the middle of a cell, and a cell that is nothing but
symbols (a traffic light 🔴, dots ●●○○, ticks ✓) is left as it is: a colour or a tick is no
level, and the reader says so.

``reason_after_not_assessed`` reads "N/A – no federal system", "Not applicable (no federal
system)", "Sans objet : pas d'État fédéral" as not assessed, and gives the reason so that the
reader can say it was not kept as a level.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from components.base.text import normalise
from components.ingest.countries import without_marks

# Straight and curly quotes, low-9 quotes, guillemets, backtick and acute accent used as quotes.
_QUOTES = "\"'‘’‚‛“”„‟«»‹›`´＂＇"
# Marks a footnote is called by after a word ("3*", "3¹"); as ``countries.without_marks``.
_FOOTNOTE_END = frozenset("*†‡§¶¹²³⁴⁵⁶⁷⁸⁹⁰")
# A reference mark a web page or Word leaves after a word ("3[a]", "Established[1]"), with no
# space before it: "3 [2]" may be two levels.
_REFERENCE_END = re.compile(r"(?<=\S)\[(?:[a-z]|[0-9]{1,2}|note [0-9]{1,2})\]$", re.IGNORECASE)
# Emoji skin tones are "modifier symbols"; other Sk characters (^, ¨) are not pictographs.
_SKIN_TONES = range(0x1F3FB, 0x1F400)


# A keycap emoji: a digit, the emoji variation selector, the keycap frame ("3️⃣", also "3⃣").
_KEYCAP = re.compile("([0-9])\ufe0f?\u20e3")


def without_keycaps(text: str) -> str:
    """Keycap digits as the digits they frame ("3️⃣" -> "3"), as NFKC reads "③" as "3"."""
    return _KEYCAP.sub(r"\1", text) if "\u20e3" in text else text


def _is_pictograph(ch: str) -> bool:
    """A symbol drawn rather than written: emoji, stars, ticks, dots, and the invisible parts
    of an emoji (variation selector, joiner, keycap frame, skin tone)."""
    category = unicodedata.category(ch)
    if category in ("So", "Co", "Me"):
        return True
    if category == "Cf":
        return ch in "\u200d\u2060\ufeff"
    if category == "Mn":
        return "\ufe00" <= ch <= "\ufe0f"
    return category == "Sk" and ord(ch) in _SKIN_TONES


def _strip_pictographs(text: str) -> str:
    start, end = 0, len(text)
    while start < end and (_is_pictograph(text[start]) or text[start].isspace()):
        start += 1
    while end > start and (_is_pictograph(text[end - 1]) or text[end - 1].isspace()):
        end -= 1
    return text[start:end]


def unwrapped(value: str) -> tuple[str, str, bool] | None:
    """``(what is inside, what was taken off, quietly)`` for a cell with quotes, pictographs or
    footnote marks at its ends; ``None`` when there are none, or nothing would be left.

    ``what was taken off`` reads in a sentence: "the quotes", "the symbol “🟢”", "the footnote
    mark “*”". ``quietly`` is true for a single leading apostrophe only (Excel's text marker).
    """
    text = value.strip()
    if not text or (
        text[0] not in _QUOTES
        and text[-1] not in _QUOTES
        and text[-1] not in _FOOTNOTE_END
        and not _is_pictograph(text[0])
        and not _is_pictograph(text[-1])
        and not text.endswith("]")
    ):
        return None  # the usual cell: nothing around it
    taken: list[str] = []
    quiet = text.startswith("'") and text.count("'") == 1 and text[-1] not in _QUOTES
    inner = text
    while True:
        before = inner
        unquoted = inner.strip(_QUOTES + " ")
        if unquoted != inner:
            _add(taken, "the quotes")
            inner = unquoted
        symbols = _strip_pictographs(inner)
        if symbols != inner:
            gone = "".join(inner.replace(symbols, " ", 1).split() if symbols else [inner])
            visible = any(unicodedata.category(ch) in ("So", "Co") for ch in gone)
            _add(taken, f"the symbol “{gone}”" if visible else "the emoji's marks")
            inner = symbols
        if inner and inner[-1] in _FOOTNOTE_END:
            named, marks, status = without_marks(inner)
            if marks and not status and named:
                _add(taken, f"the footnote mark “{marks}”")
                inner = named
        reference = _REFERENCE_END.search(inner)
        if reference:
            _add(taken, f"the reference mark “{reference.group()}”")
            inner = inner[: reference.start()].strip()
        if inner == before:
            break
    if not inner or inner == text:
        return None
    return inner, _joined(taken), quiet and taken == ["the quotes"]


def without_marks_around(value: Any) -> Any:
    """A cell less the quotes, pictographs and footnote marks at its ends, for a header that
    names a level ("🟢 Established" over a tick form's column); other values as they are."""
    around = unwrapped(value) if isinstance(value, str) else None
    return value if around is None else around[0]


def _add(taken: list[str], what: str) -> None:
    if what not in taken:
        taken.append(what)


def _joined(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


# Between a "not assessed" word and its reason: "N/A – reason", "n/a: reason", "N/A (reason)".
_REASON_SEPARATOR = re.compile(r"\s*(?:[–—:;,(\[]|\s-|-\s)\s*")


def reason_after_not_assessed(text: str, not_assessed: Iterable[str]) -> tuple[str, str] | None:
    """``(the not-assessed words, the reason)`` for "N/A – no federal system"; ``None`` when
    the text does not open with a "not assessed" word followed by a separator and words, or
    when those words hold a number (the reason could be a level: "N/A - 3")."""
    words = frozenset(not_assessed)
    for found in _REASON_SEPARATOR.finditer(text):
        head = text[: found.start()].strip()
        if normalise(head) not in words:
            continue
        reason = text[found.end() :].strip().rstrip(")]").strip()
        if not normalise(reason) or any(ch.isdigit() for ch in reason):
            return None
        return head, reason
    return None
