"""Country and year labels written below a table (a signature block under a form).

Some forms put the table first and the assessment's particulars after it: "Country: Kenya",
"Year: 2023", "Completed by: ...". When the labels above or beside the table give no country
or no year, the rows after the table's last row are looked at, from the bottom up, while
each is a label row: a metadata label of the vocabulary ("Country", "Año", "Pays :") with at
most one value beside it, or a label and its value in one cell ("Country: Kenya"), or a line
ending in a colon ("Signature:"). Anything else (a capability's row, a note) ends the block,
so a table's own cells are never read as a label's value. What is found there fills only
what the labels above left out.

The labels' year then meets the rest: a round label holding one ("Baseline 2019") gives it
when no label does (``round_years``), and a sheet or file name saying another year is
warned about (``context.say_named_year``).
"""

from __future__ import annotations

from typing import Any

from components.ingest.context import say_named_year
from components.ingest.drafts import Meta, MetaReader, label_and_value
from components.ingest.filter_notes import filtered_year
from components.ingest.matching import METADATA_FIELDS, classify_header
from components.ingest.round_years import with_round_year


def labelled_around(
    meta_reader: MetaReader, header: int, width: int, *, top: int, end: int
) -> Meta:
    """The labels above or beside the table (``MetaReader.labelled``), with a country or a
    year they lack taken from a block of label rows below the table, when there is one."""
    above = meta_reader.labelled(header, width, top=top, bottom=end)
    if above.country is None or above.when.year is None:
        above = above.over(_below(meta_reader, header, end))
    if above.when.year is None:  # Power BI's "Applied filters: Year is 2023" under the data
        above = above.over(filtered_year(meta_reader, header, end))
    above = with_round_year(meta_reader.ctx, meta_reader.sheet, above, None)
    say_named_year(meta_reader.ctx, meta_reader.sheet, above.when.year)
    return above


def _below(meta_reader: MetaReader, header: int, end: int) -> Meta:
    """The labels in a block of label rows after the table's last row, else none."""
    rows = meta_reader.sheet.rows
    last = min(end, len(rows))
    while last > header + 1 and not any(v is not None for v in rows[last - 1]):
        last -= 1
    first = last
    while first > header + 1 and _label_row(rows[first - 1]):
        first -= 1
    if first == last:
        return Meta()
    labels = [r for r in range(first, last) if any(v is not None for v in rows[r])]
    if not any(_is_label(_cells(rows[r])[0]) for r in labels):
        return Meta()
    return meta_reader.labelled(last, 0, top=first, bottom=last)


def _cells(row: tuple[Any, ...]) -> list[Any]:
    return [v for v in row if v is not None]


def _label_row(row: tuple[Any, ...]) -> bool:
    """An empty row, or a label with at most one value after it."""
    cells = _cells(row)
    if not cells:
        return True
    first = cells[0]
    if label_and_value(first) is not None:
        return len(cells) == 1
    if _is_label(first) or (isinstance(first, str) and first.rstrip().endswith(":")):
        return len(cells) <= 2
    return False


def _is_label(value: Any) -> bool:
    return label_and_value(value) is not None or classify_header(value) in METADATA_FIELDS
