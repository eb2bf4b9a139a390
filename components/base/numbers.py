"""How a score is shown: one decimal, halves rounded up (away from zero), everywhere.

Python's ``round`` and ``f"{x:.1f}"`` round halves to the even digit (3.25 shows as "3.2" but
2.75 as "2.8"), so the same kind of value went different ways on one table, and a shown change
disagreed with the shown scores beside it. Every score, change and difference a person reads
goes through ``shown_score`` here; a difference between two shown scores is the difference of
the shown (rounded) scores, so a reader's subtraction agrees with the page. The numbers
underneath, and whatever is classified or sorted on them, stay exact.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

MISSING = "–"
MINUS = "−"
_TENTH = Decimal("0.1")


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return not math.isfinite(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return True


def shown_score(value: object) -> Decimal | None:
    """The value to one decimal, halves away from zero (3.25 → 3.3, −1.25 → −1.3), or None.

    Rounded first to 9 decimals, so a mean such as 43 / 20 (stored as 2.1499999…) or a sum's
    float error rounds as the fraction it is (2.15 → 2.2).
    """
    if _is_missing(value):
        return None
    exact = Decimal(repr(round(float(value), 9)))  # type: ignore[arg-type]
    shown = exact.quantize(_TENTH, rounding=ROUND_HALF_UP)
    return shown if shown != 0 else Decimal("0.0")  # never "-0.0"


def score_text(value: object) -> str:
    """A score as shown: ``"3.3"`` for 3.25, ``"–"`` when missing."""
    shown = shown_score(value)
    return MISSING if shown is None else str(shown)


def signed_text(value: object) -> str:
    """A change as shown: ``"+0.3"``, ``"−1.3"`` (a true minus), ``"0.0"`` with no sign on no
    change, ``"–"`` when missing."""
    shown = shown_score(value)
    if shown is None:
        return MISSING
    if shown == 0:
        return "0.0"
    return f"+{shown}" if shown > 0 else f"{MINUS}{-shown}"


def shown_difference(before: object, after: object) -> Decimal | None:
    """``after − before`` as a reader works it out from the two shown scores, or None."""
    shown_before, shown_after = shown_score(before), shown_score(after)
    if shown_before is None or shown_after is None:
        return None
    return shown_after - shown_before


def difference_text(before: object, after: object) -> str:
    """The difference of two scores as the reader sees it: 3.25 → 3.5 shows as 3.3 → 3.5, so
    ``"+0.2"``; 2.143 → 2.952 shows as 2.1 → 3.0, so ``"+0.9"``."""
    return signed_text(shown_difference(before, after))
