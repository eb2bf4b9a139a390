"""The level column empty, the levels written as the scale's labels in a Status column beside.

A PDF report may show each capability's score as a coloured picture (a gauge, a filled
circle) and its label in words beside it ("Established"); converted to Excel, the pictures
are gone: the Score column is empty and the Status column holds the levels, in the scale's
own words. A person reads those words as the levels; so does ``status_levels``, when

- the table's level column is empty in every row of the table;
- another column of the header row is headed as a level too ("Status", "Rating", "Maturity")
  or by words the reader does not know ("Statut", "Progress"); never a Description or Notes
  column, where the template's levels typed in the wrong place are ``levels_beside``'s error;
- its filled cells are the scale's labels exactly ("Established", "En développement"; "Not
  assessed" and the like may stand among them), ``MIN_LABELS`` at least.

The levels are then read from that column, with a warning naming both columns.
"""

from __future__ import annotations

from collections.abc import Mapping

from components.base.text import normalise
from components.ingest.level_labels import MIN_LABELS
from components.ingest.level_words import level_names
from components.ingest.matching import classify_header
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.values import parse_level


def status_levels(
    ctx: ReadContext, sheet: Sheet, header: int, columns: Mapping[str, int], end: int
) -> Mapping[str, int]:
    """``columns`` with the level column moved to the Status column that holds the levels as
    the scale's labels, when the level column is empty (said); ``columns`` otherwise."""
    level, end = columns["level"], min(end, len(sheet.rows))
    if any(v is not None for v in sheet.column(level, header + 1, end)):
        return columns  # the usual case: the level column has levels
    used = set(columns.values())
    for column, heading in enumerate(sheet.rows[header]):
        if column in used or classify_header(heading) not in ("level", None):
            continue
        labels = _labels(ctx, sheet, column, header + 1, end)
        if labels is None:
            continue
        first_row, first = labels
        ctx.add(
            "warning",
            sheet,
            cell_address(header, column),
            f"The level column {quoted(sheet.value(header, level))} "
            f"({cell_address(header + 1, level)}:{cell_address(end - 1, level)}) is empty, and "
            f"the column {quoted(heading)} beside it gives each capability's level as the "
            f"scale's label (such as {quoted(first)} in {cell_address(first_row, column)}): "
            "the levels were read from it.",
            f"Check the levels read. If the {quoted(sheet.value(header, level))} column lost "
            "its values (pictures or colours in a PDF are lost when it is converted), type "
            "each level in it.",
        )
        return {**columns, "level": column}
    return columns


def _labels(
    ctx: ReadContext, sheet: Sheet, column: int, first: int, end: int
) -> tuple[int, str] | None:
    """(row, value) of the first label of ``column`` when its filled cells are all the scale's
    labels written out, or words for "not assessed", with ``MIN_LABELS`` labels at least."""
    names = level_names(ctx.framework.scale)
    found: list[tuple[int, str]] = []
    for row, value in enumerate(sheet.column(column, first, end), start=first):
        if value is None:
            continue
        if isinstance(value, str) and normalise(value) in names:
            found.append((row, value))
            continue
        reading = parse_level(value, ctx.framework.scale)
        if reading.level is not None or reading.error or isinstance(value, int | float):
            return None  # a number, or words that are no label: not the scale's labels only
    return found[0] if len(found) >= MIN_LABELS else None
