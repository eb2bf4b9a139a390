"""The error values online sheets and no-code databases show where a formula failed.

Excel's own (``#N/A``, ``#REF!``, …) are known to ``error_cells``. A field or a column computed
by Airtable, Google Sheets, Coda or Zoho that broke shows ``#ERROR!`` (also ``#ERROR``), and one
of Smartsheet shows its own words in capitals (``#UNPARSEABLE``, ``#INVALID DATA TYPE``, ``#NO
MATCH``). Exported to a csv or an .xlsx they are text, and in a level column they read as "not a
level" at best, or leave the column taken for one of words and an empty column beside it for the
levels ("Score (raw)" empty, "Level" all ``#ERROR!``). Known as error values, they are reported
as what they are: the levels were there, but the formula that gives them failed.
"""

from __future__ import annotations

# Airtable, Google Sheets, Coda and Zoho: one word for every failure.
_ERROR_WORD = frozenset({"#ERROR!", "#ERROR"})
# Smartsheet's formula errors, as its cells show them.
_SMARTSHEET = frozenset(
    {
        "#UNPARSEABLE", "#INVALID DATA TYPE", "#INVALID VALUE", "#INVALID REF",
        "#INVALID OPERATION", "#INVALID COLUMN VALUE", "#NO MATCH", "#CIRCULAR REFERENCE",
        "#DIVIDE BY ZERO", "#BLOCKED", "#BOOLEAN EXPECTED", "#CONTACT EXPECTED",
        "#DATE EXPECTED", "#NUMBER EXPECTED", "#TEXT EXPECTED", "#IMBALANCED",
        "#INCORRECT ARGUMENT SET", "#NESTED CRITERIA", "#OVERFLOW", "#PERMISSION ERROR",
        "#REF", "#TOO BIG", "#UNSUPPORTED CROSS-SHEET FORMULA", "#CALCULATING",
    }
)  # fmt: skip
ONLINE_ERRORS = _ERROR_WORD | _SMARTSHEET


def online_error(text: str) -> str | None:
    """The error value ``text`` (upper-cased, trimmed) is, written as the tool shows it, else
    ``None``."""
    found = " ".join(text.split())
    return found if found in ONLINE_ERRORS else None


def online_error_kind(shown: str) -> str | None:
    """What such an error value is, in words, else ``None`` (an Excel or LibreOffice one)."""
    if shown in _ERROR_WORD:
        return "a formula's error value (as Airtable, Google Sheets and other online tools show it)"
    if shown in _SMARTSHEET:
        return "a Smartsheet formula's error value"
    return None
