"""Making user text safe to hand back as a file people open in Excel or LibreOffice.

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return may be run
as a formula by a spreadsheet (CSV or formula injection). Such text gets a leading apostrophe,
which spreadsheets show as plain text.
"""

from __future__ import annotations

import pandas as pd

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Past 2**53 a float no longer holds every whole number exactly: such values are left as floats.
_EXACT_WHOLE = 2**53


def neutralise_formula(value: object) -> object:
    """The value, with a leading apostrophe if it is text a spreadsheet would run."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


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
