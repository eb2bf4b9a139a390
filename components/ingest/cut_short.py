"""The assessment a sheet's row limit cut in the middle.

A sheet longer than the row limit is read up to it (and the cut is reported as an error), but
the table's last assessment then has only the rows above the cut: one capability of 21, say.
Kept without a word, that fragment would look like the whole assessment. So the assessment of
the last row read is named as cut short, with how many of its items were read.
"""

from __future__ import annotations

from collections.abc import Mapping

from components.base.text import plural
from components.ingest.drafts import Draft, Meta, MetaReader
from components.ingest.matching import Catalogue, Field
from components.ingest.quick_rows import row_meta
from components.ingest.sheets import ReadContext, Sheet


def say_cut_short(
    ctx: ReadContext,
    sheet: Sheet,
    drafts: Mapping[tuple[str, str, str], Draft],
    catalogue: Catalogue,
    *,
    columns: Mapping[Field, int],
    meta_reader: MetaReader,
    defaults: Meta,
) -> None:
    """Warn about the assessment of the sheet's last row read, when the row limit cut the
    sheet there (the table reaching to the cut)."""
    if not sheet.cut or not sheet.rows or not drafts:
        return
    last = len(sheet.rows) - 1
    if "country" in columns:
        _, key = row_meta(
            ctx, sheet, last, columns=columns, meta_reader=meta_reader, defaults=defaults
        )
    else:
        key = ("", "", "")
    draft = drafts.get(key)
    if draft is None:
        return
    read = len(draft.items[catalogue.kind])
    total = len(catalogue.titles)
    if read >= total:
        return
    limit = ctx.limits.max_rows_per_sheet
    ctx.add(
        "warning",
        sheet,
        f"row {last + 1}",
        f"The assessment {draft.name} was cut short: its rows go on past row {last + 1}, "
        f"where the sheet stopped being read, so only {read} of its {total} "
        f"{_items(catalogue)} {plural(read, 'was', 'were')} read. "
        "It is incomplete: the rest are missing, not unassessed.",
        f"Split the data into sheets or files of at most {limit} rows, keeping each "
        "assessment's rows together, and upload them again.",
    )


def _items(catalogue: Catalogue) -> str:
    return plural(2, catalogue.kind, "capabilities" if catalogue.kind == "capability" else None)
