"""Letters OCR gives for digits in a level column of digits: "O" for 0, "l", "I" or "|" for 1.

A scanned report read by OCR (ABBYY, Acrobat's "Recognize text") writes some of its 0s as the
letter O and some of its 1s as the letter l, a capital I or a bar. Alone, such a cell is no
level: "O" may be the start of a word, and "I" the first level of a Roman scale (I to V), so
``values`` refuses it with "did you mean 0?". In a column that writes its other levels as
digits, there is no doubt left: ``read_ocr_digits`` reads those cells as the digits they
stand for, with one warning naming them, when

- the column holds ``_MIN_DIGITS`` levels written as digits at least, and more of them than
  such letters;
- no cell of it is a Roman numeral of two letters or more ("II", "IV"), nor "V": a column of
  Roman numerals (with "0" for the lowest level, as a key may give) is ``mark_keys``'.
"""

from __future__ import annotations

from typing import Any

from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted

_DIGIT_LETTERS = {"O": 0, "o": 0, "l": 1, "I": 1, "|": 1}
_ROMAN = frozenset({"ii", "iii", "iv", "v", "vi"})
_MIN_DIGITS = 3


def read_ocr_digits(ctx: ReadContext, sheet: Sheet, column: int, first: int, end: int) -> None:
    """Read the cells of level ``column`` (rows ``first`` to ``end - 1``) that hold a letter
    OCR gives for a digit as that digit (in place), with a warning, when the column's other
    levels are digits (see the module)."""
    values = sheet.column(column, first, end)
    if not any(isinstance(v, str) and _letter_of(v) is not None for v in set(values)):
        return  # the usual case: no such letter (each distinct value looked at once)
    letters = [
        (first + index, value)
        for index, value in enumerate(values)
        if isinstance(value, str) and _letter_of(value) is not None
    ]
    scale = ctx.framework.scale
    digits = sum(_is_digit_level(v, scale.minimum, scale.maximum) for v in values)
    roman = any(isinstance(v, str) and v.strip().rstrip(".").casefold() in _ROMAN for v in values)
    if roman or digits < max(_MIN_DIGITS, len(letters) + 1):
        return
    for row, value in letters:
        cells = list(sheet.rows[row])
        cells[column] = str(_DIGIT_LETTERS[_letter_of(value) or ""])
        sheet.rows[row] = tuple(cells)
    sheet.columns = None  # the rows changed: the columns no longer say the same
    where = [cell_address(row, column) for row, _ in letters]
    shown = ", ".join(dict.fromkeys(quoted(value.strip()) for _, value in letters))
    ctx.add(
        "warning",
        sheet,
        where[0],
        f"{len(where)} level cell{'s' if len(where) > 1 else ''} of a column of digits "
        f"({', '.join(where[:4])}{', …' if len(where) > 4 else ''}) "
        f"{'hold' if len(where) > 1 else 'holds'} {shown}: letters "
        "that OCR writes for the digits 0 and 1 when it reads a scanned page; they were read "
        "as 0 (the letter O) and 1 (the letter l, I or a bar).",
        "Check these levels against the original document, and type them as digits.",
    )


def _letter_of(value: str) -> str | None:
    """The letter a cell holds alone, when OCR gives it for a digit ("O", "l."), else None."""
    key = value.strip().rstrip(".").strip()
    return key if key in _DIGIT_LETTERS else None


def _is_digit_level(value: Any, low: int, high: int) -> bool:
    """A level written as a digit: a whole number on the scale, or text of that digit alone."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return float(value).is_integer() and low <= value <= high
    text = value.strip() if isinstance(value, str) else ""
    return text.isascii() and text.isdigit() and low <= int(text) <= high
