"""Sheets named like notes or instructions ("Notes", "Guide", "Dashboard"): judged by content.

Workbooks carry sheets that hold no assessment (instructions, the scale, lists, a chart, a
cover page, contacts, abbreviations, version history), and the names in ``info_sheets`` of
``mnr_data/headers.toml`` say which (or names made of its words, "List of abbreviations"):
the template's Instructions and Scale sheets, a "Page de garde" or "Contacts", are left
without a word when no table of levels could be on them. But a name is only a hint: people name
a country's sheet after the dashboard it feeds, or keep the scores in "Notes". So such a sheet
is read like any other, and kept when its table gives levels; otherwise what reading it said
is dropped, and when there was a table on it (rows that failed, a table without levels) the
skip is reported, with what reading it would have said. A sheet that only repeats an
assessment read from another sheet (a dashboard's copy of the data) is dropped quietly.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from components.ingest.drafts import Draft
from components.ingest.forms import read_form
from components.ingest.laid_across import read_laid_across
from components.ingest.layout import MIN_KEY_MATCHES, SeveralLevels, find_layout
from components.ingest.matching import classify_header, exact_reference
from components.ingest.pandas_pivot import flat_pivot
from components.ingest.sheets import ReadContext, Sheet, quoted
from components.ingest.sub_columns import rounds_over_items
from components.ingest.summary_sheets import is_summary_name
from components.ingest.tab_rows import places
from components.ingest.unread_years import apart_unread_years
from components.ingest.vocabulary import default_vocabulary, key_of

# Where a table of levels would be on a sheet named like notes, and how long a name is.
_SCAN_ROWS = 300
_NAME_CHARS = 200


# Words that join the words of a side sheet's name ("List of abbreviations", "Sigles et
# abréviations"), in the vocabulary's languages.
_JOINING = frozenset(
    {"and", "of", "the", "et", "de", "des", "du", "d", "la", "le", "les", "y", "e", "del"}
    | {"el", "los", "las", "do", "da", "dos", "das"}
)


def is_info_sheet(sheet: Sheet) -> bool:
    """Whether the sheet is named like one that holds no assessment ("Instructions"): a name
    of the vocabulary's, or made of its one-word names ("Abbreviations & acronyms")."""
    return sheet.name is not None and _info_name(sheet.name)


# Bounded: the keys are sheet names (user text). A long table's hundreds of drafts ask about
# the one sheet they share.
@lru_cache(maxsize=1024)
def _info_name(name: str) -> bool:
    names, key = default_vocabulary().info_sheets, key_of(name)
    words = key.split()
    return key in names or (
        any(w in names for w in words) and all(w in names or w in _JOINING for w in words)
    )


Parse = Callable[[ReadContext, Sheet], list[Draft]]


def read_sheet(ctx: ReadContext, sheet: Sheet, parse: Parse) -> list[Draft]:
    """The draft assessments on a sheet: an online-form export, else what ``parse`` (the
    reader's ``parse_sheet``) finds; a sheet named like notes or instructions only when its
    table gives levels."""
    with places(sheet):  # rows split at their tabs: named as the cells that held them
        return _read_sheet(ctx, sheet, parse)


def _read_sheet(ctx: ReadContext, sheet: Sheet, parse: Parse) -> list[Draft]:
    if not is_info_sheet(sheet):
        return _read(ctx, sheet, parse)
    if not _may_hold_table(ctx, sheet):
        return []  # instructions, lists, the scale: skipped without a word
    start, unmatched = len(ctx.problems), len(ctx.unmatched)
    reported, formula_cells = set(ctx.reported), dict(ctx.formula_cells)
    drafts = _read(ctx, sheet, parse)
    if any(_has_levels(d) for d in drafts):
        return drafts
    said = ctx.problems[start:]
    del ctx.problems[start:], ctx.unmatched[unmatched:]
    ctx.reported, ctx.formula_cells = reported, formula_cells
    table = (
        bool(drafts)
        or any(p.severity == "error" for p in said)
        or isinstance(find_layout(ctx, sheet), SeveralLevels)
    )
    if table and not sheet.hidden:
        first = next((p for p in said if p.severity == "error"), said[0] if said else None)
        why = f" Read as an assessment, it says: {first.message}" if first else ""
        ctx.add(
            "warning",
            sheet,
            None,
            f"Skipped sheet {quoted(sheet.name)}: it is named like a sheet of notes or "
            f"instructions, and no level could be read from the table on it.{why}",
            "If it holds an assessment, give each capability its level (0 to 4), and name the "
            "sheet after the country rather than “Notes” or “Dashboard”; otherwise there is "
            "nothing to do.",
        )
    return []


def drop_copies(drafts: list[Draft]) -> list[Draft]:
    """The drafts without those of sheets named like notes that repeat, level for level, an
    assessment read from another sheet (a dashboard showing the data sheet's levels)."""
    copies = [d for d in drafts if is_info_sheet(d.sheet) and not is_summary_name(d.sheet.name)]
    if not copies:
        return drafts  # a summary's ("Overview") copies are said (``summary_sheets``)
    others = {(d.key(), _answers(d)) for d in drafts if not is_info_sheet(d.sheet) and d.country}
    dropped = {id(d) for d in copies if (d.key(), _answers(d)) in others}
    return [d for d in drafts if id(d) not in dropped]


def _may_hold_table(ctx: ReadContext, sheet: Sheet) -> bool:
    """Whether the sheet could hold a table of levels (cheap, before reading it): text that
    names a few capabilities, or a header naming the level and the capability's number."""
    named: set[int] = set()
    # What a text names, read once per distinct text: both readings are pure, and a title
    # merged across columns (the template's instructions) repeats each text along its row.
    read: dict[str, tuple[int | None, str | None]] = {}
    for cells in sheet.rows[:_SCAN_ROWS]:
        fields = set()
        for value in cells:
            if isinstance(value, str) and len(value) <= _NAME_CHARS:
                if (found := read.get(value)) is None:
                    found = read[value] = (
                        exact_reference(value, ctx.capabilities),
                        classify_header(value),
                    )
                number, field = found
                if number is not None:
                    named.add(number)
                fields.add(field)
        if len(named) >= MIN_KEY_MATCHES or ("level" in fields and "number" in fields):
            return True
    return False


def _read(ctx: ReadContext, sheet: Sheet, parse: Parse) -> list[Draft]:
    mapped = ctx.mapping.for_sheet(sheet) if ctx.mapping is not None else None
    if mapped is None:
        sheet = flat_pivot(sheet, ctx.domain_names) or sheet
        found = read_laid_across(ctx, sheet, parse)
        if found is None and not rounds_over_items(ctx, sheet):
            found = read_form(ctx, sheet)
        if found is not None:
            return apart_unread_years(ctx, found)
    return apart_unread_years(ctx, parse(ctx, sheet))


def _has_levels(draft: Draft) -> bool:
    return any(answers[0] is not None for kind in draft.items.values() for answers in kind.values())


def _answers(draft: Draft) -> tuple[object, ...]:
    return tuple(
        (kind, number, answers[0])
        for kind, items in sorted(draft.items.items())
        for number, answers in sorted(items.items())
    )
