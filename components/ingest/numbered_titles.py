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
from components.ingest.matching import Catalogue, ItemMatch, exact_reference, is_plain_number
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
    serial = _serial_beside_titles(ctx, sheet, row, resolved)
    if serial is not None:
        return serial
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


# Rows numbered 1, 2, 3 … in order whose titles, each exact and each once, disagree with their
# numbers this often: the numbers count the rows (the rows sorted by title), not the items.
_MIN_SERIAL_DISAGREEMENTS = 3


def _serial_beside_titles(
    ctx: ReadContext, sheet: Sheet, row: int, resolved: list[Resolved]
) -> tuple[Catalogue, int] | None:
    """The item a row's exact title names when its bare number only counts the rows: the
    numbers run 1, 2, 3 … down the table, beside exact titles of distinct items in another
    order ("No." kept after the rows were sorted A to Z). Said once per sheet and column."""
    titled = [r for r in resolved if r[3].how == "title"]
    numbered = [r for r in resolved if r[3].how == "number" and is_plain_number(r[1])]
    if len(titled) != 1 or len(numbered) != 1 or titled[0][3].number is None:
        return None
    (title_column, _, catalogue, match), number_column = titled[0], numbered[0][0]
    key = ("serial numbers", sheet.name, number_column, title_column)
    if key not in ctx.memo:
        ctx.memo[key] = _serial_run(sheet, number_column, title_column, catalogue)
    run = ctx.memo[key]
    if run is None or not run[0] <= row <= run[1]:
        return None
    if ctx.once(key):
        header = sheet.value(run[0] - 1, number_column) if run[0] else None
        named = f"headed {quoted(header)} " if isinstance(header, str) else ""
        ctx.add(
            "warning",
            sheet,
            cell_address(run[0], number_column),
            f"The column {named}numbers the rows 1 to {run[1] - run[0] + 1} in order, but "
            f"the {plural(2, catalogue.kind)} beside it are in another order: the numbers "
            f"count the rows, so each row was read as the {catalogue.kind} its title names.",
            "Nothing to do if so. To be sure, write each item's own number beside it, or "
            "delete the column of row numbers.",
        )
    return catalogue, match.number


def _serial_run(
    sheet: Sheet, number_column: int, title_column: int, catalogue: Catalogue
) -> tuple[int, int] | None:
    """The first and last rows of the numbers 1, 2, 3 … down ``number_column`` beside exact
    titles of distinct items, not in the framework's order, that disagree with them in half
    the rows at least (and ``_MIN_SERIAL_DISAGREEMENTS``), or ``None``."""
    column = sheet.column(number_column, 0, len(sheet.rows))
    start = next((r for r, v in enumerate(column) if is_plain_number(v) and _whole(v) == 1), None)
    if start is None:
        return None
    end = start
    while end + 1 < len(column) and is_plain_number(column[end + 1]):
        if _whole(column[end + 1]) != end + 2 - start:
            return None  # numbers, but not counting the rows
        end += 1
    titles = [
        exact_reference(sheet.value(r, title_column), catalogue) for r in range(start, end + 1)
    ]
    if None in titles or len(set(titles)) != len(titles) or titles == sorted(titles):
        return None  # in the framework's order: counted within a part (``domain_numbers``)
    # Most rows disagree when rows were sorted; a few do when titles were pasted out of place.
    disagreeing = sum(item != position for position, item in enumerate(titles, start=1))
    enough = max(_MIN_SERIAL_DISAGREEMENTS, len(titles) / 2)
    return (start, end) if disagreeing >= enough else None


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
