"""A table read once per assessment its columns hold, each time with only that one's headed.

A table whose columns hold several assessments side by side (each capability's columns for
2018, 2020 and 2022; a Baseline, a Midline and an Endline column of levels) is read as the
reader reads a table of one: once per assessment, from a copy of the sheet in which only that
assessment's columns keep their headings (``Part``). The copies keep every cell where it is,
so messages name the file's cells; the assessments read get the part's year and round (from
its heading, ``sub_headings``), and what reading the copies says is said once. A country with
no level in a part's columns has no assessment there: said once for all, never an empty one.

``say_choice`` words what was read and what was set aside (targets, self-assessments beside a
validated level, notes), naming the headings' cells.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace

from components.base.text import ELLIPSIS
from components.ingest.drafts import Draft
from components.ingest.sheets import ReadContext, Sheet, quoted
from components.ingest.sub_headings import Choice, SubHeading

Parse = Callable[[ReadContext, Sheet], list[Draft]]
# Cells and names a message lists before "…".
_SHOWN = 4
_INSIDE: ContextVar[bool] = ContextVar("column_groups", default=False)
# The reader's word that a year came from around a table (``context``).
_CONTEXT_YEAR = re.compile(r"^The year \d{4}( and the round “.*”)? (was|were) taken from ")


@dataclass(frozen=True)
class Part:
    """A copy of the sheet with one assessment's columns headed; the year and round its
    assessments are given (``None``: as read from the table and around it), and its name."""

    sheet: Sheet
    heading: SubHeading | None
    label: str
    # Countries whose rows were left out of the copy: no level in the part's columns.
    skipped: tuple[str, ...] = ()


def heading_text(value: object) -> str:
    """A heading as a message quotes it: a year typed as a number without its ".0"."""
    return str(int(value) if isinstance(value, float) and value.is_integer() else value)


def copy_of(sheet: Sheet, rows: list[tuple[object, ...]], emptied: set[int]) -> Sheet:
    """A copy of ``sheet`` with ``rows``; merges down over the ``emptied`` rows (a heading
    merged down over both header rows) left out, so nothing fills them again."""
    merged = [m for m in sheet.merged_down if not any(m[0] <= r <= m[1] for r in emptied)]
    return replace(sheet, rows=rows, columns=None, merged_down=merged)


def inside_part() -> bool:
    """Whether a part's copy is being read (its table is not split again)."""
    return _INSIDE.get()


@contextmanager
def _reading_parts() -> Iterator[None]:
    token = _INSIDE.set(True)
    try:
        yield
    finally:
        _INSIDE.reset(token)


def read_parts(
    ctx: ReadContext, sheet: Sheet, parts: list[Part], parse: Parse, *, dated_rows: bool = False
) -> list[Draft]:
    """The assessments of each part, as from ``sheet``; what reading them says, said once.

    Of several rounds, one whose heading names no year ("Midline" beside "Baseline (2020)")
    takes none from the title or the sheet's name: that year is no more the round's than
    another's. Only a Year column of the table (``dated_rows``) gives it one.
    """
    start = len(ctx.problems)
    drafts: list[Draft] = []
    labels: dict[int, str] = {}
    apart = len(parts) > 1 and not dated_rows
    undated = [p for p in parts if apart and (p.heading is None or p.heading.year is None)]
    no_year = {id(p) for p in undated}
    with _reading_parts():
        for part in parts:
            for draft in parse(ctx, part.sheet):
                draft.sheet = sheet  # its cells are the sheet's, where they are
                _give(draft, part.heading)
                if id(part) in no_year:
                    draft.year = draft.date = None
                labels[id(draft)] = part.label
                drafts.append(draft)
    said: set[tuple[object, ...]] = set()
    kept = []
    for problem in ctx.problems[start:]:
        key = (problem.severity, problem.sheet, problem.cell, problem.message)
        # No round took its year from around the table: saying it was taken would mislead.
        if key not in said and not (apart and _CONTEXT_YEAR.match(problem.message)):
            said.add(key)
            kept.append(problem)
    ctx.problems[start:] = kept
    if undated:
        _say_undated(ctx, sheet, [p.label for p in undated])
    skipped = [f"{name} under {quoted(part.label)}" for part in parts for name in part.skipped]
    return _without_empty(ctx, sheet, drafts, labels, skipped) if len(parts) > 1 else drafts


def _say_undated(ctx: ReadContext, sheet: Sheet, labels: list[str]) -> None:
    shown = ", ".join(quoted(label) for label in labels[:_SHOWN])
    ctx.add(
        "warning",
        sheet,
        None,
        f"The round{'s' if len(labels) > 1 else ''} {shown} name{'' if len(labels) > 1 else 's'} "
        "no year, so their assessments were read without one (the year of the title or the "
        "sheet's name is not a round's).",
        "Write each round's year in its heading (for example “Midline (2022)”), then upload "
        "the file again.",
    )


def _give(draft: Draft, heading: SubHeading | None) -> None:
    """The part's year and round, over what the table and its surroundings said."""
    if heading is None:
        return
    if heading.year is not None:
        if draft.date is None or draft.date.year != heading.year:
            draft.date = None
        draft.year, draft.unread_when = heading.year, None
    if heading.round:
        draft.round = heading.round


def _has_level(draft: Draft) -> bool:
    return any(a[0] is not None for items in draft.items.values() for a in items.values())


def _without_empty(
    ctx: ReadContext,
    sheet: Sheet,
    drafts: list[Draft],
    labels: Mapping[int, str],
    skipped: list[str],
) -> list[Draft]:
    """The drafts less those with no level whose country has levels in another part (said
    with the countries ``skipped`` in the parts' copies)."""
    assessed = {d.country for d in drafts if _has_level(d)}
    empty = [d for d in drafts if not _has_level(d) and d.country in assessed]
    names = [*skipped, *(f"{d.country} under {quoted(labels[id(d)])}" for d in empty)]
    if not names:
        return drafts
    shown = ", ".join(names[:_SHOWN]) + (f", {ELLIPSIS}" if len(names) > _SHOWN else "")
    ctx.add(
        "warning",
        sheet,
        None,
        f"No assessment was read for {shown}"
        f"{f' ({len(names)} in all)' if len(names) > _SHOWN else ''}: "
        f"{'its columns hold' if len(names) == 1 else 'their columns hold'} no level.",
        "Nothing to do if they were not assessed in that round.",
    )
    dropped = {id(d) for d in empty}
    return [d for d in drafts if id(d) not in dropped]


def _cells(cells: list[str]) -> str:
    cells = list(dict.fromkeys(cells))
    return ", ".join(cells[:_SHOWN]) + (f", {ELLIPSIS}" if len(cells) > _SHOWN else "")


def _span(cells: list[str]) -> str:
    """The cells from the first to the last ("C4:CF4"), or the one cell."""
    cells = list(dict.fromkeys(cells))
    return cells[0] if len(cells) == 1 else f"{cells[0]}:{cells[-1]}"


def _headings(columns: list[int], texts: Mapping[int, tuple[str, str]]) -> str:
    """The distinct headings of ``columns``, quoted, in their order."""
    distinct = list(dict.fromkeys(texts[c][1] for c in columns))
    return ", ".join(quoted(t) for t in distinct[:_SHOWN]) + (
        f", {ELLIPSIS}" if len(distinct) > _SHOWN else ""
    )


def say_choice(
    ctx: ReadContext,
    sheet: Sheet,
    choice: Choice,
    texts: Mapping[int, tuple[str, str]],
    whose: str,
) -> None:
    """Warnings saying which sub-columns were read as which assessments and which were set
    aside; ``texts`` is each column's heading cell and text, ``whose`` the columns in words
    ("Each capability's columns")."""
    read = sorted(c for owned in choice.read.values() for c in owned.values())
    if len(choice.read) > 1 or any(key != (None, "") for key in choice.read):
        ctx.add(
            "warning",
            sheet,
            _span([texts[c][0] for c in read]),
            f"{whose} are headed by year or round ({_headings(read, texts)}): each column was "
            "read as the assessment of its year or round.",
            "Nothing to do if the levels read are right; otherwise head each column with the "
            "year or round of its assessment.",
        )
    aside = choice.aside
    if "self" in aside:
        ctx.add(
            "warning",
            sheet,
            _cells([texts[c][0] for c in aside["self"]]),
            f"{whose} give a self-assessed or draft level beside the settled one: the levels "
            f"read are those under {_headings(read, texts)}; those under "
            f"{_headings(aside['self'], texts)} were set aside.",
            "If the levels set aside are the ones to read, delete the other columns or head "
            "them otherwise, then upload the file again.",
        )
    if "target" in aside:
        ctx.add(
            "warning",
            sheet,
            _cells([texts[c][0] for c in aside["target"]]),
            f"The columns headed {_headings(aside['target'], texts)} hold targets, not "
            "assessments: they were not read.",
            "To keep the targets, give them as the action plan: a Target level column beside "
            'the levels, or an "Action plan" sheet.',
        )
    other = [*aside.get("notes", []), *aside.get("summary", [])]
    if other:
        ctx.add(
            "warning",
            sheet,
            _cells([texts[c][0] for c in sorted(other)]),
            f"The columns headed {_headings(sorted(other), texts)} beside the levels hold no "
            "assessment's levels: they were not read.",
            "Nothing to do for the levels.",
        )


def say_empty(ctx: ReadContext, sheet: Sheet, labels: list[str]) -> None:
    """A warning for the rounds whose columns hold no level in any row."""
    shown = ", ".join(quoted(label) for label in labels[:_SHOWN])
    ctx.add(
        "warning",
        sheet,
        None,
        f"No level is given under {shown}{f', {ELLIPSIS}' if len(labels) > _SHOWN else ''}: "
        f"no assessment was read for {'that round' if len(labels) == 1 else 'those rounds'}.",
        "Nothing to do if that round was not assessed; otherwise fill in its levels.",
    )


def say_unsure(
    ctx: ReadContext,
    sheet: Sheet,
    choice: Choice,
    texts: Mapping[int, tuple[str, str]],
    whose: str = "round",
) -> None:
    """The error for columns of one capability (or country) and round that could each hold
    its level: none of the table is read. ``whose`` the columns' owner and round in words
    ("capability and round")."""
    ctx.add(
        "error",
        sheet,
        _cells([texts[c][0] for c in choice.unsure]),
        f"Several columns of the same {whose} are headed "
        f"{_headings(choice.unsure, texts)}, and nothing says which holds its level; the "
        "table was not read.",
        "Head each column with the year or round of its assessment (“2021”, “Baseline "
        "(2021)”), or mark the one to read as “Validated”, or delete the others; then upload "
        "the file again.",
    )
