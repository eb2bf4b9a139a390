"""Making user text safe to hand back as a file: a PDF, a deck, a workbook or a CSV.

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return may be run
as a formula by a spreadsheet (CSV or formula injection). Such text gets a leading apostrophe,
which spreadsheets show as plain text. Control characters that XML cannot hold are dropped
from every export (python-pptx and openpyxl would refuse them; a PDF would show garbage).
"""

from __future__ import annotations

import re

import pandas as pd

from components.base.text import shorten

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Past 2**53 a float no longer holds every whole number exactly: such values are left as floats.
_EXACT_WHOLE = 2**53
# Characters XML 1.0 cannot hold. Tab, line feed and carriage return are handled separately.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def _missing(value: object) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def clean_text(value: object) -> str:
    """Text without XML-illegal control characters, tabs as spaces; ``""`` when missing."""
    if _missing(value):
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _XML_ILLEGAL.sub("", text)


def one_line(value: object, max_chars: int | None = None) -> str:
    """One line of clean text (white space collapsed), shortened with "…" past ``max_chars``."""
    text = " ".join(clean_text(value).split())
    return shorten(text, max_chars) if max_chars is not None else text


def data_text(value: object) -> str | None:
    """Text for a data export: exactly as given (formulas are neutralised later), less only
    the characters a spreadsheet file cannot hold; ``None`` when empty."""
    if _missing(value):
        return None
    text = _XML_ILLEGAL.sub("", str(value))
    return text if text.strip() else None


def neutralise_formula(value: object) -> object:
    """The value, with a leading apostrophe if it is text a spreadsheet would run."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def restore_neutralised(value: object) -> object:
    """The text ``neutralise_formula`` was given: its apostrophe removed again.

    For reading back the app's own exports (a library moved to another library must arrive
    unchanged); any other value is returned as it is.
    """
    if isinstance(value, str) and value[:1] == "'" and value[1:].startswith(FORMULA_TRIGGERS):
        return value[1:]
    return value


def restore_neutralised_text(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with ``restore_neutralised`` applied to every text cell."""
    restored = frame.copy()
    for column in restored.columns:
        values = restored[column]
        if values.dtype == object:
            restored[column] = pd.Series(
                [restore_neutralised(v) for v in values], index=values.index, dtype=object
            )
        elif pd.api.types.is_string_dtype(values):
            restored[column] = values.map(restore_neutralised).astype(values.dtype)
    return restored


def whole_numbers_as_integers(series: pd.Series) -> pd.Series:
    """A float column whose values are all whole numbers as nullable integers, else unchanged.

    pandas stores whole numbers with gaps as floats, which CSV would write as "3.0"; as
    ``Int64`` they are written "3", and a missing value stays blank.
    """
    if not pd.api.types.is_float_dtype(series.dtype):
        return series
    values = series.dropna().astype("float64")
    if not (values.abs() <= _EXACT_WHOLE).all() or not (values == values.round()).all():
        return series  # a fraction, an infinity, or too large to be exact
    return series.astype("Int64")


def safe_csv_bytes(frame: pd.DataFrame) -> bytes:
    """The frame as UTF-8 CSV (with a byte-order mark, so Excel reads accents right).

    Text a spreadsheet would run is neutralised; float columns holding only whole numbers
    are written as integers ("3", not "3.0"), blanks staying blank.
    """
    safe = frame.copy()
    for column in safe.columns:
        values = safe[column]
        if values.dtype == object:
            # Not ``map``: it would infer a new dtype, and ints beside a None become "3.0".
            neutral = [neutralise_formula(v) for v in values]
            safe[column] = pd.Series(neutral, index=values.index, dtype=object)
        elif pd.api.types.is_string_dtype(values):
            safe[column] = values.map(neutralise_formula)
        else:
            safe[column] = whole_numbers_as_integers(values)
    return safe.to_csv(index=False).encode("utf-8-sig")
