"""What a cover sheet says about the file's assessment: its labels, or its one title.

A sheet without a table can still say whose the file's tables are: the template's cover has
Country and Year labels ("Country | Jordan"), and a workbook Power Query made from a PDF
report keeps the report's title on a sheet of its own ("Jordan – MNR assessment 2024 (from
PDF report)" alone on Sheet1) beside the table it took from a page ("Table002 (Page 3)").
``cover_meta`` reads the labels, and, when the sheet has none, its title: a line (a text
alone in its row) that names a country the app knows; a year in it too. A sheet of notes
with several lines naming no country gives nothing. A note that names no country but begins
with a round's title ("MNR 2025 round – shared on OneDrive. Level is the agreed level") gives
its year (``cover_years``).
"""

from __future__ import annotations

from components.ingest.context import assessment_context
from components.ingest.countries import iso3_of
from components.ingest.cover_years import titled_year
from components.ingest.drafts import Meta, MetaReader
from components.ingest.sheets import ReadContext, Sheet, quoted
from components.ingest.title_countries import names_a_country

# A cover's title is near its top: a long sheet is notes, not a cover.
_TITLE_ROWS = 12


def cover_meta(ctx: ReadContext, sheet: Sheet) -> Meta:
    """The country and year a sheet with no table gives the file's tables (see the module)."""
    meta = MetaReader(ctx, sheet).labelled(len(sheet.rows), sheet.width())
    if meta.country is not None or meta.when.year is not None:
        return meta
    if len(sheet.rows) > _TITLE_ROWS:
        return meta
    start = len(ctx.problems)
    found = assessment_context(ctx, sheet, len(sheet.rows))
    del ctx.problems[start:]  # what is taken is said by the cover's own warning
    titles = [f for f in found if f.where == "the title" and f.country is not None]
    if not any(names_a_country(t.country or "") for t in titles):  # "MNR 2025 round – …"
        return titled_year([f for f in found if f.where == "the title"]) or meta
    if len(titles) != 1 or not names_a_country(titles[0].country or ""):
        return meta
    title = titles[0]
    return Meta(country=title.country, iso3=iso3_of(title.country or ""), when=title.when)


def forget_no_year(ctx: ReadContext, sheets: set[str]) -> None:
    """Leave out the warnings that no year is given on ``sheets``, once a cover gave them one."""
    ctx.problems[:] = [
        p
        for p in ctx.problems
        if not (
            p.severity == "warning"
            and p.sheet in sheets
            and p.message.startswith(f"No date or year is given on sheet {quoted(p.sheet)}")
        )
    ]
