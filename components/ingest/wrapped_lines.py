"""A form typed as lines whose long titles wrapped onto the next line, as PDF text does.

Text copied out of a PDF keeps the PDF's line breaks: a row of its table whose title is too
long for the column comes as two lines, "10 Compensation, Remedies and" then "Complaints
Arrangements 4", each pasted into a row of its own. Read line by line (``text_forms``), the
first names capability 10 with no level, and the second names nothing. ``join_wrapped_lines``
joins such lines back: a line starting with a capability's number that does not read whole
(its level is not at its end), and the one to three lines under it that start with no number,
when together they read as that capability's number, exact title and level. A line of page
furniture between them ("Albania MNR assessment 2023 Page 7 of 18", the header again) is
passed over. The caller says what was joined, once the lines are read as a form.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any

from components.ingest.running_lines import marked_text
from components.ingest.sheets import ReadContext, Sheet, cell_address

# A line that wraps over more than four lines is a note, not a title.
_MOST_LINES = 3
# A line starting with a number: an item's own line, never the rest of one above it.
_NUMBERED = re.compile(r"^\s*\d")
# A line's last word, when it is a number (a level on the title's first line).
_LAST_WORD = re.compile(r"^(.*\S)\s+(\d)$")

# What a line reads as: the capability it gives with its level at its end, else ``None``.
Reads = Callable[[str], int | None]


def _text(cells: tuple[Any, ...]) -> tuple[int, str] | None:
    """(column, text) of a row holding one text alone."""
    filled = [(column, value) for column, value in enumerate(cells) if value is not None]
    if len(filled) != 1 or not isinstance(filled[0][1], str):
        return None
    return filled[0][0], " ".join(filled[0][1].split())


def join_wrapped_lines(sheet: Sheet, reads: Reads) -> tuple[Sheet, list[tuple[int, int]]]:
    """``sheet`` with each wrapped line joined to the line it carries on (see the module), and
    the rows joined, first to last (``sheet`` itself when none are)."""
    rows = list(sheet.rows)
    joined: list[tuple[int, int]] = []
    for row, cells in enumerate(rows):
        line = _text(cells)
        if line is None or not _NUMBERED.match(line[1]) or reads(line[1]) is not None:
            continue
        column, text = line
        found = _rest(rows, row, column, text, reads)
        if found is None:
            continue
        below, whole = found
        rows[row] = (*cells[:column], whole)
        for gone in range(row + 1, below + 1):
            if not _furniture(rows[gone]):
                rows[gone] = ()
        joined.append((row, below))
    if not joined:
        return sheet, []
    return dataclasses.replace(sheet, rows=rows, columns=None), joined


def _rest(
    rows: list[tuple[Any, ...]], row: int, column: int, text: str, reads: Reads
) -> tuple[int, str] | None:
    """The last row of the lines that complete ``text`` (a numbered line in ``row``) and the
    whole line they make, its level at its end: the level on the last line, or on the first
    when its words alone name no one capability ("6 Offender 0" over "Management Process")."""
    number = _leading_number(text)
    level = _LAST_WORD.match(text)
    parts = [text]
    below = row + 1
    for _ in range(_MOST_LINES):
        while below < len(rows) and _furniture(rows[below]):
            below += 1
        rest = _text(rows[below]) if below < len(rows) else None
        if rest is None or rest[0] != column or _NUMBERED.match(rest[1]):
            return None
        parts.append(rest[1])
        whole = " ".join(parts)
        if reads(whole) == number:
            return below, whole
        if level is not None:
            moved = " ".join([level.group(1), *parts[1:], level.group(2)])
            if reads(moved) == number:
                return below, moved
        below += 1
    return None


def _leading_number(text: str) -> int | None:
    found = re.match(r"^\s*(\d{1,2})\b", text)
    return int(found.group(1)) if found else None


def _furniture(cells: tuple[Any, ...]) -> bool:
    """A page's line between two lines of a title: blank, or a line with its page's number."""
    line = _text(cells)
    if not any(value is not None for value in cells):
        return True
    return line is not None and marked_text(line[1]) is not None


def say_wrapped_lines(ctx: ReadContext, sheet: Sheet, joined: list[tuple[int, int]]) -> None:
    """Say which lines were joined as one capability's line (an assumption), if any were."""
    if not joined:
        return
    spans = ", ".join(f"{first + 1} to {last + 1}" for first, last in joined)
    ctx.add(
        "warning",
        sheet,
        cell_address(joined[0][0], 0),
        "Some capabilities' lines were wrapped onto the next line (as text copied from a PDF "
        f"often is); each was read as one line: rows {spans}.",
        "If one of those lines is a separate entry, give it its own number and title.",
    )
