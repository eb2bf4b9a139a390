"""Finding the table on a sheet: which of the shapes the reader understands, and where.

Three shapes: ``ItemTable`` (one row per capability or enabler: the template, or a long table
when it has a country column), ``ItemRows`` (wide: capabilities down, one column per
assessment) and ``CountryRows`` (wide: one row per assessment, capabilities across). Each is
found by its header row, within the first ``HEADER_SCAN_ROWS`` rows.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from components.base.text import normalise
from components.ingest.column_roles import (
    asks_country,
    averages_beside_assessments,
    header_item,
    is_scorer,
    is_summary_column,
    is_target,
    names_items_across,
    scorer_levels,
)
from components.ingest.countries import is_unknown_script_name
from components.ingest.extra_levels import beside_levels, settled_rivals
from components.ingest.header_choice import settled_fields
from components.ingest.header_groups import two_row_fields
from components.ingest.header_values import code_fields, item_roles
from components.ingest.item_kind import item_kind
from components.ingest.level_header import level_column_by_values
from components.ingest.level_labels import is_label_column
from components.ingest.level_mark_columns import is_roman, reads_as_level, tick_header
from components.ingest.level_marks import without_marks_around
from components.ingest.lone_level import lone_level
from components.ingest.matching import (
    Catalogue,
    Field,
    classify_header,
    exact_reference,
    is_exact_title,
    is_plain_number,
    is_summary,
)
from components.ingest.partial_header import countries_down, few_but_titled
from components.ingest.pivots import row_labels_column
from components.ingest.sheets import ReadContext, Sheet
from components.ingest.state_words import dated_siblings
from components.ingest.tick_rows import is_ladder
from components.ingest.values import parse_level, split_assessment_header
from components.ingest.work_states import headed_levels, level_candidates

# A table's header row is looked for in this many rows from the top: generous for notes and
# rows inserted above, and it bounds the work on a sheet that has no table at all.
HEADER_SCAN_ROWS = 200
# Rows below a candidate header that are looked at to recognise a wide table's key column.
KEY_SAMPLE_ROWS = 40
MIN_KEY_MATCHES = 3


@dataclass(frozen=True)
class ItemTable:
    """One row per capability (or enabler): the template, or a long table when it has a
    country column."""

    header: int
    columns: Mapping[Field, int]
    catalogue: Literal["capability", "enabler"]


@dataclass(frozen=True)
class ItemRows:
    """Wide: capabilities as rows, one column per assessment ("Kenya 2023")."""

    header: int
    key: int
    assessments: tuple[int, ...]
    skipped: tuple[int, ...] = ()  # headed like an assessment, but holding text, not levels
    # A "Level" column per assessment, named in the row above ("Elbonia" over its Level and
    # Comments): the name of each, and the notes column beside it.
    names: Mapping[int, Any] = field(default_factory=dict)
    evidence: Mapping[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class CountryRows:
    """Wide: one row per assessment, capabilities as columns."""

    header: int
    country: int
    columns: Mapping[Field, int]
    items: Mapping[int, tuple[Catalogue, int]]


@dataclass(frozen=True)
class TickTable:
    """One row per capability and one column per level, the level chosen marked ("x", "✓"):
    the form that lists the scale across and asks people to tick one box."""

    header: int  # the row heading each level's column
    key: int  # the column naming the capabilities
    levels: Mapping[int, int]  # column -> the level it stands for
    columns: Mapping[Field, int]  # evidence, confidence, ... found beside the key


@dataclass(frozen=True)
class SeveralLevels:
    """A header with more than one column named like the level ("Self-assessed level",
    "Validated level"), and nothing saying whose each is: which to read is for the person."""

    header: int
    columns: tuple[int, ...]


Layout = ItemTable | ItemRows | CountryRows | TickTable | SeveralLevels

# A tick form lists at least this many of the scale's levels across its header.
MIN_TICK_LEVELS = 3


def _header_fields(cells: tuple[Any, ...]) -> dict[Field, int]:
    found: dict[Field, int] = {}
    for column, value in enumerate(cells):
        name = classify_header(value) or ("country" if asks_country(value) else None)
        if name is not None and name not in found:
            found[name] = column
    return settled_fields(cells, found, asks_country)  # "Title" or "Capability"? (header_choice)


def find_layout(ctx: ReadContext, sheet: Sheet) -> Layout | None:
    """The table this reader understands on the sheet, found by its header row.

    A header naming both the capability and the level is the strongest sign, so it is looked
    for first over the whole scan; only then the wide shapes, whose headers are data (country
    names, capability titles) and could otherwise be mistaken in a title row above the table.
    """
    scan = range(min(len(sheet.rows), HEADER_SCAN_ROWS))
    for row in scan:
        fields = code_fields(ctx, sheet, row, _header_fields(sheet.rows[row]))
        # A form's export heads each capability's question with a level word ("Level of
        # Leadership"): capabilities across, one response a row, found among the wide shapes.
        if fields.keys() & {"number", "capability", "enabler"} and not names_items_across(
            sheet.rows[row], ctx.capabilities
        ):
            # "Assessment" merged over "Level" | "Justification": the header is both rows.
            joined = two_row_fields(sheet, row, fields, _header_fields)
            layout = joined and _levelled_table_at(ctx, sheet, row + 1, joined)
            if isinstance(layout, ItemTable | SeveralLevels):  # a level under each of two labels
                return layout
            layout = _scorer_table(ctx, sheet, row, fields, None) or _levelled_table_at(
                ctx, sheet, row, fields
            )
            if layout is not None:
                return layout
    index = _KeyIndex(ctx, sheet)
    for row in scan:
        if not sheet.rows[row]:
            continue
        fields = code_fields(ctx, sheet, row, _header_fields(sheet.rows[row]))
        # A header naming capabilities across is never keyed by a column of response ids.
        across = names_items_across(sheet.rows[row], ctx.capabilities)
        layout = (
            _tick_table_at(ctx, sheet, index, row)
            or (None if across else _item_rows_at(ctx, sheet, index, row, fields))
            or _country_rows_at(ctx, sheet, row, fields)
        )
        if layout is not None:
            return layout
    return None


def _levelled_table_at(
    ctx: ReadContext, sheet: Sheet, row: int, fields: Mapping[Field, int]
) -> Layout | None:
    """The table headed at ``row`` by the capability and the level (a level column whose
    header was typed over with a level is known by its values)."""
    if "level" not in fields:
        if (column := level_column_by_values(ctx, sheet, row, fields)) is None:
            return None
        fields = {**fields, "level": column}
    levels, fields = beside_levels(sheet, row, *headed_levels(ctx, sheet, row, fields))
    key = fields.get("capability", fields.get("number"))
    if len(levels) > 1:
        # A column per level under "Level" merged over them, or headed "Level 0" … "Level 4";
        # or two level columns (self-assessed and validated) that only the person can choose.
        for header in (row + 1, row):
            if tick := _tick_table_at(ctx, sheet, _KeyIndex(ctx, sheet), header, key=key):
                return tick
        # A Status column of words ("In progress") is no rival of the levels beside it.
        levels = level_candidates(ctx, sheet, row, levels)  # nor a column of work states
        fields = {**fields, "level": levels[0]}
    if len(levels) > 1:
        named = _named_level_columns(sheet, row, levels, key)
        if named is not None:
            return named
        rivals = _rival_levels(ctx, sheet, row, levels) or settled_rivals(ctx, sheet, row, levels)
        if rivals:
            return SeveralLevels(row, (levels[0], *rivals))
    if key is not None and (dated := dated_siblings(ctx, sheet, row, fields)):
        # "Baseline (2019)" beside "Current status (2024)": an assessment a column
        evidence = {fields["level"]: fields["evidence"]} if "evidence" in fields else {}
        return ItemRows(row, key, (*dated, fields["level"]), evidence=evidence)
    if averages_beside_assessments(ctx, sheet, row, fields, levels):
        return None  # "Average level" right of the countries' columns: a wide table's
    return ItemTable(row, fields, item_kind(ctx, sheet, row, fields))


def _scorer_table(
    ctx: ReadContext, sheet: Sheet, row: int, fields: Mapping[Field, int], key: int | None
) -> Layout | None:
    """A column per scorer ("Assessor 1") and capabilities down: one assessment, read from
    the column the scorers settled on; without one, which is for the person to say."""
    found = scorer_levels(sheet, row, ctx.framework.scale)
    if found is None:
        return None
    agreed, choices = found
    if agreed is None:
        return SeveralLevels(row, choices)
    columns = {**fields, "level": agreed}
    if key is not None and not columns.keys() & {"number", "capability", "enabler"}:
        columns["number"] = key
    return ItemTable(row, columns, item_kind(ctx, sheet, row, columns))


class _KeyIndex:
    """Where a sheet's top rows name capabilities, column by column.

    Built once per sheet so that trying every row as a possible header stays linear: each
    window of rows below a header is then counted with two bisections. Summary labels
    ("Average") and domain headings between the capabilities are not counted as filled: a
    grid with them is still a grid of capabilities.
    """

    def __init__(self, ctx: ReadContext, sheet: Sheet) -> None:
        self.hits: dict[int, list[int]] = {}
        self.filled: dict[int, list[int]] = {}
        # Numbers (not titles or codes) a column names: weak evidence on their own, since a
        # column of levels 1 to 4 would name capabilities 1 to 4 too.
        self.numbers: dict[int, set[int]] = {}
        self.named: dict[int, int] = {}
        domains = ctx.domain_names
        for row, cells in enumerate(sheet.rows[: HEADER_SCAN_ROWS + KEY_SAMPLE_ROWS]):
            for column, value in enumerate(cells):
                if value is None:
                    continue
                if isinstance(value, str) and normalise(value) in domains:
                    continue
                number = exact_reference(value, ctx.capabilities)
                if number is None and is_summary(value):
                    continue  # ("Media & Communications: ..." names a capability, no summary)
                self.filled.setdefault(column, []).append(row)
                if number is not None:
                    self.hits.setdefault(column, []).append(row)
                    if is_plain_number(value) or is_roman(value):  # "II": weak, as "2" is
                        self.numbers.setdefault(column, set()).add(number)
                    else:
                        self.named[column] = self.named.get(column, 0) + 1

    def starts_below(self, column: int, header: int) -> bool:
        """Whether the first filled cell below ``header`` in ``column`` names a capability
        (so a second header row, or a title, is not taken for the header)."""
        filled = self.filled.get(column, [])
        position = bisect.bisect_right(filled, header)
        if position == len(filled):
            return False
        hits = self.hits.get(column, [])
        found = bisect.bisect_left(hits, filled[position])
        return found < len(hits) and hits[found] == filled[position]

    def counts(self, column: int, header: int) -> tuple[int, int]:
        """(cells naming a capability, filled cells) in the rows just below ``header``."""
        return tuple(  # type: ignore[return-value]
            bisect.bisect_right(rows, header + KEY_SAMPLE_ROWS) - bisect.bisect_right(rows, header)
            for rows in (self.hits.get(column, []), self.filled.get(column, []))
        )

    def is_key(self, column: int, header_value: Any, top_level: int) -> bool:
        """Whether a column names capabilities by title or code, or by numbers that go past
        the scale (or under a number header): not a column of levels."""
        if self.named.get(column, 0) >= MIN_KEY_MATCHES:
            return True
        numbers = self.numbers.get(column, set())
        return classify_header(header_value) in ("number", "capability") or any(
            n > top_level for n in numbers
        )


def _named_level_columns(
    sheet: Sheet, header: int, levels: list[int], key: int | None
) -> ItemRows | None:
    """A Level column per assessment, each named in the row above it ("Elbonia", often merged
    over its Level and Comments columns), as capabilities down and assessments across."""
    if key is None or header == 0:
        return None
    names = {column: sheet.value(header - 1, column) for column in levels}
    # A year over each Level column ("2021" merged over Level | Evidence) comes as 2021.0.
    names = {c: int(v) if isinstance(v, float) and v.is_integer() else v for c, v in names.items()}
    texts = [name for name in names.values() if isinstance(name, str | int)]
    if len(texts) != len(levels) or len(set(texts)) != len(texts):
        return None
    if any(classify_header(name) is not None or is_summary(name) for name in texts):
        return None
    cells = sheet.rows[header]
    evidence: dict[int, int] = {}
    for position, column in enumerate(levels):
        end = levels[position + 1] if position + 1 < len(levels) else len(cells)
        notes = [c for c in range(column + 1, end) if classify_header(cells[c]) == "evidence"]
        if notes:
            evidence[column] = notes[0]
    return ItemRows(header, key, tuple(levels), names=names, evidence=evidence)


def _rival_levels(ctx: ReadContext, sheet: Sheet, header: int, columns: list[int]) -> list[int]:
    """The level columns after the first that hold other levels for the same rows.

    A second column saying the same (a label and its number by formula) is no rival, nor one
    filled in a few rows only (the scale's legend beside the table); one with its own levels
    in most rows (self-assessed and validated) is: which is meant is the person's choice.
    """
    scale = ctx.framework.scale
    last = len(sheet.rows)

    def levels_of(column: int) -> list[int | None]:
        return [parse_level(v, scale).level for v in sheet.column(column, header + 1, last)]

    first = levels_of(columns[0])
    filled = sum(level is not None for level in first)
    rivals = []
    for column in columns[1:]:
        other = levels_of(column)
        both = [
            (a, b) for a, b in zip(first, other, strict=True) if a is not None and b is not None
        ]
        differ = sum(a != b for a, b in both)
        # The number's label in words ("3 | Established") is no rival: its rows that
        # disagree are said when the table is read (``level_labels``).
        if (
            differ >= MIN_KEY_MATCHES
            and len(both) * 2 >= filled
            and not is_label_column(ctx, sheet, header, columns[0], column)
        ):
            rivals.append(column)
    return rivals


# What a tick form's unticked box may hold: nothing, or a "no" of some kind.
_NO_MARKS = frozenset({"0", "no", "non", "nao", "false", "n", "-", "–", "—"})


def is_tick(value: Any) -> bool:
    """Whether a cell of a tick form's level column marks that level ("x", "✓", 1, "yes")."""
    if value is None or value is False:
        return False
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value != 0
    return normalise(str(value)) not in _NO_MARKS and bool(str(value).strip())


def _tick_levels(ctx: ReadContext, cells: tuple[Any, ...]) -> dict[int, int]:
    """The columns of ``cells`` headed by one level of the scale each ("0", "2 - Developing",
    "Mature"), when they are side by side and each level heads one column only."""
    scale = ctx.framework.scale
    found: dict[int, int] = {}
    for column, value in enumerate(cells):
        if value is None or not tick_header(value, scale):  # "Level 0": ``level_mark_columns``
            continue
        reading = parse_level(without_marks_around(value), scale)  # "🟢 Established" too
        if reading.level is not None and not reading.error and not reading.warning:
            found[column] = reading.level
    if len(found) < MIN_TICK_LEVELS or len(set(found.values())) != len(found):
        return {}
    if max(found) - min(found) + 1 != len(found):
        return {}
    return found


def _tick_table_at(
    ctx: ReadContext, sheet: Sheet, index: _KeyIndex, row: int, *, key: int | None = None
) -> TickTable | None:
    """Levels across ``row``, capabilities down a column, one level marked in most rows."""
    if row >= len(sheet.rows):
        return None
    cells = sheet.rows[row]
    levels = _tick_levels(ctx, cells)
    if not levels:
        return None
    if key is None:
        ranked = [
            (index.counts(c, row)[0], c)
            for c in index.hits
            if c not in levels
            and index.is_key(c, sheet.value(row, c), ctx.framework.scale.maximum)
            and index.starts_below(c, row)
        ]
        hits, key = max(ranked, default=(0, None))
        if key is None or hits < MIN_KEY_MATCHES:
            return None
    # The boxes must look ticked: one mark in a row far more often than several (a table of
    # levels with the numbers 0 to 4 across would have a value in every column).
    single = several = 0  # boxes ticked up to the level reached count as one (``tick_rows``)
    for below in range(row + 1, min(len(sheet.rows), row + 1 + KEY_SAMPLE_ROWS)):
        marks = {levels[c]: v for c in levels if is_tick(v := sheet.value(below, c))}
        ladder = is_ladder(marks, min(levels.values()))
        single += len(marks) == 1 or ladder
        several += len(marks) > 1 and not ladder
    if single < MIN_KEY_MATCHES or several * 2 > single:
        return None
    fields = {
        **_header_fields(sheet.rows[row - 1] if row else ()),
        **_header_fields(cells),
    }
    columns = {
        name: column
        for name, column in fields.items()
        if name in ("evidence", "confidence") and column not in levels
    }
    return TickTable(row, key, levels, columns)


def _item_rows_at(
    ctx: ReadContext, sheet: Sheet, index: _KeyIndex, row: int, fields: Mapping[Field, int]
) -> Layout | None:
    """Capabilities down a column below ``row``, assessments named across ``row``."""
    cells = sheet.rows[row]
    best: tuple[int, int] | None = None
    top_level = ctx.framework.scale.maximum
    for column in sorted(index.hits):
        header = cells[column] if column < len(cells) else None
        if header is not None and classify_header(header) not in ("number", "capability"):
            continue
        if not index.is_key(column, header, top_level) or not index.starts_below(column, row):
            continue
        hits, filled = index.counts(column, row)
        # Most filled cells below must name a capability: a column of small numbers that
        # happens to include 1, 2 and 3 is not enough on its own.
        if hits >= MIN_KEY_MATCHES and hits * 5 >= filled * 3 and (best is None or hits > best[1]):
            best = (column, hits)
    if best is None:
        return None
    scored = _scorer_table(ctx, sheet, row, fields, best[0])
    if scored is not None:
        return scored
    if row > 0 and _only_index_name(cells, best[0]):
        # pandas' export of a table with two column levels: the names across the rows above,
        # then a row naming only the index ("capability") over the labels.
        row, cells = row - 1, sheet.rows[row - 1]
        fields = _header_fields(cells)
    ignored = {
        c for f, c in fields.items() if f in ("number", "capability", "domain", "description")
    }
    candidates = [
        c
        for c, value in enumerate(cells)
        if c != best[0]
        and value is not None
        and c not in ignored
        and classify_header(value) is None
        and not is_summary_column(value)
        and not is_target(value)
        and exact_reference(value, ctx.capabilities) is None
        # Another column naming the same capabilities (numbers beside titles) is no assessment.
        and not (index.named.get(c, 0) >= MIN_KEY_MATCHES and index.counts(c, row)[0] >= 3)
    ]
    # A column of text ("Lead agency") is not an assessment: most of its values must read as
    # levels. An empty column is kept (an assessment not filled in yet).
    assessments, skipped = [], []
    for column in candidates:
        values = [sheet.value(r, column) for r in range(row + 1, row + 1 + KEY_SAMPLE_ROWS)]
        filled = [v for v in values if v is not None]
        readable = sum(reads_as_level(ctx, v) for v in filled)  # "II" by a key: ``mark_keys``
        (assessments if readable * 2 >= len(filled) else skipped).append(column)
    if not assessments or countries_down(ctx, sheet, row, fields, best[0]):
        return None  # a long table's level column under a header the reader does not know
    if lone := lone_level(ctx, sheet, row, fields, key=best[0], assessments=assessments):
        return ItemTable(row, lone, item_kind(ctx, sheet, row, lone))
    return ItemRows(*item_roles(sheet, row, best[0], tuple(assessments), tuple(skipped)))


def _is_title(ctx: ReadContext, value: Any) -> bool:
    return is_exact_title(value, ctx.capabilities) or is_exact_title(value, ctx.enablers)


def _only_index_name(cells: tuple[Any, ...], key: int) -> bool:
    """Whether a row holds nothing but the key column's header ("capability"): the name of a
    pandas index, under the column names; with a two-level index ("no", "capability") both."""
    filled = [column for column, value in enumerate(cells) if value is not None]
    keys = all(classify_header(cells[c]) in ("number", "capability") for c in filled)
    return key in filled and filled == list(range(filled[0], filled[-1] + 1)) and keys


def _country_rows_at(
    ctx: ReadContext, sheet: Sheet, row: int, fields: Mapping[Field, int]
) -> CountryRows | None:
    """Capabilities across ``row``, one assessment per row below."""
    cells = sheet.rows[row]
    items: dict[int, tuple[Catalogue, int]] = {}
    titled = 0
    for column, value in enumerate(cells):
        if value is None:
            continue
        # A title is an item even when a header word is in it ("Data and evidence on CSEA"),
        # and so is a form's question about one ("Level of Leadership").
        title = _is_title(ctx, value)
        for catalogue in (ctx.capabilities, ctx.enablers):
            number = exact_reference(value, catalogue) if title else header_item(value, catalogue)
            if number is not None and not (
                catalogue is ctx.enablers and isinstance(value, int | float)
            ):
                items[column] = (catalogue, number)
                titled += not is_plain_number(value)
                break
    few = sum(c.kind == "capability" for c, _ in items.values()) < MIN_KEY_MATCHES
    if few and not few_but_titled(ctx, sheet, row, fields, items):
        return None
    pivot = row_labels_column(cells, min(items))  # a pivot's "Row Labels" over the countries
    fields = {n: c for n, c in fields.items() if c not in items and c != pivot}
    if "country" in fields or pivot is not None:
        country = fields.get("country", pivot)
    else:
        # An unlabelled first column of names is common; accept it only when the header
        # cells are unmistakably capabilities (titles or "C1"), not bare numbers.
        first_item = min(items)
        blanks = [c for c in range(first_item) if c >= len(cells) or cells[c] is None]
        named = bool(blanks) and titled >= MIN_KEY_MATCHES
        if not named and "iso3" not in fields:
            return None
        country = blanks[0] if named else fields["iso3"]  # else ISO3 codes alone name them
    return CountryRows(row, country, dict(fields), items)


def repeated_headers(sheet: Sheet, layout: ItemTable) -> list[int]:
    """The rows below ``layout``'s header that head their columns the same way again: the
    headers of tables stacked under it on the sheet (a country's, then the next one's)."""
    heads = {
        column: name
        for name, column in layout.columns.items()
        if name in ("level", "number", "capability", "enabler")
    }
    repeated = []
    for row in range(layout.header + 1, len(sheet.rows)):
        cells = sheet.rows[row]
        if all(
            column < len(cells) and classify_header(cells[column]) == name
            for column, name in heads.items()
        ):
            repeated.append(row)
    return repeated


def layout_from_mapping(
    ctx: ReadContext, sheet: Sheet, columns: Mapping[str, int], header: int
) -> Layout | None:
    """The layout a person's mapping describes (header row and column roles), if it is one.

    Capability and level columns: one row per capability (a long table when a country column
    is given too). A capability column without a level column: capabilities down, and every
    other headed column an assessment. A country column without a capability column: one row
    per assessment, capabilities across the header row.
    """
    fields: dict[Field, int] = {}
    for role, field_name in (("country", "country"), ("year", "when"), ("evidence", "evidence")):
        if role in columns:
            fields[field_name] = columns[role]  # type: ignore[index]
    cells = sheet.rows[header] if header < len(sheet.rows) else ()
    if "capability" in columns and "level" in columns:
        fields["capability"] = columns["capability"]
        fields["level"] = columns["level"]
        return ItemTable(header, fields, "capability")
    if "capability" in columns:
        used = set(columns.values())
        assessments = tuple(
            c
            for c, value in enumerate(cells)
            if value is not None
            and c not in used
            and not (is_summary_column(value) or is_target(value) or is_scorer(value))
        )
        return ItemRows(header, columns["capability"], assessments) if assessments else None
    if "country" in columns:
        items: dict[int, tuple[Catalogue, int]] = {}
        for column, value in enumerate(cells):
            number = exact_reference(value, ctx.capabilities) if value is not None else None
            if number is not None and column not in columns.values():
                items[column] = (ctx.capabilities, number)
        return CountryRows(header, columns["country"], fields, items)
    return None


def assessment_header(value: Any) -> tuple[str | None, str | None, str | None]:
    """A wide table's column header as (country, when, round): ``split_assessment_header``,
    except that "Level 2024" or "Score 2025" names the level of a year, not a country called
    "Level" (the country then comes from the labels or the title)."""
    country, when, round_label = split_assessment_header(value)
    # Nor is a header in a script pycountry's names do not cover ("Уровень", Russian "Level").
    if country is not None and (
        classify_header(country) == "level" or is_unknown_script_name(country)
    ):
        country = None
    return country, when, round_label


def column_header(sheet: Sheet, header: int, column: int) -> Any:
    """A wide table's column header; a year under a country in the row above (two header
    rows, the country often merged over its years) is read as "Country year"."""
    value = sheet.value(header, column)
    country, when, round_label = split_assessment_header(value)
    above = sheet.value(header - 1, column) if header > 0 else None
    if (
        country is None
        and when is not None
        and isinstance(above, str)
        and classify_header(above) is None
        and not is_summary(above)
    ):
        # "Baseline 2021" under "Elbonia": the round stays, or two rounds would be one.
        return f"{above} {when} {round_label}" if round_label else f"{above} {when}"
    return value
