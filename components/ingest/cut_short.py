"""The assessment a sheet's row limit cut in the middle.

A sheet longer than the row limit is read up to it (and the cut is reported as an error), but
the table's last assessment then has only the rows above the cut: one capability of 21, say.
Kept without a word, that fragment would look like the whole assessment. So the assessment of
the last row read is named as cut short, with how many of its items were read. When the
table is not grouped by assessment (sorted by capability, say), the rows past the cut may
belong to any of its assessments: the warning says so, and names those with fewer items read
than the framework has.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from itertools import pairwise

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
    mixed = _mixed(drafts.values())
    if mixed:
        _say_cut_across(ctx, sheet, drafts.values(), catalogue, mixed)
        return
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
        f"Split the data into sheets or files of at most {limit:,} rows, keeping each "
        "assessment's rows together, and upload them again.",
    )


def _items(catalogue: Catalogue) -> str:
    return plural(2, catalogue.kind, "capabilities" if catalogue.kind == "capability" else None)


_ROW_NUMBER = re.compile(r"\d+")
# How many of the assessments with items missing a warning names.
_NAMED = 10


def _mixed(drafts: Iterable[Draft]) -> tuple[Draft, Draft] | None:
    """Two assessments whose rows are mixed with each other's, when the table is not grouped
    by assessment (each assessment's rows as one block)."""
    spans = []
    for draft in drafts:
        rows = [int(_ROW_NUMBER.search(cell).group()) for cell in draft.first_cell.values()]
        if rows:
            spans.append((min(rows), max(rows), draft))
    spans.sort(key=lambda span: span[:2])
    for (_, end, before), (start, _, after) in pairwise(spans):
        if start < end:
            return before, after
    return None


def _say_cut_across(
    ctx: ReadContext,
    sheet: Sheet,
    drafts: Iterable[Draft],
    catalogue: Catalogue,
    mixed: tuple[Draft, Draft],
) -> None:
    """Warn that the cut may have taken rows of any assessment of a table not grouped by
    assessment, naming those with items missing."""
    drafts = list(drafts)
    total = len(catalogue.titles)
    short = [draft for draft in drafts if len(draft.items[catalogue.kind]) < total]
    last = len(sheet.rows)
    limit = ctx.limits.max_rows_per_sheet
    if short:
        names = ", ".join(draft.name for draft in short[:_NAMED])
        more = f" and {len(short) - _NAMED} more" if len(short) > _NAMED else ""
        which = (
            f" {len(short)} of them have fewer than {total} {_items(catalogue)} read and are "
            f"likely incomplete: {names}{more}."
        )
    else:
        which = ""
    ctx.add(
        "warning",
        sheet,
        f"row {last}",
        f"The rows of the table are not grouped by assessment (those of {mixed[0].name} and "
        f"{mixed[1].name} are mixed), so the rows past row {last}, where the sheet stopped "
        f"being read, may belong to any of its {len(drafts)} "
        f"{plural(len(drafts), 'assessment')}: none of them can be taken as complete.{which}",
        f"Split the data into sheets or files of at most {limit:,} rows, keeping each "
        "assessment's rows together, and upload them again.",
    )
