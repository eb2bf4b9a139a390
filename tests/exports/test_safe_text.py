"""Formula injection: text a spreadsheet would run comes back as plain text."""

import pandas as pd
import pytest

from components.exports.safe_text import neutralise_formula, safe_csv_bytes


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Plain text", "Plain text"),
        ("", ""),
        (3, 3),
        (None, None),
    ],
)
def test_neutralise_formula(value, expected):
    assert neutralise_formula(value) == expected


def test_safe_csv_bytes():
    frame = pd.DataFrame({"message": ["=1+1", "ok"], "n": [1, 2]})
    text = safe_csv_bytes(frame).decode("utf-8-sig")
    assert text.splitlines() == ["message,n", "'=1+1,1", "ok,2"]


@pytest.mark.parametrize(
    ("values", "dtype", "expected"),
    [
        ([3.0, None, 1.0], "float64", ["3", "", "1"]),  # whole numbers with a gap
        ([3.0, 1.0], "float64", ["3", "1"]),
        ([2.0, None], "Float64", ["2", ""]),  # pandas' nullable float
        ([2.0, None], "float32", ["2", ""]),
        ([-0.0, -4.0], "float64", ["0", "-4"]),
        ([None, None], "float64", ["", ""]),  # nothing but blanks stays blank
        ([1.5, None, 2.0], "float64", ["1.5", "", "2.0"]),  # a fraction: left as floats
        ([float("inf"), 1.0], "float64", ["inf", "1.0"]),
        ([1e300, 1.0], "float64", ["1e+300", "1.0"]),  # too large to be an exact integer
        ([3, None], "Int64", ["3", ""]),
        ([3, 4], "int64", ["3", "4"]),
        ([3, None], "object", ["3", ""]),
    ],
)
def test_safe_csv_bytes_writes_whole_numbers_as_integers(values, dtype, expected):
    frame = pd.DataFrame({"n": pd.Series(values, dtype=dtype), "row": range(len(values))})
    text = safe_csv_bytes(frame).decode("utf-8-sig")
    assert text.splitlines() == ["n,row", *(f"{v},{i}" for i, v in enumerate(expected))]
    assert frame["n"].dtype == dtype  # the caller's frame is left as it was
