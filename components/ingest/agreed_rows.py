"""Rows of several views of one assessment beside the agreed one's: the agreed rows are read.

Two kinds of file give an assessment more than once, told apart by a column:

- multi-stakeholder scoring: per country a row (or a row per capability) for each group that
  scored it (Government, Civil society, UN agency) and one for the result they agreed on
  ("Consensus", "Agreed", "Final", "Validated", "National result"), in a column saying whose
  view each row is ("Respondent type", "Stakeholder group", "Organisation", "Source", "Group");
- a submissions log: a "Status" (or "Version", "Stage") column with an assessment's "Draft"
  rows and its "Final" ("Validated", "Approved") ones, the drafts often hidden by a filter.

Read as they are, each capability is given several times with different levels, and none is
used. ``keep_agreed_rows`` reads the agreed row of each assessment (and of each capability, in
a long table) and sets the other views' rows aside, with a warning saying how many and whose;
an assessment with no agreed row keeps its rows (one view alone is read, with a warning; views
that differ are said by ``said_views``, naming the column and how to filter it). A value is
agreed only when all of it says so ("Consensus", "Agreed level", "National consensus"; not
"Agreed at the national meeting"); in a status column, the others must say draft ("Draft",
"Provisional", "Under review"). Words in the reader's languages. The reader asks here through
``unread_rows`` (for a table of one row per capability, and a wide table's).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from components.ingest.drafts import Draft
from components.ingest.hidden_rows import hidden_rows
from components.ingest.layout import HEADER_SCAN_ROWS, CountryRows, ItemTable, repeated_headers
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.unread_columns import repeated_rows
from components.ingest.vocabulary import default_vocabulary, key_of

# A header word of a column saying whose view a row gives.
VIEW_WORDS = frozenset(
    {
        "respondent", "respondents", "stakeholder", "stakeholders", "organisation",
        "organization", "organisations", "organizations", "agency", "institution", "source",
        "group", "groups", "sector", "constituency", "perspective", "panel", "actor", "actors",
        "participant", "participants", "scorer", "rater", "informant", "repondant",
        "repondants", "partie", "parties", "prenante", "prenantes", "groupe", "acteur",
        "acteurs", "secteur", "encuestado", "encuestados", "informante", "grupo", "fuente",
        "organizacion", "institucion", "interesada", "interesadas", "respondente",
        "respondentes", "organizacao", "instituicao", "fonte", "ator", "atores", "setor",
        "interessada", "interessadas",
    }
)  # fmt: skip
# A header word of a column saying how a row's level was found ("Method", "Data source").
METHOD_WORDS = frozenset(
    {"method", "methods", "methodology", "verification", "basis", "methode", "metodo", "modo"}
)
# A header word of a column saying how far along a row is.
STATUS_WORDS = frozenset(
    {"status", "statut", "version", "versao", "stage", "etape", "etapa", "validation"}
)
# Words of a value naming the agreed result ("Consensus", "Final score", "Validé").
AGREED_WORDS = frozenset(
    {
        "consensus", "agreed", "final", "validated", "approved", "official", "consolidated",
        "reconciled", "endorsed", "consensuel", "consensuelle", "convenu", "convenue",
        "finale", "valide", "validee", "approuve", "approuvee", "officiel", "officielle",
        "retenu", "retenue", "consenso", "consensuado", "consensuada", "acordado",
        "acordada", "validado", "validada", "aprobado", "aprobada", "oficial", "consensual",
        "aprovado", "aprovada",
    }
)  # fmt: skip
# Words that may stand beside them ("Agreed level", "National consensus", "Nivel final").
_BESIDE = frozenset(
    {
        "level", "levels", "score", "scores", "result", "results", "rating", "national",
        "row", "view", "position", "value", "values", "niveau", "resultat", "note",
        "nacional", "nivel", "puntuacion", "resultado", "pontuacao", "nota", "de", "du",
        "la", "le", "del", "da", "do", "the",
    }
)  # fmt: skip
# The national result named without an agreed word.
_NATIONAL = frozenset(
    {"national result", "national results", "national score", "national level",
     "resultat national", "resultado nacional", "niveau national", "nivel nacional"}
)  # fmt: skip
# Words of a value saying a row is a draft ("Draft", "Under review", "Non validé").
DRAFT_WORDS = frozenset(
    {
        "draft", "provisional", "preliminary", "pending", "submitted", "progress", "review",
        "proposed", "initial", "working", "superseded", "previous", "old", "rejected",
        "unvalidated", "brouillon", "provisoire", "preliminaire", "projet", "cours",
        "attente", "soumis", "borrador", "provisorio", "provisoria", "preliminar",
        "pendiente", "revision", "proceso", "enviado", "rascunho", "pendente", "andamento",
        "revisao", "minuta",
    }
)  # fmt: skip
_NOT = frozenset({"not", "non", "no", "nao"})
# The memo's key of a column read as the column of views (``read_as_views``).
_READ = "agreed-rows-column"
# A column of views names only a few ("Government", "Civil society", …, "Consensus").
MAX_VIEWS = 12
# Assessments named in a warning, at most.
_NAMED = 5
# A date written as text ("2023-06-30", "30/06/2023 14:05"): its year.
_DATE = re.compile(
    r"(?:(?P<year>\d{4})[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?P<last>\d{4}))"
    r"(?:[ T].*)?"
)


def keep_agreed_rows(
    ctx: ReadContext,
    sheet: Sheet,
    header: int,
    *,
    used: Collection[int],
    groups: Sequence[int],
    items: Sequence[int] = (),
    end: int | None = None,
) -> None:
    """Blank the rows of the views set aside (see the module), and say so.

    ``header`` is the table's header row; ``used`` its columns read for something else;
    ``groups`` the columns saying which assessment a row is (country, year, round): their
    values, carried down where blank, group the rows; ``items`` the columns saying which
    capability a row is about (a long table): the agreed row of each capability replaces the
    others, while a table of one row per assessment has ``()``.
    """
    end = len(sheet.rows) if end is None else min(end, len(sheet.rows))
    found = _view_column(ctx, sheet, header, used, end)
    if found is None:
        return
    column, kind, agreed = found
    keys = _row_keys(sheet, header + 1, end, groups)
    # Each row's view (its key) and item, read once: a long table has thousands of rows.
    memo: dict[Any, str | None] = {}
    views = {row: _cached(memo, sheet.value(row, column), _value_key) for row in keys}
    item_memo: dict[Any, Any] = {}
    items_of = {row: _item(sheet, row, items, item_memo) for row in keys}
    with_agreed = {(keys[row], items_of[row]) for row, view in views.items() if view == agreed}
    aside = [
        row
        for row, view in views.items()
        if view not in (None, agreed) and (keys[row], items_of[row]) in with_agreed
    ]
    # Assessments without an agreed row and with one view only: read as they are, said (the
    # views that differ of one without are said by ``said_views``).
    agreed_groups = {key for key, _ in with_agreed}
    seen: dict[Any, set[str]] = {}
    for row, view in views.items():
        if view is not None and keys[row] not in agreed_groups:
            seen.setdefault(keys[row], set()).add(view)
    alone = {key for key, found_views in seen.items() if len(found_views) == 1}
    if not aside and (kind == "view" or not alone):
        return  # each item given once: the column says where each level came from, no more
    ctx.memo[(_READ, sheet.name, column)] = True  # the column was read: not "left out"
    shown = sheet.value(_first_agreed(sheet, keys, column, agreed), column)
    others = sorted({str(sheet.value(row, column)).strip() for row in aside})
    for row in aside:
        sheet.rows[row] = ()
    if aside:
        sheet.columns = None  # the rows changed: the columns no longer say the same
    where = cell_address(header, column)
    heading = quoted(sheet.value(header, column))
    if aside:
        hidden = hidden_rows(ctx.xlsx_data, sheet.name)
        hid = sum(row + 1 in hidden for row in aside)
        note = (" (all hidden)" if hid == len(aside) else f" ({hid} of them hidden)") if hid else ""
        views = ", ".join(quoted(v) for v in others[:_NAMED]) + (
            ", …" if len(others) > _NAMED else ""
        )
        if kind == "status":
            message = (
                f"The column {heading} ({where}) marks each row {views} or {quoted(shown)}: the "
                f"{quoted(shown)} rows were read, and the {len(aside)} rows of {views}{note} set "
                "aside, as the final rows of the same assessments replace them."
            )
            fix = (
                f"Nothing to do if the {quoted(shown)} rows are the ones to keep; if a draft is "
                f"meant instead, mark it {quoted(shown)} and the other row otherwise."
            )
        else:
            message = (
                f"The column {heading} ({where}) says whose view each row gives: the rows of "
                f"{quoted(shown)} were read as the agreed result, and the {len(aside)} rows of "
                f"the other views ({views}){note} were set aside."
            )
            fix = (
                f"Nothing to do if the {quoted(shown)} rows hold the agreed levels; to read one "
                f"view instead, filter the column {heading} to it (Data > Filter), copy the "
                "rows shown to a new sheet and upload that."
            )
        ctx.add("warning", sheet, where, message, fix)
    if alone:
        _say_alone(
            ctx, sheet, place=(header, column), keys=keys, kind=kind, shown=shown, alone=alone
        )


def _say_alone(
    ctx: ReadContext,
    sheet: Sheet,
    *,
    place: tuple[int, int],
    keys: dict[int, Any],
    kind: str,
    shown: Any,
    alone: set[Any],
) -> None:
    """Say the assessments read from rows without an agreed one."""
    header, column = place
    first = {}
    for row, key in keys.items():
        if key in alone and sheet.value(row, column) is not None:
            first.setdefault(key, row)
    rows = sorted(first.values())
    named = ", ".join(f"row {row + 1}" for row in rows[:_NAMED]) + (
        f" and {len(rows) - _NAMED} more" if len(rows) > _NAMED else ""
    )
    heading = quoted(sheet.value(header, column))
    what = "final" if kind == "status" else "agreed"
    ctx.add(
        "warning",
        sheet,
        cell_address(rows[0], column),
        f"{len(rows)} {'assessment has' if len(rows) == 1 else 'assessments have'} no "
        f"{quoted(shown)} row in the column {heading}, unlike the others ({named}): "
        f"{'its' if len(rows) == 1 else 'their'} rows were read as they are, not as an "
        f"{what} result.",
        f"If {'it has' if len(rows) == 1 else 'they have'} an {what} result, add its rows "
        f"marked {quoted(shown)}; otherwise nothing to do.",
    )


def said_views(ctx: ReadContext, draft: Draft, events: list[tuple[Any, ...]]) -> bool:
    """One message for an assessment given once per view (a column of views, no agreed row):
    the items they give different levels are not used, as ``twice`` does, and the message
    names the column and how to filter it. ``False`` when the rows differ in no such column."""
    pairs = [p for e in events if (p := repeated_rows(draft, e)) is not None]
    if not pairs or len(pairs) != len(events):
        return False
    sheet = draft.sheet
    top = min(first for first, _ in pairs)
    found = None
    for column in range(sheet.width()):
        if not all(_differ(sheet.value(a, column), sheet.value(b, column)) for a, b in pairs):
            continue
        header = _header_of(sheet, column, top)
        if header is not None:
            found = (column, header)
            break
    if found is None:
        return False
    column, header = found
    differ: list[int] = []
    for kind, number, _, level in events:
        if draft.items[kind].get(number, (None,))[0] != level or number in differ:
            draft.items[kind].pop(number, None)
            if number not in differ:
                differ.append(number)
    views = list(dict.fromkeys(str(sheet.value(r, column)).strip() for p in pairs for r in p))
    shown = ", ".join(quoted(v) for v in views[:_NAMED]) + (", …" if len(views) > _NAMED else "")
    heading = quoted(sheet.value(header, column))
    numbers = ", ".join(str(n) for n in sorted(differ)[:10]) + (", …" if len(differ) > 10 else "")
    kept = len({(k, n) for k, n, _, _ in events}) - len(differ)
    ctx.add(
        "error",
        sheet,
        cell_address(header, column),
        f"{draft.name} is given once per view in the column {heading} ({shown}), and no row "
        f"gives the agreed result (such as “Consensus”): the {len(differ)} capabilities "
        f"on which the views differ ({numbers}) were not used"
        + (f"; the {kept} on which they all agree were kept." if kept else "."),
        f"Add a row with the agreed levels marked “Consensus” in the column {heading}, or "
        "filter the table to one view (Data > Filter), copy the rows shown to a new sheet and "
        "upload that.",
    )
    return True


def _view_column(
    ctx: ReadContext, sheet: Sheet, header: int, used: Collection[int], end: int
) -> tuple[int, str, str] | None:
    """(column, "view" or "status", the agreed value's key) of the table's column of views."""
    cells = sheet.rows[header] if header < len(sheet.rows) else ()
    found: list[tuple[int, str, str]] = []
    for column, heading in enumerate(cells):
        kind = _kind(heading) if column not in used else None
        if kind is None:
            continue
        raw = set(sheet.column(column, header + 1, end)) - {None}
        values = {key for value in raw if (key := _value_key(value)) not in (None, key_of(heading))}
        if not 1 < len(values) <= MAX_VIEWS:
            continue
        agreed = [v for v in values if is_agreed(v)]
        if len(agreed) != 1:
            continue
        others = values - set(agreed)
        if kind == "status" and not all(is_draft(v) for v in others):
            continue
        rounds = default_vocabulary().round_words
        if kind == "view" and any(v in rounds for v in others):
            continue  # "Baseline" and "Final": rounds of an evaluation, each its own
        found.append((column, kind, agreed[0]))
    # Two such columns (a type and an organisation) must mark the same rows agreed.
    marked = {frozenset(_rows_marked(sheet, c, a, header + 1, end)) for c, _, a in found}
    return found[0] if len(marked) == 1 else None


def _rows_marked(sheet: Sheet, column: int, agreed: str, first: int, end: int) -> list[int]:
    values = sheet.column(column, first, end)
    return [first + i for i, value in enumerate(values) if _value_key(value) == agreed]


def read_as_views(ctx: ReadContext, sheet: Sheet, column: int) -> bool:
    """Whether ``column`` of ``sheet`` was read as the column of views (its agreed rows kept)."""
    return (_READ, sheet.name, column) in ctx.memo


def describes_rows(heading: Any) -> bool:
    """Whether a column so headed says whose view a row gives, how far along it is or how its
    level was found ("Respondent type", "Status", "Source", "Method"): it describes the row,
    and is no capability or level of its own."""
    return _kind(heading) is not None or (
        isinstance(heading, str) and bool(set(key_of(heading).split()) & METHOD_WORDS)
    )


def _kind(heading: Any) -> str | None:
    """ "view" or "status" for a header saying whose view or how far along a row is."""
    if not isinstance(heading, str):
        return None
    words = set(key_of(heading).split())
    if words & STATUS_WORDS:
        return "status"
    return "view" if words & VIEW_WORDS else None


def is_agreed(key: str) -> bool:
    """Whether a value (its key) names the agreed result: all its words say so."""
    words = key.split()
    return key in _NATIONAL or (
        bool(words)
        and any(w in AGREED_WORDS for w in words)
        and all(w in AGREED_WORDS or w in _BESIDE for w in words)
    )


def is_draft(key: str) -> bool:
    """Whether a value (its key) says a row is a draft: "Draft", "Not validated"."""
    words = key.split()
    return any(w in DRAFT_WORDS for w in words) or (
        len(words) >= 2 and words[0] in _NOT and words[-1] in AGREED_WORDS
    )


def _cached(memo: dict[Any, Any], value: Any, compute: Any) -> Any:
    """``compute(value)``, once per distinct value (and type) in ``memo``."""
    key = (value.__class__, value)
    if key not in memo:
        memo[key] = compute(value)
    return memo[key]


def _value_key(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return key_of(value) or None


def _row_keys(sheet: Sheet, first: int, end: int, groups: Sequence[int]) -> dict[int, Any]:
    """Each filled row's group: its values in ``groups`` (a year for a date), carried down
    where blank (a country written once over its rows)."""
    keys: dict[int, Any] = {}
    last: list[Any] = [None] * len(groups)
    memo: dict[Any, Any] = {}
    for row in range(first, end):
        if not sheet.rows[row]:
            continue
        for index, column in enumerate(groups):
            value = sheet.value(row, column)
            if value is not None:
                last[index] = _cached(memo, value, _group_value)
        keys[row] = tuple(last)
    return keys


def _group_value(value: Any) -> Any:
    """A group cell compared: a date by its year (a draft and its final are dated apart)."""
    if isinstance(value, datetime.date):
        return value.year
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        dated = _DATE.fullmatch(value.strip())
        return int(dated["year"] or dated["last"]) if dated else key_of(value)
    return value


def _item(sheet: Sheet, row: int, items: Sequence[int], memo: dict[Any, Any]) -> Any:
    """The row's values in the ``items`` columns: which capability it is about (``()`` for a
    table of one row per assessment)."""
    return tuple(
        None if (value := sheet.value(row, c)) is None else _cached(memo, value, _group_value)
        for c in items
    )


def _first_agreed(sheet: Sheet, keys: dict[int, Any], column: int, agreed: str) -> int:
    return next(row for row in keys if _value_key(sheet.value(row, column)) == agreed)


def _header_of(sheet: Sheet, column: int, row: int) -> int | None:
    """The first row above ``row`` whose cell in ``column`` heads a column of views (from the
    top: the values below may hold such a word, "UN agency"), among the rows a header is
    looked for in."""
    for above in range(min(row, HEADER_SCAN_ROWS)):
        if _kind(sheet.value(above, column)) is not None:
            return above
    return None


def _differ(first: Any, again: Any) -> bool:
    """Whether two rows' cells name two views."""
    key = _value_key(first)
    return key is not None and key != _value_key(again) and _value_key(again) is not None


def agree_item_rows(ctx: ReadContext, sheet: Sheet, layout: ItemTable) -> None:
    """``keep_agreed_rows`` for a table of one row per capability (a long table's, or one
    assessment's); not for tables stacked under one another without a country column, each
    of which is an assessment of its own."""
    columns = layout.columns
    used = {c for f, c in columns.items() if f != "assessed_by"}
    cells = sheet.rows[layout.header]
    if not any(_kind(value) for column, value in enumerate(cells) if column not in used):
        return  # the usual case: no column of views
    if "country" not in columns and repeated_headers(sheet, layout):
        return
    items = [columns[f] for f in ("number", "capability", "enabler") if f in columns]
    groups = _groups(columns)
    keep_agreed_rows(ctx, sheet, layout.header, used=used, groups=groups, items=items)


def agree_country_rows(ctx: ReadContext, sheet: Sheet, layout: CountryRows) -> None:
    """``keep_agreed_rows`` for a table of one row per assessment, capabilities across."""
    used = {layout.country, *layout.items}
    used |= {c for f, c in layout.columns.items() if f != "assessed_by"}
    groups = _groups({**layout.columns, "country": layout.country})
    keep_agreed_rows(ctx, sheet, layout.header, used=used, groups=groups)


def _groups(columns: Mapping[str, int]) -> list[int]:
    """The columns that tell assessments apart: country, code, year and round; a date only
    without a year (a draft and its final are dated apart, in the same year)."""
    fields = ["country", "iso3", "year", "round"]
    if "year" not in columns:
        fields += ["date", "when"]
    return [columns[f] for f in fields if f in columns]
