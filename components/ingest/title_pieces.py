"""A title wrapped around the row that holds its number and level: its pieces joined back.

A narrow column of a PDF wraps a long title over two to five lines, and the converter writes
each line to a row of its own, the number and the level on the line in the middle of the
cell's height: "Research," on one row, "2 | Analysis and | 0" on the next, "Monitoring" on
the row after. The first piece may also carry the remark beside it. Read row by row, the
pieces above the numbered row name a capability roughly, or several ("Offender"), and the
numbered row's level is lost as given twice. Between two pieces, a page's footer and the
header repeated on the next page may come ("Notice and Takedown", then the footer and the
header, then "Procedures").

``join_title_pieces`` joins the rows around each numbered row (or, in a table without a
number column, each row holding a level) with the pieces above and below it, page furniture
between them left out, when the joined text is exactly that item's title and the numbered
row's text alone is not: of the ways to join them, the one with the fewest pieces (two ways
with as few give none). A continuation whose cells a Text to Columns split set one column
left ("Monitoring" under No., its level "2" under Capability) is a piece too, its value the
level. What is joined is said in the wrapped titles' warning (``wrapped_titles``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from components.ingest.matching import Catalogue, is_exact_title, match_item
from components.ingest.sheets import Sheet
from components.ingest.values import is_blank

# A title wraps over five lines at most: four pieces on one side of its number's row.
_MOST_PIECES = 4
# A level set one column left: a short value (a number, "3", "Established").
_LEVEL_CHARS = 20


@dataclass(frozen=True)
class Columns:
    """Where a table's title, number, level and metadata are (``None`` when it has none)."""

    title: int
    number: int | None
    level: int | None
    meta: tuple[int, ...]
    catalogue: Catalogue


# (sheet, first row, last row, the joined title): joins the rows into one.
Join = Callable[[Sheet, int, int, str], None]


def join_title_pieces(
    sheet: Sheet,
    at: Columns,
    *,
    first: int,
    pieces: list[bool],
    skipped: Collection[int],
    join: Join,
) -> tuple[list[tuple[int, int]], list[int]]:
    """Join, from row ``first`` on, each title whose pieces lie around its numbered row (see
    the module); ``pieces`` says per row whether it may hold a piece (text under the title's
    heading and no number, found for whole columns at once), and ``skipped`` rows (page
    furniture, blanked) lie between pieces unseen. The ranges of rows joined, first to last,
    and the rows whose level was set one column left."""
    joined: list[tuple[int, int]] = []
    moved: list[int] = []
    free = first
    rows = sheet.rows
    for row in _next_to(sheet, at, pieces, skipped, (first, len(rows))):
        if row < free or not rows[row]:
            continue
        anchor = _anchor(sheet, row, at)
        if anchor is None:
            continue
        text, given = anchor
        above = _pieces(sheet, at, row, (-1, free), skipped)
        below = _pieces(sheet, at, row, (1, len(rows)), skipped)
        found = _best(text, given, above, below, at.catalogue)
        if found is None:
            continue
        up, down, title = found
        start = above[up - 1][0] if up else row
        end = below[down - 1][0] if down else row
        level = below[down - 1][2] if down else None
        if level is not None and at.level is not None and end != row:
            # The last piece set one column left: its value is the level, under Level.
            rows[end] = _placed(at.level, level)
            moved.append(end)
        join(sheet, start, end, title)
        joined.append((start, end))
        free = end + 1
    return joined, moved


def _next_to(
    sheet: Sheet, at: Columns, pieces: list[bool], skipped: Collection[int], bounds: tuple[int, int]
) -> list[int]:
    """The rows next to a row that may hold a piece (page furniture between them aside): the
    only rows that may hold a wrapped title's number. A row under a title's heading holding no
    text while its No. cell does (a continuation set one column left) may be a piece too."""
    first, end = bounds
    flagged = [row for row in range(first, end) if pieces[row]]
    if at.number is not None and at.number < at.title:
        heads = sheet.column(at.title, first, end)
        # Rows with no text under the title's heading first (a table's rows have their title).
        bare = [first + i for i, head in enumerate(heads) if type(head) is not str]
        flagged += [row for row in bare if isinstance(sheet.value(row, at.number), str)]
    near: set[int] = set()
    for row in flagged:
        for step in (-1, 1):
            here = row + step
            while here in skipped:
                here += step
            if first <= here < end:
                near.add(here)
    return sorted(near)


def _anchor(sheet: Sheet, row: int, at: Columns) -> tuple[str, int | None] | None:
    """A row that holds a title's number (or, with no number column, its level) beside a
    piece of the title or none: its text, and the number it gives."""
    value = sheet.value(row, at.title)
    if value is not None and not isinstance(value, str):
        return None
    text = value.strip() if isinstance(value, str) else ""
    if any(not is_blank(sheet.value(row, column)) for column in at.meta):
        return None  # a long table's row: its own assessment's, not wrapped
    if at.number is None:
        level = at.level is not None and not is_blank(sheet.value(row, at.level))
        return (text, None) if text and level and not is_exact_title(text, at.catalogue) else None
    key = sheet.value(row, at.number)
    if is_blank(key):
        return None
    by_number = match_item(key, at.catalogue)
    if by_number.how != "number" or by_number.note or by_number.number is None:
        return None
    if text and _title_number(text, at.catalogue) == by_number.number:
        return None  # the whole title already
    return text, by_number.number


# A piece: its row, its text, and the level it holds when set one column left.
Piece = tuple[int, str, Any]


def _pieces(
    sheet: Sheet, at: Columns, row: int, way: tuple[int, int], skipped: Collection[int]
) -> list[Piece]:
    """The rows next to ``row`` (above for a ``way`` of (-1, bound), below for (1, bound), up
    to the bound) that may hold a piece of its title, nearest first."""
    step, bound = way
    found: list[Piece] = []
    here = row + step
    while len(found) < _MOST_PIECES and (here >= bound if step < 0 else here < bound):
        if here in skipped:
            here += step
            continue
        piece = _piece(sheet, here, at, last=step > 0)
        if piece is None or (step < 0 and piece[2] is not None):
            break  # above, a row with a level is an item's row of its own
        found.append(piece)
        if piece[2] is not None:
            break  # a level ends the title
        here += step
    return found


def _piece(sheet: Sheet, row: int, at: Columns, *, last: bool) -> Piece | None:
    """A row holding a piece of a title: text under the title's heading with no number or
    metadata of its own (nor a title of its own), or, below it (``last``), the text and its
    level set one column left."""
    cells = sheet.rows[row]
    value = sheet.value(row, at.title)
    own = (at.number,) if at.number is not None else ()
    if isinstance(value, str) and value.strip():
        if any(not is_blank(sheet.value(row, column)) for column in (*own, *at.meta)):
            return None
        if _title_number(value, at.catalogue) is not None:
            return None  # a title of its own
        return row, value.strip(), None
    if not last:
        return None
    # "Monitoring | 2" from under No.: text, then one short value, nothing else in the row.
    filled = [(column, v) for column, v in enumerate(cells) if not is_blank(v)]
    if len(filled) != 2 or filled[0][0] >= at.title or filled[1][0] != filled[0][0] + 1:
        return None
    text, level = filled[0][1], filled[1][1]
    if at.number is not None and filled[0][0] != at.number and filled[1][0] != at.title:
        return None
    if not isinstance(text, str) or _title_number(text, at.catalogue) is not None:
        return None
    if isinstance(level, str) and len(level) > _LEVEL_CHARS:
        return None
    return row, text.strip(), level


def _best(
    text: str,
    given: int | None,
    above: list[Piece],
    below: list[Piece],
    catalogue: Catalogue,
) -> tuple[int, int, str] | None:
    """The fewest pieces above and below the anchor's ``text`` that make its title exactly:
    (pieces above, pieces below, the title); ``None`` when none do or two ways do alike."""
    for count in range(1, len(above) + len(below) + 1):
        ways = []
        for up in range(min(count, len(above)) + 1):
            down = count - up
            if down > len(below):
                continue
            parts = [p[1] for p in reversed(above[:up])] + [text] + [p[1] for p in below[:down]]
            joined = _joined(parts)
            number = _title_number(joined, catalogue)
            if number is not None and (given is None or number == given):
                ways.append((up, down, joined))
        if ways:
            return ways[0] if len(ways) == 1 else None
    return None


def _joined(parts: list[str]) -> str:
    """A title's pieces as one: "Enforce-" and "ment" join without the hyphen."""
    text = ""
    for part in parts:
        if not part:
            continue
        if text.endswith("-") and not text.endswith(" -") and part[:1].islower():
            text = text[:-1] + part
        else:
            text = f"{text} {part}" if text else part
    return text


def _title_number(text: str, catalogue: Catalogue) -> int | None:
    """The number of the item ``text`` is the title of, exactly (case and punctuation aside)."""
    return match_item(text, catalogue).number if is_exact_title(text, catalogue) else None


def _placed(column: int, level: Any) -> tuple[Any, ...]:
    """A piece's row once its level, set one column left, is back under Level (``column``;
    its text is joined into the title by the caller)."""
    return (None,) * column + (level,)
