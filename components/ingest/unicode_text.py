"""Excel's "Unicode Text": a text table saved as UTF-16, with or without its byte-order mark.

Excel's File > Save As > "Unicode Text (*.txt)" ("Texto Unicode", "Texte Unicode", "Текст
Юникод") writes the sheet as UTF-16 little-endian text with a byte-order mark (FF FE), one
line per row and a tab between cells; some programs write it big-endian (FE FF), and a few
leave the mark out. It is the one way Excel for Windows keeps every script's letters in a
text file without "CSV UTF-8", so people in Yerevan or Quito send it, named .txt, .csv or
.tsv. Its text is read as the csv path reads any text table (the tab is found as the
separator as in any tab-separated file).

With its mark the file says what it is. Without one it is taken as UTF-16 only when its bytes
leave no doubt: text in UTF-16 has a NUL byte on one side of each pair for every character of
ASCII (digits, tabs, line ends, Latin letters) and next to none on the other side, while a
text file in UTF-8 or a code page has no NUL at all; and the whole file then decodes as
UTF-16 into characters a table holds (no control characters but the tab and line ends, no
unassigned ones). Anything else is left to the guard, which refuses bytes with NULs as binary.

UTF-32 is read the same way (rarer: what a script's ``encoding="utf-32"`` writes, a mark
first, and some database exports): four bytes a character, the mark FF FE 00 00 or 00 00 FE
FF, or, without one, the two high bytes of every four NUL (no table's letter lies past
U+FFFF often) and the text whole.
"""

from __future__ import annotations

import re
import unicodedata

_BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}
# UTF-32's marks: little-endian's starts as UTF-16's does, so they are looked for first.
_WIDE_BOMS = {b"\xff\xfe\x00\x00": "utf-32-le", b"\x00\x00\xfe\xff": "utf-32-be"}
# Share of a UTF-32 sample's characters past U+FFFF (emoji, rare scripts) that is tolerated.
_MAX_ASTRAL_SHARE = 0.01
# How much of the file's start is looked at to tell its byte order without a mark.
_SAMPLE_BYTES = 4096
# Share of pairs with NUL on the ASCII side below which the bytes are no UTF-16 text.
_MIN_ASCII_SHARE = 0.1
# Share of pairs with NUL on the other side tolerated: U+0100 "Ā", U+0400 "Ѐ" and the like.
_MAX_OTHER_SHARE = 0.01
# Control characters (besides tab and line ends), unassigned, private and surrogate code points:
# what a table's text never holds, and what binary decoded as UTF-16 is full of.
_NOT_TEXT = frozenset({"Cc", "Cn", "Co", "Cs"})
_ALLOWED_CONTROLS = frozenset("\t\r\n")
_LINE_OR_CELL_END = re.compile(r"[\t\r\n]")


def utf16_codec(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` when ``data`` is UTF-16 text (its mark says so, or
    its bytes leave no doubt), ``"utf-32-le"`` or ``"utf-32-be"`` when it is UTF-32 text, else
    ``None``. Only the file's start is looked at."""
    codec = _WIDE_BOMS.get(data[:4]) or _BOMS.get(data[:2]) or _utf32_codec(data)
    if codec is not None:
        return codec
    sample = data[:_SAMPLE_BYTES]
    pairs = len(sample) // 2
    if pairs < 2 or b"\x00" not in sample:
        return None
    even, odd = sample[0 : pairs * 2 : 2].count(0), sample[1 : pairs * 2 : 2].count(0)
    # ASCII in UTF-16 little-endian is "A\x00": the NUL is the second byte of the pair.
    for codec, ascii_side, other_side in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if ascii_side >= _MIN_ASCII_SHARE * pairs and other_side <= _MAX_OTHER_SHARE * pairs:
            text = _sample_text(sample[: pairs * 2], codec)
            if text is not None and _LINE_OR_CELL_END.search(text):
                return codec
    return None


def utf16_text(data: bytes, codec: str) -> str | None:
    """The text of UTF-16 (or UTF-32) ``data`` in ``codec``, its byte-order mark left out;
    ``None`` when its bytes do not decode whole (a damaged or cut file). What the characters
    are is the guard's to judge, as for any text (a Wingdings tick is a private-use
    character)."""
    width = 4 if codec.startswith("utf-32") else 2
    if data[:width] in (_WIDE_BOMS if width == 4 else _BOMS):
        data = data[width:]
    if len(data) % width:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _utf32_codec(data: bytes) -> str | None:
    """UTF-32 without its mark, told by its bytes: in every four, the two high bytes are NUL
    (but for the rare character past U+FFFF) and a low one is not, and the sample decodes into
    characters a table holds."""
    sample = data[: _SAMPLE_BYTES - _SAMPLE_BYTES % 4]
    sample = sample[: len(sample) - len(sample) % 4]
    count = len(sample) // 4
    if count < 2 or sample[:4] == b"\x00\x00\x00\x00":
        return None
    for codec, high in (("utf-32-le", (3, 2)), ("utf-32-be", (0, 1))):
        top, next_top = (sample[index::4] for index in high)
        if top.count(0) == count and next_top.count(0) >= (1 - _MAX_ASTRAL_SHARE) * count:
            text = _sample_text(sample, codec)
            if text is not None and _LINE_OR_CELL_END.search(text):
                return codec
    return None


def _sample_text(sample: bytes, codec: str) -> str | None:
    """The sample's text when it decodes into characters a table holds, else ``None``."""
    try:
        text = sample.decode(codec)
    except UnicodeDecodeError:
        # UTF-16's sample may end inside a surrogate pair (an emoji): decode what comes before.
        try:
            text = sample[:-2].decode(codec)
        except UnicodeDecodeError:
            return None
    if any(
        unicodedata.category(char) in _NOT_TEXT and char not in _ALLOWED_CONTROLS
        for char in set(text)
    ):
        return None
    return text
