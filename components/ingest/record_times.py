"""A tool's record times ("Created on", "CreatedAt", "updated_at"): not the assessment's date.

No-code databases and project tools add to every record when it was created and last changed
(Baserow's "Created on", NocoDB's "CreatedAt" and "UpdatedAt", Airtable's "Created", SharePoint's
"Modified", ClickUp's "Date Created"). Each capability's row has its own, so read as the
assessment's date they split one assessment into as many as it has rows, each "dated" by the
moment a row was typed or edited. ``without_record_times`` takes such a column out of a
capability table's columns before its rows are grouped into assessments:

- a Year (or another date) column says when the assessment was made: the record times are
  left, and that is said;
- with no other date, the year is taken from the record times by ``year_from_records`` once
  the table is read, only when all of an assessment's rows were recorded in the same year
  (said, with the column); rows recorded over several years leave the assessment without a
  year, said with the years, rather than one picked. A year given around the table (a title,
  a label, the sheet's name) comes first.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import Any

from components.ingest.drafts import Draft
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.vocabulary import Field, key_of

# The words of a record's times, as tools name them (normalised, spaces removed):
# "created at", "createdAt", "created_on", "Date Created", "Last modified", "sys_updated_on".
_RECORD_TIME = re.compile(
    r"^(?:sys)?(?:date|time)?(?:last)?(?:created|modified|updated|edited|changed)"
    r"(?:at|on|time|date|datetime|timestamp|utc|gmt)?$"
    r"|^(?:creation|modification|lastmodification)(?:date|time)?$"
    # French, Spanish, Portuguese: "date de création", "fecha de modificación", "data de criação"
    r"|^(?:date|fecha|data)de(?:la)?(?:creation|modification|creacion|modificacion|criacao"
    r"|modificacao|derniere|ultima)(?:modification|modificacion|modificacao)?$"
    r"|^(?:derniere|ultima)(?:modification|modificacion|modificacao|miseajour|actualizacion)$"
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_MEMO = "record_times.columns"


def is_record_time(header: Any) -> bool:
    """Whether a column's header names a record's creation or change time."""
    if not isinstance(header, str) or len(header) > 40:
        return False
    return _RECORD_TIME.match(key_of(header).replace(" ", "")) is not None


def without_record_times(
    ctx: ReadContext, sheet: Sheet, header: int, columns: Mapping[Field, int], end: int
) -> Mapping[Field, int]:
    """``columns`` without a date column that holds the records' times (see the module);
    the column is kept in mind for ``year_from_records`` when no Year column is there."""
    column = columns.get("date")
    if column is None or not is_record_time(sheet.value(header, column)):
        return columns
    kept = {f: c for f, c in columns.items() if f != "date"}
    heading = quoted(sheet.value(header, column))
    if kept.keys() & {"year", "when"}:
        other = sheet.value(header, kept.get("year", kept.get("when", 0)))
        ctx.add(
            "warning",
            sheet,
            cell_address(header, column),
            f"The column headed {heading} says when each row was created or changed in the "
            f"tool, not when the assessment was made; the year was read from the column "
            f"headed {quoted(other)}.",
            "Nothing to do if the year is right.",
        )
        return kept
    ctx.memo.setdefault(_MEMO, []).append((sheet, header, column, end))
    return kept


def year_from_records(ctx: ReadContext, drafts: list[Draft]) -> list[Draft]:
    """``drafts``, each without a date or year given its rows' record year when they agree
    on one (said); rows of several years give none (said)."""
    tables = ctx.memo.get(_MEMO)
    if not tables:
        return drafts
    for draft in drafts:
        if draft.year is not None or draft.date is not None or draft.unread_when is not None:
            continue
        rows = {_row(cell) for cell in draft.first_cell.values()}
        table = next(
            (
                t
                for t in tables
                if t[0] is draft.sheet and rows and all(t[1] < r < t[3] for r in rows)
            ),
            None,
        )
        if table is None:
            continue
        sheet, header, column, _ = table
        years = sorted({y for r in rows if (y := _year(sheet.value(r, column))) is not None})
        heading = quoted(sheet.value(header, column))
        where = cell_address(header, column)
        if len(years) == 1:
            draft.year = years[0]
            ctx.add(
                "warning",
                sheet,
                where,
                f"The year {years[0]} of {draft.country or 'the assessment'} was taken from the "
                f"column headed {heading}, which says when each row was created or changed in "
                f"the tool: all its rows were, in {years[0]}.",
                "If the assessment is of another year, add a Year column (or a Year label above "
                "the table) with its year.",
            )
        elif years:
            shown = ", ".join(str(y) for y in years)
            ctx.add(
                "warning",
                sheet,
                where,
                f"The column headed {heading} says when each row was created or changed in the "
                f"tool, not when the assessment was made; the rows of "
                f"{draft.country or 'the assessment'} were in {shown}, so no year was taken "
                "from it, and the assessment was read without one.",
                "Add a Year column (or a Year label above the table) with the assessment's year.",
            )
    return drafts


def _row(cell: str) -> int:
    """The 0-based row of a cell's address ("B12": 11)."""
    return int("".join(ch for ch in cell if ch.isdigit()) or 0) - 1


def _year(value: Any) -> int | None:
    """The year of a record's time: a date's, or the one year written in its text."""
    if isinstance(value, datetime.date):
        return value.year
    if not isinstance(value, str):
        return None  # a number (ClickUp's milliseconds) says no year plainly
    found = set(_YEAR.findall(value))
    return int(found.pop()) if len(found) == 1 else None
