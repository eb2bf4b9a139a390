"""Lines of text split into a cell per word, as Text to Columns at spaces leaves PDF text.

Text copied out of a PDF comes one line a row ("4 Dedicated Law Enforcement 2"); Excel's Data
> Text to Columns with the space as the delimiter then puts each word in a cell of its own:
"4 | Dedicated | Law | Enforcement | 2", the title "Georgia | MNR | Self-Assessment | 2024".
Read as a table, the second word of each title sits under Level ("“Law” is not a level"), and
the title names no country. Such a sheet is the lines it came from: ``join_word_cells`` joins
each row of one-word cells back into one line in its first cell, for the reader to read as the
form typed as lines it is (``text_forms``: a number, a title and a level on a line; a title
wrapped onto the next line), with a warning.

A sheet is taken for one only when every row of two cells or more is one word a cell, side by
side from the first column, and several rows (``MIN_KEY_MATCHES``) join into a capability's
number, its title split over two cells at least, and a level: a table whose cells are words
because its titles are one word ("Leadership") is no such sheet.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from components.ingest.layout import MIN_KEY_MATCHES
from components.ingest.matching import is_exact_title, match_item
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted

# "4 Dedicated Law Enforcement 2": a number, the title's words, a level (a number).
_LINE = re.compile(r"^(\d{1,2})\.?\s+(.+?)\s+(\d)$")
# PDF text of a table is short: a longer sheet is a table (and is passed over fast).
_MOST_ROWS = 300
# A word of the line: no space inside (a cell with one is a table's, not a split line's).
_WORD = re.compile(r"\S+")


def _word(value: Any) -> str | None:
    """A cell as the word Text to Columns made it: "Law", "2" (a number as it was typed)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return f"{value:g}"
    if isinstance(value, str) and _WORD.fullmatch(value.strip()):
        return value.strip()
    return None


def _words(cells: tuple[Any, ...]) -> list[str] | None:
    """A row's words when it is two cells or more, one word each, side by side from column A
    (trailing blanks are trimmed); ``None`` for any other row."""
    if len(cells) < 2:
        return None
    words = [_word(value) for value in cells]
    return None if any(word is None for word in words) else [w for w in words if w]


def join_word_cells(ctx: ReadContext, sheets: list[Sheet]) -> list[Sheet]:
    """``sheets`` with each sheet of lines split at spaces joined back (see the module)."""
    return [_joined(ctx, sheet) for sheet in sheets]


def _joined(ctx: ReadContext, sheet: Sheet) -> Sheet:
    if len(sheet.rows) > _MOST_ROWS:
        return sheet
    split: list[tuple[int, list[str]]] = []
    for row, cells in enumerate(sheet.rows):
        if len(cells) < 2:
            continue
        words = _words(cells)
        if words is None:
            return sheet  # a row of the table's own cells: a table, not split lines
        split.append((row, words))
    titled = [row for row, words in split if _splits_a_title(ctx, words)]
    if len(titled) < MIN_KEY_MATCHES:
        return sheet
    rows = list(sheet.rows)
    for row, words in split:
        rows[row] = (" ".join(words),)
    first = split[0][0]
    ctx.add(
        "warning",
        sheet,
        cell_address(first, 0),
        f"The rows of {'sheet ' + quoted(sheet.name) if sheet.name else 'the file'} hold one "
        "word a cell, as text from a PDF split at each space with Text to Columns; each row's "
        f"words were read as the line they came from (rows {first + 1} to {split[-1][0] + 1}), "
        f"such as {quoted(rows[titled[0]][0])}.",
        "Check the levels read. To be sure, put each capability's number, title and level in "
        "three columns headed No., Capability and Level.",
    )
    return dataclasses.replace(sheet, rows=rows, columns=None, merged_down=[])


def _splits_a_title(ctx: ReadContext, words: list[str]) -> bool:
    """Whether a row's words are a capability's number, its title over two cells at least,
    and a level."""
    found = _LINE.match(" ".join(words)) if len(words) >= 4 else None
    if found is None:
        return False
    title = found.group(2)
    number = match_item(title, ctx.capabilities).number
    return is_exact_title(title, ctx.capabilities) and number == int(found.group(1))
