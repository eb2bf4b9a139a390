"""A row whose number and title name two different items: said, unless the bare number and
the title agree on the other catalogue (the enablers numbered 1 to 7 under the capabilities,
with no heading between).

The row "1 | Cross-sector collaboration | 3" under capabilities 1 to 21 names capability 1 by
its number and enabler 1 by its title. A bare number is weak evidence (it counts within
whatever list it is in); a title is the item itself. When the title names the other
catalogue's item exactly and the bare number is that item's own number, the row is that item,
read with one warning per sheet. A code ("C1", "Cap 1") or a title that names the item only
roughly still makes the disagreement an error.
"""

from __future__ import annotations

from typing import Any

from components.base.text import plural
from components.ingest.matching import Catalogue, ItemMatch, is_plain_number
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted

Resolved = tuple[int, Any, Catalogue, ItemMatch]  # (column, value, catalogue, match)


def settle_disagreement(
    ctx: ReadContext, sheet: Sheet, row: int, resolved: list[Resolved]
) -> tuple[Catalogue, int] | None:
    """The item of a row whose two cells name different items: the one its bare number and
    exact title agree on (with a warning), or ``None`` with an error naming both cells."""
    agreed = _agreed_by_title(resolved)
    if agreed is not None:
        number_column, number, title, catalogue, other = agreed
        kinds = plural(2, catalogue.kind)
        if ctx.once((sheet.name, "numbered-titles", catalogue.kind)):
            ctx.add(
                "warning",
                sheet,
                cell_address(row, number_column),
                f"From row {row + 1}, rows are numbered and titled as {kinds} "
                f"({quoted(number)}, {quoted(title)}: {catalogue.describe(_whole(number))}), "
                f"not as {plural(2, other)}; they were read as {kinds}.",
                f"Nothing to do if so. A heading row “{kinds.capitalize()}” above "
                "them, or codes such as E1 for their numbers, would say it without a doubt.",
            )
        return catalogue, _whole(number)
    (c1, v1, cat1, m1), (c2, v2, cat2, m2) = resolved
    ctx.add(
        "error",
        sheet,
        cell_address(row, c1),
        f"Row {row + 1} says {quoted(v1)} ({cat1.describe(m1.number or 0)}) in "
        f"{cell_address(row, c1)} but {quoted(v2)} ({cat2.describe(m2.number or 0)}) in "
        f"{cell_address(row, c2)}; the row was not used.",
        "Make the number and the title name the same capability.",
    )
    return None


def _agreed_by_title(resolved: list[Resolved]) -> tuple[int, Any, Any, Catalogue, str] | None:
    """(number's column, number, title, the title's catalogue, the number's kind) when the
    bare number is the number of the item the title names exactly."""
    titled = [r for r in resolved if r[3].how == "title"]
    numbered = [r for r in resolved if r[3].how == "number" and is_plain_number(r[1])]
    if len(titled) != 1 or len(numbered) != 1:
        return None
    _, title, catalogue, match = titled[0]
    number_column, number, numbered_in, _ = numbered[0]
    if match.number is None or _whole(number) != match.number:
        return None
    return number_column, number, title, catalogue, numbered_in.kind


def _whole(number: Any) -> int:
    return int(float(str(number).strip().rstrip(".")))
