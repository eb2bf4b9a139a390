"""A sheet of changes between assessments ("Change 2019-2023", "Δ", "Progress"): no assessment.

A workbook with a sheet per round often ends with one more: the same table of countries and
capabilities, holding each level's change between two rounds (+1, 0, -1). Read as levels, its
zeros and ones would become a yearless assessment of each country, and its falls errors. A
sheet is taken as one of differences, left out with a warning (its problems with it), when
its name or title says so:

* it names a change ("change", "difference", "delta", "Δ", "écart", "cambio", "diferencia",
  "mudança", … in the vocabulary's languages), or a progress ("progress", "évolution") over a
  span of years ("2019-2023", "2019 to 2023", "2019 vs 2023");
* its assessments have no date or year of their own (a change is between two);
* and what it holds is not levels: signed numbers (a fall written -1, a rise +1), or, for a
  change, the same countries' assessments are read from other sheets of the file (the change
  between them says nothing they do not).

A "Progress 2023" sheet of levels, dated or without signed numbers, is read.
"""

from __future__ import annotations

import re
from typing import Any

from components.base.text import normalise
from components.ingest.drafts import Draft
from components.ingest.sheets import ReadContext, Sheet, quoted

# Words for a change between two assessments, in the vocabulary's languages (normalised).
_CHANGE_WORDS = frozenset(
    {
        "change", "changes", "difference", "differences", "diff", "delta", "variation",
        "variations", "changement", "changements", "ecart", "ecarts", "cambio", "cambios",
        "diferencia", "diferencias", "variacion", "mudanca", "mudancas", "diferenca",
        "diferencas", "variacao",
    }
)  # fmt: skip
# Words that may name a change, or a round's report ("Progress 2023"): a change only with a
# span of years and signed numbers.
_PROGRESS_WORDS = frozenset(
    {
        "progress", "improvement", "evolution", "trend", "gain", "gains", "movement",
        "progression", "evolucion", "progreso", "evolucao", "progresso",
    }
)  # fmt: skip
_DELTA = ("Δ", "∆")
# "2019-2023", "2019–23", "2019 to 2023", "2019 vs 2023", "2019→2023", "de 2019 à 2023".
_YEAR_SPAN = re.compile(
    r"\b(?:19|20)\d\d\s*(?:[-–—/→>]|to|vs\.?|versus|a|à|al|até|et|and)\s*(?:(?:19|20)\d\d|\d\d)\b",
    re.IGNORECASE,
)
# A number written with its sign: "+1", "-2", "− 1".
_SIGNED = re.compile(r"^\s*[+\-−–]\s*\d+(?:[.,]\d+)?\s*$")
# Rows at the top of a sheet looked at for its title.
_TITLE_ROWS = 4


def drop_change_sheets(ctx: ReadContext, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` without those of sheets of changes between assessments (each said)."""
    sheets: dict[int, tuple[Sheet, str]] = {}
    seen: set[int] = set()
    for draft in drafts:
        if draft.sheet.name is None or id(draft.sheet) in seen:
            continue
        seen.add(id(draft.sheet))
        if kind := _names_change(draft.sheet):
            sheets[id(draft.sheet)] = (draft.sheet, kind)
    if not sheets:
        return drafts  # the usual case
    dropped: dict[int, int] = {}  # sheet -> its signed numbers
    for key, (sheet, kind) in sheets.items():
        own = [d for d in drafts if id(d.sheet) == key]
        if any(d.year is not None or d.date is not None for d in own):
            continue  # dated assessments (a comparison's own columns of each year's levels)
        others = {d.key()[0] for d in drafts if id(d.sheet) != key and d.country}
        signed = _signed_numbers(sheet)
        elsewhere = bool(others) and all(d.key()[0] in others for d in own if d.country)
        if (kind == "change" and (signed or elsewhere)) or (kind == "progress" and signed):
            dropped[key] = signed
    if not dropped:
        return drafts
    names = {sheets[key][0].name for key in dropped}
    # What reading it said (a level off the scale, a country with no level) goes with it.
    ctx.problems[:] = [p for p in ctx.problems if p.sheet not in names]
    ctx.formula_cells = {k: v for k, v in ctx.formula_cells.items() if k[0] not in names}
    for key, signed in dropped.items():
        _say(ctx, sheets[key][0], signed)
    return [d for d in drafts if id(d.sheet) not in dropped]


def _names_change(sheet: Sheet) -> str | None:
    """ "change" when the sheet's name or title names a change (a word for it with a span of
    years or alone, or "Δ"); "progress" for a word that may name a round's report, with a span
    of years; else None."""
    texts = (sheet.name or "", *_titles(sheet))
    spans = any(_YEAR_SPAN.search(text) for text in texts)
    words = set().union(*(normalise(text).split() for text in texts))
    if words & _CHANGE_WORDS or any(symbol in text for text in texts for symbol in _DELTA):
        return "change"
    return "progress" if spans and words & _PROGRESS_WORDS else None


def _titles(sheet: Sheet) -> list[str]:
    """The text of the title rows at the top of the sheet (a row of one or two cells)."""
    found = []
    for cells in sheet.rows[:_TITLE_ROWS]:
        filled = [v for v in cells if v is not None]
        if 0 < len(filled) <= 2:
            found += [v for v in filled if isinstance(v, str)]
    return found


def _signed_numbers(sheet: Sheet) -> int:
    """How many cells hold a number below zero or one written with its sign ("+1")."""
    return sum(1 for cells in sheet.rows for value in cells if _signed(value))


def _signed(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return value < 0
    return isinstance(value, str) and _SIGNED.match(value) is not None


def _say(ctx: ReadContext, sheet: Sheet, signed: int) -> None:
    holds = (
        "differences between assessments (rises and falls such as +1 and -1)"
        if signed
        else "differences between the assessments on the other sheets"
    )
    ctx.add(
        "warning",
        sheet,
        None,
        f"Sheet {quoted(sheet.name)} holds {holds}, not levels; it was not read as an "
        "assessment. The assessments it compares are read from their own sheets.",
        "Nothing to do if it is a comparison. If it is an assessment of its own, write its "
        "levels (0 to 4) and give the sheet a name that does not say “change”.",
    )
