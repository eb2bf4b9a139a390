"""Why a header row with a Level column but no column naming the capability was not read,
when the sheet says more than that.

Two shapes get their own reason (``unrecognised`` says it): a table pasted into one cell per
row (a Word table copied as text, a PDF converted to one cell a row), its header "No.
Capability Level" read as a Level column; and a sheet scoring the framework's domains rather
than its capabilities ("Policy and Governance | 3").
"""

from __future__ import annotations

from components.base.text import normalise
from components.ingest.layout import KEY_SAMPLE_ROWS
from components.ingest.matching import exact_reference
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted

# Rows naming domains, at least: a sheet of a few remarks is not a domain table.
_FEWEST_DOMAINS = 3


def level_only_reason(ctx: ReadContext, sheet: Sheet, row: int, level: int) -> str | None:
    """The reason for a header row ``row`` whose only column read is Level (``level``), or
    ``None`` for the general one."""
    return _one_cell_rows(sheet, row, level) or _domain_rows(ctx, sheet, row)


def _one_cell_rows(sheet: Sheet, row: int, level: int) -> str | None:
    heading = sheet.rows[row][level]
    filled = [value for value in sheet.rows[row] if value is not None]
    if not isinstance(heading, str) or len(filled) != 1 or len(heading.split()) < 2:
        return None
    below = [cells for cells in sheet.rows[row + 1 : row + 1 + KEY_SAMPLE_ROWS] if any(cells)]
    if not below or any(sum(value is not None for value in cells) != 1 for cells in below):
        return None
    split = "Tab" if "\t" in heading else "Space (or the character between the columns)"
    return (
        f"the header row {row + 1} holds all its headings in one cell "
        f"({cell_address(row, level)}: {quoted(' '.join(heading.split()))}), and each row "
        "below is one cell too: the table's columns were pasted as text into one column, so "
        "which part is the capability and which the level is not told. Select the column, "
        f"use Data > Text to Columns (Delimited, split at {split}) so that the number, the "
        "capability and the level have a column each, and upload the file again"
    )


def _domain_rows(ctx: ReadContext, sheet: Sheet, row: int) -> str | None:
    domains = {normalise(domain.name): domain.name for domain in ctx.framework.domains}
    named: dict[str, str] = {}
    for cells in sheet.rows[row + 1 : row + 1 + KEY_SAMPLE_ROWS]:
        for value in cells:
            if not isinstance(value, str) or exact_reference(value, ctx.capabilities):
                continue
            text = normalise(value)
            hit = next((name for key, name in domains.items() if text.startswith(key)), None)
            if hit is not None:
                named.setdefault(hit, value)
    if len(named) < _FEWEST_DOMAINS:
        return None
    shown = ", ".join(quoted(value) for value in list(named.values())[:3])
    return (
        f"its rows are the framework's domains ({shown}…), not its capabilities. The MNR is "
        "scored per capability (1 to 21), and a domain's level cannot be given to its "
        "capabilities. Write a level for each capability (the template on the upload page "
        "lists them under their domains)"
    )
