"""Levels shown only by the fill colour of their cells: read from the file's colour key, or
refused.

A traffic-light assessment leaves its Level cells empty and fills each one red, orange,
yellow or green, with a key somewhere in the workbook (beside the table, above it, or on a
"Key" sheet): a cell filled with each colour next to (or holding) its level, "0 – Not in
place" … "4 – Mature". A person reads every level from the key; so does the reader:

* only for an assessment with no level read at all whose level cells are empty and mostly
  filled, with at least two colours (one colour everywhere is a template's input shading;
  two colours alternating row by row are banded rows, not levels);
* the key is a run of filled cells in one column or one row, each with a level (its own text,
  or the cell to its right), every colour one level and every level one colour; keys found
  in several places must agree, else nothing is read;
* a level cell's colour matches a key's exactly, or is within a hair of one key colour and
  far from every other (a colour picked again by hand): said. A colour not in the key, and a
  cell left unfilled, are "not assessed", said in the warning;
* the levels read are said in a warning naming the key, so the person can check them.

With no key, three colours or more on the level cells are a level each, but which is which
cannot be told (red may be 0 or 4): the assessment is refused with a message saying so and
how to fix it (type the numbers, or add a key), never kept empty as "not assessed".
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from components.ingest.cell_formats import all_fills, rgb, sheet_fills
from components.ingest.drafts import Draft
from components.ingest.nothing_read import has_level
from components.ingest.sheets import WORKBOOK_KEY, ReadContext, Sheet, cell_address, quoted
from components.ingest.values import is_blank, parse_level

# A colour picked again by hand differs by a few units per channel: within this, a level
# cell's colour is a key's colour when no other key colour is within three times as much.
_NEAR = 12
_MIN_KEY = 2  # entries a key has at least
_MIN_GUESSABLE = 3  # colours that show levels even without a key (red, amber, green)
_TYPE = (
    "Type each level (0 to 4, or its label, such as “2 - Developing”) in its cell (the colour "
    "can stay)"
)


@dataclass(frozen=True)
class Key:
    """A colour key: colour -> level, and where it is ("Key!A2:A6")."""

    levels: dict[str, int]
    where: str


def read_colour_levels(
    ctx: ReadContext, sheets: Sequence[Sheet], drafts: list[Draft]
) -> list[Draft]:
    """The drafts, with the levels of those shown only by fill colours read from the
    workbook's colour key (said); those coloured in with no key are left out (said)."""
    if WORKBOOK_KEY not in ctx.memo or all(has_level(d) for d in drafts):
        return drafts  # the usual case: no fill is looked at
    kept = []
    for draft in drafts:
        cells = None if has_level(draft) else _coloured_cells(ctx, draft)
        if cells is None:
            kept.append(draft)
            continue
        key = _find_key(ctx, sheets, draft, cells)
        if key is not None:
            _read_by_key(ctx, draft, cells, key)
            kept.append(draft)
        elif len(set(cells.values()) - {None}) >= _MIN_GUESSABLE:
            _refuse(ctx, draft, cells)
        else:
            kept.append(draft)
    return kept


def _coloured_cells(ctx: ReadContext, draft: Draft) -> dict[tuple[str, int], str | None] | None:
    """(kind, number) -> its level cell's colour (``None``: no fill), when the level cells
    are empty and most are filled with two colours or more, not in bands; else ``None``."""
    if not draft.first_cell or draft.sheet.name is None:
        return None
    fills = sheet_fills(ctx, draft.sheet.name)
    if not fills:
        return None
    cells: dict[tuple[str, int], str | None] = {}
    rows: dict[int, str] = {}
    for item, address in draft.first_cell.items():
        row, column = _position(address)
        if not is_blank(draft.sheet.value(row, column)):
            return None
        cells[item] = fills.get((row, column))
        if cells[item] is not None:
            rows[row] = cells[item]  # type: ignore[assignment]
    colours = set(rows.values())
    if 2 * len(rows) < len(cells) or len(colours) < 2:
        return None
    if len(colours) == 2 and len({(row % 2, colour) for row, colour in rows.items()}) == 2:
        return None  # banded rows: one colour on odd rows, the other on even ones
    return cells


def _find_key(
    ctx: ReadContext,
    sheets: Sequence[Sheet],
    draft: Draft,
    cells: dict[tuple[str, int], str | None],
) -> Key | None:
    """The workbook's colour key, when one is found and every key found agrees."""
    by_name = {sheet.name: sheet for sheet in sheets if sheet.name is not None}
    own = {_position(address) for address in draft.first_cell.values()}
    runs: dict[tuple[str, str, int], list[tuple[int, int, str, int]]] = defaultdict(list)
    for name, fills in all_fills(ctx).items():
        sheet = by_name.get(name)
        if sheet is None:
            continue
        for (row, column), colour in fills.items():
            if name == draft.sheet.name and (row, column) in own:
                continue
            level = _level(ctx, sheet, row, column)
            if level is not None:
                runs[name, "column", column].append((row, column, colour, level))
                runs[name, "row", row].append((row, column, colour, level))
    keys = [key for (name, _, _), entries in runs.items() if (key := _key(name, entries))]
    if not keys:
        return None
    levels: dict[str, int] = {}
    for key in keys:
        for colour, level in key.levels.items():
            if levels.setdefault(colour, level) != level:
                return None  # two keys give one colour two levels: which is meant?
    if len(set(levels.values())) != len(levels):
        return None
    where = " and ".join(dict.fromkeys(k.where for k in keys))
    return Key(levels, where)


def _level(ctx: ReadContext, sheet: Sheet, row: int, column: int) -> int | None:
    """The level a key's coloured cell stands for: its own text, else its right neighbour's."""
    for value in (sheet.value(row, column), sheet.value(row, column + 1)):
        if is_blank(value) or isinstance(value, bool):
            continue
        reading = parse_level(value, ctx.framework.scale)
        if reading.level is not None and not reading.error and not reading.warning:
            return reading.level
        return None  # text that is no level ("Not assessed", a heading): no entry
    return None


def _key(sheet: str, entries: list[tuple[int, int, str, int]]) -> Key | None:
    """A key from a run of entries in one column or row: each colour one level and each
    level one colour, close together (no more blank lines between them than entries)."""
    if len(entries) < _MIN_KEY:
        return None
    colours = {colour for _, _, colour, _ in entries}
    levels = {level for _, _, _, level in entries}
    pairs = {(colour, level) for _, _, colour, level in entries}
    if not len(pairs) == len(colours) == len(levels):
        return None
    places = sorted((row, column) for row, column, _, _ in entries)
    reach = max(places[-1][0] - places[0][0], places[-1][1] - places[0][1]) + 1
    if reach > 2 * len(entries):
        return None
    first, last = places[0], places[-1]
    return Key(
        dict(pairs), f"{cell_address(*first)}:{cell_address(*last)} of sheet {quoted(sheet)}"
    )


def _read_by_key(
    ctx: ReadContext, draft: Draft, cells: dict[tuple[str, int], str | None], key: Key
) -> None:
    unknown: list[str] = []
    near: list[str] = []
    blank = 0
    for item, colour in cells.items():
        kind, number = item
        level = None
        if colour is None:
            blank += 1
        elif colour in key.levels:
            level = key.levels[colour]
        elif (level := _near(colour, key)) is not None:
            near.append(draft.first_cell[item])
        else:
            unknown.append(draft.first_cell[item])
        _, evidence, confidence = draft.items[kind].get(number, (None, None, None))
        draft.items[kind][number] = (level, evidence, confidence)
    pairs = ", ".join(
        f"{colour} = {level}" for colour, level in sorted(key.levels.items(), key=lambda p: p[1])
    )
    notes = []
    if blank:
        notes.append(f"{blank} cell(s) with no fill were read as not assessed")
    if near:
        notes.append(
            f"{_list(near)} {_are(near)} filled with a colour a shade off the key's, read as the "
            "closest"
        )
    if unknown:
        notes.append(
            f"{_list(unknown)} {_are(unknown)} filled with a colour the key does not have, so "
            "read as not assessed"
        )
    more = "".join(f" {note[0].upper()}{note[1:]}." for note in notes)
    ctx.add(
        "warning",
        draft.sheet,
        _span(draft),
        f"The level cells of {draft.name} are empty and only filled with colours: each level "
        f"was read from its cell's colour, by the colour key at {key.where} ({pairs}).{more} "
        "Check the levels read.",
        f"{_TYPE}, and upload the file again, to be sure of each level.",
    )


def _near(colour: str, key: Key) -> int | None:
    mine = rgb(colour)
    if mine is None:
        return None
    distances = sorted(
        (max(abs(a - b) for a, b in zip(mine, theirs, strict=True)), level)
        for other, level in key.levels.items()
        if (theirs := rgb(other)) is not None
    )
    if not distances or distances[0][0] > _NEAR:
        return None
    if len(distances) > 1 and distances[1][0] <= 3 * max(distances[0][0], 1):
        return None
    return distances[0][1]


def _refuse(ctx: ReadContext, draft: Draft, cells: dict[tuple[str, int], str | None]) -> None:
    count = Counter(colour for colour in cells.values() if colour is not None)
    ctx.add(
        "error",
        draft.sheet,
        _span(draft),
        f"The level cells of {draft.name} are empty and filled with {len(count)} different "
        "colours: the levels seem to be shown by colour only, and the file has no colour key "
        "saying which colour is which level, so no level was read; it was not read as an "
        "assessment.",
        f"{_TYPE}; or add a colour key beside the table (a cell filled with each colour next "
        "to its level, “0 – Not in place” to “4 – Mature”); then upload the file again.",
    )


def _span(draft: Draft) -> str:
    cells = sorted(_position(a) for a in draft.first_cell.values())
    first, last = cells[0], cells[-1]
    columns = {column for _, column in cells}
    if first == last:
        return cell_address(*first)
    if len(columns) == 1:
        return f"{cell_address(*first)}:{cell_address(*last)}"
    return f"{cell_address(*first)} … {cell_address(*last)}"


def _list(addresses: list[str]) -> str:
    return ", ".join(addresses[:5]) + (" …" if len(addresses) > 5 else "")


def _are(addresses: list[str]) -> str:
    return "is" if len(addresses) == 1 else "are"


def _position(address: str) -> tuple[int, int]:
    letters, row = coordinate_from_string(address)
    return row - 1, column_index_from_string(letters) - 1
