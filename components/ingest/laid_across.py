"""A table laid across: its fields down one column, one capability per column.

People turn a table on its side to fit a landscape page: "No." on one row with 1 to 21
across, "Capability" below it with the titles, then "Level" and "Evidence". Read row by row,
such a sheet looks like a form whose labels each hold one value, and the levels go astray.
When a column holds, on rows one under another, the labels of the capability (or its number)
and of the level, and the capability's row names capabilities across, the table is read
turned upright, with a warning that says so. The sheet's labels above it (Country, Year)
stay where they are. Messages about its cells name them where they are in the file
(``cell_places``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from components.ingest.cell_places import Place, places_from
from components.ingest.drafts import Draft
from components.ingest.matching import METADATA_FIELDS, classify_header, match_item
from components.ingest.sheets import ReadContext, Sheet, cell_address
from components.ingest.values import is_blank, parse_level

# The labels are looked for in the first columns only, and this far down.
_LABEL_COLUMNS = 3
_SCAN_ROWS = 200
# The capability's row names at least this many capabilities, as a wide table's key does.
_MIN_ITEMS = 3
_ITEM_FIELDS = ("capability", "number", "enabler")


@dataclass(frozen=True)
class Across:
    """Where a table laid across is: its labels in ``column`` on ``rows``, one entry per
    column from ``column + 1`` to ``last``."""

    column: int
    rows: tuple[int, ...]
    last: int

    def place(self, row: int, column: int) -> Place:
        """The file's (row, column) of a cell of the upright table (see ``upright``)."""
        top = self.rows[0]
        if row < top or column >= len(self.rows):
            return row, column
        return self.rows[column], self.column + (row - top)


def find_across(ctx: ReadContext, sheet: Sheet) -> Across | None:
    """The sheet's table laid across, or ``None`` when it has none."""
    height = min(len(sheet.rows), _SCAN_ROWS)
    for column in range(_LABEL_COLUMNS):
        values = sheet.column(column, 0, height)
        # Each distinct text classified once: a long table's column repeats its countries.
        fields = {v: classify_header(v) for v in set(values) if isinstance(v, str) and len(v) < 60}
        run: list[tuple[int, str]] = []
        for row, value in enumerate([*values, None]):
            field = fields.get(value) if isinstance(value, str) else None
            if field is not None:
                run.append((row, field))
                continue
            found = _table_in(ctx, sheet, column, run) if len(run) >= 2 else None
            if found is not None:
                return found
            run = []
    return None


def _table_in(
    ctx: ReadContext, sheet: Sheet, column: int, run: list[tuple[int, str]]
) -> Across | None:
    """The table of a run of label rows: the level's and an item's labels among them, and
    the item's row naming capabilities (or enablers) across."""
    fields = {field: row for row, field in reversed(run)}  # the first row of each
    key = next((f for f in _ITEM_FIELDS if f in fields), None)
    if "level" not in fields or key is None:
        return None
    catalogue = ctx.enablers if key == "enabler" else ctx.capabilities
    cells = sheet.rows[fields[key]][column + 1 :]
    filled = [value for value in cells if not is_blank(value)]
    named = [v for v in filled if match_item(v, catalogue).how in ("title", "number")]
    if len(named) < _MIN_ITEMS or len(named) * 2 < len(filled):
        return None
    last = column + max(i for i, value in enumerate(cells, start=1) if not is_blank(value))
    # The level's row holds levels under the entries (a pivot's "Average of Level" caption
    # above its "Row Labels" holds none): most of its values read as levels.
    given = [v for v in sheet.rows[fields["level"]][column + 1 : last + 1] if not is_blank(v)]
    levels = [v for v in given if parse_level(v, ctx.framework.scale).level is not None]
    if not levels or len(levels) * 2 < len(given):
        return None
    # A label with one value beside it (Country, Year) above the table is the sheet's own.
    field_of = dict(run)
    rows = [row for row, _ in run]
    while rows and field_of[rows[0]] in METADATA_FIELDS and _beside(sheet, rows[0], column) <= 1:
        rows.pop(0)
    return Across(column, tuple(rows), last) if len(rows) >= 2 else None


def _beside(sheet: Sheet, row: int, column: int) -> int:
    return sum(not is_blank(value) for value in sheet.rows[row][column + 1 :])


def upright(sheet: Sheet, across: Across) -> Sheet:
    """The sheet with the table turned upright: its labels a header row, each of its columns
    a row; the rows above it as they are (what is below it is not the table's)."""
    top = across.rows[0]
    header = tuple(sheet.value(row, across.column) for row in across.rows)
    entries = [
        tuple(sheet.value(row, column) for row in across.rows)
        for column in range(across.column + 1, across.last + 1)
    ]
    return Sheet(sheet.name, [*sheet.rows[:top], header, *entries], hidden=sheet.hidden)


def read_laid_across(
    ctx: ReadContext, sheet: Sheet, parse: Callable[[ReadContext, Sheet], list[Draft]]
) -> list[Draft] | None:
    """The drafts of the sheet's table laid across, read upright; ``None`` when it has none."""
    across = find_across(ctx, sheet)
    if across is None:
        return None
    top, bottom = across.rows[0], across.rows[-1]
    cells = f"{cell_address(top, across.column)}:{cell_address(bottom, across.last)}"
    ctx.add(
        "warning",
        sheet,
        cells,
        f"The table at {cells} is laid across: its labels are down column "
        f"{get_column_letter(across.column + 1)} and each column holds one capability. It was "
        "read that way.",
        "Nothing to do if the levels read are right. If they are not, check that each column "
        "holds one capability's number, title and level.",
    )
    with places_from(across.place):
        drafts = parse(ctx, upright(sheet, across))
    for draft in drafts:
        draft.sheet = sheet  # its cells are named where they are in the file
    return drafts
