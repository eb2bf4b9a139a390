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

from collections.abc import Mapping
from operator import itemgetter
from typing import Any, Final

from openpyxl.utils import get_column_letter

from components.base.text import normalise
from components.ingest.drafts import Draft, Meta, MetaReader, apply_meta, cell_text
from components.ingest.matching import (
    METADATA_FIELDS,
    Catalogue,
    Field,
    is_plain_number,
    is_summary,
    match_any,
)
from components.ingest.sheets import ReadContext, Sheet
from components.ingest.values import is_blank, parse_confidence, parse_level

# What a quick look-up answers when the row needs the row-by-row path.
SLOW: Final = object()
# What it answers for a row that is rightly skipped (a total, a heading, a label mapped away).
SKIP: Final = object()


def settled(ctx: ReadContext, keys: list[Any]) -> tuple[bool, tuple[Catalogue, int] | None]:
    """(True, what) when a row's labels are settled before matching: a total, an average or a
    domain heading (nothing), or a label the person mapped (its capability, or nothing)."""
    if any(v is not None for v in keys) and all(v is None or is_heading(ctx, v) for v in keys):
        return True, None
    for value in keys:
        decided, number = decision(ctx, value)
        if decided:
            return True, None if number is None else (ctx.capabilities, number)
    return False, None


def decision(ctx: ReadContext, value: Any) -> tuple[bool, int | None]:
    """What the person decided for this label in the mapping step, if anything."""
    if ctx.mapping is None or not isinstance(value, str):
        return False, None
    mapping = ctx.mapping
    return ctx.cached(
        "decision", value, lambda v: (False, None) if is_plain_number(v) else mapping.label(v)
    )


def is_heading(ctx: ReadContext, value: Any) -> bool:
    """A summary label ("Average", "Total") or a domain's name: not a capability."""
    if not isinstance(value, str):
        return False
    domains = ctx.domain_names
    return ctx.cached("heading", value, lambda v: is_summary(v) or normalise(v) in domains)


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
    memo_key = ("meta", sheet.name, defaults, raw)
    known = ctx.memo.get(memo_key)
    if known is None:
        found = {name: (value, row, column) for name, column, _, value in raw}
        meta = meta_reader.from_cells(found).over(defaults)
        known = ctx.memo[memo_key] = (meta, meta.key())
    return known  # type: ignore[no-any-return]


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
    ) -> None:
        self.ctx = ctx
        self.sheet = sheet
        self.columns = columns
        self.primary = primary
        self.secondary = secondary
        self.meta_reader = meta_reader
        self.defaults = defaults
        self.drafts = drafts
        self.long = "country" in columns
        title = next((columns[f] for f in (primary.kind, secondary.kind) if f in columns), None)
        keys = tuple(c for c in (columns.get("number"), title) if c is not None)
        self.level = columns.get("level")
        self.evidence = columns.get("evidence")
        self.confidence = columns.get("confidence")
        answers = (self.level, self.evidence, self.confidence)
        metas = tuple(c for f, c in columns.items() if f in METADATA_FIELDS) if self.long else ()
        # Every cell a row needs, fetched at once; the parts are slices of that tuple.
        self.wanted = (*keys, *metas, *(c for c in answers if c is not None))
        self.meta_start, self.answer_start = len(keys), len(keys) + len(metas)
        self.answer_slots = tuple(c is not None for c in answers)
        self.fetch = itemgetter(*self.wanted, *self.wanted[:1])  # always a tuple, even for one
        self.reach = max(self.wanted, default=0)
        self.items: dict[Any, Any] = {}
        self.metas: dict[Any, Any] = {}
        self.answers: dict[Any, Any] = {}
        self.scale = ctx.framework.scale
        # The level's cell is each item's first cell: its column letters, once.
        self.level_letters = get_column_letter((self.level or 0) + 1)

    def take(self, row: int) -> bool:
        """True when the row was read, or rightly skipped, with nothing to report."""
        cells = self.sheet.rows[row]
        if len(cells) > self.reach:
            values = self.fetch(cells)
        else:  # a row cut short by trailing blanks
            values = (*(cells[c] if c < len(cells) else None for c in self.wanted), None)
        types = tuple(map(type, values))
        meta_start, answer_start = self.meta_start, self.answer_start
        typed = (values[:meta_start], types[:meta_start])
        item = self.items.get(typed)
        if item is None:
            item = self.items[typed] = self._item(typed[0])
        if item is SKIP:
            return True
        if item is SLOW:
            return False
        catalogue, number = item
        if self.long:
            typed = (values[meta_start:answer_start], types[meta_start:answer_start])
            draft = self.metas.get(typed)
            if draft is None:
                draft = self.metas[typed] = self._draft(row)
        else:
            draft = self.drafts[("", "", "")]
        if draft is SLOW:
            return False
        typed = (values[answer_start:-1], types[answer_start:-1])
        answers = self.answers.get(typed)
        if answers is None:
            answers = self.answers[typed] = self._read_answers(typed[0])
        if answers is SLOW:
            return False
        return self._record(row, draft, catalogue, number, answers)

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
        draft.first_cell[kind_number] = f"{self.level_letters}{row + 1}"
        draft.items[catalogue.kind][number] = answers
        return True

    def _draft(self, row: int) -> Any:
        """The assessment of a long table's row with these metadata values, or ``SLOW``."""
        country_column = self.columns["country"]
        country = self.sheet.value(row, country_column)
        if country is None or is_summary(country):
            return SLOW  # the row-by-row path skips a total and reports a missing country
        meta, key = row_meta(
            self.ctx,
            self.sheet,
            row,
            columns=self.columns,
            meta_reader=self.meta_reader,
            defaults=self.defaults,
        )
        if meta.country is None:
            return SLOW
        draft = self.drafts.get(key)
        if draft is None:
            draft = self.drafts[key] = Draft(self.sheet)
            apply_meta(draft, meta)
        return draft

    def _item(self, keys: tuple[Any, ...]) -> Any:
        """What these label cells name, when that needs no report; ``SLOW`` otherwise."""
        done, found = settled(self.ctx, list(keys))
        if done:
            return SKIP if found is None else found
        named = set()
        for value in keys:
            if value is None:
                continue
            catalogue, match = self.ctx.cached(
                f"match-{self.primary.kind}",
                value,
                lambda v: match_any(v, self.primary, self.secondary),
            )
            if match.number is None or match.how == "fuzzy" or match.note:
                return SLOW
            named.add((catalogue, match.number))
        return named.pop() if len(named) == 1 else SLOW

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
            evidence = cell_text(evidence_value)
        confidence = None
        if self.confidence is not None:
            confidence, ok = parse_confidence(confidence_value)
            if not ok:
                return SLOW
        return (level, evidence, confidence)
