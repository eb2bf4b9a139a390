"""Enablers numbered on after the capabilities (22 to 28 for the MNR's 21 and 7), no titles.

Some templates number the seven enablers on from the last capability, in the same column, and
leave their titles out. A number past the last capability is then read as an enabler only
when the sheet makes it certain: a heading row naming the enablers ("Enablers", "Facteurs
favorables", any of the vocabulary's enabler words) right above the first of them, or a sheet
named for capabilities and enablers with the rows following capability 21 without a gap.
Either way a warning says how the row was understood. Otherwise the row stays an error, whose
message says how to make it readable (``hint``): number the enablers E1 to E7, or give their
titles. Never guessed silently.
"""

from __future__ import annotations

from typing import Any

from components.base.text import normalise
from components.ingest.catalogue import Catalogue
from components.ingest.matching import classify_header
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted


def _past_last(value: Any, primary: Catalogue, secondary: Catalogue) -> int | None:
    """``k`` when ``value`` is the whole number ``last capability + k`` (1 <= k <= enablers)."""
    if primary.kind != "capability" or secondary.kind != "enabler" or isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if not isinstance(value, int | float) or not float(value).is_integer():
        return None
    k = int(value) - max(primary.titles)
    return k if 1 <= k <= len(secondary.titles) else None


def _names_enablers(sheet: Sheet, row: int) -> bool:
    cells = [sheet.value(row, c) for c in range(sheet.width())]
    texts = [v for v in cells if v is not None and str(v).strip()]
    return len(texts) == 1 and classify_header(texts[0]) == "enabler"


def _sheet_of_both(sheet: Sheet) -> bool:
    words = set(normalise(sheet.name).split())
    return bool(words & {"capabilities", "capacites", "capacidades"}) and bool(
        words & {"enablers", "habilitants", "facilitadores", "habilitadores", "favorables"}
    )


def numbered_enabler(
    ctx: ReadContext,
    sheet: Sheet,
    *,
    row: int,
    column: int,
    value: Any,
    pair: tuple[Catalogue, Catalogue],
) -> tuple[Catalogue, int] | None:
    """The enabler a row numbered past the last capability is, when the sheet makes it
    certain (said with a warning once per sheet), with the enablers' catalogue; else
    ``None``. ``pair``: the capabilities' and the enablers' catalogues."""
    primary, secondary = pair
    k = _past_last(value, primary, secondary)
    if k is None:
        return None
    last = max(primary.titles)
    heading = _names_enablers(sheet, row - k)
    follows = _sheet_of_both(sheet) and _is_number(sheet.value(row - k, column), last)
    if not (heading or follows):
        return None
    if ctx.once((sheet.name, "numbered-enablers", column)):
        why = (
            f"the heading {quoted(sheet.value(row - k, _first(sheet, row - k)))} above them"
            if heading
            else f"the sheet's name {quoted(sheet.name)} and their place right after "
            f"capability {last}"
        )
        ctx.add(
            "warning",
            sheet,
            cell_address(row, column),
            f"The rows numbered {last + 1} to {last + len(secondary.titles)} were read as "
            f"enablers 1 to {len(secondary.titles)} ({last + 1} as enabler 1 and so on), "
            f"from {why}.",
            f"If that is wrong, correct the numbers. Numbering the enablers E1 to "
            f"E{len(secondary.titles)} says it without doubt.",
        )
    return secondary, k


def _is_number(value: Any, number: int) -> bool:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value == number
    return isinstance(value, str) and value.strip() == str(number)


def _first(sheet: Sheet, row: int) -> int:
    return next(c for c in range(sheet.width()) if sheet.value(row, c) is not None)


def hint(value: Any, primary: Catalogue, enablers: int) -> str:
    """What to do with a number past the last capability (22 to 28): "" for anything else."""
    if primary.kind != "capability" or isinstance(value, bool):
        return ""
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if not isinstance(value, int | float) or not float(value).is_integer():
        return ""
    last = max(primary.titles)
    if not last < int(value) <= last + enablers:
        return ""
    return (
        f" If the rows numbered {last + 1} to {last + enablers} are the {enablers} enablers, "
        f"number them E1 to E{enablers}, or write each enabler's title, or put a row "
        "“Enablers” above them: they are then read as enablers."
    )
