"""A table's level column made readable before its cells are read, as people's files need.

In order: merged level cells given to each row they cover (``merged_cells``); an empty level
column beside a Status column of the scale's labels (``status_levels``); a capability's title
and level in one cell, two PDF columns merged (``title_levels``); letters OCR gives for
digits in a column of digits (``ocr_levels``); the framework's labels numbered from 1 by a
drop-down list ("1 - Not in place", ``shifted_labels``); then the rows whose level disagrees
with its label beside it are reported (``level_labels``). Each says what it did.
"""

from __future__ import annotations

from collections.abc import Mapping

from components.ingest.level_labels import say_label_disagreements
from components.ingest.matching import Catalogue
from components.ingest.merged_cells import fill_merged_levels
from components.ingest.ocr_levels import read_ocr_digits
from components.ingest.sheets import ReadContext, Sheet
from components.ingest.shifted_labels import read_shifted_labels
from components.ingest.status_levels import status_levels
from components.ingest.title_levels import split_title_levels


def mend_level_column(
    ctx: ReadContext,
    sheet: Sheet,
    header: int,
    columns: Mapping[str, int],
    end: int,
    *,
    catalogue: Catalogue,
) -> Mapping[str, int]:
    """``columns`` (with the level column moved when ``status_levels`` says so), the level
    column's cells below ``header`` (to ``end``) mended in place, and what was done said.
    ``catalogue``: what the table's rows list (the capabilities or the enablers)."""
    fill_merged_levels(ctx, sheet, columns["level"], header + 1, end)
    columns = status_levels(ctx, sheet, header, columns, end)
    # Titles and OCR's letters are text: a column of numbers (the usual case) has neither.
    if any(isinstance(v, str) for v in set(sheet.column(columns["level"], header + 1, end))):
        split_title_levels(ctx, sheet, header, columns, end, catalogue=catalogue)
        read_ocr_digits(ctx, sheet, columns["level"], header + 1, end)
        read_shifted_labels(ctx, sheet, columns["level"], header + 1, end)
    say_label_disagreements(ctx, sheet, header, columns["level"], end)
    return columns
