"""A sheet read from markup (``spreadsheet_xml``, ``html_tables``) before it is written as an
.xlsx (``markup_books``): its values by row and column, merges, hidden rows and columns,
within the limits.

Keeping a cell or a merge costs what the file spent on writing it, never what it claims: a
cell past the row or column limit is dropped but for the first one past each (kept at the
limit, where the reader finds it and says the sheet was cut, as it does of an .xlsx), and a
merge is clipped to the limits, so a span of a billion rows or columns costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from components.ingest.limits import ReadLimits


class ErrorValue(str):
    """A cell that shows an error value ("#N/A"): written as Excel's error cell, so the reader
    says what it shows (``error_values``), as it does of an .xlsx's."""

    __slots__ = ()


class Formula(str):
    """A cell holding a formula whose result the file does not save (Gnumeric never saves one;
    a SYLK cell may not): written as an .xlsx formula without a result, so the reader says so
    (``formulas``), as it does of an .xlsx's."""

    __slots__ = ()


@dataclass
class BookSheet:
    """One sheet as it will be written: values by 0-based row and column, within the limits."""

    name: str
    max_rows: int
    max_columns: int
    hidden: bool = False
    cells: dict[int, dict[int, Any]] = field(default_factory=dict)
    # (top, left, bottom, right), 0-based and inclusive, already within the limits
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)
    # (first, last) 0-based and inclusive, already within the limits
    hidden_columns: list[tuple[int, int]] = field(default_factory=list)
    number_formats: dict[tuple[int, int], str] = field(default_factory=dict)
    # Empty cells filled with a colour, which are not kept (an .xlsb's: ``xlsb_books``).
    unread_fills: int = 0
    # A cell's note (comment) text by 0-based row and column, within the limits
    notes: dict[tuple[int, int], str] = field(default_factory=dict)
    # The first row past the row limit that holds anything, kept (at the limit) so that the
    # reader says the sheet was cut, as it does of an .xlsx's; the rest past it is dropped.
    _past: int | None = None

    def put(self, row: int, column: int, value: Any, number_format: str | None = None) -> None:
        """Keep ``value`` at (``row``, ``column``), unless the limits leave it out."""
        if value is None or row < 0 or column < 0:
            return
        if row >= self.max_rows:
            if self._past is None:
                self._past = row
            elif row != self._past:
                return
            row = self.max_rows
        if column >= self.max_columns:
            # One cell past the column limit is enough for the reader to say so.
            if self.max_columns in self.cells.get(row, {}):
                return
            column = self.max_columns
        self.cells.setdefault(row, {})[column] = value
        if number_format is not None:
            self.number_formats[row, column] = number_format

    def merge(self, top: int, left: int, bottom: int, right: int) -> None:
        """A merged range, clipped to the limits (one past them is never read)."""
        if top < 0 or left < 0 or top >= self.max_rows or left >= self.max_columns:
            return
        bottom = min(bottom, self.max_rows - 1)
        right = min(right, self.max_columns - 1)
        if bottom > top or right > left:
            self.merges.append((top, left, bottom, right))

    def hide_row(self, row: int) -> None:
        if 0 <= row < self.max_rows:
            self.hidden_rows.add(row)

    def note(self, row: int, column: int, text: str) -> None:
        """The note (comment) on a cell, unless the limits leave the cell out."""
        if 0 <= row < self.max_rows and 0 <= column < self.max_columns and text:
            self.notes[row, column] = text

    def hide_columns(self, first: int, last: int) -> None:
        """Columns ``first`` to ``last`` hidden, clipped to the limits (kept as a range: a
        billion of them cost one entry)."""
        if 0 <= first <= last and first < self.max_columns:
            self.hidden_columns.append((first, min(last, self.max_columns - 1)))

    def hide_column(self, column: int) -> None:
        """Column ``column`` hidden, unless the limits leave it out."""
        self.hide_columns(column, column)


def new_sheet(name: str, limits: ReadLimits, *, hidden: bool = False) -> BookSheet:
    """An empty sheet named ``name`` that keeps what ``limits`` let the reader read."""
    return BookSheet(name, limits.max_rows_per_sheet, limits.max_columns, hidden)
