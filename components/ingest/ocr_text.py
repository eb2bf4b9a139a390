"""Headers and years as OCR reads a scanned page: a digit or a bar for a letter, a letter for
a digit.

A scan read by OCR (ABBYY, Acrobat's "Recognize text") writes "Capabi|ity" and "Leve1" for
the headers, "2O23" for the year in the title: letters and digits that look alike swapped.
People read through them; so does the reader, where only one reading is possible:

- ``ocr_header``: a header that is no header as written, whose ``1``, ``|``, ``I`` or ``0``
  between letters (or ``1``, ``|`` ending a word of three letters or more) read as the letter
  they stand for (``l`` or ``o``; or ``I`` or ``O``) is one of the vocabulary's headers
  exactly ("Capabi|ity", "CAPABIL1TY", "Leve1", "C0untry");
- ``ocr_years``: a year in a title or a sheet's name with the letter O for a 0 or l, I or a
  bar for a 1, and digits for the rest ("2O23", "2Ol9"), when no year is written in digits,
  read as the year it shows (said by ``ocr_year_note`` in the warning that names the year).

Levels and capabilities' numbers are not read here: a letter in a level cell is read (or not)
with its column (``ocr_levels``), and a number cell that OCR garbled ("l9") gives way to the
title beside it, as any bad number beside a good title does.
"""

from __future__ import annotations

import re
from functools import lru_cache

from components.ingest.values import YEAR_TOKEN
from components.ingest.vocabulary import default_vocabulary, key_of

# A digit or a bar between two letters, or a digit or a bar ending a word of 3 letters or more.
_IN_WORD = re.compile(r"(?<=[^\W\d_])[1|I0](?=[^\W\d_])|(?<=[^\W\d_]{3})[1|](?![^\W_])")
_AS_LOWER = {"1": "l", "|": "l", "I": "l", "0": "o"}
_AS_UPPER = {"1": "I", "|": "I", "I": "I", "0": "O"}
# Four characters standing as a word, each a digit or a letter OCR gives for one.
_YEAR_LIKE = re.compile(r"(?<![^\W_])[0-9OolI|]{4}(?![^\W_])")
_AS_DIGIT = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})
_FIRST_YEAR, _LAST_YEAR = 1990, 2100


@lru_cache(maxsize=4096)
def ocr_header(text: str) -> str | None:
    """The header ``text`` is once OCR's digits and bars inside its words are read as the
    letters they stand for, when that is one of the vocabulary's headers exactly; else
    ``None`` (the usual case: nothing to read so)."""
    if not _IN_WORD.search(text):
        return None
    headers = default_vocabulary().headers
    for letters in (_AS_LOWER, _AS_UPPER):  # "Leve1", "LEVE1": l; "CAPABIL1TY": I
        fixed = _IN_WORD.sub(lambda found, as_=letters: as_[found.group()], text)
        if key_of(fixed) in headers:
            return fixed
    return None


def ocr_years(text: str) -> str:
    """``text`` with a year OCR misread ("2O23") written in digits, when it holds no year in
    digits; ``text`` as it is otherwise."""
    if YEAR_TOKEN.search(text) or not _YEAR_LIKE.search(text):
        return text
    return _YEAR_LIKE.sub(_year, text)


def ocr_year_note(text: str, year: int) -> str:
    """What a warning naming ``year`` adds when ``text`` writes it as OCR misread it:
    " (written “2O23”, with a letter for a digit, as OCR reads a scanned page)"; else ""."""
    if not text or YEAR_TOKEN.search(text):
        return ""
    for found in _YEAR_LIKE.finditer(text):
        if _year(found) == str(year):
            return (
                f" (written “{found.group()}”, with a letter for a digit, as OCR reads a "
                "scanned page)"
            )
    return ""


def _year(found: re.Match[str]) -> str:
    """The year a word of four characters is, read with OCR's letters as digits, when it has
    two digits at least and one letter; the word as it is otherwise."""
    word = found.group()
    digits = sum(ch.isdigit() for ch in word)
    fixed = word.translate(_AS_DIGIT)
    if digits < 2 or digits == 4 or not _FIRST_YEAR <= int(fixed) <= _LAST_YEAR:
        return word
    return fixed
