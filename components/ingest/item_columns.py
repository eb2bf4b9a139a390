"""The column that names the capability, under the names databases and M&E tools give it.

A monitoring database or an M&E tool names its columns after its own model, not the framework:
"indicator_code" (CAP_01 … CAP_21, ENB_01 … ENB_07) and "indicator_label" (the titles),
"item_code", "question_code", "Indicator name", "KPI". And a dump starts with the records' own
"id", which the vocabulary reads as the capability's number ("ID | Capability | Level" in a
template). Read that way, the ids 1 to 21 of the first country are its capabilities, and every
later row names none.

``item_fields`` looks at the values of a long table's header (one with a level column and no
column of titles) when its capability's number is missing or does not name capabilities in
most of its rows: a column whose values name capabilities or enablers (by code or by title) in
most of its rows, headed by an item's word ("indicator", "item", "question", in the reader's
languages), or by nothing the reader knows when it stands beside a number column that names
none, is taken instead: as the number when it holds codes, as the title when it holds titles.
A number column whose values name fewer items is then left unread (a record id). Plain numbers
never make a column of codes on their own: a column of ids or of levels holds them too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from components.ingest.matching import Field, classify_header, exact_reference, is_plain_number
from components.ingest.sheets import ReadContext, Sheet
from components.ingest.vocabulary import key_of

# Values looked at below the header.
SAMPLE_ROWS = 40
# A column names items when this share of its filled cells names one (and at least MIN do).
NAMES_ITEMS = 0.8
MIN_VALUES = 3
# A column taken instead of the number column must name this much more of its rows.
CLEARLY_MORE = 0.2
# What M&E tools and databases call a capability, in the reader's languages.
ITEM_WORDS = frozenset(
    {
        "indicator", "indicators", "item", "items", "question", "questions", "kpi", "metric",
        "criterion", "criteria", "element", "component", "indicateur", "indicateurs",
        "critere", "criteres", "composante", "indicador", "indicadores",
        "pregunta", "preguntas", "criterio", "criterios", "elemento", "componente",
        "pergunta", "perguntas", "questao", "questoes",
    }
)  # fmt: skip
# Words that make such a column the code rather than the title.
CODE_WORDS = frozenset(
    {"code", "codes", "id", "key", "ref", "no", "nr", "num", "number", "codigo", "identifiant"}
)
# The fields that name the item a row is about.
_ITEM_FIELDS: tuple[Field, ...] = ("number", "capability", "enabler")


def item_fields(
    ctx: ReadContext, sheet: Sheet, row: int, fields: Mapping[Field, int]
) -> dict[Field, int]:
    """``fields`` (a header row's columns by field) with the column that names the rows'
    capabilities taken where the header's own item columns name none (see the module)."""
    found = dict(fields)
    if "level" not in found or found.keys() & {"capability", "enabler"}:
        return found  # a column of titles decides (``record_ids`` sees to a number beside it)
    current = {f: found[f] for f in _ITEM_FIELDS if f in found}
    shares = {f: _share(ctx, sheet, row, column)[0] for f, column in current.items()}
    if current and all(share >= NAMES_ITEMS for share in shares.values()):
        return found  # the usual case: the header's item columns name the items
    used = set(found.values())
    cells = sheet.rows[row]
    # A column headed by nothing the reader knows only replaces a number column naming none.
    unknown = "number" in shares and shares["number"] < NAMES_ITEMS
    best: dict[str, tuple[bool, float, int]] = {}  # "code" or "title" -> (worded, share, column)
    for column, header in enumerate(cells):
        if column in used or not _may_name_items(header, unknown=unknown):
            continue
        share, codes = _share(ctx, sheet, row, column, plain=False)
        if share < NAMES_ITEMS:
            continue
        words = set(key_of(header).split()) if isinstance(header, str) else set()
        kind = "code" if words & CODE_WORDS or codes else "title"
        # A column headed by an item's word before one headed by nothing the reader knows.
        rank = (bool(words & ITEM_WORDS), share, -column)
        if kind not in best or rank > (*best[kind][:2], -best[kind][2]):
            best[kind] = (rank[0], share, column)
    if not best:
        return found
    better = max(share for _, share, _ in best.values())
    number_share = shares.get("number")
    if "code" in best and (number_share is None or better >= number_share + CLEARLY_MORE):
        found["number"] = best["code"][2]
    elif number_share is not None and better >= number_share + CLEARLY_MORE:
        del found["number"]  # a record id beside the column that names the items
    if "title" in best and not found.keys() & {"capability", "enabler"}:
        found["capability"] = best["title"][2]
    return found


def _may_name_items(header: Any, *, unknown: bool) -> bool:
    """Whether a column so headed may be the items' column: an item's word, or (``unknown``)
    nothing the reader knows (a header it knows is another column's)."""
    if isinstance(header, str) and set(key_of(header).split()) & ITEM_WORDS:
        return True
    return unknown and (
        header is None or (isinstance(header, str) and classify_header(header) is None)
    )


def _share(
    ctx: ReadContext, sheet: Sheet, row: int, column: int, *, plain: bool = True
) -> tuple[float, bool]:
    """(the share of the column's filled cells below ``row`` that name a capability or an
    enabler, 0 when too few are filled; whether those are mostly codes, not titles).
    ``plain``: whether a plain number ("7") counts as naming one."""
    values = [v for v in sheet.column(column, row + 1, row + 1 + SAMPLE_ROWS) if v is not None]
    if len(values) < MIN_VALUES:
        return 0.0, False
    named = codes = 0
    for value in values:
        # What each value names, once per distinct value in the read.
        names, code = ctx.cached("names-an-item", value, lambda v: _names_item(ctx, v))
        if names and (plain or not is_plain_number(value)):
            named += 1
            codes += code
    return named / len(values), codes * 2 > named


def _names_item(ctx: ReadContext, value: Any) -> tuple[bool, bool]:
    """(whether ``value`` names a capability or an enabler, whether it is a code)."""
    names = (
        exact_reference(value, ctx.capabilities) is not None
        or exact_reference(value, ctx.enablers) is not None
    )
    return names, names and _is_code(value)


def _is_code(value: Any) -> bool:
    """A code ("CAP_01", "C7", "ENB-03"): one short word with a digit; a title has spaces or
    no digit."""
    return (
        isinstance(value, str)
        and len(value.strip()) <= 12
        and " " not in value.strip()
        and any(ch.isdigit() for ch in value)
    )
