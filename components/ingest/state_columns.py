"""Level columns headed by the state they describe, not by a country: "As-is | To-be",
"Now | Before", "Where we are now | Where we were (2020)", "Current status (2024)".

A capabilities-down table's column headings are read as its assessments' countries. A
heading that says *when* rather than *whose* ("As-is", "Today", "Status quo", "état actuel",
"situación actual", "situação atual"; "Before", "Previous", "Where we were"; "To-be", "Goal")
is never a country, and under a Country label neither is a heading that names no country the
reader knows. Of such columns (``assessment_parts``):

- the current-state column is the level, filed under the sheet's country;
- an earlier column with a year ("Where we were (2020)") is the assessment of that year, as
  "Baseline (2019)" is; one without a year, a target column and any other level column are
  left out with a warning naming them;
- when no heading says which column is the current level, nothing is guessed: the table is
  refused, asking which column is the level.

A form's level column whose heading carries a year ("Current status (2024)", "Level (2024)")
gives the assessment its year when no Year label does (``heading_year``); a column beside it
headed by an earlier year ("Baseline (2019)") is read as that year's assessment
(``dated_siblings``), never dropped without a word.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from components.base.text import normalise
from components.ingest.column_roles import holds_levels, is_target
from components.ingest.countries import is_number_only, is_plausible_country
from components.ingest.country_aliases import alias_of
from components.ingest.drafts import Meta, MetaReader
from components.ingest.layout import ItemRows, ItemTable, assessment_header
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.state_words import state_of
from components.ingest.text_dates import UNUSABLE
from components.ingest.values import split_assessment_header

Parts = tuple[str | None, str | None, str | None]  # country, when, round


def _a_country(name: str, labelled: str | None) -> bool:
    if labelled is not None and normalise(name) == normalise(labelled):
        return True
    # A made-up name ending like a country's ("Freedonia") may be one: a column per country.
    return is_plausible_country(name) or alias_of(name) is not None


def assessment_parts(
    ctx: ReadContext,
    sheet: Sheet,
    layout: ItemRows,
    heading: Callable[[int], Any],
    labelled: str | None,
) -> dict[int, Parts]:
    """(country, when, round) of each of a capabilities-down table's columns that is read as
    an assessment: ``assessment_header`` of its heading, except for the columns headed by a
    state, or by no country under a Country label (``labelled``), which are sorted as the
    module says; the columns left out are said (or the table refused: no column is the level)."""
    header = layout.header
    numbered = [c for c in layout.assessments if _number_heading(heading(c))]
    if numbered:
        _say_number_headings(ctx, sheet, header, numbered, heading)
    parts = {
        column: assessment_header(heading(column))
        for column in layout.assessments
        if column not in numbered
    }
    parts = _without_years_to_come(ctx, sheet, header, parts, heading)
    scale = ctx.framework.scale
    states = {  # an "other" column holds levels: an empty one is said to be (``left_out``)
        column: state_of(country)
        or ("other" if labelled and holds_levels(sheet, header, column, scale) else None)
        for column, (country, _, _) in parts.items()
        if country is not None and not _a_country(country, labelled)
    }
    states = {column: state for column, state in states.items() if state is not None}
    others = [c for c, s in states.items() if s == "other"]
    if not states or (len(states) == 1 and others):
        return parts  # a Country label over one column of another name: ``label_or_column``
    current = [c for c, s in states.items() if s == "current"]
    kept = {c: p for c, p in parts.items() if c not in states}  # "Current status 2024": read
    if len(current) > 1 or (not current and len(others) != 1 and not kept):
        _refuse(ctx, sheet, header, sorted(states), heading)
        return {}
    level = (current or others or [min(kept)])[0]
    kept[level] = (None, *parts[level][1:])
    # "Baseline | Current" under a Year label: the year is the current column's; a round
    # with no year of its own beside it ("Baseline", "Midline") is earlier, undated.
    undated = [c for c, (_, when, named) in kept.items() if when is None and named]
    for column in undated if current else ():
        if column != level:
            del kept[column]
            _say_left_out(ctx, sheet, header, column, level=heading(level), state="previous")
    for column, state in states.items():
        if column == level:
            continue
        if state == "previous" and parts[column][1] is not None:
            kept[column] = (None, *parts[column][1:])  # "Where we were (2020)": that year's
        else:
            _say_left_out(ctx, sheet, header, column, level=heading(level), state=state)
    for column, value in enumerate(sheet.rows[header]):
        # A target heading ("Goal 2026") was never an assessment: said, now that it matters.
        if column not in parts and is_target(value) and holds_levels(sheet, header, column, scale):
            _say_left_out(ctx, sheet, header, column, level=heading(level), state="target")
    return kept


def _without_years_to_come(
    ctx: ReadContext,
    sheet: Sheet,
    header: int,
    parts: dict[int, Parts],
    heading: Callable[[int], Any],
) -> dict[int, Parts]:
    """``parts`` less the columns dated after this year ("2030") beside a column of the same
    country dated this year or before ("2024"): targets, each said. A column dated so alone
    is left to be read (and its year said, ``year_forms``)."""
    this_year = date.today().year
    later = [c for c, (_, when, _) in parts.items() if (_year(when) or 0) > this_year]
    for column in later:
        now = [c for c, p in parts.items() if p[0] == parts[column][0] and c not in later]
        if now:
            del parts[column]
            _say_left_out(ctx, sheet, header, column, level=heading(now[0]), state="target")
    return parts


def _year(when: str | None) -> int | None:
    """The year a heading's date or year gives ("2030", "2030-06-30"), if any."""
    return int(when[:4]) if when and when[:4].isdigit() else None


def _number_heading(value: Any) -> bool:
    """A heading that is a number and not a year ("0", "12"): a row of data taken for the
    header (a consolidation's detail row, a total), never a country."""
    if isinstance(value, bool) or value is None:
        return False
    return assessment_header(value)[1] is None and is_number_only(str(value))


def _say_number_headings(
    ctx: ReadContext, sheet: Sheet, header: int, columns: list[int], heading: Callable[[int], Any]
) -> None:
    for column in columns:
        cell = cell_address(header, column)
        ctx.add(
            "error",
            sheet,
            cell,
            f"The column headed {quoted(heading(column))} ({cell}) is headed by a number, not by "
            "a country or a year, so its cells were not read as anyone's levels; row "
            f"{header + 1} seems to hold data (a total, or one scorer's row) rather than the "
            "column headings.",
            "Give the table one header row naming its columns (Capability and Level, or one "
            "column per country), write each capability's level (0 to 4, not a sum or a total) "
            "and the country in a Country label above the table, then upload the file again.",
        )


def _say_left_out(
    ctx: ReadContext, sheet: Sheet, header: int, column: int, *, level: str, state: str
) -> None:
    name, level_name = quoted(sheet.value(header, column)), quoted(level)
    what = {
        "target": "targets, not an assessment",
        "previous": "earlier levels, but its heading gives no year",
    }.get(state, "levels, but its heading does not say whose or when")
    fix = {
        "target": "Nothing to do if these are targets.",
        "previous": f"To read them as an earlier assessment, add their year to {name}, as "
        "in “Before (2021)”.",
    }.get(
        state,
        f"If {name} holds the assessment's levels, move them into the column headed {level_name}.",
    )
    ctx.add(
        "warning",
        sheet,
        cell_address(header, column),
        f"The column headed {name} holds {what}; it was not read. The levels were read from "
        f"the column headed {level_name}.",
        fix,
    )


def _refuse(
    ctx: ReadContext, sheet: Sheet, header: int, columns: list[int], heading: Callable[[int], Any]
) -> None:
    names = ", ".join(quoted(heading(c)) for c in columns)
    ctx.add(
        "error",
        sheet,
        cell_address(header, columns[0]),
        f"The columns headed {names} all hold levels, and their headings name no country and "
        "do not say which is the current level; the table was not read.",
        "Head the column with the current levels “Level”, add the year to an earlier one (as "
        "in “Baseline (2021)”) and head a target column “Target”, then upload the file again.",
    )


def heading_year(
    ctx: ReadContext, sheet: Sheet, layout: ItemTable, *, labels: Meta, reader: MetaReader
) -> Meta:
    """``labels`` with the year (and round) in the level column's heading ("Current status
    (2024)"), when no Year label gives one; a Year label of another year is kept, and said.
    ``reader`` is the sheet's ``MetaReader``."""
    header, columns = layout.header, layout.columns
    if "level" not in columns or columns.keys() & {"year", "date", "when"}:
        return labels
    value = sheet.value(header, columns["level"])
    _, when_text, round_label = split_assessment_header(value)
    if when_text is None or not isinstance(value, str):
        return labels
    when = reader.when(when_text, header, columns["level"])
    if when.year is None:
        return labels
    if labels.when.year is None:
        return Meta(when=when, round=round_label).over(labels)
    if labels.when.year != when.year:
        ctx.add(
            "warning",
            sheet,
            cell_address(header, columns["level"]),
            f"The level column is headed {quoted(value)} but the Year label says "
            f"{labels.when.year}; the year {labels.when.year} was kept.",
            "Check which is right and correct the other.",
        )
    return labels


def say_no_year(ctx: ReadContext, sheet: Sheet, labels: Meta, *, given: bool) -> None:
    """A form whose year is nowhere (no Year label, no year in its level column's heading,
    title, sheet or file name): read without one, but said, as for the template's empty Year
    cell; unless its rows, or an empty label already said, ``given``."""
    if given or labels.when is UNUSABLE or labels.when.year is not None or labels.unread_when:
        return
    where = f"on sheet {quoted(sheet.name)}" if sheet.name else "in the file"
    if labels.when.date is None and ctx.once((sheet.name, "no year", None)):
        ctx.add(
            "warning",
            sheet,
            None,
            f"No date or year is given {where}, so its assessment was read without one.",
            "Add a Year label above the table (“Year” in one cell, the year of the "
            "assessment in the cell to its right), then upload the file again.",
        )
