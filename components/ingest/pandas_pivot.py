"""A pandas pivot table written with ``to_csv()``: three header lines before the rows.

``df.pivot_table(values=["level"], index=["country", "year"], columns="capability")`` writes
its column index in two lines and its row index's names in a third::

    ,,level,level,…            the value's name over each column
    capability,,1,2,…          the columns' name, then each column's key
    country,year,,,…           the row index's names, nothing after them
    Kenya,2023,2.0,1.0,…

``flat_pivot`` reads such a sheet as the plain table it stands for (the third line's names
then the second line's keys as one header row, the first two lines left out) when the value's
name is a level header and a name says what the keys are (capability or country); the rows
keep their places, so cells are named as in the file. ``pivot_reason`` names the shape when
it is not certain, with how to write the table flat.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from components.ingest.matching import classify_header
from components.ingest.sheets import Sheet, quoted


def flat_pivot(sheet: Sheet) -> Sheet | None:
    """The sheet with the pivot's header lines made one header row; ``None`` when it is not
    a pandas pivot whose value is the level and whose keys are named."""
    shape = _shape(sheet)
    if shape is None:
        return None
    depth, value, name = shape
    names = {classify_header(v) for v in sheet.rows[2][:depth]} | {classify_header(name)}
    if classify_header(value) != "level" or not names & {"capability", "number", "country"}:
        return None
    rows = list(sheet.rows)
    rows[2] = tuple(rows[2][:depth]) + tuple(rows[1][depth:])
    rows[0] = rows[1] = ()
    return replace(sheet, rows=rows, columns=None)


def pivot_reason(sheet: Sheet) -> str | None:
    """Why a pandas pivot's csv was not read: its shape named, with how to write it flat."""
    shape = _shape(sheet)
    if shape is None:
        return None
    _, value, name = shape
    return (
        "it looks like a pandas pivot table written with to_csv() (three header lines: "
        f"{quoted(value)} over the columns, {quoted(name)} naming them, then the row names), "
        "and which of its columns hold the levels is not certain. Write it flat: "
        "df.reset_index() with one header line (the columns named Country, Year and each "
        "capability), or df.to_excel(), or the long table Country, Year, Capability, Level"
    )


def _shape(sheet: Sheet) -> tuple[int, Any, Any] | None:
    """(how many index columns, the value's name, the columns' name) of a pandas pivot's
    three header lines; ``None`` when the sheet does not start so."""
    if sheet.name is not None or len(sheet.rows) < 4:
        return None
    top, keys, names = sheet.rows[0], sheet.rows[1], sheet.rows[2]
    depth = next((c for c, v in enumerate(top) if v is not None), 0)
    width = len(top)
    if not depth or width - depth < 2 or len(keys) != width:
        return None
    if len(set(top[depth:])) != 1 or any(v is None for v in keys[depth:]):
        return None
    labels = [v for v in keys[:depth] if v is not None]
    if len(labels) != 1 or not isinstance(labels[0], str):
        return None
    if len(names) > depth or any(not isinstance(v, str) for v in names[:depth]):
        return None
    if len(names) < depth:
        return None
    return depth, top[depth], labels[0]
