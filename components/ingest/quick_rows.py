"""Reading a table's rows in bulk: each distinct label, level and metadata value read once.

A long table repeats a few hundred values (21 capability titles, a few countries and years, five
levels) thousands of times. ``QuickRows`` reads each distinct value once per file and then takes
a row in a few dictionary look-ups, as long as everything in it reads cleanly. A row with
anything to report (a typo, an unknown label, a bad level, a missing country, a duplicate) is
left to ``components.ingest.parse``'s row-by-row path, which reports it with its cell: the
result, and the problems and their order, are the same as reading every row that way.

Also here, because both paths use them: what settles a row's labels before any matching
(``settled``: a total, an average, a domain heading, or a label the person mapped), and a long
table's row metadata (``row_meta``), read once per distinct combination.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import lru_cache
from itertools import compress, repeat
from operator import add, is_, itemgetter, mul
from typing import Any, Final

from openpyxl.utils import get_column_letter

from components.base.text import normalise
from components.ingest.cell_places import places_moved
from components.ingest.column_roles import is_summary_column
from components.ingest.drafts import Draft, Meta, MetaReader, apply_meta, cell_text
from components.ingest.heading_rows import is_domain_heading, is_domain_summary
from components.ingest.marked_levels import no_mark
from components.ingest.matching import (
    METADATA_FIELDS,
    Catalogue,
    Field,
    exact_reference,
    is_plain_number,
    is_summary,
    match_any,
    match_item,
)
from components.ingest.regions import is_region
from components.ingest.round_years import with_round_year
from components.ingest.sheets import ReadContext, Sheet, cell_address
from components.ingest.text_dates import UNUSABLE
from components.ingest.values import is_blank, parse_confidence, parse_level
from components.ingest.vocabulary import default_vocabulary

# How a message names a long table's metadata cell ("the year of row 5").
_META_WORDS: Final = {
    "iso3": "ISO3 code",
    "year": "year",
    "date": "date",
    "when": "date or year",
    "round": "round",
    "assessed_by": "assessor",
}

# The columns that tell a table's assessments apart without a Country column (the country
# then comes from around the table).
ROW_WHEN: Final = frozenset({"year", "date", "when", "round"})

# What a quick look-up answers when the row needs the row-by-row path.
SLOW: Final = object()
# What it answers for a row that is rightly skipped (a total, a heading, a label mapped away).
SKIP: Final = object()


def settled(ctx: ReadContext, keys: list[Any]) -> tuple[bool, tuple[Catalogue, int] | None]:
    """(True, what) when a row's labels are settled before matching: a total, an average or a
    domain heading (nothing), or a label the person mapped (its capability, or nothing)."""
    if any(v is not None for v in keys) and all(v is None or is_heading(ctx, v) for v in keys):
        return True, None
    if _numbered_domain(ctx, keys):
        return True, None
    for value in keys:
        decided, number = decision(ctx, value)
        if decided:
            return True, None if number is None else (ctx.capabilities, number)
    return False, None


def _numbered_domain(ctx: ReadContext, keys: list[Any]) -> bool:
    """A domain's number beside its name in the title cell ("1 | Policy and Governance"): a
    heading, not capability 1."""
    texts = [v for v in keys if isinstance(v, str)]
    numbers = [v for v in keys if v is not None and not isinstance(v, str)]
    return (
        len(texts) == 1
        and bool(numbers)
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in numbers)
        and _domain_heading(texts[0], ctx.domain_names)
    )


# The readings of a label below depend on the text and on the framework's names only (the
# domains' names, the catalogues: the same objects for every read of a framework), so each is
# worked out once per process (bounded: user text), not once per read: a template's labels
# come back in every upload.
@lru_cache(maxsize=8192)
def _domain_heading(text: str, domains: frozenset[str]) -> bool:
    return is_domain_heading(text, domains, default_vocabulary())


@lru_cache(maxsize=8192)
def _heading_text(text: str, domains: frozenset[str], capabilities: Catalogue) -> bool:
    vocabulary = default_vocabulary()
    if is_domain_heading(text, domains, vocabulary):
        return True
    if is_domain_summary(text, domains, vocabulary):
        return True  # "Victim – domain average": a figure of the domain's rows
    # A summary word may open a capability's label ("Media & Communications: ...", the
    # Spanish "media" being a mean): a label naming a capability is never a summary.
    if not is_summary(text) or exact_reference(text, capabilities) is not None:
        return False
    return not _named_after_a_summary_word(text, capabilities)


# Summary words that are ordinary words too, opening a capability's name as people write it:
# "Media reporting" (the Media domain's), "Global CSEA reporting", "Progress on innovative
# solutions". Never "Average …", "Total …", "Overall …": those sum a capability up. Whether
# a capability's exact title after the word is still the capability: not after "media", the
# Spanish and Italian mean ("Media Child Helpline" is the helpline's mean).
_ORDINARY_OPENERS = {"media": False, "global": True, "progress": True}


def _named_after_a_summary_word(text: str, capabilities: Catalogue) -> bool:
    """Whether a label opening with an ordinary word of the summary vocabulary names a
    capability nearly ("Media reporting": 20), by the whole label and by the words after the
    opener alike."""
    words = text.split(maxsplit=1)
    opener = normalise(words[0]) if words else ""
    if len(words) < 2 or opener not in _ORDINARY_OPENERS:
        return False
    if not _ORDINARY_OPENERS[opener] and exact_reference(words[1], capabilities) is not None:
        return False
    whole, rest = match_item(text, capabilities), match_item(words[1], capabilities)
    return whole.matched and (not rest.matched or rest.number == whole.number)


@lru_cache(maxsize=8192)
def _text_match(text: str, primary: Catalogue, secondary: Catalogue) -> tuple[Catalogue, Any]:
    return match_any(text, primary, secondary)


def decision(ctx: ReadContext, value: Any) -> tuple[bool, int | None]:
    """What the person decided for this label in the mapping step, if anything."""
    if ctx.mapping is None or not isinstance(value, str):
        return False, None
    mapping = ctx.mapping
    return ctx.cached(
        "decision", value, lambda v: (False, None) if is_plain_number(v) else mapping.label(v)
    )


def is_heading(ctx: ReadContext, value: Any) -> bool:
    """A summary label ("Average", "Total") or a domain's heading ("Domain 1: Policy and
    governance"): not a capability."""
    if not isinstance(value, str):
        return False
    return _heading_text(value, ctx.domain_names, ctx.capabilities)


def row_meta(
    ctx: ReadContext,
    sheet: Sheet,
    row: int,
    *,
    columns: Mapping[Field, int],
    meta_reader: MetaReader,
    defaults: Meta,
) -> tuple[Meta, tuple[str, str, str]]:
    """A long table's row metadata over ``defaults``, and its assessment key.

    Read once per distinct combination of values (and columns) on the sheet; what reading
    them reports (a date that is not a date) is reported for its first cell only, as it was
    before this cache.
    """
    cells = sheet.rows[row]
    width = len(cells)
    raw = tuple(
        (name, column, value.__class__, value)
        for name, column in columns.items()
        if name in METADATA_FIELDS and column < width and (value := cells[column]) is not None
    )
    # The defaults' identity is cheaper than their hash. The memo keeps them alive, so their
    # id is never reused by another table's defaults (a table stacked under this one, with
    # its own title), which would hand it this table's country and year.
    memo_key = ("meta", sheet.name, id(defaults), raw)
    known = ctx.memo.get(memo_key)
    if known is None:
        found = {name: (value, row, column) for name, column, _, value in raw}
        meta = meta_reader.from_cells(found).over(defaults)
        where = cell_address(*found["round"][1:]) if "round" in found else None
        meta = with_round_year(ctx, sheet, meta, where)
        known = ctx.memo[memo_key] = (meta, meta.key(), defaults)
    return known[0], known[1]


class QuickRows:
    """Takes the rows of one item table that read cleanly; says which need the slow path."""

    def __init__(
        self,
        ctx: ReadContext,
        sheet: Sheet,
        *,
        columns: Mapping[Field, int],
        primary: Catalogue,
        secondary: Catalogue,
        meta_reader: MetaReader,
        defaults: Meta,
        drafts: dict[tuple[str, str, str], Draft],
        long: bool | None = None,
    ) -> None:
        self.ctx = ctx
        self.sheet = sheet
        self.columns = columns
        self.primary = primary
        self.secondary = secondary
        self.meta_reader = meta_reader
        self.defaults = defaults
        self.drafts = drafts
        # A long table: each row's metadata (country, or year and round) finds its assessment.
        self.long = "country" in columns if long is None else long
        title = next((columns[f] for f in (primary.kind, secondary.kind) if f in columns), None)
        keys = tuple(c for c in (columns.get("number"), title) if c is not None)
        self.level = columns.get("level")
        self.evidence = columns.get("evidence")
        self.confidence = columns.get("confidence")
        answers = (self.level, self.evidence, self.confidence)
        # A long table's metadata columns (field, column), in the order of ``columns``.
        self.meta_columns = (
            tuple((f, c) for f, c in columns.items() if f in METADATA_FIELDS) if self.long else ()
        )
        metas = tuple(c for _, c in self.meta_columns)
        # Every column a row needs: the labels, the metadata, then the answers.
        self.wanted = (*keys, *metas, *(c for c in answers if c is not None))
        self.meta_start, self.answer_start = len(keys), len(keys) + len(metas)
        self.answer_slots = tuple(c is not None for c in answers)
        self.items: dict[Any, Any] = {}
        # (kind, number) -> the one (catalogue, number) outcome every label naming it shares.
        self.outcomes: dict[tuple[str, int], tuple[Catalogue, int]] = {}
        self.metas: dict[Any, Any] = {}
        self.answers: dict[Any, Any] = {}
        self.scale = ctx.framework.scale
        # The level's cell is each item's first cell: its column letters, once.
        self.level_letters = get_column_letter((self.level or 0) + 1)
        self.moved = places_moved()  # a table laid across, read upright (``cell_places``)

    def slow_rows(self, first: int, last: int) -> Iterator[int]:
        """Take rows ``first`` to ``last - 1`` in order, yielding each one that needs the
        row-by-row path (the caller reads it before the next rows are taken).

        The labels and answers of all rows are read first, column by column and once per
        distinct value; nothing there reports. Assessments are then found row by row, in
        order, because reading a row's metadata may report (once per distinct value).
        """
        rows = self.sheet.rows[first:last]
        columns = [self.sheet.column(c, first, last) for c in self.wanted]
        count = len(rows)
        items = _outcomes(columns[: self.meta_start], count, self.items, self._item)
        answers = _outcomes(columns[self.answer_start :], count, self.answers, self._read_answers)
        metas, _ = _keys(columns[self.meta_start : self.answer_start], count)
        # Only a workbook with formulas can have one without a saved result (see ``formulas``).
        if self.long and self.ctx.formulas:
            self._watch_blank_metadata(first, rows, columns[self.meta_start : self.answer_start])
        if self.long and self._all_at_once(first, rows, items, metas, answers):
            return
        single = self.drafts.get(("", "", ""))
        for offset, (cells, item, meta, answer) in enumerate(
            zip(rows, items, metas, answers, strict=True)
        ):
            if not cells or item is SKIP:
                continue
            row = first + offset
            if item is SLOW or answer is SLOW:
                yield row
                continue
            draft = single
            if self.long:
                draft = self.metas.get(meta)
                if draft is None:
                    draft = self.metas[meta] = self._draft(row)
            if draft is SLOW or not self._record(row, draft, *item, answer):
                yield row

    def _all_at_once(
        self,
        first: int,
        rows: list[tuple[Any, ...]],
        items: list[Any],
        metas: list[Any],
        answers: list[Any],
    ) -> bool:
        """Take every row of a long table at once when all of them read cleanly; ``False``
        (with nothing taken) when any needs the row-by-row path.

        Clean means: every label and answer read without a report, no item twice for the same
        metadata, and every assessment found without a report (found in the order the rows
        first name them, stopping at the first that needs one, as row by row would).
        """
        if all(rows) and SKIP not in items:  # the usual case: no blank or skipped row
            kept: Sequence[int] = range(len(rows))  # every row, without a list of them
            kept_items, kept_answers, kept_metas = items, answers, metas
        else:
            kept = [
                i
                for i, (cells, item) in enumerate(zip(rows, items, strict=True))
                if cells and item is not SKIP
            ]
            if not kept:
                return True
            kept_items = [items[i] for i in kept]
            kept_answers = [answers[i] for i in kept]
            kept_metas = [metas[i] for i in kept]
        if SLOW in kept_items or SLOW in kept_answers:
            return False
        # Each row's metadata stands for itself by its first row (the rows' offsets): one
        # look-up per row in C, and the first rows, in order, are the dictionary's values.
        first_of: dict[Any, int] = {}
        slots = list(map(first_of.setdefault, kept_metas, kept))
        # Item outcomes are one object per item (see ``_item``): their identity is the item.
        # Each (metadata, item) pair as one number, slot * items + item: no tuple per row.
        index_of = {id(outcome): index for index, outcome in enumerate(self.outcomes.values())}
        items_count = len(index_of)
        item_numbers = map(index_of.__getitem__, map(id, kept_items))
        pairs = map(add, map(mul, slots, repeat(items_count)), item_numbers)
        if len(set(pairs)) != len(kept):
            return False  # an item twice: reported on the row-by-row path
        drafts: dict[int, Draft] = {}
        for meta, offset in first_of.items():
            draft = self.metas.get(meta)
            if draft is None:
                draft = self.metas[meta] = self._draft(first + offset)
            if draft is SLOW:
                return False
            drafts[offset] = draft
        if len({id(draft) for draft in drafts.values()}) != len(drafts):
            return False  # two spellings of one assessment: items may repeat across them
        letters, level, moved = self.level_letters, self.level, self.moved
        # Only a workbook with formulas can have one without a saved result (see ``formulas``).
        watch = level is not None and self.ctx.formulas and self.sheet.name is not None
        # Each item's (kind, number) key made once, not once per row: thousands of small
        # tuples kept to the end of the read are what makes the garbage collector go through
        # the whole heap, more than once per read.
        key_of = {id(outcome): key for key, outcome in self.outcomes.items()}
        keys = list(map(key_of.__getitem__, map(id, kept_items)))
        for offset, slot, key, answer in zip(kept, slots, keys, kept_answers, strict=True):
            draft = drafts[slot]
            kind, number = key
            at = first + offset
            draft.first_cell[key] = cell_address(at, level or 0) if moved else f"{letters}{at + 1}"
            draft.items[kind][number] = answer
            if watch and answer[0] is None:
                what = self.outcomes[key][0].describe(number)
                self.ctx.watch_formula(self.sheet, first + offset, level, f"the level of {what}")
        return True

    def _watch_blank_metadata(
        self, first: int, rows: list[tuple[Any, ...]], values: list[list[Any]]
    ) -> None:
        """A blank date, year, round, ISO3 code or assessor in a row of the table may be a
        formula without a saved result: the formulas pass reports it at its cell. (A row
        without a country is watched where it is reported.)"""
        for (field, column), column_values in zip(self.meta_columns, values, strict=True):
            if field == "country":
                continue
            for offset in compress(range(len(rows)), map(is_, column_values, repeat(None))):
                if rows[offset]:
                    row = first + offset
                    what = f"the {_META_WORDS[field]} of row {row + 1}"
                    self.ctx.watch_formula(self.sheet, row, column, what)

    def _record(
        self,
        row: int,
        draft: Draft,
        catalogue: Catalogue,
        number: int,
        answers: tuple[int | None, str | None, str | None],
    ) -> bool:
        """The row's answers into its assessment, unless the item is there already."""
        kind_number = (catalogue.kind, number)
        if kind_number in draft.first_cell:
            return False  # a second row for the same item: reported on the slow path
        if answers[0] is None and self.level is not None:
            self.ctx.watch_formula(
                self.sheet, row, self.level, f"the level of {catalogue.describe(number)}"
            )
        draft.first_cell[kind_number] = self._level_cell(row, self.level_letters)
        draft.items[catalogue.kind][number] = answers
        return True

    def _level_cell(self, row: int, letters: str) -> str:
        """The address of the row's level cell, as the file names it."""
        return cell_address(row, self.level or 0) if self.moved else f"{letters}{row + 1}"

    def _draft(self, row: int) -> Any:
        """The assessment of a long table's row with these metadata values, or ``SLOW``."""
        country_column = self.columns.get("country")
        country = self.sheet.value(row, country_column) if country_column is not None else ""
        if country is None or is_summary_column(country) or is_region(str(country)):
            return SLOW  # the row-by-row path skips a total or region, says a missing country
        meta, key = row_meta(
            self.ctx,
            self.sheet,
            row,
            columns=self.columns,
            meta_reader=self.meta_reader,
            defaults=self.defaults,
        )
        if meta.country is None or meta.when is UNUSABLE:
            return SLOW
        draft = self.drafts.get(key)
        if draft is None:
            draft = self.drafts[key] = Draft(self.sheet)
            apply_meta(draft, meta)
            draft.country_cell = self.meta_reader.empty.get("country")
        return draft

    def _item(self, keys: tuple[Any, ...]) -> Any:
        """What these label cells name, when that needs no report; ``SLOW`` otherwise."""
        done, found = settled(self.ctx, list(keys))
        if done:
            if found is None:
                return SKIP
            return self.outcomes.setdefault((found[0].kind, found[1]), found)
        named = set()
        for value in keys:
            if value is None:
                continue
            catalogue, match = (
                _text_match(value, self.primary, self.secondary)
                if value.__class__ is str  # equal numbers of other types: not shared
                else self.ctx.cached(
                    f"match-{self.primary.kind}",
                    value,
                    lambda v: match_any(v, self.primary, self.secondary),
                )
            )
            if match.number is None or match.how == "fuzzy" or match.note:
                return SLOW
            named.add((catalogue, match.number))
        if len(named) != 1:
            return SLOW
        catalogue, number = named.pop()
        return self.outcomes.setdefault((catalogue.kind, number), (catalogue, number))

    def _read_answers(self, present: tuple[Any, ...]) -> Any:
        """(level, evidence, confidence) from the row's answer cells, or ``SLOW`` when one
        needs a report."""
        cells = iter(present)
        level_value, evidence_value, confidence_value = (
            next(cells) if slot else None for slot in self.answer_slots
        )
        level = None
        if self.level is not None:
            reading = parse_level(level_value, self.scale)
            if reading.error or reading.warning:
                return SLOW
            level = reading.level
        evidence = None
        if self.evidence is not None and not is_blank(evidence_value):
            evidence = cell_text(no_mark(evidence_value))  # "NULL": ``missing_marks``
        confidence = None
        if self.confidence is not None:
            confidence, ok = parse_confidence(no_mark(confidence_value))
            if not ok:
                return SLOW
        return (level, evidence, confidence)


def _keys(columns: list[list[Any]], count: int) -> tuple[list[Any], Callable[[Any], Any]]:
    """Per row, a dictionary key for its values in ``columns``, and how to get the values
    back from a key. Built by zipping, not cell by cell.

    1, 1.0 and True are the same key in a dictionary, and True is not a level: a part with a
    true/false cell is keyed by values and types together. Without one, 1 and 1.0 read the
    same everywhere here, so the values alone are the key (one column: the value itself).
    """
    if not columns:
        return [()] * count, _same
    if any(bool in set(map(type, column)) for column in columns):
        values = zip(*columns, strict=True)
        types = zip(*(map(type, column) for column in columns), strict=True)
        return list(zip(values, types, strict=True)), itemgetter(0)
    if len(columns) == 1:
        return columns[0], _alone
    # One tuple per distinct values, shared by the rows that repeat them: the others are freed
    # at once instead of living to the end of the read (see ``_all_at_once``).
    shared: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    return [shared.setdefault(key, key) for key in zip(*columns, strict=True)], _same


def _same(key: Any) -> Any:
    return key


def _alone(key: Any) -> tuple[Any]:
    return (key,)


def _outcomes(
    columns: list[list[Any]], count: int, known: dict[Any, Any], read: Callable[[Any], Any]
) -> list[Any]:
    """Per row, ``read(values)`` of its values in ``columns``, computed once per distinct
    values (and types) and kept in ``known``."""
    keys, values_of = _keys(columns, count)
    for key in dict.fromkeys(keys):
        if key not in known:
            known[key] = read(values_of(key))
    return list(map(known.__getitem__, keys))
