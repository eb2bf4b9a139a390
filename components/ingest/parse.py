"""Turning the table found on a sheet into draft assessments, one layout at a time.

``parse_sheet`` finds the sheet's layout (``components.ingest.layout``) and reads its rows:
which capability or enabler each row is about, which assessment it belongs to (a long
table's country, date or year and round), and its answers. A sheet with no table is skipped
with the reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import chain
from typing import Any

from components.ingest.column_roles import is_export_metadata
from components.ingest.context import with_context
from components.ingest.country_cell_fix import no_country
from components.ingest.country_rows_fill import fill_country_down
from components.ingest.country_sources import (
    label_or_column,
    sheet_country_below,
    summary_row,
)
from components.ingest.cut_short import say_cut_short
from components.ingest.domain_numbers import local_number
from components.ingest.drafts import (
    Draft,
    Meta,
    MetaReader,
    apply_meta,
    read_answers,
    report_match,
    report_unmatched,
    say_marks,
    written_when,
)
from components.ingest.extra_levels import say_extra_levels
from components.ingest.header_items import header_items
from components.ingest.header_languages import one_header
from components.ingest.heading_rows import is_subtotal_row, legend_rows
from components.ingest.joined_meta import rows_apart, with_joined_column
from components.ingest.labels_below import labelled_around
from components.ingest.layout import (
    CountryRows,
    ItemRows,
    ItemTable,
    SeveralLevels,
    TickTable,
    column_header,
    find_layout,
    is_tick,
    layout_from_mapping,
)
from components.ingest.left_out import empty_column, say_several_levels, say_unanswered
from components.ingest.level_columns import item_labels, refused_off_scale
from components.ingest.level_headed import settle_level_columns
from components.ingest.level_header import say_level_header
from components.ingest.matching import (
    METADATA_FIELDS,
    Catalogue,
    Field,
    ItemMatch,
    match_any,
)
from components.ingest.mended_levels import mend_level_column
from components.ingest.meta_below import MetaBelow
from components.ingest.note_rows import left_as_note, numbered_note
from components.ingest.nothing_read import say_blank_tick_form
from components.ingest.numbered_titles import settle_disagreement
from components.ingest.quick_rows import QuickRows, row_meta, settled
from components.ingest.sheets import (
    ReadContext,
    Sheet,
    cell_address,
    quoted,
    with_article,
)
from components.ingest.stacked import parse_stacked
from components.ingest.state_columns import assessment_parts, heading_year, say_no_year
from components.ingest.sub_columns import read_sub_columns
from components.ingest.sub_rows import row_runs, sub_indicator_rows
from components.ingest.text_dates import UNUSABLE, dates_refused
from components.ingest.text_forms import read_text_form
from components.ingest.tick_rows import ladder_rows, meta_columns
from components.ingest.title_columns import own_country_columns
from components.ingest.title_order import maybe_enablers, unknown_title
from components.ingest.twice import said_twice
from components.ingest.unread_rows import say_unread_rows, settle_wide_rows
from components.ingest.unrecognised import explain_unrecognised
from components.ingest.values import When
from components.ingest.wrapped_titles import join_wrapped_titles
from components.ingest.year_groups import YearRows, with_year_above, years_above

FIX_TABLE = (
    "Use the template from the upload page, or a table with the columns Country, Year, "
    "Capability and Level (one row per capability), or capabilities as rows and countries "
    "as columns."
)


@said_twice  # an item given twice: said once the whole sheet is read
def parse_sheet(ctx: ReadContext, sheet: Sheet) -> list[Draft]:
    """The draft assessments on one sheet; a sheet with no table is skipped with the reason."""
    mapped = ctx.mapping.for_sheet(sheet) if ctx.mapping is not None else None
    if mapped is None:  # a wide table's header again, a row per stakeholder: seen to
        layout = settle_wide_rows(ctx, sheet, find_layout(ctx, sheet))
    else:
        layout = layout_from_mapping(ctx, sheet, mapped[0].columns, mapped[1])
    if not mapped and (found := read_sub_columns(ctx, sheet, layout, parse_sheet)) is not None:
        return found  # sub-columns under a capability's or country's heading, a band above
    if isinstance(layout, ItemTable):
        one_header(sheet, layout)  # "Capacité" over "Capability": one header, read once
        join_wrapped_titles(ctx, sheet, layout)  # a title wrapped onto the next row: one row
        say_unread_rows(ctx, sheet, layout)  # above the header, another measure or view: said
        if mapped is None:  # "Validated level" beside "Level": said, unless one was chosen
            say_extra_levels(ctx, sheet, layout.header, layout.columns)
        if "country" in layout.columns:
            return _parse_item_table(ctx, sheet, layout)
        # Tables one under another, each under its title, and the enablers under the
        # capabilities; a lower table with a year but no country has the country above.
        drafts = parse_stacked(ctx, sheet, layout, _parse_item_table)
        return sheet_country_below(ctx, sheet, drafts)
    if isinstance(layout, ItemRows):
        return _parse_item_rows(ctx, sheet, layout)
    if isinstance(layout, CountryRows):
        return parse_country_rows(ctx, sheet, layout)
    if isinstance(layout, TickTable):
        return _parse_tick_table(ctx, sheet, layout)
    if isinstance(layout, SeveralLevels):
        say_several_levels(ctx, sheet, layout)
        return []
    # A hidden sheet that is not a table is a helper (drop-down lists and the like); a form
    # typed as lines of text ("1. Leadership", then "Level: 3") has no table (``text_forms``).
    if not sheet.hidden and (found := read_text_form(ctx, sheet)) is None:
        where = f"sheet “{sheet.name}”" if sheet.name is not None else "the file"
        ctx.add(
            "warning",
            sheet,
            None,
            f"Skipped {where}: {explain_unrecognised(ctx, sheet)}.",
            FIX_TABLE,
        )
    return [] if sheet.hidden or found is None else found


def _parse_item_table(
    ctx: ReadContext, sheet: Sheet, layout: ItemTable, *, top: int = 0, end: int | None = None
) -> list[Draft]:
    """One row per capability: the template, a form, or a long table (with a country
    column); rows ``top`` to ``end`` when the sheet holds other tables too."""
    end = len(sheet.rows) if end is None else end
    columns = layout.columns
    level, key = columns.get("level"), columns.get("number")
    primary = ctx.capabilities if layout.catalogue == "capability" else ctx.enablers
    if level is not None and refused_off_scale(
        ctx, sheet, layout.header, [level], key=key, labels=item_labels(columns), catalogue=primary
    ):
        return []
    if maybe_enablers(ctx, sheet, layout, top, end):
        return []  # rows numbered 1 to 7 only, titled in words that name no capability
    say_level_header(ctx, sheet, layout.header, columns.get("level"), layout.catalogue)
    secondary = ctx.enablers if layout.catalogue == "capability" else ctx.capabilities
    meta_reader = MetaReader(ctx, sheet)
    defaults = labelled_around(
        meta_reader, layout.header, len(sheet.rows[layout.header]), top=top, end=end
    )
    defaults = heading_year(ctx, sheet, layout, labels=defaults, reader=meta_reader)
    if (columns := with_joined_column(ctx, sheet, layout, end)) is None:
        return []  # "Ghana 2022" cells that cannot be read with certainty: reported
    # A Year, Date or Round column without a Country column: the country is the labels',
    # title's, sheet's or file's, and each row's year or round is its own assessment's.
    long, timed = rows_apart(ctx, sheet, layout, columns, end)
    if "level" in columns:  # merged, converted from a PDF or a scan, beside its labels
        columns = mend_level_column(ctx, sheet, layout.header, columns, end, catalogue=primary)
    if layout.catalogue == "capability":
        defaults = with_context(
            ctx,
            sheet,
            defaults,
            layout.header,
            country="country" not in columns,
            year=not timed,
            empty=meta_reader.empty,
            top=top,
        )
        say_no_year(ctx, sheet, defaults, given=long or timed or bool(meta_reader.empty))
    drafts: dict[tuple[str, str, str], Draft] = {}
    if not long:
        record = Draft(sheet)
        apply_meta(record, defaults)
        record.needs_owner = record.country is None and layout.catalogue == "enabler"
        record.country_cell = meta_reader.empty.get("country")
        drafts[("", "", "")] = record
    answer_columns = [columns[f] for f in ("level", "evidence", "confidence") if f in columns]
    quick = QuickRows(
        ctx,
        sheet,
        columns=columns,
        primary=primary,
        secondary=secondary,
        meta_reader=meta_reader,
        defaults=defaults,
        drafts=drafts,
        long=long,
    )
    sub_rows = sub_indicator_rows(ctx, sheet, columns, primary, first=layout.header + 1, end=end)
    legend = legend_rows(ctx, sheet, columns, primary, first=layout.header + 1, end=end)
    runs = row_runs(layout.header + 1, end, sub_rows | legend)
    for row in chain.from_iterable(quick.slow_rows(a, b) for a, b in runs):
        cells = sheet.rows[row]
        width = len(cells)
        has_answer = any(c < width and cells[c] is not None for c in answer_columns)
        found = _row_item(
            ctx,
            sheet,
            row,
            columns=columns,
            primary=primary,
            secondary=secondary,
            has_answer=has_answer,
        )
        if found is None:
            continue
        catalogue, number = found
        if long:
            draft = _long_row_draft(
                ctx,
                sheet,
                row,
                columns=columns,
                meta_reader=meta_reader,
                defaults=defaults,
                drafts=drafts,
                has_answer=has_answer,
            )
            if draft is None:
                continue
        else:
            draft = drafts[("", "", "")]
        read_answers(
            ctx, sheet, draft, catalogue=catalogue, number=number, row=row, columns=columns
        )
    say_cut_short(
        ctx,
        sheet,
        drafts,
        primary,
        columns=columns,
        meta_reader=meta_reader,
        defaults=defaults,
    )
    if long and not drafts and not dates_refused(ctx, sheet):
        ctx.add(
            "warning",
            sheet,
            None,
            f"The table has no rows with {'a country and ' if 'country' in columns else ''}"
            "a capability.",
            "Fill in the rows below the header row.",
        )
    return list(drafts.values())


def _row_item(
    ctx: ReadContext,
    sheet: Sheet,
    row: int,
    *,
    columns: Mapping[Field, int],
    primary: Catalogue,
    secondary: Catalogue,
    has_answer: bool,
) -> tuple[Catalogue, int] | None:
    """Which capability (or enabler) a row is about, from its number and/or title cells."""
    number_column = columns.get("number")
    title_column = next((columns[f] for f in (primary.kind, secondary.kind) if f in columns), None)
    keys = [sheet.value(row, c) for c in (number_column, title_column) if c is not None]
    done, found = settled(ctx, keys)
    if done:
        return found
    matches: list[tuple[int, Any, Catalogue, ItemMatch]] = []
    for column in (number_column, title_column):
        if column is None:
            continue
        value = sheet.value(row, column)
        if value is None:
            continue
        catalogue, match = ctx.cached(
            f"match-{primary.kind}", value, lambda v: match_any(v, primary, secondary)
        )
        matches.append((column, value, catalogue, match))
    if not matches:
        if has_answer and not is_subtotal_row(sheet, row):
            key_column = number_column if number_column is not None else title_column
            cell = cell_address(row, key_column if key_column is not None else 0)
            ctx.add(
                "error",
                sheet,
                cell,
                f"Row {row + 1} has a level or notes but no {primary.kind} ({cell} is empty); "
                "it was not used.",
                f"Write the {primary.kind} number or title in {cell}.",
            )
            if key_column is not None:
                ctx.watch_formula(sheet, row, key_column, f"the {primary.kind} of row {row + 1}")
        return None
    resolved = [(c, v, cat, m) for c, v, cat, m in matches if m.number is not None]
    if len(resolved) == 2 and (resolved[0][2].kind, resolved[0][3].number) != (
        resolved[1][2].kind,
        resolved[1][3].number,
    ):
        return local_number(ctx, sheet, row, resolved) or settle_disagreement(
            ctx, sheet, row, resolved
        )
    if resolved:
        column, value, catalogue, match = resolved[0]
        if numbered_note(ctx, sheet, row, columns, matches):
            return None  # "1 | Levels were agreed by consensus." under the table
        for other_column, other_value, _, _ in (m for m in matches if m[3].number is None):
            # A bad number beside a good title (or the reverse): the good one decides, and the
            # person is told which.
            ctx.add(
                "warning",
                sheet,
                cell_address(row, other_column),
                f"{quoted(other_value)} does not name {with_article(primary.kind)}; the row "
                f"was taken as {catalogue.describe(match.number or 0)} from "
                f"{cell_address(row, column)}.",
                f"Correct or clear {cell_address(row, other_column)}.",
            )
        number = report_match(
            ctx, sheet, cell_address(row, column), value=value, catalogue=catalogue, match=match
        )
        return (catalogue, number) if number is not None else None
    column, value, catalogue, match = matches[-1]
    # Text in the key column of a row with no answers (a note, a sub-heading): nothing is lost
    # by leaving it; nor by leaving a note ("Note: …") with no level, which is said.
    if not has_answer or left_as_note(ctx, sheet, row, column, columns):
        return None
    pair = (primary, secondary)
    found = unknown_title(ctx, sheet, row=row, column=column, value=value, pair=pair)
    return found or report_unmatched(
        ctx, sheet, cell_address(row, column), value=value, catalogue=catalogue, match=match
    )


def _long_row_draft(
    ctx: ReadContext,
    sheet: Sheet,
    row: int,
    *,
    columns: Mapping[Field, int],
    meta_reader: MetaReader,
    defaults: Meta,
    drafts: dict[tuple[str, str, str], Draft],
    has_answer: bool,
) -> Draft | None:
    """The assessment a long table's row belongs to, grouped by country, date/year and round."""
    if "country" in columns and summary_row(ctx, sheet, row, columns["country"]):
        return None  # a total or average row is never an assessment
    meta, key = row_meta(
        ctx, sheet, row, columns=columns, meta_reader=meta_reader, defaults=defaults
    )
    if meta.when is UNUSABLE:
        return None  # a date that cannot say which assessment the row is: said for its column
    if meta.country is None and "country" not in columns:
        # The country was to come from around the table: none found is said once, for
        # the assessment (``reader``), as for a table without a Year column.
        meta = Meta(None, meta.iso3, meta.when, meta.round, meta.assessed_by, meta.unread_when)
    elif meta.country is None:
        if sheet.value(row, columns["country"]) is not None:
            return None  # not a country's name (a number): said for its column
        if has_answer:
            country_cell = cell_address(row, columns["country"])
            ctx.add("error", sheet, country_cell, *no_country(ctx, sheet, row, country_cell))
            ctx.watch_formula(sheet, row, columns["country"], f"the country of row {row + 1}")
        return None
    draft = drafts.get(key)
    if draft is None:
        draft = drafts[key] = Draft(sheet)
        apply_meta(draft, meta)
        draft.country_cell = meta_reader.empty.get("country")
    return draft


def _parse_item_rows(ctx: ReadContext, sheet: Sheet, layout: ItemRows) -> list[Draft]:
    """Capabilities as rows, assessments as columns."""
    if (settled := settle_level_columns(ctx, sheet, layout)) is None:
        return []  # levels across, not countries ("Not in place" … "Mature"): said
    layout = settled
    meta_reader = MetaReader(ctx, sheet)
    defaults = meta_reader.labelled(layout.header, sheet.width())
    header = sheet.rows[layout.header]

    years = years_above(sheet, layout.header, layout.assessments)
    below = MetaBelow(ctx, sheet, layout, meta_reader)  # a Year row under the countries

    def heading(column: int) -> Any:
        if column in layout.names:
            return layout.names[column]
        return with_year_above(column_header(sheet, layout.header, column), years.get(column))

    labelled = defaults.country  # a Country label's, before any title, sheet or file name
    parts = assessment_parts(ctx, sheet, layout, heading, labelled)  # "As-is", "Now": no country
    named = {part[0] for part in parts.values()}
    defaults = with_context(
        ctx, sheet, defaults, layout.header, country=None in named, empty=meta_reader.empty
    )
    drafts: dict[tuple[str, str, str], Draft] = {}
    by_column: dict[int, Draft] = {}
    if say_blank_tick_form(ctx, sheet, layout.header, layout.assessments):
        return []
    assessments = [
        c
        for c in parts
        if not refused_off_scale(ctx, sheet, layout.header, [c], labels=(layout.key,))
        and not empty_column(ctx, sheet, layout.header, c)
    ]
    for column in layout.skipped:
        ctx.add(
            "warning",
            sheet,
            cell_address(layout.header, column),
            f"The column headed {quoted(header[column])} holds text or numbers that are not "
            "levels (0 to 4, whole) in most of its cells; it was not read.",
            "If it is an assessment, write levels in it (the number alone is enough); "
            "otherwise there is nothing to do.",
        )
    for column in assessments:
        if isinstance(heading(column), str):
            say_marks(ctx, sheet, cell_address(layout.header, column), heading(column))
        country, when_text, round_label = parts[column]
        if len(named - {None}) == 1:  # one country's column(s) under a Country label: which is it?
            country = label_or_column(
                ctx, sheet, labelled, country, cell_address(layout.header, column)
            )
        when = meta_reader.when(when_text, layout.header, column) if when_text else When()
        # A year written but not read ("Kenya 1445 AH") tells its column apart all the same.
        unread = written_when((when_text, layout.header, column), when) if when_text else None
        meta = Meta(country=country, when=when, round=round_label, unread_when=unread)
        meta = below.under(column, meta).over(defaults)
        key = meta.key()
        if key not in drafts:
            drafts[key] = Draft(sheet)
            apply_meta(drafts[key], meta)
        by_column[column] = drafts[key]
    if labelled is None:  # under a Country label, the label says whose the columns are
        by_column = own_country_columns(
            ctx, sheet, by_column, parts, header=layout.header, heading=heading
        )
    for row in range(below.first, len(sheet.rows)):
        if not sheet.rows[row]:
            continue
        has_answer = any(sheet.value(row, c) is not None for c in layout.assessments)
        found = _row_item(
            ctx,
            sheet,
            row,
            columns={"number": layout.key},
            primary=ctx.capabilities,
            secondary=ctx.enablers,
            has_answer=has_answer,
        )
        if found is None:
            continue
        catalogue, number = found
        for column, draft in by_column.items():
            read_answers(
                ctx,
                sheet,
                draft,
                catalogue=catalogue,
                number=number,
                row=row,
                columns={"level": column, "evidence": layout.evidence.get(column)},
            )
    return [d for d in drafts.values() if any(d is kept for kept in by_column.values())]


@said_twice  # also read from ``forms``, not through ``parse_sheet``
def parse_country_rows(
    ctx: ReadContext, sheet: Sheet, layout: CountryRows, *, responses: bool = False
) -> list[Draft]:
    """One assessment per row, capabilities as columns; with ``responses`` (an online form's),
    each row an assessment of its own, never joined to another of the same country and date."""
    fill_country_down(ctx, sheet, layout)  # a country merged (or written once) over its rows
    meta_reader = MetaReader(ctx, sheet)
    defaults = meta_reader.labelled(layout.header, sheet.width())
    if not layout.columns.keys() & {"year", "date", "when"}:
        # No column dates the rows: the year around the table holds for all of them.
        defaults = with_context(
            ctx, sheet, defaults, layout.header, country=False, empty=meta_reader.empty
        )
    items = header_items(ctx, sheet, layout)
    if refused_off_scale(ctx, sheet, layout.header, sorted(items), whole_table=True):
        return []
    meta_columns = {
        name: column for name, column in layout.columns.items() if name in METADATA_FIELDS
    }
    meta_columns["country"] = layout.country
    drafts: dict[tuple[str, str, str], Draft] = {}
    read: list[Draft] = []  # an online form's responses, one each
    year_rows = YearRows(defaults, dated=bool(meta_columns.keys() & {"year", "date", "when"}))
    for row in range(layout.header + 1, len(sheet.rows)):
        if not sheet.rows[row] or is_export_metadata(sheet.rows[row]):
            continue
        has_answer = any(sheet.value(row, c) is not None for c in items)
        if not has_answer and year_rows.takes(sheet.rows[row]):
            continue  # "2021" alone: the year of the rows below
        if not has_answer:
            # No level in any capability's column: a note under the table ("Source: ..."),
            # or a country not assessed yet. Neither is an assessment.
            say_unanswered(ctx, sheet, row, layout.country, items)
            continue
        draft = _long_row_draft(
            ctx,
            sheet,
            row,
            columns=meta_columns,
            meta_reader=meta_reader,
            defaults=year_rows.defaults,
            drafts={} if responses else drafts,
            has_answer=has_answer,
        )
        if draft is None:
            continue
        if responses:
            draft.response = (str(row + 1),)
            read.append(draft)
        for column, (catalogue, number) in sorted(items.items()):
            read_answers(
                ctx,
                sheet,
                draft,
                catalogue=catalogue,
                number=number,
                row=row,
                columns={"level": column},
            )
    return read if responses else list(drafts.values())


def _parse_tick_table(ctx: ReadContext, sheet: Sheet, layout: TickTable) -> list[Draft]:
    """A tick form: each capability's row has a mark under the level chosen."""
    meta_reader = MetaReader(ctx, sheet)
    defaults = meta_reader.labelled(layout.header, min(layout.levels))
    meta = meta_columns(sheet, layout.header, layout.levels, layout.key)  # a row's own country
    timed = not meta.keys() & {"year", "date", "when"}
    defaults = with_context(
        ctx,
        sheet,
        defaults,
        layout.header,
        country="country" not in meta,
        year=timed,
        empty=meta_reader.empty,
    )
    draft = Draft(sheet)
    apply_meta(draft, defaults)
    draft.country_cell = meta_reader.empty.get("country")
    drafts: dict[tuple[str, str, str], Draft] = {}
    answers = [*layout.levels, *layout.columns.values()]
    rows = [r for r in range(layout.header + 1, len(sheet.rows)) if sheet.rows[r]]
    marks = {r: [c for c in layout.levels if is_tick(sheet.value(r, c))] for r in rows}
    ladder = ladder_rows(ctx, sheet, layout.header, layout.levels, marks)
    for row in rows:
        marked = marks[row]
        if ladder and marked:  # the highest tick of a ladder
            marked = [max(marked, key=layout.levels.__getitem__)]
        has_answer = bool(marked) or any(sheet.value(row, c) is not None for c in answers)
        found = _row_item(
            ctx,
            sheet,
            row,
            columns={"number": layout.key},
            primary=ctx.capabilities,
            secondary=ctx.enablers,
            has_answer=has_answer,
        )
        if found is None:
            continue
        catalogue, number = found
        if meta:
            kept = _long_row_draft(
                ctx,
                sheet,
                row,
                columns=meta,
                meta_reader=meta_reader,
                defaults=defaults,
                drafts=drafts,
                has_answer=has_answer,
            )
            if kept is None:
                continue
            draft = kept
        if len(marked) > 1:
            cells = " and ".join(
                f"{cell_address(row, c)} (level {layout.levels[c]})" for c in marked
            )
            ctx.add(
                "error",
                sheet,
                cell_address(row, marked[0]),
                f"{catalogue.describe(number).capitalize()} is marked at more than one level: "
                f"{cells}; it was not used.",
                "Leave one mark in the row: the level reached.",
            )
            continue
        read_answers(
            ctx,
            sheet,
            draft,
            catalogue=catalogue,
            number=number,
            row=row,
            columns={"level": marked[0] if marked else None, **layout.columns},
            ticks=layout.levels,
        )
    return list(drafts.values()) if meta else [draft]
