"""A key of the scale anywhere in the workbook, and what it says about the levels' numbers.

People often put a key of the scale beside the table, below it or on a sheet of its own
("Key", "Legend", "Scale"): each level's number with its label, in two cells ("1 | Not in
place", under a "Score | Meaning" header) or in one ("1 = Not in place", "1 - Not in place",
"1: Not in place", or all five in one cell, a line each or one after the other
"5 = Mature, 4 = Established, …"). The labels are the scale's own, in
the vocabulary's languages ("1 = Pas en place", "5 = Maduro").

* A key that numbers the labels from 1 ("1 = Not in place" … "5 = Mature") says the sheet's
  numbers are on a scale of 1 to 5: a 1 there is our 0. Read as they are, every level would be
  one too high, and a column scored 1 to 4 has no 5 to show it. So ``legend_scale_problem``
  makes ``level_columns`` refuse the numbers, as a header "Score (1-5)" does; never shifted.
* A key on the app's own numbers (0 to 4) is fine; its rows are not capabilities, and
  ``legend_rows_in`` gives them to the table reader to leave out.

A key is certain only as a run: at least ``MIN_ENTRIES`` entries in one column, one after the
other, their numbers and levels each going up (or each going down: "5 = Mature" first) by one
together (the same distance apart), and not followed by the next number (a table "No. |
Level" whose first rows read 1 Not in place, 2 Building, 3 Developing goes on with 4). An
entry written as a definition of an end of the scale one too high ("1 = Not in place", "5 =
Mature") counts alone: no level cell is written that way. Rows naming every level once,
numbered the same way, are a key in any order.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from typing import Any

from components.base.text import normalise
from components.framework.model import Scale
from components.ingest.column_values import distinct, whole_column
from components.ingest.level_words import level_names
from components.ingest.own_scale import (
    SHEETS_KEY,
    key_number,
    numbered_key_problem,
    own_scale_problem,
)
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted

# "1 = Not in place", "1 - Not in place", "1: Not in place", "1. Not in place", "(1) Not in
# place", "1 | Not in place" in one cell.
_ENTRY = re.compile(r"^\(?(?P<n>\d{1,2})\s*(?P<sep>=|:|-|–|—|\.|\)|\|)?\s*(?P<label>\D.*)$")
_DEFINITION = "="
# A key's title before its entries in the same cell ("Key: 5 = Mature, 4 = Established, …"),
# and what sets its entries apart: lines, or commas and semicolons on one line.
_DIGIT = re.compile(r"\d")
# A level's name alone in a cell is short; longer text is never one (not normalised).
_LONGEST_NAME = 40
_TITLE = re.compile(r"^\s*[^\W\d_][^:\d\n]{0,24}:\s*(?=\(?\d)")
_APART = re.compile(r"[\n;,·•]|\s/\s")
MIN_ENTRIES = 3
_MEMO_KEY = ("scale legends",)


@dataclass(frozen=True)
class Legend:
    """One key of the scale: where it is, and how far its numbers are from the levels."""

    sheet: str | None
    column: int
    rows: tuple[int, ...]
    offset: int  # number written minus the level it labels: 0 on the app's scale
    first: str  # its first entry as written, to quote
    left: int  # its first column: the numbers' when they have cells of their own
    # Numbered the other way round ("4 = Not in place" … "0 = Mature"): ``offset`` is then
    # the sum of each number and its level.
    reversed: bool = False

    @property
    def cells(self) -> str:
        top, bottom = self.rows[0], self.rows[-1]
        if (top, self.left) == (bottom, self.column):
            return cell_address(top, self.left)  # a key written in one cell
        return f"{cell_address(top, self.left)}:{cell_address(bottom, self.column)}"


def find_legends(ctx: ReadContext, sheets: list[Sheet]) -> list[Legend]:
    """The workbook's keys of the scale, found once and kept for the read."""
    # A text's entries depend on the text and the scale only: read once per distinct text of
    # the workbook (a merged title repeats across its columns, a column of labels down rows).
    entries: dict[str, list[tuple[int, int, str, bool]]] = {}
    legends = [
        legend
        for sheet in sheets
        for legend in _sheet_legends(ctx, sheet, ctx.framework.scale, entries)
    ]
    ctx.memo[_MEMO_KEY] = legends
    ctx.memo[SHEETS_KEY] = sheets  # for a key of the file's own scale, looked for if needed
    return legends


def legend_scale_problem(ctx: ReadContext, values: list[Any]) -> str | None:
    """Why numbers in ``values`` cannot be read as levels because of a key that numbers the
    levels another way, or ``None``. Completes "The column headed “...” ...".

    Words of a key of the file's own scale are refused too (``own_scale``)."""
    if (own := own_scale_problem(ctx, values)) is not None:
        return own
    shifted = [lg for lg in ctx.memo.get(_MEMO_KEY, ()) if lg.offset != 0 or lg.reversed]
    if not shifted or not any(_is_number(v) for v in values):
        # A key of the file's own words or numbering ("1 Absent" … "4 Strong"), if any.
        return numbered_key_problem(ctx, values)
    legend = shifted[0]
    scale = ctx.framework.scale
    if legend.reversed:
        where = f"{legend.cells}" + (f" on sheet {quoted(legend.sheet)}" if legend.sheet else "")
        names = {level.value: level.label for level in scale.levels}
        return (
            f"holds numbers, and the key of the scale at {where} ({quoted(legend.first)}, …) "
            f"numbers the levels the other way round: {legend.offset - scale.minimum} is "
            f"“{names[scale.minimum]}”, where this framework's {scale.minimum} is "
            f"“{names[scale.minimum]}” and {scale.maximum} is “{names[scale.maximum]}”"
        )
    # From where it starts, not "to" where it ends: a key may leave its top level out.
    low = scale.minimum + legend.offset
    where = f"{legend.cells}" + (f" on sheet {quoted(legend.sheet)}" if legend.sheet else "")
    return (
        f"holds numbers, and the key of the scale at {where} ({quoted(legend.first)}, …) numbers "
        f"the levels from {low}, where this framework numbers them from {scale.minimum}"
    )


def legend_rows_in(ctx: ReadContext, sheet: Sheet, columns: set[int]) -> set[int]:
    """The rows of this sheet's keys written in one of the table's ``columns``."""
    return {
        row
        for legend in ctx.memo.get(_MEMO_KEY, ())
        if legend.sheet == sheet.name and legend.column in columns
        for row in legend.rows
    }


def _is_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return not math.isnan(value)  # NaN is blank
    if isinstance(value, str):
        try:
            float(value.strip().replace(",", "."))
        except ValueError:
            return False
        return True
    return False


def _sheet_legends(
    ctx: ReadContext,
    sheet: Sheet,
    scale: Scale,
    known: dict[str, list[tuple[int, int, str, bool]]],
) -> list[Legend]:
    """The keys of the scale on a sheet; ``known`` holds the entries of the texts read so far
    (``_entries`` of the same ``scale``'s names)."""
    names = level_names(scale)
    ends = (scale.minimum, scale.maximum)
    found: list[Legend] = []
    height = len(sheet.rows)
    # The grid's columns when the reader has them: measuring each row is the slow part.
    width = len(sheet.columns) if sheet.columns is not None else sheet.width()
    for column in range(width):
        values = whole_column(sheet, column)
        # Each distinct text looked at once; most columns hold no label at all.
        entries_of = {}
        for v in distinct(ctx, values):
            if isinstance(v, str):
                if (entries := known.get(v)) is None:
                    entries = known[v] = _entries(v, names)
                entries_of[v] = entries
        labels = {v for v in entries_of if len(v) <= _LONGEST_NAME and normalise(v) in names}
        if not any(entries_of.values()) and not labels:
            continue
        beside = sheet.column(column - 1, 0, height) if column and labels else None
        block: list[_Entry] = []  # the entries of consecutive rows
        for row, value in enumerate(values):
            entries = entries_of.get(value) if isinstance(value, str) else None
            if not entries and beside is not None and value in labels:
                number = key_number(beside[row])
                if number is not None:
                    entries = [(number, names[normalise(value)], f"{number} {value}", False)]
            if not entries:
                if block:
                    found.extend(_block_legends(sheet, column, block, beside, ends, names=names))
                    block = []
                continue
            block.extend((row, *entry) for entry in entries)
        found.extend(_block_legends(sheet, column, block, beside, ends, names=names))
    return found


# A key's entry: (row, number, level, the text, written as a definition).
_Entry = tuple[int, int, int, str, bool]


def _block_legends(
    sheet: Sheet,
    column: int,
    block: list[_Entry],
    beside: list[Any] | None,
    ends: tuple[int, int],
    *,
    names: dict[str, int],
) -> list[Legend]:
    """The keys among the entries of consecutive rows: every level once, numbered the same
    way, in any order ("5 = Mature" down to "1 = Not in place", or shuffled); otherwise each
    run going up or down by one."""
    levels = {entry[2] for entry in block}
    offsets = {entry[1] - entry[2] for entry in block}
    if (
        len(block) == len(levels) == len(set(names.values()))
        and len(offsets) == 1
        and offsets <= {0, 1}
        and _step(block) is None
    ):
        return [_whole_key(sheet, column, block, beside, offsets.pop())]
    sums = {entry[1] + entry[2] for entry in block}
    if len(block) == len(levels) == len(set(names.values())) and len(sums) == 1:
        # Every level once, numbered from the top down ("4 = Not in place" … "0 = Mature").
        return [_whole_key(sheet, column, block, beside, sums.pop(), reversed_=True)]
    found: list[Legend] = []
    run: list[_Entry] = []
    for entry in block:
        if run and not _follows(run, entry):
            found.extend(_legend(sheet, column, run, beside, ends, names=names))
            run = []
        run.append(entry)
    found.extend(_legend(sheet, column, run, beside, ends, names=names))
    return found


def _whole_key(
    sheet: Sheet,
    column: int,
    block: list[_Entry],
    beside: list[Any] | None,
    offset: int,
    *,
    reversed_: bool = False,
) -> Legend:
    """The key naming every level once in ``block`` (its numbers in the column to the left
    when they have cells of their own)."""
    rows = tuple(dict.fromkeys(entry[0] for entry in block))
    paired = beside is not None and any(key_number(beside[row]) is not None for row in rows)
    left = column - 1 if paired else column
    return Legend(sheet.name, column, rows, offset, block[0][3], left, reversed=reversed_)


def _step(run: list[_Entry]) -> int | None:
    """+1 or -1 when the run's numbers and levels go up (or down) by one together."""
    if len(run) < 2:
        return 1
    step = run[1][1] - run[0][1]
    if step not in (1, -1):
        return None
    ok = all(b[1] - a[1] == step and b[2] - a[2] == step for a, b in itertools.pairwise(run))
    return step if ok else None


def _follows(run: list[_Entry], entry: _Entry) -> bool:
    last = run[-1]
    steps = (run[1][1] - run[0][1],) if len(run) > 1 else (1, -1)
    return any(entry[1] == last[1] + s and entry[2] == last[2] + s for s in steps)


def _legend(
    sheet: Sheet,
    column: int,
    run: list[_Entry],
    beside: list[Any] | None,
    ends: tuple[int, int],
    *,
    names: dict[str, int],
) -> list[Legend]:
    if not run:
        return []
    if len(run) < MIN_ENTRIES and not any(
        entry[4] and _end_shifted(entry, ends) and _alone(sheet, entry[0]) for entry in run
    ):
        return []  # a lone "5 = Mature" is a key only on a line of its own, not in a table row
    step = _step(run) or 1
    after = run[-1][0] + 1
    if (
        beside is not None
        and after < len(beside)
        and key_number(beside[after]) == run[-1][1] + step
    ):
        return []  # a table goes on: "No. | Level" whose first rows happen to go up
    label_after = sheet.value(after, column) if after < len(sheet.rows) else None
    if isinstance(label_after, str) and names.get(normalise(label_after)) == run[-1][2] + step:
        return []  # the labels go on but the numbers do not: counts per level, not a key
    rows = tuple(dict.fromkeys(entry[0] for entry in run))
    offset = run[0][1] - run[0][2]
    if offset not in (0, 1):
        return []  # numbers that are not a key's (capabilities beside their levels)
    paired = beside is not None and any(key_number(beside[row]) is not None for row in rows)
    return [Legend(sheet.name, column, rows, offset, run[0][3], column - 1 if paired else column)]


def _alone(sheet: Sheet, row: int) -> bool:
    """Whether the row holds one value alone (a key's line, not a row of a table)."""
    return sum(value is not None for value in sheet.rows[row]) == 1


def _end_shifted(entry: _Entry, ends: tuple[int, int]) -> bool:
    """Whether an entry numbers the scale's lowest level 1 or its top one past it ("1 = Not
    in place", "5 = Mature"): a key, as no level cell is written so."""
    _, number, level, _, _ = entry
    return number == level + 1 and level in ends


def _entries(text: str, names: dict[str, int]) -> list[tuple[int, int, str, bool]]:
    """A cell's key entries, a line each: (number, level, the line, written as a definition)."""
    if _DIGIT.search(text) is None:
        return []  # no number, no entry: most of a sheet's text, found in C
    text = _TITLE.sub("", text, count=1)
    if not text[:1].isdigit() and not text.startswith("("):
        return []
    entries = []
    for line in _APART.split(text):
        found = _ENTRY.match(line.strip())
        if found is None:
            continue
        level = names.get(normalise(found["label"]))
        if level is None:
            continue
        defined = found["sep"] == _DEFINITION
        entries.append((int(found["n"]), level, line.strip(), defined))
    return entries
