"""Where a cell of a rearranged sheet really is, for the messages that name it.

A table laid across (``laid_across``) is read turned upright, as a sheet of its own, and rows
held in one cell are read split at their tabs (``tab_rows``): a message about one of their
cells must still name the cell as the person sees it in the file.
While such a table is read, every cell address made by ``sheets.cell_address`` goes through
the table's map from the upright sheet's (row, column) back to the file's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

Place = tuple[int, int]
_MAP: ContextVar[Callable[[int, int], Place] | None] = ContextVar("cell_places", default=None)


def real_place(row: int, column: int) -> Place:
    """The file's (row, column) of a cell of the sheet being read (0-based)."""
    mapping = _MAP.get()
    return (row, column) if mapping is None else mapping(row, column)


def places_moved() -> bool:
    """Whether cells of the sheet being read are elsewhere in the file."""
    return _MAP.get() is not None


@contextmanager
def places_from(mapping: Callable[[int, int], Place]) -> Iterator[None]:
    """Cell addresses made inside the block name the file's cells through ``mapping`` (and
    then through the map of a block around it: a table laid across on a sheet whose rows were
    split at their tabs)."""
    outer = _MAP.get()
    token = _MAP.set(mapping if outer is None else lambda row, column: outer(*mapping(row, column)))
    try:
        yield
    finally:
        _MAP.reset(token)
