"""Formula injection: text a spreadsheet would run comes back as plain text."""

import pandas as pd
import pytest

from components.safe_export import neutralise_formula, safe_csv_bytes


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
