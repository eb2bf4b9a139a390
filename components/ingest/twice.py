"""A capability (or enabler) given twice in one assessment: said once the sheet is read.

``read_answers`` keeps an item's first row and notes every later one on the draft; when the
sheet is read, ``say_twice`` reports them, knowing the whole assessment:

- rows giving the same level: the later rows are not used (nothing is lost);
- rows giving different levels: neither level is used, since which one is right is for the
  person to say; when another item has no row and one of the rows sits where it would be
  (right after the item before it, or right before the one after), the message says that this
  row is likely that item with a mistyped number;
- two columns read as one assessment (``Kenya | Uganda | Kenya``, an updated copy beside the
  old one): one message naming both columns, not one per row; where they differ, neither
  column's level is used;
- rows of two assessments read as one, because the column of their years or countries was
  not read: one message naming that column (``unread_columns``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import wraps
from typing import Any

from openpyxl.utils import column_index_from_string

from components.ingest.agreed_rows import said_views
from components.ingest.drafts import Draft
from components.ingest.hidden_rows import hidden_rows
from components.ingest.matching import Catalogue
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.unread_columns import said_unread_column

_CELL = re.compile(r"^([A-Z]+)(\d+)$")
# Hints about a missing item only when the assessment has most of its items: in a short
# extract, a number with no row is not missing.
_MOST = 0.5
# The rows a message lists for one item at most (a long table can repeat one thousands of times).
_SHOWN = 6


def said_twice(parse: Callable[..., list[Draft]]) -> Callable[..., list[Draft]]:
    """``parse`` (of a sheet: ``ctx, sheet, ...``), then the items its drafts were given twice
    reported (``say_twice``; once, however many of these wrap one another)."""

    @wraps(parse)
    def parsed(ctx: ReadContext, sheet: Sheet, *args: Any, **kwargs: Any) -> list[Draft]:
        drafts = parse(ctx, sheet, *args, **kwargs)
        for draft in drafts:
            say_twice(ctx, draft)
        return drafts

    return parsed


def say_twice(ctx: ReadContext, draft: Draft) -> None:
    """Report the items ``draft`` was given more than once, and keep no level that is not
    certain (see the module's docstring)."""
    if not draft.twice:
        return
    events, draft.twice = draft.twice, []
    pairs: dict[tuple[str, str], list[tuple[str, int, str, Any]]] = {}
    for event in events:
        kind, number, cell, _ = event
        first = _split(draft.first_cell[(kind, number)])
        here = _split(cell)
        if first and here and first[0] != here[0] and first[1] == here[1]:
            pairs.setdefault((first[0], here[0]), []).append(event)
    by_item: dict[tuple[str, int], list[tuple[str, Any]]] = {}
    for (left, right), found in pairs.items():
        if len(found) < 2:
            continue
        _say_columns(ctx, draft, left, right, found)
        events = [e for e in events if e not in found]
    if said_unread_column(ctx, draft, events):
        return  # a year or country column not read: said once, naming it
    if said_views(ctx, draft, events):
        return  # a row per stakeholder and none agreed: said once, naming their column
    hidden = hidden_rows(ctx.xlsx_data, draft.sheet.name)
    left: list[str] = []  # rows hidden below a visible one: that one is read
    for kind, number, cell, level in events:
        first = _split(draft.first_cell[(kind, number)])
        here = _split(cell)
        if hidden and first and here and first[1] not in hidden and here[1] in hidden:
            left.append(cell)
            continue
        by_item.setdefault((kind, number), []).append((cell, level))
    for (kind, number), later in by_item.items():
        _say_rows(ctx, draft, kind, number, later)
    if left:
        shown = ", ".join(left[:_SHOWN]) + (
            f" and {len(left) - _SHOWN} more" if len(left) > _SHOWN else ""
        )
        ctx.add(
            "warning",
            draft.sheet,
            left[0],
            f"Hidden rows give {len(left)} capabilities of {draft.name} again ({shown}): the "
            "visible rows' levels were read, not the hidden ones.",
            "If the hidden rows are old levels, delete them; if they are the current ones, "
            "unhide them and delete the old rows.",
        )


def _say_rows(
    ctx: ReadContext, draft: Draft, kind: str, number: int, later: list[tuple[str, Any]]
) -> None:
    catalogue = ctx.capabilities if kind == "capability" else ctx.enablers
    what = catalogue.describe(number)
    what = f"{what[0].upper()}{what[1:]}"
    first_cell = draft.first_cell[(kind, number)]
    first = draft.items[kind].get(number, (None, None, None))[0]
    if all(level == first for _, level in later):
        for cell, _ in later:
            ctx.add(
                "error",
                draft.sheet,
                cell,
                f"{what} appears a second time for {draft.name} (first in {first_cell}); "
                "this row was not used.",
                f"Keep one row per {kind} for each assessment; delete or correct the other.",
            )
        return
    draft.items[kind].pop(number, None)
    rows = [(first_cell, first), *later]
    given = ", ".join(f"{_level(level)} in {cell}" for cell, level in rows[:_SHOWN])
    if len(rows) > _SHOWN:
        given += f" and {len(rows) - _SHOWN} more"
    times = "twice" if len(rows) == 2 else f"{len(rows)} times"
    none = "neither was used" if len(rows) == 2 else "none was used"
    message = (
        f"{what} appears {times} for {draft.name}, with different levels ({given}); {none}, "
        "as which one is right cannot be told."
    )
    fix = (
        f"Keep one row per {kind}: delete the wrong row, or correct its number if it is "
        "another's, then upload the file again."
    )
    hint = _likely_meant(catalogue, draft, [cell for cell, _ in rows], number)
    if hint is not None:
        message, fix = f"{message} {hint[0]}", hint[1]
    cells = ", ".join(cell for cell, _ in rows[:_SHOWN]) + (", …" if len(rows) > _SHOWN else "")
    ctx.add("error", draft.sheet, cells, message, fix)


def _likely_meant(
    catalogue: Catalogue, draft: Draft, cells: list[str], number: int
) -> tuple[str, str] | None:
    """What a row given twice likely meant, when another item has no row: the sentence and
    the fix, or ``None``."""
    kind = catalogue.kind
    present = {n for k, n in draft.first_cell if k == kind}
    if len(present) < _MOST * len(catalogue.titles):
        return None
    missing = [n for n in catalogue.titles if n not in present]
    if not missing:
        return None
    row_of = {n: _split(c)[1] for (k, n), c in draft.first_cell.items() if k == kind and _split(c)}
    likely = []
    for cell in cells:
        where = _split(cell)
        for gap in missing:
            before, after = row_of.get(gap - 1), row_of.get(gap + 1)
            places = []  # a neighbour that is the number given twice says less: last
            if where and before is not None and where[1] == before + 1:
                places.append((gap - 1 == number, f"right after {kind} {gap - 1}"))
            if where and after is not None and where[1] == after - 1:
                places.append((gap + 1 == number, f"right before {kind} {gap + 1}"))
            if places:
                likely.append((cell, gap, min(places)[1]))
    gone = catalogue.describe(missing[0]) if len(missing) == 1 else None
    if len(likely) != 1:
        if gone is None:
            return None
        return (
            f"{gone[0].upper()}{gone[1:]} has no row: one of these rows may be meant for it.",
            f"Correct the number of the row meant for {gone}, or delete the wrong row, then "
            "upload the file again.",
        )
    cell, gap, place = likely[0]
    meant = catalogue.describe(gap)
    return (
        f"{meant[0].upper()}{meant[1:]} has no row, and {cell} sits where it would be "
        f"({place}): {cell} is likely {kind} {gap} with {number} typed instead of {gap}.",
        f"If {cell} is {meant}, correct its number (and title) to {gap}; otherwise delete the "
        "wrong row. Then upload the file again.",
    )


def _say_columns(
    ctx: ReadContext,
    draft: Draft,
    left: str,
    right: str,
    found: list[tuple[str, int, str, Any]],
) -> None:
    """One message for two columns read as the same assessment."""
    differ: list[tuple[str, int]] = []
    for kind, number, _, level in found:
        if draft.items[kind].get(number, (None, None, None))[0] != level:
            differ.append((kind, number))
    for kind, number in differ:
        draft.items[kind].pop(number, None)
    top = min(_split(cell)[1] for _, _, cell, _ in found if _split(cell))
    headers = [_header(draft.sheet, letters, top) for letters in (left, right)]
    named = " and ".join(
        f"{quoted(text)} ({cell})" if text is not None else cell for cell, text in headers
    )
    message = (
        f"The columns headed {named} are both read as {draft.name}: their headers name the "
        "same assessment, so it is given twice."
    )
    if differ:
        kinds = " and ".join(dict.fromkeys(f"{k.replace('y', 'ie')}s" for k, _ in differ))
        numbers = ", ".join(str(n) for _, n in differ)
        same = len(found) - len(differ)
        kept = f"; the {same} that are the same in both were kept" if same else ""
        message += (
            f" They do not agree on {kinds} {numbers} (a different level, or a level beside a "
            f"blank cell): those were not used from either column{kept}."
        )
    else:
        message += f" Both give the same levels; column {right} was not used."
    ctx.add(
        "error" if differ else "warning",
        draft.sheet,
        f"{headers[0][0]}, {headers[1][0]}",
        message,
        "Keep one column per assessment: delete the old one, or write its own year or round in "
        "each header (for example “Kenya 2021” and “Kenya 2023”), then upload the file again.",
    )


def _header(sheet: Sheet, letters: str, below: int) -> tuple[str, Any]:
    """The cell and text heading column ``letters`` above row ``below`` (1-based): the nearest
    text above the levels; the column's letters alone when there is none."""
    column = column_index_from_string(letters) - 1
    for row in range(below - 2, -1, -1):
        value = sheet.value(row, column)
        if isinstance(value, str) and value.strip():
            return cell_address(row, column), value
    return letters, None


def _level(level: Any) -> str:
    return "blank" if level is None else str(level)


def _split(cell: str) -> tuple[str, int] | None:
    found = _CELL.match(cell)
    return (found[1], int(found[2])) if found else None
