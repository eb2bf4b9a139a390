"""An assessment being assembled from a sheet: its metadata and its answers, cell by cell.

``Draft`` collects one assessment's country, date or year, round and levels while its sheet is
read; ``MetaReader`` reads metadata (labelled cells or table columns); ``read_answers`` reads
one item's level, evidence and confidence; ``report_match`` says how a cell was taken as a
capability or enabler. What cannot be used is reported on the ``ReadContext``, never guessed.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from openpyxl.utils import get_column_letter

from components.base.text import normalise
from components.ingest.by_lines import colon_form
from components.ingest.calendars import buddhist_fix_for, other_calendar_year
from components.ingest.confidence_cells import say_bad_confidence
from components.ingest.countries import country_of_code, is_number_only, without_marks
from components.ingest.country_texts import country_line, country_text
from components.ingest.label_notes import without_notes
from components.ingest.label_pairs import labels_in_cell
from components.ingest.level_phrases import header_language, labels_in
from components.ingest.level_slips import joined_level
from components.ingest.lost_letters import say_lost_country
from components.ingest.marked_levels import meta_mark, no_mark, read_marked, unmarked
from components.ingest.matching import (
    METADATA_FIELDS,
    Catalogue,
    Field,
    ItemMatch,
    classify_header,
)
from components.ingest.numbered_enablers import hint
from components.ingest.placeholders import is_prompt, note_prompt
from components.ingest.scale_words import level_in_words
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted, with_article
from components.ingest.struck_levels import struck_parts, struck_reading
from components.ingest.text_dates import UNUSABLE, text_date
from components.ingest.values import (
    LevelReading,
    When,
    is_blank,
    level_choices,
    parse_confidence,
    parse_iso3,
    parse_level,
    split_assessment_header,
)
from components.ingest.year_and_date import read_when, written_when
from components.ingest.year_forms import future_year, swapped_years, year_cell


@dataclass
class Draft:
    """One assessment being assembled while its sheet is read."""

    sheet: Sheet
    country: str | None = None
    iso3: str | None = None
    year: int | None = None
    date: datetime.date | None = None
    round: str | None = None
    assessed_by: str | None = None
    # kind -> number -> (level, evidence, confidence)
    items: dict[str, dict[int, tuple[int | None, str | None, str | None]]] = field(
        default_factory=lambda: {"capability": {}, "enabler": {}}
    )
    first_cell: dict[tuple[str, int], str] = field(default_factory=dict)
    # A later row for an item already read: (kind, number, cell, level), said by ``twice``.
    twice: list[tuple[str, int, str, int | None]] = field(default_factory=list)
    # The template's Enablers sheet: no country of its own, joins the Assessment sheet's.
    needs_owner: bool = False
    # Where the country should have been written, when its label was found empty.
    country_cell: str | None = None
    # A date or year written but not read ("2566 BE"): (as written, its cell); no year.
    unread_when: tuple[str, str] | None = None
    # An online form's response: its row ("7"), which sets it apart from the others of the
    # same country, date and round (``form_responses``); empty for every other assessment.
    response: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        when = self.date.isoformat() if self.date else self.year
        parts = [self.country or "(no country)", str(when) if when else "", self.round or ""]
        return " ".join(p for p in parts if p)

    def key(self) -> tuple[str, str, str]:
        """(country, date or year, round), normalised: which assessment this is. Two years
        written but not read are two assessments, never one (``unread_years``)."""
        when = self.date.isoformat() if self.date else str(self.year or "")
        if not when and self.unread_when:
            when = f"?{self.unread_when[0]}"
        return normalise(self.country or ""), when, normalise(self.round or "")

    def take_in(self, other: Draft) -> None:
        """Join ``other``'s items (the same assessment, from another sheet) into this one."""
        for kind in ("capability", "enabler"):
            self.items[kind].update(other.items[kind])
        self.first_cell.update(other.first_cell)
        self.twice.extend(other.twice)
        self.iso3 = self.iso3 or other.iso3
        self.assessed_by = self.assessed_by or other.assessed_by

    @property
    def enablers_only(self) -> bool:
        """Enablers with a country but no capability: a long Enablers table's assessment
        (or an Enablers sheet with its own Country label), which belongs to the capability
        assessment of the same country, date or year and round elsewhere in the file."""
        return (
            self.country is not None
            and not self.needs_owner
            and not self.items["capability"]
            and bool(self.items["enabler"])
        )


@dataclass(frozen=True)
class Meta:
    """Metadata read from labelled cells or from a row's columns, before defaults apply."""

    country: str | None = None
    iso3: str | None = None
    when: When = field(default_factory=When)
    round: str | None = None
    assessed_by: str | None = None
    unread_when: tuple[str, str] | None = None  # as ``Draft.unread_when``

    def __post_init__(self) -> None:
        # A number ("0.0", "114377001") is never a country's name, wherever it was read (a
        # column heading, a label, a title, a row's cell): no country rather than a made-up one.
        if self.country is not None and is_number_only(str(self.country)):
            object.__setattr__(self, "country", None)

    def key(self) -> tuple[str, str, str]:
        when = self.when.date.isoformat() if self.when.date else str(self.when.year or "")
        if not when and self.unread_when:
            when = f"?{self.unread_when[0]}"
        return normalise(self.country or ""), when, normalise(self.round or "")

    def over(self, defaults: Meta) -> Meta:
        """These values, with ``defaults`` where these are missing."""
        # A date that cannot say which assessment its row is (``text_dates``) stays.
        when = self.when if self.when.year is not None or self.when is UNUSABLE else defaults.when
        return Meta(
            self.country or defaults.country,
            self.iso3 or defaults.iso3,
            when,
            self.round or defaults.round,
            self.assessed_by or defaults.assessed_by,
            (self.unread_when or defaults.unread_when) if when.year is None else None,
        )


def say_marks(ctx: ReadContext, sheet: Sheet, cell: str | None, text: str) -> None:
    """Say that footnote marks or a status were set apart from a country's name ("Kenya*",
    "Tanzania (draft)"), when ``text`` has any."""
    name, marks, status = without_marks(text)
    if not (marks or status):
        return
    parts = []
    if marks:
        parts.append(f"the footnote mark {quoted(marks)} was left out of the country's name")
    if status:
        parts.append(f"{quoted(status)} was taken as the round, not as part of the name")
    name = split_assessment_header(name)[0] or name
    ctx.add(
        "warning",
        sheet,
        cell,
        f"{quoted(text)}: {' and '.join(parts)}; the country is {quoted(name)}.",
        "If that is wrong, write the country's name alone and put notes in a column or "
        "cell of their own.",
    )


def cell_text(value: Any) -> str | None:
    """A cell as text for country, evidence and similar: ``None`` when blank."""
    if is_blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


# Between a label and its value typed in one cell: "Country: Elbonia", "Year - 2023",
# "Año – 2024". A hyphen inside a word ("Guinea-Bissau", "2023-05-01") is no separator.
_LABEL_SEPARATOR = re.compile(r"\s*:\s*|\s+-\s+|\s*[–—]\s*")


def label_and_value(value: Any) -> tuple[Field, str] | None:
    """``("country", "Elbonia")`` for a cell "Country: Elbonia": a metadata label of the
    vocabulary (any language) and its value typed in one cell. ``None`` for anything else,
    and for a label with nothing after it ("Country:"), which is a label cell of its own."""
    if not isinstance(value, str):
        return None
    return _label_and_value_text(value)


# Bounded: the keys are user text, and a long-running server must not grow without limit.
@lru_cache(maxsize=4096)
def _label_and_value_text(text: str) -> tuple[Field, str] | None:
    parts = _LABEL_SEPARATOR.split(" ".join(colon_form(text).split()), maxsplit=1)  # SAS's "="
    if len(parts) != 2 or not parts[1]:
        return None
    name = classify_header(parts[0])
    if name not in METADATA_FIELDS:
        return None
    return name, without_notes(parts[1])  # "Kenya · Key: 0 = …": the key is no country's


def _one_line(value: Any) -> str | None:
    text = cell_text(value)
    return " ".join(text.split()) if text else None


class MetaReader:
    """Reads metadata values (label cells or table columns), reporting what it cannot use."""

    def __init__(self, ctx: ReadContext, sheet: Sheet) -> None:
        self.ctx = ctx
        self.sheet = sheet
        # Labels found with nothing beside them: field -> the cell the value belongs in.
        self.empty: dict[Field, str] = {}

    def when(
        self,
        value: Any,
        row: int,
        column: int,
        *,
        country: int | None = None,
        instead: str | None = None,
    ) -> When:
        """A date or year cell; a date of numbers is read as its column (and the countries of
        ``country``, a column) allow (``text_dates``). ``instead``: what the caller does when
        the cell gives no year (the date beside it used: ``year_and_date``), said as done."""
        if meta_mark(self.ctx, self.sheet, value, row, column, what="year"):  # "NULL", "."
            return When()
        dated = text_date(self.ctx, self.sheet, value, row, column, country_column=country)
        if dated is UNUSABLE or (dated is not None and not dated.note):
            return dated
        when = dated or self.ctx.cached("when", value, year_cell)
        if when.note and self.ctx.once((self.sheet.name, "when", column, str(value))):
            kept = "it was used" if when.year is not None else "it was left empty"
            # A year of another calendar is never converted: an error naming the year to write.
            other = other_calendar_year(value) if when.year is None else None
            future = when.year is None and future_year(value)
            if future:
                kept = "it was left empty, and the assessment was read without a year"
            fix = "Write a year such as 2024 or a date such as 2024-03-31."
            if when.year is not None and "was read as" in when.note:  # "23": 2023, said
                kept = ""
                fix = f"Nothing to do if it is {when.year}; otherwise write the year in full."
            if when.year is not None and (era := buddhist_fix_for(value, when.year)):
                kept, fix = "", era  # "2567": read as 2024, said in the note
            if future:
                meant = (swapped_years(int(float(value))) or [2023])[-1]
                fix = f"Write the year the assessment was made in the cell, such as {meant}."
            if when.year is None and instead:
                kept = instead
                if not (other or future):
                    fix = (
                        "Nothing to do if the date's year is the assessment's; otherwise write "
                        f"the year in {cell_address(row, column)}, such as 2024."
                    )
            self.ctx.add(
                "error" if other or future else "warning",
                self.sheet,
                cell_address(row, column),
                f"Date or year {when.note}{'; ' + kept if kept else ''}.",
                other.fix if other else fix,
            )
        return when if when.year is not None else When()

    def iso3(self, value: Any, row: int, column: int) -> str | None:
        code = parse_iso3(value)
        if (
            code is None
            and not is_blank(value)
            and not meta_mark(self.ctx, self.sheet, value, row, column, what="ISO3 code")
            and self.ctx.once((self.sheet.name, "iso3", column, str(value)))
        ):
            self.ctx.add(
                "warning",
                self.sheet,
                cell_address(row, column),
                f"ISO3 code {quoted(value)} is not three letters; it was left empty.",
                "Write the ISO 3166 alpha-3 code, e.g. KEN, or leave the cell blank.",
            )
        return code

    def country(self, value: Any, row: int, column: int) -> str | None:
        """A country cell's text; a number ("114377001", a respondent's ID) is none, said
        once for its column."""
        reading = country_text(value) if value.__class__ is str else country_line(_one_line(value))
        text, shown, lost, number = reading  # a text's once per process (``country_texts``)
        if shown is not None:
            cell = cell_address(row, column)
            if self.ctx.once((self.sheet.name, "error-country", column, shown)):
                self.ctx.add(
                    "error",
                    self.sheet,
                    cell,
                    f"{cell} shows {shown}, a formula error, not a country; no row whose country "
                    f"shows {shown} was used.",
                    "Correct the formula that gave it (a lookup that found nothing shows #N/A) "
                    f"and save the file again, or write the country in {cell}.",
                )
            return None
        if lost:  # "??????????": letters lost in saving
            say_lost_country(self.ctx, self.sheet, text, cell_address(row, column))
            return None
        if not number:
            return text
        if self.ctx.once((self.sheet.name, "number-country", column)):
            self.ctx.add(
                "error",
                self.sheet,
                cell_address(row, column),
                f"{quoted(text)} in {cell_address(row, column)} is a number, not a country's "
                "name; it was not used as one, nor any other number in column "
                f"{get_column_letter(column + 1)}.",
                "Write each country's name (or its ISO3 code) there. If that column is an ID, "
                "head the column that names the countries “Country”.",
            )
        return None

    def marked(self, text: str, row: int, column: int) -> tuple[str, str]:
        """A country's name less footnote marks ("Kenya*") and a status in brackets
        ("Tanzania (draft)"), said once per cell text; and the status (the round)."""
        name, marks, status = without_marks(text)
        if not name or not (marks or status):
            return text, ""
        if self.ctx.once((self.sheet.name, "marks", column, text)):
            say_marks(self.ctx, self.sheet, cell_address(row, column), text)
        return name, status

    def from_cells(self, cells: Mapping[Field, tuple[Any, int, int]]) -> Meta:
        """Metadata from ``field -> (value, row, column)``."""
        country_column = cells["country"][2] if "country" in cells else None
        when, unread = read_when(self, cells, country_column)  # a year column decides
        iso3 = self.iso3(*cells["iso3"]) if "iso3" in cells else None
        country = self.country(*cells["country"]) if "country" in cells else None
        round_label = _one_line(cells["round"][0]) if "round" in cells else None
        # A quarter ("Q1 2024") is the round too, unless a Round column gives one.
        round_label = round_label or when.round
        if country:
            country, status = self.marked(country, *cells["country"][1:])
            round_label = round_label or status or None
        if country and when.year is None:
            # "Elbonia 2020" (or "Elbonia 2023/24 baseline") in a country column without a
            # year column: all of it is there, and a note on the year is said as any other.
            named, when_text, round_in_cell = split_assessment_header(country)
            if named and when_text:
                country, when = named, self.when(when_text, *cells["country"][1:])
                unread = unread or written_when((when_text, *cells["country"][1:]), when)
                round_label = round_label or round_in_cell
        return Meta(
            country=country,
            iso3=iso3,
            when=when,
            round=round_label,
            assessed_by=_one_line(cells["assessed_by"][0]) if "assessed_by" in cells else None,
            unread_when=unread if when.year is None else None,
        )

    def labelled(
        self, table_top: int, table_width: int, *, top: int = 0, bottom: int | None = None
    ) -> Meta:
        """Metadata from label cells ("Country" with the value to its right, or "Country:
        Elbonia" in one cell), outside the table (rows above its header, or columns right of
        it). ``top`` and ``bottom`` bound the rows of a table that shares its sheet with others.
        """
        found: dict[Field, tuple[Any, int, int]] = {}
        empty: dict[Field, tuple[int, int, int]] = {}
        inline: set[Field] = set()  # labels with their value in the same cell
        rows = self.sheet.rows
        bottom = len(rows) if bottom is None else min(bottom, len(rows))
        # Rows of the table are looked at only when one reaches past it (a long table's
        # thousands of rows seldom do): one pass over their lengths, in C.
        beside = max(map(len, rows[table_top:bottom]), default=0) > table_width
        for row in range(top, bottom if beside else min(table_top, bottom)):
            cells = rows[row]
            start = 0 if row < table_top else table_width
            for column in range(start, len(cells)):
                label = cells[column]
                name = classify_header(label)
                typed = label_and_value(label) if name is None else None
                if typed is not None:
                    # "Country: Elbonia" in one cell: the label and its value, read as such;
                    # "Country: Kenya   Year: 2024", each (``label_pairs``).
                    for name, value in labels_in_cell(label) or (typed,):
                        if name not in found and name not in empty:
                            found[name] = (value, row, column)
                            inline.add(name)
                    continue
                if name not in METADATA_FIELDS or name in found or name in empty:
                    continue
                # A label merged over two columns is in both (the sheet reader copies a
                # merge's text across it): its value is right of the copies.
                after = column + 1
                while after < len(cells) and cells[after] == label:
                    after += 1
                value_column = next(
                    (c for c in range(after, len(cells)) if cells[c] is not None), None
                )
                # Nothing to the right, or only the next label: this label was left empty.
                if value_column is None or classify_header(cells[value_column]) in METADATA_FIELDS:
                    empty[name] = (row, column, after)
                    continue
                found[name] = (cells[value_column], row, value_column)
        # A label left empty has its value cell where the other labels have theirs (a label
        # merged in one row but not in another), else just right of the label and its copies.
        value_columns = [c for name, (_, _, c) in found.items() if name not in inline]
        meta = self.from_cells(found)
        if "country" in found and meta.country is None:
            # A Country label whose value is no name (a number, reported): as if left empty.
            _, row, column = found["country"]
            empty["country"] = (row, column, column)
        for name, (row, column, after) in empty.items():
            usual = max(set(value_columns), key=value_columns.count, default=after)
            target = usual if usual >= after else after
            self.empty[name] = cell_address(row, target)
            self.ctx.watch_formula(self.sheet, row, target, f"the {self.sheet.value(row, column)}")
        return meta


def read_answers(
    ctx: ReadContext,
    sheet: Sheet,
    draft: Draft,
    *,
    catalogue: Catalogue,
    number: int,
    row: int,
    columns: Mapping[str, int | None],
    ticks: Mapping[int, int] | None = None,
) -> None:
    """Level, evidence and confidence of one item in one row (cells named as found); with
    ``ticks`` (a tick form), the level column is the one marked and stands for its level."""
    level_column = columns.get("level")
    level_value = sheet.value(row, level_column) if level_column is not None else None
    what = catalogue.describe(number)
    level = None
    if level_column is not None and ticks is not None:
        level = ticks[level_column]
    elif level_column is not None and is_prompt(level_value):
        note_prompt(ctx, sheet, draft, draft.name, cell_address(row, level_column))
    elif level_column is not None:
        scale = ctx.framework.scale
        reading = ctx.cached("level", level_value, lambda v: parse_level(v, scale))
        cell = cell_address(row, level_column)
        whose = f" for {draft.name}" if draft.country else ""  # enablers not yet joined: none
        reading = read_marked(ctx, sheet, row, level_column, reading)  # "NULL", "."
        if (reading.error or reading.warning) and (
            struck := struck_parts(level_value, ctx.xlsx_data)
        ):
            reading = struck_reading(level_value, *struck, scale)  # "~~2~~ 1": the old level
        elif (reading.error or reading.warning) and (
            joined := joined_level(level_value, sheet.value(row, level_column + 1), scale)
        ):
            reading = LevelReading(*joined)  # "Develop" | "ing": see ``level_slips``
        elif reading.error and (words := level_in_words(ctx, level_value)) is not None:
            reading = words  # "deux" alone, or "Incipiente" by a key: see ``scale_words``
        if reading.error:
            ctx.add(
                "error",
                sheet,
                cell,
                f"The level of {what}{whose}: {reading.error}; it was not used.",
                reading.fix
                or f"Use one of {labels_in(scale, header_language(sheet.rows, row, level_column))}"
                " (the number alone is enough), or leave it blank if not assessed.",
            )
        elif reading.warning and (  # a column's way of writing: said once per assessment
            not reading.once or ctx.once(("once", sheet.name, draft.name, reading.fix))
        ):
            ctx.add(
                "warning",
                sheet,
                cell,
                f"The level of {what}: {reading.warning}.",
                reading.fix or f"Use one of {level_choices(ctx.framework.scale)}.",
            )
        if level_value is None:
            ctx.watch_formula(sheet, row, level_column, f"the level of {what}")
        level = reading.level
    evidence_column = columns.get("evidence")
    evidence = cell_text(unmarked(sheet, row, evidence_column))  # "NULL": none
    confidence = None
    confidence_column = columns.get("confidence")
    if confidence_column is not None:
        raw = sheet.value(row, confidence_column)
        confidence, ok = parse_confidence(no_mark(raw))  # "NULL": none given
        if not ok:
            say_bad_confidence(ctx, sheet, row, confidence_column, raw)
    key = (catalogue.kind, number)
    cell = cell_address(row, level_column if level_column is not None else 0)
    if key in draft.first_cell:  # reported once the sheet is read (``twice``)
        draft.twice.append((catalogue.kind, number, cell, level))
        return
    draft.first_cell[key] = cell
    draft.items[catalogue.kind][number] = (level, evidence, confidence)


def report_match(
    ctx: ReadContext, sheet: Sheet, cell: str, *, value: Any, catalogue: Catalogue, match: ItemMatch
) -> int | None:
    """The matched number, after reporting a fuzzy match (warning) or no match (error)."""
    kind = catalogue.kind
    fix_known = (
        f"Write the {kind} number (1 to {len(catalogue.titles)}) or its title exactly as in "
        "the template."
    )
    if match.number is not None:
        if match.how == "fuzzy":
            ctx.add(
                "warning",
                sheet,
                cell,
                f"{quoted(value)} is not exactly {with_article(kind)} "
                "title; it was taken as "
                f"{catalogue.describe(match.number)}.",
                f"If that is wrong, correct the cell. {fix_known}",
            )
        elif match.note:
            ctx.add(
                "warning",
                sheet,
                cell,
                f"{quoted(value)}: {match.note}; it was taken as "
                f"{catalogue.describe(match.number)} by its number.",
                f"Check the cell. {fix_known}",
            )
        return match.number
    candidates = "; ".join(catalogue.describe(n) for n in match.candidates)
    if catalogue.kind == "capability" and isinstance(value, str):
        ctx.unmatched.append(" ".join(value.split()))
    if match.how == "ambiguous":
        message = f"{quoted(value)} could be more than one {kind}: {candidates}; not used."
    elif match.how == "conflict":
        message = (
            f"{quoted(value)} gives the number of one {kind} and the title of another "
            f"({candidates}); not used."
        )
    elif candidates or not isinstance(value, str) or any(ch.isdigit() for ch in value):
        closest = f" The closest are: {candidates}." if candidates else ""
        message = (
            f"{quoted(value)} is not {with_article(kind)} of the framework; not used.{closest}"
        )
        fix_known += hint(value, catalogue, len(ctx.framework.enablers))
    else:
        # No title comes near (another language, another framework's words): no suggestions,
        # which would be random, but the surest fix.
        message = (
            f"{quoted(value)} is not {with_article(kind)} of the framework, and no {kind}'s "
            "title comes close to it, so it was not recognised; not used."
        )
        fix_known = (
            f"Write the {kind} number (1 to {len(catalogue.titles)}) in a column of its own or "
            "before the title, or the title as in the template (in English)."
        )
    ctx.add(
        "error",
        sheet,
        cell,
        message,
        f"{fix_known} Or map it to a capability in the mapping step on the upload page.",
    )
    return None


def report_unmatched(
    ctx: ReadContext, sheet: Sheet, cell: str, *, value: Any, catalogue: Catalogue, match: ItemMatch
) -> None:
    """``report_match`` for a cell that names nothing: the error said, and ``None``."""
    report_match(ctx, sheet, cell, value=value, catalogue=catalogue, match=match)


def apply_meta(draft: Draft, meta: Meta) -> None:
    """Give ``draft`` the country, date or year, round and the rest that ``meta`` holds.

    A country written as its ISO code ("UGA") is named ("Uganda"), so that it meets the same
    country written out in another file.
    """
    coded = country_of_code(meta.country) if meta.country else None
    draft.country = coded[0] if coded else meta.country
    draft.iso3 = meta.iso3 or (coded[1] if coded else None)
    draft.year = meta.when.year
    draft.date = meta.when.date
    draft.round = meta.round
    draft.assessed_by = meta.assessed_by
    draft.unread_when = meta.unread_when


def cell_holding(sheet: Sheet, text: str) -> str | None:
    """The first cell of ``sheet`` holding ``text`` alone (case and surrounding spaces aside):
    where a country that a message names was written, when the draft does not say."""
    wanted = text.strip().casefold()
    # The text as written first, looked for in C: a long table has thousands of rows.
    for row, cells in enumerate(sheet.rows):
        if text in cells:
            return cell_address(row, cells.index(text))
    for row, cells in enumerate(sheet.rows):
        for column, value in enumerate(cells):
            if isinstance(value, str) and value.strip().casefold() == wanted:
                return cell_address(row, column)
    return None
