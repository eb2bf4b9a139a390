"""A capability's title and its level in one cell: two columns of a PDF merged into one.

A PDF converter that misses the line between two columns of a table puts both in one cell:
"Leadership 3" under "Capability Level", "Research, Analysis and Monitoring 1". Read as a
level, the cell is no level; a person reads the title and the level. So does
``split_title_levels``, for a table's level column in which most filled cells (and
``MIN_KEY_MATCHES`` at least) are a title of the table's catalogue, exactly as the framework
writes it (its number before it or not), then its level on the scale after a space, a dash or
a colon ("Leadership 3", "1. Leadership – 3", "Legislation: 3 - Established"):

- each such cell is read as its level, once the title is checked against the row's own
  number or title: a row whose cell names another item than its number is an error naming
  both cells, its level not used (which one is meant is not guessed);
- a cell holding the row's title alone is its capability not assessed;
- a row whose number cell is blank is the item its cell names;
- the other cells are read as any level cell (and reported when they are no level);
- one warning per column says where the levels came from, with an example.

A form typed as lines ("Leadership 3" alone in its row, no table) is ``text_forms``'.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from components.base.text import count_of
from components.ingest.layout import MIN_KEY_MATCHES
from components.ingest.matching import Catalogue, exact_reference, match_item
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.values import parse_level

# Where a title may end and its level begin: a space before a digit, a colon, an equals sign,
# a dash between spaces or a long dash.
_SPLIT = re.compile(r"\s+(?=\d)|\s*(?::|=|\s-\s|[–—])\s*")
# An item's reference before its title ("1.", "Capability 1:"): no title by itself, so "3" in
# "3 - Established" (a level and its label) is no capability 3.
_REFERENCE = re.compile(r"^\s*(?:[^\W\d_]+\.?\s*)?\d{1,2}\s*[.):\-–—]?\s*")
_WORD = re.compile(r"[^\W\d_]{3}")


def split_title_levels(
    ctx: ReadContext,
    sheet: Sheet,
    header: int,
    columns: Mapping[str, int],
    end: int,
    *,
    catalogue: Catalogue,
) -> None:
    """Read the level column's cells that hold a title of ``catalogue`` and its level as their
    level (see the module): the sheet's cells are changed in place, and the change said."""
    level = columns["level"]
    values = sheet.column(level, header + 1, end)
    # Each distinct text once, and none at all in a column of numbers (the usual case).
    read = {
        value: found
        for value in set(values)
        if isinstance(value, str)
        and _WORD.search(value)
        and not _is_level(ctx, value)
        and (found := _title_and_level(ctx, value, catalogue)) is not None
    }
    if not read:
        return
    split = {
        header + 1 + index: read[value] for index, value in enumerate(values) if value in read
    }  # row -> (number, the level written)
    filled = sum(value is not None for value in values)
    levelled = [row for row, (_, written) in split.items() if written is not None]
    if len(levelled) < MIN_KEY_MATCHES or 2 * len(levelled) < filled:
        return
    first = levelled[0]
    example = sheet.value(first, level)
    for row, (number, written) in split.items():
        key = _row_key(sheet, row, columns, catalogue)
        agrees = key is None or key[1] == number
        if not agrees:
            _say_other_item(ctx, sheet, (row, level), key, (number, catalogue))
        _set(sheet, row, level, written if agrees else None)
        if key is None and "number" in columns and sheet.value(row, columns["number"]) is None:
            _set(sheet, row, columns["number"], number)  # its number left blank: the title's
    cells = [cell_address(row, level) for row in levelled]
    more = len(cells) > 1
    ctx.add(
        "warning",
        sheet,
        cells[0],
        f"The cells {cells[0]}:{cells[-1]} hold the {catalogue.kind}'s title and its level "
        f"together, such as {quoted(example)} in {cell_address(first, level)} (two columns "
        f"of a PDF merged into one, most likely): the level{'s' if more else ''} of "
        f"{count_of(len(cells), catalogue.kind)} {'were' if more else 'was'} read from the end "
        f"of {'them' if more else 'it'}.",
        "Check the levels read. To be sure, split the column in two (Data > Text to Columns) "
        f"with the {catalogue.kind}'s title in one column and its level in the other.",
    )


def _is_level(ctx: ReadContext, value: str) -> bool:
    """Whether the cell is a level as it is, with nothing to say ("2 - Developing"; not
    "1. Leadership 3", whose number would be read with a warning), read as the level cells
    are read (and kept for them: the reading is the same)."""
    scale = ctx.framework.scale
    reading = ctx.cached("level", value, lambda v: parse_level(v, scale))
    return reading.level is not None and not reading.error and not reading.warning


def _title_and_level(
    ctx: ReadContext, text: str, catalogue: Catalogue
) -> tuple[int, str | None] | None:
    """(the item's number, the level written after it, or ``None`` for its title alone) of a
    cell that names one item exactly, followed by one level on the scale or by nothing."""
    alone = exact_reference(text, catalogue)
    if alone is not None and not any(ch.isdigit() for ch in text):
        return alone, None
    found: dict[tuple[int, int], str] = {}  # (number, level) -> the level as written
    for cut in _SPLIT.finditer(text):
        head, tail = text[: cut.start()], text[cut.end() :].strip()
        titled = tail and _WORD.search(_REFERENCE.sub("", head, count=1))
        number = exact_reference(head, catalogue) if titled else None
        if number is None:
            continue
        reading = parse_level(tail, ctx.framework.scale)
        if reading.level is not None and not reading.error:
            found.setdefault((number, reading.level), tail)  # "3 - Established": its first cut
    if len(found) != 1:
        return None  # none, or two readings that differ
    ((number, _), tail), *_ = found.items()
    return number, tail


def _row_key(
    sheet: Sheet, row: int, columns: Mapping[str, int], catalogue: Catalogue
) -> tuple[int, int] | None:
    """(column, number) of the row's own number or title cell that names an item, if any."""
    for field in ("number", catalogue.kind):
        column = columns.get(field)
        if column is None or sheet.value(row, column) is None:
            continue
        number = match_item(sheet.value(row, column), catalogue).number
        if number is not None:
            return column, number
    return None


def _say_other_item(
    ctx: ReadContext,
    sheet: Sheet,
    cell: tuple[int, int],
    key: tuple[int, int],
    named: tuple[int, Catalogue],
) -> None:
    (row, level), (column, number), (other, catalogue) = cell, key, named
    here, there = cell_address(row, level), cell_address(row, column)
    ctx.add(
        "error",
        sheet,
        here,
        f"{quoted(sheet.value(row, level))} in {here} names {catalogue.describe(other)}, but "
        f"{there} says {catalogue.describe(number)}; the row's level was not used.",
        f"Make {here} and {there} name the same {catalogue.kind}.",
    )


def _set(sheet: Sheet, row: int, column: int, value: Any) -> None:
    cells = list(sheet.rows[row])
    cells.extend([None] * (column + 1 - len(cells)))
    cells[column] = value
    sheet.rows[row] = tuple(cells)
    sheet.columns = None  # the rows changed: the columns no longer say the same
