"""A table of seven rows numbered 1 to 7 whose titles name no capability: maybe the enablers.

The template's Enablers sheet lists the seven enablers numbered 1 to 7. Translated into a
language the reader does not know, nothing says they are the enablers: not the header ("Lp. |
Czynnik | Poziom"), not the sheet's name ("Czynniki"), not the titles. Read by their numbers
they would be capabilities 1 to 7 (Leadership … Access to Image Databases) with the enablers'
levels: invented. So a one-row-per-capability table whose rows are numbered 1 to 7 and no
further, beside titles none of which names a capability, is not read; an error says they may be
the enablers and how to say which they are. Capabilities 1 to 7 under their own titles (in any
language the framework gives them) are read as ever, and so is a table that goes past 7.
"""

from __future__ import annotations

from typing import Any

from components.ingest.layout import ItemTable
from components.ingest.matching import is_plain_number, match_any
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted

# The enablers' count, and how many of their titles must be there to judge by them.
_ENABLERS = 7
_MIN_TITLES = 5


def maybe_enablers(ctx: ReadContext, sheet: Sheet, layout: ItemTable, top: int, end: int) -> bool:
    """True, with the error said, when ``layout`` (a capabilities table, rows ``top`` to
    ``end``) lists rows numbered 1 to 7 only beside titles that name no capability."""
    number = layout.columns.get("number")
    if layout.catalogue != "capability" or number is None:
        return False
    first = max(top, layout.header + 1)
    values = sheet.column(number, first, end)
    numbers = [int(float(v)) for v in values if is_plain_number(v)]
    if sorted(numbers) != list(range(1, _ENABLERS + 1)):
        return False
    titles = _titles(sheet, layout, first, end)
    if len(titles) < _MIN_TITLES:
        return False
    pair = (ctx.capabilities, ctx.enablers)
    matched = [
        ctx.cached("match-capability", title, lambda v: match_any(v, *pair))[1].number
        for title in titles
    ]
    if any(found is not None for found in matched):
        return False
    cell = cell_address(layout.header, number)
    where = f"Sheet {quoted(sheet.name)}" if sheet.name else "The file"
    ctx.add(
        "error",
        sheet,
        cell,
        f"{where} lists seven rows numbered 1 to 7 (from {cell}) whose titles name no "
        f"capability ({quoted(titles[0])}, {quoted(titles[1])} …): they may be the seven "
        "enablers, so they were not read as capabilities 1 to 7.",
        "If they are the enablers, head the titles' column “Enabler” or name the sheet "
        "“Enablers”; if they are capabilities 1 to 7, write their titles as in the template "
        "(or in French, Spanish, Portuguese or another language the app reads).",
    )
    return True


def _titles(sheet: Sheet, layout: ItemTable, first: int, end: int) -> list[str]:
    """The table's titles: its capability column's, else the text of the first unnamed column
    right of the number column."""
    columns = layout.columns
    title = columns.get("capability")
    if title is None:
        used = set(columns.values())
        width = len(sheet.rows[layout.header])
        title = next((c for c in range(columns["number"] + 1, width) if c not in used), None)
    if title is None:
        return []
    return [v.strip() for v in sheet.column(title, first, end) if _text(v)]


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip()) and not is_plain_number(value)
