"""One assessment read twice: joined into one, each capability and enabler given once.

Two drafts with the same assessment id (the same country, date or year and round, from the
same sheet of the same file) are one assessment. Every shape the reader knows should make one
draft of it, but a shape it half knows can make two (a header written twice read as two
tables, a block read once as a table and once as its continuation), and the tidy table would
then hold the same capability twice for one assessment: twice as many rows, a level beside a
blank, and pictures that count it twice. This is the last check before the tidy tables are
made, whatever made the twins: their items are joined, and where both give an item,

* the same level, or a level beside a blank: the level is kept, with one warning per
  assessment naming the first cells;
* two different levels: neither is kept (which is meant is never guessed), with an error
  naming both cells.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from components.ingest.drafts import Draft
from components.ingest.sheets import ReadContext, quoted

_MAX_NAMED = 4
_FIX_TWICE = (
    "If they are two assessments, give each its own Country and Year labels (or its own round); "
    "if one is a copy of the other, delete it. Then upload the file again."
)


def join_twins(
    ctx: ReadContext, heads: Sequence[tuple[Any, ...]], drafts: Sequence[Draft]
) -> tuple[list[tuple[Any, ...]], list[Draft]]:
    """``heads`` (each assessment's row, its id first) and their ``drafts``, with the drafts
    of one id joined into the first (said as the module says)."""
    first: dict[Any, int] = {}
    kept_heads: list[tuple[Any, ...]] = []
    kept: list[Draft] = []
    for head, draft in zip(heads, drafts, strict=True):
        index = first.get(head[0])
        if index is None:
            first[head[0]] = len(kept)
            kept_heads.append(head)
            kept.append(draft)
            continue
        _join(ctx, kept[index], draft)
        if kept_heads[index][2] is None and head[2] is not None:  # the ISO3 code one gives
            kept_heads[index] = (*kept_heads[index][:2], head[2], *kept_heads[index][3:])
    return kept_heads, kept


def _join(ctx: ReadContext, owner: Draft, twin: Draft) -> None:
    """``twin``'s items joined into ``owner``'s (the same assessment), each item once."""
    again: list[str] = []
    for kind in ("capability", "enabler"):
        items = owner.items[kind]
        for number, answer in twin.items[kind].items():
            cell = twin.first_cell.get((kind, number))
            if number not in items:
                items[number] = answer
                if cell is not None:
                    owner.first_cell[(kind, number)] = cell
                continue
            first_cell = owner.first_cell.get((kind, number))
            level, other = items[number][0], answer[0]
            if level is not None and other is not None and level != other:
                items[number] = (None, items[number][1] or answer[1], items[number][2])
                _say_two_levels(ctx, owner, (kind, number), (level, first_cell), (other, cell))
                continue
            if level is None and other is not None:
                items[number] = answer
                if cell is not None:
                    owner.first_cell[(kind, number)] = cell
            again.append(_cells(first_cell, cell))
    owner.iso3 = owner.iso3 or twin.iso3
    owner.assessed_by = owner.assessed_by or twin.assessed_by
    if again:
        _say_twice(ctx, owner, again)


def _cells(first: str | None, second: str | None) -> str:
    return " and ".join(cell for cell in (first, second) if cell) or "the same cell"


def _say_twice(ctx: ReadContext, owner: Draft, again: list[str]) -> None:
    named = "; ".join(again[:_MAX_NAMED]) + ("…" if len(again) > _MAX_NAMED else "")
    ctx.add(
        "warning",
        owner.sheet,
        None,
        f"{owner.name} was read twice{_on(owner)}: {len(again)} of its items were given in "
        f"both ({named}); each was kept once, with the level given (the same level in both, "
        "or a level beside a blank).",
        _FIX_TWICE,
    )


def _say_two_levels(
    ctx: ReadContext,
    owner: Draft,
    item: tuple[str, int],
    first: tuple[int, str | None],
    second: tuple[int, str | None],
) -> None:
    kind, number = item
    catalogue = ctx.capabilities if kind == "capability" else ctx.enablers
    what = catalogue.describe(number)
    what = f"{what[0].upper()}{what[1:]}"
    places = [f"{level}{f' in {cell}' if cell else ''}" for level, cell in (first, second)]
    ctx.add(
        "error",
        owner.sheet,
        second[1] or first[1],
        f"{what} of {owner.name} was read twice{_on(owner)} with different levels "
        f"({places[0]}, {places[1]}); neither was used.",
        "Keep one row for each capability of an assessment, with the level agreed, and upload "
        "the file again.",
    )


def _on(draft: Draft) -> str:
    return f" on sheet {quoted(draft.sheet.name)}" if draft.sheet.name else ""
