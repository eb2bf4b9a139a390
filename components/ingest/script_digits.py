"""Digits of other scripts, read as the digits they are: "الأردن ٢٠٢٣" names the year 2023.

People type numbers in their script's digits: Arabic-Indic ("٢٠٢٣"), Persian and Urdu
("۲۰۲۳"), Devanagari ("२०२३"), Thai ("๒๕๖๖"), Bengali, Khmer, Burmese and the others
Unicode counts as decimal digits. Python reads them as numbers (``int("٣")`` is 3), so a
level cell holding one always was; but a year is found in text by its ASCII digits ("1990" to
"2100"), so a sheet named "الأردن ٢٠٢٣", a title "عام ٢٠٢٣" or a label's "السنة ٢٠٢٣" gave
none. Folding every decimal digit to its ASCII digit before the year is looked for reads them
as "الأردن 2023" would be. Full-width digits ("２０２３") are folded by NFKC already.
"""

from __future__ import annotations

import unicodedata


class _Digits(dict[int, int]):
    """``str.translate``'s table: a decimal digit of any script -> its ASCII digit, found
    when first met and kept (a few hundred at most); any other character is left as it is."""

    def __missing__(self, code: int) -> int:
        digit = unicodedata.decimal(chr(code), None)
        if digit is None:
            raise LookupError(code)  # not a digit: ``translate`` leaves it untouched
        self[code] = ord("0") + digit
        return self[code]


_TABLE = _Digits()


def ascii_digits(text: str) -> str:
    """``text`` with the digits of other scripts as ASCII digits ("٢٠٢٣" -> "2023")."""
    if text.isascii():
        return text  # the usual text: nothing to fold
    return text.translate(_TABLE)
