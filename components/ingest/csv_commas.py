"""Commas that a hand-made csv did not put in quotes, mended where that is unmistakable.

"Research, Analysis and Monitoring" written into a csv without quotes (by hand, or by a
script that joins fields with commas) reaches the reader as two cells, "Research" and
" Analysis and Monitoring": the title is lost and every cell after it is one column off. A
framework title split at its own commas is unmistakable, so such cells are joined back. So
is a last column of notes whose text ran on into cells without a header. Anything else stays
as it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from components.base.text import normalise


@dataclass(frozen=True)
class SplitTitles:
    """The framework's titles that hold commas, by the normalised text of their first part."""

    by_first_part: dict[str, tuple[tuple[str, ...], ...]]

    @classmethod
    def of(cls, titles: Iterable[str]) -> SplitTitles:
        found: dict[str, list[tuple[str, ...]]] = {}
        for title in titles:
            parts = tuple(normalise(part) for part in title.split(","))
            if len(parts) > 1 and all(parts):
                found.setdefault(parts[0], []).append(parts)
        return cls({first: tuple(options) for first, options in found.items()})


def mend_split_titles(
    rows: list[tuple[Any, ...]], titles: SplitTitles
) -> tuple[list[tuple[Any, ...]], list[tuple[int, int, str]]]:
    """``rows`` with each title split over neighbouring cells joined into one cell, and the
    (row, column, joined text) of each join.

    A cell counts as a title's first part when it is that part, or ends with it after a
    number ("2. Research"); the cells after it must be the title's other parts, in order.
    """
    if not titles.by_first_part:
        return rows, []
    mended: list[tuple[int, int, str]] = []
    out = list(rows)
    for index, row in enumerate(rows):
        joined = _mend_row(row, titles)
        if joined is not None:
            out[index] = joined[0]
            mended.extend((index, column, text) for column, text in joined[1])
    return out, mended


def _mend_row(
    row: tuple[Any, ...], titles: SplitTitles
) -> tuple[tuple[Any, ...], list[tuple[int, str]]] | None:
    cells = list(row)
    joins: list[tuple[int, str]] = []
    column = 0
    while column < len(cells) - 1:
        options = _options(cells[column], titles)
        for parts in options:
            following = cells[column + 1 : column + len(parts)]
            if len(following) == len(parts) - 1 and all(
                isinstance(cell, str) and normalise(cell) == part
                for cell, part in zip(following, parts[1:], strict=True)
            ):
                text = ",".join(cells[column : column + len(parts)])
                cells[column : column + len(parts)] = [text]
                joins.append((column, text))
                break
        column += 1
    return (tuple(cells), joins) if joins else None


def _options(cell: Any, titles: SplitTitles) -> tuple[tuple[str, ...], ...]:
    if not isinstance(cell, str) or "," in cell:
        return ()
    key = normalise(cell)
    if key in titles.by_first_part:
        return titles.by_first_part[key]
    # "2. Research" or "C2 Research": a code or number before the title's first part.
    words = key.split(" ")
    for cut in range(1, len(words)):
        rest = " ".join(words[cut:])
        if rest in titles.by_first_part and any(ch.isdigit() for ch in "".join(words[:cut])):
            return titles.by_first_part[rest]
    return ()


def mend_split_last_column(
    rows: list[tuple[Any, ...]], header: int
) -> tuple[list[tuple[Any, ...]], list[int]]:
    """``rows`` with the cells past the header row's width joined into its last column (a
    column of free text: evidence, notes), and the rows so mended."""
    width = len(rows[header])
    out = list(rows)
    mended = []
    for index in range(header + 1, len(rows)):
        row = rows[index]
        if len(row) > width and all(isinstance(cell, str | None) for cell in row[width - 1 :]):
            tail = ",".join(cell or "" for cell in row[width - 1 :])
            out[index] = (*row[: width - 1], tail)
            mended.append(index)
    return out, mended
